package difftest

import "github.com/eventflux/eventflux-go/runtime"

// Candidates holds further in-process backends TestDifferential can
// compare against the interpreter, by name (-difftest.candidate). The
// generated-code backend needs no entry: it runs out of process, in
// batches (Gen).
var Candidates = map[string]func(app string) (runtime.App, error){}
