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
type worklistCache struct {
	mu      sync.Mutex
	entries map[string][]*WorklistItem
}

// worklistCacheSize bounds the entries; when it is reached the cache starts
// afresh (older sequence numbers are dead entries anyway).
const worklistCacheSize = 256

// key is the viewer's scope — the unit IDs and roles the privacy policies
// decide by — with the audit trail's sequence number and the minute.
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
	return fmt.Sprint(units, roles, v.System, seq, now.In(rules.Norway).Format("2006-01-02T15:04")), nil
}

func (c *worklistCache) get(key string) ([]*WorklistItem, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	items, ok := c.entries[key]
	return items, ok
}

func (c *worklistCache) put(key string, items []*WorklistItem) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= worklistCacheSize {
		c.entries = map[string][]*WorklistItem{}
	}
	c.entries[key] = items
}
