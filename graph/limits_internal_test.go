package graph

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// spaDocuments are the web app's GraphQL documents, as its codegen found
// them (frontend/src/gql/gql.ts), each with the fragments it spreads.
func spaDocuments(t *testing.T) map[string]string {
	t.Helper()
	src, err := os.ReadFile("../frontend/src/gql/gql.ts")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, m := range regexp.MustCompile(`(?m)^    ("(?:[^"\\]|\\.)*"): typeof types\.`).FindAllStringSubmatch(string(src), -1) {
		var s string
		if err := json.Unmarshal([]byte(m[1]), &s); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, s)
	}
	fragments := map[string]string{}
	fragmentName := regexp.MustCompile(`fragment (\w+) on`)
	for _, s := range texts {
		if m := fragmentName.FindStringSubmatch(s); m != nil && !strings.Contains(s, "query ") && !strings.Contains(s, "mutation ") {
			fragments[m[1]] = s
		}
	}
	docs := map[string]string{}
	operationName := regexp.MustCompile(`(?:query|mutation) (\w+)`)
	for _, s := range texts {
		m := operationName.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		for name, f := range fragments {
			if strings.Contains(s, "..."+name) && !strings.Contains(s, "fragment "+name) {
				s += f
			}
		}
		docs[m[1]] = s
	}
	if len(docs) < 50 {
		t.Fatalf("found only %d documents in gql.ts", len(docs))
	}
	return docs
}

// The limits leave room for what the web app asks: every one of its
// operations parses within the token limit, has a shape within the limits,
// is valid, and costs less than the most a request may cost.
func TestTheWebAppsOperationsFitTheLimits(t *testing.T) {
	schema := NewExecutableSchema(Config{}).Schema()
	var most struct{ depth, fields, aliases, top, repeats, cost int }
	for name, text := range spaDocuments(t) {
		doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: text}, MaxTokens)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err := checkShape(doc); err != nil {
			t.Errorf("%s: %s", name, err.Message)
		}
		if errs := validator.Validate(schema, doc); len(errs) > 0 {
			t.Errorf("%s: %v", name, errs)
			continue
		}
		for _, op := range doc.Operations {
			s := shaper{doc: doc, fragments: map[string]*shape{}}
			sh := s.selection(op.SelectionSet)
			w := walker{doc: doc}
			cost := w.selection(op.SelectionSet)
			if w.err != nil || cost > MaxComplexity {
				t.Errorf("%s: cost %d, %v", name, cost, w.err)
			}
			most.depth, most.fields, most.aliases = max(most.depth, sh.depth), max(most.fields, sh.fields), max(most.aliases, sh.aliases)
			most.top, most.repeats, most.cost = max(most.top, sh.top), max(most.repeats, sh.repeats), max(most.cost, cost)
		}
	}
	t.Logf("the web app's largest: depth %d, fields %d, aliases %d, root fields %d, repeats %d, cost %d",
		most.depth, most.fields, most.aliases, most.top, most.repeats, most.cost)
}
