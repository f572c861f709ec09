// Command generate writes a new versioned migration for PostgreSQL and for
// SQLite when the ent schema has changed since the last one. It replays the
// existing migrations on an empty database, diffs that against the schema and
// writes the difference as a goose migration file:
//
//	go run ./server/database/generate -postgres "$TEST_DATABASE_URL" NAME
//
// (make migrations does this with an ephemeral PostgreSQL.) Hand-written
// migrations (triggers) may sit beside the generated ones; the directory's
// checksum file is refreshed so they are accepted.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"path/filepath"

	atlasmigrate "ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/sqltool"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/lib/pq"
	_ "modernc.org/sqlite"

	"varsel/ent/migrate"
)

func main() {
	pgURL := flag.String("postgres", os.Getenv("TEST_DATABASE_URL"), "URL of a PostgreSQL server to replay migrations on (a scratch database is created and dropped)")
	dir := flag.String("dir", "server/database/migrations", "the migrations directory (with postgres/ and sqlite/)")
	flag.Parse()
	if flag.NArg() != 1 || *pgURL == "" {
		log.Fatal("usage: generate -postgres URL NAME")
	}
	name := flag.Arg(0)
	ctx := context.Background()

	sqliteDB, err := sql.Open("sqlite", "file:migrate-dev?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		log.Fatal(err)
	}
	defer sqliteDB.Close()
	if err := diff(ctx, dialect.SQLite, sqliteDB, filepath.Join(*dir, "sqlite"), name); err != nil {
		log.Fatalf("sqlite: %v", err)
	}

	pgDB, drop, err := scratchPostgres(ctx, *pgURL)
	if err != nil {
		log.Fatalf("postgres: %v", err)
	}
	defer drop()
	if err := diff(ctx, dialect.Postgres, pgDB, filepath.Join(*dir, "postgres"), name); err != nil {
		log.Fatalf("postgres: %v", err)
	}
}

func diff(ctx context.Context, dialectName string, db *sql.DB, path, name string) error {
	dir, err := sqltool.NewGooseDir(path)
	if err != nil {
		return err
	}
	// Accept hand-written files: the checksum only guards against editing a
	// migration after it was generated, which review catches anyway.
	sum, err := dir.Checksum()
	if err != nil {
		return err
	}
	if err := atlasmigrate.WriteSumFile(dir, sum); err != nil {
		return err
	}
	return migrate.NewSchema(entsql.OpenDB(dialectName, db)).NamedDiff(ctx, name,
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(dialectName),
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
	)
}

// scratchPostgres creates an empty database on the server at base and returns
// it with a function that drops it.
func scratchPostgres(ctx context.Context, base string) (*sql.DB, func(), error) {
	admin, err := sql.Open("postgres", base)
	if err != nil {
		return nil, nil, err
	}
	name := fmt.Sprintf("varsel_migrate_%d", os.Getpid())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		return nil, nil, err
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, nil, err
	}
	u.Path = "/" + name
	db, err := sql.Open("postgres", u.String())
	if err != nil {
		return nil, nil, err
	}
	return db, func() {
		db.Close()
		admin.ExecContext(ctx, "DROP DATABASE "+name+" WITH (FORCE)")
		admin.Close()
	}, nil
}
