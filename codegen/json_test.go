package codegen

import (
	"testing"

	"github.com/eventflux/eventflux-go/runtime/jsonrow"
)

// Generated keys must be the bytes the driver prints for a column name.
func TestJSONQuoteMatchesJSONRow(t *testing.T) {
	for _, s := range []string{"", "price", "a b", `q"\`, "\n\r\t\x00\x1f\x7f", "é€😀", "bad\xff\xe2\x82", "<&>", "\u2028"} {
		if got, want := jsonQuote(s), string(jsonrow.AppendString(nil, s)); got != want {
			t.Errorf("jsonQuote(%q) = %s, want %s", s, got, want)
		}
	}
	if got := jsonQuote("a\"b"); got != `"a\"b"` {
		t.Errorf(`jsonQuote("a\"b") = %s`, got)
	}
}
