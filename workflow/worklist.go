package workflow

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/convict"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/notice"
	"varsel/ent/privacy"
	"varsel/ent/securityassessment"
	"varsel/ent/survivor"
	"varsel/ent/victim"
	"varsel/rules"
)

// WorkStep is the next thing to do for an event or a notice.
type WorkStep string

const (
	StepAssessSecurity      WorkStep = "ASSESS_SECURITY"
	StepAwaitPolice         WorkStep = "AWAIT_POLICE_STATEMENT"
	StepAssessSignificance  WorkStep = "ASSESS_SIGNIFICANCE"
	StepDecide              WorkStep = "DECIDE"
	StepInformConvict       WorkStep = "INFORM_CONVICT"
	StepDecideAppeal        WorkStep = "DECIDE_APPEAL"
	StepAwaitAppealDeadline WorkStep = "AWAIT_APPEAL_DEADLINE"
	StepPrepareNotices      WorkStep = "PREPARE_NOTICES"
	StepSendNotice          WorkStep = "SEND_NOTICE"
	StepPostLetter          WorkStep = "POST_LETTER"
	StepDocumentPhone       WorkStep = "DOCUMENT_PHONE_NOTICE"
	StepAwaitPoliceDelivery WorkStep = "AWAIT_POLICE_DELIVERY"
)

// Values lists the steps in the order the workflow takes them.
func (WorkStep) Values() []string {
	return []string{string(StepAssessSecurity), string(StepAwaitPolice), string(StepAssessSignificance),
		string(StepDecide), string(StepInformConvict), string(StepDecideAppeal), string(StepAwaitAppealDeadline),
		string(StepPrepareNotices), string(StepSendNotice), string(StepPostLetter), string(StepDocumentPhone),
		string(StepAwaitPoliceDelivery)}
}

// WorklistItem is one piece of open work, with its deadline and the rule
// that requires it.
type WorklistItem struct {
	Step         WorkStep
	Title        string // what to do, in Norwegian
	Rule         string
	Deadline     *time.Time
	Overdue      bool
	Convict      *ent.Convict
	CustodyEvent *ent.CustodyEvent
	Decision     *ent.Decision
	Appeal       *ent.Appeal
	Notice       *ent.Notice
}

// worklistHorizon is how long after an event's start it stays on the list
// while work remains (a late escape notice, an appeal).
const worklistHorizon = 30 * 24 * time.Hour

// Worklist is the open work of the viewer's units, most urgent first: each
// item's next step and its deadline (notice due date, appeal deadline …).
// The privacy policies limit it to the viewer's unit scope (PR5).
//
// The policies pick the events; what is read with them — their convicts,
// assessments, decisions, notices — belongs to those events, so it is read
// by the events' IDs without the policies filtering every row again (which
// was most of the worklist's cost in the database).
//
// A worklist once computed is kept until the next change that touches one
// of the viewer's units (untilchange.Scopes, touchedUnits): the caseworkers
// of a unit ask for it far more often than anything there changes, and a
// change at another unit leaves it standing.
func (s *Service) Worklist(ctx context.Context, client *ent.Client) ([]*WorklistItem, error) {
	now := s.Now()
	v := varsel.FromContext(ctx)
	if v == nil {
		return nil, varsel.Errorf(varsel.EUNAUTHENTICATED, "Du er ikke logget inn.")
	}
	// The minute is part of the key for what time alone changes: the overdue
	// marks and the events that leave the horizon (deadlines are shown to
	// the minute).
	key, err := s.scopes.Key(ctx, client, touchedUnits, v)
	if err != nil {
		return nil, err
	}
	return s.worklists.Get(ctx, key.At(now.In(rules.Norway).Format("2006-01-02T15:04")), func() ([]*WorklistItem, error) {
		return s.worklist(ctx, client, now)
	})
}

// worklist computes the worklist afresh.
func (s *Service) worklist(ctx context.Context, client *ent.Client, now time.Time) ([]*WorklistItem, error) {
	ids, err := client.CustodyEvent.Query().
		Where(custodyevent.StartsAtGTE(now.Add(-worklistHorizon)), custodyevent.Or(
			custodyevent.StatusEQ(custodyevent.StatusOPEN),
			// A cancelled event stays until its cancellations have gone (NT8).
			custodyevent.And(custodyevent.StatusEQ(custodyevent.StatusCANCELLED),
				custodyevent.HasNoticesWith(notice.StatusIn(rules.NoticeHeld, rules.NoticeReady, rules.NoticeSending))))).
		IDs(ctx)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	theirs := privacy.DecisionContext(ctx, privacy.Allow)
	events, err := withWorkState(client.CustodyEvent.Query()).
		Where(custodyevent.IDIn(ids...)).
		Order(ent.Asc(custodyevent.FieldStartsAt)).
		All(theirs)
	if err != nil {
		return nil, err
	}
	if err := withRecipients(theirs, client, events); err != nil {
		return nil, err
	}
	var items []*WorklistItem
	for _, ev := range events {
		items = append(items, s.nextSteps(ev, now)...)
	}
	slices.SortStableFunc(items, func(a, b *WorklistItem) int {
		switch {
		case a.Deadline == nil && b.Deadline != nil:
			return 1
		case a.Deadline != nil && b.Deadline == nil:
			return -1
		case a.Deadline != nil && !a.Deadline.Equal(*b.Deadline):
			return a.Deadline.Compare(*b.Deadline)
		}
		return cmp.Compare(slices.Index(WorkStep("").Values(), string(a.Step)), slices.Index(WorkStep("").Values(), string(b.Step)))
	})
	return items, nil
}

// withWorkState loads what nextSteps needs to know of events: the convict,
// the latest security assessment, the assessments, the decision in force with
// any pending appeal, and the notices not cancelled. The convict's potential
// recipients come from withRecipients.
func withWorkState(q *ent.CustodyEventQuery) *ent.CustodyEventQuery {
	return q.
		WithConvict().
		WithSecurityAssessments(func(q *ent.SecurityAssessmentQuery) {
			q.Order(ent.Desc(securityassessment.FieldAssessedAt), ent.Desc(securityassessment.FieldID))
		}).
		WithAssessments().
		WithDecisions(func(q *ent.DecisionQuery) {
			q.WithAppeals(func(q *ent.AppealQuery) { q.Where(appeal.StatusEQ(appeal.StatusPENDING)) })
		}).
		WithNotices(func(q *ent.NoticeQuery) {
			q.Where(notice.StatusNEQ(rules.NoticeCancelled)).Order(ent.Asc(notice.FieldID))
		})
}

// withRecipients loads the potential recipients — the convict's cases, their
// victims and the survivors — for the events that wait for assessments, the
// one step that needs to know them: security cleared, nothing decided. Most
// events on a worklist are past that, so most convicts' cases are not read.
func withRecipients(ctx context.Context, client *ent.Client, events []*ent.CustodyEvent) error {
	var ids []int
	for _, ev := range events {
		if awaitsAssessments(ev) {
			ids = append(ids, ev.ConvictID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	convicts, err := client.Convict.Query().Where(convict.IDIn(ids...)).
		WithCriminalCases(func(q *ent.CriminalCaseQuery) {
			q.WithVictims(func(q *ent.VictimQuery) {
				q.Where(victim.RegisteredInErrorAtIsNil()).
					WithSurvivors(func(q *ent.SurvivorQuery) { q.Where(survivor.RegisteredInErrorAtIsNil()) })
			})
		}).All(ctx)
	if err != nil {
		return err
	}
	byID := make(map[int]*ent.Convict, len(convicts))
	for _, c := range convicts {
		byID[c.ID] = c
	}
	for _, ev := range events {
		if c := byID[ev.ConvictID]; c != nil && awaitsAssessments(ev) {
			ev.Edges.Convict = c
		}
	}
	return nil
}

// awaitsAssessments: security is cleared (AS2) and no decision is in force,
// so nextSteps counts the potential recipients not yet assessed.
func awaitsAssessments(ev *ent.CustodyEvent) bool {
	if d, _ := decisionOf(ev); d != nil {
		return false
	}
	switch securityOf(ev, time.Now()) {
	case rules.SecurityCleared, rules.SecurityAwaitingPolice:
		return true
	}
	return false
}

// preparedSince reports whether notices were made under the decision in
// force; after a withdrawn decision, the earlier ones were not (NT8).
func preparedSince(ev *ent.CustodyEvent, d *ent.Decision) bool {
	for _, n := range ev.Edges.Notices {
		if !n.CreatedAt.Before(d.CreatedAt) {
			return true
		}
	}
	return false
}

// decisionOf is the event's decision in force, if any, and whether one was
// overturned (DC7) or withdrawn (DC1).
func decisionOf(ev *ent.CustodyEvent) (inForce *ent.Decision, fell bool) {
	for _, d := range ev.Edges.Decisions {
		if d.Status == decision.StatusIN_FORCE {
			inForce = d
		} else {
			fell = true
		}
	}
	return inForce, fell
}

// securityOf is where the event's security stands at a moment, from all its
// security records (AS2).
func securityOf(ev *ent.CustodyEvent, at time.Time) rules.Security {
	records := make([]rules.SecurityRecord, len(ev.Edges.SecurityAssessments))
	for i, sa := range ev.Edges.SecurityAssessments {
		records[i] = securityRecord(sa)
	}
	return rules.EffectiveSecurity(records, at)
}

// NextSteps is what remains to be done for one event, as its worklist items
// would say it, whether or not the event is still on the worklist.
func (s *Service) NextSteps(ctx context.Context, client *ent.Client, eventID int) ([]*WorklistItem, error) {
	ev, err := found(withWorkState(client.CustodyEvent.Query()).Where(custodyevent.ID(eventID)).Only(ctx))("hendelsen")
	if err != nil {
		return nil, err
	}
	if err := withRecipients(ctx, client, []*ent.CustodyEvent{ev}); err != nil {
		return nil, err
	}
	return s.nextSteps(ev, s.Now()), nil
}

// nextSteps says what remains to be done for one event.
func (s *Service) nextSteps(ev *ent.CustodyEvent, now time.Time) []*WorklistItem {
	due := rules.NoticeDueDate(ev.Kind, ev.StartsAt, ev.CreatedAt)
	item := func(step WorkStep, rule, title string, deadline *time.Time) *WorklistItem {
		it := &WorklistItem{Step: step, Title: title, Rule: rule, Deadline: deadline, Convict: ev.Edges.Convict, CustodyEvent: ev}
		it.Overdue = deadline != nil && rules.DateOf(now).After(*deadline)
		return it
	}
	what := fmt.Sprintf("%s %s", ev.Kind.Name(), rules.DateOf(ev.StartsAt).Format("02.01.2006"))
	if ev.Status == custodyevent.StatusCANCELLED {
		what += " (avlyst)"
	}

	switch securityOf(ev, now) {
	case rules.SecurityNotAssessed:
		return []*WorklistItem{item(StepAssessSecurity, "AS2", "Gjør sikkerhetsvurdering: "+what, &due)}
	case rules.SecurityAwaitingPolice:
		// The assessments of the recipients go on while the police answer;
		// the decision waits (AS2).
		items := []*WorklistItem{item(StepAwaitPolice, "AS2", "Venter på politiets uttalelse om fare for hevnaksjoner: "+what, &due)}
		if d, fell := decisionOf(ev); d == nil && !fell {
			if pending := pendingAssessments(ev); pending > 0 {
				items = append(items, item(StepAssessSignificance, "AS1",
					fmt.Sprintf("Vurder om varsel er av betydning for %d mulige mottakere: %s", pending, what), &due))
			}
		}
		return items
	case rules.SecurityRisk:
		return nil // no notice is given
	}

	d, fell := decisionOf(ev)
	if ev.Status == custodyevent.StatusCANCELLED && d == nil && !fell {
		return nil
	}
	if d == nil && fell {
		// The decision was overturned or withdrawn: only what is owed to
		// those already told goes on (NT8).
		return noticeSteps(ev, nil, item, what)
	}
	if d == nil {
		notify := false
		for _, a := range ev.Edges.Assessments {
			notify = notify || a.Outcome == assessment.OutcomeNOTIFY
		}
		pending := pendingAssessments(ev)
		switch {
		case pending > 0:
			return []*WorklistItem{item(StepAssessSignificance, "AS1",
				fmt.Sprintf("Vurder om varsel er av betydning for %d mulige mottakere: %s", pending, what), &due)}
		case notify:
			return []*WorklistItem{item(StepDecide, "DC1", "Fatt vedtak om varsling: "+what, &due)}
		}
		return nil // assessed: nobody is to be notified
	}

	if len(d.Edges.Appeals) > 0 {
		it := item(StepDecideAppeal, "DC7", "Klage på vedtaket om varsling skal avgjøres: "+what, &due)
		it.Decision, it.Appeal = d, d.Edges.Appeals[0]
		return []*WorklistItem{it}
	}
	if ev.Status == custodyevent.StatusOPEN && d.ConvictInformedAt == nil && d.InformingImpracticableReason == "" {
		it := item(StepInformConvict, "DC3", "Underrett domfelte om vedtaket og klageadgangen: "+what, &due)
		it.Decision = d
		return []*WorklistItem{it}
	}
	if !preparedSince(ev, d) && ev.Status == custodyevent.StatusOPEN {
		it := item(StepPrepareNotices, "NT2", "Lag varslene: "+what, &due)
		it.Decision = d
		return []*WorklistItem{it}
	}
	return noticeSteps(ev, d, item, what)
}

// noticeSteps are the steps for the event's notices that are not
// cancelled: send, post, document, await the police. d is the decision in
// force, or nil when it fell.
func noticeSteps(ev *ent.CustodyEvent, d *ent.Decision, item func(WorkStep, string, string, *time.Time) *WorklistItem, what string) []*WorklistItem {
	var appealDeadline *time.Time
	if d != nil {
		appealDeadline = d.AppealDeadline
	}
	var items []*WorklistItem
	for _, n := range ev.Edges.Notices {
		switch n.Status {
		case rules.NoticeHeld:
			it := item(StepAwaitAppealDeadline, "DC5", "Varselet venter til klagefristen er ute: "+what, appealDeadline)
			it.Decision, it.Notice = d, n
			items = append(items, it)
		case rules.NoticeReady:
			dueDate := n.DueDate
			it := item(StepSendNotice, "NT2", "Send "+noticeNoun(n.Kind)+": "+what, &dueDate)
			it.Decision, it.Notice = d, n
			items = append(items, it)
		case rules.NoticeSending:
			if n.Channel != nil && *n.Channel == rules.Letter {
				dueDate := n.DueDate
				it := item(StepPostLetter, "NT1", "Skriv ut og post brevet: "+what, &dueDate)
				it.Decision, it.Notice = d, n
				items = append(items, it)
			}
		case rules.NoticeSent:
			switch {
			case *n.Channel == rules.Phone && n.PhoneDocumentedAt == nil:
				deadline := rules.DateOf(n.SentAt.Add(phoneDocumentationGrace))
				it := item(StepDocumentPhone, "NT1", "Dokumenter telefonvarselet skriftlig: "+what, &deadline)
				it.Decision, it.Notice = d, n
				items = append(items, it)
			case *n.Channel == rules.ViaPolice:
				dueDate := n.DueDate
				it := item(StepAwaitPoliceDelivery, "RC9", "Venter på at politiet bekrefter levering: "+what, &dueDate)
				it.Decision, it.Notice = d, n
				items = append(items, it)
			}
		}
	}
	return items
}

// pendingAssessments counts the potential recipients of an event not yet
// assessed (AS1): living victims of the cases served, survivors of the dead.
func pendingAssessments(ev *ent.CustodyEvent) int {
	if ev.Edges.Convict == nil {
		return 0
	}
	assessed := map[string]bool{}
	for _, a := range ev.Edges.Assessments {
		if a.VictimID != nil {
			assessed[fmt.Sprint("v", *a.VictimID)] = true
		}
		if a.SurvivorID != nil {
			assessed[fmt.Sprint("s", *a.SurvivorID)] = true
		}
	}
	pending := 0
	for _, c := range ev.Edges.Convict.Edges.CriminalCases {
		if c.Status != rules.Serving {
			continue
		}
		for _, v := range c.Edges.Victims {
			if !v.Deceased && !assessed[fmt.Sprint("v", v.ID)] {
				pending++
			}
			for _, sv := range v.Edges.Survivors {
				if v.Deceased && !assessed[fmt.Sprint("s", sv.ID)] {
					pending++
				}
			}
		}
	}
	return pending
}

// MarshalGQL and UnmarshalGQL make WorkStep the GraphQL enum of that name.
func (s WorkStep) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Quote(string(s))) }

func (s *WorkStep) UnmarshalGQL(v any) error {
	str, ok := v.(string)
	if !ok || !slices.Contains(s.Values(), str) {
		return fmt.Errorf("%v er ikke et gyldig steg", v)
	}
	*s = WorkStep(str)
	return nil
}

// noticeNoun is how the worklist names a notice of its kind (NT8).
func noticeNoun(k rules.NoticeKind) string {
	switch k {
	case rules.KindCorrection:
		return "rettelsen"
	case rules.KindCancellation:
		return "avlysningen"
	}
	return "varselet"
}
