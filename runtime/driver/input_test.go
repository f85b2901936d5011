package driver

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/klauspost/compress/zstd"
)

// compressed is src as zstd frames, one per part (zstd streams may hold
// several), each written with the given encoder options.
func compressed(t testing.TB, opts []zstd.EOption, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, part := range parts {
		w, err := zstd.NewWriter(&buf, opts...)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, part); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// runInput runs the stock script in playback over in; events without
// "ts" start the clock at 42.
func runInput(t *testing.T, in io.Reader) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := Run(fake(t, stockScript), Options{Name: "efc run", Playback: true, WallClock: func() int64 { return 42 }}, in, &out, &errw)
	return code, out.String(), errw.String()
}

// stockLines has good lines, malformed ones (reported with their line
// number) and blank ones, and ends without a newline.
func stockLines(n int) string {
	var b strings.Builder
	for i := range n {
		switch i % 7 {
		case 3:
			b.WriteString("not json\n")
		case 5:
			b.WriteString("\n")
		default:
			fmt.Fprintf(&b, `{"stream":"StockStream","row":["S%d",%d.5,%d],"ts":%d}`+"\n", i%13, i, i*3, 1000+i)
		}
	}
	b.WriteString(`{"stream":"StockStream","row":["LAST",1,2]}`)
	return b.String()
}

// TestCompressedInputMatchesPlain: the same events, plain or compressed
// (one frame, several frames, a skippable frame first, as pzstd writes),
// give the same output, errors and summary byte for byte.
func TestCompressedInputMatchesPlain(t *testing.T) {
	src := stockLines(5000) // several 128 KiB blocks, lines across them
	code, wantOut, wantErr := runInput(t, strings.NewReader(src))
	if code != ExitOK || !strings.Contains(wantErr, "line 4: bad JSON") || !strings.HasSuffix(wantErr, "efc run: 4287 events read, 714 rejected, 7146 events written\n") {
		t.Fatalf("plain run: exit %d, stderr tail %q", code, wantErr[max(0, len(wantErr)-200):])
	}
	half := strings.Index(src[len(src)/2:], "\n") + len(src)/2 + 1
	skippable := binary.LittleEndian.AppendUint32(nil, 0x184D2A5E)
	skippable = binary.LittleEndian.AppendUint32(skippable, 3)
	skippable = append(skippable, "pad"...)
	for name, in := range map[string][]byte{
		"one frame":         compressed(t, nil, src),
		"best, no checksum": compressed(t, []zstd.EOption{zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderCRC(false)}, src),
		"two frames":        compressed(t, nil, src[:half], src[half:]),
		"skippable first":   append(skippable, compressed(t, nil, src)...),
	} {
		// One byte per read: the magic, the frame header and the lines
		// all arrive in pieces.
		for _, r := range []io.Reader{bytes.NewReader(in), iotest.OneByteReader(bytes.NewReader(in))} {
			code, out, errw := runInput(t, r)
			if code != ExitOK || out != wantOut || errw != wantErr {
				t.Errorf("%s: exit %d; output equal %v, errors equal %v (stderr tail %q)", name, code, out == wantOut, errw == wantErr, errw[max(0, len(errw)-200):])
			}
		}
	}
}

// TestFramePerByte: frame boundaries fall inside lines and tokens.
func TestFramePerByte(t *testing.T) {
	src := stockLines(10)
	_, wantOut, wantErr := runInput(t, strings.NewReader(src))
	if code, out, errw := runInput(t, bytes.NewReader(compressed(t, nil, strings.Split(src, "")...))); code != ExitOK || out != wantOut || errw != wantErr {
		t.Errorf("exit %d, stdout %q, stderr %q, want %q, %q", code, out, errw, wantOut, wantErr)
	}
}

// TestPlainInputThatLooksLikeAMagicStart: lines whose first byte starts a
// magic number are still plain lines, reported as today.
func TestPlainInputThatLooksLikeAMagicStart(t *testing.T) {
	for in, want := range map[string]string{
		"(\n":                         "line 1: bad JSON: invalid character '(' looking for beginning of value\n",
		"(\xb5/x\n":                   "line 1: bad JSON: invalid character '(' looking for beginning of value\n",
		"P*M\n":                       "line 1: bad JSON: invalid character 'P' looking for beginning of value\n",
		"[1]":                         "line 1: bad JSON: json: cannot unmarshal array into Go value of type map[string]json.RawMessage\n",
		"(\xb5/":                      "line 1: bad JSON: invalid character '(' looking for beginning of value\n",
		"":                            "",
		"\n\n" + string(zstdMagic[:]): "line 3: bad JSON: invalid character '(' looking for beginning of value\n",
	} {
		code, out, errw := runInput(t, strings.NewReader(in))
		summary := "efc run: 0 events read, 0 rejected, 0 events written\n"
		if want != "" {
			summary = "efc run: 1 events read, 1 rejected, 0 events written\n"
		}
		if code != ExitOK || out != "" || errw != want+summary {
			t.Errorf("input %q: exit %d, stdout %q, stderr %q, want %q", in, code, out, errw, want+summary)
		}
	}
}

// TestCompressedInputErrors: a stream that cannot be decompressed stops
// the run with exit 1 and an error naming the line and how far the
// stream got; the lines before are handled, the cut line is not.
func TestCompressedInputErrors(t *testing.T) {
	src := stockLines(20000)
	good := compressed(t, nil, src)
	corrupt := bytes.Clone(good)
	for i := len(corrupt) / 2; i < len(corrupt)/2+64; i++ {
		corrupt[i] ^= 0x5A
	}
	// A frame declaring a 256 MiB window (window log 28: exponent 18),
	// with one raw block holding a good line.
	line := `{"stream":"StockStream","row":["IBM",1,2]}` + "\n"
	bigWindow := append(zstdMagic[:], 0x00, 18<<3)
	bigWindow = append(bigWindow, byte(len(line)<<3|1), byte(len(line)>>5), 0)
	bigWindow = append(bigWindow, line...)
	// The same frame at the limit (128 MiB, exponent 17) decodes.
	atLimit := bytes.Clone(bigWindow)
	atLimit[5] = 17 << 3
	if code, out, errw := runInput(t, bytes.NewReader(atLimit)); code != ExitOK || strings.Count(out, "\n") != 2 {
		t.Fatalf("a frame with the largest window allowed: exit %d, stdout %q, stderr %q", code, out, errw)
	}
	for name, tc := range map[string]struct {
		in   []byte
		want string // in the error line
	}{
		"truncated":       {good[:len(good)*2/3], "the stream is truncated (it ends inside a frame)"},
		"truncated early": {good[:9], "the stream is truncated"},
		"corrupt":         {corrupt, "zstd input: corrupt stream: "},
		"trailing junk":   {append(bytes.Clone(good), "junk after the frame\n"...), "zstd input: what follows a frame is not a zstd frame"},
		"window too big":  {bigWindow, "a frame needs a window larger than the 128 MiB allowed"},
		"header only":     {zstdMagic[:], "the stream is truncated"},
	} {
		code, out, errw := runInput(t, bytes.NewReader(tc.in))
		lines := strings.Split(strings.TrimSuffix(errw, "\n"), "\n")
		last := lines[len(lines)-1]
		if code != ExitFail || !strings.HasPrefix(last, "efc run: line ") || !strings.Contains(last, tc.want) ||
			!strings.Contains(last, "compressed bytes read, ") || !strings.HasSuffix(last, " bytes decompressed)") {
			t.Errorf("%s: exit %d, last stderr line %q, want an error with %q", name, code, last, tc.want)
			continue
		}
		// What was handled is exactly the complete lines before the error.
		var n int
		if _, err := fmt.Sscanf(last, "efc run: line %d:", &n); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		before := strings.Join(strings.SplitAfter(src, "\n")[:n-1], "")
		_, wantOut, wantErr := runInput(t, strings.NewReader(before))
		wantErr = wantErr[:strings.LastIndex(strings.TrimSuffix(wantErr, "\n"), "\n")+1]
		gotErr := strings.Join(lines[:len(lines)-2], "\n")
		if gotErr != "" {
			gotErr += "\n"
		}
		if out != wantOut || gotErr != wantErr {
			t.Errorf("%s: the %d lines before the error were not handled as plain input would (output equal %v, errors equal %v)", name, n-1, out == wantOut, gotErr == wantErr)
		}
		if !strings.HasPrefix(lines[len(lines)-2], fmt.Sprintf("efc run: %d events read, ", strings.Count(before, "\n")-strings.Count(before, "\n\n"))) {
			t.Errorf("%s: summary %q", name, lines[len(lines)-2])
		}
	}
}

// TestReadErrorKeepsNoPartLine: a failing reader stops the run with its
// error and the line it cut; that line is not sent.
func TestReadErrorKeepsNoPartLine(t *testing.T) {
	in := io.MultiReader(strings.NewReader(`{"stream":"StockStream","row":["IBM",1,2]}`+"\n"+`{"stream":"StockStream","row":["IB`), iotest.ErrReader(fmt.Errorf("disk on fire")))
	code, out, errw := runInput(t, in)
	want := "efc run: 1 events read, 0 rejected, 2 events written\nefc run: line 2: disk on fire\n"
	if code != ExitFail || strings.Count(out, "\n") != 2 || errw != want {
		t.Errorf("exit %d, stdout %q, stderr %q, want %q", code, out, errw, want)
	}
}

// TestPeekedEOFIsKept: the EOF met while looking for a magic number is
// the end of input; the source is not read again.
func TestPeekedEOFIsKept(t *testing.T) {
	r := &countEOF{}
	if code, out, errw := runInput(t, r); code != ExitOK || out != "" || errw != "efc run: 0 events read, 0 rejected, 0 events written\n" || r.reads != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q, %d reads", code, out, errw, r.reads)
	}
}

type countEOF struct{ reads int }

func (c *countEOF) Read([]byte) (int, error) { c.reads++; return 0, io.EOF }

// FuzzCompressedInput: whatever follows a zstd magic number, the run ends
// without a panic, either like the plain run of what the stream decodes
// to or with exit 1 and a zstd input error; never with part of a stream
// silently taken for all of it.
func FuzzCompressedInput(f *testing.F) {
	f.Add(compressed(f, nil, stockLines(30))[4:])
	f.Add(compressed(f, []zstd.EOption{zstd.WithEncoderCRC(false)}, "{\"stream\":\"StockStream\",\"row\":[\"A\",1,2]}\n")[4:])
	f.Add([]byte{0x00, 0x58, 0x31, 0x00, 0x00})
	f.Fuzz(func(t *testing.T, frame []byte) {
		in := append(zstdMagic[:], frame...)
		code, out, errw := runInput(t, bytes.NewReader(in))
		dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(maxWindow), zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			t.Fatal(err)
		}
		defer dec.Close()
		plain, decErr := dec.DecodeAll(in, nil)
		switch code {
		case ExitOK:
			if decErr != nil {
				t.Fatalf("the run succeeded on a stream DecodeAll rejects (%v); stderr %q", decErr, errw)
			}
			_, wantOut, wantErr := runInput(t, bytes.NewReader(plain))
			if out != wantOut || errw != wantErr {
				t.Fatalf("the run differs from the plain run of the decoded stream\nstdout %q\nwant %q\nstderr %q\nwant %q", out, wantOut, errw, wantErr)
			}
		case ExitFail:
			if !strings.Contains(errw, ": zstd input: ") {
				t.Fatalf("exit 1 without a zstd input error: %q", errw)
			}
		default:
			t.Fatalf("exit %d, stderr %q", code, errw)
		}
	})
}
