package audit_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"varsel"
	"varsel/audit"
	"varsel/dbtest"
	"varsel/ent"
	"varsel/ent/accesslogentry"
	"varsel/ent/auditevent"
	"varsel/ent/rule"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// admin is the viewer the tests change reference data as.
var admin = &varsel.Viewer{Subject: "admin", Name: "Adam Holm", Roles: []varsel.Role{varsel.RoleAdmin}}

// createDistricts creates n police districts, each in its own transaction.
func createDistricts(t *testing.T, client *ent.Client, n int) {
	t.Helper()
	createDistrictsFrom(t, client, 0, n)
}

// createDistrictsFrom creates n police districts numbered from first.
func createDistrictsFrom(t *testing.T, client *ent.Client, first, n int) {
	t.Helper()
	ctx := audit.WithOperation(varsel.NewContext(context.Background(), admin), "test")
	for i := first; i < first+n; i++ {
		tx, err := client.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.PoliceDistrict.Create().SetName(fmt.Sprintf("District %d", i)).SetCode(fmt.Sprintf("d%d", i)).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}

func verify(t *testing.T, db *dbtest.DB) audit.Status {
	t.Helper()
	st, err := db.Chain.Verify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// PR3: every change writes an audit row in its transaction, with actor,
// action, entity, id and time, and the chain verifies.
func TestEveryChangeIsAuditedAndTheChainVerifies(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			db := dbtest.Open(t, d)
			createDistricts(t, db.Client, 3)

			sys := varsel.SystemContext(context.Background())
			events, err := db.Client.AuditEvent.Query().Order(ent.Asc(auditevent.FieldSeq)).All(sys)
			if err != nil {
				t.Fatal(err)
			}
			if len(events) != 3 {
				t.Fatalf("got %d audit rows, want 3", len(events))
			}
			for i, e := range events {
				if e.Seq != int64(i+1) || e.Actor != "admin" || e.Action != auditevent.ActionCREATE ||
					e.EntityType != ent.TypePoliceDistrict || e.EntityID == 0 || e.Operation != "test" || e.OccurredAt.IsZero() {
					t.Errorf("row %d = %+v", i, e)
				}
				if i > 0 && e.PrevHash != events[i-1].Hash {
					t.Errorf("row %d does not link to row %d", e.Seq, events[i-1].Seq)
				}
			}
			if st := verify(t, db); !st.Intact() || st.Checked != 3 {
				t.Fatalf("verify = %+v, want intact with 3 rows", st)
			}
		})
	}
}

// PR3: a change outside a transaction is refused, so no change can escape
// the audit trail.
func TestChangeOutsideTransactionIsRefused(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			db := dbtest.Open(t, d)
			ctx := varsel.NewContext(context.Background(), admin)
			err := db.Client.PoliceDistrict.Create().SetName("Utenfor").SetCode("utenfor").Exec(ctx)
			if err == nil || !strings.Contains(err.Error(), "outside a transaction") {
				t.Fatalf("err = %v, want refusal outside a transaction", err)
			}
			n, _ := db.Client.PoliceDistrict.Query().Count(varsel.SystemContext(context.Background()))
			if n != 0 {
				t.Fatalf("%d districts stored without an audit row", n)
			}
		})
	}
}

// PR3: no role can edit or delete the audit trail: ent refuses, and so does
// the database, whoever asks.
func TestAuditTrailCannotBeEditedOrDeleted(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			db := dbtest.Open(t, d)
			createDistricts(t, db.Client, 1)
			sys := varsel.SystemContext(context.Background())
			// Row triggers need a row: one access-log entry, by its own writer.
			if err := db.Client.AccessLogEntry.Create().SetOccurredAt(time.Now()).SetActor("saksbehandler").
				SetPersonType(accesslogentry.PersonTypeVICTIM).SetPersonID(1).SetCriminalCaseID(1).SetIdentity(true).
				Exec(rule.AppendOnlyWriter(sys)); err != nil {
				t.Fatal(err)
			}
			if err := db.Client.AccessLogEntry.Create().SetOccurredAt(time.Now()).SetActor("x").
				SetPersonType(accesslogentry.PersonTypeVICTIM).SetPersonID(1).SetCriminalCaseID(1).Exec(sys); err == nil {
				t.Error("an access-log entry was written by someone other than its writer")
			}
			if _, err := db.Client.AuditEvent.Update().Save(sys); err == nil {
				t.Error("ent allowed an update of the audit trail")
			}
			if _, err := db.Client.AuditEvent.Delete().Exec(sys); err == nil {
				t.Error("ent allowed a delete from the audit trail")
			}
			for _, stmt := range []string{
				"UPDATE audit_events SET actor = 'x'",
				"DELETE FROM audit_events",
				"UPDATE access_log_entries SET actor = 'x'",
				"DELETE FROM access_log_entries",
			} {
				if _, err := db.ExecContext(context.Background(), stmt); err == nil || !strings.Contains(err.Error(), "append-only") {
					t.Errorf("%s: err = %v, want the database's append-only refusal", stmt, err)
				}
			}
			if st := verify(t, db); !st.Intact() {
				t.Fatalf("verify = %+v", st)
			}
		})
	}
}

// disableGuards lets the test tamper with the table the way someone with
// database superuser rights could.
func disableGuards(t *testing.T, db *dbtest.DB) {
	t.Helper()
	stmts := []string{"ALTER TABLE audit_events DISABLE TRIGGER USER"} // as the owner
	if db.Dialect == dialect.SQLite {
		stmts = []string{"DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete"}
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
}

// PR3: the chain is tamper-evident: verification names the first broken link.
func TestVerifyFindsTheFirstBrokenLink(t *testing.T) {
	tamper := []struct {
		name     string
		stmt     string
		wantSeq  int64
		wantWord string
	}{
		{"an edited actor", "UPDATE audit_events SET actor = 'someone-else' WHERE seq = 3", 3, "endret"},
		{"an edited entity id", "UPDATE audit_events SET entity_id = entity_id + 1 WHERE seq = 2", 2, "endret"},
		{"a deleted row", "DELETE FROM audit_events WHERE seq = 4", 4, "mangler"},
		{"a row re-hashed after editing", "UPDATE audit_events SET actor = 'x', hash = 'f00' WHERE seq = 2", 2, "endret"},
	}
	for _, d := range dbtest.Dialects {
		for _, tc := range tamper {
			t.Run(d+"/"+tc.name, func(t *testing.T) {
				db := dbtest.Open(t, d)
				createDistricts(t, db.Client, 5)
				disableGuards(t, db)
				if _, err := db.ExecContext(context.Background(), tc.stmt); err != nil {
					t.Fatal(err)
				}
				st := verify(t, db)
				if st.Intact() || st.FirstBrokenSeq != tc.wantSeq || !strings.Contains(st.Problem, tc.wantWord) {
					t.Fatalf("verify = %+v, want broken at %d (%s)", st, tc.wantSeq, tc.wantWord)
				}
			})
		}
	}
}

// PR3: concurrent transactions append to one chain without forking it.
func TestConcurrentChangesKeepOneChain(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			db := dbtest.Open(t, d)
			ctx := varsel.NewContext(context.Background(), admin)
			const writers, each = 8, 5
			var wg sync.WaitGroup
			errs := make(chan error, writers*each)
			for w := range writers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range each {
						tx, err := db.Client.Tx(ctx)
						if err != nil {
							errs <- err
							return
						}
						code := fmt.Sprintf("w%d-%d", w, i)
						if err := tx.PoliceDistrict.Create().SetName(code).SetCode(code).Exec(ctx); err != nil {
							tx.Rollback()
							errs <- err
							return
						}
						if err := tx.Commit(); err != nil {
							errs <- err
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			if st := verify(t, db); !st.Intact() || st.Checked != writers*each {
				t.Fatalf("verify = %+v, want intact with %d rows", st, writers*each)
			}
		})
	}
}
