package interp

import (
	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
)

// The plan's enums map onto the runtime's by name, never by ordinal: a
// reordered constant on either side is caught by kinds_test.go instead
// of silently meaning another type.

var runtimeTypes = map[plan.Type]rt.Type{plan.Object: rt.Object, plan.String: rt.String, plan.Int: rt.Int,
	plan.BigInt: rt.BigInt, plan.Float: rt.Float, plan.Double: rt.Double, plan.Bool: rt.Bool}

var streamKinds = map[plan.RelKind]rt.StreamKind{plan.StreamRel: rt.KindStream, plan.TableRel: rt.KindTable,
	plan.TriggerRel: rt.KindTrigger}

func runtimeType(t plan.Type) rt.Type { return runtimeTypes[t] }
