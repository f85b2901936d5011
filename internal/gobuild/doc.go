// Package gobuild turns generated packages into binaries without network
// and from any directory: it writes them, with the embedded runtime,
// conformance and harness sources (eventflux.Sources), into a module named
// github.com/eventflux/eventflux-go under the user's cache directory and
// runs `go build` there against the user's build cache. Directories are
// named by content hash and reused, so the go build cache hits and a warm
// build only links.
//
// Third-party libraries the runtime imports (klauspost/compress for zstd
// input) travel the same way, as a vendor directory: efc embeds
// eventflux.Vendor, which `go mod vendor` laid out from this module's
// go.mod and go.sum for exactly the packages the embedded sources import
// (internal/vendortree; compiler-side modules such as the TiDB parser and
// jennifer are not in it). The build module gets that tree as vendor/, a
// go.mod requiring the modules its modules.txt lists, and go build runs
// with -mod=vendor and GOPROXY=off: the module cache is never read and
// nothing is fetched, and only the packages a program imports get
// compiled. A vendor tree was chosen over the alternatives because it is
// the go command's own offline format: a module cache or a GOPROXY=file://
// directory would need the modules' full zips to match go.sum, and copying
// the packages under our own import paths would mean rewriting their
// imports. `make vendor-embed` refreshes the tree after a go.mod change; a
// test of the root package fails while it is stale.
package gobuild
