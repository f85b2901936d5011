package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// The tests of this file run efc as a user would, outside this module and
// offline, against a module cache that is empty: whatever a build links
// must come from efc itself.

// efcBinary builds efc once for the tests that run it as a command; the
// directory goes when the tests end (TestMain).
var efcBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "efc-bin-")
	if err != nil {
		return "", err
	}
	binDirs = append(binDirs, dir)
	bin := filepath.Join(dir, "efc"+exeSuffix())
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// binDirs are removed by TestMain.
var binDirs []string

func exeSuffix() string {
	if filepath.Separator == '\\' {
		return ".exe"
	}
	return ""
}

// offlineEnv is a user's environment with no network and nothing in the
// module cache: a fresh HOME, GOPATH and GOMODCACHE, GOPROXY=off, no
// GOFLAGS and no go env file (GOENV=off). The build cache stays the
// machine's (holding compiled objects, keyed by content, not sources), so
// the standard library is not compiled again. It returns the environment
// and the module cache to check afterwards.
func offlineEnv(t *testing.T, extraPath string) ([]string, string) {
	t.Helper()
	goCache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOCACHE: %v", err)
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	modCache := filepath.Join(root, "modcache")
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "GO") || name == "HOME" || name == "PATH" || name == "EVENTFLUX_EFC_CACHE" {
			continue
		}
		env = append(env, kv)
	}
	path := filepath.Dir(goCmd)
	if extraPath != "" {
		path = extraPath + string(os.PathListSeparator) + path
	}
	env = append(env,
		"PATH="+path,
		"HOME="+filepath.Join(root, "home"),
		"GOPATH="+filepath.Join(root, "gopath"),
		"GOMODCACHE="+modCache,
		"GOCACHE="+strings.TrimSpace(string(goCache)),
		"GOPROXY=off",
		"GOFLAGS=",
		"GOENV=off",
		"GOTOOLCHAIN=local",
		"EVENTFLUX_EFC_CACHE="+filepath.Join(root, "efc-cache"),
	)
	return env, modCache
}

// assertNoModules fails when anything landed in the module cache.
func assertNoModules(t *testing.T, modCache string) {
	t.Helper()
	var found []string
	filepath.WalkDir(modCache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			found = append(found, p)
		}
		return nil
	})
	if len(found) > 0 {
		t.Errorf("the build put %d files into the empty module cache, e.g. %s", len(found), found[0])
	}
}

func zstdCompress(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := zstd.NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCompileLinksVendoredModuleOffline: efc compile, run from a directory
// unrelated to this module with an empty module cache and no proxy,
// builds a binary that links klauspost/compress (from the vendor tree in
// efc); fed the zstd-compressed example events, it prints what efc run
// prints for the plain ones.
func TestCompileLinksVendoredModuleOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds efc and an app (-short)")
	}
	efcBin, err := efcBinary()
	if err != nil {
		t.Fatalf("building efc: %v", err)
	}
	events, err := os.ReadFile(exampleEvents)
	if err != nil {
		t.Fatal(err)
	}
	app, err := filepath.Abs(exampleApp)
	if err != nil {
		t.Fatal(err)
	}
	env, modCache := offlineEnv(t, "")
	work := t.TempDir()
	cmd := exec.Command(efcBin, "compile", app, "-o", "stocks")
	cmd.Dir, cmd.Env = work, env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("efc compile: %v\n%s", err, out)
	}
	assertNoModules(t, modCache)

	code, want, wantErr := efc(string(events), "run", "--playback", exampleApp)
	if code != exitOK || want == "" {
		t.Fatalf("efc run: exit %d, %s", code, wantErr)
	}
	run := exec.Command(filepath.Join(work, "stocks"), "--playback")
	run.Stdin = bytes.NewReader(zstdCompress(t, events))
	var out, errw bytes.Buffer
	run.Stdout, run.Stderr = &out, &errw
	if err := run.Run(); err != nil {
		t.Fatalf("stocks: %v\n%s", err, errw.String())
	}
	if out.String() != want {
		t.Errorf("compiled binary on zstd input differs from efc run on plain input\n--- compiled\n%s--- efc run\n%s", out.String(), want)
	}
	if got := strings.Replace(errw.String(), "stocks: ", "efc run: ", 1); got != wantErr {
		t.Errorf("stderr %q, want %q", errw.String(), wantErr)
	}
}

// TestGenInOwnModuleOffline is the //go:generate workflow of a user's
// module outside this repository, offline with an empty module cache:
// go generate runs efc gen --runtime, then go build and the program's
// output equals efc run's, on plain and on zstd input (the runtime's
// third-party module is linked from the directory efc wrote). A second
// go generate changes nothing.
func TestGenInOwnModuleOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds efc and a program (-short)")
	}
	efcBin, err := efcBinary()
	if err != nil {
		t.Fatalf("building efc: %v", err)
	}
	app, err := os.ReadFile(exampleApp)
	if err != nil {
		t.Fatal(err)
	}
	events, err := os.ReadFile(exampleEvents)
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	for name, content := range map[string]string{
		// An older go line than the runtime's, as a user's module may have.
		"go.mod":  "module example.com/flow\n\ngo 1.22\n",
		"app.sql": string(app),
		"main.go": `// Command flow runs the stock app over JSON lines.
package main

//go:generate efc gen --runtime third_party/eventflux app.sql -o app -pkg app

import (
	"os"

	"example.com/flow/app"
	"github.com/eventflux/eventflux-go/runtime/driver"
)

func main() {
	os.Exit(driver.Main("flow", app.New(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
`,
	} {
		if err := os.WriteFile(filepath.Join(mod, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env, modCache := offlineEnv(t, filepath.Dir(efcBin))
	goCmd := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir, cmd.Env = mod, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	out := goCmd("generate", "./...")
	for _, want := range []string{
		"require github.com/eventflux/eventflux-go v0.0.0-00010101000000-000000000000\n",
		"replace github.com/eventflux/eventflux-go => ./third_party/eventflux/github.com/eventflux/eventflux-go\n",
		"replace github.com/klauspost/compress v1.20.4 => ./third_party/eventflux/github.com/klauspost/compress\n",
		"go 1.26 (the runtime's Go version)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("go generate printed\n%s\nwithout %q", out, want)
		}
	}
	goMod, err := os.ReadFile(filepath.Join(mod, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	// The runtime's directories are modules of their own: ./... is the
	// user's packages only.
	if pkgs := goCmd("list", "./..."); pkgs != "example.com/flow\nexample.com/flow/app\n" {
		t.Errorf("go list ./... = %q", pkgs)
	}
	goCmd("build", "-o", "flow"+exeSuffix(), ".")
	assertNoModules(t, modCache)

	code, want, wantErr := efc(string(events), "run", "--playback", exampleApp)
	if code != exitOK || want == "" {
		t.Fatalf("efc run: exit %d, %s", code, wantErr)
	}
	for name, in := range map[string][]byte{"plain": events, "zstd": zstdCompress(t, events)} {
		run := exec.Command(filepath.Join(mod, "flow"+exeSuffix()), "--playback")
		run.Stdin = bytes.NewReader(in)
		var stdout, stderr bytes.Buffer
		run.Stdout, run.Stderr = &stdout, &stderr
		if err := run.Run(); err != nil {
			t.Fatalf("%s: flow: %v\n%s", name, err, stderr.String())
		}
		if stdout.String() != want {
			t.Errorf("%s: the program's output differs from efc run\n--- program\n%s--- efc run\n%s", name, stdout.String(), want)
		}
		if got := strings.Replace(stderr.String(), "flow: ", "efc run: ", 1); got != wantErr {
			t.Errorf("%s: stderr %q, want %q", name, stderr.String(), wantErr)
		}
	}

	if again := goCmd("generate", "./..."); again != "" {
		t.Errorf("a second go generate printed %q", again)
	}
	if after, _ := os.ReadFile(filepath.Join(mod, "go.mod")); !bytes.Equal(after, goMod) {
		t.Errorf("a second go generate changed go.mod:\n%s\nwas\n%s", after, goMod)
	}
}
