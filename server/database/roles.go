package database

import (
	"context"
	"errors"
	"fmt"

	"entgo.io/ent/dialect"
)

// AppRole is the PostgreSQL role whose rights the server runs with: it may
// read and write the ordinary tables and the job queue's, and only read and
// append to the audit trail and the access log; it owns nothing, so it can
// neither change the schema nor switch the append-only triggers off (RULEBOOK
// PR2, PR3). The migration application_role creates it (NOLOGIN) and grants
// its rights; the server's login role is made a member of it (see README,
// Database roles).
const AppRole = "varsel_app"

// CheckApplicationRole refuses a PostgreSQL connection whose role could undo
// the audit trail's guards: a superuser, the owner of the audit trail (or a
// member of the owner), or a role that may UPDATE, DELETE or TRUNCATE the
// audit trail or the access log. SQLite has no roles.
func (db *DB) CheckApplicationRole(ctx context.Context) error {
	if db.Dialect != dialect.Postgres {
		return nil
	}
	var tooMuch bool
	err := db.QueryRowContext(ctx, `SELECT r.rolsuper
		OR pg_has_role(current_user, c.relowner, 'MEMBER')
		OR has_table_privilege('audit_events', 'UPDATE, DELETE, TRUNCATE')
		OR has_table_privilege('access_log_entries', 'UPDATE, DELETE, TRUNCATE')
		FROM pg_roles r, pg_class c
		WHERE r.rolname = current_user AND c.oid = 'audit_events'::regclass`).Scan(&tooMuch)
	if err != nil {
		return fmt.Errorf("checking the database role's rights: %w", err)
	}
	if tooMuch {
		return errors.New("nekter å starte: DATABASE_URL kobler til som en rolle som eier tabellene, er superbruker " +
			"eller kan endre revisjonssporet, og som dermed kan slå av vernet om det (PR3). " +
			"Kjør migreringene som eieren (DATABASE_MIGRATE_URL, eller varsel migrate med den), og la serveren koble til " +
			"som en rolle som er medlem av " + AppRole + " (se README, Database roles); " +
			"VARSEL_DB_ALLOW_OWNER=1 godtar det likevel")
	}
	return nil
}
