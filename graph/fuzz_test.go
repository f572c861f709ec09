package graph_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a log sink for concurrent writers.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) take() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.b.String()
	l.b.Reset()
	return s
}

// No body makes the handler panic or fail with a server error: whatever
// arrives, the answer is JSON with a status for the client's mistake (or 200),
// and nothing panicked on the way. `go test` runs the seeds below; `go test
// -fuzz FuzzGraphQLHandler ./graph` looks for more.
func FuzzGraphQLHandler(f *testing.F) {
	seeds := []string{
		`{"query":"{ me { name roles } }"}`,
		`{"query":"{ convicts(first: 5) { totalCount edges { cursor node { id name criminalCases { caseNumber victims { name } } } } } }"}`,
		`{"query":"query($id: ID!) { node(id: $id) { id } }","variables":{"id":"21474836481"}}`,
		`{"query":"query($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":["1","x",""]}}`,
		`{"query":"query($c: Cursor) { convicts(after: $c) { totalCount } }","variables":{"c":"gqFp"}}`,
		`{"query":"query($d: Date!) { appealDeadlineFor(informedOn: $d) { deadline } }","variables":{"d":"2026-02-30"}}`,
		`{"query":"mutation($in: RegisterConvictInput!) { registerConvict(input: $in) { id } }","variables":{"in":{"name":"Ola Nordmann","nationalIdentityNumber":"02868841225","birthDate":"0001-01-01"}}}`,
		`{"query":"mutation($in: RegisterCustodyEventInput!) { registerCustodyEvent(input: $in) { id } }","variables":{"in":{"convictId":"1","kind":"LEAVE","startsAt":"9999-12-31T23:59:59Z"}}}`,
		`{"query":"{ auditEvents(last: -1) { totalCount } }"}`,
		`{"query":"{ convicts(first: 99999999999999999999) { totalCount } }"}`,
		`{"query":"{ a: me { name } b: me { name } }","operationName":""}`,
		`{"query":"query A { me { name } } query B { me { name } }","operationName":"B"}`,
		`{"query":"query A { me { name } } query B { me { name } }"}`,
		`{"query":"fragment F on Query { ...F } { ...F }"}`,
		`{"query":"{ me { ... on Viewer { name } ... on Query { me { name } } } }"}`,
		`{"query":"{ __typename @skip(if: true) @include(if: false) }"}`,
		`{"query":"subscription { me { name } }"}`,
		`{"query":"{ me { name } }","variables":null,"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}`,
		`{"query":"{ me { name } }","variables":{"\u0000":"\u0000"}}`,
		`{"query":"{ convicts(where: {name: \"\u0000\u202e\"}) { totalCount } }"}`,
		`{"query":"\"\"\"` + strings.Repeat("x", 100) + `"}`,
		`{"query":"{ me { name } ` + strings.Repeat("}", 50) + `"}`,
		`{"query":"` + strings.Repeat("{ me ", 100) + `"}`,
		`{"query": 12345}`,
		`{"query":"{ me { name } }"} trailing`,
		`[{"query":"{ me { name } }"}]`,
		`{"query":"{ me { name } }","variables":[]}`,
		`{"query":"{ me { name } }","operationName":7}`,
		`{"query":"{ me { name }`,
		`null`,
		``,
		"\xff\xfe",
		`{"query":"{ statistics(from: \"2026-01-01\", to: \"2025-01-01\") { total { custodyEvents { value } } } }"}`,
		`{"query":"{ auditChainStatus { intact } }"}`,
	}
	for _, s := range seeds {
		f.Add(s)
	}
	a := newAPI(f, false)
	var logged lockedBuffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelWarn})))
	f.Cleanup(func() { slog.SetDefault(prev) })

	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		a.handler.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
		default:
			t.Errorf("status %d for %q: %s", rec.Code, body, rec.Body.String())
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Errorf("the answer to %q is not JSON: %s", body, rec.Body.String())
		}
		if log := logged.take(); strings.Contains(log, "panic") {
			t.Errorf("%q made the handler panic: %s", body, log)
		}
	})
}
