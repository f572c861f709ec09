package server_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
)

// The web app's routes get the app, on reload too; its files are served as
// they are; every other path answers 404 — an API path that does not exist,
// /metrics on the public listener, a script that is not there — and not the
// app's index.html with 200, which would hide the mistake.
func TestUnknownPathsAre404(t *testing.T) {
	ts := startServer(t, dialect.SQLite)
	for _, err := range []error{
		os.WriteFile(filepath.Join(ts.cfg.WebDir, "index.html"), []byte("<!doctype html><title>Varsel</title>"), 0o644),
		os.MkdirAll(filepath.Join(ts.cfg.WebDir, "assets"), 0o755),
		os.WriteFile(filepath.Join(ts.cfg.WebDir, "assets", "app-1234.js"), []byte("//"), 0o644),
		os.WriteFile(filepath.Join(ts.cfg.WebDir, "favicon.svg"), []byte("<svg/>"), 0o644),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name, path string
		status     int
		app        bool // the answer is the app's index.html
	}{
		{"the start page", "/", http.StatusOK, true},
		{"the login callback", "/auth/callback?code=abc&state=st4te", http.StatusOK, true},
		{"a page", "/arbeidsliste", http.StatusOK, true},
		{"a page with a trailing slash", "/arbeidsliste/", http.StatusOK, true},
		{"a convict", "/domfelte/21474836481", http.StatusOK, true},
		{"a police request", "/politi/anmodninger/7", http.StatusOK, true},
		{"a hashed asset", "/assets/app-1234.js", http.StatusOK, false},
		{"a file of the build", "/favicon.svg", http.StatusOK, false},
		{"metrics on the public listener", "/metrics", http.StatusNotFound, false},
		{"an API path", "/api/v1/notices", http.StatusNotFound, false},
		{"a missing script", "/foo.js", http.StatusNotFound, false},
		{"a missing asset", "/assets/app-5678.js", http.StatusNotFound, false},
		{"an unknown page", "/ukjent", http.StatusNotFound, false},
		{"below a page", "/domfelte/1/2", http.StatusNotFound, false},
		{"the build's folder", "/assets/", http.StatusNotFound, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", tc.path, nil)
			rec := httptest.NewRecorder()
			ts.srv.Handler().ServeHTTP(rec, req)
			isApp := strings.Contains(rec.Body.String(), "<title>Varsel</title>")
			if rec.Code != tc.status || isApp != tc.app {
				t.Errorf("GET %s = %d (the app: %v), want %d (the app: %v)", tc.path, rec.Code, isApp, tc.status, tc.app)
			}
		})
	}
}
