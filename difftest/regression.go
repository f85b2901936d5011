package difftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// writeRegression writes c as a conformance case file (FORMAT.md) named
// <seed>-<index>.json holding one case whose expectations are the
// reference's events on the stream that differed.
func writeRegression(dir string, seed uint64, index int, c *Case, ref *recording, d difference) (string, error) {
	text := regressionCase(seed, index, c, ref, d)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("%d-%d.json", seed, index))
	return path, os.WriteFile(path, []byte(text), 0o644)
}

func regressionCase(seed uint64, index int, c *Case, ref *recording, d difference) string {
	note := fmt.Sprintf("difftest seed %d index %d: %s mismatch: %s", seed, index, d.kind, d.text)
	if d.tsOnly {
		note += " (timestamps only: the case format cannot check them)"
	}
	if d.kind == snapshotMismatch {
		note += " (snapshot bytes: the case format cannot compare them; the case replays its persistence steps)"
	}
	if strings.HasPrefix(d.text, "restarting ") {
		note += " (a restart onto the other backend: the case restarts on the backend running it)"
	}
	if ref.panicked != "" {
		note += " (the reference crashed: the case expects only that no backend does)"
	}
	var b strings.Builder
	b.WriteString("[\n  {\n")
	field := func(key, value string, last bool) {
		b.WriteString("    " + jsonText(key) + ": " + value)
		if !last {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	field("name", jsonText(fmt.Sprintf("regression_%d_%d", seed, index)), false)
	field("ref", jsonText(note), false)
	field("app", jsonText(c.App.SQL()), false)
	collect := d.stream
	if collect == "" && len(ref.written) > 0 && ref.buildErr == "" {
		collect = ref.written[0]
	}
	if collect != "" && ref.buildErr == "" {
		field("collect", jsonText(collect), false)
		// The types are the spec's (the generator's typing), which the
		// reference reports too unless the mismatch is about typing.
		var types []string
		for _, col := range c.App.schemas()[collect] {
			types = append(types, col.Type.String())
		}
		field("types", jsonText(types), false)
	}
	b.WriteString("    \"steps\": [")
	for i, s := range c.Steps {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n      " + stepJSON(s))
	}
	if len(c.Steps) > 0 {
		b.WriteString("\n    ")
	}
	b.WriteString("],\n")
	b.WriteString("    \"expect\": [")
	exps := expectations(ref, collect)
	for i, e := range exps {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n      " + e)
	}
	if len(exps) > 0 {
		b.WriteString("\n    ")
	}
	b.WriteString("]\n  }\n]\n")
	return b.String()
}

// expectations are the reference's outcome: its build error, or its events
// on collect as {"rows"}. JSON has no NaN or infinities, so events holding
// one are checked by count and by their finite values only. A crashed
// reference has no trustworthy outcome: the case then expects nothing, and
// fails on any backend only by crashing.
func expectations(ref *recording, collect string) []string {
	if ref.panicked != "" {
		return nil
	}
	if ref.buildErr != "" {
		return []string{`{"error": ` + jsonText(ref.buildErr) + `}`}
	}
	if collect == "" {
		return nil
	}
	evs := ref.events[collect]
	finite := true
	for _, e := range evs {
		for _, v := range e.row {
			finite = finite && isFinite(v)
		}
	}
	if finite {
		rows := make([]string, len(evs))
		for i, e := range evs {
			rows[i] = rowJSON(e.row)
		}
		return []string{`{"rows": [` + strings.Join(rows, ", ") + `]}`}
	}
	out := []string{`{"len": ` + strconv.Itoa(len(evs)) + `}`}
	for i, e := range evs {
		for j, v := range e.row {
			if isFinite(v) {
				out = append(out, fmt.Sprintf(`{"row": %d, "col": %d, "eq": %s}`, i, j, valueJSON(v)))
			}
		}
	}
	return out
}

func isFinite(v any) bool {
	switch x := v.(type) {
	case float64:
		return !math.IsNaN(x) && !math.IsInf(x, 0)
	case float32:
		return !math.IsNaN(float64(x)) && !math.IsInf(float64(x), 0)
	}
	return true
}

func stepJSON(s Step) string {
	switch {
	case s.Sleep > 0:
		return `{"sleep": ` + strconv.FormatInt(s.Sleep, 10) + `}`
	case s.Persist:
		return `{"persist": true}`
	case s.Restore:
		return `{"restore": true}`
	case s.Restart:
		return `{"restart": true}`
	}
	var b strings.Builder
	b.WriteString(`{"send": ` + jsonText(InputStream))
	if s.Batch {
		rows := make([]string, len(s.Rows))
		for i, r := range s.Rows {
			rows[i] = rowJSON(r)
		}
		b.WriteString(`, "rows": [` + strings.Join(rows, ", ") + `]`)
	} else {
		b.WriteString(`, "row": ` + rowJSON(s.Rows[0]))
	}
	if s.HasTs {
		b.WriteString(`, "ts": ` + strconv.FormatInt(s.Ts, 10))
	}
	b.WriteString("}")
	return b.String()
}

func formatSteps(steps []Step) string {
	var b strings.Builder
	for _, s := range steps {
		b.WriteString("  " + stepJSON(s) + "\n")
	}
	return b.String()
}

func rowJSON(row []any) string {
	parts := make([]string, len(row))
	for i, v := range row {
		parts[i] = valueJSON(v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// valueJSON renders a value so that decoding it for its column gives the
// same Go value back: floats in their shortest round-trip form at their
// own precision.
func valueJSON(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return jsonText(x)
	case bool:
		return strconv.FormatBool(x)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return jsonText(fmt.Sprint(v))
}

// jsonText encodes v without HTML escaping, so apps keep '<' and '>'.
func jsonText(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return `"?"`
	}
	return strings.TrimSuffix(b.String(), "\n")
}
