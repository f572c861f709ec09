package workflow

import (
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/correction"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/rules"
)

// Reality changes (NT8): an event is moved or cancelled after it was
// registered, perhaps after notices went out. Every unsent notice follows
// the change before it can go; whoever was told a time that no longer holds
// gets a corrected notice, and whoever was told of an event that will not
// happen gets a cancellation — once, through the same rules as the notice.

// MoveCustodyEventInput moves an event to a new time.
type MoveCustodyEventInput struct {
	CustodyEventID int
	StartsAt       time.Time
	EndsAt         *time.Time
	DateOnly       bool
	Reason         string
}

// MoveCustodyEvent records the event's new time (EV6) and why (NT8). Unsent
// notices are re-timed, with a new due date (NT2); a notice the police hold
// and have not delivered is withdrawn and a new one prepared; whoever was
// told the old time gets a corrected notice.
func (s *Service) MoveCustodyEvent(ctx context.Context, in MoveCustodyEventInput) (*ent.CustodyEvent, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	ev, err := s.openEvent(ctx, client, in.CustodyEventID)
	if err != nil {
		return nil, err
	}
	c, err := s.caseOf(ctx, client, ev.ID)
	if err != nil {
		return nil, err
	}
	reason := strings.TrimSpace(in.Reason)
	facts := rules.EventFacts{Kind: ev.Kind, StartsAt: in.StartsAt, EndsAt: in.EndsAt, DateOnly: in.DateOnly}
	if err := rules.Fire(rules.MoveEvent, c, rules.Step{Reasoning: reason, Event: &facts}); err != nil {
		return nil, err
	}
	clash, err := client.CustodyEvent.Query().Where(custodyevent.ConvictID(ev.ConvictID), custodyevent.KindEQ(ev.Kind),
		custodyevent.StartsAt(in.StartsAt), custodyevent.IDNEQ(ev.ID)).Exist(ctx)
	if err != nil {
		return nil, err
	}
	if clash {
		return nil, (&rules.Violation{Rule: "EV6", Provision: "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5",
			Message: fmt.Sprintf("Domfelte har allerede %s registrert med dette starttidspunktet.", ev.Kind.Name())}).On("startsAt")
	}
	update := client.CustodyEvent.UpdateOneID(ev.ID).SetStartsAt(in.StartsAt).SetDateOnly(in.DateOnly).
		SetMovedAt(s.Now()).SetMoveReason(reason)
	if in.EndsAt != nil {
		update.SetEndsAt(*in.EndsAt)
	} else {
		update.ClearEndsAt()
	}
	changed := []string{}
	if !in.StartsAt.Equal(c.Event.StartsAt) {
		changed = append(changed, "startsAt")
	}
	if !sameTime(in.EndsAt, c.Event.EndsAt) {
		changed = append(changed, "endsAt")
	}
	if in.DateOnly != c.Event.DateOnly {
		changed = append(changed, "dateOnly")
	}
	if ev, err = update.Save(ctx); err != nil {
		return nil, err
	}
	if err := recordCorrection(ctx, client, v, correction.SubjectCUSTODY_EVENT, ev.ID, ev.ConvictID, changed, reason); err != nil {
		return nil, err
	}
	return ev, s.followEvent(ctx, client, ev.ID, "Hendelsen er flyttet: "+reason)
}

// CancelCustodyEventInput cancels an event.
type CancelCustodyEventInput struct {
	CustodyEventID int
	Reason         string
}

// CancelCustodyEvent records that the event will not happen, and why
// (NT8). Unsent notices are cancelled, a notice the police hold is
// withdrawn with its request, and whoever was told of the event gets a
// cancellation.
func (s *Service) CancelCustodyEvent(ctx context.Context, in CancelCustodyEventInput) (*ent.CustodyEvent, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	ev, err := s.openEvent(ctx, client, in.CustodyEventID)
	if err != nil {
		return nil, err
	}
	c, err := s.caseOf(ctx, client, ev.ID)
	if err != nil {
		return nil, err
	}
	reason := strings.TrimSpace(in.Reason)
	if err := rules.Fire(rules.CancelEvent, c, rules.Step{Reasoning: reason}); err != nil {
		return nil, err
	}
	if ev, err = client.CustodyEvent.UpdateOneID(ev.ID).SetStatus(custodyevent.StatusCANCELLED).
		SetCancelledAt(s.Now()).SetCancelReason(reason).Save(ctx); err != nil {
		return nil, err
	}
	if err := recordCorrection(ctx, client, v, correction.SubjectCUSTODY_EVENT, ev.ID, ev.ConvictID, []string{"status"}, reason); err != nil {
		return nil, err
	}
	return ev, s.followEvent(ctx, client, ev.ID, "Hendelsen er avlyst: "+reason)
}

// followEvent brings the event's notices in line with the facts after a
// change (NT8). Without a decision in force there are no notices to follow.
func (s *Service) followEvent(ctx context.Context, client *ent.Client, eventID int, why string) error {
	c, err := s.caseOf(ctx, client, eventID)
	if err != nil {
		return err
	}
	if c.Decision == nil && c.CalledOff() {
		return s.followCalledOff(ctx, client, c, why)
	}
	if c.Decision == nil {
		return s.cancelUnsent(ctx, client, c, why)
	}
	if _, err := s.followFacts(ctx, client, c, rules.Letter, "", false); err != nil {
		return err
	}
	// Follow-ups and re-prepared notices go as soon as the rules allow.
	if c, err = s.caseOf(ctx, client, eventID); err != nil {
		return err
	}
	return s.releaseHeld(ctx, client, c, "", false)
}

// followChange re-times the recipient's unsent notices (HELD or READY) to
// the facts as they stand: content, due date and lateness (NT8, NT2). A
// letter in the print batch or a Digipost send on its way is left to go,
// and a correction follows it.
func (s *Service) followChange(ctx context.Context, client *ent.Client, c *rules.Case, r rules.RecipientKey, p recipient, content rules.NoticeContent, due time.Time) error {
	for i := range c.Notices {
		n := &c.Notices[i]
		if n.Recipient != r || (n.Status != rules.NoticeHeld && n.Status != rules.NoticeReady) {
			continue
		}
		stored, err := client.Notice.Get(ctx, n.ID)
		if err != nil {
			return err
		}
		to := currentAddressee(p, n)
		want := stored.WrittenStandard
		if to != nil {
			want = rules.LetterStandard(to.standard)
		}
		if reflect.DeepEqual(stored.Content, content) && stored.DueDate.Equal(due) && stored.WrittenStandard == want {
			continue
		}
		if _, err := rules.FireNotice(rules.FollowChange, c, rules.Step{Notice: n}); err != nil {
			return err
		}
		if err := client.Notice.UpdateOneID(n.ID).SetContent(content).SetDueDate(due).
			SetLate(rules.IsLate(due, c.Now)).SetWrittenStandard(want).Exec(ctx); err != nil {
			return err
		}
		n.Times = rules.NoticeTimes{StartsAt: content.StartsAt, EndsAt: content.EndsAt, DateOnly: content.DateOnly}
		n.DueDate = due
	}
	return nil
}

// followUp gives every addressee of the recipient who was told something
// that no longer holds the correction or cancellation they are owed (NT8),
// unless they reserved against further notices (RC10). A notice the police
// hold and have not delivered is withdrawn instead: the recipient was told
// nothing yet, and a new notice takes its place.
func (s *Service) followUp(ctx context.Context, client *ent.Client, c *rules.Case, a *ent.Assessment, p recipient, content rules.NoticeContent, due time.Time) error {
	r := c.Recipient(assessmentKey(a))
	if r == nil || r.ReservedSince != nil {
		return nil
	}
	stale := func(n rules.CaseNotice) bool {
		return n.Recipient == r.Key() && (c.CalledOff() || !n.Times.Holds(c.Event))
	}
	if err := s.cancelMatching(ctx, client, c, func(n rules.CaseNotice) bool {
		return stale(n) && n.Status == rules.NoticeSent && n.Channel != nil && *n.Channel == rules.ViaPolice
	}, "Politiet skal ikke levere varselet: opplysningene i det gjelder ikke lenger (NT8)."); err != nil {
		return err
	}
	// A follow-up is addressed like any notice, to whoever is to be written
	// to on the day (RC5, RC6): one waiting for an addressee who no longer
	// is — the minor has turned 18, the guardianship has ended — is replaced.
	// Whom that is may not be settled (RC5: an age not known, no guardian
	// registered); then each is followed up where they were told.
	wanted := map[rules.AddresseeKey]addressee{}
	direct, guardianIDs, _, err := c.WantedAddressees(r)
	if err == nil {
		for _, w := range p.addressees(direct, guardianIDs) {
			wanted[w.key()] = w
		}
	}
	if len(wanted) > 0 {
		if err := s.stopUnsent(ctx, client, c, func(n rules.CaseNotice) bool {
			_, ok := wanted[n.Addressee()]
			return n.Recipient == r.Key() && n.Kind.FollowUp() && !ok
		}, rules.ReaddressNotice, readdressReason(r, direct, false)); err != nil {
			return err
		}
	}
	groups := map[rules.AddresseeKey][]rules.CaseNotice{}
	var order []rules.AddresseeKey
	var former []rules.CaseNotice // to addressees who are no longer written to
	for _, n := range c.Notices {
		if n.Recipient != r.Key() {
			continue
		}
		k := n.Addressee()
		if _, ok := wanted[k]; len(wanted) > 0 && !ok {
			former = append(former, n)
			continue
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], n)
	}
	// Of an event called off, whoever is written to today is told it, also
	// when what was told went to an addressee before them (a guardian, when
	// the minor has turned 18). A change of time is told them by a notice of
	// its own instead (followFacts).
	if len(former) > 0 && c.CalledOff() {
		for k := range wanted {
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], former...)
			slices.SortFunc(groups[k], func(a, b rules.CaseNotice) int { return cmp.Compare(a.ID, b.ID) })
		}
		slices.SortFunc(order, func(a, b rules.AddresseeKey) int {
			return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
		})
	}
	for _, k := range order {
		ns := groups[k]
		kind, needed := c.FollowUpOwed(ns)
		if !needed {
			continue
		}
		told := newestTold(ns)
		var to *addressee
		if w, ok := wanted[k]; ok {
			to = &w
		} else if to = currentAddressee(p, &told); to == nil {
			continue // no longer linked to the recipient: nothing to write to
		}
		if _, err := rules.FireNotice(rules.PrepareFollowUp, c, rules.Step{Notice: &rules.CaseNotice{Recipient: r.Key(), Kind: kind}}); err != nil {
			return err
		}
		route := rules.DeliveryRoute(to.protection)
		var channel *rules.Channel
		if route == rules.ThroughPolice {
			ch := rules.ViaPolice
			channel = &ch
		}
		followDue := due
		if kind == rules.KindCancellation {
			followDue = rules.DateOf(c.Now) // a cancellation goes at once
		}
		late := rules.IsLate(followDue, c.Now)
		var lateWhy string
		if late {
			lateWhy = "Hendelsen ble endret etter at varselet var sendt; rettelsen sendes så snart som mulig (NT8)."
		}
		seq := 0
		for _, n := range ns {
			if n.Kind.FollowUp() {
				seq++
			}
		}
		stored, err := client.Notice.Get(ctx, told.ID)
		if err != nil {
			return err
		}
		if err := client.Notice.Create().
			SetKind(kind).
			SetCorrectsID(told.ID).
			SetCustodyEventID(c.Event.ID).
			SetAssessmentID(a.ID).
			SetNillableVictimID(a.VictimID).
			SetNillableSurvivorID(a.SurvivorID).
			SetNillableGuardianID(to.guardianID).
			SetNillablePoliceDistrictID(to.policeDistrict).
			SetStatus(rules.NoticeHeld).
			SetRoute(route).
			SetNillableChannel(channel).
			SetDueDate(followDue).
			SetLate(late).
			SetLateJustification(lateWhy).
			// The original was released before the decision was final only
			// with a decision maker's justification; its follow-up rests on it.
			SetEarlyReleaseJustification(stored.EarlyReleaseJustification).
			SetContent(content).
			SetWrittenStandard(rules.LetterStandard(to.standard)).
			SetDedupeKey(followUpKey(stored.DedupeKey, kind, seq+1, told.Addressee(), to.key())).
			Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// followUpKey is a follow-up's deduplication key: the notice it follows,
// its kind and number — and whom it goes to, when that is not whom the
// notice it follows went to (NT6: each once).
func followUpKey(told string, kind rules.NoticeKind, seq int, toldTo, to rules.AddresseeKey) string {
	if toldTo == to {
		return fmt.Sprintf("%s:%s:%d", told, kind, seq)
	}
	return fmt.Sprintf("%s:%s:%d:%s:%d", told, kind, seq, to.Kind, to.ID)
}

// newestTold is the newest notice to an addressee that has left or may
// have (on its way).
func newestTold(ns []rules.CaseNotice) rules.CaseNotice {
	var out rules.CaseNotice
	for _, n := range ns {
		if n.Status.Left() || n.Status == rules.NoticeSending {
			out = n
		}
	}
	return out
}

// currentAddressee is the addressee a notice is written to, as the recipient's
// register stands today.
func currentAddressee(p recipient, n *rules.CaseNotice) *addressee {
	if n.GuardianID != nil {
		if to, ok := p.byID[*n.GuardianID]; ok {
			return &to
		}
		return nil
	}
	to := p.self
	return &to
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

// WithdrawDecisionInput withdraws a decision to notify.
type WithdrawDecisionInput struct {
	DecisionID int
	Reason     string
}

// WithdrawDecision withdraws the decision to notify (omgjøring, fvl § 35),
// by a decision maker of the unit at the deciding level (DC2), with the
// reasons (DC1). Its unsent notices are cancelled, a notice the police hold
// and have not delivered is withdrawn with its request, and whoever was
// already told gets one cancellation (NT8). A new decision may be made.
func (s *Service) WithdrawDecision(ctx context.Context, in WithdrawDecisionInput) (*ent.Decision, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	d, err := s.decisionInForce(ctx, client, in.DecisionID)
	if err != nil {
		return nil, err
	}
	ev, err := s.openEvent(ctx, client, d.CustodyEventID)
	if err != nil {
		return nil, err
	}
	c, err := s.caseOf(ctx, client, ev.ID)
	if err != nil {
		return nil, err
	}
	reason := strings.TrimSpace(in.Reason)
	if err := rules.Fire(rules.WithdrawDecision, c, rules.Step{DecisionMaker: v.Has(varsel.RoleDecisionMaker), Reasoning: reason}); err != nil {
		return nil, err
	}
	if err := s.checkDecisionMaker(ctx, client, v, ev.DecidingLevel, ev.DecidingUnitID); err != nil {
		return nil, err
	}
	if d, err = d.Update().SetStatus(decision.StatusWITHDRAWN).SetWithdrawnAt(s.Now()).SetWithdrawReason(reason).
		SetNillableWithdrawnByID(staffID(v)).Save(ctx); err != nil {
		return nil, err
	}
	if err := recordCorrection(ctx, client, v, correction.SubjectDECISION, d.ID, ev.ConvictID, []string{"withdrawn"}, reason); err != nil {
		return nil, err
	}
	return d, s.followEvent(ctx, client, ev.ID, "Vedtaket om varsling er trukket tilbake: "+reason)
}

// followCalledOff stops what is left of a withdrawn decision (NT8): the
// notices not yet sent are cancelled — but not the cancellations owed — and
// whoever was told gets a cancellation, which goes as soon as the rules
// allow.
func (s *Service) followCalledOff(ctx context.Context, client *ent.Client, c *rules.Case, why string) error {
	if err := s.cancelMatching(ctx, client, c, func(n rules.CaseNotice) bool { return n.Kind != rules.KindCancellation }, why); err != nil {
		return err
	}
	ev, err := client.CustodyEvent.Query().Where(custodyevent.ID(c.Event.ID)).
		WithConditions(func(q *ent.ConditionQuery) { q.WithConcernsVictims().WithConcernsSurvivors() }).
		WithDecisions(func(q *ent.DecisionQuery) {
			q.Where(decision.StatusEQ(decision.StatusWITHDRAWN)).Order(ent.Desc(decision.FieldID)).
				WithAssessments(func(q *ent.AssessmentQuery) {
					q.WithVictim(func(q *ent.VictimQuery) { q.WithGuardians(guardiansInForce) }).
						WithSurvivor(func(q *ent.SurvivorQuery) { q.WithGuardians(guardiansInForce) })
				})
		}).Only(varsel.OnBehalfOf(ctx))
	if err != nil {
		return err
	}
	if len(ev.Edges.Decisions) > 0 {
		for _, a := range ev.Edges.Decisions[0].Edges.Assessments {
			content := rules.NoticeContentFor(rules.EventFacts{Kind: ev.Kind, StartsAt: ev.StartsAt, EndsAt: ev.EndsAt, DateOnly: ev.DateOnly},
				ev.FullTermRelease, conditionsFor(ev.Edges.Conditions, a))
			if err := s.followUp(ctx, client, c, a, recipientOf(a), content, c.DueDate()); err != nil {
				return err
			}
		}
	}
	if c, err = s.caseOf(ctx, client, c.Event.ID); err != nil {
		return err
	}
	return s.releaseHeld(ctx, client, c, "", false)
}
