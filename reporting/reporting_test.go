package reporting_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"varsel"
	"varsel/dbtest"
	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/policerequest"
	"varsel/reporting"
	"varsel/rules"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// oslo is a time in Norway.
func oslo(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, rules.Norway)
}

// fixture is a year of hand-counted data at two units:
//
// Oslo fengsel (region OST), convict A:
//   - six LEAVEs starting 10 March 2026 10:00, each assessed NOTIFY and
//     notified by LETTER: five sent 20 February (18 days ahead, on time), one
//     sent 5 March (5 days ahead, late, with a justification); five of the
//     six decided; five appeals on them (3 upheld, 2 overturned); five police
//     requests answered after 24, 24, 48, 48 and 72 hours;
//   - one ESCAPE on 2 April 12:00, notified by telephone three hours later,
//     not documented, not decided;
//   - one LEAVE in December 2025, outside the period.
//
// Bergen fengsel (region VEST), convict B: two LEAVEs on 10 March, assessed
// DO_NOT_NOTIFY, one of them stopped by a confirmed risk of revenge.
type fixture struct {
	osloUnit, bergenUnit int
}

func seed(t *testing.T, client *ent.Client) fixture {
	t.Helper()
	ctx := varsel.SystemContext(context.Background())
	tx, err := client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := tx.Client()
	ctx = ent.NewContext(ctx, c)
	district := c.PoliceDistrict.Create().SetName("Oslo politidistrikt").SetCode("oslo").SaveX(ctx)
	osloUnit := c.Unit.Create().SetName("Oslo fengsel").SetCode("oslo-fengsel").SetKind(rules.LocalLevel).SetRegionCode("OST").SaveX(ctx)
	bergenUnit := c.Unit.Create().SetName("Bergen fengsel").SetCode("bergen-fengsel").SetKind(rules.LocalLevel).SetRegionCode("VEST").SaveX(ctx)
	convict := func(name string, unit *ent.Unit, individual int) *ent.Convict {
		nin, err := rules.SyntheticIdentityNumber(rules.Date(1980, 1, 1), individual)
		if err != nil {
			t.Fatal(err)
		}
		return c.Convict.Create().SetName(name).SetNationalIdentityNumber(nin).SetUnit(unit).SaveX(ctx)
	}
	a, b := convict("A", osloUnit, 100), convict("B", bergenUnit, 200)
	event := func(cv *ent.Convict, unit *ent.Unit, kind rules.EventKind, at time.Time) *ent.CustodyEvent {
		return c.CustodyEvent.Create().SetConvict(cv).SetKind(kind).SetLegalBasis("strgjfl. § 7 b").SetStartsAt(at).
			SetDecidingLevel(rules.LocalLevel).SetDecidingUnit(unit).SaveX(ctx)
	}
	assess := func(ev *ent.CustodyEvent, outcome assessment.Outcome) *ent.Assessment {
		return c.Assessment.Create().SetCustodyEvent(ev).SetOutcome(outcome).SetFactors(rules.Factors{}).SetReasoning("x").SaveX(ctx)
	}
	n := 0
	send := func(ev *ent.CustodyEvent, as *ent.Assessment, channel rules.Channel, sent, due time.Time, late bool, early ...string) {
		n++
		create := c.Notice.Create().SetCustodyEvent(ev).SetAssessment(as).SetStatus(rules.NoticeSent).SetRoute(rules.Direct).
			SetChannel(channel).SetDueDate(due).SetLate(late).SetContent(rules.NoticeContent{}).SetWrittenStandard(rules.Bokmal).
			SetDedupeKey(fmt.Sprint("n", n)).SetSentAt(sent)
		if late {
			create.SetLateJustification("Permisjonen ble innvilget sent.")
		}
		for _, why := range early { // sent before the decision was final (DC5)
			create.SetEarlyReleaseJustification(why)
		}
		create.ExecX(ctx)
	}
	turnaround := []int{24, 24, 48, 48, 72}
	for i := range 6 {
		minute := time.Duration(i) * time.Minute // one event per convict, kind and time
		ev := event(a, osloUnit, rules.Leave, oslo(2026, 3, 10, 10).Add(minute))
		as := assess(ev, assessment.OutcomeNOTIFY)
		due := rules.Date(2026, 2, 24)
		if i == 5 {
			send(ev, as, rules.Letter, oslo(2026, 3, 5, 10).Add(minute), due, true)
			continue // not decided
		}
		send(ev, as, rules.Letter, oslo(2026, 2, 20, 10).Add(minute), due, false, "Permisjonen nærmer seg.")
		// DC3: the convict could not be told (an exception a decision maker justified).
		d := c.Decision.Create().SetCustodyEvent(ev).SetLevel(rules.LocalLevel).SetDecidedAt(oslo(2026, 2, 10, 9)).SetDecidingUnit(osloUnit).
			SetReasoning("Fornærmede har bedt om varsel.").SetInformingImpracticableReason("Domfelte er innlagt på sykehus.").SaveX(ctx)
		status := appeal.StatusUPHELD
		if i >= 3 {
			status = appeal.StatusOVERTURNED
		}
		c.Appeal.Create().SetDecision(d).SetReceivedAt(oslo(2026, 2, 12, 9)).SetStatus(status).ExecX(ctx)
		asked := oslo(2026, 2, 1, 9)
		c.PoliceRequest.Create().SetKind(policerequest.KindSECURITY_STATEMENT).SetPoliceDistrict(district).SetUnit(osloUnit).
			SetCustodyEvent(ev).SetStatus(policerequest.StatusCOMPLETED).SetCreatedAt(asked).
			SetCompletedAt(asked.Add(time.Duration(turnaround[i]) * time.Hour)).ExecX(ctx)
	}
	escape := event(a, osloUnit, rules.Escape, oslo(2026, 4, 2, 12))
	send(escape, assess(escape, assessment.OutcomeNOTIFY), rules.Phone, oslo(2026, 4, 2, 15), rules.Date(2026, 4, 2), false)
	// An escaped convict cannot be told: the rule, not an exception (DC3).
	c.Decision.Create().SetCustodyEvent(escape).SetLevel(rules.LocalLevel).SetDecidedAt(oslo(2026, 4, 2, 13)).SetDecidingUnit(osloUnit).
		SetReasoning("Unndragelse.").SetInformingImpracticableReason("Domfelte har unndratt seg.").ExecX(ctx)
	event(a, osloUnit, rules.Leave, oslo(2025, 12, 20, 10))
	for i := range 2 {
		ev := event(b, bergenUnit, rules.Leave, oslo(2026, 3, 10, 10).Add(time.Duration(i)*time.Minute))
		assess(ev, assessment.OutcomeDO_NOT_NOTIFY)
		if i == 0 {
			c.SecurityAssessment.Create().SetCustodyEvent(ev).SetOutcome(rules.RiskConfirmed).SetReasoning("x").SetAssessedAt(oslo(2026, 3, 1, 9)).ExecX(ctx)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return fixture{osloUnit: osloUnit.ID, bergenUnit: bergenUnit.ID}
}

func analyst() context.Context {
	return varsel.NewContext(context.Background(), &varsel.Viewer{Subject: "analytiker", Roles: []varsel.Role{varsel.RoleAnalyst}})
}

// wantCount checks a count: a value, or suppressed (-1).
func wantCount(t *testing.T, what string, got reporting.Count, want int) {
	t.Helper()
	switch {
	case want < 0 && (!got.Suppressed || got.Value != nil):
		t.Errorf("%s = %+v, want it suppressed (PR4)", what, got)
	case want >= 0 && (got.Suppressed || got.Value == nil || *got.Value != want):
		t.Errorf("%s = %+v, want %d", what, got, want)
	}
}

func wantFigure(t *testing.T, what string, got reporting.Figure, want float64, suppressed bool) {
	t.Helper()
	switch {
	case suppressed && (!got.Suppressed || got.Value != nil):
		t.Errorf("%s = %+v, want it suppressed (PR4)", what, got)
	case !suppressed && (got.Value == nil || fmt.Sprintf("%.4f", *got.Value) != fmt.Sprintf("%.4f", want)):
		t.Errorf("%s = %+v, want %.4f", what, got, want)
	}
}

// PR4, NT2: the figures match the hand count; every count below 5, and every
// rate or median from fewer than 5 cases, is suppressed.
func TestStatisticsMatchTheHandCount(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			db := dbtest.Open(t, d)
			f := seed(t, db.Client)
			r, err := reporting.Statistics(analyst(), db.Client, rules.Date(2026, 1, 1), rules.Date(2026, 12, 31), nil)
			if err != nil {
				t.Fatal(err)
			}
			tot := r.Total
			const hidden = -1
			wantCount(t, "custody events", tot.CustodyEvents, 9)
			wantCount(t, "assessed notify", tot.AssessmentsNotify, 7)
			wantCount(t, "assessed not to notify (2)", tot.AssessmentsDoNotNotify, hidden)
			wantCount(t, "blocked for security (1)", tot.EventsBlockedForSecurity, hidden)
			wantCount(t, "notices sent", tot.NoticesSent, 7)
			// PR4, complementary: 7 sent = 6 letters + 1 telephone, so the letters
			// would give the hidden telephone notice away.
			wantCount(t, "by letter (the notices sent minus the hidden telephone notice)", tot.NoticesByLetter, hidden)
			wantCount(t, "by phone (1)", tot.NoticesByPhone, hidden)
			wantCount(t, "by Digipost (0)", tot.NoticesByDigipost, hidden)
			wantFigure(t, "on-time rate", tot.OnTimeRate, 5.0/6, false)
			wantFigure(t, "median lead days", tot.MedianLeadDays, 18, false)
			wantCount(t, "late (1)", tot.LateNotices, hidden)
			wantCount(t, "escapes notified (1)", tot.EscapesNotified, hidden)
			wantFigure(t, "median hours from escape (1 case)", tot.MedianHoursEscapeToNotice, 0, true)
			wantCount(t, "appeals", tot.AppealsReceived, 5)
			wantCount(t, "upheld (3)", tot.AppealsUpheld, hidden)
			wantCount(t, "police requests", tot.PoliceRequests, 5)
			wantFigure(t, "median police turnaround", tot.MedianPoliceTurnaroundHours, 48, false)
			wantCount(t, "undocumented phone (1)", tot.UndocumentedPhoneNotices, hidden)
			wantCount(t, "decisions pending (3)", tot.DecisionsPending, hidden)
			wantCount(t, "not informed, escapes excepted (DC3)", tot.DecisionsNotInformed, 5)
			wantCount(t, "sent before final (DC5)", tot.NoticesSentBeforeFinal, 5)

			byUnit, err := reporting.Statistics(analyst(), db.Client, rules.Date(2026, 1, 1), rules.Date(2026, 12, 31), []reporting.Dimension{reporting.ByUnit})
			if err != nil {
				t.Fatal(err)
			}
			if len(byUnit.Rows) != 2 || *byUnit.Rows[0].UnitID != f.osloUnit || *byUnit.Rows[1].UnitID != f.bergenUnit {
				t.Fatalf("rows by unit: %+v", byUnit.Rows)
			}
			// Two units: Oslo's 7 would be the 9 of the total minus Bergen's hidden 2.
			wantCount(t, "Oslo's events (9 − Bergen's 2)", byUnit.Rows[0].CustodyEvents, hidden)
			wantCount(t, "Bergen's events (2)", byUnit.Rows[1].CustodyEvents, hidden)
			wantFigure(t, "Oslo's median lead days", byUnit.Rows[0].MedianLeadDays, 18, false)
			wantFigure(t, "Oslo's median police turnaround", byUnit.Rows[0].MedianPoliceTurnaroundHours, 48, false)
			wantCount(t, "Oslo's notices sent", byUnit.Rows[0].NoticesSent, 7)
			wantCount(t, "Oslo's appeals", byUnit.Rows[0].AppealsReceived, 5)
			// The total of a grouped report is the whole period's, medians too.
			wantCount(t, "total events, by unit", byUnit.Total.CustodyEvents, 9)
			wantFigure(t, "total on-time rate, by unit", byUnit.Total.OnTimeRate, 5.0/6, false)
			wantFigure(t, "total median lead days, by unit", byUnit.Total.MedianLeadDays, 18, false)
			wantFigure(t, "total median police turnaround, by unit", byUnit.Total.MedianPoliceTurnaroundHours, 48, false)
			wantCount(t, "total by letter, by unit", byUnit.Total.NoticesByLetter, hidden)

			byChannel, err := reporting.Statistics(analyst(), db.Client, rules.Date(2026, 1, 1), rules.Date(2026, 12, 31), []reporting.Dimension{reporting.ByChannel})
			if err != nil {
				t.Fatal(err)
			}
			rows := map[string]*reporting.Row{}
			for _, row := range byChannel.Rows {
				key := "none"
				if row.Channel != nil {
					key = string(*row.Channel)
				}
				rows[key] = row
			}
			if len(rows) != 3 {
				t.Fatalf("rows by channel: %v", rows)
			}
			// The letters are the 7 notices sent minus the one telephone notice:
			// hidden, and the rate and median drawn from them with them.
			wantCount(t, "letters", rows["LETTER"].NoticesSent, hidden)
			wantFigure(t, "letters on time", rows["LETTER"].OnTimeRate, 0, true)
			wantFigure(t, "letters' median lead days", rows["LETTER"].MedianLeadDays, 0, true)
			wantCount(t, "by letter, in the letters' row", rows["LETTER"].NoticesByLetter, hidden)
			wantCount(t, "notices sent, by channel", byChannel.Total.NoticesSent, 7)
			wantFigure(t, "total median lead days, by channel", byChannel.Total.MedianLeadDays, 18, false)
			wantCount(t, "telephone notices (1)", rows["PHONE"].NoticesSent, hidden)
			wantCount(t, "events, which have no channel", rows["none"].CustodyEvents, 9)

			byMonth, err := reporting.Statistics(analyst(), db.Client, rules.Date(2026, 1, 1), rules.Date(2026, 12, 31),
				[]reporting.Dimension{reporting.ByRegion, reporting.ByMonth})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]reporting.Count{}
			for _, row := range byMonth.Rows {
				got[*row.Region+" "+*row.Month] = row.CustodyEvents
			}
			if len(got) != 3 {
				t.Fatalf("rows by region and month: %v", got)
			}
			// OST's March would be OST's year (7, shown by region) minus its April (1).
			wantCount(t, "OST 2026-03 (7 − April's 1)", got["OST 2026-03"], hidden)
			wantCount(t, "OST 2026-04 (1)", got["OST 2026-04"], hidden)
			wantCount(t, "VEST 2026-03 (2)", got["VEST 2026-03"], hidden)

			// A decision maker at Bergen sees Bergen only.
			bergen := varsel.NewContext(context.Background(), &varsel.Viewer{Subject: "x", Roles: []varsel.Role{varsel.RoleDecisionMaker},
				UnitID: f.bergenUnit, UnitIDs: []int{f.bergenUnit}})
			own, err := reporting.Statistics(bergen, db.Client, rules.Date(2026, 1, 1), rules.Date(2026, 12, 31), []reporting.Dimension{reporting.ByUnit})
			if err != nil {
				t.Fatal(err)
			}
			if len(own.Rows) != 1 || *own.Rows[0].UnitID != f.bergenUnit {
				t.Fatalf("Bergen's decision maker sees %+v", own.Rows)
			}

			// PR4: a period is whole calendar months — 1–10 March is March — so
			// that two periods never single out a day. March's 8 events would be
			// the year's 9 minus April's hidden escape.
			march, err := reporting.Statistics(analyst(), db.Client, rules.Date(2026, 3, 1), rules.Date(2026, 3, 10), nil)
			if err != nil {
				t.Fatal(err)
			}
			if march.From != rules.Date(2026, 3, 1) || march.To != rules.Date(2026, 3, 31) {
				t.Errorf("1–10 March is reported as %v–%v, want all of March", march.From, march.To)
			}
			wantCount(t, "events in March (the year's 9 − April's 1)", march.Total.CustodyEvents, hidden)
			wantCount(t, "notices sent in March (7 − April's escape notice)", march.Total.NoticesSent, hidden)
			if _, err := reporting.Statistics(analyst(), db.Client, rules.Date(2026, 3, 10), rules.Date(2026, 3, 1), nil); varsel.ErrorCode(err) != varsel.EINVALID {
				t.Fatalf("a period that ends before it begins: %v", err)
			}
		})
	}
}
