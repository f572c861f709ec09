package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lib/pq"
)

// maintenanceDB is where databases are created and dropped and where the
// template lock is taken. Advisory locks are scoped to a database, so every
// test process must take them in the same one.
const maintenanceDB = "postgres"

// The PostgreSQL server of this test process.
var pg struct {
	once    sync.Once
	url     string   // base URL handed to tests
	admin   *sql.DB  // a pool on the maintenance database
	cluster *cluster // the ephemeral cluster, if this process started one
	err     error
}

// PostgresServer returns the base URL of a PostgreSQL server for tests:
// TEST_DATABASE_URL when set, otherwise an ephemeral cluster started once per
// test process from the machine's PostgreSQL binaries, listening only on
// loopback. Stop (or Main) removes it; should the process die first, the
// server goes with it.
func PostgresServer(tb testing.TB) string {
	tb.Helper()
	pg.once.Do(func() {
		if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
			pg.url, pg.err = checkURL(u)
		} else {
			pg.cluster, pg.url, pg.err = startCluster()
			if pg.err != nil {
				pg.err = fmt.Errorf("%w\nInstall the PostgreSQL server (apt-get install -y postgresql, or run scripts/ensure-tools as root), "+
					"or set TEST_DATABASE_URL to a postgres:// URL of a role that may create databases", pg.err)
			}
		}
		if pg.err != nil {
			return
		}
		if pg.admin, pg.err = sql.Open("postgres", withDatabase(pg.url, maintenanceDB)); pg.err == nil {
			// Parallel tests share the pool; a few connections are plenty for
			// CREATE and DROP DATABASE, and spare the server's connection limit.
			pg.admin.SetMaxOpenConns(4)
		}
	})
	if pg.err != nil {
		tb.Fatalf("dbtest: no PostgreSQL server for tests: %v", pg.err)
	}
	return pg.url
}

// checkURL accepts only URLs, since databases are addressed by replacing the
// URL's path.
func checkURL(u string) (string, error) {
	parsed, err := url.Parse(u)
	if err != nil || (parsed.Scheme != "postgres" && parsed.Scheme != "postgresql") || parsed.Host == "" {
		return "", fmt.Errorf("TEST_DATABASE_URL must be a URL like postgres://user@host:5432/postgres?sslmode=disable, not %q", u)
	}
	return u, nil
}

// Stop stops and removes the ephemeral cluster this process started, if any.
// Call it once the tests are done, as Main does.
func Stop() {
	if pg.cluster == nil {
		return
	}
	if pg.admin != nil {
		pg.admin.Close()
	}
	pg.cluster.remove()
	pg.cluster = nil
}

// Main runs the package's tests and stops the cluster afterwards. Use it as
// TestMain in every package whose tests use PostgreSQL.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// CreateDatabase creates a fresh database, a copy of template when it is not
// empty, and returns its URL. The database is dropped when the test ends.
func CreateDatabase(tb testing.TB, template string) string {
	tb.Helper()
	base := PostgresServer(tb)
	if template == "" {
		// Nobody can connect to template0, so unlike template1 a stray
		// session on the shared server cannot make the copy fail.
		template = "template0"
	}
	name := "varsel_test_" + randomSuffix()
	stmt := "CREATE DATABASE " + pq.QuoteIdentifier(name) + " TEMPLATE " + pq.QuoteIdentifier(template)
	if _, err := pg.admin.Exec(stmt); err != nil {
		tb.Fatalf("dbtest: %s: %v", stmt, err)
	}
	tb.Cleanup(func() {
		if _, err := pg.admin.Exec("DROP DATABASE IF EXISTS " + pq.QuoteIdentifier(name) + " WITH (FORCE)"); err != nil {
			tb.Errorf("dbtest: dropping database %s: %v", name, err)
		}
	})
	return withDatabase(base, name)
}

// CreateTemplate makes sure a template database called name exists, running
// setup on it exactly once even when several test processes share the server,
// and returns name. A half-made template (setup failed or was interrupted) is
// rebuilt. Names are never reused for different content: put a version or
// fingerprint of what setup does into name.
func CreateTemplate(tb testing.TB, name string, setup func(dsn string) error) string {
	tb.Helper()
	base := PostgresServer(tb)
	if len(name) > 63 {
		// PostgreSQL would silently truncate the name, so it would never be
		// found again and setup would run on every call.
		tb.Fatalf("dbtest: template name %q is longer than PostgreSQL's 63 bytes", name)
	}
	ctx := context.Background()
	if isTemplate(ctx, tb, pg.admin, name) {
		return name
	}

	// Another test or process may be making it right now: check again under
	// a lock they all share.
	conn, err := pg.admin.Conn(ctx)
	if err != nil {
		tb.Fatalf("dbtest: %v", err)
	}
	defer conn.Close()
	h := fnv.New64a()
	h.Write([]byte(name))
	lock := int64(h.Sum64())
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", lock); err != nil {
		tb.Fatalf("dbtest: locking template %s: %v", name, err)
	}
	defer conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", lock)
	if isTemplate(ctx, tb, conn, name) {
		return name
	}

	ident := pq.QuoteIdentifier(name)
	for _, stmt := range []string{
		"DROP DATABASE IF EXISTS " + ident + " WITH (FORCE)", // a half-made one
		"CREATE DATABASE " + ident + " TEMPLATE template0",
	} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			tb.Fatalf("dbtest: %s: %v", stmt, err)
		}
	}
	if err := setup(withDatabase(base, name)); err != nil {
		conn.ExecContext(ctx, "DROP DATABASE "+ident+" WITH (FORCE)")
		tb.Fatalf("dbtest: preparing template %s: %v", name, err)
	}
	// Setup may leave pooled connections open, and any session on the
	// template makes every CREATE DATABASE from it fail.
	for _, stmt := range []string{
		"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = " + pq.QuoteLiteral(name),
		"ALTER DATABASE " + ident + " IS_TEMPLATE true",
	} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			tb.Fatalf("dbtest: %s: %v", stmt, err)
		}
	}
	return name
}

func isTemplate(ctx context.Context, tb testing.TB, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, name string) bool {
	tb.Helper()
	var ok bool
	err := q.QueryRowContext(ctx, "SELECT datistemplate FROM pg_database WHERE datname = $1", name).Scan(&ok)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		tb.Fatalf("dbtest: looking up template %s: %v", name, err)
	}
	return ok
}

func withDatabase(base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		panic(err) // checkURL or startCluster made base
	}
	u.Path, u.RawPath = "/"+name, ""
	return u.String()
}

func randomSuffix() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// A cluster is a throw-away PostgreSQL: a data directory in a temp dir and
// the postmaster serving it, a child of this process.
type cluster struct {
	dir    string
	cmd    *exec.Cmd
	exited chan struct{} // closed once the postmaster has exited
}

// errPortTaken means another process bound the free port first.
var errPortTaken = errors.New("port taken")

// startCluster initialises and starts a cluster and returns its base URL.
func startCluster() (c *cluster, base string, err error) {
	bin, err := postgresBin()
	if err != nil {
		return nil, "", err
	}
	cred, err := serverCredential()
	if err != nil {
		return nil, "", err
	}
	dir, err := os.MkdirTemp("", "varsel-pg-")
	if err != nil {
		return nil, "", err
	}
	c = &cluster{dir: dir}
	defer func() {
		if err != nil {
			c.remove()
		}
	}()
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return nil, "", err
		}
	}

	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", filepath.Join(dir, "data"),
		"-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync")
	// The postgres user may not be allowed into the test's working directory.
	initdb.Dir = dir
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		return nil, "", fmt.Errorf("initdb: %v\n%s", err, out)
	}

	// Between freePort and the postmaster's bind another process may take
	// the port, so a few tries.
	for try := 1; ; try++ {
		var port int
		if port, err = freePort(); err != nil {
			return nil, "", err
		}
		base, err = c.start(bin, cred, port)
		switch {
		case err == nil:
			return c, base, nil
		case !errors.Is(err, errPortTaken) || try == 5:
			return nil, "", err
		}
	}
}

// start runs the postmaster on port and waits until it accepts connections.
func (c *cluster) start(bin string, cred *syscall.Credential, port int) (string, error) {
	logPath := filepath.Join(c.dir, "postgres.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return "", err
	}
	defer logFile.Close() // the postmaster keeps its own descriptor
	cmd := exec.Command(filepath.Join(bin, "postgres"), "-D", filepath.Join(c.dir, "data"),
		"-p", strconv.Itoa(port), "-k", c.dir,
		"-c", "listen_addresses=127.0.0.1",
		// Nothing here outlives the test process, so durability buys nothing.
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		// Test packages run in parallel, each with pools of its own.
		"-c", "max_connections=300")
	cmd.Dir = c.dir
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// SIGQUIT is PostgreSQL's immediate shutdown: should this process die
	// without calling Stop, the server does not stay behind.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT}

	exited := make(chan struct{})
	started := make(chan error, 1)
	go func() {
		// Linux sends Pdeathsig when the thread that started the child
		// exits, not the process; this goroutine keeps that thread until the
		// postmaster is gone.
		runtime.LockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		cmd.Wait()
		close(exited)
	}()
	if err := <-started; err != nil {
		return "", fmt.Errorf("starting postgres: %w", err)
	}
	c.cmd, c.exited = cmd, exited

	base := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", port, maintenanceDB)
	if err := waitReady(base, exited); err != nil {
		c.stop()
		log, _ := os.ReadFile(logPath)
		if strings.Contains(string(log), "Address already in use") {
			return "", errPortTaken
		}
		return "", fmt.Errorf("%v; server log %s:\n%s", err, logPath, log)
	}
	return base, nil
}

// waitReady connects until the server answers, it exits, or a minute passes.
func waitReady(base string, exited <-chan struct{}) error {
	db, err := sql.Open("postgres", base)
	if err != nil {
		return err
	}
	defer db.Close()
	deadline := time.Now().Add(time.Minute)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err = db.PingContext(ctx)
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not accept connections within a minute: %w", err)
		}
		select {
		case <-exited:
			return errors.New("postgres exited while starting")
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// stop shuts the postmaster down, immediately since the data is thrown away.
func (c *cluster) stop() {
	if c.cmd == nil {
		return
	}
	c.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-c.exited:
	case <-time.After(10 * time.Second):
		c.cmd.Process.Kill()
		<-c.exited
	}
	c.cmd = nil
}

// remove stops the server and deletes its directory.
func (c *cluster) remove() {
	c.stop()
	os.RemoveAll(c.dir)
}

// postgresBin finds the directory of initdb and postgres: where initdb on
// PATH really lives, or where Debian installs them (not on PATH).
func postgresBin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Dir(real), nil
		}
		return filepath.Dir(p), nil
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) == 0 {
		return "", errors.New("the PostgreSQL server is not installed: initdb is neither on PATH nor in /usr/lib/postgresql/*/bin")
	}
	// The newest version; Glob sorts, and the versions have two digits.
	return filepath.Dir(matches[len(matches)-1]), nil
}

// serverCredential is who runs initdb and postgres: the postgres user when
// this process is root, since PostgreSQL refuses to run as root; otherwise
// this process's user (nil).
func serverCredential() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root, the server must run as the postgres user, which does not exist (installing postgresql creates it): %w", err)
	}
	uid, err := strconv.ParseUint(u.Uid, 10, 32)
	if err != nil {
		return nil, err
	}
	gid, err := strconv.ParseUint(u.Gid, 10, 32)
	if err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
