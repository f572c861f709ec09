package seed_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"varsel"
	"varsel/dbtest"
	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/convict"
	"varsel/ent/criminalcase"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/guardian"
	"varsel/ent/notice"
	"varsel/ent/policerequest"
	"varsel/ent/securityassessment"
	"varsel/ent/survivor"
	"varsel/ent/victim"
	"varsel/reporting"
	"varsel/rules"
	"varsel/seed"
	"varsel/server"
	"varsel/workflow"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// A small seed writes what it says it writes, and the service reads it all
// back: every row through ent with valid enums and JSON, the identity numbers
// valid (PR1, synthetic), the statistics adding up to the rows, a unit's
// worklist, and new rows after the seeded ones.
func TestSeedReadsBackThroughTheService(t *testing.T) {
	db := dbtest.Open(t, dialect.Postgres)
	ctx := context.Background()
	sys := varsel.SystemContext(ctx)
	if err := server.EnsureReferenceData(ctx, db.Client); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	counts, err := seed.Run(ctx, db.DB.DB, seed.Scale{Convicts: 50, Years: 2}, now, nil)
	if err != nil {
		t.Fatal(err)
	}

	// The counts are the rows.
	for _, table := range seed.Tables[1:] {
		var n int
		if err := db.QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*) FROM %s`, table)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != counts[table] {
			t.Errorf("%s: %d rows, the seed says %d", table, n, counts[table])
		}
	}
	for _, table := range []string{"convicts", "criminal_cases", "victims", "custody_events", "assessments", "notices"} {
		if counts[table] == 0 {
			t.Errorf("%s: none seeded", table)
		}
	}
	if counts["convicts"] != 50 {
		t.Errorf("%d convicts, want 50", counts["convicts"])
	}

	// Every row reads back through ent, with its enums and JSON.
	c := db.Client
	check := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Errorf("%s: %v", what, err)
		}
	}
	convicts, err := c.Convict.Query().WithCriminalCases(func(q *ent.CriminalCaseQuery) {
		q.WithVictims(func(q *ent.VictimQuery) { q.WithSurvivors().WithGuardians() })
	}).All(sys)
	if err != nil {
		t.Fatal(err)
	}
	people := 0
	person := func(kind, number string, birth *time.Time) {
		t.Helper()
		people++
		id, err := rules.ValidateIdentityNumber(number, now)
		switch {
		case err != nil:
			t.Errorf("%s: identity number: %v", kind, err)
		case !id.Synthetic:
			t.Errorf("%s: identity number is not synthetic (PR1: month + 80)", kind)
		case birth == nil:
			t.Errorf("%s: no birth date", kind)
		}
	}
	for _, cv := range convicts {
		person("convict", cv.NationalIdentityNumber, cv.BirthDate)
		for _, cs := range cv.Edges.CriminalCases {
			check("case status", criminalcase.StatusValidator(cs.Status))
			if len(cs.OffenceCategories) == 0 {
				t.Errorf("case %d has no offence categories", cs.ID)
			}
			for _, v := range cs.Edges.Victims {
				person("victim", v.NationalIdentityNumber, v.BirthDate)
				check("victim address protection", victim.AddressProtectionValidator(v.AddressProtection))
				check("victim written standard", victim.WrittenStandardValidator(v.WrittenStandard))
				if v.AddressProtection == rules.StrictlyConfidential && v.AddressLine != "" {
					t.Errorf("victim %d: a strictly confidential address is stored (RC9)", v.ID)
				}
				for _, s := range v.Edges.Survivors {
					person("survivor", s.NationalIdentityNumber, s.BirthDate)
					check("survivor relation", survivor.RelationValidator(s.Relation))
				}
				for _, g := range v.Edges.Guardians {
					person("guardian", g.NationalIdentityNumber, g.BirthDate)
					check("guardian kind", guardian.KindValidator(g.Kind))
					if g.NationalIdentityNumber == cv.NationalIdentityNumber {
						t.Errorf("guardian %d is the convict (RC7)", g.ID)
					}
				}
			}
		}
	}
	if want := counts["convicts"] + counts["victims"] + counts["survivors"] + counts["guardians"]; people != want {
		t.Errorf("read %d people back, the seed wrote %d", people, want)
	}
	events, err := c.CustodyEvent.Query().
		WithSecurityAssessments().WithAssessments().WithDecisions(func(q *ent.DecisionQuery) { q.WithAppeals().WithAssessments() }).
		WithNotices().WithPoliceRequests().All(sys)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != counts["custody_events"] {
		t.Errorf("read %d events back, the seed wrote %d", len(events), counts["custody_events"])
	}
	var notices, open, future int
	for _, ev := range events {
		check("event kind", custodyevent.KindValidator(ev.Kind))
		check("event status", custodyevent.StatusValidator(ev.Status))
		check("deciding level", custodyevent.DecidingLevelValidator(ev.DecidingLevel))
		if rules.LegalBasis(ev.Kind) == "" || ev.LegalBasis != rules.LegalBasis(ev.Kind) {
			t.Errorf("event %d: %s with legal basis %q (EV1)", ev.ID, ev.Kind, ev.LegalBasis)
		}
		if ev.Kind == rules.Escape && ev.StartsAt.After(now) {
			t.Errorf("event %d: an escape in the future (EV6)", ev.ID)
		}
		if ev.Status == custodyevent.StatusOPEN {
			open++
			if ev.StartsAt.After(now) {
				future++
			}
		}
		for _, s := range ev.Edges.SecurityAssessments {
			check("security outcome", securityassessment.OutcomeValidator(s.Outcome))
		}
		for _, a := range ev.Edges.Assessments {
			check("assessment outcome", assessment.OutcomeValidator(a.Outcome))
			if (a.VictimID == nil) == (a.SurvivorID == nil) {
				t.Errorf("assessment %d is of neither or both a victim and a survivor", a.ID)
			}
		}
		for _, d := range ev.Edges.Decisions {
			check("decision status", decision.StatusValidator(d.Status))
			check("decision level", decision.LevelValidator(d.Level))
			if len(d.Edges.Assessments) == 0 {
				t.Errorf("decision %d rests on no assessment (DC1)", d.ID)
			}
			for _, a := range d.Edges.Appeals {
				check("appeal status", appeal.StatusValidator(a.Status))
			}
		}
		for _, n := range ev.Edges.Notices {
			notices++
			check("notice status", notice.StatusValidator(n.Status))
			check("notice route", notice.RouteValidator(n.Route))
			if n.Channel != nil {
				check("notice channel", notice.ChannelValidator(*n.Channel))
			}
			if n.Content.EventKind != ev.Kind {
				t.Errorf("notice %d tells of %s, the event is %s", n.ID, n.Content.EventKind, ev.Kind)
			}
			if n.Late && n.LateJustification == "" {
				t.Errorf("notice %d is late without a justification (NT2)", n.ID)
			}
			if (n.Status == rules.NoticeSent || n.Status == rules.NoticeDelivered) && n.SentAt == nil {
				t.Errorf("notice %d is %s but has no time sent", n.ID, n.Status)
			}
		}
		for _, r := range ev.Edges.PoliceRequests {
			check("police request kind", policerequest.KindValidator(r.Kind))
			check("police request status", policerequest.StatusValidator(r.Status))
		}
	}
	if notices != counts["notices"] {
		t.Errorf("read %d notices back through their events, the seed wrote %d", notices, counts["notices"])
	}
	if open == 0 || future == 0 {
		t.Errorf("%d open events, %d of them in the future: the worklists would be empty", open, future)
	}

	// The statistics of the last whole calendar year count every event that
	// started in it, and every notice sent about those (a whole year, so
	// that no month's small count hides the year's total, PR4).
	from, to := rules.Date(now.Year()-1, time.January, 1), rules.Date(now.Year()-1, time.December, 31)
	analyst := varsel.NewContext(ctx, &varsel.Viewer{Subject: "analytiker", Roles: []varsel.Role{varsel.RoleAnalyst}})
	report, err := reporting.Statistics(analyst, c, from, to, []reporting.Dimension{reporting.ByUnit})
	if err != nil {
		t.Fatal(err)
	}
	var inPeriod, sentInPeriod int
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, rules.Norway)
	end := time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, rules.Norway)
	for _, ev := range events {
		if !ev.StartsAt.Before(start) && ev.StartsAt.Before(end) {
			inPeriod++
			for _, n := range ev.Edges.Notices {
				if n.SentAt != nil {
					sentInPeriod++
				}
			}
		}
	}
	if got := report.Total.CustodyEvents.Value; got == nil || *got != inPeriod {
		t.Errorf("statistics: %v events in the period, want %d", report.Total.CustodyEvents, inPeriod)
	}
	if got := report.Total.NoticesSent.Value; got == nil || *got != sentInPeriod {
		t.Errorf("statistics: %v notices sent, want %d", report.Total.NoticesSent, sentInPeriod)
	}
	if len(report.Rows) < 2 {
		t.Errorf("statistics: %d units, want the convicts spread over several", len(report.Rows))
	}

	// The worklists of the units with the most open events have work on
	// them, and every item reads. (One unit's open events may all be done
	// with — assessed as not to be notified, or notified — so the five
	// busiest are asked, and one must have work.)
	rows, err := db.QueryContext(ctx, `SELECT c.unit_id FROM custody_events e JOIN convicts c ON c.id = e.convict_id
		WHERE e.status = 'OPEN' GROUP BY c.unit_id ORDER BY count(*) DESC, c.unit_id LIMIT 5`)
	if err != nil {
		t.Fatal(err)
	}
	var busiest []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		busiest = append(busiest, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	work := 0
	for _, id := range busiest {
		caseworker := varsel.NewContext(ctx, &varsel.Viewer{Subject: "saksbehandler", Roles: []varsel.Role{varsel.RoleCaseworker},
			UnitID: id, UnitIDs: []int{id}})
		items, err := workflow.New().Worklist(caseworker, c)
		if err != nil {
			t.Fatal(err)
		}
		work += len(items)
		for _, it := range items {
			if it.Convict == nil || it.Convict.UnitID != id || it.Title == "" {
				t.Errorf("worklist item %+v", it)
			}
		}
	}
	if work == 0 {
		t.Errorf("the %d units with the most open events have empty worklists", len(busiest))
	}

	// The sequences continue after the seeded rows: the service's next
	// convict gets a new ID.
	var maxID int
	if err := db.QueryRowContext(ctx, `SELECT max(id) FROM convicts`).Scan(&maxID); err != nil {
		t.Fatal(err)
	}
	number, err := rules.SyntheticIdentityNumber(rules.Date(1960, 1, 1), 900)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := c.Tx(sys)
	if err != nil {
		t.Fatal(err)
	}
	created, err := tx.Convict.Create().SetName("Ny Domfelt").SetNationalIdentityNumber(number).SetUnitID(busiest[0]).Save(sys)
	if err != nil {
		tx.Rollback()
		t.Fatalf("a convict after the seeded ones: %v", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if created.ID <= maxID {
		t.Errorf("the next convict got ID %d, not after the seeded %d", created.ID, maxID)
	}
	if n := c.Convict.Query().Where(convict.NationalIdentityNumber(number)).CountX(sys); n != 1 {
		t.Errorf("%d convicts with the new number", n)
	}

	// A database that already holds convicts is not seeded again.
	if _, err := seed.Run(ctx, db.DB.DB, seed.Scale{Convicts: 5, Years: 1}, now, nil); err == nil || !strings.Contains(err.Error(), "already holds") {
		t.Errorf("seeding again: %v", err)
	}
}
