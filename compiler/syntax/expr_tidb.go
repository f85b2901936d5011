package syntax

import (
	"strconv"
	"strings"

	tidb "github.com/pingcap/tidb/pkg/parser"
	tast "github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	_ "github.com/pingcap/tidb/pkg/parser/test_driver" // TiDB needs a value driver registered

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

type tidbParser struct{ p *tidb.Parser }

func newTiDBParser() *tidbParser {
	p := tidb.New()
	p.SetSQLMode(mysql.ModeANSIQuotes | mysql.ModePipesAsConcat | mysql.ModeNoBackslashEscapes)
	return &tidbParser{p: p}
}

// buildExpr has TiDB parse the rendered expression and converts the result.
func (p *parser) buildExpr(s *exprScan) (ast.Expr, *diag.Error) {
	if p.tidb == nil {
		p.tidb = newTiDBParser()
	}
	text := s.out.String()
	stmt, err := p.tidb.p.ParseOneStmt(text, "", "")
	if err != nil {
		return nil, s.tidbError(text, err)
	}
	sel, ok := stmt.(*tast.SelectStmt)
	if !ok || sel.Fields == nil || len(sel.Fields.Fields) != 1 || sel.From != nil ||
		sel.Fields.Fields[0].WildCard != nil || sel.Fields.Fields[0].AsName.L != "" {
		return nil, errAt(p.toks[s.marksStart()], "E100", "SQL parse error: could not read this expression")
	}
	c := converter{s: s, toks: p.toks}
	e, _, derr := c.expr(sel.Fields.Fields[0].Expr)
	p.i = s.end
	return e, derr
}

func (s *exprScan) marksStart() int {
	if len(s.marks) > 0 {
		return s.marks[0].tok
	}
	return s.end
}

// tidbError maps a TiDB syntax error back to our token. TiDB reports the
// rest of its input from the offending token on (`near "…"`), so the
// offending offset is the text length minus that rest.
func (s *exprScan) tidbError(text string, err error) *diag.Error {
	msg := err.Error()
	tok := s.end
	if k := strings.Index(msg, `near "`); k >= 0 {
		rest := msg[k+len(`near "`):]
		if q := strings.IndexByte(rest, '"'); q >= 0 {
			near := rest[:q]
			restLen := len(near)
			if t := strings.Index(rest, "(total length "); t >= 0 {
				if n, e := strconv.Atoi(strings.TrimSuffix(strings.Fields(rest[t+len("(total length "):])[0], ")")); e == nil {
					restLen = n
				}
			}
			off := len(text) - restLen
			for _, m := range s.marks {
				if m.off <= off {
					tok = m.tok
				}
			}
			if strings.TrimSpace(near) == "" {
				tok = s.end
			}
		}
	}
	t := s.p.toks[max(0, min(tok, len(s.p.toks)-1))]
	return errAt(t, "E100", "SQL parse error: unexpected %s in expression", t.describe()).
		WithHint("use parentheses to group the operands")
}

// span is the token range [first, last] a converted node covers; the
// operator of a binary node is the token right after its left operand.
type span struct{ first, last int }

type converter struct {
	s    *exprScan
	toks []token
}

// pos is the position of token i; an index outside the expression (which
// only a mismatch between TiDB's tree and our tokens could produce) is
// clamped rather than trusted.
func (c *converter) pos(i int) diag.Pos {
	i = max(0, min(i, len(c.toks)-1))
	return c.toks[i].pos
}

func (c *converter) fail(i int, what string) *diag.Error {
	return errAt(c.toks[i], "E100", "SQL parse error: %s", what)
}

func (c *converter) holder(name string) (*holder, bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(name, "p"))
	if err != nil || !strings.HasPrefix(name, "p") || n < 0 || n >= len(c.s.holders) {
		return nil, false
	}
	return &c.s.holders[n], true
}

func (c *converter) expr(n tast.ExprNode) (ast.Expr, span, *diag.Error) {
	switch n := n.(type) {
	case *tast.ColumnNameExpr:
		h, ok := c.holder(n.Name.Name.O)
		if !ok || h.kind != hOperand || n.Name.Table.O != "" || n.Name.Schema.O != "" {
			return nil, span{}, c.fail(c.s.marksStart(), "could not read this expression")
		}
		return h.expr, span{h.first, h.last}, nil
	case *tast.FuncCallExpr:
		return c.call(n)
	case *tast.BinaryOperationExpr:
		return c.binary(n)
	case *tast.UnaryOperationExpr:
		x, xs, err := c.expr(n.V)
		if err != nil {
			return nil, span{}, err
		}
		op := xs.first - 1
		var name string
		switch n.Op {
		case opcode.Minus:
			name = "-"
			// -9223372036854775808 is a BIGINT literal even though its
			// digits alone are not.
			if lit, ok := x.(*ast.Literal); ok && lit.Kind == ast.LitInt && lit.Text == minInt64Digits {
				return &ast.Literal{Pos: c.pos(op), Kind: ast.LitInt, Int: lit.Int, Text: "-" + minInt64Digits}, span{op, xs.last}, nil
			}
		case opcode.Plus:
			name = "+"
		case opcode.Not, opcode.Not2:
			name = "NOT"
		default:
			return nil, span{}, c.fail(op, "unsupported operator "+n.Op.String())
		}
		return &ast.Unary{Pos: c.pos(op), Op: name, X: x}, span{op, xs.last}, nil
	case *tast.ParenthesesExpr:
		x, xs, err := c.expr(n.Expr)
		if err != nil {
			return nil, span{}, err
		}
		open := xs.first - 1
		return &ast.Paren{Pos: c.pos(open), X: x}, span{open, c.s.parenMatch[open]}, nil
	case *tast.IsNullExpr:
		x, xs, err := c.expr(n.Expr)
		if err != nil {
			return nil, span{}, err
		}
		last := xs.last + 2
		if n.Not {
			last++
		}
		return &ast.IsNull{Pos: c.pos(xs.last + 1), X: x, Not: n.Not}, span{xs.first, last}, nil
	case *tast.PatternInExpr:
		return c.in(n)
	case *tast.BetweenExpr:
		x, xs, err := c.expr(n.Expr)
		if err != nil {
			return nil, span{}, err
		}
		lo, _, err := c.expr(n.Left)
		if err != nil {
			return nil, span{}, err
		}
		hi, hs, err := c.expr(n.Right)
		if err != nil {
			return nil, span{}, err
		}
		return &ast.Between{Pos: c.pos(xs.last + 1), X: x, Lo: lo, Hi: hi, Not: n.Not}, span{xs.first, hs.last}, nil
	case *tast.PatternLikeOrIlikeExpr:
		x, xs, err := c.expr(n.Expr)
		if err != nil {
			return nil, span{}, err
		}
		pat, ps, err := c.expr(n.Pattern)
		if err != nil {
			return nil, span{}, err
		}
		if !n.IsLike {
			return nil, span{}, c.fail(xs.last+1, "ILIKE is not supported")
		}
		return &ast.Like{Pos: c.pos(xs.last + 1), X: x, Pattern: pat, Not: n.Not}, span{xs.first, ps.last}, nil
	case *tast.CaseExpr:
		return c.caseExpr(n)
	}
	return nil, span{}, c.fail(c.s.marksStart(), "unsupported expression")
}

var binaryOps = map[opcode.Op]string{
	opcode.LogicAnd: "AND", opcode.LogicOr: "OR",
	opcode.EQ: "=", opcode.NE: "!=", opcode.LT: "<", opcode.LE: "<=", opcode.GT: ">", opcode.GE: ">=",
	opcode.Plus: "+", opcode.Minus: "-", opcode.Mul: "*", opcode.Div: "/", opcode.Mod: "%",
}

func (c *converter) binary(n *tast.BinaryOperationExpr) (ast.Expr, span, *diag.Error) {
	l, ls, err := c.expr(n.L)
	if err != nil {
		return nil, span{}, err
	}
	r, rs, err := c.expr(n.R)
	if err != nil {
		return nil, span{}, err
	}
	op, ok := binaryOps[n.Op]
	if !ok {
		return nil, span{}, c.fail(ls.last+1, "unsupported operator "+n.Op.String())
	}
	b := &ast.Binary{Pos: c.pos(ls.last + 1), Op: op, L: l, R: r}
	// A table membership test takes the whole comparison before it
	// (LANGUAGE.md §8.7: `T.roomNo = roomNo IN T` tests T.roomNo = roomNo),
	// while TiDB binds IN tighter than a comparison.
	if in, ok := r.(*ast.In); ok && in.Table != nil && isComparison(op) {
		b.R = in.X
		return &ast.In{Pos: in.Pos, X: b, Table: in.Table, Not: in.Not}, span{ls.first, rs.last}, nil
	}
	return b, span{ls.first, rs.last}, nil
}

func isComparison(op string) bool {
	switch op {
	case "=", "!=", "<", "<=", ">", ">=":
		return true
	}
	return false
}

func (c *converter) call(n *tast.FuncCallExpr) (ast.Expr, span, *diag.Error) {
	h, ok := c.holder(n.FnName.O)
	if !ok || h.kind != hCall || n.Schema.O != "" {
		return nil, span{}, c.fail(c.s.marksStart(), "could not read this function call")
	}
	args := make([]ast.Expr, 0, len(n.Args))
	for _, a := range n.Args {
		e, _, err := c.expr(a)
		if err != nil {
			return nil, span{}, err
		}
		args = append(args, e)
	}
	sp := span{h.first, h.last}
	if h.cast != nil {
		if len(args) != 1 {
			return nil, span{}, c.fail(h.first, "CAST takes one expression")
		}
		return &ast.Cast{Pos: h.name.Pos, X: args[0], Type: *h.cast}, sp, nil
	}
	if len(args) == 0 {
		args = nil
	}
	return &ast.Call{Name: h.name, Args: args, Star: h.star}, sp, nil
}

func (c *converter) in(n *tast.PatternInExpr) (ast.Expr, span, *diag.Error) {
	x, xs, err := c.expr(n.Expr)
	if err != nil {
		return nil, span{}, err
	}
	op := xs.last + 1
	if n.Sel != nil {
		return nil, span{}, subquery(c.toks[op])
	}
	if len(n.List) == 1 {
		if col, ok := n.List[0].(*tast.ColumnNameExpr); ok {
			if h, ok := c.holder(col.Name.Name.O); ok && h.kind == hInTable {
				t := h.name
				return &ast.In{Pos: c.pos(op), X: x, Table: &t, Not: n.Not}, span{xs.first, h.last}, nil
			}
		}
	}
	list := make([]ast.Expr, 0, len(n.List))
	for _, a := range n.List {
		e, _, err := c.expr(a)
		if err != nil {
			return nil, span{}, err
		}
		list = append(list, e)
	}
	last := op
	for k := op; k <= op+3 && k < len(c.toks); k++ {
		if c.toks[k].isPunct("(") {
			last = c.s.parenMatch[k]
			break
		}
	}
	return &ast.In{Pos: c.pos(op), X: x, List: list, Not: n.Not}, span{xs.first, last}, nil
}

func (c *converter) caseExpr(n *tast.CaseExpr) (ast.Expr, span, *diag.Error) {
	out := &ast.Case{}
	first := -1
	if n.Value != nil {
		v, vs, err := c.expr(n.Value)
		if err != nil {
			return nil, span{}, err
		}
		out.Operand, first = v, vs.first-1
	}
	for k, w := range n.WhenClauses {
		cond, cs, err := c.expr(w.Expr)
		if err != nil {
			return nil, span{}, err
		}
		res, _, err := c.expr(w.Result)
		if err != nil {
			return nil, span{}, err
		}
		if k == 0 && first < 0 {
			first = cs.first - 2
		}
		out.Whens = append(out.Whens, ast.When{Cond: cond, Result: res})
	}
	if first < 0 {
		return nil, span{}, c.fail(c.s.marksStart(), "CASE needs at least one WHEN")
	}
	if n.ElseClause != nil {
		e, _, err := c.expr(n.ElseClause)
		if err != nil {
			return nil, span{}, err
		}
		out.Else = e
	}
	out.Pos = c.pos(first)
	return out, span{first, c.s.caseEnd[first]}, nil
}
