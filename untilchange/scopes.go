package untilchange

import (
	"context"
	"sync"

	"varsel"
	"varsel/ent"
	"varsel/ent/auditevent"
	"varsel/ent/privacy"
)

// Change is a committed change as the audit trail records it.
type Change struct {
	Seq        int
	EntityType string
	EntityID   int
	Action     auditevent.Action
}

// Touched names the units a batch of changes touched, or all when it cannot
// tell (a change it does not know, a convict moved between units): the
// result of a unit it does not name must be the same before and after.
type Touched func(ctx context.Context, client *ent.Client, changes []Change) (units []int, all bool, err error)

// Scopes versions results by the units they are about: a unit's version is
// the last committed change that touched it, so that a change at Bergen
// leaves Oslo's kept worklist standing. It reads the audit trail, which
// every process appends to, so it holds in any number of processes. The
// zero Scopes is ready to use; keep one per database.
type Scopes struct {
	mu       sync.Mutex
	seen     int         // the audit trail read up to here
	all      int         // the last change that touched every unit
	versions map[int]int // unit → the last change that touched it
}

// maxChanges: more new changes than this at once, and every unit is taken
// as touched rather than each change looked up.
const maxChanges = 2000

// Key is NewKey with the version of v's units instead of the audit trail's
// last number; touched tells which units new changes touched. A viewer with
// no units (the police, say) gets the trail's number, as with NewKey.
func (s *Scopes) Key(ctx context.Context, client *ent.Client, touched Touched, v *varsel.Viewer, args ...any) (Key, error) {
	k, err := NewKey(ctx, client, v, args...)
	if err != nil || len(v.UnitIDs) == 0 {
		return k, err
	}
	seq := k.version.seq
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.versions == nil {
		// Nothing is known of what came before: everything changed now.
		s.seen, s.all, s.versions = seq, seq, map[int]int{}
	}
	if seq > s.seen {
		if err := s.read(ctx, client, touched, seq); err != nil {
			return Key{}, err
		}
	}
	version := s.all
	for _, u := range v.UnitIDs {
		version = max(version, s.versions[u])
	}
	k.version.seq = version
	return k, nil
}

// read takes in the changes after s.seen up to seq.
func (s *Scopes) read(ctx context.Context, client *ent.Client, touched Touched, seq int) error {
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	n, err := client.AuditEvent.Query().Where(auditevent.SeqGT(int64(s.seen)), auditevent.SeqLTE(int64(seq))).Count(sys)
	if err != nil {
		return err
	}
	if n > maxChanges {
		s.seen, s.all = seq, seq
		return nil
	}
	var rows []struct {
		Seq        int64             `sql:"seq"`
		EntityType string            `sql:"entity_type"`
		EntityID   int               `sql:"entity_id"`
		Action     auditevent.Action `sql:"action"`
	}
	if err := client.AuditEvent.Query().Where(auditevent.SeqGT(int64(s.seen)), auditevent.SeqLTE(int64(seq))).
		Select(auditevent.FieldSeq, auditevent.FieldEntityType, auditevent.FieldEntityID, auditevent.FieldAction).Scan(sys, &rows); err != nil {
		return err
	}
	changes := make([]Change, len(rows))
	for i, r := range rows {
		changes[i] = Change{Seq: int(r.Seq), EntityType: r.EntityType, EntityID: r.EntityID, Action: r.Action}
	}
	units, all, err := touched(sys, client, changes)
	if err != nil {
		return err
	}
	// The batch's changes are taken as one, at its last number: coarser
	// than each change's own number, never staler.
	if all {
		s.all = seq
	}
	for _, u := range units {
		s.versions[u] = seq
	}
	s.seen = seq
	return nil
}
