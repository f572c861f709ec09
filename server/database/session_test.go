package database_test

import (
	"context"
	"strings"
	"testing"

	"varsel/dbtest"
	"varsel/server/database"
)

// Varsel's PostgreSQL sessions run without JIT compilation unless the URL
// says otherwise: the reports spent longer compiling than running.
func TestPostgresSessionsRunWithoutJIT(t *testing.T) {
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
		db.Close()
		if jit != c.want {
			t.Errorf("jit is %s with %s, want %s", jit, c.url, c.want)
		}
	}
}
