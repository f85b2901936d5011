package gobuild

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
	"time"

	eventflux "github.com/eventflux/eventflux-go"
)

// goModHead starts the build module's go.mod: the import paths of the
// embedded sources start with the module path.
const goModHead = "module github.com/eventflux/eventflux-go\n\ngo 1.26\n"

// goMod is the build module's go.mod: goModHead and a requirement per
// vendored module, which -mod=vendor checks against vendor/modules.txt.
var goMod = sync.OnceValues(func() (string, error) {
	mods, err := VendoredModules()
	if err != nil {
		return "", err
	}
	return goModHead + requireBlock(mods), nil
})

// layout versions the directory structure: bump it when what is written
// changes in a way the content hash does not see.
const layout = "gobuild/2"

// sourceTrees are what the build module holds besides go.mod: the embedded
// sources at its root and the vendor tree in vendor/.
var sourceTrees = []struct {
	dir  string
	fsys func() fs.FS
}{{".", eventflux.Sources}, {"vendor", eventflux.Vendor}}

// CacheDirEnv overrides the cache root (default os.UserCacheDir()/eventflux-efc).
const CacheDirEnv = "EVENTFLUX_EFC_CACHE"

// keepUnused is how long an unused build directory is kept.
const keepUnused = 7 * 24 * time.Hour

// cacheRoot returns the directory holding the build modules.
func cacheRoot() (string, error) {
	if dir := os.Getenv(CacheDirEnv); dir != "" {
		return filepath.Abs(dir)
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory for builds (set %s): %v", CacheDirEnv, err)
	}
	return filepath.Join(dir, "eventflux-efc"), nil
}

var sourcesHash = sync.OnceValues(func() (string, error) {
	mod, err := goMod()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s", layout, mod)
	for _, tree := range sourceTrees {
		fsys := tree.fsys()
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s\n%d\n", path.Join(tree.dir, p), len(data))
			h.Write(data)
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
})

// sourceModule returns the module directory holding the embedded sources,
// writing it on first use. Its name is the hash of its content, so an efc
// built from other sources never reuses it, and the runtime packages keep
// one path, hence one build cache entry, across builds.
func sourceModule(root string) (string, error) {
	hash, err := sourcesHash()
	if err != nil {
		return "", err
	}
	mod, err := goMod()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, hash)
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		touch(dir)
		return dir, nil
	}
	prune(root)
	return dir, publish(dir, func(tmp string) error {
		if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte(mod), 0o644); err != nil {
			return err
		}
		for _, tree := range sourceTrees {
			if err := os.CopyFS(filepath.Join(tmp, tree.dir), tree.fsys()); err != nil {
				return err
			}
		}
		return nil
	})
}

// publish creates dir atomically: fill writes into a fresh sibling, which
// is renamed into place. When another efc published dir first, its copy
// (of the same content, by the hash in the name) is kept.
func publish(dir string, fill func(tmp string) error) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".tmp-")
	if err != nil {
		return err
	}
	if err := fill(tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		if _, statErr := os.Stat(dir); statErr == nil {
			return nil
		}
		return err
	}
	return nil
}

// touch marks dir as used now, so prune keeps it.
func touch(dir string) {
	now := time.Now()
	os.Chtimes(dir, now, now)
}

// prune removes the entries of parent unused for keepUnused: build
// directories of older efc versions and of apps built long ago. Failures
// are ignored; pruning is housekeeping.
func prune(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < keepUnused {
			continue
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

var errNoGo = errors.New("the go command was not found in PATH; building generated code needs Go 1.26")
