package gobuild

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	eventflux "github.com/eventflux/eventflux-go"
)

// RuntimeModulePath is the module generated code imports the runtime from.
const RuntimeModulePath = "github.com/eventflux/eventflux-go"

// RuntimeVersion is the version a user's go.mod requires the runtime
// module at: it is not published, so the version is the zero
// pseudo-version the go command itself gives a module that only a
// directory replacement provides.
const RuntimeVersion = "v0.0.0-00010101000000-000000000000"

// LocalModule is a module written into a directory of a user's module,
// for a directory replacement in its go.mod.
type LocalModule struct {
	Path    string
	Version string // what the user's module requires; a replacement of exactly this version
	Files   map[string][]byte
}

// LocalModules are the modules a user's module needs to build generated
// code without network or module cache: first the runtime module (the
// runtime tree of the embedded sources; conformance and the harness are
// efc's own), then each module of the vendor tree with the packages the
// runtime needs and a go.mod naming it (vendor trees keep none). A
// third-party module is pruned to those packages: a user's module that
// imports other packages of it must require a version of its own.
func LocalModules() ([]LocalModule, error) {
	mods, err := VendoredModules()
	if err != nil {
		return nil, err
	}
	runtimeFiles := map[string][]byte{"go.mod": []byte(goModHead + requireBlock(mods))}
	if err := collect(eventflux.Sources(), "runtime", runtimeFiles); err != nil {
		return nil, err
	}
	out := []LocalModule{{Path: RuntimeModulePath, Version: RuntimeVersion, Files: runtimeFiles}}
	// A module's files are those below its path that no longer module
	// path claims (a module may be nested in another's directory).
	byLength := append([]Module(nil), mods...)
	sort.Slice(byLength, func(i, j int) bool { return len(byLength[i].Path) > len(byLength[j].Path) })
	files := make(map[string]map[string][]byte, len(mods))
	for _, m := range mods {
		files[m.Path] = map[string][]byte{"go.mod": fmt.Appendf(nil, "module %s\n\ngo %s\n", m.Path, m.GoVersion)}
	}
	err = fs.WalkDir(eventflux.Vendor(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "modules.txt" {
			return err
		}
		for _, m := range byLength {
			if rel, ok := strings.CutPrefix(p, m.Path+"/"); ok {
				data, err := fs.ReadFile(eventflux.Vendor(), p)
				files[m.Path][rel] = data
				return err
			}
		}
		return fmt.Errorf("vendor/%s belongs to no module of modules.txt", p)
	})
	if err != nil {
		return nil, err
	}
	for _, m := range mods {
		out = append(out, LocalModule{Path: m.Path, Version: m.Version, Files: files[m.Path]})
	}
	return out, nil
}

// collect adds the files of fsys below dir to files, by path.
func collect(fsys fs.FS, dir string, files map[string][]byte) error {
	return fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(fsys, p)
		return err
	})
}
