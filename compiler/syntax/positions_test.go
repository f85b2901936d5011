package syntax

import (
	"reflect"
	"testing"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

var posType = reflect.TypeOf(diag.Pos{})

// checkPositions asserts that every position in the tree is consistent:
// its line and column are those of its byte offset in src. Test code may
// walk the tree by reflection; the parser itself never does.
func checkPositions(t *testing.T, src string, app *ast.App) {
	t.Helper()
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), path)
			}
		case reflect.Struct:
			if v.Type() == posType {
				p := v.Interface().(diag.Pos)
				if p.IsValid() && diag.PosAt(src, p.Offset) != p {
					t.Errorf("%s: position %v (offset %d) disagrees with the text (%v)", path, p, p.Offset, diag.PosAt(src, p.Offset))
				}
				return
			}
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		}
	}
	walk(reflect.ValueOf(app), "app")
}

// TestPositionsPointAtTokens checks exact offsets on a text where every
// node's first character is known.
func TestPositionsPointAtTokens(t *testing.T) {
	src := "-- lead comment\nINSERT INTO Out\nSELECT a + b * 2 AS s, f(x) FROM In WINDOW('length', 5 sec)\nWHERE NOT (x IS NULL);"
	app, err := Parse("t.sql", src)
	if err != nil {
		t.Fatal(err)
	}
	checkPositions(t, src, app)
	q := app.Stmts[0].(*ast.Query)
	sel := q.Select
	cases := []struct {
		name string
		pos  diag.Pos
		text string
	}{
		{"query", q.Pos, "INSERT"},
		{"target", q.Target.Pos, "Out"},
		{"select", sel.Pos, "SELECT"},
		{"plus", sel.Items[0].Expr.(*ast.Binary).Pos, "+"},
		{"times", sel.Items[0].Expr.(*ast.Binary).R.(*ast.Binary).Pos, "*"},
		{"alias", sel.Items[0].Alias.Pos, "s"},
		{"call", sel.Items[1].Expr.Position(), "f"},
		{"window", sel.From.(*ast.StreamSource).Window.Pos, "WINDOW"},
		{"duration", sel.From.(*ast.StreamSource).Window.Args[0].Position(), "5 sec"},
		{"not", sel.Where.Position(), "NOT"},
		{"paren", sel.Where.(*ast.Unary).X.Position(), "("},
		{"is", sel.Where.(*ast.Unary).X.(*ast.Paren).X.Position(), "IS"},
	}
	for _, c := range cases {
		got := src[c.pos.Offset:]
		if len(got) > len(c.text) {
			got = got[:len(c.text)]
		}
		if got != c.text {
			t.Errorf("%s: position %v points at %q, want %q", c.name, c.pos, got, c.text)
		}
	}
	if d := sel.From.(*ast.StreamSource).Window.Args[0].(*ast.Literal); d.Kind != ast.LitDuration || d.Int != 5000 {
		t.Errorf("5 sec = %+v, want a 5000 ms duration", d)
	}
}
