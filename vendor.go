package eventflux

import (
	"embed"
	"io/fs"
)

// The third-party packages the embedded sources import, as the vendor
// directory of a module: modules.txt and the packages' files. The leading
// underscore hides the tree from this module's own builds (./... and
// go:embed of parent directories skip it); `make vendor-embed` rewrites
// it from go.mod and go.sum, and vendor_test.go fails while it is stale.
//
//go:embed _vendor
var vendored embed.FS

// Vendor is the vendor directory for a build of Sources: "modules.txt",
// "github.com/klauspost/compress/zstd/decoder.go", ... Only the packages a
// program imports get compiled, so linking it costs nothing to programs
// that do not use it.
func Vendor() fs.FS {
	sub, err := fs.Sub(vendored, "_vendor")
	if err != nil {
		panic(err) // "_vendor" is a valid path: Sub cannot fail
	}
	return sub
}
