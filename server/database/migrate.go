package database

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"

	"entgo.io/ent/dialect"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/rivermigrate"
)

// The migrations are generated from ent/schema by ./generate (make
// migrations), plus hand-written ones for what ent cannot express (triggers).
//
//go:embed migrations/postgres/*.sql migrations/sqlite/*.sql
var migrationFiles embed.FS

func (db *DB) provider() (*goose.Provider, error) {
	var (
		dia  = goose.DialectSQLite3
		opts = []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	)
	if db.Dialect == dialect.Postgres {
		dia = goose.DialectPostgres
		// Two processes starting at once against one database migrate once.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	fsys, err := MigrationFiles(db.Dialect)
	if err != nil {
		return nil, err
	}
	return goose.NewProvider(dia, db.DB, fsys, opts...)
}

// Migrate applies every migration not yet applied, and returns how many it
// applied. On PostgreSQL it also migrates the job queue's (River's) tables,
// so that the role that owns the schema creates them too, and the server's
// role needs no right to change the schema (see the migration
// application_role). SQLite's job queue is migrated when it starts, on its
// own connection.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	p, err := db.provider()
	if err != nil {
		return 0, err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return len(results), fmt.Errorf("applying migrations: %w", err)
	}
	if db.Dialect == dialect.Postgres {
		m, err := rivermigrate.New(riverdatabasesql.New(db.DB), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			return len(results), err
		}
		if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
			return len(results), fmt.Errorf("migrating the job queue: %w", err)
		}
	}
	return len(results), nil
}

// Pending reports whether some migration is not applied yet (for /readyz).
func (db *DB) Pending(ctx context.Context) (bool, error) {
	p, err := db.provider()
	if err != nil {
		return false, err
	}
	return p.HasPending(ctx)
}

// Fingerprint identifies the embedded migrations' content, so that a database
// prepared from them (a test template) is never reused after they change.
func Fingerprint() string {
	h := sha256.New()
	fs.WalkDir(migrationFiles, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := migrationFiles.ReadFile(p)
		if err != nil {
			return err
		}
		h.Write([]byte(p))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// MigrationFiles returns the embedded migrations for an ent dialect.
func MigrationFiles(dialectName string) (fs.FS, error) {
	if dialectName == dialect.Postgres {
		return fs.Sub(migrationFiles, "migrations/postgres")
	}
	return fs.Sub(migrationFiles, "migrations/sqlite")
}
