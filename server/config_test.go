package server_test

import (
	"context"
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
		cfg, err := server.LoadConfig(false, env(map[string]string{
			"DATABASE_URL": dbtest.CreateDatabase(t, ""),
			"OIDC_ISSUER":  "https://127.0.0.1:1/realms/ko",
			"VARSEL_ADDR":  "127.0.0.1:0",
		}))
		if err != nil {
			t.Fatal(err)
		}
		_, err = server.Open(context.Background(), cfg)
		if err == nil || !strings.Contains(err.Error(), "refusing to start") || !strings.Contains(err.Error(), "cannot be reached") {
			t.Fatalf("err = %v, want a refusal naming the unreachable issuer", err)
		}
	})
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
