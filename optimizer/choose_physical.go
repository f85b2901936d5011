package optimizer

import (
	"fmt"
	"strings"

	"github.com/eventflux/eventflux-go/plan"
)

const choosePhysicalDoc = `Chooses the physical operators: the runtime window implementation, the
selector strategy (plain projection, one global aggregate, or hashed groups)
and one typed aggregator per aggregate call by its argument type (SumInt64,
MinFloat64, …), with an estimated cost per input event. It changes no
semantics; it records the choices that the code generator emits and the
interpreter instantiates.`

// Per-event cost units: rough relative CPU work, used to compare plans.
const (
	costScan      = 1.0
	costExprNode  = 0.5
	costWindow    = 3.0
	costAggUpdate = 2.0
	costHashGroup = 4.0
	costEmit      = 2.0
)

func choosePhysical(q *plan.Query) bool {
	var ops []plan.PhysicalOp
	var visit func(n plan.Node)
	visit = func(n plan.Node) {
		for _, in := range n.Inputs() {
			visit(in)
		}
		ops = append(ops, physicalOp(n))
	}
	visit(q.Root)
	total := 0.0
	for _, op := range ops {
		total += op.Cost
	}
	q.Physical = &plan.PhysicalQuery{Ops: ops, Cost: total}
	return true
}

func physicalOp(n plan.Node) plan.PhysicalOp {
	switch n := n.(type) {
	case *plan.Scan:
		return plan.PhysicalOp{Name: "PhysicalScan", Detail: n.Rel.Name, Node: n, Cost: costScan}
	case *plan.Window:
		name := "Physical" + strings.ToUpper(n.Spec.Kind[:1]) + n.Spec.Kind[1:] + "Window"
		return plan.PhysicalOp{Name: name, Detail: plan.FormatWindow(n.Spec), Node: n, Cost: costWindow}
	case *plan.Project:
		return plan.PhysicalOp{Name: "PhysicalProject", Detail: plan.NodeLabel(n), Node: n, Cost: costExprNode * float64(len(n.Cols))}
	case *plan.Filter:
		return plan.PhysicalOp{Name: "PhysicalFilter", Detail: plan.FormatExpr(n.Cond), Node: n, Cost: exprCost(n.Cond)}
	case *plan.Selector:
		n.FIFORemoval = fifoRemoval(n.Input)
		op := plan.PhysicalOp{Node: n}
		cost := 0.0
		for _, it := range n.Items {
			cost += exprCost(it.Expr)
		}
		switch {
		case len(n.GroupBy) > 0:
			op.Name = "PhysicalHashGroupAgg"
			cost += costHashGroup
		case len(n.Aggs) > 0:
			op.Name = "PhysicalGlobalAgg"
		default:
			op.Name = "PhysicalSelect"
		}
		for _, a := range n.Aggs {
			op.Aggregators = append(op.Aggregators, aggregatorName(a, n.FIFORemoval))
			cost += costAggUpdate
		}
		if n.Having != nil {
			cost += exprCost(n.Having)
		}
		op.Detail = fmt.Sprintf("%d columns", len(n.Items))
		if len(op.Aggregators) > 0 {
			op.Detail += ", aggregators " + strings.Join(op.Aggregators, ", ")
		}
		op.Cost = cost
		return op
	case *plan.RateLimit:
		return plan.PhysicalOp{Name: "PhysicalRateLimit", Detail: plan.NodeLabel(n), Node: n, Cost: 1}
	case *plan.Insert:
		return plan.PhysicalOp{Name: "PhysicalInsert", Detail: n.Target.Name, Node: n, Cost: costEmit}
	}
	return plan.PhysicalOp{Name: fmt.Sprintf("%T", n), Node: n}
}

func exprCost(e plan.Expr) float64 {
	c := 0.0
	plan.Walk(e, func(plan.Expr) bool { c += costExprNode; return true })
	return c
}

// aggregatorName names the typed runtime aggregator for a call.
func aggregatorName(a plan.AggCall, fifo bool) string {
	goType := map[plan.Type]string{plan.Int: "Int64", plan.BigInt: "Int64", plan.Float: "Float64",
		plan.Double: "Float64", plan.String: "String", plan.Bool: "Bool"}
	argT := plan.Object
	if a.Arg != nil {
		argT = a.Arg.Type()
	}
	switch a.Func {
	case "count":
		if a.Arg == nil {
			return "Count"
		}
		return "CountNonNull"
	case "sum":
		if a.T == plan.BigInt {
			return "SumInt"
		}
		return "SumFloat"
	case "avg":
		if argT.IsInteger() {
			return "AvgInt"
		}
		return "AvgFloat"
	case "stddev":
		if a.IntegerInput() {
			return "StdDevInt"
		}
		return "StdDev"
	case "distinctcount":
		return "DistinctCount"
	case "and":
		return "And"
	case "or":
		return "Or"
	}
	if fifo && (a.Func == "min" || a.Func == "max") {
		return map[string]string{"min": "MinFIFO", "max": "MaxFIFO"}[a.Func] + "[" + goType[argT] + "]"
	}
	names := map[string]string{"min": "Min", "max": "Max", "minforever": "MinForever", "maxforever": "MaxForever", "first": "First", "last": "Last"}
	return names[a.Func] + "[" + goType[argT] + "]"
}

// fifoRemoval reports whether the events reaching a selector expire in
// arrival order. Windows ordered by deadline (time, delay, timeLength, late
// timestamps), by key (session, unique, firstUnique, frequent,
// lossyFrequent) or by value (sort) do not; batch windows expire whole
// batches in order, followed by RESET.
func fifoRemoval(n plan.Node) bool {
	for {
		switch x := n.(type) {
		case *plan.Window:
			switch x.Spec.Kind {
			case "length", "lengthBatch", "timeBatch", "externalTime", "externalTimeBatch", "hop", "batch", "cron":
				return true
			}
			return false
		case *plan.Scan:
			return true // no window: nothing is ever removed
		}
		ins := n.Inputs()
		if len(ins) == 0 {
			return false
		}
		n = ins[0]
	}
}
