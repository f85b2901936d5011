package difftest

import "eventflux/runtime"

// Candidates holds the backends TestDifferential can compare against the
// interpreter, by name. The generated-code backend registers itself here
// as "gen" (from a test file or an init function of its own package), so
// this package never imports a code generator.
var Candidates = map[string]func(app string) (runtime.App, error){}
