package codegen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strings"
)

// QuerySize is how much generated code one query got.
type QuerySize struct {
	Lines, Bytes int
}

var queryIdent = regexp.MustCompile(`^q(\d+)`)

// QuerySizes attributes the declarations of a generated file to the queries
// they implement (types q<N>…, methods on *q<N>, helpers named for them),
// for efc explain. The app's own types are exported and never start with q.
func QuerySizes(files []File) (map[int]QuerySize, error) {
	sizes := map[int]QuerySize{}
	for _, f := range files {
		fset := token.NewFileSet()
		parsed, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		owners := declOwners(parsed.Decls)
		for _, d := range parsed.Decls {
			name := owners.of(d)
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

// typeOwners knows the file's types, and which of them are event structs
// (the types with a values method), to tell whose a helper is.
type typeOwners struct {
	types map[string]bool
	// events maps lowerFirst(T) to each event struct T (the stem of its
	// tFrom, tFromJSON and tCodec helpers).
	events map[string]string
}

func declOwners(decls []ast.Decl) typeOwners {
	o := typeOwners{types: map[string]bool{}, events: map[string]string{}}
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				if ts, ok := spec.(*ast.TypeSpec); ok {
					o.types[ts.Name.Name] = true
				}
			}
		case *ast.FuncDecl:
			if recv := receiver(d); recv != "" && d.Name.Name == "values" {
				o.events[lowerFirst(recv)] = recv
			}
		}
	}
	return o
}

// receiver is the receiver type of a method, "" for a function.
func receiver(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) != 1 {
		return ""
	}
	t := d.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// of names what a declaration belongs to: a method's receiver type, a
// type's name, the type a helper is named for (appendT, readT, loadT,
// decodeTJSON; tFrom, tFromJSON, tCodec of an event struct T), else the
// declared name.
func (o typeOwners) of(d ast.Decl) string {
	var name string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if recv := receiver(d); recv != "" {
			return recv
		}
		name = d.Name.Name
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch spec := spec.(type) {
			case *ast.TypeSpec:
				return spec.Name.Name
			case *ast.ValueSpec:
				if len(spec.Names) > 0 {
					name = spec.Names[0].Name
				}
			}
		}
	}
	for _, prefix := range []string{"append", "read", "load", "decode"} {
		rest, ok := strings.CutPrefix(name, prefix)
		if ok && prefix == "decode" {
			rest, ok = strings.CutSuffix(rest, "JSON")
		}
		if ok && o.types[rest] {
			return rest
		}
	}
	for _, suffix := range []string{"FromJSON", "From", "Codec"} {
		if stem, ok := strings.CutSuffix(name, suffix); ok {
			if t, ok := o.events[stem]; ok {
				return t
			}
		}
	}
	return name
}
