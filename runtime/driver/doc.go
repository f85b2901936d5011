// Package driver runs any runtime.App over JSON lines: events in on stdin,
// the events of the collected streams out on stdout. `efc run` (the
// interpreter) and every binary built by `efc compile` (generated code)
// share it, so both read and print exactly the same bytes.
//
// Input, one event per line (blank lines are ignored):
//
//	{"stream": "StockStream", "data": {"symbol": "IBM", "price": 101.5, "volume": 100}, "ts": 1700000000000}
//	{"stream": "StockStream", "row": ["IBM", 101.5, 100]}
//
// "data" gives values by column name (a missing column is NULL, an unknown
// one rejects the line); "row" gives all values by position instead. Values
// are JSON strings, numbers, booleans or null, converted to the column type
// as runtime.App.Send does (LANGUAGE.md §2.3). "ts" (optional) is the event
// time in ms since the epoch; without it the event is stamped with the
// current clock. Other fields are errors.
//
// Input may be zstd-compressed: a stream starting with a zstd frame (magic
// 28 B5 2F FD, or a skippable frame as pzstd writes first) is decompressed
// as it is read, frames one after another, and read as above; line numbers
// count decompressed lines. Any other first bytes are plain input. The
// decoder runs on one goroutine with a window of at most 128 MiB (what
// `zstd --long` and --ultra use); a frame declaring more, a corrupt or
// truncated stream or bytes after the last frame that are no frame stop
// the run with "line N: zstd input: ..." and how many compressed bytes were
// read and bytes decompressed. The lines before were handled, the cut line
// is not.
//
// Output, one line per event written to a collected stream, columns in
// schema order:
//
//	{"stream":"Out","ts":1700000000000,"data":{"symbol":"IBM","avgPrice":101.5}}
//
// Floats are written in the shortest form that reads back at their own
// size (FLOAT as float32, DOUBLE as float64); NaN and ±Inf, which JSON
// cannot carry, are written as null. Collected streams are those given by
// --collect, by default every stream a query of the app writes.
//
// Clock: by default it is the wall clock. Events without "ts" are stamped
// with the wall time, and the clock is advanced to the wall time every 10 ms
// so time windows and triggers fire while no event arrives. With --playback
// the clock starts at the first event's "ts" and moves only with event
// timestamps (an event later than the clock advances it; one without "ts"
// takes the current clock); at end of input nothing more fires.
//
// An App with its own JSON codecs (runtime.JSONApp: generated code) gets
// the columns of each line as they are and prints its own; the output and
// the errors are the same bytes as through Send and Subscribe.
//
// A malformed line (bad JSON, unknown stream or column, a value that does
// not fit its column) is reported on stderr as "line N: reason" and skipped.
// At the end stderr gets "NAME: N events read, M rejected, K events
// written". A failure to read input stops the run after the summary with
// "NAME: line N: reason"; the part of line N read before is not sent. The
// exit status is 0, 1 when input cannot be read or the app cannot start, 2
// on a usage error.
package driver
