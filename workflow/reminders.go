package workflow

import (
	"context"
	"fmt"
	"strings"
	"time"

	"varsel/ent"
	"varsel/ent/alert"
	"varsel/ent/custodyevent"
	"varsel/ent/informationrequest"
	"varsel/ent/notice"
	"varsel/ent/policereport"
	"varsel/ent/policerequest"
	"varsel/ent/securityassessment"
	"varsel/rules"
)

// RemindDays is how far ahead the units are reminded of notices due.
const RemindDays = 3

// phoneDocumentationGrace is how soon a telephone notice is documented in
// writing before the unit is reminded ("as soon as possible", NT1).
const phoneDocumentationGrace = 24 * time.Hour

// Remind raises the alerts of each unit — a notice due within three days
// and not yet sent, a telephone notice not documented in writing, an event
// whose notices will miss the 14-day lead time unless someone acts now, a
// police report not yet read (IX5), a declined police request not acted on — and
// resolves those whose situation has passed. It is idempotent: the periodic
// job runs it. It returns how many alerts are open.
func (s *Service) Remind(ctx context.Context) (int, error) {
	client, err := tx(ctx)
	if err != nil {
		return 0, err
	}
	now := s.Now()
	soon := rules.DateOf(now).AddDate(0, 0, RemindDays)
	want := map[string]*ent.AlertCreate{}

	due, err := client.Notice.Query().
		Where(notice.StatusIn(rules.NoticeHeld, rules.NoticeReady, rules.NoticeSending), notice.DueDateLTE(soon)).
		WithCustodyEvent(func(q *ent.CustodyEventQuery) { q.WithConvict() }).All(ctx)
	if err != nil {
		return 0, err
	}
	for _, n := range due {
		key := fmt.Sprint("due:", n.ID)
		want[key] = client.Alert.Create().SetKind(alert.KindNOTICE_DUE_SOON).SetRule("NT2").SetKey(key).
			SetMessage(fmt.Sprintf("Varselet om %s skal sendes senest %s.", n.Content.EventKind.Name(), n.DueDate.Format("02.01.2006"))).
			SetUnitID(n.Edges.CustodyEvent.Edges.Convict.UnitID).SetCustodyEventID(n.CustodyEventID).SetNoticeID(n.ID)
	}

	phones, err := client.Notice.Query().
		Where(notice.ChannelEQ(rules.Phone), notice.StatusEQ(rules.NoticeSent), notice.PhoneDocumentedAtIsNil(),
			notice.SentAtLT(now.Add(-phoneDocumentationGrace))).
		WithCustodyEvent(func(q *ent.CustodyEventQuery) { q.WithConvict() }).All(ctx)
	if err != nil {
		return 0, err
	}
	for _, n := range phones {
		key := fmt.Sprint("phone:", n.ID)
		want[key] = client.Alert.Create().SetKind(alert.KindPHONE_UNDOCUMENTED).SetRule("NT1").SetKey(key).
			SetMessage("Et varsel gitt per telefon er ikke dokumentert skriftlig.").
			SetUnitID(n.Edges.CustodyEvent.Edges.Convict.UnitID).SetCustodyEventID(n.CustodyEventID).SetNoticeID(n.ID)
	}

	// Events still short of notices whose due date is near: the 14 days will
	// be missed unless the assessment and the decision are made now.
	events, err := client.CustodyEvent.Query().
		Where(custodyevent.StatusEQ(custodyevent.StatusOPEN), custodyevent.KindNEQ(rules.Escape),
			custodyevent.StartsAtGTE(now), custodyevent.StartsAtLTE(now.AddDate(0, 0, rules.LeadTimeDays+RemindDays+1))).
		WithConvict().WithNotices().WithSecurityAssessments().All(ctx)
	if err != nil {
		return 0, err
	}
	for _, ev := range events {
		evDue := rules.NoticeDueDate(ev.Kind, ev.StartsAt, ev.CreatedAt)
		if len(ev.Edges.Notices) > 0 || evDue.After(soon) || riskConfirmed(ev, now) {
			continue
		}
		key := fmt.Sprint("lead:", ev.ID)
		want[key] = client.Alert.Create().SetKind(alert.KindLEAD_TIME_AT_RISK).SetRule("NT2").SetKey(key).
			SetMessage(fmt.Sprintf("Varsel om %s %s må gis senest %s, men er ikke forberedt.",
				ev.Kind.Name(), rules.DateOf(ev.StartsAt).Format("02.01.2006"), evDue.Format("02.01.2006"))).
			SetUnitID(ev.Edges.Convict.UnitID).SetCustodyEventID(ev.ID)
	}

	// The police's mandatory messages stay until the unit has read them (IX5);
	// those in the national queue reached no unit.
	reports, err := client.PoliceReport.Query().Where(policereport.AcknowledgedAtIsNil(), policereport.UnitIDNotNil()).
		WithPoliceDistrict().All(ctx)
	if err != nil {
		return 0, err
	}
	for _, r := range reports {
		want[fmt.Sprint("report:", r.ID)] = reportAlert(client, r, *r.UnitID, r.Edges.PoliceDistrict.Name)
	}
	// A request the police declined stays until the unit has acted on it.
	declined, err := s.declinedPending(ctx, client)
	if err != nil {
		return 0, err
	}
	for _, pr := range declined {
		want[fmt.Sprint("declined:", pr.ID)] = declinedAlert(client, pr)
	}

	open, err := client.Alert.Query().Where(alert.ResolvedAtIsNil()).All(ctx)
	if err != nil {
		return 0, err
	}
	for _, a := range open {
		base, _, _ := strings.Cut(a.Key, "@")
		if _, still := want[base]; still {
			delete(want, base) // raised before: raise it once
			continue
		}
		if err := a.Update().SetResolvedAt(now).Exec(ctx); err != nil {
			return 0, err
		}
	}
	for key, create := range want {
		// An alert resolved earlier may come back; its key then gets a suffix.
		if exists, err := client.Alert.Query().Where(alert.Key(key)).Exist(ctx); err != nil {
			return 0, err
		} else if exists {
			create.SetKey(fmt.Sprintf("%s@%d", key, now.Unix()))
		}
		if err := create.SetRaisedAt(now).Exec(ctx); err != nil {
			return 0, err
		}
	}
	return client.Alert.Query().Where(alert.ResolvedAtIsNil()).Count(ctx)
}

// declinedPending are the requests the police declined whose purpose still
// waits: a notice not sent another way, a security assessment still waiting
// for a statement, a request for information still unanswered.
func (s *Service) declinedPending(ctx context.Context, client *ent.Client) ([]*ent.PoliceRequest, error) {
	isDeclined := policerequest.StatusEQ(policerequest.StatusDECLINED)
	var ids []int
	notices, err := client.PoliceRequest.Query().
		Where(isDeclined, policerequest.KindEQ(policerequest.KindDELIVER_NOTICE), policerequest.HasNoticeWith(notice.StatusEQ(rules.NoticeReady))).
		IDs(ctx)
	if err != nil {
		return nil, err
	}
	ids = append(ids, notices...)
	assessments, err := client.SecurityAssessment.Query().
		Where(securityassessment.OutcomeEQ(rules.AwaitingPolice), securityassessment.HasPoliceRequestWith(isDeclined)).
		QueryPoliceRequest().IDs(ctx)
	if err != nil {
		return nil, err
	}
	ids = append(ids, assessments...)
	questions, err := client.InformationRequest.Query().
		Where(informationrequest.AnsweredAtIsNil(), informationrequest.HasPoliceRequestWith(isDeclined)).
		QueryPoliceRequest().IDs(ctx)
	if err != nil {
		return nil, err
	}
	ids = append(ids, questions...)
	if len(ids) == 0 {
		return nil, nil
	}
	return client.PoliceRequest.Query().Where(policerequest.IDIn(ids...)).All(ctx)
}

// riskConfirmed: a confirmed risk stands for the event now (AS2).
func riskConfirmed(ev *ent.CustodyEvent, now time.Time) bool {
	return securityOf(ev, now) == rules.SecurityRisk
}

// Alerts are the open alerts of the viewer's units (PR5).
func (s *Service) Alerts(ctx context.Context, client *ent.Client) ([]*ent.Alert, error) {
	return client.Alert.Query().Where(alert.ResolvedAtIsNil()).Order(ent.Asc(alert.FieldRaisedAt), ent.Asc(alert.FieldID)).All(ctx)
}
