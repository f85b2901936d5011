package window

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// itemCodec is the test payload codec: v, x and null.
func itemCodec() Codec[item] {
	return Codec[item]{
		Append: func(dst []byte, it item) []byte {
			dst = snap.AppendInt(dst, int64(it.v))
			dst = snap.AppendInt(dst, it.x)
			return snap.AppendBool(dst, it.null)
		},
		Read: func(src []byte) (item, []byte, error) {
			r := snap.NewReader(src)
			v, x, null := r.Int(), r.Int(), r.Bool()
			if r.Err() != nil {
				return item{}, src, r.Err()
			}
			return item{v: int(v), x: x, null: null}, r.Rest(), nil
		},
	}
}

// step moves the clock to now (firing due timers) and, when evs is not
// nil, delivers them as one chunk, then fires what that left due.
type step struct {
	now int64
	evs []runtime.Event[item]
}

func arrive(now int64, evs ...runtime.Event[item]) step { return step{now: now, evs: evs} }
func sleep(now int64) step                              { return step{now: now} }

// extAt is an event stamped ts whose externalTime attribute x is given.
func extAt(ts int64, v int, x int64) runtime.Event[item] {
	return runtime.Event[item]{Ts: ts, Data: item{v: v, x: x}}
}

// recorder runs a window under a scheduler and keeps a copy of every
// output chunk, to compare runs exactly.
type recorder struct {
	w     Window[item]
	sched *runtime.Scheduler
	timer *runtime.Timer
	out   [][]runtime.Event[item]
}

func newRecorder(w Window[item], start int64) *recorder {
	r := &recorder{w: w, sched: runtime.NewScheduler(start)}
	r.timer = r.sched.Register(recorderTimer{r})
	return r
}

type recorderTimer struct{ r *recorder }

func (s recorderTimer) NextDeadline() (int64, bool) { return s.r.w.NextDeadline() }
func (s recorderTimer) Fire(now int64)              { s.r.w.Fire(now, s.r.record) }

func (r *recorder) record(chunk []runtime.Event[item]) {
	r.out = append(r.out, append([]runtime.Event[item](nil), chunk...))
}

// play runs steps as an app does: the window's deadline is read back
// after each arrival (and first, since a test may have loaded a state).
func (r *recorder) play(steps []step) {
	r.sched.Touch(r.timer)
	for _, s := range steps {
		r.sched.AdvanceTo(s.now)
		if s.evs != nil {
			r.sched.Enter(r.timer)
			r.w.Arrive(r.sched.Now(), s.evs, r.record)
			r.timer.Leave(r.w.NextDeadline())
			r.sched.FireDue()
		}
	}
}

func (r *recorder) String() string {
	parts := make([]string, len(r.out))
	for i, c := range r.out {
		parts[i] = formatChunk(c)
	}
	return strings.Join(parts, " | ")
}

// snapshotCase drives a window through before, snapshots it, then goes on
// with after; the after part must depend on the state before.
type snapshotCase struct {
	name          string
	make          func(t *testing.T) Window[item]
	before, after []step
}

func mustCron(t *testing.T, expr string) Window[item] {
	w, err := NewCron[item](expr)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// events returns one event per v, all stamped ts.
func events(ts int64, vs ...int) []runtime.Event[item] {
	evs := make([]runtime.Event[item], len(vs))
	for i, v := range vs {
		evs[i] = at(ts, v)
	}
	return evs
}

func snapshotCases() []snapshotCase {
	return []snapshotCase{
		{"length", func(*testing.T) Window[item] { return NewLength[item](3) },
			[]step{arrive(10, events(10, 1, 2)...), arrive(20, events(20, 3, 4)...)},
			[]step{arrive(30, at(30, 5)), arrive(40, events(40, 6, 7)...)}},
		{"lengthBatch", func(*testing.T) Window[item] { return NewLengthBatch[item](3) },
			[]step{arrive(10, events(10, 1, 2, 3, 4)...)},
			[]step{arrive(20, events(20, 5, 6)...), arrive(30, events(30, 7, 8, 9, 10)...)}},
		{"time", func(*testing.T) Window[item] { return NewTime[item](100) },
			[]step{arrive(0, at(0, 1)), arrive(50, at(50, 2))},
			[]step{sleep(120), arrive(130, at(130, 3)), sleep(400)}},
		{"timeBatch", func(*testing.T) Window[item] { return NewTimeBatch[item](100) },
			[]step{arrive(10, at(10, 1)), arrive(50, at(50, 2)), sleep(115), arrive(120, at(120, 3))},
			[]step{arrive(250, at(250, 4)), sleep(500)}},
		{"hop", func(*testing.T) Window[item] { return NewHop[item](100, 40) },
			[]step{arrive(0, at(0, 1)), arrive(30, at(30, 2)), sleep(45), arrive(60, at(60, 3))},
			[]step{arrive(90, at(90, 4)), sleep(300)}},
		{"timeLength", func(*testing.T) Window[item] { return NewTimeLength[item](100, 2) },
			[]step{arrive(0, at(0, 1)), arrive(30, events(30, 2, 3)...)},
			[]step{arrive(60, at(60, 4)), sleep(200)}},
		{"batch", func(*testing.T) Window[item] { return NewBatch[item]() },
			[]step{arrive(10, events(10, 1, 2)...)},
			[]step{arrive(20, at(20, 3)), arrive(30, events(30, 4, 5)...)}},
		{"delay", func(*testing.T) Window[item] { return NewDelay[item](50) },
			[]step{arrive(0, at(0, 1)), arrive(20, at(20, 2)), sleep(55)},
			[]step{arrive(60, at(60, 3)), sleep(200)}},
		{"externalTime", func(*testing.T) Window[item] { return NewExternalTime(itemX, 100) },
			[]step{arrive(0, extAt(0, 1, 1000)), arrive(1, extAt(1, 2, 1050))},
			[]step{arrive(2, extAt(2, 3, 1120)), arrive(3, extAt(3, 4, 1300))}},
		{"externalTimeBatch", func(*testing.T) Window[item] { return NewExternalTimeBatch(itemX, 100) },
			[]step{arrive(0, extAt(0, 1, 1000), extAt(0, 2, 1050)), arrive(1, extAt(1, 3, 1120))},
			[]step{arrive(2, extAt(2, 4, 1150)), arrive(3, extAt(3, 5, 1230)), arrive(4, extAt(4, 6, 1450))}},
		{"session", func(*testing.T) Window[item] { return NewSession(100, byTens, 50) },
			// Key 1 ends up with a closing session (until 150) and an open
			// one; key 2 with an open one.
			[]step{arrive(0, at(0, 11)), arrive(10, at(10, 21)), sleep(105), arrive(105, at(105, 12))},
			[]step{arrive(120, at(40, 13)), arrive(130, at(130, 22)), sleep(500)}},
		{"sort", func(*testing.T) Window[item] { return NewSort(2, asc) },
			[]step{arrive(0, at(0, 5)), arrive(1, events(1, 1, 3)...)},
			[]step{arrive(2, at(2, 2)), arrive(3, events(3, 4, 0)...)}},
		{"unique", func(*testing.T) Window[item] { return NewUnique(byTens) },
			[]step{arrive(0, events(0, 11, 21)...), arrive(1, at(1, 12))},
			[]step{arrive(2, events(2, 22, 13, 31)...)}},
		{"firstUnique", func(*testing.T) Window[item] { return NewFirstUnique(byTens) },
			[]step{arrive(0, events(0, 11, 21)...)},
			[]step{arrive(1, events(1, 12, 31, 22)...)}},
		{"frequent", func(*testing.T) Window[item] { return NewFrequent(2, byTens) },
			[]step{arrive(0, events(0, 11, 12, 21)...)},
			[]step{arrive(1, events(1, 31, 32, 22, 13)...)}},
		{"lossyFrequent", func(*testing.T) Window[item] { return NewLossyFrequent(0.3, 0.1, byTens) },
			// Width 10: the snapshot falls between two prunes, with keys
			// held and keys below the threshold.
			[]step{arrive(0, events(0, 11, 12, 21, 13, 31, 41, 14, 22, 51, 15, 23, 61)...)},
			[]step{arrive(1, events(1, 16, 24, 71, 17, 25, 81, 18, 91, 19)...), arrive(2, events(2, 26, 10, 27)...)}},
		{"cron", func(t *testing.T) Window[item] { return mustCron(t, "*/3 * * * * ?") },
			[]step{arrive(1000, at(1000, 1)), sleep(3500), arrive(4000, at(4000, 2))},
			[]step{arrive(5000, at(5000, 3)), sleep(10000)}},
	}
}

func TestSnapshotContinuesExactly(t *testing.T) {
	codec := itemCodec()
	for _, tc := range snapshotCases() {
		t.Run(tc.name, func(t *testing.T) {
			orig := newRecorder(tc.make(t), 0)
			orig.play(tc.before)
			clock := orig.sched.Now()
			deadline, armed := orig.w.NextDeadline()
			snap, err := orig.w.AppendState(nil, codec)
			if err != nil {
				t.Fatal(err)
			}
			orig.out = nil
			orig.play(tc.after)

			restored := newRecorder(tc.make(t), clock)
			rest, err := restored.w.LoadState(append(snap, 0xAB, 0xCD), codec)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(rest, []byte{0xAB, 0xCD}) {
				t.Errorf("rest = %x, want the bytes after the state", rest)
			}
			if d, ok := restored.w.NextDeadline(); d != deadline || ok != armed {
				t.Errorf("restored deadline (%d, %v), want (%d, %v)", d, ok, deadline, armed)
			}
			again, err := restored.w.AppendState(nil, codec)
			if err != nil || !bytes.Equal(again, snap) {
				t.Errorf("snapshot of the restored window differs: %x, want %x (err %v)", again, snap, err)
			}
			restored.play(tc.after)
			if len(orig.out) == 0 {
				t.Fatal("the continuation emitted nothing")
			}
			t.Logf("continuation: %s", orig)
			if !reflect.DeepEqual(restored.out, orig.out) {
				t.Errorf("restored run:\n got  %s\n want %s", restored, orig)
			}

			// The continuation depends on the state: a fresh window differs.
			fresh := newRecorder(tc.make(t), clock)
			fresh.play(tc.after)
			if reflect.DeepEqual(fresh.out, orig.out) {
				t.Errorf("the case does not exercise the state: a fresh window also emits %s", orig)
			}
		})
	}
}

func TestSnapshotRestoreReplacesState(t *testing.T) {
	// §12.2: length(2); send 10; persist; send 20, 30; restore; send 1:
	// the window is [10, 1].
	codec := itemCodec()
	r := newRecorder(NewLength[item](2), 0)
	r.play([]step{arrive(1, at(1, 10))})
	snap, err := r.w.AppendState(nil, codec)
	if err != nil {
		t.Fatal(err)
	}
	r.play([]step{arrive(2, at(2, 20)), arrive(3, at(3, 30))})
	if _, err := r.w.LoadState(snap, codec); err != nil {
		t.Fatal(err)
	}
	r.out = nil
	r.play([]step{arrive(4, at(4, 1)), arrive(5, at(5, 2))})
	if got, want := r.String(), "C1@4 | E10@5 C2@5"; got != want {
		t.Errorf("after restore: %q, want %q", got, want)
	}
}

func TestSnapshotPastDeadlinesFireAtNextCheck(t *testing.T) {
	// §12.2: restored deadlines already <= the clock fire at the next
	// clock check, in deadline order, stamped with the clock.
	codec := itemCodec()
	orig := newRecorder(NewTime[item](100), 0)
	orig.play([]step{arrive(0, at(0, 1)), arrive(30, at(30, 2))})
	snap, err := orig.w.AppendState(nil, codec)
	if err != nil {
		t.Fatal(err)
	}
	late := newRecorder(NewTime[item](100), 500)
	if _, err := late.w.LoadState(snap, codec); err != nil {
		t.Fatal(err)
	}
	if d, ok := late.w.NextDeadline(); d != 100 || !ok {
		t.Errorf("NextDeadline = (%d, %v), want (100, true)", d, ok)
	}
	late.sched.RescheduleAll() // as a restore does
	late.sched.FireDue()
	if got, want := late.String(), "E1@500 E2@500"; got != want {
		t.Errorf("past deadlines: %q, want %q", got, want)
	}
}

// snapshotOf returns the state of tc after its before steps.
func snapshotOf(t *testing.T, tc snapshotCase) []byte {
	t.Helper()
	r := newRecorder(tc.make(t), 0)
	r.play(tc.before)
	snap, err := r.w.AppendState(nil, itemCodec())
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func TestSnapshotWrongWindowTypeFails(t *testing.T) {
	codec := itemCodec()
	cases := snapshotCases()
	for _, from := range cases {
		snap := snapshotOf(t, from)
		for _, into := range cases {
			if into.name == from.name {
				continue
			}
			w := into.make(t)
			before, _ := w.AppendState(nil, codec)
			_, err := w.LoadState(snap, codec)
			want := fmt.Sprintf("state of a %s window cannot load into a %s window", from.name, into.name)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s into %s: err %v, want %q", from.name, into.name, err, want)
			}
			if after, _ := w.AppendState(nil, codec); !bytes.Equal(after, before) {
				t.Errorf("%s into %s: failed load changed the window", from.name, into.name)
			}
		}
	}
}

func TestSnapshotWrongParametersFail(t *testing.T) {
	codec := itemCodec()
	key := func(it item) int { return it.v }
	tests := []struct {
		name     string
		from, to func(t *testing.T) Window[item]
		want     string
	}{
		{"length", func(*testing.T) Window[item] { return NewLength[item](3) },
			func(*testing.T) Window[item] { return NewLength[item](2) }, "length 3 does not fit one with length 2"},
		{"lengthBatch", func(*testing.T) Window[item] { return NewLengthBatch[item](3) },
			func(*testing.T) Window[item] { return NewLengthBatch[item](4) }, "length 3 does not fit one with length 4"},
		{"time", func(*testing.T) Window[item] { return NewTime[item](100) },
			func(*testing.T) Window[item] { return NewTime[item](200) }, "time 100 does not fit one with time 200"},
		{"timeBatch", func(*testing.T) Window[item] { return NewTimeBatch[item](100) },
			func(*testing.T) Window[item] { return NewTimeBatch[item](50) }, "period 100 does not fit one with period 50"},
		{"hop slide", func(*testing.T) Window[item] { return NewHop[item](100, 40) },
			func(*testing.T) Window[item] { return NewHop[item](100, 50) }, "slide 40 does not fit one with slide 50"},
		{"timeLength", func(*testing.T) Window[item] { return NewTimeLength[item](100, 2) },
			func(*testing.T) Window[item] { return NewTimeLength[item](100, 3) }, "length 2 does not fit one with length 3"},
		{"delay", func(*testing.T) Window[item] { return NewDelay[item](50) },
			func(*testing.T) Window[item] { return NewDelay[item](60) }, "delay 50 does not fit one with delay 60"},
		{"externalTime", func(*testing.T) Window[item] { return NewExternalTime(itemX, 100) },
			func(*testing.T) Window[item] { return NewExternalTime(itemX, 10) }, "time 100 does not fit one with time 10"},
		{"externalTimeBatch", func(*testing.T) Window[item] { return NewExternalTimeBatch(itemX, 100) },
			func(*testing.T) Window[item] { return NewExternalTimeBatch(itemX, 10) }, "period 100 does not fit one with period 10"},
		{"session latency", func(*testing.T) Window[item] { return NewSession(100, key, 50) },
			func(*testing.T) Window[item] { return NewSession(100, key, 0) }, "allowed latency 50 does not fit one with allowed latency 0"},
		{"sort", func(*testing.T) Window[item] { return NewSort(2, asc) },
			func(*testing.T) Window[item] { return NewSort(3, asc) }, "length 2 does not fit one with length 3"},
		{"frequent", func(*testing.T) Window[item] { return NewFrequent(2, key) },
			func(*testing.T) Window[item] { return NewFrequent(3, key) }, "count 2 does not fit one with count 3"},
		{"lossyFrequent", func(*testing.T) Window[item] { return NewLossyFrequent(0.3, 0.1, key) },
			func(*testing.T) Window[item] { return NewLossyFrequent(0.4, 0.1, key) }, "threshold 0.19999999999999998 does not fit one with threshold 0.30000000000000004"},
		{"cron", func(t *testing.T) Window[item] { return mustCron(t, "*/3 * * * * ?") },
			func(t *testing.T) Window[item] { return mustCron(t, "*/5 * * * * ?") }, `cron window "*/3 * * * * ?" does not fit cron window "*/5 * * * * ?"`},
	}
	for _, tt := range tests {
		snap, err := tt.from(t).AppendState(nil, codec)
		if err != nil {
			t.Fatal(err)
		}
		_, err = tt.to(t).LoadState(snap, codec)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestSnapshotStateThatDoesNotFitFails(t *testing.T) {
	codec := itemCodec()
	header := func(tag byte, rest ...byte) []byte { return append([]byte{tag, stateVersion}, rest...) }
	ev := func(ts int64, v int) []byte { return codec.Append(snap.AppendInt(nil, ts), item{v: v}) }
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	key := func(it item) int { return it.v / 10 }
	tests := []struct {
		name  string
		w     Window[item]
		state []byte
		want  string
	}{
		{"unknown tag", NewLength[item](2), []byte{200, 1}, "unknown window tag 200, expected a length window"},
		{"zero tag", NewLength[item](2), []byte{0, 1}, "unknown window tag 0"},
		{"future version", NewLength[item](2), []byte{tagLength, 9}, "length window state has version 9, this build reads version 1"},
		{"length over n", NewLength[item](1),
			cat(header(tagLength), snap.AppendInt(nil, 1), snap.AppendCount(nil, 2), ev(1, 1), ev(2, 2)), "holds 2 events, more than its limit 1"},
		{"full lengthBatch", NewLengthBatch[item](1),
			cat(header(tagLengthBatch), snap.AppendInt(nil, 1), snap.AppendCount(nil, 0), snap.AppendCount(nil, 1), ev(1, 1)), "full unflushed batch"},
		{"time out of order", NewTime[item](10),
			cat(header(tagTime), snap.AppendInt(nil, 10), snap.AppendCount(nil, 2), ev(5, 1), ev(4, 2)), "out of time order"},
		{"bad boolean", NewTimeBatch[item](10),
			cat(header(tagTimeBatch), snap.AppendInt(nil, 10), []byte{7}), "bad boolean byte 7"},
		{"batch before grid", NewTimeBatch[item](10),
			cat(header(tagTimeBatch), snap.AppendInt(nil, 10), []byte{0}, snap.AppendInt(nil, 0), snap.AppendCount(nil, 0), snap.AppendCount(nil, 1), ev(1, 1)), "before its grid started"},
		{"NULL external time", NewExternalTime(itemX, 10),
			cat(header(tagExternalTime), snap.AppendInt(nil, 10), snap.AppendCount(nil, 1), codec.Append(snap.AppendInt(nil, 1), item{null: true})), "event without a time"},
		{"unsorted sort", NewSort(2, asc),
			cat(header(tagSort), snap.AppendInt(nil, 2), snap.AppendCount(nil, 2), ev(1, 5), ev(2, 3)), "not in the window's order"},
		{"unique duplicate key", NewUnique(key),
			cat(header(tagUnique), snap.AppendCount(nil, 2), ev(1, 11), ev(2, 12)), "two entries with the same key"},
		{"firstUnique duplicate key", NewFirstUnique(key),
			cat(header(tagFirstUnique), snap.AppendCount(nil, 2), codec.Append(nil, item{v: 11}), codec.Append(nil, item{v: 12})), "two events with the same key"},
		{"frequent zero count", NewFrequent(2, key),
			cat(header(tagFrequent), snap.AppendInt(nil, 2), snap.AppendCount(nil, 1), snap.AppendInt(nil, 0), ev(1, 1)), "counted 0 times"},
		{"frequent over k", NewFrequent(1, key),
			cat(header(tagFrequent), snap.AppendInt(nil, 1), snap.AppendCount(nil, 2), snap.AppendInt(nil, 1), ev(1, 1), snap.AppendInt(nil, 1), ev(1, 21)), "holds 2 keys, more than its limit 1"},
		{"lossy more keys than events", NewLossyFrequent(0.3, 0.1, key),
			cat(header(tagLossyFrequent), snap.AppendFloat(nil, 0.19999999999999998), snap.AppendInt(nil, 10), snap.AppendInt(nil, 0), snap.AppendCount(nil, 1),
				snap.AppendInt(nil, 1), snap.AppendInt(nil, 0), []byte{1}, ev(1, 1)), "holds 1 keys after 0 events"},
		{"session empty", NewSession(100, key, 0),
			cat(header(tagSession), snap.AppendInt(nil, 100), snap.AppendInt(nil, 0), snap.AppendCount(nil, 1), []byte{sessionHasOpen},
				snap.AppendInt(nil, 0), snap.AppendInt(nil, 100), snap.AppendCount(nil, 0)), "empty session"},
		{"session closing without latency", NewSession(100, key, 0),
			cat(header(tagSession), snap.AppendInt(nil, 100), snap.AppendInt(nil, 0), snap.AppendCount(nil, 1), []byte{sessionHasClosing}), "allows no latency"},
		{"session mixed keys", NewSession(100, key, 0),
			cat(header(tagSession), snap.AppendInt(nil, 100), snap.AppendInt(nil, 0), snap.AppendCount(nil, 1), []byte{sessionHasOpen},
				snap.AppendInt(nil, 0), snap.AppendInt(nil, 100), snap.AppendCount(nil, 2), ev(0, 11), ev(0, 21)), "events of different keys"},
		{"session duplicate key", NewSession(100, key, 0),
			cat(header(tagSession), snap.AppendInt(nil, 100), snap.AppendInt(nil, 0), snap.AppendCount(nil, 2),
				[]byte{sessionHasOpen}, snap.AppendInt(nil, 0), snap.AppendInt(nil, 100), snap.AppendCount(nil, 1), ev(0, 11),
				[]byte{sessionHasOpen}, snap.AppendInt(nil, 0), snap.AppendInt(nil, 100), snap.AppendCount(nil, 1), ev(0, 12)), "same key twice"},
		{"session bad flags", NewSession(100, key, 0),
			cat(header(tagSession), snap.AppendInt(nil, 100), snap.AppendInt(nil, 0), snap.AppendCount(nil, 1), []byte{8}), "bad session flags 8"},
	}
	for _, tt := range tests {
		before, _ := tt.w.AppendState(nil, codec)
		_, err := tt.w.LoadState(tt.state, codec)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v, want %q", tt.name, err, tt.want)
		}
		if after, _ := tt.w.AppendState(nil, codec); !bytes.Equal(after, before) {
			t.Errorf("%s: failed load changed the window", tt.name)
		}
	}
}

func TestSnapshotTruncatedStatesFail(t *testing.T) {
	codec := itemCodec()
	for _, tc := range snapshotCases() {
		snap := snapshotOf(t, tc)
		w := tc.make(t)
		if _, err := w.LoadState(snap, codec); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for n := range len(snap) {
			if _, err := w.LoadState(snap[:n:n], codec); err == nil {
				t.Errorf("%s: prefix of %d of %d bytes loaded", tc.name, n, len(snap))
			}
		}
		if again, _ := w.AppendState(nil, codec); !bytes.Equal(again, snap) {
			t.Errorf("%s: failed loads changed the window", tc.name)
		}
	}
}

func TestSnapshotNeedsACodec(t *testing.T) {
	w := NewLength[item](2)
	for _, c := range []Codec[item]{{}, {Append: itemCodec().Append}, {Read: itemCodec().Read}} {
		if _, err := w.AppendState(nil, c); err != errNoCodec {
			t.Errorf("AppendState: err %v, want %v", err, errNoCodec)
		}
		if _, err := w.LoadState([]byte{tagLength, stateVersion, 4, 0}, c); err != errNoCodec {
			t.Errorf("LoadState: err %v, want %v", err, errNoCodec)
		}
	}
}

func TestSnapshotCodecErrorsPropagate(t *testing.T) {
	bad := itemCodec()
	bad.Read = func(src []byte) (item, []byte, error) { return item{}, src, fmt.Errorf("schema mismatch") }
	snap := snapshotOf(t, snapshotCases()[0])
	_, err := NewLength[item](3).LoadState(snap, bad)
	if err == nil || !strings.Contains(err.Error(), "window: snapshot payload: schema mismatch") {
		t.Errorf("err %v, want the codec's error wrapped", err)
	}
	growing := itemCodec()
	growing.Read = func(src []byte) (item, []byte, error) { return item{}, append(src, 0), nil }
	_, err = NewLength[item](3).LoadState(snap, growing)
	if err == nil || !strings.Contains(err.Error(), "codec returned more bytes") {
		t.Errorf("err %v, want a codec misuse error", err)
	}
}

func TestSnapshotSessionKeepsTimerOrder(t *testing.T) {
	// §0.3.15 after a restore: sessions ending together close in order of
	// start, then key first appearance, which the renumbered keys keep.
	codec := itemCodec()
	orig := newRecorder(NewSession(100, byTens, 0), 0)
	orig.play([]step{arrive(0, at(0, 31), at(0, 21), at(0, 11))})
	snap, err := orig.w.AppendState(nil, codec)
	if err != nil {
		t.Fatal(err)
	}
	r := newRecorder(NewSession(100, byTens, 0), 0)
	if _, err := r.w.LoadState(snap, codec); err != nil {
		t.Fatal(err)
	}
	r.play([]step{arrive(50, at(50, 41)), sleep(1000)})
	if got, want := r.String(), "C41@50 | E31@100 | E21@100 | E11@100 | E41@150"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRowCodec(t *testing.T) {
	types := []runtime.Type{runtime.Int, runtime.String, runtime.Double, runtime.BigInt, runtime.Bool, runtime.Float, runtime.Object}
	c := RowCodec(types)
	rows := []runtime.Row{
		{runtime.IntValue(7), runtime.StringValue("IBM"), runtime.FloatValue(-0.5), runtime.NullValue, runtime.BoolValue(true), runtime.FloatValue(1.5), runtime.NullValue},
		{runtime.IntValue(math.MinInt32), runtime.NullValue, runtime.FloatValue(math.Copysign(0, -1)), runtime.IntValue(math.MaxInt64), runtime.BoolValue(false), runtime.FloatValue(float64(float32(0.1))), runtime.NullValue},
	}
	for _, row := range rows {
		b := c.Append(nil, row)
		got, rest, err := c.Read(append(b, 0xFF))
		if err != nil || !bytes.Equal(rest, []byte{0xFF}) {
			t.Fatalf("%v: err %v rest %x", row, err, rest)
		}
		if !reflect.DeepEqual(got, row) {
			t.Errorf("round trip %v = %v", row, got)
		}
		for n := range len(b) {
			if _, _, err := c.Read(b[:n:n]); err == nil {
				t.Errorf("%v: prefix of %d bytes decoded", row, n)
			}
		}
	}
	// Negative zero keeps its sign.
	got, _, err := c.Read(c.Append(nil, rows[1]))
	if err != nil || !math.Signbit(got[2].F) {
		t.Errorf("-0.0 came back as %v (err %v)", got, err)
	}
	// What a NULL value holds is not written: the bytes are those of a
	// clean NULL, which is what comes back.
	stale := append(runtime.Row(nil), rows[0]...)
	stale[3] = runtime.Value{I: -1, F: 2.5, S: "x", Null: true}
	if !bytes.Equal(c.Append(nil, stale), c.Append(nil, rows[0])) {
		t.Error("a NULL's stale fields changed the bytes")
	}
	// Bytes no row of the layout encodes fail: a NULL bit past the
	// columns, a NULL column with a value, an INT out of range, a FLOAT no
	// float32 holds.
	bad := [][]byte{
		snap.AppendUint(nil, 1<<7),
		snap.AppendInt(snap.AppendUint(nil, 1), 5),
		snap.AppendInt(snap.AppendUint(nil, 0), math.MaxInt32+1),
	}
	f := snap.AppendFloat(snap.AppendBool(snap.AppendInt(snap.AppendFloat(snap.AppendString(snap.AppendInt(snap.AppendUint(nil, 0), 1), ""), 0), 0), false), 0.1)
	bad = append(bad, snap.AppendInt(f, 0))
	for i, b := range bad {
		if _, _, err := c.Read(b); err == nil {
			t.Errorf("bad row %d (%x) decoded", i, b)
		}
	}
}

func TestRowCodecInAWindow(t *testing.T) {
	// The interpreter's instantiation: a length window over rows.
	c := RowCodec([]runtime.Type{runtime.BigInt, runtime.String})
	row := func(v int64, s string) runtime.Row { return runtime.Row{runtime.IntValue(v), runtime.StringValue(s)} }
	w := NewLength[runtime.Row](2)
	w.Arrive(1, []runtime.Event[runtime.Row]{{Ts: 1, Data: row(1, "a")}, {Ts: 2, Data: row(2, "b")}}, func([]runtime.Event[runtime.Row]) {})
	snap, err := w.AppendState(nil, c)
	if err != nil {
		t.Fatal(err)
	}
	r := NewLength[runtime.Row](2)
	if _, err := r.LoadState(snap, c); err != nil {
		t.Fatal(err)
	}
	var got []runtime.Event[runtime.Row]
	r.Arrive(3, []runtime.Event[runtime.Row]{{Ts: 3, Data: row(3, "c")}}, func(chunk []runtime.Event[runtime.Row]) {
		got = append(got, chunk...)
	})
	want := []runtime.Event[runtime.Row]{{Ts: 3, Kind: runtime.Expired, Data: row(1, "a")}, {Ts: 3, Data: row(3, "c")}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
