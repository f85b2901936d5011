package conformance

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// Dispute is one line of the disputes file: a case that disagrees with
// LANGUAGE.md exactly where Appendix A says EventFlux differs, so its
// failure is expected and counted apart.
type Dispute struct {
	File   string // "windows.json"
	Case   string // the case name
	Row    string // the Appendix A row, "A2"
	Reason string
	Line   int
}

// Disputes is a parsed disputes file.
type Disputes struct {
	list  []*Dispute
	index map[string]*Dispute // by "file/case"
}

var appendixRow = regexp.MustCompile(`^A[0-9]+$`)

// LoadDisputes reads a disputes file.
func LoadDisputes(path string) (*Disputes, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := ParseDisputes(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// ParseDisputes reads lines `<file.json> <case name> <A row> <reason>`;
// blank lines and lines starting with '#' are ignored.
func ParseDisputes(r io.Reader) (*Disputes, error) {
	d := &Disputes{index: map[string]*Dispute{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 4 {
			return nil, fmt.Errorf("line %d: want <file.json> <case name> <Appendix A row> <reason>", n)
		}
		if !appendixRow.MatchString(fields[2]) {
			return nil, fmt.Errorf("line %d: %q is not an Appendix A row (A1, A2, ...)", n, fields[2])
		}
		// The reason is the rest of the line, spacing kept.
		rest := line
		for _, f := range fields[:3] {
			rest = strings.TrimLeft(rest, " \t")
			rest = rest[len(f):]
		}
		dp := &Dispute{File: fields[0], Case: fields[1], Row: fields[2], Reason: strings.TrimSpace(rest), Line: n}
		key := dp.File + "/" + dp.Case
		if prev := d.index[key]; prev != nil {
			return nil, fmt.Errorf("line %d: %s is already listed on line %d", n, key, prev.Line)
		}
		d.index[key] = dp
		d.list = append(d.list, dp)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

// Lookup returns the dispute naming a case, or nil. A nil *Disputes has none.
func (d *Disputes) Lookup(file, name string) *Dispute {
	if d == nil {
		return nil
	}
	return d.index[file+"/"+name]
}

// Len is the number of disputed cases listed.
func (d *Disputes) Len() int {
	if d == nil {
		return 0
	}
	return len(d.list)
}
