package server_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"varsel/rules"
)

// syncBuffer is a log sink that several goroutines may write at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// captureLog sends everything logged, at every level, to the returned buffer
// until the test ends — as JSON, as production logs.
func captureLog(t *testing.T) *syncBuffer {
	t.Helper()
	var b syncBuffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(&b, &slog.HandlerOptions{Level: slog.LevelDebug})))
	t.Cleanup(func() { slog.SetDefault(prev) })
	return &b
}

// post sends a raw body to /graphql and returns the status and the body.
func (ts *testServer) post(token, contentType, body string) (int, string) {
	ts.t.Helper()
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	ts.srv.Handler().ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// PR6: logs and error messages never hold personal data — no request bodies,
// no variables — also when the request is malformed. Every request below
// carries a seeded victim's name, identity number and address in the place
// where it does harm; none of them may reach a log line or the error the
// client gets back.
func TestMalformedRequestsLeakNoPersonalData(t *testing.T) {
	ts := startServer(t, dialect.SQLite)
	nin, err := rules.SyntheticIdentityNumber(time.Date(1988, 6, 2, 0, 0, 0, 0, time.UTC), 412)
	if err != nil {
		t.Fatal(err)
	}
	personal := []string{"Ingrid Solberg", nin, "Storgata 12"}
	secret := strings.Join(personal, ", ")
	q := func(s string) string { return strings.Trim(string(mustJSON(s)), `"`) } // JSON-escaped, unquoted
	token := ts.token("saksbehandler")
	convict := ts.as("saksbehandler", `{ convicts(first: 1) { edges { node { id } } } }`, nil)
	convictID := get(convict, "convicts", "edges", 0, "node", "id").(string)

	cases := []struct {
		name       string
		body       string
		wantStatus int
		wantCode   string
	}{
		{"truncated JSON", `{"query":"mutation { registerConvict(input: {name: \"` + q(secret), http.StatusBadRequest, "BAD_USER_INPUT"},
		{"query is a number", `{"query": 12345, "variables": {"name": "` + q(secret) + `"}}`, http.StatusBadRequest, "BAD_USER_INPUT"},
		{"variables are a string", `{"query": "{ me { name } }", "variables": "` + q(secret) + `"}`, http.StatusBadRequest, "BAD_USER_INPUT"},
		{"body is a list", `["` + q(secret) + `"]`, http.StatusBadRequest, "BAD_USER_INPUT"},
		{"garbage after the object", `{"query": "{ me { name } }"} "` + q(secret) + `"`, http.StatusBadRequest, "BAD_USER_INPUT"},
		{"syntax error after a string", string(mustJSON(map[string]any{
			"query": `{ convicts(where: {name: "` + secret + `"}) { totalCount `})), 422, "GRAPHQL_PARSE_FAILED"},
		{"unterminated string", string(mustJSON(map[string]any{
			"query": `{ convicts(where: {name: "` + secret + "\n" + `"}) { totalCount } }`})), 422, "GRAPHQL_PARSE_FAILED"},
		{"unexpected string", string(mustJSON(map[string]any{
			"query": `{ me "` + secret + `" }`})), 422, "GRAPHQL_PARSE_FAILED"},
		{"unknown operation name", string(mustJSON(map[string]any{
			"query": `query A { me { name } }`, "operationName": secret})), 422, "GRAPHQL_VALIDATION_FAILED"},
		{"string literal where an enum belongs", string(mustJSON(map[string]any{
			"query": `mutation { registerCustodyEvent(input: {convictId: "1", kind: "` + secret + `", startsAt: "2026-12-01T10:00:00Z"}) { id } }`})), 422, "GRAPHQL_VALIDATION_FAILED"},
		{"enum variable", string(mustJSON(map[string]any{
			"query":     `mutation($k: EventKind!) { registerCustodyEvent(input: {convictId: "1", kind: $k, startsAt: "2026-12-01T10:00:00Z"}) { id } }`,
			"variables": map[string]any{"k": secret}})), 422, "GRAPHQL_VALIDATION_FAILED"},
		{"Int variable", string(mustJSON(map[string]any{
			"query":     `query($n: Int) { convicts(first: $n) { totalCount } }`,
			"variables": map[string]any{"n": secret}})), 422, "GRAPHQL_VALIDATION_FAILED"},
		{"ID variable", string(mustJSON(map[string]any{
			"query":     `query($id: ID!) { node(id: $id) { id } }`,
			"variables": map[string]any{"id": secret}})), http.StatusBadRequest, "BAD_USER_INPUT"},
		{"cursor variable", string(mustJSON(map[string]any{
			"query":     `query($c: Cursor) { convicts(after: $c) { totalCount } }`,
			"variables": map[string]any{"c": secret}})), http.StatusBadRequest, "BAD_USER_INPUT"},
		{"Date argument", string(mustJSON(map[string]any{
			"query":     `query($d: Date!) { appealDeadlineFor(informedOn: $d) { deadline } }`,
			"variables": map[string]any{"d": secret}})), http.StatusBadRequest, "BAD_USER_INPUT"},
		{"Date in an input", string(mustJSON(map[string]any{
			"query": `mutation($in: RegisterConvictInput!) { registerConvict(input: $in) { id } }`,
			"variables": map[string]any{"in": map[string]any{
				"name": "Ny Domfelt", "nationalIdentityNumber": nin, "birthDate": secret}}})), http.StatusBadRequest, "BAD_USER_INPUT"},
		{"Time in an input", string(mustJSON(map[string]any{
			"query": `mutation($in: RegisterCustodyEventInput!) { registerCustodyEvent(input: $in) { id } }`,
			"variables": map[string]any{"in": map[string]any{
				"convictId": convictID, "kind": "LEAVE", "startsAt": secret}}})), http.StatusBadRequest, "BAD_USER_INPUT"},
		{"unknown input field", string(mustJSON(map[string]any{
			"query": `mutation($in: RegisterConvictInput!) { registerConvict(input: $in) { id } }`,
			"variables": map[string]any{"in": map[string]any{
				"name": "Ny Domfelt", "nationalIdentityNumber": "1", secret: secret}}})), 422, "GRAPHQL_VALIDATION_FAILED"},
	}
	logged := captureLog(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body := ts.post(token, "application/json", tc.body)
			for _, p := range personal {
				if strings.Contains(body, p) {
					t.Errorf("the response holds %q: %s", p, body)
				}
			}
			if status != tc.wantStatus || !strings.Contains(body, `"code":"`+tc.wantCode+`"`) {
				t.Errorf("got %d %s, want %d with code %s", status, body, tc.wantStatus, tc.wantCode)
			}
		})
	}
	// Without a token too: refused before anything is read, and nothing logged.
	ts.post("", "application/json", `{"query": 12345, "variables": {"name": "`+q(secret)+`"}}`)

	for i, line := range strings.Split(logged.String(), "\n") {
		for _, p := range personal {
			if strings.Contains(line, p) {
				t.Errorf("log line %d holds %q: %s", i+1, p, line)
			}
		}
		if strings.Contains(line, `"level":"ERROR"`) {
			t.Errorf("bad input was logged as an error: %s", line)
		}
	}
}
