package graph_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"varsel/graph"
)

// Trusted documents (security issue): in production the API runs the web
// app's own operations, sent by hash, and refuses any other document before
// it is parsed and before any SQL; dev mode takes ad-hoc documents besides.
func TestTrustedDocuments(t *testing.T) {
	docs, err := graph.LoadTrustedDocuments(filepath.Join("..", "frontend", "src", "gql", graph.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var me string
	for key, doc := range docs {
		if strings.HasPrefix(doc, "query Me ") {
			me = key
		}
	}
	if me == "" {
		t.Fatal("the web app's Me query is not in the manifest")
	}
	byHash := func(hash string, query string) string {
		body := map[string]any{"operationName": "Me", "extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}}
		if query != "" {
			body["query"] = query
		}
		b, _ := json.Marshal(body)
		return string(b)
	}
	adHoc := `{"query":"{ me { name } }"}`

	prod := newAPI(t, false, docs)
	if _, r := prod.post("application/json", byHash(me, "")); len(r.Errors) > 0 || r.Data["me"] == nil {
		t.Errorf("the web app's own query by hash: %+v", r.Errors)
	}
	bareHash := strings.TrimPrefix(me, "sha256:")
	if _, r := prod.post("application/json", byHash(bareHash, "")); len(r.Errors) > 0 {
		t.Errorf("the bare hash, as Apollo's clients send it: %+v", r.Errors)
	}
	for _, tc := range []struct{ name, body, code string }{
		{"an ad-hoc document", adHoc, "PersistedQueryRequired"},
		{"an unknown hash", byHash("sha256:"+strings.Repeat("0", 64), ""), "PersistedQueryNotFound"},
		{"a known hash with another document", byHash(me, "{ auditChainStatus { intact } }"), "PersistedQueryMismatch"},
	} {
		prod.stmts.Store(0)
		if _, r := prod.post("application/json", tc.body); len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tc.code || r.Data != nil {
			t.Errorf("%s: %+v, want %s", tc.name, r.Errors, tc.code)
		}
		if n := prod.stmts.Load(); n != 0 {
			t.Errorf("%s: %d SQL statements before the refusal", tc.name, n)
		}
	}

	dev := newAPI(t, true, docs)
	for name, body := range map[string]string{"by hash": byHash(me, ""), "ad hoc": adHoc} {
		if _, r := dev.post("application/json", body); len(r.Errors) > 0 {
			t.Errorf("dev mode, %s: %+v", name, r.Errors)
		}
	}
}

// A manifest whose document is not the one its key names is refused: a
// swapped document cannot ride on a trusted hash.
func TestATamperedManifestIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), graph.ManifestFile)
	b, _ := json.Marshal(map[string]string{"sha256:" + strings.Repeat("a", 64): "{ auditChainStatus { intact } }"})
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.LoadTrustedDocuments(path); err == nil {
		t.Fatal("a tampered manifest was loaded")
	}
}
