package driver

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"
)

// Input may be zstd-compressed (RFC 8878): a stream whose first bytes are
// a zstd frame's magic number, or a skippable frame's (pzstd starts with
// one), is decompressed as it is read. Neither can start a JSON line, so
// plain input never takes this path and reads exactly as before.
var zstdMagic = [4]byte{0x28, 0xB5, 0x2F, 0xFD}

// skippableMagic matches a skippable frame's magic number,
// 0x184D2A50..0x184D2A5F, little endian.
func skippableMagic(b []byte) bool {
	return b[0]&0xF0 == 0x50 && b[1] == 0x2A && b[2] == 0x4D && b[3] == 0x18
}

// maxWindow bounds the memory one frame can make the decoder take: 128 MiB
// is window log 27, the largest the zstd command writes (--long, --ultra
// -22). A frame declaring more is rejected, never allocated.
const maxWindow = 128 << 20

// readBuffer is the size of the buffer lines are read in place from.
const readBuffer = 64 * 1024

// openInput returns the reader serve reads lines from and a function
// that releases it. A plain stream is recognized on its first byte, so
// interactive input is not held back waiting for more.
func openInput(in io.Reader) (*bufio.Reader, func(), error) {
	r := bufio.NewReaderSize(&stickyReader{r: in}, readBuffer)
	head, _ := r.Peek(1)
	if len(head) == 0 || (head[0] != zstdMagic[0] && head[0]&0xF0 != 0x50) {
		return r, func() {}, nil
	}
	head, _ = r.Peek(4)
	if len(head) < 4 || ([4]byte(head) != zstdMagic && !skippableMagic(head)) {
		return r, func() {}, nil
	}
	src := &countingReader{r: r}
	// One decoder, no goroutines: memory is the window plus a block, and
	// blocks come out in the order they arrive.
	dec, err := zstd.NewReader(src,
		zstd.WithDecoderConcurrency(1),
		zstd.WithDecoderLowmem(true),
		zstd.WithDecoderMaxWindow(maxWindow),
		zstd.WithDecoderMaxMemory(maxWindow),
	)
	if err != nil {
		return nil, nil, &InputError{Compressed: src.n, Err: err}
	}
	return bufio.NewReaderSize(&zstdInput{dec: dec, src: src}, readBuffer), dec.Close, nil
}

// InputError is compressed input that cannot be decompressed: corrupt,
// truncated, or asking for more memory than maxWindow. It says how far
// the stream got, in compressed bytes read and decompressed bytes
// delivered; serve adds the line.
type InputError struct {
	Compressed, Decompressed int64
	Err                      error
}

func (e *InputError) Error() string {
	var cause string
	switch {
	case errors.Is(e.Err, io.ErrUnexpectedEOF):
		cause = "the stream is truncated (it ends inside a frame)"
	case errors.Is(e.Err, zstd.ErrWindowSizeExceeded), errors.Is(e.Err, zstd.ErrDecoderSizeExceeded):
		cause = fmt.Sprintf("%v: a frame needs a window larger than the %d MiB allowed", e.Err, maxWindow>>20)
	case errors.Is(e.Err, zstd.ErrMagicMismatch) && e.Decompressed > 0:
		cause = "what follows a frame is not a zstd frame (" + e.Err.Error() + ")"
	default:
		cause = "corrupt stream: " + e.Err.Error()
	}
	return fmt.Sprintf("zstd input: %s (after %d compressed bytes read, %d bytes decompressed)", cause, e.Compressed, e.Decompressed)
}

func (e *InputError) Unwrap() error { return e.Err }

// zstdInput is the decompressed stream; it counts what it delivered, so a
// failure says where it happened.
type zstdInput struct {
	dec *zstd.Decoder
	src *countingReader
	out int64
}

func (z *zstdInput) Read(p []byte) (int, error) {
	n, err := z.dec.Read(p)
	z.out += int64(n)
	if err != nil && err != io.EOF {
		err = &InputError{Compressed: z.src.n, Decompressed: z.out, Err: err}
	}
	return n, err
}

// countingReader counts the compressed bytes the decoder took.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// stickyReader repeats the first error it got. Peek hands bufio's pending
// error to its caller and forgets it; without this, the read after a
// peeked EOF would ask in again (a terminal would wait for a second ^D).
type stickyReader struct {
	r   io.Reader
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	s.err = err
	return n, err
}
