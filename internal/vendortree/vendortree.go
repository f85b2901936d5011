// Package vendortree makes the vendor directory efc embeds (_vendor at the
// module root, eventflux.Vendor): the third-party packages the embedded
// sources (eventflux.Sources) import, at the versions this module's go.mod
// selects, laid out by `go mod vendor` itself so vendor/modules.txt is
// exactly what the go command checks, then pruned to what a build reads
// and the modules' legal files.
//
// Make runs the go command offline: the modules must be in the module
// cache (`go mod download`). `make vendor-embed` rewrites _vendor with it;
// a test of the root package fails while _vendor differs from what Make
// returns.
package vendortree

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Make returns the vendor tree, by slash-separated path below vendor/, for
// a module of sources (rooted at the module root) with this module's
// go.mod and go.sum. It builds that module in a temporary directory, runs
// `go mod tidy` there, which keeps only the requirements sources need at
// the versions go.mod selects, then `go mod vendor`.
func Make(sources fs.FS, goMod, goSum []byte) (map[string][]byte, error) {
	tmp, err := os.MkdirTemp("", "eventflux-vendortree-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), goMod, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, "go.sum"), goSum, 0o644); err != nil {
		return nil, err
	}
	if err := os.CopyFS(tmp, sources); err != nil {
		return nil, fmt.Errorf("vendortree: copying the sources: %v", err)
	}
	for _, args := range [][]string{{"mod", "tidy"}, {"mod", "vendor"}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = tmp
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local", "GO111MODULE=on")
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("vendortree: go %s (run `go mod download` first if a module is missing): %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	tidied, err := os.ReadFile(filepath.Join(tmp, "go.mod"))
	if err != nil {
		return nil, err
	}
	if err := sameVersions(tidied, goMod); err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	vendor := filepath.Join(tmp, "vendor")
	if _, err := os.Stat(vendor); os.IsNotExist(err) {
		// No third-party import at all: go mod vendor writes nothing.
		files["modules.txt"] = nil
		return files, nil
	}
	err = filepath.WalkDir(vendor, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(vendor, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !Keep(rel) {
			return nil
		}
		data, err := os.ReadFile(p)
		files[rel] = data
		return err
	})
	if err != nil {
		return nil, err
	}
	if _, ok := files["modules.txt"]; !ok {
		return nil, fmt.Errorf("vendortree: go mod vendor wrote no modules.txt")
	}
	return files, nil
}

// sameVersions checks that tidying kept every requirement at the version
// the full module requires: the embedded build must link what `go test`
// here tested.
func sameVersions(tidied, full []byte) error {
	want := requires(full)
	for p, v := range requires(tidied) {
		if want[p] != v {
			return fmt.Errorf("vendortree: the embedded sources need %s %s, go.mod requires %q", p, v, want[p])
		}
	}
	return nil
}

// requires reads the require lines of a tidy go.mod (one module per line,
// in a block or not).
func requires(goMod []byte) map[string]string {
	out := map[string]string{}
	inBlock := false
	for _, line := range strings.Split(string(goMod), "\n") {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		switch {
		case line == "require (":
			inBlock = true
			continue
		case inBlock && line == ")":
			inBlock = false
			continue
		case strings.HasPrefix(line, "require "):
			line = strings.TrimSpace(strings.TrimPrefix(line, "require "))
		case !inBlock:
			continue
		}
		if f := strings.Fields(line); len(f) == 2 {
			out[f[0]] = f[1]
		}
	}
	return out
}

// legalPrefixes are the names of the files `go mod vendor` copies from a
// module's root for its license; they are kept wherever they are.
var legalPrefixes = []string{"AUTHORS", "CONTRIBUTORS", "COPYLEFT", "COPYING", "COPYRIGHT", "LEGAL", "LICENSE", "LICENCE", "NOTICE", "PATENTS"}

// buildExts are the file kinds a go build may read from a package
// directory (go/build: Go, cgo, assembly, SWIG, system objects).
var buildExts = map[string]bool{
	".go": true, ".s": true, ".S": true, ".sx": true, ".h": true, ".hh": true, ".hpp": true, ".hxx": true,
	".c": true, ".cc": true, ".cpp": true, ".cxx": true, ".m": true, ".f": true, ".F": true, ".for": true, ".f90": true,
	".swig": true, ".swigcxx": true, ".syso": true,
}

// Keep tells whether a file of the vendor tree (slash path below vendor/)
// is embedded: modules.txt, what a build reads (test files and names the
// go command ignores excepted) and legal files. READMEs, scripts, CI and
// editor files are left out.
func Keep(rel string) bool {
	if rel == "modules.txt" {
		return true
	}
	name := path.Base(rel)
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
		return false
	}
	for _, p := range legalPrefixes {
		if strings.HasPrefix(strings.ToUpper(name), p) {
			return true
		}
	}
	return buildExts[path.Ext(name)] && !strings.HasSuffix(name, "_test.go")
}

// Write makes dir hold exactly files: changed files are written,
// unchanged ones left alone, files not in files removed.
func Write(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var stale []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if _, ok := files[filepath.ToSlash(rel)]; !ok && err == nil {
			stale = append(stale, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	for _, p := range stale {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, files[name]) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return removeEmptyDirs(dir)
}

// removeEmptyDirs removes the directories below dir that stale files left
// empty, deepest first.
func removeEmptyDirs(dir string) error {
	var dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != dir {
			dirs = append(dirs, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		if entries, err := os.ReadDir(dirs[i]); err == nil && len(entries) == 0 {
			if err := os.Remove(dirs[i]); err != nil {
				return err
			}
		}
	}
	return nil
}
