package gobuild

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	goruntime "runtime"
	"sort"
	"strings"

	"github.com/eventflux/eventflux-go/codegen"
)

// Package is one package of a program.
type Package struct {
	// Dir is its directory relative to the program's: one or more
	// slash-separated names ("app", "c0"); its import path is the
	// program's prefix + "/" + Dir.
	Dir   string
	Files []codegen.File
}

// Program is a main package and the packages it imports.
type Program struct {
	Packages []Package
	// Main returns the source of the main package, given the import path
	// of the program's directory (Main imports prefix + "/" + Dir).
	Main func(prefix string) []byte
}

// Error is a failed `go build`.
type Error struct {
	Dir    string // the program's directory, to inspect the sources
	Output string // go's output, with the program's paths made relative to Dir
	// Failed maps the Dir of each package that did not compile ("" is the
	// main package) to its part of Output.
	Failed map[string]string
}

func (e *Error) Error() string {
	return fmt.Sprintf("go build (sources in %s):\n%s", e.Dir, strings.TrimRight(e.Output, "\n"))
}

// Build builds p into the executable out and returns its path: it writes
// p into a directory of the build module named by the hash of p's content
// (reused when present) and runs go build offline with the user's build
// cache. With out empty the executable stays in that directory, where a
// later Build of the same program finds it up to date without linking
// again. A compile error in p is an *Error.
func Build(p Program, out string) (string, error) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return "", errNoGo
	}
	for _, pkg := range p.Packages {
		if !validDir(pkg.Dir) {
			return "", fmt.Errorf("gobuild: bad package directory %q", pkg.Dir)
		}
	}
	root, err := cacheRoot()
	if err != nil {
		return "", err
	}
	mod, err := sourceModule(root)
	if err != nil {
		return "", fmt.Errorf("writing the build module: %v", err)
	}
	rel := "apps/" + programHash(p)
	prefix := "github.com/eventflux/eventflux-go/" + rel
	dir := filepath.Join(mod, filepath.FromSlash(rel))
	if _, err := os.Stat(dir); err == nil {
		touch(dir)
	} else {
		prune(filepath.Dir(dir))
		if err := publish(dir, func(tmp string) error { return writeProgram(tmp, p, prefix) }); err != nil {
			return "", fmt.Errorf("writing the program: %v", err)
		}
	}
	// The leading dot keeps the name clear of package directories.
	absOut := filepath.Join(dir, ".program"+exeSuffix)
	if out != "" {
		if absOut, err = filepath.Abs(out); err != nil {
			return "", err
		}
	}
	cmd := exec.Command(goCmd, "build", "-buildvcs=false", "-o", absOut, "./"+rel)
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), buildEnv...)
	output, err := cmd.CombinedOutput()
	if err != nil {
		if len(output) == 0 {
			return "", fmt.Errorf("go build: %v", err)
		}
		return "", parseError(string(output), dir, rel, prefix)
	}
	return absOut, nil
}

// buildEnv makes go build read the build module and its vendor directory
// only: no module cache, no proxy, no workspace, no other toolchain; the
// user's GOFLAGS are replaced, so none of them can ask for anything else.
var buildEnv = []string{"GOFLAGS=-mod=vendor", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local", "GO111MODULE=on"}

// exeSuffix is what executables need to run here.
var exeSuffix = map[bool]string{true: ".exe"}[goruntime.GOOS == "windows"]

// validDir accepts the directory names codegen packages get: clean,
// relative, no dot elements.
func validDir(dir string) bool {
	if dir == "" || path.Clean(dir) != dir || strings.HasPrefix(dir, "/") {
		return false
	}
	for _, el := range strings.Split(dir, "/") {
		if el == "" || strings.HasPrefix(el, ".") || el == "testdata" || strings.ContainsAny(el, `\:`) {
			return false
		}
	}
	return true
}

// programHash names the program's directory. Main is hashed as rendered
// with a fixed prefix, since the real prefix contains the hash.
func programHash(p Program) string {
	h := sha256.New()
	pkgs := append([]Package(nil), p.Packages...)
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Dir < pkgs[j].Dir })
	for _, pkg := range pkgs {
		for _, f := range pkg.Files {
			fmt.Fprintf(h, "%s/%s\n%d\n", pkg.Dir, f.Name, len(f.Content))
			h.Write(f.Content)
		}
	}
	main := p.Main("github.com/eventflux/eventflux-go/apps/_")
	fmt.Fprintf(h, "main.go\n%d\n", len(main))
	h.Write(main)
	return hex.EncodeToString(h.Sum(nil))[:24]
}

func writeProgram(dir string, p Program, prefix string) error {
	for _, pkg := range p.Packages {
		pdir := filepath.Join(dir, filepath.FromSlash(pkg.Dir))
		if err := os.MkdirAll(pdir, 0o755); err != nil {
			return err
		}
		for _, f := range pkg.Files {
			if filepath.Base(f.Name) != f.Name || !strings.HasSuffix(f.Name, ".go") {
				return fmt.Errorf("bad file name %q in package %s", f.Name, pkg.Dir)
			}
			if err := os.WriteFile(filepath.Join(pdir, f.Name), f.Content, 0o644); err != nil {
				return err
			}
		}
	}
	return os.WriteFile(filepath.Join(dir, "main.go"), p.Main(prefix), 0o644)
}

// parseError splits go build's output by package: each failing package's
// messages follow a "# import/path" line. Paths are shortened to the
// program's directory ("c3/app.go:12:5: ...").
func parseError(output, dir, rel, prefix string) *Error {
	e := &Error{Dir: dir, Failed: map[string]string{}}
	var b strings.Builder
	current, inProgram := "", false
	for _, line := range strings.SplitAfter(output, "\n") {
		if name, ok := strings.CutPrefix(line, "# "); ok {
			name = strings.TrimSpace(name)
			switch {
			case name == prefix:
				current, inProgram = "", true
				line = "# main\n"
			case strings.HasPrefix(name, prefix+"/"):
				current, inProgram = strings.TrimPrefix(name, prefix+"/"), true
				line = "# " + current + "\n"
			default:
				inProgram = false
			}
		} else {
			line = strings.ReplaceAll(line, rel+"/", "")
			if inProgram && line != "" {
				e.Failed[current] += line
			}
		}
		b.WriteString(line)
	}
	e.Output = b.String()
	return e
}
