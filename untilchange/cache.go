// Package untilchange keeps computed results until the next committed
// change to the database.
//
// Every change Varsel makes appends a row to the audit trail in the same
// transaction (PR3), and appends are serialised, so the trail's last
// sequence number moves with every committed change, in every process on the
// database. A result computed at one sequence number is the result for as
// long as the number stands: a key that holds the number (Key) makes a kept
// result exact, never stale.
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

// Key is the key of a result computed for viewer v now: the viewer's scope —
// the unit IDs, roles and police district the privacy policies decide by —
// the audit trail's last sequence number, and parts, what else the result
// depends on (its arguments; the minute, for what time alone changes).
//
// client must not be a transaction's: in a transaction the number may name
// a change that is then rolled back, and a later commit takes the same
// number.
func Key(ctx context.Context, client *ent.Client, v *varsel.Viewer, parts ...any) (string, error) {
	seqs, err := client.AuditEvent.Query().Order(ent.Desc(auditevent.FieldSeq)).Limit(1).
		Select(auditevent.FieldSeq).Ints(privacy.DecisionContext(ctx, privacy.Allow))
	if err != nil {
		return "", err
	}
	seq := 0
	if len(seqs) > 0 {
		seq = seqs[0]
	}
	units, roles := slices.Clone(v.UnitIDs), slices.Clone(v.Roles)
	slices.Sort(units)
	slices.Sort(roles)
	var b strings.Builder
	fmt.Fprint(&b, units, roles, v.PoliceDistrictID, v.System, seq)
	for _, p := range parts {
		fmt.Fprintf(&b, "|%v", p)
	}
	return b.String(), nil
}

// Cache keeps results by key. The zero Cache is ready to use. Results must
// not be changed by those who get them: they are shared.
//
// After a change everyone's next request misses at once; those asking for
// the same key wait for the one computation (a flight) instead of each
// computing it.
type Cache[T any] struct {
	mu      sync.Mutex
	entries map[string]T
	flights map[string]*flight[T]
}

// flight is one computation of a result that others wait for.
type flight[T any] struct {
	done   chan struct{}
	result T
	err    error
}

// size bounds the entries; when it is reached the cache starts afresh
// (entries for older sequence numbers are dead anyway).
const size = 256

// Get returns the result for key, computing it with compute unless it is
// kept or being computed already. A computation that fails is not kept, and
// those who waited for it compute their own (it may have failed only because
// its request was cancelled); a waiter whose own request ends stops waiting.
func (c *Cache[T]) Get(ctx context.Context, key string, compute func() (T, error)) (T, error) {
	c.mu.Lock()
	if r, ok := c.entries[key]; ok {
		c.mu.Unlock()
		return r, nil
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
		c.flights = map[string]*flight[T]{}
	}
	c.flights[key] = f
	c.mu.Unlock()

	f.result, f.err = compute()
	c.mu.Lock()
	delete(c.flights, key)
	if f.err == nil {
		if c.entries == nil || len(c.entries) >= size {
			c.entries = map[string]T{}
		}
		c.entries[key] = f.result
	}
	c.mu.Unlock()
	close(f.done)
	return f.result, f.err
}
