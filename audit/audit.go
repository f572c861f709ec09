// Package audit keeps Varsel's audit trail (RULEBOOK PR3): every change to
// stored data appends an AuditEvent — actor, action, entity, id, time — in the
// same transaction as the change. Rows are hash-chained: each row's hash
// covers its content and the previous row's hash, so an edited or deleted row
// breaks the chain, and Verify finds the first broken link. The database
// refuses UPDATE and DELETE on the table (see server/database/migrations).
package audit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect"

	"varsel"
	"varsel/ent"
	"varsel/ent/auditevent"
	"varsel/ent/rule"
)

// chainLockKey is the PostgreSQL advisory lock that serialises appends, so
// two transactions never link to the same previous row.
const chainLockKey = 7_356_001

type operationKey struct{}

// WithOperation names the API operation (e.g. registerCustodyEvent) that the
// changes made with ctx belong to.
func WithOperation(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, operationKey{}, name)
}

// Hook returns the ent hook that writes the audit trail for a database of the
// given ent dialect, hashing rows with key. Register it with client.Use. A
// change that does not run in a transaction is refused: the audit row and the
// change must commit or fail together.
func Hook(dialectName string, key *Key) ent.Hook {
	if key == nil {
		panic("audit: Hook needs a key")
	}
	serialise := dialectName == dialect.Postgres
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if m.Type() == ent.TypeAuditEvent || m.Type() == ent.TypeAccessLogEntry {
				return next.Mutate(ctx, m)
			}
			txm, ok := m.(interface{ Tx() (*ent.Tx, error) })
			if !ok {
				return nil, fmt.Errorf("audit: %s mutation cannot report its transaction", m.Type())
			}
			tx, err := txm.Tx()
			if err != nil {
				return nil, fmt.Errorf("audit: %s %s outside a transaction is refused: %w", m.Op(), m.Type(), err)
			}
			// Bulk updates and deletes: find the rows before they change.
			var ids []int
			if !m.Op().Is(ent.OpCreate | ent.OpUpdateOne | ent.OpDeleteOne) {
				idm, ok := m.(interface {
					IDs(context.Context) ([]int, error)
				})
				if !ok {
					return nil, fmt.Errorf("audit: %s mutation cannot list its rows", m.Type())
				}
				if ids, err = idm.IDs(ctx); err != nil {
					return nil, err
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			if m.Op().Is(ent.OpCreate | ent.OpUpdateOne | ent.OpDeleteOne) {
				idm, ok := m.(interface{ ID() (int, bool) })
				id, has := 0, false
				if ok {
					id, has = idm.ID()
				}
				if !has {
					return nil, fmt.Errorf("audit: %s %s has no id", m.Op(), m.Type())
				}
				ids = []int{id}
			}
			for _, id := range ids {
				if err := appendEvent(ctx, tx, key, serialise, action(m.Op()), m.Type(), id); err != nil {
					return nil, err
				}
			}
			return v, nil
		})
	}
}

func action(op ent.Op) auditevent.Action {
	switch {
	case op.Is(ent.OpCreate):
		return auditevent.ActionCREATE
	case op.Is(ent.OpDelete | ent.OpDeleteOne):
		return auditevent.ActionDELETE
	}
	return auditevent.ActionUPDATE
}

// link is the content a row's hash covers.
type link struct {
	seq        int64
	occurredAt time.Time
	actor      string
	staffID    int
	operation  string
	action     string
	entityType string
	entityID   int
	prevHash   string
}

// keyedPrefix starts the hash of a row written with a key:
// "hmac:KEYID:HEX". A legacy row's hash is bare hex.
const keyedPrefix = "hmac:"

// hash is "hmac:KEYID:" and the hex HMAC-SHA256 of the row's encoding.
func (l link) hash(key *Key) string {
	return keyedPrefix + key.ID() + ":" + key.sum(l.encode())
}

// legacyHash is hex(SHA-256) of the row's encoding: the hash of rows written
// before the chain had a key.
func (l link) legacyHash() string {
	sum := sha256.Sum256(l.encode())
	return hex.EncodeToString(sum[:])
}

// encode writes the row's fields in a fixed order, each length-prefixed so
// that no two different rows encode alike.
func (l link) encode() []byte {
	var b strings.Builder
	for _, f := range []string{
		strconv.FormatInt(l.seq, 10),
		l.occurredAt.UTC().Format(time.RFC3339Nano),
		l.actor,
		strconv.Itoa(l.staffID),
		l.operation,
		l.action,
		l.entityType,
		strconv.Itoa(l.entityID),
		l.prevHash,
	} {
		b.WriteString(strconv.Itoa(len(f)))
		b.WriteByte(':')
		b.WriteString(f)
	}
	return []byte(b.String())
}

func appendEvent(ctx context.Context, tx *ent.Tx, key *Key, serialise bool, act auditevent.Action, entityType string, entityID int) error {
	v := varsel.FromContext(ctx)
	if v == nil {
		return errors.New("audit: a change without a viewer is refused")
	}
	op, _ := ctx.Value(operationKey{}).(string)
	prev, err := lockTail(ctx, tx, serialise)
	if err != nil {
		return err
	}
	l := link{
		seq:        prev.seq + 1,
		occurredAt: time.Now().UTC().Truncate(time.Microsecond), // what both databases keep
		actor:      v.Subject,
		staffID:    v.StaffID,
		operation:  op,
		action:     string(act),
		entityType: entityType,
		entityID:   entityID,
		prevHash:   prev.hash,
	}
	create := tx.AuditEvent.Create().
		SetSeq(l.seq).
		SetOccurredAt(l.occurredAt).
		SetActor(l.actor).
		SetOperation(l.operation).
		SetAction(act).
		SetEntityType(l.entityType).
		SetEntityID(l.entityID).
		SetPrevHash(l.prevHash).
		SetHash(l.hash(key))
	if l.staffID != 0 {
		create.SetActorStaffID(l.staffID)
	}
	return create.Exec(rule.AppendOnlyWriter(ctx))
}

type tail struct {
	seq  int64
	hash string
}

// lockTail takes the chain's lock for the rest of the transaction and returns
// its last row. In PostgreSQL an advisory lock serialises appenders (serialise);
// SQLite transactions already hold the database's write lock from their start.
func lockTail(ctx context.Context, tx *ent.Tx, serialise bool) (tail, error) {
	if serialise {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", chainLockKey); err != nil {
			return tail{}, fmt.Errorf("audit: locking the chain: %w", err)
		}
	}
	rows, err := tx.QueryContext(ctx, "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
	if err != nil {
		return tail{}, fmt.Errorf("audit: reading the chain's tail: %w", err)
	}
	defer rows.Close()
	var t tail
	if rows.Next() {
		if err := rows.Scan(&t.seq, &t.hash); err != nil {
			return tail{}, err
		}
	}
	return t, rows.Err()
}
