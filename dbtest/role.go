package dbtest

import (
	"net/url"
	"testing"

	"github.com/lib/pq"

	"varsel/server/database"
)

// AppRoleURL returns dsn (a database of the test server) with a login role
// of its own that is a member of database.AppRole and nothing more: the
// rights the server runs with in production. The role, and database.AppRole
// when no migration has made it yet, are created on the test server; the
// login role is dropped when the test ends.
func AppRoleURL(tb testing.TB, dsn string) string {
	tb.Helper()
	PostgresServer(tb)
	name, password := "varsel_app_test_"+randomSuffix(), randomSuffix()+randomSuffix()
	for _, stmt := range []string{
		// As the migration application_role does, racing other tests.
		`DO $$ BEGIN
			IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '` + database.AppRole + `') THEN
				BEGIN CREATE ROLE ` + database.AppRole + ` NOLOGIN;
				EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
			END IF;
		END $$`,
		"CREATE ROLE " + pq.QuoteIdentifier(name) + " LOGIN PASSWORD " + pq.QuoteLiteral(password) + " IN ROLE " + database.AppRole,
	} {
		if _, err := pg.admin.Exec(stmt); err != nil {
			tb.Fatalf("dbtest: %s: %v", stmt, err)
		}
	}
	tb.Cleanup(func() {
		if _, err := pg.admin.Exec("DROP ROLE IF EXISTS " + pq.QuoteIdentifier(name)); err != nil {
			tb.Errorf("dbtest: dropping role %s: %v", name, err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	u.User = url.UserPassword(name, password)
	return u.String()
}
