package check

import (
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/plan"
)

// A scope of two bindings, as a join will have: qualified names resolve to
// their binding, an unqualified name to the one binding that has it, and a
// name both have is E203 (LANGUAGE.md §4.1, §13.2).
func TestScopeOfTwoBindings(t *testing.T) {
	orders := &plan.Relation{Name: "Orders", Columns: []plan.Column{{Name: "id", Type: plan.BigInt}, {Name: "amount", Type: plan.Double}}}
	customers := &plan.Relation{Name: "Customers", Columns: []plan.Column{{Name: "id", Type: plan.BigInt}, {Name: "name", Type: plan.String}}}
	o := &plan.Binding{ID: 0, Name: "o", Rel: orders}
	c := &plan.Binding{ID: 1, Name: "Customers", Rel: customers}
	b := &binder{scope: &scope{binds: []*scopeBinding{
		{Binding: o, names: []string{"Orders", "o"}},
		{Binding: c, names: []string{"Customers"}},
	}}}
	ref := func(q, name string) *ast.ColumnRef {
		r := &ast.ColumnRef{Name: ast.Ident{Name: name, Pos: ast.Pos{Line: 1, Col: 8}}}
		if q != "" {
			r.Qualifier = &ast.Ident{Name: q, Pos: ast.Pos{Line: 1, Col: 1}}
		}
		return r
	}
	for _, tc := range []struct {
		q, name string
		want    string // the resolved reference, or the error text
	}{
		{"o", "id", "o.id"},
		{"Orders", "amount", "o.amount"},
		{"Customers", "id", "Customers.id"},
		{"", "amount", "o.amount"},
		{"", "name", "Customers.name"},
		{"", "id", "E203: Ambiguous column reference: id (o.id, Customers.id)"},
		{"x", "id", "E201: Unknown stream: x"},
		{"o", "name", "E202: Unknown column: Orders.name"},
		{"", "nope", "E202: Unknown column: Orders.nope"},
	} {
		e, err := b.column(ref(tc.q, tc.name))
		got := ""
		if err != nil {
			got = err.Code + ": " + err.Msg
		} else {
			r := e.(*plan.ColRef)
			got = plan.FormatExpr(r)
			if r.Bind != o && r.Bind != c {
				t.Errorf("%s.%s: bound to a binding of no scope", tc.q, tc.name)
			}
		}
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s.%s: got %q, want %q", tc.q, tc.name, got, tc.want)
		}
	}
}
