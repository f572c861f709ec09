package audit_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"varsel/audit"
	"varsel/dbtest"
)

// row is an audit row as an attacker with database access reads it.
type row struct {
	seq                           int64
	at                            time.Time
	actor                         string
	staffID                       int
	operation, action, entityType string
	entityID                      int
	prevHash, hash                string
}

func rows(t *testing.T, db *dbtest.DB) []row {
	t.Helper()
	rs, err := db.QueryContext(context.Background(), `SELECT seq, occurred_at, actor, COALESCE(actor_staff_id, 0),
		COALESCE(operation, ''), action, entity_type, entity_id, prev_hash, hash FROM audit_events ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	var out []row
	for rs.Next() {
		var r row
		if err := rs.Scan(&r.seq, &r.at, &r.actor, &r.staffID, &r.operation, &r.action, &r.entityType, &r.entityID, &r.prevHash, &r.hash); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// exec runs a statement written with $1-style placeholders on either database.
func exec(t *testing.T, db *dbtest.DB, stmt string, args ...any) {
	t.Helper()
	if db.Dialect == dialect.SQLite {
		for i := len(args); i >= 1; i-- {
			stmt = strings.ReplaceAll(stmt, "$"+string(rune('0'+i)), "?")
		}
	}
	if _, err := db.ExecContext(context.Background(), stmt, args...); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

// rehashPlain does what someone with database access but without the key
// can: after changing rows, recompute every hash from row from on as plain
// SHA-256, each linked to the one before, so that the chain looks whole.
// prefix is put before each hash (to pass as a keyed row).
func rehashPlain(t *testing.T, db *dbtest.DB, from int64, prefix string) {
	t.Helper()
	prev := ""
	for _, r := range rows(t, db) {
		if r.seq < from {
			prev = r.hash
			continue
		}
		h := prefix + audit.LegacyHash(r.seq, r.at, r.actor, r.staffID, r.operation, r.action, r.entityType, r.entityID, prev)
		exec(t, db, "UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE seq = $3", prev, h, r.seq)
		prev = h
	}
}

func checkpoint(t *testing.T, db *dbtest.DB) audit.Checkpoint {
	t.Helper()
	cp, written, err := db.Chain.Checkpoint(context.Background(), false)
	if err != nil || !written {
		t.Fatalf("checkpoint: written %v, err %v", written, err)
	}
	return cp
}

// PR3 (the security issue): someone with the database's rights but without
// the key cannot rewrite, forge or cut the chain unnoticed — on both
// databases. Each row is one way to try.
func TestAnAttackerWithoutTheKeyIsFound(t *testing.T) {
	attacks := []struct {
		name     string
		tamper   func(t *testing.T, db *dbtest.DB)
		wantSeq  int64
		wantWord string
	}{
		{"a row rewritten and every hash after it recomputed as plain SHA-256", func(t *testing.T, db *dbtest.DB) {
			exec(t, db, "UPDATE audit_events SET actor = 'noen-andre' WHERE seq = 3")
			rehashPlain(t, db, 3, "")
		}, 3, "uten nøkkel"},
		{"a row rewritten and re-hashed in the keyed format, but without the key", func(t *testing.T, db *dbtest.DB) {
			exec(t, db, "UPDATE audit_events SET actor = 'noen-andre' WHERE seq = 3")
			rehashPlain(t, db, 3, "hmac:"+dbtest.AuditKey.ID()+":")
		}, 3, "uten nøkkelen"},
		{"every row rewritten as a plain chain", func(t *testing.T, db *dbtest.DB) {
			rehashPlain(t, db, 1, "")
		}, 1, "uten nøkkel"},
		{"a row appended with a wrong HMAC", func(t *testing.T, db *dbtest.DB) {
			last := rows(t, db)[4]
			exec(t, db, `INSERT INTO audit_events (seq, occurred_at, actor, operation, action, entity_type, entity_id, prev_hash, hash)
				VALUES (6, $1, 'noen', 'test', 'DELETE', 'PoliceDistrict', 1, $2, $3)`,
				last.at, last.hash, "hmac:"+dbtest.AuditKey.ID()+":"+strings.Repeat("ab", 32))
		}, 6, "uten nøkkelen"},
		{"a row appended with a plain SHA-256", func(t *testing.T, db *dbtest.DB) {
			last := rows(t, db)[4]
			h := audit.LegacyHash(6, last.at, "noen", 0, "test", "DELETE", "PoliceDistrict", 1, last.hash)
			exec(t, db, `INSERT INTO audit_events (seq, occurred_at, actor, operation, action, entity_type, entity_id, prev_hash, hash)
				VALUES (6, $1, 'noen', 'test', 'DELETE', 'PoliceDistrict', 1, $2, $3)`, last.at, last.hash, h)
		}, 6, "uten nøkkel"},
	}
	for _, d := range dbtest.Dialects {
		for _, a := range attacks {
			t.Run(d+"/"+a.name, func(t *testing.T) {
				db := dbtest.Open(t, d)
				// The server signs a checkpoint when it starts, here of
				// the empty chain: every row after it must carry the HMAC.
				checkpoint(t, db)
				createDistricts(t, db.Client, 5)
				if st := verify(t, db); !st.Intact() || st.Checked != 5 {
					t.Fatalf("before: verify = %+v", st)
				}
				disableGuards(t, db)
				a.tamper(t, db)
				st := verify(t, db)
				if st.Intact() || st.FirstBrokenSeq != a.wantSeq || !strings.Contains(st.Problem, a.wantWord) {
					t.Fatalf("verify = %+v, want broken at %d (%s)", st, a.wantSeq, a.wantWord)
				}
			})
		}
	}
}

// PR3: rows cut off the end of the chain are found when a checkpoint, kept
// outside the database, shows that the chain was longer — also when the
// service has written new rows onto the cut chain since.
func TestCheckpointsShowACutTail(t *testing.T) {
	cuts := []struct {
		name     string
		cut      func(t *testing.T, db *dbtest.DB)
		wantSeq  int64
		wantWord string
	}{
		{"the last rows deleted", func(t *testing.T, db *dbtest.DB) {
			exec(t, db, "DELETE FROM audit_events WHERE seq > 3")
		}, 4, "slettet"},
		{"the whole table emptied", func(t *testing.T, db *dbtest.DB) {
			exec(t, db, "DELETE FROM audit_events")
		}, 1, "slettet"},
		{"the last rows deleted and new ones written after", func(t *testing.T, db *dbtest.DB) {
			exec(t, db, "DELETE FROM audit_events WHERE seq > 3")
			enableGuards(t, db)
			createDistrictsFrom(t, db.Client, 100, 3)
		}, 5, "ikke den samme"},
	}
	for _, d := range dbtest.Dialects {
		for _, c := range cuts {
			t.Run(d+"/"+c.name, func(t *testing.T) {
				db := dbtest.Open(t, d)
				createDistricts(t, db.Client, 5)
				if cp := checkpoint(t, db); cp.Seq != 5 {
					t.Fatalf("checkpoint at %d, want 5", cp.Seq)
				}
				disableGuards(t, db)
				c.cut(t, db)
				st := verify(t, db)
				if st.Intact() || st.FirstBrokenSeq != c.wantSeq || !strings.Contains(st.Problem, c.wantWord) {
					t.Fatalf("verify = %+v, want broken at %d (%s)", st, c.wantSeq, c.wantWord)
				}
				if _, _, err := db.Chain.Checkpoint(context.Background(), true); err == nil {
					t.Error("a checkpoint was signed over the cut chain")
				}
			})
		}
	}
}

// enableGuards puts the guards back after a test removed them.
func enableGuards(t *testing.T, db *dbtest.DB) {
	t.Helper()
	if db.Dialect == dialect.Postgres {
		exec(t, db, "ALTER TABLE audit_events ENABLE TRIGGER USER")
		return
	}
	exec(t, db, "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'append-only'); END")
	exec(t, db, "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'append-only'); END")
}

// PR3: a checkpoint that is changed, or not signed with the key, is itself
// reported; and the chain is checked with the right key only.
func TestCheckpointsAndKeysAreChecked(t *testing.T) {
	db := dbtest.Open(t, dialect.SQLite)
	createDistricts(t, db.Client, 2)
	checkpoint(t, db)
	files, _ := filepath.Glob(filepath.Join(string(db.Chain.Checkpoints), "checkpoint-*.json"))
	if len(files) != 1 {
		t.Fatalf("%d checkpoint files", len(files))
	}
	b, _ := os.ReadFile(files[0])
	if err := os.WriteFile(files[0], []byte(strings.Replace(string(b), `"seq": 2`, `"seq": 1`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if st := verify(t, db); st.Intact() || !strings.Contains(st.Problem, "ugyldig signatur") {
		t.Errorf("edited checkpoint: verify = %+v", st)
	}
	os.WriteFile(files[0], b, 0o644)

	other, err := audit.NewKey([]byte("another key of thirty-two bytes or more"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := audit.Verify(context.Background(), db.DB.DB, other, "")
	if err != nil {
		t.Fatal(err)
	}
	if st.Intact() || st.FirstBrokenSeq != 1 || !strings.Contains(st.Problem, "annen nøkkel") {
		t.Errorf("another key: verify = %+v", st)
	}
	if st := verify(t, db); !st.Intact() || st.Checkpoints != 1 {
		t.Errorf("verify = %+v, want intact against 1 checkpoint", st)
	}
}

// The transition from the unkeyed chain: rows written before the key keep
// verifying as plain SHA-256; the first checkpoint anchors them, and every
// row after it must carry the HMAC. History is not rewritten.
func TestLegacyRowsBeforeTheFirstCheckpoint(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			db := dbtest.Open(t, d)
			createDistricts(t, db.Client, 3)
			disableGuards(t, db)
			rehashPlain(t, db, 1, "") // the three rows as the old Varsel wrote them
			enableGuards(t, db)
			if st := verify(t, db); !st.Intact() || st.Checked != 3 {
				t.Fatalf("legacy chain: verify = %+v", st)
			}
			if cp := checkpoint(t, db); cp.Seq != 3 { // the first start with a key
				t.Fatalf("first checkpoint at %d", cp.Seq)
			}
			createDistrictsFrom(t, db.Client, 10, 2)
			if st := verify(t, db); !st.Intact() || st.Checked != 5 {
				t.Fatalf("legacy then keyed: verify = %+v", st)
			}
			hashes := rows(t, db)
			if strings.HasPrefix(hashes[2].hash, "hmac:") || !strings.HasPrefix(hashes[3].hash, "hmac:") {
				t.Fatalf("hashes = %q", []string{hashes[2].hash, hashes[3].hash})
			}

			// Rewriting a legacy row means recomputing up to the checkpoint's head.
			disableGuards(t, db)
			exec(t, db, "UPDATE audit_events SET actor = 'noen-andre' WHERE seq = 2")
			rehashPlain(t, db, 2, "")
			st := verify(t, db)
			if st.Intact() || st.FirstBrokenSeq != 3 || !strings.Contains(st.Problem, "ikke den samme") {
				t.Fatalf("rewritten legacy row: verify = %+v, want broken at 3 against the checkpoint", st)
			}
		})
	}
}

// PR3, key rotation: after the key is replaced, the rows and checkpoints of
// the old key still verify when it is named as retired — and only then —
// while whoever still holds the old key cannot add rows after the new key
// took over.
func TestKeyRotation(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			db := dbtest.Open(t, d)
			createDistricts(t, db.Client, 3)
			checkpoint(t, db) // signed with the old key

			fresh, err := audit.NewKey([]byte("the new audit key, thirty-two bytes or more"))
			if err != nil {
				t.Fatal(err)
			}
			rotated, err := fresh.WithRetired(dbtest.AuditKey)
			if err != nil {
				t.Fatal(err)
			}
			chain := audit.Chain{DB: db.DB.DB, Key: rotated, Checkpoints: db.Chain.Checkpoints}
			createDistrictsFrom(t, db.DB.Client(rotated), 10, 2)
			if _, written, err := chain.Checkpoint(context.Background(), false); err != nil || !written {
				t.Fatalf("checkpoint with the new key: written %v, err %v", written, err)
			}
			hashes := rows(t, db)
			if !strings.HasPrefix(hashes[2].hash, "hmac:"+dbtest.AuditKey.ID()+":") || !strings.HasPrefix(hashes[3].hash, "hmac:"+fresh.ID()+":") {
				t.Fatalf("hashes = %q, want the old key's, then the new key's", []string{hashes[2].hash, hashes[3].hash})
			}
			st, err := chain.Verify(context.Background())
			if err != nil || !st.Intact() || st.Checked != 5 || st.Checkpoints != 2 {
				t.Fatalf("after rotation: verify = %+v, %v", st, err)
			}
			// Without the retired key, the old checkpoint cannot be checked.
			st, err = audit.Verify(context.Background(), db.DB.DB, fresh, db.Chain.Checkpoints)
			if err != nil || st.Intact() || !strings.Contains(st.Problem, "annen nøkkel") {
				t.Fatalf("without the retired key: verify = %+v, %v", st, err)
			}

			// Whoever kept the old key appends a row that verifies with it.
			disableGuards(t, db)
			last := hashes[4]
			h := audit.KeyedHash(dbtest.AuditKey, 6, last.at, "noen", 0, "test", "DELETE", "PoliceDistrict", 1, last.hash)
			exec(t, db, `INSERT INTO audit_events (seq, occurred_at, actor, operation, action, entity_type, entity_id, prev_hash, hash)
				VALUES (6, $1, 'noen', 'test', 'DELETE', 'PoliceDistrict', 1, $2, $3)`, last.at, last.hash, h)
			st, err = chain.Verify(context.Background())
			if err != nil || st.Intact() || st.FirstBrokenSeq != 6 || !strings.Contains(st.Problem, "gammel nøkkel") {
				t.Fatalf("a row added with the retired key: verify = %+v, %v", st, err)
			}
		})
	}
}
