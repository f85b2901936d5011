package syntax

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/internal/datadriven"
)

// TestParse runs testdata/parse/*.txt: each case is an app and the AST
// dump of Print (or the first error line). `go test ./compiler/syntax
// -rewrite` regenerates the expectations.
func TestParse(t *testing.T) {
	files, err := filepath.Glob("testdata/parse/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no parse testdata: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			datadriven.Run(t, f, func(t *testing.T, c *datadriven.Case) string {
				if c.Cmd != "parse" {
					t.Fatalf("%s: unknown command %q", c.Pos, c.Cmd)
				}
				app, err := Parse("", c.Input)
				if err != nil {
					return "error: " + shortError(t, err)
				}
				checkPositions(t, c.Input, app)
				return Print(app)
			})
		})
	}
}

// TestErrors runs testdata/errors.txt: each case is a malformed app and
// the first line of its error.
func TestErrors(t *testing.T) {
	datadriven.Run(t, "testdata/errors.txt", func(t *testing.T, c *datadriven.Case) string {
		if c.Cmd != "error" {
			t.Fatalf("%s: unknown command %q", c.Pos, c.Cmd)
		}
		app, err := Parse("", c.Input)
		if err == nil {
			t.Errorf("%s: parsed without error:\n%s", c.Pos, Print(app))
			return "no error"
		}
		return shortError(t, err)
	})
}

// shortError checks the error is a well-formed *diag.Error and returns its first line.
func shortError(t *testing.T, err error) string {
	t.Helper()
	var d *diag.Error
	if !errors.As(err, &d) {
		t.Fatalf("error %v is a %T, not a *diag.Error", err, err)
	}
	if d.Code == "" || !strings.HasPrefix(d.Code, "E") {
		t.Errorf("error without a code: %v", d)
	}
	return d.Short()
}

// The error carries the file and text so it prints the caret line and hint.
func TestParseErrorRendersCaret(t *testing.T) {
	src := "CREATE STREAM S (a INT);\nINSERT INTO Out\nSELECT foo(a\nFROM S;"
	_, err := Parse("app.sql", src)
	var d *diag.Error
	if !errors.As(err, &d) {
		t.Fatalf("got %T %v, want *diag.Error", err, err)
	}
	want := "app.sql:4:1: error[E100]: SQL parse error: expected ',' or ')', found 'FROM'\n  FROM S;\n  ^"
	if got := d.Error(); got != want {
		t.Errorf("error renders as\n%s\nwant\n%s", got, want)
	}
	if d.File != "app.sql" || d.Src != src || d.Pos.Offset != strings.Index(src, "FROM S") {
		t.Errorf("error fields: file %q, offset %d", d.File, d.Pos.Offset)
	}
}

func TestParseSuccessHasNoError(t *testing.T) {
	app, err := Parse("x.sql", "SELECT a FROM S")
	if err != nil || app == nil || len(app.Stmts) != 1 {
		t.Fatalf("Parse = %v, %v", app, err)
	}
}
