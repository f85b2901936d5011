// Package eventflux carries the Go sources that every program efc builds
// links: the runtime tree (the driver included), the conformance runner and
// the gen backend's harness. Embedding them lets efc build generated code
// from any directory, without network and without a checkout of this
// module.
package eventflux

import (
	"embed"
	"io/fs"
	"strings"
)

// The patterns list every package depth under runtime/; sources_test.go
// fails when a package appears that they miss.
//
//go:embed runtime/*.go runtime/*/*.go conformance/*.go internal/gobuild/harness/*.go
var embedded embed.FS

// Sources is the embedded tree without test files, rooted at the module
// root ("runtime/app.go", "conformance/suite.go", ...).
func Sources() fs.FS { return sourceFS{embedded} }

// sourceFS hides _test.go files, which go:embed patterns cannot exclude.
type sourceFS struct{ fsys embed.FS }

func isTest(name string) bool { return strings.HasSuffix(name, "_test.go") }

func (s sourceFS) Open(name string) (fs.File, error) {
	if isTest(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	f, err := s.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	if d, ok := f.(fs.ReadDirFile); ok {
		return dirFile{d}, nil
	}
	return f, nil
}

func (s sourceFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := s.fsys.ReadDir(name)
	return withoutTests(entries), err
}

func (s sourceFS) ReadFile(name string) ([]byte, error) {
	if isTest(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	return s.fsys.ReadFile(name)
}

// dirFile is an open directory whose listing hides test files too.
type dirFile struct{ fs.ReadDirFile }

func (d dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	for {
		entries, err := d.ReadDirFile.ReadDir(n)
		kept := withoutTests(entries)
		// A page of only test files must not read as the end (n > 0).
		if len(kept) > 0 || err != nil || n <= 0 {
			return kept, err
		}
	}
}

func withoutTests(entries []fs.DirEntry) []fs.DirEntry {
	kept := entries[:0:0]
	for _, e := range entries {
		if !isTest(e.Name()) {
			kept = append(kept, e)
		}
	}
	return kept
}
