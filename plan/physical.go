package plan

// PhysicalQuery is the operator pipeline chosen for a query, source first:
// which window implementation, which selector strategy (plain projection,
// one global aggregate, or hashed groups), which typed aggregator per
// aggregate call. The code generator emits one fused loop from it; the
// interpreter picks the same runtime building blocks.
type PhysicalQuery struct {
	Ops []PhysicalOp
	// Cost is the estimated work per input event, in abstract units.
	Cost float64
}

// PhysicalOp is one operator choice.
type PhysicalOp struct {
	Name   string // e.g. PhysicalScan, PhysicalLengthWindow, PhysicalFilter, PhysicalHashGroupAgg
	Detail string // human-readable parameters, for explain
	Node   Node   // the logical node it implements
	// Aggregators names the typed runtime aggregator per AggCall (selectors only), e.g. SumInt64.
	Aggregators []string
	Cost        float64
}
