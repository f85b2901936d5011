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
