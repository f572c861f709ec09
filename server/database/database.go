// Package database opens Varsel's database — PostgreSQL in production,
// SQLite (pure Go) in dev mode and tests — and keeps its schema current with
// the versioned migrations embedded from migrations/.
package database

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/lib/pq"    // PostgreSQL
	_ "modernc.org/sqlite" // SQLite

	"varsel/audit"
	"varsel/ent"
)

// DB is an open database and its ent dialect name.
type DB struct {
	*sql.DB
	Dialect string
	path    string // the SQLite file
}

// OpenPostgres opens the PostgreSQL database at url (lib/pq syntax) and checks
// that it answers.
func OpenPostgres(ctx context.Context, url string) (*DB, error) {
	connector, err := pq.NewConnector(withSessionDefaults(url))
	if err != nil {
		return nil, fmt.Errorf("PostgreSQL at %s: %w", redact(url), err)
	}
	db := sql.OpenDB(cachingConnector{connector})
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := ping(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("PostgreSQL at %s: %w", redact(url), err)
	}
	return &DB{DB: db, Dialect: dialect.Postgres}, nil
}

// sessionDefaults are the PostgreSQL settings Varsel's sessions run with
// unless the URL sets them. JIT compilation is off: Varsel's statements are
// short, and the larger reports, whose estimated cost passes PostgreSQL's JIT
// threshold, spent more time compiling (a few hundred milliseconds) than
// running.
//
// Parallel query is off too: Varsel's statements are short, and their
// workers would compete with the other requests for the server's cores (on
// the benchmark's two cores the reports ran a third faster without).
var sessionDefaults = map[string]string{"jit": "off", "max_parallel_workers_per_gather": "0"}

// withSessionDefaults adds sessionDefaults to a lib/pq URL or key=value
// connection string; lib/pq passes parameters it does not know to the server
// as run-time settings.
func withSessionDefaults(dsn string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return dsn // lib/pq reports the error
		}
		q := u.Query()
		for k, v := range sessionDefaults {
			if !q.Has(k) {
				q.Set(k, v)
			}
		}
		u.RawQuery = q.Encode()
		return u.String()
	}
	for k, v := range sessionDefaults {
		if !strings.Contains(" "+dsn, " "+k+"=") {
			dsn += " " + k + "=" + v
		}
	}
	return dsn
}

// OpenSQLite opens (creating if needed) the SQLite database file at path.
// Writes take the lock when the transaction begins, so concurrent writers
// queue instead of failing, and reads go on beside them (WAL).
func OpenSQLite(ctx context.Context, path string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	if err := ping(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("SQLite at %s: %w", path, err)
	}
	return &DB{DB: db, Dialect: dialect.SQLite, path: path}, nil
}

// JobsPool returns the connection pool for the job queue: the same pool for
// PostgreSQL; for SQLite a second pool on the same file with one connection,
// as River's SQLite driver needs. The caller closes a pool that is not db.
func (db *DB) JobsPool(ctx context.Context) (*sql.DB, error) {
	if db.Dialect != dialect.SQLite {
		return db.DB, nil
	}
	jobs, err := OpenSQLite(ctx, db.path)
	if err != nil {
		return nil, err
	}
	jobs.SetMaxOpenConns(1)
	return jobs.DB, nil
}

// Client returns an ent client on db that writes the audit trail (PR3),
// hashing its rows with key. The schema's policies and hooks are registered
// by importing varsel/ent/runtime, which the caller does.
func (db *DB) Client(key *audit.Key, opts ...ent.Option) *ent.Client {
	client := ent.NewClient(append(opts, ent.Driver(entsql.OpenDB(db.Dialect, db.DB)))...)
	client.Use(audit.Hook(db.Dialect, key))
	return client
}

func ping(ctx context.Context, db *sql.DB) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return db.PingContext(ctx)
}

// redact hides the password of a database URL for messages.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return strings.SplitN(s, "?", 2)[0]
	}
	u.User = url.User(u.User.Username())
	u.RawQuery = ""
	return u.String()
}
