package plan

import (
	"fmt"
	"strings"
)

// PhysicalSelect runs the selector of §4.5 on each chunk. Its fields are
// the rules for this query, decided once by the optimizer: which events
// yield candidate rows, whether the chunk's candidates are reduced, which
// aggregator implements each call, and how groups are found.
type PhysicalSelect struct {
	Input    PhysicalOp
	Selector *Selector
	// In is the row its expressions read.
	In *Layout

	// Strategy is plain projection, one global group, or hashed groups.
	Strategy SelectStrategy
	// Aggs implements Selector.Aggs, slot by slot.
	Aggs []AggChoice

	// KeepCurrent and KeepExpired say which event kinds yield candidates
	// (§4.6); Reset says whether RESET markers are passed on too.
	KeepCurrent, KeepExpired, Reset bool
	// Reduce is the per-chunk reduction of §4.5 step 3.
	Reduce ReduceMode
	// Ordered applies ORDER BY, OFFSET and LIMIT to the chunk's rows. A
	// SNAPSHOT over a window passes every candidate in window order
	// instead (§0.3.9): the limiter tracks the window's contents.
	Ordered bool

	// GroupIndex is how a GROUP BY group is found.
	GroupIndex GroupIndex
	// CachedGroup: each retained window row carries its group, found once
	// on arrival and reused when the row expires.
	CachedGroup bool
	// Deferred: no EXPIRED event follows a CURRENT one in a chunk and no
	// HAVING drops candidates, so each group's one candidate is built from
	// its state after the whole chunk.
	Deferred bool
	// SkipExpiredBeforeReset: a batch flush's EXPIRED events before its
	// RESET change nothing the query can observe.
	SkipExpiredBeforeReset bool

	Est float64
}

// SelectStrategy is how a selector keeps aggregate state.
type SelectStrategy uint8

const (
	SelectProject      SelectStrategy = iota // no aggregates, no GROUP BY
	SelectGlobalAgg                          // aggregates, one group
	SelectHashGroupAgg                       // GROUP BY: a hash map of groups
)

// ReduceMode is §4.5 step 3.
type ReduceMode uint8

const (
	ReduceNone         ReduceMode = iota // every candidate is a row
	ReduceLast                           // the chunk's last candidate
	ReduceLastPerGroup                   // each group's last, groups by first candidate
)

// GroupIndex is how groups are looked up.
type GroupIndex uint8

const (
	GroupNone     GroupIndex = iota // no GROUP BY
	GroupByStruct                   // a map keyed by a struct of all keys
	GroupByBare                     // one key column: a map keyed by the bare value, NULL apart
)

var selectNames = [...]string{"PhysicalSelect", "PhysicalGlobalAgg", "PhysicalHashGroupAgg"}

func (p *PhysicalSelect) Inputs() []PhysicalOp { return []PhysicalOp{p.Input} }
func (p *PhysicalSelect) Logical() Node        { return p.Selector }
func (p *PhysicalSelect) Name() string         { return selectNames[p.Strategy] }
func (p *PhysicalSelect) Cost() float64        { return p.Est }

// Grouped reports GROUP BY.
func (p *PhysicalSelect) Grouped() bool { return p.Strategy == SelectHashGroupAgg }

// CountsHeld reports a selector that counts the events each group holds,
// which the rate limiter's rows carry (a SNAPSHOT drops a group left
// empty). A plain projection, with nothing aggregated, grouped or reset,
// counts nothing; both backends, and so their snapshots, agree on it.
func (p *PhysicalSelect) CountsHeld() bool {
	return len(p.Selector.Aggs) > 0 || p.Grouped() || p.Reset
}

func (p *PhysicalSelect) Detail() string {
	parts := []string{fmt.Sprintf("%d columns", len(p.Selector.Items))}
	if len(p.Aggs) > 0 {
		aggs := make([]string, len(p.Aggs))
		for i, a := range p.Aggs {
			aggs[i] = a.Format()
		}
		parts = append(parts, "aggregators "+strings.Join(aggs, ", "))
	}
	var kinds []string
	if p.KeepCurrent {
		kinds = append(kinds, "CURRENT")
	}
	if p.KeepExpired {
		kinds = append(kinds, "EXPIRED")
	}
	if p.Reset {
		kinds = append(kinds, "RESET")
	}
	parts = append(parts, "candidates "+strings.Join(kinds, "+"))
	switch p.Reduce {
	case ReduceLast:
		parts = append(parts, "reduce to last")
	case ReduceLastPerGroup:
		parts = append(parts, "reduce to last per group")
	}
	if !p.Ordered {
		parts = append(parts, "window order")
	}
	return strings.Join(parts, ", ")
}
