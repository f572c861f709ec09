// Package dbtest gives tests real databases: a fresh SQLite file, or a fresh
// PostgreSQL database. No mocks.
//
// The PostgreSQL server is the one TEST_DATABASE_URL names (a postgres:// URL
// of a role that may create databases), or else an ephemeral cluster the test
// process starts itself from the machine's server binaries (initdb on PATH or
// in /usr/lib/postgresql/*/bin): a temp dir, a free port on 127.0.0.1, fsync
// off. PostgreSQL refuses to run as root, so as root the cluster runs as the
// postgres user. `make test` runs all packages under scripts/with-postgres,
// which starts one cluster for the whole run and sets TEST_DATABASE_URL.
//
// Each test gets its own database from CreateDatabase, dropped when the test
// ends. Work every test needs, such as migrations, goes into a template made
// once with CreateTemplate and cloned per test, which is much faster than
// repeating it.
//
// Packages whose tests use PostgreSQL call Main from TestMain, so that the
// ephemeral cluster is stopped and removed when the tests end:
//
//	func TestMain(m *testing.M) { dbtest.Main(m) }
//
// Should the test process die first, the server dies with it, though its temp
// dir stays behind.
package dbtest
