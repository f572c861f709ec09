package audit

import (
	"context"
	"crypto/hmac"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Status is the result of verifying the chain.
type Status struct {
	Checked        int       // rows checked
	Checkpoints    int       // checkpoints the chain was checked against
	LastCheckpoint time.Time // when the newest checkpoint was signed; zero when there is none
	FirstBrokenSeq int64     // the first row missing, changed or forged; 0 when none is
	Problem        string    // Norwegian, for the auditor; "" when intact
}

// Intact reports whether every row is present, unchanged, written with the
// key, and agrees with every checkpoint.
func (s Status) Intact() bool { return s.Problem == "" }

// Verify checks the whole chain in order with key, and against the
// checkpoints in dir, and reports the first problem:
//   - a checkpoint that is unreadable or not signed with key;
//   - a missing row (a gap in seq), or a row that does not point at the
//     previous row's hash;
//   - a row whose hash is not the HMAC of its content with key: it was
//     changed, or written by someone without the key — also when its hash is
//     a plain SHA-256 that anyone could recompute, unless it is a legacy row
//     from before the key (at or before the first checkpoint, and before the
//     first row with an HMAC), which is then checked as SHA-256;
//   - a row whose hash differs from what a checkpoint says it was;
//   - a chain that ends before a checkpoint's head: rows were cut off.
//
// Rows cut off after the newest checkpoint cannot be told from rows never
// written; checkpoints are therefore written often (see Chain.Checkpoint).
func Verify(ctx context.Context, db *sql.DB, key *Key, dir CheckpointDir) (Status, error) {
	cps, problem, err := dir.load(key)
	if err != nil {
		return Status{}, fmt.Errorf("audit: reading the checkpoints: %w", err)
	}
	if problem != "" {
		return Status{Problem: problem}, nil
	}
	st, _, err := walk(ctx, db, key, cps, 0)
	return st, err
}

// walk checks the rows from seq from on (the whole chain from 0) against
// cps, sorted by seq, and returns the status and the last row.
func walk(ctx context.Context, db *sql.DB, key *Key, cps []Checkpoint, from int64) (Status, tail, error) {
	st := Status{Checkpoints: len(cps)}
	for _, c := range cps {
		if c.Time.After(st.LastCheckpoint) {
			st.LastCheckpoint = c.Time
		}
	}
	// Every row after the first checkpoint was written with the key: the
	// first checkpoint is written by the first server to run with one.
	cutOver := int64(-1)
	if len(cps) > 0 {
		cutOver = cps[0].Seq
	}
	next := 0 // the first checkpoint not yet met
	for next < len(cps) && (cps[next].Seq < from || cps[next].Seq == 0) {
		next++
	}
	// from is a number: written into the statement, which is the same for
	// both databases' placeholder styles.
	rows, err := db.QueryContext(ctx, fmt.Sprintf(`SELECT seq, occurred_at, actor, COALESCE(actor_staff_id, 0),
		COALESCE(operation, ''), action, entity_type, entity_id, prev_hash, hash
		FROM audit_events WHERE seq >= %d ORDER BY seq`, from))
	if err != nil {
		return st, tail{}, fmt.Errorf("audit: reading the chain: %w", err)
	}
	defer rows.Close()
	var (
		prev  = tail{seq: from - 1}
		first = from > 0 // the row before it is not read: its hash is not known
		keyed bool       // a row with an HMAC was seen
		rank  int        // the rank of the newest key a row was written with (Key.named)
	)
	if from == 0 {
		prev.seq = 0
	}
	for rows.Next() {
		var (
			l    link
			hash string
		)
		if err := rows.Scan(&l.seq, &l.occurredAt, &l.actor, &l.staffID, &l.operation, &l.action,
			&l.entityType, &l.entityID, &l.prevHash, &hash); err != nil {
			return st, tail{}, err
		}
		st.Checked++
		switch {
		case l.seq != prev.seq+1:
			st.FirstBrokenSeq = prev.seq + 1
			st.Problem = fmt.Sprintf("Rad %d mangler: kjeden hopper fra %d til %d.", prev.seq+1, prev.seq, l.seq)
		case !first && l.prevHash != prev.hash:
			st.FirstBrokenSeq = l.seq
			st.Problem = fmt.Sprintf("Rad %d peker ikke på rad %d slik den er lagret nå.", l.seq, prev.seq)
		default:
			mustBeKeyed := keyed || (cutOver >= 0 && l.seq > cutOver)
			if p := checkRow(l, hash, key, mustBeKeyed, &rank); p != "" {
				st.FirstBrokenSeq, st.Problem = l.seq, p
			}
		}
		for st.Intact() && next < len(cps) && cps[next].Seq == l.seq {
			if cps[next].Head != hash {
				st.FirstBrokenSeq = l.seq
				st.Problem = fmt.Sprintf("Rad %d er ikke den samme som da %s ble signert: raden er endret.", l.seq, cps[next].describe())
			}
			next++
		}
		if !st.Intact() {
			return st, tail{}, nil
		}
		keyed = keyed || strings.HasPrefix(hash, keyedPrefix)
		prev, first = tail{seq: l.seq, hash: hash}, false
	}
	if err := rows.Err(); err != nil {
		return st, tail{}, err
	}
	if next < len(cps) {
		// The newest checkpoint names the longest chain that was signed.
		c := cps[len(cps)-1]
		st.FirstBrokenSeq = prev.seq + 1
		st.Problem = fmt.Sprintf("Kjeden slutter ved rad %d, men %s viser at den hadde %d rader: rader er slettet.", prev.seq, c.describe(), c.Seq)
	}
	return st, prev, nil
}

// checkRow checks a row's stored hash against its content; mustBeKeyed says
// that a legacy (plain SHA-256) hash is not accepted here. rank is the rank
// of the newest key seen so far (Key.named): a row written with an older key
// than a row before it was written by someone holding a retired key.
func checkRow(l link, stored string, key *Key, mustBeKeyed bool, rank *int) string {
	if rest, ok := strings.CutPrefix(stored, keyedPrefix); ok {
		id, _, _ := strings.Cut(rest, ":")
		written, r := key.named(id)
		switch {
		case written == nil:
			return fmt.Sprintf("Rad %d er skrevet med en annen nøkkel (%s) enn den kjeden kontrolleres med (%s).", l.seq, id, key.ID())
		case r < *rank:
			return fmt.Sprintf("Rad %d er skrevet med nøkkelen %s, som var byttet ut før raden ble skrevet: den er lagt til av noen med en gammel nøkkel.", l.seq, id)
		}
		*rank = r
		if !hmac.Equal([]byte(l.hash(written)), []byte(stored)) {
			return fmt.Sprintf("Rad %d er endret etter at den ble skrevet, eller lagt til av noen uten nøkkelen.", l.seq)
		}
		return ""
	}
	if mustBeKeyed {
		return fmt.Sprintf("Rad %d har en hash uten nøkkel der kjeden skal ha nøkkel: raden er endret eller lagt til utenom Varsel.", l.seq)
	}
	if l.legacyHash() != stored {
		return fmt.Sprintf("Rad %d er endret etter at den ble skrevet.", l.seq)
	}
	return ""
}
