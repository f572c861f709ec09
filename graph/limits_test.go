package graph_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/introspection"

	"varsel"
)

// chainedFragments is a document of n fragments, each spreading the next:
// small to send, and once slow to validate (1,000 took 4.5 s).
func chainedFragments(n int) string {
	var b strings.Builder
	b.WriteString("query { ...F0 }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { me { name } ...F%d }\n", i, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { me { name } }\n", n)
	return b.String()
}

// fieldBomb is a document whose fragments spread the one below three times,
// at different fields: small, and 3^levels fields once expanded.
func fieldBomb(levels int) string {
	var b strings.Builder
	b.WriteString("{ ...F" + fmt.Sprint(levels) + " }\n")
	b.WriteString("fragment F0 on Query { id }\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "fragment F%d on Query { a { ...F%d } b { ...F%d } c { ...F%d } }\n", i, i-1, i-1, i-1)
	}
	return b.String()
}

// aliased asks for the same field n times under different aliases.
func aliased(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: %s", i, field)
	}
	b.WriteString(" }")
	return b.String()
}

// cpuTime is the CPU time this process has used: what a request costs the
// server, which other processes on a shared machine do not inflate as they
// inflate the time on the clock.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func repeated(n int, s string) string { return strings.TrimSpace(strings.Repeat(s+" ", n)) }

func ids(n int) []string {
	l := make([]string, n)
	for i := range l {
		l[i] = fmt.Sprint(i + 1)
	}
	return l
}

// The security review's abusive queries, and one over each limit: each is
// refused with LIMIT_EXCEEDED naming the limit, in Norwegian, in under 5 ms
// of CPU and before any SQL.
func TestAbusiveQueriesAreRefusedFastWithoutSQL(t *testing.T) {
	cases := []struct {
		name, query string
		vars        map[string]any
		limit       string
	}{
		{"1,000 chained fragments (4.5 s before)", chainedFragments(1_000), nil, "tokens"},
		{"3,000 chained fragments (kept a CPU busy)", chainedFragments(3_000), nil, "body"},
		{"2,000 chained fragments (42 s before)", chainedFragments(2_000), nil, "tokens"},
		{"21 chained fragments", chainedFragments(20), nil, "fragments"},
		{"1,000 aliased audit chain checks (19.5 s before)", aliased(1_000, "auditChainStatus { intact }"), nil, "tokens"},
		{"28 aliased statistics (5.5 s before)", aliased(28, `statistics(from: "2025-01-01", to: "2025-12-31") { total { custodyEvents { value } } }`), nil, "aliases"},
		{"100 aliases", aliased(100, "me { name }"), nil, "aliases"},
		{"16 aliases", aliased(16, "me { name }"), nil, "aliases"},
		{"two audit chain checks", aliased(2, "auditChainStatus { intact }"), nil, "complexity"},
		{"three statistics", aliased(3, `statistics(from: "2025-01-01", to: "2025-12-31") { total { custodyEvents { value } } }`), nil, "complexity"},
		{"nodes with 50,000 ids", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids(50_000)}, "body"},
		{"nodes with 10,000 ids, under the body's limit", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids(10_000)}, "ids"},
		{"nodes with 101 ids in the document", `{ nodes(ids: [` + strings.Join(ids(101), ", ") + `]) { id } }`, nil, "ids"},
		{"nodes with 101 ids", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids(101)}, "ids"},
		{"depth 12", deepUnits(12), nil, "depth"},
		{"depth 9", deepUnits(4), nil, "depth"},
		{"11 directives", "{ me " + repeated(11, "@include(if: true)") + " { name } }", nil, "directives"},
		{"11 root fields", "{ me rulebook units policeDistricts clock eventKinds convicts auditEvents accessLog notificationWorklist notificationAlerts }", nil, "rootFields"},
		{"the same field 11 times (graphql-cop's field duplication)", "{ me { " + repeated(11, "name") + " } }", nil, "repeats"},
		{"the same field 1,000 times", "{ me { " + repeated(1_000, "name") + " } }", nil, "repeats"},
		{"the same field 11 times through fragments", "{ me { ...A ...B } } fragment A on Viewer { " + repeated(6, "name") + " } fragment B on Viewer { " + repeated(5, "name") + " }", nil, "repeats"},
		{"2,187 fields through fragments", fieldBomb(7), nil, "fields"},
		{"2,001 tokens", "{ me { " + repeated(2_000, "name") + " } }", nil, "tokens"},
		{"too complex", `{ convicts(first: 100) { edges { node { custodyEvents(first: 100) { edges { node { notices { id status } } } } } } } }`, nil, "complexity"},
		{"page over 100", `{ convicts(first: 101) { totalCount } }`, nil, "pageSize"},
		{"nested page over 100", `{ convicts(first: 1) { edges { node { custodyEvents(first: 500) { totalCount } } } } }`, nil, "pageSize"},
	}
	a := newAPI(t, false)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": tc.query, "variables": tc.vars})
			a.stmts.Store(0)
			var (
				took time.Duration
				r    response
			)
			for i := range 3 { // the best of three
				runtime.GC() // not the garbage of what ran before
				start := cpuTime(t)
				_, r = a.post("application/json", string(body))
				if d := cpuTime(t) - start; i == 0 || d < took {
					took = d
				}
			}
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != varsel.ELIMIT || r.Errors[0].Extensions["limit"] != tc.limit ||
				!strings.Contains(r.Errors[0].Message, "høyst") && !strings.Contains(r.Errors[0].Message, "mellom") {
				t.Fatalf("errors = %+v, want one %s over the %s limit, saying what is allowed", r.Errors, varsel.ELIMIT, tc.limit)
			}
			if bound := 5 * time.Millisecond * raceSlowdown; took > bound {
				t.Errorf("refused after %s of CPU, want under %s", took, bound)
			}
			if n := a.stmts.Load(); n != 0 {
				t.Errorf("%d SQL statements ran before the refusal", n)
			}
		})
	}
	t.Run("a negative page is bad input", func(t *testing.T) {
		r := a.query(`{ auditEvents(last: -1) { totalCount } }`)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != varsel.EINVALID || !strings.Contains(r.Errors[0].Message, "mellom 0 og 100") {
			t.Fatalf("errors = %+v", r.Errors)
		}
	})
	t.Run("an ordinary query runs", func(t *testing.T) {
		a.stmts.Store(0)
		r := a.query(`{ convicts(first: 20) { totalCount edges { node { name criminalCases { caseNumber } } } } }`)
		if len(r.Errors) > 0 || a.stmts.Load() == 0 {
			t.Fatalf("errors %v after %d statements", r.Errors, a.stmts.Load())
		}
	})
	t.Run("one audit chain check and two statistics are allowed", func(t *testing.T) {
		for _, q := range []string{
			`{ auditChainStatus { intact } }`,
			aliased(2, `statistics(from: "2025-01-01", to: "2025-12-31") { total { custodyEvents { value } } }`),
		} {
			if r := a.query(q); len(r.Errors) > 0 && r.Errors[0].Extensions["code"] == varsel.ELIMIT {
				t.Errorf("%s: %+v", q, r.Errors)
			}
		}
	})
}

// A body over the limit is refused with 413 while it is read (one over 1 MiB
// gave a logged panic and 500).
func TestOversizedBodyIs413(t *testing.T) {
	a := newAPI(t, false)
	body, _ := json.Marshal(map[string]any{"query": "{ me { name } }", "variables": map[string]any{"x": strings.Repeat("x", 1<<20)}})
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	var r response
	json.Unmarshal(rec.Body.Bytes(), &r)
	if rec.Code != http.StatusRequestEntityTooLarge || len(r.Errors) != 1 ||
		r.Errors[0].Extensions["code"] != varsel.ELIMIT || r.Errors[0].Extensions["limit"] != "body" {
		t.Fatalf("got %d %s, want 413 and LIMIT_EXCEEDED", rec.Code, rec.Body.String())
	}
}

// Dev mode's playground asks for the schema with the standard introspection
// query; the limits let it through.
func TestIntrospectionFitsTheLimitsInDevMode(t *testing.T) {
	a := newAPI(t, true)
	if r := a.query(introspection.Query); len(r.Errors) > 0 || r.Data["__schema"] == nil {
		t.Fatalf("errors: %+v", r.Errors)
	}
}
