package codegen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
)

// QuerySize is how much generated code one query got.
type QuerySize struct {
	Lines, Bytes int
}

var queryIdent = regexp.MustCompile(`^q(\d+)`)

// QuerySizes attributes the declarations of a generated file to the queries
// they implement (types q<N>…, methods on *q<N>, helpers named for them),
// for efc explain.
func QuerySizes(files []File) (map[int]QuerySize, error) {
	sizes := map[int]QuerySize{}
	for _, f := range files {
		fset := token.NewFileSet()
		parsed, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, d := range parsed.Decls {
			name := declOwner(d)
			m := queryIdent.FindStringSubmatch(name)
			if m == nil {
				continue
			}
			var q int
			fmt.Sscan(m[1], &q)
			start, end := fset.Position(d.Pos()), fset.Position(d.End())
			s := sizes[q]
			s.Lines += end.Line - start.Line + 1
			s.Bytes += end.Offset - start.Offset
			sizes[q] = s
		}
	}
	return sizes, nil
}

// declOwner names what a declaration belongs to: a method's receiver type,
// a function's name with its append/read/load prefix removed, a type's name.
func declOwner(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) == 1 {
			t := d.Recv.List[0].Type
			if star, ok := t.(*ast.StarExpr); ok {
				t = star.X
			}
			if id, ok := t.(*ast.Ident); ok {
				return id.Name
			}
		}
		name := d.Name.Name
		for _, prefix := range []string{"append", "read", "load"} {
			if len(name) > len(prefix) && name[:len(prefix)] == prefix {
				return lowerFirst(name[len(prefix):])
			}
		}
		return name
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			if ts, ok := spec.(*ast.TypeSpec); ok {
				return lowerFirst(ts.Name.Name)
			}
		}
	}
	return ""
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	if s[0] >= 'A' && s[0] <= 'Z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}
