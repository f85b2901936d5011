package syntax

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/compiler/diag"
)

// FuzzParse checks that no input panics and that every error is a
// *diag.Error whose position lies inside the text and matches its offset.
// Seeds are the apps of the testdata files (and of the conformance suite
// when it is present).
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/parse/*.txt")
	files = append(files, "testdata/errors.txt")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, in := range datadrivenInputs(string(data)) {
			f.Add(in)
		}
	}
	if _, err := os.Stat(conformanceDir); err == nil {
		for _, a := range conformanceApps(f) {
			f.Add(a.text)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		app, err := Parse("fuzz.sql", src)
		if err == nil {
			if app == nil || len(app.Stmts) == 0 {
				t.Fatalf("no error and no statements for %q", src)
			}
			return
		}
		var d *diag.Error
		if !errors.As(err, &d) {
			t.Fatalf("error is a %T, not a *diag.Error: %v", err, err)
		}
		if strings.Contains(d.Msg, "internal error") {
			t.Fatalf("parser panicked on %q: %v", src, d.Msg)
		}
		if d.Src != src || d.File != "fuzz.sql" || d.Code == "" {
			t.Fatalf("error without source, file or code: %#v", d)
		}
		if d.Pos.Offset < 0 || d.Pos.Offset > len(src) || diag.PosAt(src, d.Pos.Offset) != d.Pos {
			t.Fatalf("error position %v (offset %d) is not inside %q", d.Pos, d.Pos.Offset, src)
		}
		_ = d.Error() // rendering the caret line must not panic either
	})
}

// datadrivenInputs returns the input blocks of a datadriven file.
func datadrivenInputs(text string) []string {
	var out, block []string
	state := 0 // 0: between cases, 1: reading input, 2: reading output
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch state {
		case 0:
			if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
				state, block = 1, nil
			}
		case 1:
			if trimmed == "----" {
				out = append(out, strings.Join(block, "\n"))
				state = 2
			} else {
				block = append(block, line)
			}
		case 2:
			if trimmed == "" {
				state = 0
			}
		}
	}
	return out
}

// TestFuzzSeedsParseWithoutPanic runs the fuzz property over the seeds
// and over every prefix of each, so `go test` exercises truncated input.
func TestFuzzSeedsParseWithoutPanic(t *testing.T) {
	files, _ := filepath.Glob("testdata/parse/*.txt")
	files = append(files, "testdata/errors.txt")
	n := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range datadrivenInputs(string(data)) {
			for cut := 0; cut <= len(in); cut++ {
				src := in[:cut]
				n++
				_, err := Parse("fuzz.sql", src)
				if err == nil {
					continue
				}
				var d *diag.Error
				if !errors.As(err, &d) || strings.Contains(d.Msg, "internal error") ||
					d.Pos.Offset > len(src) || diag.PosAt(src, d.Pos.Offset) != d.Pos {
					t.Fatalf("bad error for %q: %v", src, err)
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d prefixes tried; testdata missing?", n)
	}
}
