package workflow

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"varsel"
	"varsel/ent"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/guardian"
	"varsel/ent/notice"
	"varsel/ent/policerequest"
	"varsel/rules"
)

// PrepareNotices makes the notices the decision calls for, one per
// addressee: the victim or survivor, or their guardians as things stand
// today (RC5–RC7), routed through the police when the address is protected
// or unknown (RC9), with the content the law allows (NT3–NT5), in the
// addressee's written standard (NT7), due 14 days before the event (NT2).
// A notice starts HELD and is released when the decision is final (DC5,
// DC6, AS7) — earlier only with a decision maker's justification. Preparing
// again makes no second notice (NT6): it brings the unsent notices in line
// with the facts (an addressee who turned 18 gets the notice personally) and
// releases those that may now go.
func (s *Service) PrepareNotices(ctx context.Context, in PrepareNoticesInput) (*PrepareNoticesResult, error) {
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
	if err := rules.Fire(rules.PrepareNotices, c, rules.Step{}); err != nil {
		return nil, err
	}
	channel := rules.Letter
	if in.Channel != nil {
		if channel, err = rules.ParseChannel(string(*in.Channel)); err != nil {
			return nil, err
		}
	}
	lateJustification := strings.TrimSpace(text(in.LateJustification))
	res := &PrepareNoticesResult{}
	warnings, err := s.followFacts(ctx, client, c, channel, lateJustification, true)
	if err != nil {
		return nil, err
	}
	res.Warnings = append(res.Warnings, warnings...)
	if c, err = s.caseOf(ctx, client, ev.ID); err != nil {
		return nil, err
	}
	early := strings.TrimSpace(text(in.EarlyReleaseJustification))
	if err := s.releaseHeld(ctx, client, c, early, v.Has(varsel.RoleDecisionMaker)); err != nil {
		return nil, err
	}
	res.Notices, err = client.Notice.Query().
		Where(notice.CustodyEventID(ev.ID), notice.StatusNEQ(rules.NoticeCancelled)).
		Order(ent.Asc(notice.FieldID)).All(ctx)
	return res, err
}

// followFacts brings the event's notices in line with the facts as they
// stand (NT8, RC5–RC7): every recipient the decision says to notify has a
// notice to each addressee they have today; an unsent notice to an
// addressee who is no longer the right one is re-addressed — cancelled and
// replaced. A recipient who reserved against notices, or whose agreement is
// met, gets none, and the caseworker is told (RC10). It returns those
// warnings. A notice made later than its due date carries the
// justification; when justify is set, one is required to make it (NT2) —
// a notice made in time needs none until it is sent late.
func (s *Service) followFacts(ctx context.Context, client *ent.Client, c *rules.Case, channel rules.Channel, lateJustification string, justify bool) ([]string, error) {
	if c.Decision == nil {
		return nil, nil
	}
	ev, err := client.CustodyEvent.Query().Where(custodyevent.ID(c.Event.ID)).
		WithConditions(func(q *ent.ConditionQuery) { q.WithConcernsVictims().WithConcernsSurvivors() }).
		WithDecisions(func(q *ent.DecisionQuery) {
			q.Where(decision.StatusEQ(decision.StatusIN_FORCE)).WithAssessments(func(q *ent.AssessmentQuery) {
				q.WithVictim(func(q *ent.VictimQuery) { q.WithGuardians(guardiansInForce) }).
					WithSurvivor(func(q *ent.SurvivorQuery) { q.WithGuardians(guardiansInForce) })
			})
		}).Only(varsel.OnBehalfOf(ctx))
	if err != nil {
		return nil, err
	}
	if len(ev.Edges.Decisions) == 0 {
		return nil, nil
	}
	// A notice to someone who is no longer a recipient or a registered
	// guardian — the case completed, the person registered in error — stops,
	// and one the police hold is withdrawn (RC1, NT8).
	if err := s.cancelMatching(ctx, client, c, func(n rules.CaseNotice) bool {
		r := c.Recipient(n.Recipient)
		return r == nil || !r.HasAddressee(n.Addressee())
	}, "Personen er ikke lenger mottaker av varsel om hendelsen (RC1, NT8)."); err != nil {
		return nil, err
	}
	var warnings []string
	cancelled := c.Event.Status == rules.EventCancelled
	due := c.DueDate()
	late := rules.IsLate(due, c.Now)
	for _, a := range ev.Edges.Decisions[0].Edges.Assessments {
		p := recipientOf(a)
		r := c.Recipient(assessmentKey(a))
		if r == nil {
			continue
		}
		if r.ReservedSince != nil || r.AgreementSettled {
			why := "Mottakeren har reservert seg mot flere varsler (RC10)."
			if r.ReservedSince == nil {
				why = "Det er avtalt at ett varsel er nok, og det er gitt (RC10)."
			}
			warnings = append(warnings, fmt.Sprintf("%s får ikke varsel: %s", p.label, why))
			if err := s.stopUnsent(ctx, client, c, func(n rules.CaseNotice) bool { return n.Recipient == r.Key() },
				rules.CancelNotice, "Mottakeren skal ikke varsles: "+why); err != nil {
				return nil, err
			}
			continue
		}
		direct, guardianIDs, ws, err := c.WantedAddressees(r)
		warnings = append(warnings, ws...)
		if err != nil {
			return nil, err
		}
		wanted := p.addressees(direct, guardianIDs)
		if cancelled {
			wanted = nil // nobody is told of an event that will not happen
		}
		// Unsent notices to someone who is no longer an addressee are
		// re-addressed (RC5, RC6); a notice whose route no longer fits the
		// addressee's protection is re-routed (RC9) — both by a new notice.
		// So are those being sent to someone who may no longer have them: a
		// letter in the print batch not yet posted is taken out of it
		// (posting it is then refused), and the Digipost job sends only what
		// is still SENDING when its turn comes. Of a cancelled event, what is
		// being sent goes, and the cancellation follows it (NT8).
		if err := s.stopUnsent(ctx, client, c, func(n rules.CaseNotice) bool {
			if n.Recipient != r.Key() || (cancelled && (n.Kind == rules.KindCancellation || n.Status == rules.NoticeSending)) {
				return false
			}
			for _, to := range wanted {
				if to.key() == n.Addressee() && n.Route == rules.DeliveryRoute(to.protection) {
					return false
				}
			}
			return true
		}, rules.ReaddressNotice, readdressReason(r, direct, cancelled)); err != nil {
			return nil, err
		}
		content := rules.NoticeContentFor(rules.EventFacts{Kind: ev.Kind, StartsAt: ev.StartsAt, EndsAt: ev.EndsAt, DateOnly: ev.DateOnly},
			ev.FullTermRelease, conditionsFor(ev.Edges.Conditions, a))
		// Unsent notices tell the facts as they stand (NT8).
		if err := s.followChange(ctx, client, c, r.Key(), p, content, due); err != nil {
			return nil, err
		}
		// Whoever was told a time that no longer holds, or of an event that
		// will not happen, gets a correction or a cancellation (NT8).
		if err := s.followUp(ctx, client, c, a, p, content, due); err != nil {
			return nil, err
		}
		for _, to := range wanted {
			if hasActive(c, r.Key(), to.key()) {
				continue
			}
			route := rules.DeliveryRoute(to.protection)
			ch := channel
			if route == rules.ThroughPolice {
				ch = rules.ViaPolice
			}
			status, err := rules.FireNotice(rules.PrepareNotice, c, rules.Step{Notice: &rules.CaseNotice{Recipient: r.Key()}})
			if err != nil {
				return nil, err
			}
			if late && justify {
				if err := rules.CheckLateJustification(true, lateJustification); err != nil {
					return nil, err.(*rules.Violation).On("lateJustification")
				}
			}
			// Two at once collide on the key of active notices, and one gets CONFLICT.
			if err := client.Notice.Create().
				SetCustodyEventID(ev.ID).
				SetAssessmentID(a.ID).
				SetNillableVictimID(a.VictimID).
				SetNillableSurvivorID(a.SurvivorID).
				SetNillableGuardianID(to.guardianID).
				SetNillablePoliceDistrictID(to.policeDistrict).
				SetStatus(status).
				SetRoute(route).
				SetChannel(ch).
				SetDueDate(due).
				SetLate(late).
				SetLateJustification(lateJustification).
				SetContent(content).
				SetWrittenStandard(rules.LetterStandard(to.standard)).
				SetDedupeKey(fmt.Sprintf("%d:%s:%d:%s:%d", ev.ID, r.Kind, r.ID, to.kind, to.id)).
				Exec(ctx); err != nil {
				return nil, err
			}
		}
	}
	return warnings, nil
}

func readdressReason(r *rules.CaseRecipient, direct, cancelled bool) string {
	switch {
	case cancelled:
		return "Hendelsen er avlyst (NT8)."
	case direct:
		return "Mottakeren er nå over 18 år og ikke under vergemål, og skal ha varselet selv (RC5, RC6). Varselet er erstattet."
	case r.Person.UnderGuardianship:
		return "Mottakeren er under vergemål, og varselet skal gå til vergen (RC6). Varselet er erstattet."
	}
	return "Varselet skal gå til mottakerens verger slik de er registrert i dag, eller leveres på en annen måte fordi adressen er beskyttet (RC5, RC9). Varselet er erstattet."
}

// guardiansInForce leaves out guardians registered in error (NT8).
func guardiansInForce(q *ent.GuardianQuery) { q.Where(guardian.RegisteredInErrorAtIsNil()) }

// hasActive reports whether the recipient has a notice to the addressee
// that is not cancelled (NT6).
func hasActive(c *rules.Case, r rules.RecipientKey, to rules.AddresseeKey) bool {
	for _, n := range c.Notices {
		if n.Status != rules.NoticeCancelled && n.Recipient == r && n.Addressee() == to {
			return true
		}
	}
	return false
}

// ReleaseNotice moves a held notice to READY when the rules allow it: after
// the appeal deadline, a waiver or the appeal, or earlier with a decision
// maker's justification (DC5, DC6).
func (s *Service) ReleaseNotice(ctx context.Context, in ReleaseNoticeInput) (*ent.Notice, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	n, c, err := s.noticeCase(ctx, client, in.NoticeID)
	if err != nil {
		return nil, err
	}
	justification := strings.TrimSpace(text(in.Justification))
	cn := c.Notice(n.ID)
	to, err := rules.FireNotice(rules.ReleaseNotice, c, rules.Step{Notice: cn, Justification: justification,
		DecisionMaker: v.Has(varsel.RoleDecisionMaker)})
	if err != nil {
		return nil, err
	}
	update := n.Update().SetStatus(to)
	if cn.EarlyRelease == "" && justification != "" && rules.CheckAppealSettled(c, cn, "", false) != nil {
		update.SetEarlyReleaseJustification(justification)
	}
	return update.Save(ctx)
}

// CancelNotice cancels a notice that has not been sent, with the reason.
func (s *Service) CancelNotice(ctx context.Context, in CancelNoticeInput) (*ent.Notice, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	n, c, err := s.noticeCase(ctx, client, in.NoticeID)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.Reason) == "" {
		return nil, refuse("NT8", "Skriv hvorfor varselet avbrytes.").On("reason")
	}
	if err := rules.CheckCancelByHand(n.Kind); err != nil {
		return nil, err
	}
	to, err := rules.FireNotice(rules.CancelNotice, c, rules.Step{Notice: c.Notice(n.ID)})
	if err != nil {
		return nil, err
	}
	return n.Update().SetStatus(to).SetCancelledAt(s.Now()).SetCancelReason(strings.TrimSpace(in.Reason)).Save(ctx)
}

// ReleaseDue brings every event with notices waiting in line with the facts
// and releases those whose decision has become final (DC5, RC5). The
// periodic job runs it; it is idempotent.
func (s *Service) ReleaseDue(ctx context.Context) (int, error) {
	client, err := tx(ctx)
	if err != nil {
		return 0, err
	}
	events, err := client.Notice.Query().Where(notice.StatusIn(rules.NoticeHeld, rules.NoticeReady, rules.NoticeSending)).
		GroupBy(notice.FieldCustodyEventID).Ints(ctx)
	if err != nil {
		return 0, err
	}
	before, err := client.Notice.Query().Where(notice.StatusEQ(rules.NoticeReady)).Count(ctx)
	if err != nil {
		return 0, err
	}
	for _, id := range events {
		c, err := s.caseOf(ctx, client, id)
		if err != nil {
			return 0, err
		}
		if c.Decision != nil && !c.SecurityNow().Blocks() && c.Event.Status == rules.EventOpen {
			var v *rules.Violation
			if _, err := s.followFacts(ctx, client, c, rules.Letter, "", false); errors.As(err, &v) {
				// E.g. a minor with no guardian registered (RC5): the
				// worklist shows it; the other events go on.
				slog.WarnContext(ctx, "an event's notices cannot follow the facts", "event", id, "rule", v.Rule)
			} else if err != nil {
				return 0, err
			}
			if c, err = s.caseOf(ctx, client, id); err != nil {
				return 0, err
			}
		}
		if err := s.releaseHeld(ctx, client, c, "", false); err != nil {
			return 0, err
		}
	}
	after, err := client.Notice.Query().Where(notice.StatusEQ(rules.NoticeReady)).Count(ctx)
	return after - before, err
}

// releaseHeld makes the event's held notices READY where the release
// transition's guards allow it; a decision maker's justification releases
// them before the decision is final (DC5). Held notices that may not go yet
// wait.
func (s *Service) releaseHeld(ctx context.Context, client *ent.Client, c *rules.Case, justification string, decisionMaker bool) error {
	for i := range c.Notices {
		n := &c.Notices[i]
		if n.Status != rules.NoticeHeld {
			continue
		}
		to, err := rules.FireNotice(rules.ReleaseNotice, c, rules.Step{Notice: n, Justification: justification, DecisionMaker: decisionMaker})
		if err != nil {
			if justification != "" && rules.CheckAppealSettled(c, n, justification, decisionMaker) != nil {
				return err // an early release asked for and refused
			}
			continue
		}
		update := client.Notice.UpdateOneID(n.ID).SetStatus(to)
		if n.EarlyRelease == "" && justification != "" && rules.CheckAppealSettled(c, n, "", false) != nil {
			update.SetEarlyReleaseJustification(justification)
			n.EarlyRelease = justification
		}
		if err := update.Exec(ctx); err != nil {
			return err
		}
		n.Status = to
	}
	return nil
}

// holdUnsent holds the event's notices that are ready or on their way but
// not gone: a letter leaves the print batch, a Digipost send waits. An
// appeal registered (DC5) or a police statement awaited (AS2) does this.
func (s *Service) holdUnsent(ctx context.Context, client *ent.Client, c *rules.Case) error {
	for i := range c.Notices {
		n := &c.Notices[i]
		if n.Status != rules.NoticeReady && n.Status != rules.NoticeSending {
			continue
		}
		to, err := rules.FireNotice(rules.HoldNotice, c, rules.Step{Notice: n})
		if err != nil {
			return err
		}
		if err := client.Notice.UpdateOneID(n.ID).SetStatus(to).Exec(ctx); err != nil {
			return err
		}
		n.Status = to
	}
	return nil
}

// cancelUnsent cancels every notice of the event that has not reached its
// recipient — including one the police hold and have not delivered, whose
// request is withdrawn — with the reason: the risk was confirmed (AS2), or
// the decision overturned (DC7).
func (s *Service) cancelUnsent(ctx context.Context, client *ent.Client, c *rules.Case, reason string) error {
	return s.cancelMatching(ctx, client, c, func(rules.CaseNotice) bool { return true }, reason)
}

// cancelMatching cancels the notices that match and have not reached their
// recipient, withdrawing those the police hold.
func (s *Service) cancelMatching(ctx context.Context, client *ent.Client, c *rules.Case, match func(rules.CaseNotice) bool, reason string) error {
	if err := s.stopUnsent(ctx, client, c, match, rules.CancelNotice, reason); err != nil {
		return err
	}
	for i := range c.Notices {
		n := &c.Notices[i]
		if n.Status != rules.NoticeSent || n.Channel == nil || *n.Channel != rules.ViaPolice || !match(*n) {
			continue
		}
		to, err := rules.FireNotice(rules.WithdrawFromPolice, c, rules.Step{Notice: n})
		if err != nil {
			return err
		}
		if err := client.Notice.UpdateOneID(n.ID).SetStatus(to).SetCancelledAt(s.Now()).SetCancelReason(reason).Exec(varsel.OnBehalfOf(ctx)); err != nil {
			return err
		}
		n.Status = to
		if _, err := client.PoliceRequest.Update().
			Where(policerequest.NoticeID(n.ID), policerequest.StatusIn(policerequest.StatusOPEN, policerequest.StatusACKNOWLEDGED)).
			SetStatus(policerequest.StatusWITHDRAWN).SetWithdrawnAt(s.Now()).SetWithdrawReason(reason).
			Save(varsel.OnBehalfOf(ctx)); err != nil {
			return err
		}
	}
	return nil
}

// stopUnsent takes the transition t (cancel or re-address) for every unsent
// notice that match selects.
func (s *Service) stopUnsent(ctx context.Context, client *ent.Client, c *rules.Case, match func(rules.CaseNotice) bool, t rules.NoticeTransition, reason string) error {
	for i := range c.Notices {
		n := &c.Notices[i]
		if !n.Status.Unsent() || !match(*n) {
			continue
		}
		to, err := rules.FireNotice(t, c, rules.Step{Notice: n})
		if err != nil {
			return err
		}
		// On the step's behalf: a notice to someone registered in error is
		// hidden from staff, and still stops (NT8).
		if err := client.Notice.UpdateOneID(n.ID).SetStatus(to).SetCancelledAt(s.Now()).SetCancelReason(reason).Exec(varsel.OnBehalfOf(ctx)); err != nil {
			return err
		}
		n.Status = to
	}
	return nil
}

// noticeCase loads a notice the viewer may see and its event's case.
func (s *Service) noticeCase(ctx context.Context, client *ent.Client, id int) (*ent.Notice, *rules.Case, error) {
	n, err := found(client.Notice.Get(ctx, id))("varselet")
	if err != nil {
		return nil, nil, err
	}
	c, err := s.caseOf(ctx, client, n.CustodyEventID)
	return n, c, err
}

// recipient is the victim or survivor an assessment concerns, as the
// addressee rules see them.
type recipient struct {
	label string
	self  addressee
	byID  map[int]addressee
}

type addressee struct {
	kind           rules.RecipientKind
	id             int
	guardianID     *int
	protection     rules.AddressProtection
	standard       rules.WrittenStandard
	policeDistrict *int
}

func (a addressee) key() rules.AddresseeKey { return rules.AddresseeKey{Kind: a.kind, ID: a.id} }

func recipientOf(a *ent.Assessment) recipient {
	r := recipient{byID: map[int]addressee{}}
	addGuardians := func(gs []*ent.Guardian) {
		for _, g := range gs {
			id := g.ID
			r.byID[g.ID] = addressee{kind: rules.GuardianRecipient, id: g.ID, guardianID: &id,
				protection: g.AddressProtection, standard: g.WrittenStandard, policeDistrict: g.PoliceDistrictID}
		}
	}
	if v := a.Edges.Victim; v != nil {
		r.label = "Fornærmede"
		r.self = addressee{kind: rules.VictimRecipient, id: v.ID, protection: v.AddressProtection, standard: v.WrittenStandard, policeDistrict: v.PoliceDistrictID}
		addGuardians(v.Edges.Guardians)
	} else if sv := a.Edges.Survivor; sv != nil {
		r.label = "Etterlatt"
		r.self = addressee{kind: rules.SurvivorRecipient, id: sv.ID, protection: sv.AddressProtection, standard: sv.WrittenStandard, policeDistrict: sv.PoliceDistrictID}
		addGuardians(sv.Edges.Guardians)
	}
	return r
}

// addressees are those the notice is written to.
func (r recipient) addressees(direct bool, guardianIDs []int) []addressee {
	if direct {
		return []addressee{r.self}
	}
	out := make([]addressee, 0, len(guardianIDs))
	for _, id := range guardianIDs {
		out = append(out, r.byID[id])
	}
	return out
}

// conditionsFor turns the event's conditions into what the content rules
// need, marking those that directly concern the assessed person (NT3).
func conditionsFor(conds []*ent.Condition, a *ent.Assessment) []rules.ConditionFacts {
	out := make([]rules.ConditionFacts, 0, len(conds))
	for _, c := range conds {
		concerns := false
		for _, v := range c.Edges.ConcernsVictims {
			concerns = concerns || (a.VictimID != nil && v.ID == *a.VictimID)
		}
		for _, s := range c.Edges.ConcernsSurvivors {
			concerns = concerns || (a.SurvivorID != nil && s.ID == *a.SurvivorID)
		}
		out = append(out, rules.ConditionFacts{Kind: c.Kind, Area: c.Area, AreaLevel: c.AreaLevel,
			Description: c.Description, ConcernsRecipient: concerns})
	}
	return out
}
