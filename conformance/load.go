package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
)

// Load reads case files. A directory contributes its *.json files (not
// recursively) in name order; a file is read whatever its extension. A file
// that is not a JSON array is an error; a malformed case inside a good file
// is kept and marked Invalid, so one bad case does not hide the others.
func Load(paths []string) ([]*File, error) {
	var names []string
	seen := map[string]bool{}
	add := func(p string) {
		clean := filepath.Clean(p)
		if !seen[clean] {
			seen[clean] = true
			names = append(names, clean)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(p, "*.json"))
		if err != nil {
			return nil, err
		}
		sort.Strings(matches)
		for _, m := range matches {
			add(m)
		}
	}
	var files []*File
	used := map[string]bool{}
	for _, path := range names {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		name := filepath.Base(path)
		if used[name] {
			// Two folders with the same file name: keep both apart in reports.
			name = filepath.ToSlash(path)
		}
		used[name] = true
		f, err := ParseFile(name, data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		f.Path = path
		files = append(files, f)
	}
	return files, nil
}

// ParseFile decodes one case file (a JSON array of cases) named name.
func ParseFile(name string, data []byte) (*File, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, fmt.Errorf("not a JSON array of cases: %w", err)
	}
	f := &File{Name: name}
	names := map[string]bool{}
	for i, raw := range raws {
		c := parseCase(raw)
		c.File = name
		if c.Invalid == "" {
			switch {
			case c.Name == "":
				c.Invalid = "missing \"name\""
			case names[c.Name]:
				c.Invalid = "duplicate case name"
			}
		}
		if c.Name == "" {
			c.Name = "#" + strconv.Itoa(i)
		}
		names[c.Name] = true
		f.Cases = append(f.Cases, c)
	}
	return f, nil
}

// parseCase never fails: problems are recorded in Invalid.
func parseCase(raw json.RawMessage) *Case {
	c := &Case{}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		c.Invalid = "a case must be a JSON object"
		return c
	}
	// Read the name first so an invalid case is still reported by name.
	if v, ok := fields["name"]; ok {
		_ = json.Unmarshal(v, &c.Name)
	}
	if err := c.decodeFields(fields); err != nil {
		c.Invalid = err.Error()
	}
	return c
}

func (c *Case) decodeFields(fields map[string]json.RawMessage) error {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := fields[k]
		var err error
		switch k {
		case "name":
			err = json.Unmarshal(v, &c.Name)
		case "ref":
			err = json.Unmarshal(v, &c.Ref)
		case "app":
			err = json.Unmarshal(v, &c.App)
		case "collect":
			err = json.Unmarshal(v, &c.Collect)
		case "types":
			err = json.Unmarshal(v, &c.Types)
			if err == nil && c.Types == nil {
				c.Types = []string{}
			}
		case "stretch":
			c.Stretch, c.StretchReason, err = decodeFlag(v)
		case "skip":
			c.Skipped, c.SkipReason, err = decodeFlag(v)
		case "steps":
			err = c.decodeSteps(v)
		case "expect":
			err = c.decodeExpect(v)
		default:
			// A key we do not know may change what the case means.
			err = errors.New("unknown key")
		}
		if err != nil {
			return fmt.Errorf("%q: %v", k, err)
		}
	}
	return nil
}

// decodeFlag reads "stretch"/"skip": a reason string (set), true (set), or
// false/null (unset).
func decodeFlag(v json.RawMessage) (bool, string, error) {
	var x any
	if err := json.Unmarshal(v, &x); err != nil {
		return false, "", err
	}
	switch t := x.(type) {
	case nil:
		return false, "", nil
	case bool:
		return t, "", nil
	case string:
		return true, t, nil
	}
	return false, "", errors.New("want a reason string")
}

func (c *Case) decodeSteps(v json.RawMessage) error {
	var raws []json.RawMessage
	if err := json.Unmarshal(v, &raws); err != nil {
		return err
	}
	for i, raw := range raws {
		s, err := parseStep(raw)
		if err != nil {
			return fmt.Errorf("step %d: %v", i+1, err)
		}
		c.Steps = append(c.Steps, s)
	}
	return nil
}

func (c *Case) decodeExpect(v json.RawMessage) error {
	var raws []json.RawMessage
	if err := json.Unmarshal(v, &raws); err != nil {
		return err
	}
	for i, raw := range raws {
		e, err := parseExpectation(raw)
		if err != nil {
			return fmt.Errorf("expectation %d: %v", i+1, err)
		}
		c.Expect = append(c.Expect, e)
	}
	return nil
}

// object decodes a JSON object and checks its key set is exactly one of the
// allowed shapes: all of required present, nothing outside required+optional.
func object(raw json.RawMessage, required []string, optional ...string) (map[string]json.RawMessage, bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || m == nil {
		return nil, false
	}
	for _, k := range required {
		if _, ok := m[k]; !ok {
			return nil, false
		}
	}
	for k := range m {
		if !contains(required, k) && !contains(optional, k) {
			return nil, false
		}
	}
	return m, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func compact(raw json.RawMessage) json.RawMessage {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return raw
	}
	return b.Bytes()
}

func parseStep(raw json.RawMessage) (Step, error) {
	s := Step{Raw: compact(raw)}
	var err error
	if m, ok := object(raw, []string{"send", "row"}, "ts"); ok {
		s.Kind = StepSend
		var row []any
		if row, err = decodeRow(m["row"]); err == nil {
			s.Rows = [][]any{row}
			err = s.decodeSend(m)
		}
	} else if m, ok := object(raw, []string{"send", "rows"}, "ts"); ok {
		s.Kind = StepSend
		if s.Rows, err = decodeRows(m["rows"]); err == nil {
			err = s.decodeSend(m)
		}
	} else if m, ok := object(raw, []string{"sleep"}); ok {
		s.Kind = StepSleep
		if s.Sleep, err = decodeInt(m["sleep"]); err == nil && s.Sleep < 0 {
			err = errors.New("negative sleep")
		}
	} else if m, ok := object(raw, []string{"persist"}); ok {
		s.Kind, err = StepPersist, decodeTrue(m["persist"])
	} else if m, ok := object(raw, []string{"restore"}); ok {
		s.Kind, err = StepRestore, decodeTrue(m["restore"])
	} else if m, ok := object(raw, []string{"restart"}); ok {
		s.Kind, err = StepRestart, decodeTrue(m["restart"])
	} else if m, ok := object(raw, []string{"query", "rows"}); ok {
		s.Kind = StepQuery
		if err = json.Unmarshal(m["query"], &s.Query); err == nil {
			s.Rows, err = decodeRows(m["rows"])
		}
	} else {
		return s, fmt.Errorf("unknown step %s", s.Raw)
	}
	if err != nil {
		return s, fmt.Errorf("%s: %v", s.Raw, err)
	}
	return s, nil
}

func (s *Step) decodeSend(m map[string]json.RawMessage) error {
	if err := json.Unmarshal(m["send"], &s.Stream); err != nil {
		return err
	}
	if ts, ok := m["ts"]; ok {
		var err error
		if s.Ts, err = decodeInt(ts); err != nil {
			return fmt.Errorf("ts: %v", err)
		}
		s.HasTs = true
	}
	return nil
}

func decodeTrue(v json.RawMessage) error {
	var b bool
	if json.Unmarshal(v, &b) != nil || !b {
		return errors.New("want true")
	}
	return nil
}

func parseExpectation(raw json.RawMessage) (Expectation, error) {
	e := Expectation{Raw: compact(raw)}
	var err error
	var n int64
	if m, ok := object(raw, []string{"len"}); ok {
		e.Kind = ExpectLen
		n, err = decodeInt(m["len"])
	} else if m, ok := object(raw, []string{"len_min"}); ok {
		e.Kind = ExpectLenMin
		n, err = decodeInt(m["len_min"])
	} else if m, ok := object(raw, []string{"len_max"}); ok {
		e.Kind = ExpectLenMax
		n, err = decodeInt(m["len_max"])
	} else if m, ok := object(raw, []string{"rows"}); ok {
		e.Kind = ExpectRows
		e.Rows, err = decodeRows(m["rows"])
	} else if m, ok := object(raw, []string{"rows_any_order"}); ok {
		e.Kind = ExpectRowsAnyOrder
		e.Rows, err = decodeRows(m["rows_any_order"])
	} else if m, ok := object(raw, []string{"row", "col", "eq"}); ok {
		e.Kind = ExpectValue
		var col int64
		if n, err = decodeInt(m["row"]); err == nil {
			if col, err = decodeInt(m["col"]); err == nil {
				e.Col = int(col)
				if col < 0 {
					err = errors.New("negative col")
				} else {
					e.Value, err = decodeScalar(m["eq"])
				}
			}
		}
	} else if m, ok := object(raw, []string{"row", "eq"}); ok {
		e.Kind = ExpectRow
		var row []any
		if n, err = decodeInt(m["row"]); err == nil {
			row, err = decodeRow(m["eq"])
			e.Rows = [][]any{row}
		}
	} else if m, ok := object(raw, []string{"contains"}); ok {
		e.Kind = ExpectContains
		var row []any
		row, err = decodeRow(m["contains"])
		e.Rows = [][]any{row}
	} else if m, ok := object(raw, []string{"not_contains"}); ok {
		e.Kind = ExpectNotContains
		var row []any
		row, err = decodeRow(m["not_contains"])
		e.Rows = [][]any{row}
	} else if m, ok := object(raw, []string{"error"}); ok {
		e.Kind = ExpectError
		err = json.Unmarshal(m["error"], &e.Text)
	} else {
		return e, fmt.Errorf("unknown expectation %s", e.Raw)
	}
	if err == nil && (n > math.MaxInt32 || n < math.MinInt32) {
		err = errors.New("index out of range")
	}
	e.N = int(n)
	if err == nil && (e.Kind == ExpectLen || e.Kind == ExpectLenMin || e.Kind == ExpectLenMax) && n < 0 {
		err = errors.New("negative count")
	}
	if err != nil {
		return e, fmt.Errorf("%s: %v", e.Raw, err)
	}
	return e, nil
}

// decodeJSON decodes v keeping numbers as json.Number (exact text), so
// their Go type can be chosen later from the column type.
func decodeJSON(v json.RawMessage, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	if err := dec.Decode(dst); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data")
	}
	return nil
}

func decodeInt(v json.RawMessage) (int64, error) {
	var n json.Number
	if err := decodeJSON(v, &n); err != nil {
		return 0, errors.New("want an integer")
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil {
		return 0, errors.New("want an integer")
	}
	return i, nil
}

func decodeScalar(v json.RawMessage) (any, error) {
	var x any
	if err := decodeJSON(v, &x); err != nil {
		return nil, err
	}
	if !isScalar(x) {
		return nil, errors.New("want a string, number, boolean or null")
	}
	return x, nil
}

func isScalar(x any) bool {
	switch x.(type) {
	case nil, bool, string, json.Number:
		return true
	}
	return false
}

func decodeRow(v json.RawMessage) ([]any, error) {
	var row []any
	if err := decodeJSON(v, &row); err != nil || row == nil {
		return nil, errors.New("want an array of values")
	}
	for _, x := range row {
		if !isScalar(x) {
			return nil, errors.New("row values must be strings, numbers, booleans or null")
		}
	}
	return row, nil
}

func decodeRows(v json.RawMessage) ([][]any, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(v, &raws); err != nil || raws == nil {
		return nil, errors.New("want an array of rows")
	}
	rows := make([][]any, 0, len(raws))
	for _, raw := range raws {
		row, err := decodeRow(raw)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}
