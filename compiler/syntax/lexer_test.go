package syntax

import (
	"strings"
	"testing"
)

func TestLexTokens(t *testing.T) {
	cases := []struct {
		src  string
		want string // kind:text|val per token, space separated
	}{
		{"a->b", "w:a p:-> w:b"},
		{"x<=>y <> != == <= >= << >> || && := ...", "w:x p:<=> w:y p:<> p:!= p:== p:<= p:>= p:<< p:>> p:|| p:&& p::= p:..."},
		{"'it''s' 'a\\nb'", `s:it's s:a\nb`},
		{`"kafka.topic" "a""b" ` + "`math:sin`", `q:kafka.topic q:a"b q:math:sin`},
		{"12 3.25 0.5 7.", "i:12 d:3.25 d:0.5 i:7 p:."},
		{"a -- comment\nb /* block\n */ c", "w:a w:b w:c"},
		{"e1[last].price{2,3}<1:>", "w:e1 p:[ w:last p:] p:. w:price p:{ i:2 p:, i:3 p:} p:< i:1 p:: p:>"},
		{"A<2>->B", "w:A p:< i:2 p:> p:-> w:B"},
	}
	for _, c := range cases {
		var got []string
		for _, tk := range lex(c.src) {
			switch tk.kind {
			case tkWord:
				got = append(got, "w:"+tk.text)
			case tkQuoted:
				got = append(got, "q:"+tk.val)
			case tkString:
				got = append(got, "s:"+tk.val)
			case tkInt:
				got = append(got, "i:"+tk.text)
			case tkDecimal:
				got = append(got, "d:"+tk.text)
			case tkPunct:
				got = append(got, "p:"+tk.text)
			case tkError:
				got = append(got, "error:"+tk.err.Msg)
			}
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("lex(%q) = %s, want %s", c.src, g, c.want)
		}
	}
}

// Columns count characters, not bytes, as diag.PosAt does.
func TestLexPositionsCountRunes(t *testing.T) {
	toks := lex("SELECT 'héllo' AS h,\n\tx FROM S")
	want := map[string]string{"AS": "1:16", "h": "1:19", "x": "2:2", "FROM": "2:4"}
	for _, tk := range toks {
		if w, ok := want[tk.text]; ok && tk.pos.String() != w {
			t.Errorf("%s at %s, want %s", tk.text, tk.pos, w)
		}
	}
}

func TestLexErrorsEndTheStream(t *testing.T) {
	cases := []struct{ src, msg string }{
		{"a 'open", "SQL parse error: unterminated string literal"},
		{"a /* open", "SQL parse error: unterminated comment"},
		{"a `open", "SQL parse error: unterminated quoted identifier"},
		{`a ""`, `SQL parse error: empty quoted identifier ""`},
		{"a 1e10", "SQL parse error: exponent notation is not supported: '1e10'"},
		{"a 0b101", "SQL parse error: hexadecimal and binary literals are not supported: '0b101'"},
		{"a _utf8'x'", "SQL parse error: _utf8'…' literals are not supported"},
		{"a é", "SQL parse error: unexpected character 'é'"},
	}
	for _, c := range cases {
		toks := lex(c.src)
		last := toks[len(toks)-2]
		if last.kind != tkError || last.err.Msg != c.msg || last.err.Pos.Offset != 2 {
			t.Errorf("lex(%q) ends with %v, want error %q at offset 2", c.src, last, c.msg)
		}
		if toks[len(toks)-1].kind != tkEOF {
			t.Errorf("lex(%q) does not end with EOF", c.src)
		}
	}
}
