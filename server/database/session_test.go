package database_test

import (
	"context"
	"strings"
	"testing"

	"varsel/dbtest"
	"varsel/server/database"
)

// Varsel's PostgreSQL sessions run without JIT compilation unless the URL
// says otherwise: the reports spent longer compiling than running. Queries
// with arguments run as kept prepared statements, on any connection.
func TestPostgresSessions(t *testing.T) {
	ctx := context.Background()
	base := dbtest.CreateDatabase(t, "")
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	for _, c := range []struct{ url, want string }{{base, "off"}, {base + sep + "jit=on", "on"}} {
		db, err := database.OpenPostgres(ctx, c.url)
		if err != nil {
			t.Fatal(err)
		}
		var jit string
		if err := db.QueryRowContext(ctx, "SHOW jit").Scan(&jit); err != nil {
			t.Fatal(err)
		}
		// The same statement, again and again, on the pool's connections,
		// in and out of transactions, failing and not.
		for i := range 50 {
			var n int
			if err := db.QueryRowContext(ctx, "SELECT $1::int + 1", i).Scan(&n); err != nil || n != i+1 {
				t.Fatalf("query %d: %d, %v", i, n, err)
			}
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.ExecContext(ctx, "SELECT 1 / $1::int", i%2); (err == nil) != (i%2 == 1) {
				t.Fatalf("exec %d: %v", i, err)
			}
			tx.Rollback()
		}
		var prepared int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM pg_prepared_statements WHERE $1", true).Scan(&prepared); err != nil {
			t.Fatal(err)
		}
		if prepared == 0 {
			t.Error("no statement is kept prepared")
		}
		db.Close()
		if jit != c.want {
			t.Errorf("jit is %s with %s, want %s", jit, c.url, c.want)
		}
	}
}
