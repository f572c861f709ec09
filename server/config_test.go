package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"varsel/dbtest"
	"varsel/server"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// The platform issue: production refuses to start, with a clear message,
// when the database or the identity provider is missing or unreachable.
func TestProductionRefusesToStartWithoutItsParts(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"nothing configured", nil, "DATABASE_URL and OIDC_ISSUER not set"},
		{"no identity provider", map[string]string{"DATABASE_URL": "postgres://db/varsel"}, "OIDC_ISSUER not set"},
		{"no database", map[string]string{"OIDC_ISSUER": "https://login.example/realms/ko"}, "DATABASE_URL not set"},
		{"an http issuer", map[string]string{"DATABASE_URL": "postgres://db/varsel", "OIDC_ISSUER": "http://login.example"}, "must be an https URL"},
		{"SQLite in production", map[string]string{"DATABASE_URL": "file:varsel.db", "OIDC_ISSUER": "https://login.example"}, "must be a postgres:// URL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := server.LoadConfig(false, env(tc.env))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
	t.Run("an issuer that cannot be reached", func(t *testing.T) {
		// Production as it should run: migrated by the owner, served as a
		// member of varsel_app. Everything up to the issuer works so.
		owner := dbtest.CreateDatabase(t, "")
		checkpoints := t.TempDir()
		cfg, err := server.LoadConfig(false, env(map[string]string{
			"DATABASE_MIGRATE_URL":        owner,
			"DATABASE_URL":                dbtest.AppRoleURL(t, owner),
			"VARSEL_DB_ALLOW_INSECURE":    "1", // the test server runs on this machine, without TLS
			"VARSEL_AUDIT_KEY":            testAuditKey,
			"VARSEL_AUDIT_CHECKPOINT_DIR": checkpoints,
			"OIDC_ISSUER":                 "https://127.0.0.1:1/realms/ko",
			"VARSEL_ADDR":                 "127.0.0.1:0",
		}))
		if err != nil {
			t.Fatal(err)
		}
		_, err = server.Open(context.Background(), cfg)
		if err == nil || !strings.Contains(err.Error(), "refusing to start") || !strings.Contains(err.Error(), "cannot be reached") {
			t.Fatalf("err = %v, want a refusal naming the unreachable issuer", err)
		}
		if files, _ := filepath.Glob(filepath.Join(checkpoints, "checkpoint-*.json")); len(files) != 1 {
			t.Errorf("%d checkpoints written at start, want 1", len(files))
		}
	})
	t.Run("the database's owner as the server's role", func(t *testing.T) {
		cfg, err := server.LoadConfig(false, env(map[string]string{
			"DATABASE_URL":                dbtest.CreateDatabase(t, ""),
			"VARSEL_DB_ALLOW_INSECURE":    "1",
			"VARSEL_AUDIT_KEY":            testAuditKey,
			"VARSEL_AUDIT_CHECKPOINT_DIR": t.TempDir(),
			"OIDC_ISSUER":                 "https://127.0.0.1:1/realms/ko",
			"VARSEL_ADDR":                 "127.0.0.1:0",
		}))
		if err != nil {
			t.Fatal(err)
		}
		_, err = server.Open(context.Background(), cfg)
		if err == nil || !strings.Contains(err.Error(), "VARSEL_DB_ALLOW_OWNER") {
			t.Fatalf("err = %v, want a refusal of the owner's role", err)
		}
	})
}

// testAuditKey is an audit key for configuration tests (32 bytes, hex).
const testAuditKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

// prodEnv is a complete production configuration with the database URL
// and extra variables given.
func prodEnv(databaseURL string, extra ...string) map[string]string {
	m := map[string]string{
		"DATABASE_URL":                databaseURL,
		"OIDC_ISSUER":                 "https://login.example/realms/ko",
		"VARSEL_AUDIT_KEY":            testAuditKey,
		"VARSEL_AUDIT_CHECKPOINT_DIR": "/mnt/varsel-checkpoints",
	}
	for _, kv := range extra {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}

// The security issue: production refuses a connection to PostgreSQL that
// does not verify the server's certificate — sslmode disable, prefer or
// require, or none (lib/pq's default is require) — unless told that the
// database is on the same host.
func TestProductionRefusesAnUnverifiedDatabaseConnection(t *testing.T) {
	const db = "postgres://varsel@db.example:5432/varsel"
	cases := []struct {
		name string
		env  map[string]string
		want string // "" when accepted
	}{
		{"sslmode=disable", prodEnv(db + "?sslmode=disable"), "sslmode=disable"},
		{"no sslmode, which lib/pq takes as require", prodEnv(db), "ingen sslmode"},
		{"sslmode=require accepts any certificate", prodEnv(db + "?sslmode=require"), "sslmode=require"},
		{"sslmode=prefer", prodEnv(db + "?sslmode=prefer"), "sslmode=prefer"},
		{"PGSSLMODE=disable when the URL sets none", prodEnv(db, "PGSSLMODE=disable"), "PGSSLMODE=disable"},
		{"the owner's URL unverified", prodEnv(db+"?sslmode=verify-full", "DATABASE_MIGRATE_URL="+db+"?sslmode=disable"), "DATABASE_MIGRATE_URL"},
		{"sslmode=verify-full", prodEnv(db + "?sslmode=verify-full&sslrootcert=/etc/varsel/db-ca.pem"), ""},
		{"sslmode=verify-ca", prodEnv(db + "?sslmode=verify-ca"), ""},
		{"PGSSLMODE=verify-full when the URL sets none", prodEnv(db, "PGSSLMODE=verify-full"), ""},
		{"sslmode=disable allowed for a database on the same host", prodEnv("postgres://varsel@localhost/varsel?sslmode=disable", "VARSEL_DB_ALLOW_INSECURE=1"), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := server.LoadConfig(false, env(tc.env))
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "VARSEL_DB_ALLOW_INSECURE")):
				t.Fatalf("err = %v, want a refusal naming %q and VARSEL_DB_ALLOW_INSECURE", err, tc.want)
			}
		})
	}
	// Dev mode takes the database as given.
	if _, err := server.LoadConfig(true, env(map[string]string{"DATABASE_URL": db + "?sslmode=disable"})); err != nil {
		t.Errorf("dev mode: %v", err)
	}
}

// The security issue: production refuses to start without the audit
// chain's key, or without a place for its checkpoints outside the database.
func TestProductionRefusesToStartWithoutTheAuditKey(t *testing.T) {
	const db = "postgres://varsel@db.example:5432/varsel?sslmode=verify-full"
	retiredKey := strings.Repeat("11", 32)
	keyFile := filepath.Join(t.TempDir(), "audit.key")
	if err := os.WriteFile(keyFile, []byte(testAuditKey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		env  map[string]string
		want string // "" when accepted
	}{
		{"no key", prodEnv(db, "VARSEL_AUDIT_KEY="), "VARSEL_AUDIT_KEY eller VARSEL_AUDIT_KEY_FILE er ikke satt"},
		{"a short key", prodEnv(db, "VARSEL_AUDIT_KEY=0011223344"), "at least 32 bytes"},
		{"a key that is neither hex nor base64", prodEnv(db, "VARSEL_AUDIT_KEY=not a key!"), "hex or base64"},
		{"both a key and a key file", prodEnv(db, "VARSEL_AUDIT_KEY_FILE="+keyFile), "begge satt"},
		{"no checkpoint directory", prodEnv(db, "VARSEL_AUDIT_CHECKPOINT_DIR="), "VARSEL_AUDIT_CHECKPOINT_DIR er ikke satt"},
		{"a key file", prodEnv(db, "VARSEL_AUDIT_KEY=", "VARSEL_AUDIT_KEY_FILE="+keyFile), ""},
		{"a key", prodEnv(db), ""},
		{"a key and the keys it replaced", prodEnv(db, "VARSEL_AUDIT_RETIRED_KEYS="+retiredKey+", "+strings.Repeat("22", 32)), ""},
		{"a retired key that is the key itself", prodEnv(db, "VARSEL_AUDIT_RETIRED_KEYS="+testAuditKey), "named twice"},
		{"a retired key that is no key", prodEnv(db, "VARSEL_AUDIT_RETIRED_KEYS=0011"), "nøkkel nr. 1"},
		{"retired keys both listed and in a file", prodEnv(db, "VARSEL_AUDIT_RETIRED_KEYS="+retiredKey, "VARSEL_AUDIT_RETIRED_KEYS_FILE="+keyFile), "begge satt"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := server.LoadConfig(false, env(tc.env))
			switch {
			case tc.want == "" && (err != nil || cfg.AuditKey == nil):
				t.Fatalf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
	// The same key, from the variable or the file, is the same chain key.
	a, _ := server.LoadConfig(false, env(prodEnv(db)))
	b, _ := server.LoadConfig(false, env(prodEnv(db, "VARSEL_AUDIT_KEY=", "VARSEL_AUDIT_KEY_FILE="+keyFile)))
	if a.AuditKey.ID() != b.AuditKey.ID() {
		t.Error("the key file gave another key than the variable")
	}
}

// varsel audit verify and varsel migrate read the database and the audit
// chain's configuration only: no identity provider.
func TestMaintenanceNeedsNoIdentityProvider(t *testing.T) {
	const db = "postgres://varsel@db.example:5432/varsel?sslmode=verify-full"
	e := prodEnv(db)
	delete(e, "OIDC_ISSUER")
	c, err := server.LoadDatabaseConfig(false, env(e))
	if err != nil || c.AuditKey == nil || c.DatabaseURL != db {
		t.Fatalf("LoadDatabaseConfig = %+v, %v", c, err)
	}
	if _, err := server.LoadDatabaseConfig(false, env(nil)); err == nil || !strings.Contains(err.Error(), "DATABASE_URL") {
		t.Errorf("no database: err = %v", err)
	}
	if _, err := server.LoadDatabaseConfig(false, env(prodEnv("postgres://db/varsel?sslmode=disable"))); err == nil {
		t.Error("an unverified connection was accepted for maintenance")
	}
}

// Dev mode runs its own identity provider under the address it listens on.
func TestDevModeConfiguration(t *testing.T) {
	cfg, err := server.LoadConfig(true, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	cfg.ResolveDevURLs(nil)
	if cfg.Addr != "localhost:8080" || cfg.PublicURL != "http://localhost:8080" || cfg.OIDC.Issuer != "http://localhost:8080/oidc" {
		t.Fatalf("dev config = %+v", cfg)
	}
	if _, err := server.LoadConfig(true, env(map[string]string{"OIDC_ISSUER": "https://login.example"})); err == nil {
		t.Fatal("dev mode accepted an external issuer")
	}
	// The demo history is on in dev mode unless turned off, and never in production.
	if !cfg.DemoHistory {
		t.Error("dev mode has no demo history by default")
	}
	if off, _ := server.LoadConfig(true, env(map[string]string{"VARSEL_DEMO_HISTORY": "off"})); off.DemoHistory {
		t.Error("VARSEL_DEMO_HISTORY=off left the history on")
	}
	if _, err := server.LoadConfig(true, env(map[string]string{"VARSEL_DEMO_HISTORY": "yes"})); err == nil {
		t.Error("VARSEL_DEMO_HISTORY=yes was accepted")
	}
}
