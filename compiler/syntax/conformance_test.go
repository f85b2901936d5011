package syntax

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// conformanceDir is the external acceptance suite beside the repository;
// it is read in place, never copied in.
const conformanceDir = "../../../shared/conformance"

type conformanceApp struct {
	file, name, text string
}

// conformanceApps returns every app, and every on-demand query, of the suite.
func conformanceApps(t testing.TB) []conformanceApp {
	files, _ := filepath.Glob(filepath.Join(conformanceDir, "*.json"))
	if len(files) == 0 {
		t.Skipf("%s not found: conformance apps not parsed", conformanceDir)
	}
	sort.Strings(files)
	var apps []conformanceApp
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cases []struct {
			Name  string `json:"name"`
			App   string `json:"app"`
			Steps []struct {
				Query string `json:"query"`
			} `json:"steps"`
		}
		if err := json.Unmarshal(data, &cases); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		base := filepath.Base(f)
		for _, c := range cases {
			apps = append(apps, conformanceApp{base, c.Name, c.App})
			for _, s := range c.Steps {
				if s.Query != "" {
					apps = append(apps, conformanceApp{base, c.Name + " (query step)", s.Query})
				}
			}
		}
	}
	return apps
}

// knownParseFailures are suite cases the AST cannot represent yet, with the
// error code they get meanwhile.
var knownParseFailures = map[string]string{
	// ast.JoinSource joins exactly two streams; a three-way join needs the
	// AST to nest joins (Left as a Source).
	"join_test27_three_way_join": "E240",
}

func TestConformanceAppsParse(t *testing.T) {
	apps := conformanceApps(t)
	failed := 0
	for _, a := range apps {
		app, err := Parse(a.name, a.text)
		want, known := knownParseFailures[a.name]
		switch {
		case err == nil && known:
			t.Errorf("%s %s now parses: remove it from knownParseFailures", a.file, a.name)
		case err == nil:
			checkPositions(t, a.text, app)
		case known && strings.Contains(err.Error(), "error["+want+"]"):
			failed++
			t.Logf("known failure %s %s: %s", a.file, a.name, strings.SplitN(err.Error(), "\n", 2)[0])
		default:
			failed++
			t.Errorf("%s %s:\n%v", a.file, a.name, err)
		}
	}
	t.Logf("%d apps and queries parsed, %d failed", len(apps)-failed, failed)
}
