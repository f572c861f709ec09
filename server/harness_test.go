package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"varsel/dbtest"
	"varsel/server"
	"varsel/server/devidp"
)

func TestMain(m *testing.M) {
	if os.Getenv("VARSEL_TEST_LOG") == "" {
		slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	}
	dbtest.Main(m)
}

// testServer is a real Varsel in dev mode — its own identity provider, the
// seeded users and demo data — on SQLite or PostgreSQL.
type testServer struct {
	t     *testing.T
	srv   *server.Server
	cfg   server.Config
	clock *clock
}

// clock is the workflow's clock in tests: real time, moved on by the test —
// or, once set with tickFrom, a clock of its own that moves a millisecond
// each time it is read, so that a test replays the same times every run.
type clock struct {
	mu      sync.Mutex
	offset  time.Duration
	ticking *time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ticking != nil {
		*c.ticking = c.ticking.Add(time.Millisecond)
		return *c.ticking
	}
	return time.Now().Add(c.offset)
}

// advance moves the workflow's time forward.
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ticking != nil {
		*c.ticking = c.ticking.Add(d)
		return
	}
	c.offset += d
}

// tickFrom makes the clock start at start and move only when read or
// advanced.
func (c *clock) tickFrom(start time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ticking = &start
}

// startServer starts Varsel in dev mode on a fresh database of the dialect,
// with extra environment given as KEY=VALUE.
func startServer(t *testing.T, dialectName string, extra ...string) *testServer {
	t.Helper()
	env := map[string]string{
		"VARSEL_ADDR":     "127.0.0.1:0",
		"VARSEL_DATA_DIR": t.TempDir(),
		"VARSEL_WEB_DIR":  t.TempDir(),
		// The demo cases only: the tests count on them.
		"VARSEL_DEMO_HISTORY": "off",
		// Tests send requests as fast as the server answers; the limit per
		// person has its own test (TestOneAbusiveUserIsHeldBack).
		"VARSEL_RATE_LIMIT": "off",
	}
	for _, kv := range extra {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	if dialectName == dialect.Postgres && env["DATABASE_URL"] == "" {
		env["DATABASE_URL"] = dbtest.CreateDatabase(t, "")
	}
	cfg, err := server.LoadConfig(true, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	clk := &clock{}
	if !cfg.ClockSimulated { // a test of VARSEL_DEV_CLOCK keeps the clock it set
		cfg.Clock = clk.Now
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := server.Open(ctx, cfg)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	ts := &testServer{t: t, srv: srv, cfg: srv.Config(), clock: clk}
	ts.waitReady()
	return ts
}

func (ts *testServer) waitReady() {
	ts.t.Helper()
	for range 200 {
		rec := httptest.NewRecorder()
		ts.srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
		if rec.Code == http.StatusOK {
			return
		}
		sleep()
	}
	ts.t.Fatal("server never became ready")
}

// token returns a real access token for a seeded user, as `varsel devtoken`
// prints it.
func (ts *testServer) token(user string) string {
	ts.t.Helper()
	tok, err := devidp.MintAccessToken(server.DevIDPConfig(ts.cfg), user)
	if err != nil {
		ts.t.Fatal(err)
	}
	return tok
}

// gqlResponse is what a GraphQL client sees.
type gqlResponse struct {
	Status int
	Data   map[string]any
	Errors []gqlError
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// code returns the first error's code, or "".
func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// do posts a GraphQL request with the given bearer token ("" for none).
func (ts *testServer) do(token, query string, vars map[string]any) gqlResponse {
	ts.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	ts.srv.Handler().ServeHTTP(rec, req)
	var out struct {
		Data   map[string]any `json:"data"`
		Errors []gqlError     `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		ts.t.Fatalf("response is not JSON (%d): %s", rec.Code, rec.Body.String())
	}
	return gqlResponse{Status: rec.Code, Data: out.Data, Errors: out.Errors}
}

// as runs a query as a seeded user and fails the test on any error.
func (ts *testServer) as(user, query string, vars map[string]any) map[string]any {
	ts.t.Helper()
	r := ts.do(ts.token(user), query, vars)
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		ts.t.Fatalf("%s: status %d, errors %+v", user, r.Status, r.Errors)
	}
	return r.Data
}

// get walks a decoded JSON value by keys and indexes.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if f, isFile := v.(file); isFile {
				m, ok = f, true
			}
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func sleep() { time.Sleep(50 * time.Millisecond) }

// idString prints an id the same whether it came as a GraphQL ID (a string)
// or as an Int field (a JSON number).
func idString(v any) string {
	if f, ok := v.(float64); ok {
		return strconv.FormatInt(int64(f), 10)
	}
	return fmt.Sprint(v)
}

// get performs a GET as a seeded user and returns the status and body.
func (ts *testServer) get(user, path string) (int, []byte) {
	ts.t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Authorization", "Bearer "+ts.token(user))
	rec := httptest.NewRecorder()
	ts.srv.Handler().ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}

// eventually polls cond until it holds or the time is up.
func eventually(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s did not happen within %s", what, within)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
