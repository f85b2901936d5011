// Package gobuild turns generated packages into binaries without network
// and from any directory: it writes them, with the embedded runtime,
// conformance and harness sources (eventflux.Sources), into a module named
// eventflux under the user's cache directory and runs `go build` there
// against the user's build cache. Directories are named by content hash and
// reused, so the go build cache hits and a warm build only links.
package gobuild
