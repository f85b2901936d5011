package runtime

// JSONApp is implemented by backends with schema-specific JSON codecs
// (generated code). Drivers that speak JSON use it instead of Send and
// Subscribe when an App has it, skipping the generic values in between;
// both paths accept, reject and print the same.
type JSONApp interface {
	// SendJSON delivers one event stamped ts whose columns are a JSON
	// object (by name; missing columns are NULL; unknown names are an
	// error) or a JSON array (by position). The clock advances as in Send.
	// Input that is not a well-formed event (bad JSON, an unknown column, a
	// wrong number of values, a value that is not a scalar) is rejected
	// before anything happens; a well-formed event with a value that does
	// not fit its column is rejected as Send rejects such a row, after the
	// clock advanced to ts.
	SendJSON(stream string, ts int64, data []byte) error
	// SubscribeJSON calls fn for every event of stream with its columns
	// encoded as a JSON object in schema order (the "data" object of the
	// driver's output line). data is only valid during the call.
	SubscribeJSON(stream string, fn func(ts int64, data []byte)) error
}
