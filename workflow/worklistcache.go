package workflow

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/auditevent"
	"varsel/ent/privacy"
	"varsel/rules"
)

// worklistCache keeps each unit scope's computed worklist until anything
// changes. Every change Varsel makes appends a row to the audit trail in the
// same transaction (PR3), so the trail's last sequence number moves with
// every committed change, in every process on the database: a worklist
// computed at one sequence number is the worklist for as long as the number
// stands. The minute is part of the key too, for what time alone changes: the
// overdue marks and the events that leave the horizon (deadlines are kept to
// the minute).
//
// After a change every caseworker's next request misses at once; those
// asking for the same key wait for the one computation (flight) instead of
// each computing it.
type worklistCache struct {
	mu      sync.Mutex
	entries map[string][]*WorklistItem
	flights map[string]*worklistFlight
}

// worklistFlight is one computation of a worklist that others wait for.
type worklistFlight struct {
	done  chan struct{}
	items []*WorklistItem
	err   error
}

// worklistCacheSize bounds the entries; when it is reached the cache starts
// afresh (older sequence numbers are dead entries anyway).
const worklistCacheSize = 256

// key is the viewer's scope — the unit IDs, roles and police district the
// privacy policies decide by — with the audit trail's sequence number and
// the minute.
func (c *worklistCache) key(ctx context.Context, client *ent.Client, v *varsel.Viewer, now time.Time) (string, error) {
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
	return fmt.Sprint(units, roles, v.PoliceDistrictID, v.System, seq, now.In(rules.Norway).Format("2006-01-02T15:04")), nil
}

// get returns the worklist for key, computing it with compute unless it is
// kept or being computed already. A computation that fails is not kept, and
// those who waited for it compute their own (it may have failed only because
// its request was cancelled); a waiter whose own request ends stops waiting.
func (c *worklistCache) get(ctx context.Context, key string, compute func() ([]*WorklistItem, error)) ([]*WorklistItem, error) {
	c.mu.Lock()
	if items, ok := c.entries[key]; ok {
		c.mu.Unlock()
		return items, nil
	}
	if f, ok := c.flights[key]; ok {
		c.mu.Unlock()
		select {
		case <-f.done:
			if f.err != nil {
				return compute()
			}
			return f.items, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	f := &worklistFlight{done: make(chan struct{})}
	if c.flights == nil {
		c.flights = map[string]*worklistFlight{}
	}
	c.flights[key] = f
	c.mu.Unlock()

	f.items, f.err = compute()
	c.mu.Lock()
	delete(c.flights, key)
	if f.err == nil {
		if c.entries == nil || len(c.entries) >= worklistCacheSize {
			c.entries = map[string][]*WorklistItem{}
		}
		c.entries[key] = f.items
	}
	c.mu.Unlock()
	close(f.done)
	return f.items, f.err
}
