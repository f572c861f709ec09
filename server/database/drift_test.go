package database_test

import (
	"context"
	"os"
	"testing"

	atlasmigrate "ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/sqltool"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"

	"varsel/dbtest"
	"varsel/ent/migrate"
	"varsel/server/database"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// The platform issue: the versioned migrations give exactly the schema
// ent/schema describes. This runs what `make migrations` runs — replay the
// migrations on an empty database and diff against the schema — and fails
// when that would write a new migration, showing it.
func TestMigrationsMatchTheSchema(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			files, err := database.MigrationFiles(d)
			if err != nil {
				t.Fatal(err)
			}
			tmp := t.TempDir()
			if err := os.CopyFS(tmp, files); err != nil {
				t.Fatal(err)
			}
			dir, err := sqltool.NewGooseDir(tmp)
			if err != nil {
				t.Fatal(err)
			}
			before := len(mustFiles(t, dir))
			sum, err := dir.Checksum()
			if err != nil {
				t.Fatal(err)
			}
			if err := atlasmigrate.WriteSumFile(dir, sum); err != nil {
				t.Fatal(err)
			}

			db := emptyDatabase(t, d)
			err = migrate.NewSchema(entsql.OpenDB(d, db.DB)).NamedDiff(context.Background(), "drift",
				schema.WithDir(dir), schema.WithMigrationMode(schema.ModeReplay), schema.WithDialect(d),
				schema.WithDropColumn(true), schema.WithDropIndex(true))
			if err != nil {
				t.Fatal(err)
			}
			if after := mustFiles(t, dir); len(after) != before {
				t.Fatalf("the migrations differ from ent/schema; run `make migrations` and commit the result. It would add:\n%s",
					after[len(after)-1].Bytes())
			}
		})
	}
}

func mustFiles(t *testing.T, dir *sqltool.GooseDir) []atlasmigrate.File {
	t.Helper()
	files, err := dir.Files()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// emptyDatabase is a database without any table, as replay needs.
func emptyDatabase(t *testing.T, d string) *database.DB {
	t.Helper()
	var (
		db  *database.DB
		err error
	)
	if d == dialect.Postgres {
		db, err = database.OpenPostgres(context.Background(), dbtest.CreateDatabase(t, ""))
	} else {
		db, err = database.OpenSQLite(context.Background(), t.TempDir()+"/dev.db")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
