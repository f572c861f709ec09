package database_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"varsel"
	"varsel/audit"
	"varsel/dbtest"
	"varsel/ent/accesslogentry"
	"varsel/ent/rule"
	"varsel/server/database"
)

// The security issue, least privilege: the server's role (a member of
// varsel_app) does the application's work — ordinary tables, appending to
// the audit trail and the access log, the job queue — but is refused
// everything that would let it rewrite or switch off the audit trail's
// guards. The owner that ran the migrations may; the server must not.
func TestTheApplicationRoleCannotUndoTheAuditTrail(t *testing.T) {
	ctx := context.Background()
	owner := dbtest.Open(t, dialect.Postgres)
	app, err := database.OpenPostgres(ctx, dbtest.AppRoleURL(t, owner.URL))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })

	// The application's work, as the application role.
	client := app.Client(dbtest.AuditKey)
	admin := audit.WithOperation(varsel.NewContext(ctx, &varsel.Viewer{Subject: "admin", Roles: []varsel.Role{varsel.RoleAdmin}}), "test")
	tx, err := client.Tx(admin)
	if err != nil {
		t.Fatal(err)
	}
	d, err := tx.PoliceDistrict.Create().SetName("Øst").SetCode("ost").Save(admin)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.PoliceDistrict.UpdateOne(d).SetName("Øst politidistrikt").Exec(admin); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	sys := varsel.SystemContext(ctx)
	if err := client.AccessLogEntry.Create().SetOccurredAt(time.Now()).SetActor("saksbehandler").
		SetPersonType(accesslogentry.PersonTypeVICTIM).SetPersonID(1).SetCriminalCaseID(1).SetIdentity(true).
		Exec(rule.AppendOnlyWriter(sys)); err != nil {
		t.Fatalf("appending to the access log: %v", err)
	}
	for _, stmt := range []string{
		"SELECT count(*) FROM audit_events",
		"SELECT count(*) FROM access_log_entries",
		"DELETE FROM police_districts WHERE code = 'ingen'",
		// The job queue (River), migrated by the owner.
		"INSERT INTO river_job (args, kind, max_attempts, queue, state) VALUES ('{}', 'test', 1, 'default', 'available')",
		"UPDATE river_job SET attempt = 1 WHERE kind = 'test'",
		"DELETE FROM river_job WHERE kind = 'test'",
		"SELECT count(*) FROM river_leader",
	} {
		if _, err := app.ExecContext(ctx, stmt); err != nil {
			t.Errorf("%s: %v, want the application role to be allowed", stmt, err)
		}
	}
	if err := app.CheckApplicationRole(ctx); err != nil {
		t.Errorf("the application role was refused: %v", err)
	}
	if st, err := audit.Verify(ctx, app.DB, dbtest.AuditKey, ""); err != nil || !st.Intact() || st.Checked != 2 {
		t.Errorf("verify as the application role = %+v, %v", st, err)
	}

	// What it is refused.
	for _, stmt := range []string{
		"ALTER TABLE audit_events DISABLE TRIGGER USER",
		"ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only",
		"ALTER TABLE access_log_entries DISABLE TRIGGER USER",
		"ALTER TABLE audit_events ADD COLUMN x int",
		"ALTER TABLE police_districts ADD COLUMN x int",
		"DROP TRIGGER audit_events_append_only ON audit_events",
		"DROP TABLE audit_events",
		"UPDATE audit_events SET actor = 'x'",
		"DELETE FROM audit_events",
		"TRUNCATE audit_events",
		"UPDATE access_log_entries SET actor = 'x'",
		"DELETE FROM access_log_entries",
		"TRUNCATE access_log_entries",
		"DELETE FROM goose_db_version",
		"SET session_replication_role = replica", // would skip triggers
	} {
		_, err := app.ExecContext(ctx, stmt)
		if err == nil || !(strings.Contains(err.Error(), "permission denied") || strings.Contains(err.Error(), "must be owner")) {
			t.Errorf("%s: err = %v, want permission denied", stmt, err)
		}
	}

	// The owner is refused as the server's role.
	if err := owner.CheckApplicationRole(ctx); err == nil || !strings.Contains(err.Error(), "VARSEL_DB_ALLOW_OWNER") {
		t.Errorf("owner: err = %v, want a refusal", err)
	}
}
