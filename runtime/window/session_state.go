package window

import (
	"cmp"
	"slices"

	"github.com/eventflux/eventflux-go/runtime/snap"
)

// Session state, per key in order of first appearance: which sessions the
// key has (open, closing), then for each (closing first) its start, end and
// events. Keys are recomputed from the events; deadlines follow from the
// session's role (open: end, closing: end + latency); key order is
// renumbered 1…n, which keeps the timer order.

const (
	sessionHasOpen byte = 1 << iota
	sessionHasClosing
)

// AppendState writes gap, latency and every key's sessions.
func (w *Session[T, K]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, tagSession)
	dst = snap.AppendInt(dst, w.gap)
	dst = snap.AppendInt(dst, w.latency)
	keys := make([]*sessionKey[T, K], 0, len(w.keys))
	for _, k := range w.keys {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b *sessionKey[T, K]) int { return cmp.Compare(a.seq, b.seq) })
	dst = snap.AppendCount(dst, len(keys))
	for _, k := range keys {
		var has byte
		if k.open != nil {
			has |= sessionHasOpen
		}
		if k.closing != nil {
			has |= sessionHasClosing
		}
		dst = append(dst, has)
		if k.closing != nil {
			dst = appendSession(dst, k.closing, c)
		}
		if k.open != nil {
			dst = appendSession(dst, k.open, c)
		}
	}
	return dst, nil
}

func appendSession[T any, K comparable](dst []byte, s *session[T, K], c Codec[T]) []byte {
	dst = snap.AppendInt(dst, s.start)
	dst = snap.AppendInt(dst, s.end)
	return appendEvents(dst, s.events, c)
}

// LoadState replaces every session and re-registers their deadlines. A key
// whose events do not all share its key, a key stored twice, an empty
// session or a closing session without allowed latency fail the load.
func (w *Session[T, K]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagSession)
	r.param(tagSession, "gap", w.gap)
	r.param(tagSession, "allowed latency", w.latency)
	n := r.Count()
	keys := make(map[K]*sessionKey[T, K], n)
	order := make([]*sessionKey[T, K], 0, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		k := &sessionKey[T, K]{seq: uint64(i + 1)}
		has := r.Byte()
		if r.Err() == nil && (has == 0 || has&^(sessionHasOpen|sessionHasClosing) != 0) {
			r.failf("session window state has bad session flags %d", has)
		}
		if r.Err() == nil && has&sessionHasClosing != 0 && w.latency == 0 {
			r.failf("session window state holds a closing session but the window allows no latency")
		}
		if has&sessionHasClosing != 0 {
			k.closing = w.readSession(r, c, k, w.latency)
		}
		if has&sessionHasOpen != 0 {
			k.open = w.readSession(r, c, k, 0)
		}
		if r.Err() != nil {
			break
		}
		w.keyOf(r, k)
		if _, dup := keys[k.key]; dup {
			r.failf("session window state holds the same key twice")
		}
		keys[k.key] = k
		order = append(order, k)
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	for _, s := range w.timers {
		w.release(s)
	}
	clear(w.timers)
	w.timers = w.timers[:0]
	w.keys, w.keySeq = keys, uint64(n)
	for _, k := range order {
		if k.closing != nil {
			w.pushTimer(k.closing)
		}
		if k.open != nil {
			w.pushTimer(k.open)
		}
	}
	return r.Rest(), nil
}

// readSession decodes one session of k; its deadline is end + latency.
func (w *Session[T, K]) readSession(r *stateReader, c Codec[T], k *sessionKey[T, K], latency int64) *session[T, K] {
	start := r.Int()
	end := r.Int()
	events := readEvents(r, c)
	if r.Err() == nil && len(events) == 0 {
		r.failf("session window state holds an empty session")
	}
	if r.Err() != nil {
		return nil
	}
	return &session[T, K]{owner: k, start: start, end: end, deadline: addSat(end, latency), events: events}
}

// keyOf sets k.key from its sessions' events, which must all agree.
func (w *Session[T, K]) keyOf(r *stateReader, k *sessionKey[T, K]) {
	first := true
	for _, s := range [2]*session[T, K]{k.closing, k.open} {
		if s == nil {
			continue
		}
		for _, e := range s.events {
			key := w.key(e.Data)
			if first {
				k.key, first = key, false
			} else if key != k.key {
				r.failf("session window state holds events of different keys in one key's sessions")
				return
			}
		}
	}
}
