package graph_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"varsel"
	"varsel/audit"
	"varsel/dbtest"
	"varsel/ent"
	"varsel/ent/assessment"
	"varsel/ent/policerequest"
	"varsel/graph"
	"varsel/rules"
	"varsel/workflow"
)

// seedUnit stores n convicts at one unit, each with a case, two victims, a
// leave 30 days ahead, an assessment, a READY notice, a police request and a
// disclosure — what the main queries read. It returns the unit and district.
func seedUnit(t testing.TB, client *ent.Client, n int) (unitID, districtID int) {
	t.Helper()
	ctx := varsel.SystemContext(context.Background())
	tx, err := client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := tx.Client()
	district := c.PoliceDistrict.Create().SetName("Oslo politidistrikt").SetCode("oslo").SaveX(ctx)
	unit := c.Unit.Create().SetName("Oslo fengsel").SetCode("oslo-fengsel").SetKind(rules.LocalLevel).SetRegionCode("OST").SaveX(ctx)
	start := time.Now().AddDate(0, 0, 30).Truncate(time.Minute)
	for i := range n {
		nin, err := rules.SyntheticIdentityNumber(rules.Date(1950, 1, 1).AddDate(0, 0, i), 100)
		if err != nil {
			t.Fatal(err)
		}
		cv := c.Convict.Create().SetName(fmt.Sprint("Domfelt ", i)).SetNationalIdentityNumber(nin).SetUnit(unit).SaveX(ctx)
		cs := c.CriminalCase.Create().SetConvict(cv).SetCaseNumber(fmt.Sprint("26-", i)).SetJudgmentDate(rules.Date(2025, 1, 1)).
			SetOffenceCategories([]rules.OffenceCategory{rules.Violence}).SaveX(ctx)
		v := c.Victim.Create().SetCriminalCase(cs).SetName(fmt.Sprint("Fornærmet ", i)).SaveX(ctx)
		c.Victim.Create().SetCriminalCase(cs).SetName(fmt.Sprint("Fornærmet B ", i)).ExecX(ctx)
		ev := c.CustodyEvent.Create().SetConvict(cv).SetKind(rules.Leave).SetLegalBasis("strgjfl. § 7 b").SetStartsAt(start).
			SetDecidingLevel(rules.LocalLevel).SetDecidingUnit(unit).SaveX(ctx)
		as := c.Assessment.Create().SetCustodyEvent(ev).SetVictim(v).SetOutcome(assessment.OutcomeNOTIFY).
			SetFactors(rules.Factors{}).SetReasoning("x").SaveX(ctx)
		c.Notice.Create().SetCustodyEvent(ev).SetAssessment(as).SetVictim(v).SetStatus(rules.NoticeReady).SetRoute(rules.Direct).
			SetDueDate(rules.DateOf(start).AddDate(0, 0, -14)).SetContent(rules.NoticeContent{EventKind: rules.Leave}).
			SetWrittenStandard(rules.Bokmal).SetDedupeKey(fmt.Sprint("n", i)).ExecX(ctx)
		c.PoliceRequest.Create().SetKind(policerequest.KindSECURITY_STATEMENT).SetPoliceDistrict(district).SetUnit(unit).
			SetCustodyEvent(ev).SetQuestion("Fare for hevnaksjoner?").ExecX(ctx)
		c.Disclosure.Create().SetDirection(rules.ToPolice).SetCategory(rules.CustodyInformation).SetSummary("x").SetPurpose("y").
			SetRecipient("Oslo politidistrikt").SetLegalBasis(rules.FVL13b5).SetDecidedByName("Berit Lunde").SetDecidedAt(time.Now()).
			SetForm(rules.Oral).SetConvict(cv).SetUnit(unit).SetPoliceDistrict(district).ExecX(ctx)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return unit.ID, district.ID
}

// seeded is a unit seeded with n convicts (seedUnit) behind the GraphQL
// handler, whose statements are counted in api.stmts.
type seeded struct {
	*api
	graphql            http.Handler
	seeder             *ent.Client // writes as the service, not counted
	unitID, districtID int
}

func newSeeded(t *testing.T, dialectName string, n int) *seeded {
	t.Helper()
	db := dbtest.Open(t, dialectName)
	s := &seeded{api: &api{t: t}, seeder: ent.NewClient(ent.Driver(entsql.OpenDB(db.Dialect, db.DB.DB)))}
	s.seeder.Use(audit.Hook(db.Dialect, dbtest.AuditKey))
	s.unitID, s.districtID = seedUnit(t, s.seeder, n)
	client := ent.NewClient(ent.Driver(countingDriver{Driver: entsql.OpenDB(db.Dialect, db.DB.DB), n: &s.stmts}))
	client.Use(audit.Hook(db.Dialect, dbtest.AuditKey))
	s.graphql = graph.NewHandler(client, db.Chain, workflow.New(), false)
	return s
}

// as sends the next queries as viewer v.
func (s *seeded) as(v *varsel.Viewer) {
	s.handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.graphql.ServeHTTP(w, r.WithContext(varsel.NewContext(r.Context(), v)))
	})
}

// addLeave commits a new leave, 40 days ahead, for a convict of the unit.
func (s *seeded) addLeave(t *testing.T) {
	t.Helper()
	ctx := varsel.SystemContext(context.Background())
	tx, err := s.seeder.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cv := tx.Convict.Query().FirstX(ctx)
	tx.CustodyEvent.Create().SetConvict(cv).SetKind(rules.Leave).SetLegalBasis("strgjfl. § 7 b").
		SetStartsAt(time.Now().AddDate(0, 0, 40)).SetDecidingLevel(rules.LocalLevel).SetDecidingUnitID(s.unitID).ExecX(ctx)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// The main queries issue the same number of SQL statements for 10 rows as
// for 1,000: nothing is loaded row by row (no N+1). Pages hold up to 100.
func TestNoQueryGrowsWithTheRows(t *testing.T) {
	queries := []struct {
		name, role, query string
	}{
		{"worklist", "caseworker", `{ notificationWorklist { step title deadline convict { name } custodyEvent { kind } notice { status } } }`},
		{"convict, depth 3", "caseworker", `{ convicts(first: 100) { edges { node { name criminalCases { caseNumber victims { name } }
			custodyEvents(first: 5) { edges { node { kind notices { status } } } } } } } }`},
		{"police requests", "police", `{ policeRequests(first: 100) { totalCount edges { node { kind status question unit { name } } } } }`},
		{"disclosures", "caseworker", `{ disclosures(first: 100) { totalCount edges { node { legalBasis legalBasisProvision convictName unit { name } } } } }`},
		{"statistics", "analyst", `{ statistics(from: "2026-01-01", to: "2027-12-31", groupBy: [UNIT, MONTH]) { rows { unit { name } custodyEvents { value } } } }`},
	}
	counts := map[string][2]int64{}
	for i, n := range []int{10, 1000} {
		a := newSeeded(t, dbtest.Dialects[0], n)
		viewers := map[string]*varsel.Viewer{
			"caseworker": {Subject: "saksbehandler", Roles: []varsel.Role{varsel.RoleCaseworker}, UnitID: a.unitID, UnitIDs: []int{a.unitID}},
			"police":     {Subject: "politi", Roles: []varsel.Role{varsel.RolePolice}, PoliceDistrictID: a.districtID},
			"analyst":    {Subject: "analytiker", Roles: []varsel.Role{varsel.RoleAnalyst}},
		}
		for _, q := range queries {
			a.as(viewers[q.role])
			a.stmts.Store(0)
			r := a.query(q.query)
			if len(r.Errors) > 0 || len(r.Data) == 0 {
				t.Fatalf("%s with %d rows: %+v", q.name, n, r.Errors)
			}
			c := counts[q.name]
			c[i] = a.stmts.Load()
			counts[q.name] = c
		}
	}
	for _, q := range queries {
		c := counts[q.name]
		t.Logf("%-18s %3d statements at 10 rows, %3d at 1,000", q.name, c[0], c[1])
		if c[1] != c[0] {
			t.Errorf("%s: %d SQL statements at 10 rows, %d at 1,000: a query runs per row", q.name, c[0], c[1])
		}
	}
}

// A unit's worklist is computed once per change: asked again with nothing
// changed, it costs one statement (the audit trail's last sequence number);
// after any committed change it is computed afresh and shows the change.
func TestWorklistIsComputedOncePerChange(t *testing.T) {
	a := newSeeded(t, dbtest.Dialects[0], 3)
	a.as(&varsel.Viewer{Subject: "saksbehandler", Roles: []varsel.Role{varsel.RoleCaseworker}, UnitID: a.unitID, UnitIDs: []int{a.unitID}})
	const q = `{ notificationWorklist { step custodyEvent { id } } }`
	items := func() []any {
		t.Helper()
		r := a.query(q)
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		return r.Data["notificationWorklist"].([]any)
	}

	a.stmts.Store(0)
	first := items()
	computed := a.stmts.Load()
	a.stmts.Store(0)
	if again := items(); len(again) != len(first) || a.stmts.Load() != 1 || computed <= 1 {
		t.Fatalf("asked again: %d items (was %d) after %d statements (first time %d)", len(again), len(first), a.stmts.Load(), computed)
	}

	// A new event at the unit: the next worklist has it.
	a.addLeave(t)
	a.stmts.Store(0)
	if after := items(); len(after) != len(first)+1 || a.stmts.Load() <= 1 {
		t.Fatalf("after a change: %d items (was %d), %d statements", len(after), len(first), a.stmts.Load())
	}
}

// Statistics are computed once per change, like the worklist: the same
// report asked again unchanged costs one statement, and a committed change
// is in the next one.
func TestStatisticsAreComputedOncePerChange(t *testing.T) {
	a := newSeeded(t, dbtest.Dialects[1], 6)
	a.as(&varsel.Viewer{Subject: "analytiker", Roles: []varsel.Role{varsel.RoleAnalyst}})
	today := time.Now().In(rules.Norway)
	q := fmt.Sprintf(`{ statistics(from: %q, to: %q, groupBy: [UNIT]) { total { custodyEvents { value suppressed } } } }`,
		today.Format(time.DateOnly), today.AddDate(0, 0, 60).Format(time.DateOnly))
	events := func() float64 {
		t.Helper()
		r := a.query(q)
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		return r.Data["statistics"].(map[string]any)["total"].(map[string]any)["custodyEvents"].(map[string]any)["value"].(float64)
	}

	a.stmts.Store(0)
	if n := events(); n != 6 {
		t.Fatalf("%v events, want 6", n)
	}
	computed := a.stmts.Load()
	a.stmts.Store(0)
	if n := events(); n != 6 || a.stmts.Load() != 1 || computed <= 1 {
		t.Fatalf("asked again: %v events after %d statements (first time %d)", n, a.stmts.Load(), computed)
	}

	a.addLeave(t)
	if n := events(); n != 7 {
		t.Fatalf("after a new event: %v events, want 7", n)
	}
}
