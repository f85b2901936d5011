package gobuild

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	eventflux "github.com/eventflux/eventflux-go"
)

// Module is a third-party module of the embedded vendor tree.
type Module struct {
	Path, Version string
	GoVersion     string   // the go line of its go.mod ("1.25")
	Packages      []string // the packages vendored, all the embedded sources need
}

// VendoredModules lists the modules of eventflux.Vendor(), read from its
// modules.txt.
var VendoredModules = sync.OnceValues(func() ([]Module, error) {
	data, err := fs.ReadFile(eventflux.Vendor(), "modules.txt")
	if err != nil {
		return nil, err
	}
	return parseModulesTxt(string(data))
})

// parseModulesTxt reads the vendor/modules.txt `go mod vendor` writes:
// "# path version" starts a module, "## explicit; go 1.25" annotates it,
// the other lines are its packages. The embedded tree comes from a tidy
// module without replacements, so every module is explicit and a "=>" is
// an error rather than something to honour.
func parseModulesTxt(txt string) ([]Module, error) {
	var mods []Module
	for i, line := range strings.Split(txt, "\n") {
		switch {
		case line == "":
		case strings.HasPrefix(line, "## "):
			if len(mods) == 0 {
				return nil, fmt.Errorf("vendor/modules.txt:%d: annotation before any module", i+1)
			}
			m := &mods[len(mods)-1]
			for _, a := range strings.Split(strings.TrimPrefix(line, "## "), ";") {
				if v, ok := strings.CutPrefix(strings.TrimSpace(a), "go "); ok {
					m.GoVersion = v
				}
			}
			if !strings.HasPrefix(line, "## explicit") {
				return nil, fmt.Errorf("vendor/modules.txt:%d: module %s is not an explicit requirement", i+1, m.Path)
			}
		case strings.HasPrefix(line, "# "):
			f := strings.Fields(strings.TrimPrefix(line, "# "))
			if len(f) != 2 {
				return nil, fmt.Errorf("vendor/modules.txt:%d: %q is not \"# path version\" (replacements are not supported)", i+1, line)
			}
			mods = append(mods, Module{Path: f[0], Version: f[1]})
		case strings.HasPrefix(line, "#"):
			return nil, fmt.Errorf("vendor/modules.txt:%d: unknown line %q", i+1, line)
		default:
			if len(mods) == 0 {
				return nil, fmt.Errorf("vendor/modules.txt:%d: package %s before any module", i+1, line)
			}
			mods[len(mods)-1].Packages = append(mods[len(mods)-1].Packages, line)
		}
	}
	for _, m := range mods {
		if m.GoVersion == "" {
			return nil, fmt.Errorf("vendor/modules.txt: module %s has no go version", m.Path)
		}
	}
	return mods, nil
}

// requireBlock is the require lines a go.mod needs to build with mods.
func requireBlock(mods []Module) string {
	if len(mods) == 0 {
		return ""
	}
	lines := make([]string, len(mods))
	for i, m := range mods {
		lines[i] = "\t" + m.Path + " " + m.Version + "\n"
	}
	sort.Strings(lines)
	return "\nrequire (\n" + strings.Join(lines, "") + ")\n"
}
