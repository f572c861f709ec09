package graph_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"varsel"
)

// graphql-cop's checks (github.com/dolevf/graphql-cop), each played against
// the API as production serves it: what the tool reports as a finding must
// not be found. Several are also the security review's findings, tested in
// more depth in limits_test.go and input_test.go.
func TestGraphQLCopFindsNothing(t *testing.T) {
	a := newAPI(t, false)
	refused := func(r response) bool { // an error, and no field answered
		for _, v := range r.Data {
			if v != nil {
				return false
			}
		}
		return len(r.Errors) > 0
	}
	limited := func(r response, limit string) bool {
		return len(r.Errors) == 1 && r.Errors[0].Extensions["code"] == varsel.ELIMIT && r.Errors[0].Extensions["limit"] == limit
	}
	get := func(query string) (int, string) {
		req := httptest.NewRequest("GET", "/graphql?query="+strings.ReplaceAll(query, " ", "+"), nil)
		rec := httptest.NewRecorder()
		a.handler.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	checks := []struct {
		name  string
		found func() (bool, string)
	}{
		{"Alias Overloading (100 aliases)", func() (bool, string) {
			r := a.query(aliased(101, "__typename"))
			return !limited(r, "aliases"), fmt.Sprint(r.Errors)
		}},
		{"Array-based Query Batching", func() (bool, string) {
			code, r := a.post("application/json", `[{"query":"{ me { name } }"},{"query":"{ me { name } }"}]`)
			return code == http.StatusOK && r.Data != nil, fmt.Sprint(code)
		}},
		{"Directive Overloading", func() (bool, string) {
			r := a.query("{ me " + repeated(50, "@include(if: true)") + " { name } }")
			return !limited(r, "directives"), fmt.Sprint(r.Errors)
		}},
		{"Field Duplication", func() (bool, string) {
			r := a.query("{ me { " + repeated(500, "name") + " } }")
			return !limited(r, "repeats"), fmt.Sprint(r.Errors)
		}},
		{"Field Suggestions", func() (bool, string) {
			r := a.query("{ me { nam } }")
			return len(r.Errors) == 0 || strings.Contains(r.Errors[0].Message, "Did you mean"), fmt.Sprint(r.Errors)
		}},
		{"GET based Query (possible CSRF)", func() (bool, string) {
			code, body := get("{ me { name } }")
			return code == http.StatusOK || strings.Contains(body, `"me"`), fmt.Sprint(code, body)
		}},
		{"Mutation over GET", func() (bool, string) {
			code, body := get(`mutation { acknowledgePoliceReport(id: "1") { id } }`)
			return code == http.StatusOK || strings.Contains(body, `"acknowledgePoliceReport"`), fmt.Sprint(code, body)
		}},
		{"POST based url-encoded query (possible CSRF)", func() (bool, string) {
			code, _ := a.post("application/x-www-form-urlencoded", "query=%7B+me+%7B+name+%7D+%7D")
			return code == http.StatusOK, fmt.Sprint(code)
		}},
		{"GraphQL IDE (GraphiQL, Playground)", func() (bool, string) {
			req := httptest.NewRequest("GET", "/graphql", nil)
			req.Header.Set("Accept", "text/html")
			rec := httptest.NewRecorder()
			a.handler.ServeHTTP(rec, req)
			return strings.Contains(strings.ToLower(rec.Body.String()), "<html"), fmt.Sprint(rec.Code)
		}},
		{"Introspection", func() (bool, string) {
			r := a.query(`{ __schema { types { name } } }`)
			return !refused(r) || r.Errors[0].Extensions["code"] == varsel.EINTERNAL, fmt.Sprint(r.Errors)
		}},
		{"Introspection-based Circular Query", func() (bool, string) {
			r := a.query(`{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }`)
			return !refused(r), fmt.Sprint(r.Errors)
		}},
		{"Tracing / Debug Mode", func() (bool, string) {
			_, r := a.post("application/json", `{"query":"{ me { name } }"}`)
			b, _ := json.Marshal(r)
			return strings.Contains(string(b), "tracing") || strings.Contains(string(b), "debug"), string(b)
		}},
		{"Unhandled Errors (stack traces or driver messages)", func() (bool, string) {
			_, r := a.post("application/json", `{"query":"{ me { name } ", "variables": 12}`)
			b, _ := json.Marshal(r)
			s := string(b)
			return strings.Contains(s, "goroutine") || strings.Contains(s, ".go:") || strings.Contains(s, "sql:") || strings.Contains(s, "panic"), s
		}},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if found, detail := c.found(); found {
				t.Errorf("graphql-cop would report this: %s", detail)
			}
		})
	}
}
