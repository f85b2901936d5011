package jsonrow

import (
	"encoding/json"
	"strings"
	"testing"
)

var documents = []string{
	`{}`, `[]`, ` { } `, `{"a":1}`, `{"a":1,"b":[1,2,{"c":null}],"d":{"e":"f"}}`, `[1,"x",true,false,null,-0.5e3]`,
	`{"a":1,}`, `{,"a":1}`, `{"a" 1}`, `{"a":}`, `{"a":1 "b":2}`, `{1:2}`, `{"a":1]`, `[1}`, `[1,]`, `[,1]`, `[1 2]`,
	`[`, `{`, `{"a"`, `{"a":`, `{"a":1`, `[1,`, `]`, `}`, `{"a":1}}`, `[[]]]`, `{} {}`, `[] x`, "[]\n\t ",
	`{"a\u0062":1}`, `{"a\q":1}`, "{\"a\x00\":1}", `["\ud800\udc00"]`, `[tru]`, `[nulll]`, `[1.e5]`, `[-]`,
	`"x"`, `5`, `null`, ``, ` `, strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat("[", 9999) + strings.Repeat("]", 9999), strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
}

func TestValidAgreesWithEncodingJSON(t *testing.T) {
	for _, doc := range documents {
		if got, want := Valid([]byte(doc)) == nil, json.Valid([]byte(doc)); got != want {
			t.Errorf("%.40q: Valid = %v (%v), encoding/json says %v", doc, got, Valid([]byte(doc)), want)
		}
	}
}

func TestWalk(t *testing.T) {
	r := NewReader([]byte(` {"s": "a\tb", "n": [1, 2.5], "k\u00e9": null, "t": true} `))
	if !r.Object() {
		t.Fatal("no object")
	}
	var got []string
	for r.NextKey() {
		key := string(r.Key())
		switch key {
		case "n":
			if !r.Array() {
				t.Fatal("no array")
			}
			for r.NextElem() {
				v, _, err := r.Double()
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, key+"="+formatFloat(v))
			}
		default:
			x, err := r.Value(0)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, key+"="+describe(x))
		}
	}
	if !r.End() {
		t.Fatal(r.Err())
	}
	want := "s=a\tb n=1 n=2.5 ké=<nil> t=true"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

func formatFloat(f float64) string { return string(AppendDouble(nil, f)) }

func describe(x any) string {
	switch v := x.(type) {
	case string:
		return v
	case bool:
		if v {
			return "true"
		}
		return "false"
	case nil:
		return "<nil>"
	}
	return "?"
}

// FuzzReader: Valid agrees with encoding/json on any input, and a valid
// string decodes to what encoding/json decodes.
func FuzzReader(f *testing.F) {
	for _, doc := range documents[:len(documents)-3] {
		f.Add(doc)
	}
	for _, s := range scalarTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		valid := Valid([]byte(doc)) == nil
		if valid != json.Valid([]byte(doc)) {
			t.Fatalf("%q: Valid = %v, encoding/json disagrees", doc, valid)
		}
		if !valid {
			return
		}
		var want any
		if json.Unmarshal([]byte(doc), &want) != nil {
			return
		}
		if s, ok := want.(string); ok {
			r := NewReader([]byte(doc))
			got, null, err := r.String()
			if err != nil || null || got != s {
				t.Fatalf("%q: String = %q, %v, %v; want %q", doc, got, null, err, s)
			}
		}
	})
}
