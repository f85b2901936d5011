package plan

// IntegerInput reports an aggregate call whose argument is INT or BIGINT:
// its runtime aggregator then takes the argument as an int64 and keeps
// integers exactly (stdDev's StdDevInt; never through float64, which would
// round values beyond 2^53). The optimizer's physical names, the
// interpreter and the code generator all make this one choice here.
func (a AggCall) IntegerInput() bool { return a.Arg != nil && a.Arg.Type().IsInteger() }
