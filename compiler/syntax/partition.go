package syntax

import (
	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

// parsePartition reads PARTITION WITH (keys) BEGIN statements END, and the
// synonym PARTITION BY keys BEGIN … END (LANGUAGE.md §7).
func (p *parser) parsePartition() (ast.Stmt, *diag.Error) {
	kw := p.next()
	if p.nest >= maxNesting {
		return nil, errAt(kw, "E100", "SQL parse error: PARTITION nested too deeply")
	}
	p.nest++
	defer func() { p.nest-- }()
	part := &ast.Partition{Pos: kw.pos}
	var err *diag.Error
	switch t := p.peek(); {
	case t.is("WITH"):
		p.i++
		if _, err := p.expectPunct("("); err != nil {
			return nil, err
		}
		if part.Keys, err = p.partitionKeys(); err != nil {
			return nil, err
		}
		if _, err := p.expectPunct(")"); err != nil {
			return nil, err
		}
	case t.is("BY"):
		p.i++
		if part.Keys, err = p.partitionKeys(); err != nil {
			return nil, err
		}
	default:
		return nil, expected(t, "WITH or BY after PARTITION")
	}
	if _, err := p.expect("BEGIN"); err != nil {
		return nil, err
	}
	for {
		for p.acceptPunct(";") {
		}
		t := p.peek()
		if t.is("END") {
			p.i++
			return part, nil
		}
		if t.kind == tkEOF {
			return nil, expected(t, "END to close the PARTITION body")
		}
		st, err := p.parseStatement()
		if err != nil {
			return nil, err
		}
		part.Queries = append(part.Queries, st)
		if err := p.endOfStatement(true); err != nil {
			return nil, err
		}
	}
}

// partitionKeys reads `attr OF S`, `a, b OF S` (one key per attribute) and
// range keys `cond AS 'label' OR … OF S`, separated by commas.
func (p *parser) partitionKeys() ([]ast.PartitionKey, *diag.Error) {
	var keys, pending []ast.PartitionKey
	for {
		start := p.peek()
		e, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		key := ast.PartitionKey{Pos: start.pos}
		if as := p.peek(); as.is("AS") {
			if len(pending) > 0 {
				return nil, expected(as, "OF")
			}
			for {
				p.i++ // AS
				lbl := p.peek()
				if lbl.kind != tkString {
					return nil, expected(lbl, "a range label in quotes")
				}
				p.i++
				key.Ranges = append(key.Ranges, ast.RangeCase{Cond: e, Label: lbl.val})
				if !p.accept("OR") {
					break
				}
				if e, err = p.parseExpr(); err != nil {
					return nil, err
				}
				if a := p.peek(); !a.is("AS") {
					return nil, expected(a, "AS 'label'")
				}
			}
		} else {
			key.Attr = e
			pending = append(pending, key)
			if p.acceptPunct(",") {
				continue
			}
		}
		if _, err := p.expect("OF"); err != nil {
			return nil, err
		}
		stream, err := p.ident("a stream name")
		if err != nil {
			return nil, err
		}
		if key.Ranges != nil {
			key.Stream = stream
			keys = append(keys, key)
		}
		for _, k := range pending {
			k.Stream = stream
			keys = append(keys, k)
		}
		pending = pending[:0]
		if !p.acceptPunct(",") {
			return keys, nil
		}
	}
}
