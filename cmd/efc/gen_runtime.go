package main

// efc gen --runtime DIR: generated code in a module of the user's own.
//
// The generated package imports github.com/eventflux/eventflux-go/runtime,
// a module that is not published, and the runtime imports third-party
// modules (klauspost/compress) that an offline machine does not have.
// --runtime writes both into DIR, as efc embeds them, and makes the go.mod
// of the module the package lands in require them and replace them with
// those directories:
//
//	require github.com/eventflux/eventflux-go v0.0.0-00010101000000-000000000000
//	replace github.com/eventflux/eventflux-go => ./DIR/github.com/eventflux/eventflux-go
//	replace github.com/klauspost/compress v1.20.4 => ./DIR/github.com/klauspost/compress
//
// Directory replacements need no module cache, go.sum entry or network,
// and every run rewrites DIR, so the runtime always matches the efc that
// generated the code. A third-party replacement names its version: a
// module that requires a newer version of it gets that one, the usual
// way, and the runtime builds against it.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"

	"github.com/eventflux/eventflux-go/internal/gobuild"
	"github.com/eventflux/eventflux-go/internal/vendortree"
)

// runtimeReadmeTitle starts the README.md that marks DIR as efc's: only
// such a directory (or an empty or missing one) is written, since writing
// makes it hold exactly the runtime's files.
const runtimeReadmeTitle = "# EventFlux runtime, written by `efc gen --runtime`\n"

// userModule is the module a generated package is written into.
type userModule struct {
	dir  string // where go.mod is
	data []byte // go.mod as read
	file *modfile.File
}

// findModule returns the module holding dir (which may not exist yet), or
// nil when no go.mod is in dir or above it.
func findModule(dir string) (*userModule, error) {
	for d := dir; ; {
		path := filepath.Join(d, "go.mod")
		data, err := os.ReadFile(path)
		if err == nil {
			f, err := modfile.Parse(path, data, nil)
			if err != nil {
				return nil, err // file:line: message
			}
			if f.Module == nil {
				return nil, fmt.Errorf("%s: no module line", path)
			}
			return &userModule{dir: d, data: data, file: f}, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, nil
		}
		d = parent
	}
}

// usesRuntime tells whether m's go.mod already requires or replaces the
// runtime module (set up by --runtime, or by hand).
func (m *userModule) usesRuntime() bool {
	for _, r := range m.file.Require {
		if r.Mod.Path == gobuild.RuntimeModulePath {
			return true
		}
	}
	for _, r := range m.file.Replace {
		if r.Old.Path == gobuild.RuntimeModulePath {
			return true
		}
	}
	return m.file.Module.Mod.Path == gobuild.RuntimeModulePath
}

// runtimeSetup is what --runtime will do, checked before anything is
// written.
type runtimeSetup struct {
	mod     *userModule
	dir     string // absolute DIR
	modules []gobuild.LocalModule
}

// planRuntime checks that the package directory out is in a module other
// than the runtime's and that dir may be written.
func planRuntime(out, dir string) (*runtimeSetup, error) {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	mod, err := findModule(absOut)
	if err != nil {
		return nil, err
	}
	if mod == nil {
		return nil, fmt.Errorf("--runtime: no go.mod in %s or above it: the generated package must be in a module (go mod init)", out)
	}
	if mod.file.Module.Mod.Path == gobuild.RuntimeModulePath {
		return nil, fmt.Errorf("--runtime: %s is the runtime's own module; it needs no copy of it", filepath.Join(mod.dir, "go.mod"))
	}
	if err := checkRuntimeDir(absDir); err != nil {
		return nil, err
	}
	modules, err := gobuild.LocalModules()
	if err != nil {
		return nil, err
	}
	return &runtimeSetup{mod: mod, dir: absDir, modules: modules}, nil
}

// checkRuntimeDir accepts a missing or empty directory, or one efc wrote.
func checkRuntimeDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("--runtime: %v", err)
	}
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil || !bytes.HasPrefix(readme, []byte(runtimeReadmeTitle)) {
		return fmt.Errorf("--runtime: %s is not empty and was not written by efc gen --runtime (its README.md does not start with %q); name a new or empty directory", dir, strings.TrimSpace(runtimeReadmeTitle))
	}
	return nil
}

// apply writes the modules into DIR and updates go.mod; it prints what it
// changed in go.mod on w.
func (s *runtimeSetup) apply(w io.Writer) error {
	files := map[string][]byte{"README.md": s.readme()}
	for _, m := range s.modules {
		for name, data := range m.Files {
			files[m.Path+"/"+name] = data
		}
	}
	if err := vendortree.Write(s.dir, files); err != nil {
		return fmt.Errorf("--runtime: writing %s: %v", s.dir, err)
	}
	changes, err := s.editGoMod()
	if err != nil {
		return err
	}
	if len(changes) == 0 {
		return nil
	}
	out, err := s.mod.file.Format()
	if err != nil {
		return err
	}
	path := filepath.Join(s.mod.dir, "go.mod")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		return err
	}
	for _, c := range changes {
		fmt.Fprintf(w, "efc gen: %s: %s\n", path, c)
	}
	return nil
}

func (s *runtimeSetup) readme() []byte {
	var b strings.Builder
	b.WriteString(runtimeReadmeTitle + `
The EventFlux runtime that the packages efc generates import, and the third-party modules
it needs (pruned to the packages it uses, with their licenses), one directory per module
path. The module's go.mod requires and replaces them with these directories, so the code
builds without network or module cache.

Do not edit: every ` + "`efc gen --runtime`" + ` rewrites this directory to match the efc
that generated the code, and removes what it no longer needs.

`)
	for _, m := range s.modules {
		fmt.Fprintf(&b, "- %s %s\n", m.Path, m.Version)
	}
	return []byte(b.String())
}

// editGoMod makes the module require each local module (raising, never
// lowering, a requirement), replace it with its directory, and declare a Go
// version no older than theirs; replacements into DIR that are no longer
// needed are dropped. It returns the changes.
func (s *runtimeSetup) editGoMod() ([]string, error) {
	f := s.mod.file
	var changes []string
	wanted := map[string]bool{} // "path version" of the replacements kept
	for _, m := range s.modules {
		target, err := s.replacementPath(m.Path)
		if err != nil {
			return nil, err
		}
		current := ""
		for _, r := range f.Require {
			if r.Mod.Path == m.Path {
				current = r.Mod.Version
			}
		}
		runtime := m.Path == gobuild.RuntimeModulePath
		switch {
		case current == "" || (!runtime && semver.Compare(current, m.Version) < 0):
			if err := f.AddRequire(m.Path, m.Version); err != nil {
				return nil, err
			}
			changes = append(changes, "require "+m.Path+" "+m.Version)
		case !runtime && semver.Compare(current, m.Version) > 0:
			// The module builds with a newer version of its own.
			continue
		}
		oldVersion := m.Version
		if runtime {
			oldVersion = "" // any version: the module is only ever this directory
		}
		wanted[m.Path+" "+oldVersion] = true
		if hasReplace(f, m.Path, oldVersion, target) {
			continue
		}
		if err := f.AddReplace(m.Path, oldVersion, target, ""); err != nil {
			return nil, err
		}
		changes = append(changes, "replace "+strings.TrimSpace(m.Path+" "+oldVersion)+" => "+target)
	}
	root, err := s.replacementPath("")
	if err != nil {
		return nil, err
	}
	var stale []*modfile.Replace
	for _, r := range f.Replace {
		if (r.New.Path == root || strings.HasPrefix(r.New.Path, root+"/")) && !wanted[r.Old.Path+" "+r.Old.Version] {
			stale = append(stale, r)
		}
	}
	for _, r := range stale {
		// DropReplace clears r: describe it first.
		change := "dropped replace " + strings.TrimSpace(r.Old.Path+" "+r.Old.Version) + " => " + r.New.Path
		if err := f.DropReplace(r.Old.Path, r.Old.Version); err != nil {
			return nil, err
		}
		changes = append(changes, change)
	}
	goVersion := goLineOf(s.modules[0].Files["go.mod"])
	for _, m := range s.modules[1:] {
		if v := goLineOf(m.Files["go.mod"]); semver.Compare("v"+v, "v"+goVersion) > 0 {
			goVersion = v
		}
	}
	if f.Go == nil || semver.Compare("v"+f.Go.Version, "v"+goVersion) < 0 {
		if err := f.AddGoStmt(goVersion); err != nil {
			return nil, err
		}
		changes = append(changes, "go "+goVersion+" (the runtime's Go version)")
	}
	f.SortBlocks()
	f.Cleanup()
	return changes, nil
}

func hasReplace(f *modfile.File, path, version, target string) bool {
	for _, r := range f.Replace {
		if r.Old.Path == path && r.Old.Version == version {
			return r.New.Path == target && r.New.Version == ""
		}
	}
	return false
}

// replacementPath is DIR/modulePath relative to the module's directory,
// as go.mod writes directory replacements ("./x" or "../x").
func (s *runtimeSetup) replacementPath(modulePath string) (string, error) {
	rel, err := filepath.Rel(s.mod.dir, filepath.Join(s.dir, filepath.FromSlash(modulePath)))
	if err != nil {
		return "", fmt.Errorf("--runtime: %v", err)
	}
	rel = filepath.ToSlash(rel)
	if rel != ".." && !strings.HasPrefix(rel, "../") {
		rel = "./" + rel
	}
	return rel, nil
}

// goLineOf returns the go version a go.mod declares.
func goLineOf(goMod []byte) string {
	for _, line := range strings.Split(string(goMod), "\n") {
		if v, ok := strings.CutPrefix(line, "go "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
