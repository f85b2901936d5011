package compiler_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/compiler"
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/internal/datadriven"
)

// TestMalformedApps runs ../testdata/errors/*.txt: each case is a malformed
// app and the first line of the error it must produce (line:col, code and
// message). Rewrite with: go test ./compiler -rewrite
func TestMalformedApps(t *testing.T) {
	files, _ := filepath.Glob("../testdata/errors/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata/errors files")
	}
	total := 0
	for _, f := range files {
		datadriven.Run(t, f, func(t *testing.T, c *datadriven.Case) string {
			total++
			_, err := compiler.Compile("", c.Input)
			if err == nil {
				return "ok"
			}
			var d *diag.Error
			if !errors.As(err, &d) {
				t.Errorf("%s: error is %T, want *diag.Error: %v", c.Pos, err, err)
				return err.Error()
			}
			if d.Code != "E101" && !d.Pos.IsValid() {
				t.Errorf("%s: error without a position: %v", c.Pos, err)
			}
			return d.Short()
		})
	}
	if total < 60 {
		t.Errorf("only %d malformed apps; the suite promises at least 60", total)
	}
}

// FuzzCompile checks that no input makes the front end panic and that
// every error carries a position inside the text.
func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob("../testdata/errors/*.txt")
	files2, _ := filepath.Glob("../testdata/apps/*.sql")
	for _, p := range append(files, files2...) {
		if b, err := readFile(p); err == nil {
			for _, chunk := range strings.Split(b, "\n----\n") {
				f.Add(chunk)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := compiler.Compile("fuzz.sql", src)
		if err == nil {
			return
		}
		var d *diag.Error
		if !errors.As(err, &d) {
			t.Fatalf("error is %T, want *diag.Error: %v", err, err)
		}
		if d.Pos.Offset < 0 || d.Pos.Offset > len(src) {
			t.Fatalf("error position %v outside the text (len %d): %v", d.Pos, len(src), err)
		}
	})
}
