package server_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"varsel/dbtest"
)

// The security issue, end to end: Varsel migrated by the owner and run as
// the application role; the auditor's check verifies the chain with the key
// and against the checkpoint the server signed at start, and so sees rows
// cut off by someone with the owner's rights, who can switch the guards off.
func TestTheAuditorSeesRowsCutOffTheChain(t *testing.T) {
	owner := dbtest.CreateDatabase(t, "")
	ts := startServer(t, dialect.Postgres, "DATABASE_MIGRATE_URL="+owner, "DATABASE_URL="+dbtest.AppRoleURL(t, owner))
	const q = `{ auditChainStatus { intact checked firstBrokenSeq problem } }`
	st := ts.as("revisor", q, nil)
	checked, _ := get(st, "auditChainStatus", "checked").(float64)
	if get(st, "auditChainStatus", "intact") != true || checked < 20 {
		t.Fatalf("before: auditChainStatus = %v", st)
	}

	// Signed now, so that the jobs' own changes since the start are in it.
	cp, _, err := ts.srv.AuditChain().Checkpoint(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("postgres", owner)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, stmt := range []string{
		"ALTER TABLE audit_events DISABLE TRIGGER USER",
		fmt.Sprintf("DELETE FROM audit_events WHERE seq > %d", cp.Seq-3),
	} {
		if _, err := db.ExecContext(context.Background(), stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	st = ts.as("revisor", q, nil)
	problem, _ := get(st, "auditChainStatus", "problem").(string)
	if get(st, "auditChainStatus", "intact") != false || get(st, "auditChainStatus", "firstBrokenSeq") != float64(cp.Seq-2) || !strings.Contains(problem, "slettet") {
		t.Fatalf("after the cut: auditChainStatus = %v, want broken at row %d", st, cp.Seq-2)
	}
}
