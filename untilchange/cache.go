// Package untilchange keeps computed results until the next committed
// change to the database.
//
// Every change Varsel makes appends a row to the audit trail in the same
// transaction (PR3), and appends are serialised, so the trail's last
// sequence number moves with every committed change, in every process on the
// database. A result computed at one sequence number is the result for as
// long as the number stands: a key that holds the number (NewKey) makes a
// kept result exact, never stale.
package untilchange

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"varsel"
	"varsel/ent"
	"varsel/ent/auditevent"
	"varsel/ent/privacy"
)

// Key names a result: what it is — the viewer's scope (the unit IDs, roles
// and police district the privacy policies decide by) and the arguments —
// and the version it was computed at: the audit trail's last sequence
// number, and for results that time alone changes, the time (At). A Cache
// keeps one result for each what, the newest, so results of older versions
// take no memory once a newer one is computed.
type Key struct {
	what    string
	version version
}

// version is when a result was computed: the sequence number, and the time
// for results that time alone changes (a sortable text, such as
// 2026-12-01T14:05).
type version struct {
	seq int
	at  string
}

// before reports whether v is older than w.
func (v version) before(w version) bool {
	return v.seq < w.seq || v.seq == w.seq && v.at < w.at
}

// NewKey is the key of a result computed for viewer v now with args, what
// else the result depends on.
//
// client must not be a transaction's: in a transaction the number may name
// a change that is then rolled back, and a later commit takes the same
// number.
func NewKey(ctx context.Context, client *ent.Client, v *varsel.Viewer, args ...any) (Key, error) {
	seqs, err := client.AuditEvent.Query().Order(ent.Desc(auditevent.FieldSeq)).Limit(1).
		Select(auditevent.FieldSeq).Ints(privacy.DecisionContext(ctx, privacy.Allow))
	if err != nil {
		return Key{}, err
	}
	seq := 0
	if len(seqs) > 0 {
		seq = seqs[0]
	}
	units, roles := slices.Clone(v.UnitIDs), slices.Clone(v.Roles)
	slices.Sort(units)
	slices.Sort(roles)
	var b strings.Builder
	fmt.Fprint(&b, units, roles, v.PoliceDistrictID, v.System)
	for _, a := range args {
		fmt.Fprintf(&b, "|%v", a)
	}
	return Key{what: b.String(), version: version{seq: seq}}, nil
}

// At is the key with t, what time alone changes, in its version: a text
// that sorts as the times do (the minute as 2026-12-01T14:05, say).
func (k Key) At(t string) Key {
	k.version.at = t
	return k
}

// Cache keeps the newest result for each what of a Key. The zero Cache is
// ready to use. Results must not be changed by those who get them: they are
// shared.
//
// After a change everyone's next request misses at once; those asking for
// the same key wait for the one computation (a flight) instead of each
// computing it.
type Cache[T any] struct {
	mu      sync.Mutex
	entries map[string]entry[T]
	flights map[Key]*flight[T]
}

type entry[T any] struct {
	version version
	result  T
}

// flight is one computation of a result that others wait for.
type flight[T any] struct {
	done   chan struct{}
	result T
	err    error
}

// size bounds the whats kept (a statistics report for every period anyone
// asked for, say); when it is reached the cache starts afresh.
const size = 256

// Get returns the result for key, computing it with compute unless it is
// kept or being computed already. A computation that fails is not kept, and
// those who waited for it compute their own (it may have failed only because
// its request was cancelled); a waiter whose own request ends stops waiting.
func (c *Cache[T]) Get(ctx context.Context, key Key, compute func() (T, error)) (T, error) {
	c.mu.Lock()
	if e, ok := c.entries[key.what]; ok && e.version == key.version {
		c.mu.Unlock()
		return e.result, nil
	}
	if f, ok := c.flights[key]; ok {
		c.mu.Unlock()
		select {
		case <-f.done:
			if f.err != nil {
				return compute()
			}
			return f.result, nil
		case <-ctx.Done():
			var zero T
			return zero, ctx.Err()
		}
	}
	f := &flight[T]{done: make(chan struct{})}
	if c.flights == nil {
		c.flights = map[Key]*flight[T]{}
	}
	c.flights[key] = f
	c.mu.Unlock()

	f.result, f.err = compute()
	c.mu.Lock()
	delete(c.flights, key)
	if f.err == nil {
		if c.entries == nil || len(c.entries) >= size {
			c.entries = map[string]entry[T]{}
		}
		// A computation that ends after a newer one does not replace it.
		if e, ok := c.entries[key.what]; !ok || !key.version.before(e.version) {
			c.entries[key.what] = entry[T]{version: key.version, result: f.result}
		}
	}
	c.mu.Unlock()
	close(f.done)
	return f.result, f.err
}
