package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"varsel"
	"varsel/audit"
	"varsel/dbtest"
	"varsel/ent"
	"varsel/graph"
	"varsel/workflow"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// countingDriver counts the statements sent to the database.
type countingDriver struct {
	dialect.Driver
	n *atomic.Int64
}

func (d countingDriver) Exec(ctx context.Context, q string, args, v any) error {
	d.n.Add(1)
	return d.Driver.Exec(ctx, q, args, v)
}

func (d countingDriver) Query(ctx context.Context, q string, args, v any) error {
	d.n.Add(1)
	return d.Driver.Query(ctx, q, args, v)
}

func (d countingDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	d.n.Add(1)
	return d.Driver.Tx(ctx)
}

// api is the GraphQL handler on a fresh SQLite database, run as a
// caseworker, counting the SQL it issues.
type api struct {
	t       testing.TB
	client  *ent.Client
	handler http.Handler
	stmts   atomic.Int64
}

func newAPI(t testing.TB, dev bool, trusted ...graph.TrustedDocuments) *api {
	db := dbtest.Open(t, dialect.SQLite)
	a := &api{t: t}
	client := ent.NewClient(ent.Driver(countingDriver{Driver: entsql.OpenDB(db.Dialect, db.DB.DB), n: &a.stmts}))
	client.Use(audit.Hook(db.Dialect, dbtest.AuditKey))
	a.client = client
	viewer := &varsel.Viewer{Subject: "saksbehandler", Roles: []varsel.Role{varsel.RoleCaseworker}, UnitIDs: []int{1}}
	h := graph.NewHandler(client, db.Chain, workflow.New(), dev, trusted...)
	a.handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(varsel.NewContext(r.Context(), viewer)))
	})
	return a
}

type response struct {
	Data   map[string]any
	Errors []struct {
		Message    string
		Extensions map[string]any
	}
}

func (a *api) post(contentType, body string) (int, response) {
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	var r response
	json.Unmarshal(rec.Body.Bytes(), &r)
	return rec.Code, r
}

func (a *api) query(q string) response {
	b, _ := json.Marshal(map[string]any{"query": q})
	_, r := a.post("application/json", string(b))
	return r
}

func deepUnits(levels int) string {
	var b bytes.Buffer
	b.WriteString("{ staffMembers { edges { node { unit {")
	for range levels {
		b.WriteString(" parent {")
	}
	b.WriteString(" id")
	for range levels {
		b.WriteString(" }")
	}
	b.WriteString(" } } } } }")
	return b.String()
}

// The platform issue: introspection and field suggestions in dev mode only;
// POST with a JSON body only.
func TestProductionHidesTheSchema(t *testing.T) {
	introspect := `{ __schema { queryType { name } } }`
	typo := `{ me { nam } }`

	prod := newAPI(t, false)
	if r := prod.query(introspect); len(r.Errors) == 0 {
		t.Error("introspection answered in production")
	}
	if r := prod.query(typo); len(r.Errors) == 0 || strings.Contains(r.Errors[0].Message, "Did you mean") {
		t.Errorf("typo errors = %+v, want an error without suggestions", r.Errors)
	}
	if code, _ := prod.post("application/x-www-form-urlencoded", "query=%7B+me+%7B+name+%7D+%7D"); code == http.StatusOK {
		t.Error("a form-encoded request was answered")
	}

	dev := newAPI(t, true)
	if r := dev.query(introspect); len(r.Errors) > 0 || r.Data["__schema"] == nil {
		t.Errorf("introspection in dev mode: %+v", r.Errors)
	}
	if r := dev.query(typo); len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, "Did you mean") {
		t.Errorf("typo errors in dev mode = %+v, want a suggestion", r.Errors)
	}
}

// The platform issue: a connection without first or last returns a page of
// at most 100, and says there is more.
func TestPageSizeDefaultsTo100(t *testing.T) {
	a := newAPI(t, false)
	ctx := varsel.SystemContext(context.Background())
	tx, err := a.client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 101 {
		tx.StaffMember.Create().SetSubject(fmt.Sprintf("s%d", i)).SetName(fmt.Sprintf("Ansatt %d", i)).ExecX(ctx)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	r := a.query(`{ staffMembers { totalCount pageInfo { hasNextPage } edges { cursor } } }`)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	conn := r.Data["staffMembers"].(map[string]any)
	if n := len(conn["edges"].([]any)); n != 100 || conn["totalCount"] != 101.0 ||
		conn["pageInfo"].(map[string]any)["hasNextPage"] != true {
		t.Fatalf("got %d edges of %v, pageInfo %v; want 100 of 101 with a next page", n, conn["totalCount"], conn["pageInfo"])
	}
}
