package window

import (
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// RowCodec encodes runtime.Row payloads laid out as types, the
// interpreter's T, in the row encoding of runtime/snap's format: the bytes
// generated code writes for its typed events of the same layout.
func RowCodec(types []runtime.Type) Codec[runtime.Row] {
	return Codec[runtime.Row]{
		Append: func(dst []byte, row runtime.Row) []byte { return snap.AppendRow(dst, types, row) },
		Read: func(src []byte) (runtime.Row, []byte, error) {
			r := snap.NewReader(src)
			row := r.Row(types)
			if err := r.Err(); err != nil {
				return nil, src, err
			}
			return row, r.Rest(), nil
		},
	}
}
