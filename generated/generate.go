// Package generated holds the checked-in packages efc generates for the
// example apps of testdata/apps, one directory per app named after it,
// each with a hand-written test of its typed API, and for the apps of
// generated/testdata that other packages' tests drive (alltypes: every
// column type, for the JSON codecs). Regenerate them with
// `make gen` (or `go generate ./generated/...`); drift_test.go fails when
// they differ from what efc generates now.
package generated

//go:generate go run ../cmd/efc gen ../testdata/apps/stocks.sql -pkg stocks -o stocks
//go:generate go run ../cmd/efc gen testdata/alltypes.sql -pkg alltypes -o alltypes
