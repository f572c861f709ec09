package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	_ "github.com/lib/pq"
)

// The PostgreSQL server of this test process.
var pg struct {
	once sync.Once
	url  string // base URL, database "postgres"
	dir  string // the ephemeral cluster's directory, if this process started one
	bin  string // where pg_ctl lives
	err  error
}

// PostgresServer returns the base URL of a PostgreSQL server for tests:
// TEST_DATABASE_URL when set, otherwise an ephemeral cluster started once per
// test process from the machine's PostgreSQL binaries (as the postgres user
// when running as root, since PostgreSQL refuses to run as root), listening
// only on loopback. Stop (or Main) removes it.
func PostgresServer(tb testing.TB) string {
	tb.Helper()
	pg.once.Do(func() {
		if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
			pg.url = u
			return
		}
		pg.url, pg.err = startCluster()
	})
	if pg.err != nil {
		tb.Fatalf("dbtest: no PostgreSQL for tests: %v\nInstall the server (apt-get install -y postgresql) or set TEST_DATABASE_URL.", pg.err)
	}
	return pg.url
}

// Stop stops the ephemeral cluster this process started, if any.
func Stop() {
	if pg.dir == "" {
		return
	}
	runAsPostgres(filepath.Join(pg.bin, "pg_ctl"), "stop", "-D", filepath.Join(pg.dir, "data"), "-m", "immediate", "-s")
	os.RemoveAll(pg.dir)
	pg.dir = ""
}

// Main runs the package's tests and stops the cluster afterwards. Use it as
// TestMain in every package whose tests use PostgreSQL.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// CreateDatabase creates a fresh database, from template when it is not
// empty, and returns its URL. The database is dropped when the test ends.
func CreateDatabase(tb testing.TB, template string) string {
	tb.Helper()
	base := PostgresServer(tb)
	admin := openAdmin(tb, base)
	name := "varsel_test_" + randomSuffix()
	stmt := "CREATE DATABASE " + name
	if template != "" {
		stmt += " TEMPLATE " + template
	}
	if _, err := admin.Exec(stmt); err != nil {
		tb.Fatalf("dbtest: %s: %v", stmt, err)
	}
	tb.Cleanup(func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			tb.Errorf("dbtest: dropping %s: %v", name, err)
		}
	})
	return withDatabase(base, name)
}

// CreateTemplate makes sure a template database called name exists, running
// setup on it exactly once even when several test processes share a server,
// and returns name. A half-made template (setup failed or was interrupted) is
// rebuilt.
func CreateTemplate(tb testing.TB, name string, setup func(url string) error) string {
	tb.Helper()
	base := PostgresServer(tb)
	admin := openAdmin(tb, base)
	ctx := context.Background()
	conn, err := admin.Conn(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	h := fnv.New64a()
	h.Write([]byte(name))
	lock := int64(h.Sum64())
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", lock); err != nil {
		tb.Fatal(err)
	}
	defer conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", lock)

	var isTemplate bool
	err = conn.QueryRowContext(ctx, "SELECT datistemplate FROM pg_database WHERE datname = $1", name).Scan(&isTemplate)
	switch {
	case err == nil && isTemplate:
		return name
	case err == nil:
		if _, err := conn.ExecContext(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			tb.Fatal(err)
		}
	case err != sql.ErrNoRows:
		tb.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatal(err)
	}
	if err := setup(withDatabase(base, name)); err != nil {
		tb.Fatalf("dbtest: preparing template %s: %v", name, err)
	}
	if _, err := conn.ExecContext(ctx, "ALTER DATABASE "+name+" IS_TEMPLATE true"); err != nil {
		tb.Fatal(err)
	}
	return name
}

var admins sync.Map // base URL → *sql.DB

func openAdmin(tb testing.TB, base string) *sql.DB {
	if db, ok := admins.Load(base); ok {
		return db.(*sql.DB)
	}
	db, err := sql.Open("postgres", base)
	if err != nil {
		tb.Fatal(err)
	}
	db.SetMaxOpenConns(4)
	actual, _ := admins.LoadOrStore(base, db)
	return actual.(*sql.DB)
}

func withDatabase(base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + name
	return u.String()
}

func randomSuffix() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// startCluster initialises and starts a throw-away cluster and returns its URL.
func startCluster() (string, error) {
	bin, err := postgresBin()
	if err != nil {
		return "", err
	}
	pg.bin = bin
	dir, err := os.MkdirTemp("", "varsel-pg-")
	if err != nil {
		return "", err
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return "", fmt.Errorf("running as root needs the postgres user to run the server: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return "", err
		}
	}
	pg.dir = dir
	data := filepath.Join(dir, "data")
	if out, err := runAsPostgres(filepath.Join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres",
		"-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return "", fmt.Errorf("initdb: %v: %s", err, out)
	}
	port, err := freePort()
	if err != nil {
		return "", err
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "+
		"-c full_page_writes=off -c max_connections=300", port, dir)
	if out, err := runAsPostgres(filepath.Join(bin, "pg_ctl"), "start", "-D", data, "-o", opts,
		"-l", filepath.Join(dir, "log"), "-w", "-t", "60", "-s"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		return "", fmt.Errorf("pg_ctl start: %v: %s\n%s", err, out, log)
	}
	base := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	db, err := sql.Open("postgres", base)
	if err != nil {
		return "", err
	}
	defer db.Close()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if err = db.Ping(); err == nil || time.Now().After(deadline) {
			break
		}
	}
	return base, err
}

// postgresBin finds the directory of initdb and pg_ctl: on PATH, or where
// Debian installs them.
func postgresBin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Dir(real), nil
		}
		return filepath.Dir(p), nil
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) > 0 {
		return filepath.Dir(matches[len(matches)-1]), nil
	}
	return "", fmt.Errorf("initdb not found on PATH or in /usr/lib/postgresql/*/bin")
}

func runAsPostgres(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	if os.Geteuid() == 0 {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	}
	return cmd.CombinedOutput()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
