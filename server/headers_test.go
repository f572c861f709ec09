package server_test

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
)

// Responses with personal data are never stored by a browser or a proxy
// (Cache-Control: no-store): the API, the letters, the statistics. Every
// response says to send no referrer and that the page may use no camera,
// microphone, location or the like. The web app's assets may be cached.
func TestSecurityHeaders(t *testing.T) {
	ts := startServer(t, dialect.SQLite)
	os.WriteFile(filepath.Join(ts.cfg.WebDir, "index.html"), []byte("<!doctype html>"), 0o644)
	os.MkdirAll(filepath.Join(ts.cfg.WebDir, "assets"), 0o755)
	os.WriteFile(filepath.Join(ts.cfg.WebDir, "assets", "app-1234.js"), []byte("//"), 0o644)
	token := ts.token("saksbehandler")
	request := func(method, path, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		ts.srv.Handler().ServeHTTP(rec, req)
		return rec
	}
	noStore := []struct{ name, method, path, body string }{
		{"the API", "POST", "/graphql", `{"query":"{ me { name } }"}`},
		{"the API refusing", "POST", "/graphql", `{"query":`},
		{"a letter that is not there", "GET", "/letters/notices/1", ""},
		{"the print batch", "GET", "/letters/print-batch", ""},
		{"the statistics", "GET", "/statistics.csv?from=2026-01-01&to=2026-01-31", ""},
		{"the app's configuration", "GET", "/config.json", ""},
	}
	for _, tc := range noStore {
		t.Run(tc.name, func(t *testing.T) {
			rec := request(tc.method, tc.path, tc.body)
			if got := rec.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("%s %s (%d): Cache-Control %q, want no-store", tc.method, tc.path, rec.Code, got)
			}
		})
	}
	t.Run("every response", func(t *testing.T) {
		for _, path := range []string{"/graphql", "/", "/assets/app-1234.js", "/healthz", "/letters/print-batch"} {
			method := "GET"
			if path == "/graphql" {
				method = "POST"
			}
			h := request(method, path, `{"query":"{ me { name } }"}`).Header()
			for name, want := range map[string]string{
				"Referrer-Policy":        "no-referrer",
				"X-Content-Type-Options": "nosniff",
				"Permissions-Policy":     "camera=()",
			} {
				if !strings.Contains(h.Get(name), want) {
					t.Errorf("%s: %s %q, want %q", path, name, h.Get(name), want)
				}
			}
			if h.Get("Strict-Transport-Security") != "" {
				t.Errorf("%s: HSTS over plain HTTP", path)
			}
		}
	})
	t.Run("the app allows no inline style or script", func(t *testing.T) {
		csp := request("GET", "/", "").Header().Get("Content-Security-Policy")
		if strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "style-src 'self';") || !strings.Contains(csp, "script-src 'self';") {
			t.Errorf("Content-Security-Policy %q", csp)
		}
	})
	t.Run("the app's assets are cached", func(t *testing.T) {
		if got := request("GET", "/assets/app-1234.js", "").Header().Get("Cache-Control"); !strings.Contains(got, "immutable") {
			t.Errorf("Cache-Control %q", got)
		}
	})
}
