package graph

import (
	"regexp"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// spaDocuments are the web app's GraphQL documents by operation name, as
// the server runs them: from the trusted documents' manifest its codegen
// writes (frontend/src/gql/persisted-documents.json).
func spaDocuments(t *testing.T) map[string]string {
	t.Helper()
	trusted, err := LoadTrustedDocuments("../frontend/src/gql/" + ManifestFile)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	operationName := regexp.MustCompile(`(?:query|mutation) (\w+)`)
	for key, doc := range trusted {
		name := key
		if m := operationName.FindStringSubmatch(doc); m != nil {
			name = m[1]
		}
		docs[name] = doc
	}
	if len(docs) < 50 {
		t.Fatalf("found only %d documents in the manifest", len(docs))
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
