package dbtest

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/lib/pq"
)

func TestMain(m *testing.M) { Main(m) }

// childRole is set when a test runs this test binary again to watch
// PostgresServer from another process; it names what the child does.
const childRole = "DBTEST_CHILD"

func TestDatabasesAreIsolated(t *testing.T) {
	t.Parallel()
	a, b := CreateDatabase(t, ""), CreateDatabase(t, "")
	if a == b {
		t.Fatalf("two databases with the same URL %s", a)
	}
	dbA, dbB := open(t, a), open(t, b)
	mustExec(t, dbA, "CREATE TABLE only_in_a (id int)")
	if !hasTable(t, dbA, "only_in_a") {
		t.Fatal("the table is missing from the database it was created in")
	}
	if hasTable(t, dbB, "only_in_a") {
		t.Fatal("a table created in one database shows up in the other")
	}
}

func TestDatabaseIsDroppedAfterTheTest(t *testing.T) {
	t.Parallel()
	var name string
	t.Run("create", func(t *testing.T) {
		name = databaseName(t, CreateDatabase(t, ""))
	})
	if exists(t, name) {
		t.Fatalf("database %s is still there after its test", name)
	}
}

func TestTemplateIsPreparedOnceAndCloned(t *testing.T) {
	t.Parallel()
	name := "dbtest_tmpl_" + randomSuffix()
	t.Cleanup(func() { dropTemplate(t, name) })
	var setups atomic.Int32
	setup := func(dsn string) error {
		setups.Add(1)
		db, err := sql.Open("postgres", dsn)
		if err != nil {
			return err
		}
		// Left open on purpose, as a forgetful setup would: cloning must
		// still work.
		t.Cleanup(func() { db.Close() })
		_, err = db.Exec("CREATE TABLE notice (id int PRIMARY KEY); INSERT INTO notice VALUES (1)")
		return err
	}
	t.Run("clones", func(t *testing.T) {
		for _, clone := range []string{"a", "b", "c"} {
			t.Run(clone, func(t *testing.T) {
				t.Parallel()
				if got := CreateTemplate(t, name, setup); got != name {
					t.Fatalf("CreateTemplate returned %q, want %q", got, name)
				}
				db := open(t, CreateDatabase(t, name))
				if n := count(t, db, "SELECT count(*) FROM notice"); n != 1 {
					t.Fatalf("the clone has %d notices, want the template's 1", n)
				}
				// A clone is a copy: writing to it changes neither the
				// template nor the other clones, which check the count above.
				mustExec(t, db, "INSERT INTO notice VALUES (2)")
			})
		}
	})
	if n := setups.Load(); n != 1 {
		t.Fatalf("setup ran %d times, want once", n)
	}
}

// Test packages run as parallel processes on one server (make test), and
// each prepares the same template.
func TestTemplateIsPreparedOnceAcrossProcesses(t *testing.T) {
	const ran = "DBTEST setup ran"
	if os.Getenv(childRole) == "template" {
		name := os.Getenv("DBTEST_TEMPLATE")
		CreateTemplate(t, name, func(dsn string) error {
			os.Stdout.WriteString(ran + "\n")
			time.Sleep(300 * time.Millisecond) // so the others arrive meanwhile
			db, err := sql.Open("postgres", dsn)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec("CREATE TABLE notice (id int)")
			return err
		})
		if !hasTable(t, open(t, CreateDatabase(t, name)), "notice") {
			t.Fatal("the clone lacks the template's table")
		}
		return
	}

	t.Parallel()
	base := PostgresServer(t)
	name := "dbtest_tmpl_" + randomSuffix()
	t.Cleanup(func() { dropTemplate(t, name) })
	outs := make([]string, 3)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Go(func() {
			out, err := child(t, "template", "TEST_DATABASE_URL="+base, "DBTEST_TEMPLATE="+name).CombinedOutput()
			outs[i] = string(out)
			if err != nil {
				t.Errorf("child %d: %v\n%s", i, err, out)
			}
		})
	}
	wg.Wait()
	if n := strings.Count(strings.Join(outs, ""), ran); n != 1 {
		t.Fatalf("setup ran %d times in 3 processes, want once:\n%s", n, strings.Join(outs, "\n"))
	}
}

func TestTestDatabaseURLIsHonoured(t *testing.T) {
	if os.Getenv(childRole) == "url" {
		want := os.Getenv("TEST_DATABASE_URL")
		if got := PostgresServer(t); got != want {
			t.Fatalf("PostgresServer() = %q, want TEST_DATABASE_URL %q", got, want)
		}
		if pg.cluster != nil {
			t.Fatal("started a cluster although TEST_DATABASE_URL is set")
		}
		// TEST_DATABASE_URL names the parent's marker database, not the
		// maintenance database; creating databases must work all the same.
		db := open(t, CreateDatabase(t, ""))
		if n := count(t, db, "SELECT count(*) FROM pg_database WHERE datname = "+pq.QuoteLiteral(databaseName(t, want))); n != 1 {
			t.Fatal("the server of TEST_DATABASE_URL lacks the parent's marker database")
		}
		return
	}

	t.Parallel()
	marker := CreateDatabase(t, "")
	if out, err := child(t, "url", "TEST_DATABASE_URL="+marker).CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

func TestStopRemovesTheCluster(t *testing.T) {
	if os.Getenv(childRole) == "stop" {
		base := PostgresServer(t)
		if pg.cluster == nil {
			t.Fatal("no ephemeral cluster without TEST_DATABASE_URL")
		}
		dir := pg.cluster.dir
		if err := ping(base); err != nil {
			t.Fatalf("the cluster does not answer: %v", err)
		}
		Stop()
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still there after Stop (%v)", dir, err)
		}
		if ping(base) == nil {
			t.Error("the cluster still answers after Stop")
		}
		return
	}

	t.Parallel()
	needServerBinaries(t)
	if out, err := child(t, "stop").CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

func TestClusterDiesWithTheProcess(t *testing.T) {
	if os.Getenv(childRole) == "exit" {
		base := PostgresServer(t)
		os.Stdout.WriteString("DBTEST " + base + " " + pg.cluster.dir + "\n")
		// Killed, so neither Stop nor any deferred function runs.
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
	}

	t.Parallel()
	needServerBinaries(t)
	out, _ := child(t, "exit").CombinedOutput()
	_, report, _ := strings.Cut(string(out), "DBTEST ")
	base, dir, _ := strings.Cut(strings.TrimSpace(report), " ")
	if dir == "" {
		t.Fatalf("the child did not report its cluster:\n%s", out)
	}
	t.Cleanup(func() { os.RemoveAll(dir) }) // only Stop removes it
	for deadline := time.Now().Add(10 * time.Second); ping(base) == nil; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the cluster at %s still answers after its test process exited", base)
		}
	}
}

// child returns a command that runs the calling test in a new process of
// this test binary, in role, with TEST_DATABASE_URL unset unless env sets it.
func child(t *testing.T, role string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TEST_DATABASE_URL=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, childRole+"="+role)
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// needServerBinaries skips tests of the ephemeral cluster on a machine that
// gets its server from TEST_DATABASE_URL only.
func needServerBinaries(t *testing.T) {
	if _, err := postgresBin(); err != nil && os.Getenv("TEST_DATABASE_URL") != "" {
		t.Skip(err)
	}
}

func open(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func ping(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return db.PingContext(ctx)
}

func mustExec(t *testing.T, db *sql.DB, stmt string) {
	t.Helper()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

func count(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func hasTable(t *testing.T, db *sql.DB, table string) bool {
	t.Helper()
	return count(t, db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = "+pq.QuoteLiteral(table)) == 1
}

func exists(t *testing.T, database string) bool {
	t.Helper()
	var n int
	if err := pg.admin.QueryRow("SELECT count(*) FROM pg_database WHERE datname = $1", database).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n == 1
}

func databaseName(t *testing.T, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(u.Path, "/")
}

// dropTemplate removes a test's template, which CreateTemplate keeps for
// later runs.
func dropTemplate(t *testing.T, name string) {
	ident := pq.QuoteIdentifier(name)
	for _, stmt := range []string{
		"ALTER DATABASE " + ident + " IS_TEMPLATE false",
		"DROP DATABASE " + ident + " WITH (FORCE)",
	} {
		if _, err := pg.admin.Exec(stmt); err != nil {
			t.Errorf("%s: %v", stmt, err)
		}
	}
}
