package dbtest

import (
	"context"
	"testing"

	"entgo.io/ent/dialect"

	"varsel/audit"
	"varsel/ent"
	_ "varsel/ent/runtime" // the schema's policies and hooks
	"varsel/server/database"
)

// Dialects are the databases every storage test runs against.
var Dialects = []string{dialect.SQLite, dialect.Postgres}

// AuditKey is the audit chain's key in tests.
var AuditKey = func() *audit.Key {
	k, err := audit.NewKey([]byte("varsel test audit key, 32 bytes or more"))
	if err != nil {
		panic(err)
	}
	return k
}()

// DB is a fresh, migrated database for one test, with an ent client that
// writes the audit trail like the server's, with AuditKey.
type DB struct {
	*database.DB
	Client *ent.Client
	// Chain is the audit chain, with AuditKey and a checkpoint directory of
	// the test's own.
	Chain audit.Chain
	// URL is the PostgreSQL database's URL, as the server's superuser; ""
	// for SQLite.
	URL string
}

// Open returns a fresh database of the given dialect with every migration
// applied. SQLite lives in the test's temp dir; PostgreSQL is cloned from a
// template migrated once per version of the migrations. Both are removed when
// the test ends.
func Open(tb testing.TB, dialectName string) *DB {
	tb.Helper()
	ctx := context.Background()
	var (
		db  *database.DB
		url string
		err error
	)
	switch dialectName {
	case dialect.SQLite:
		db, err = database.OpenSQLite(ctx, tb.TempDir()+"/varsel.db")
		if err == nil {
			_, err = db.Migrate(ctx)
		}
	case dialect.Postgres:
		template := CreateTemplate(tb, "varsel_tmpl_"+database.Fingerprint(), func(dsn string) error {
			db, err := database.OpenPostgres(ctx, dsn)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Migrate(ctx)
			return err
		})
		url = CreateDatabase(tb, template)
		db, err = database.OpenPostgres(ctx, url)
	default:
		tb.Fatalf("dbtest: unknown dialect %q", dialectName)
	}
	if err != nil {
		tb.Fatalf("dbtest: %s: %v", dialectName, err)
	}
	tb.Cleanup(func() { db.Close() })
	return &DB{DB: db, Client: db.Client(AuditKey), URL: url,
		Chain: audit.Chain{DB: db.DB, Key: AuditKey, Checkpoints: audit.CheckpointDir(tb.TempDir())}}
}
