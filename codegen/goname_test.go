package codegen

import (
	"go/token"
	"strings"
	"testing"
	"unicode/utf8"
)

// Every user name maps to an exported Go identifier without '_', so it can
// be neither a keyword, a predeclared name nor a disambiguated name.
func TestGoName(t *testing.T) {
	for in, want := range map[string]string{
		"StockStream": "StockStream", "stockStream": "StockStream", "symbol": "Symbol", "avgPrice": "AvgPrice",
		"a_b": "AB", "aB": "AB", "trade_value": "TradeValue", "triggered_time": "TriggeredTime",
		"type": "Type", "func": "Func", "range": "Range", "string": "String", "len": "Len", "nil": "Nil", "true": "True",
		"Température": "Température", "élan": "Élan", "日本": "X日本", "ǆ": "Ǆ",
		"1st": "X1st", "_": "X", "__x": "X", "a b": "AB", "a-b.c": "ABC", "a$b": "AB", "x */ y": "XY",
		"line\nbreak": "LineBreak", "%": "X", "bad\xffbyte": "BadByte", "café": "Café", "cafe\u0301": "Cafe",
		"x2y": "X2y", "٣x": "X٣x",
	} {
		got := goName(in)
		if got != want {
			t.Errorf("goName(%q) = %q, want %q", in, got, want)
		}
		if !token.IsIdentifier(got) || !token.IsExported(got) || strings.Contains(got, "_") || !utf8.ValidString(got) {
			t.Errorf("goName(%q) = %q is not an exported identifier without '_'", in, got)
		}
	}
}

// Names shown in comments cannot end a comment or spread it over lines.
func TestShownAndOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"StockStream": "StockStream", "a_b": "a_b", "a b": `"a b"`, "x */ y": `"x */ y"`, "a\nb": `"a\nb"`,
		"Température": `"Température"`, "": `""`,
	} {
		if got := shown(in); got != want {
			t.Errorf("shown(%q) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"length(3)": "length(3)", "sym#0 = 'a\nb'": `sym#0 = 'a\nb'`, "x\u2028y": `x\u2028y`, "é */": "é */", "o\xfe": `o\xfe`,
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %s, want %s", in, got, want)
		}
	}
}

// A name whose Go name is taken gets the first free suffix; the derived
// identifiers of a relation are taken together.
func TestClaimFirst(t *testing.T) {
	ns := newNamespace()
	ns.reserve("fixed", "A", "A_2")
	single := func(base string) [][]string { return [][]string{{base}} }
	if got, taken := claimFirst("A", "x's", []*namespace{ns}, single); got != "A_3" || taken != "A is fixed" {
		t.Errorf("got %s (%s), want A_3 (A is fixed)", got, taken)
	}
	if got, taken := claimFirst("B", "y's", []*namespace{ns}, single); got != "B" || taken != "" {
		t.Errorf("got %s (%s), want B", got, taken)
	}
	pair := func(base string) [][]string { return [][]string{{base, "Send" + base}} }
	ns.reserve("z's", "SendC")
	if got, taken := claimFirst("C", "w's", []*namespace{ns}, pair); got != "C_2" || taken != "SendC is z's" {
		t.Errorf("got %s (%s), want C_2 (SendC is z's)", got, taken)
	}
	if _, ok := ns.owners["C"]; ok {
		t.Error("a base whose derived names clash was taken")
	}
}
