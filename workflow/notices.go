package workflow

import (
	"context"
	"fmt"
	"strings"
	"time"

	"varsel/ent"
	"varsel/ent/decision"
	"varsel/ent/notice"
	"varsel/ent/predicate"
	"varsel/rules"
)

// PrepareNotices makes the notices the decision calls for, one per
// addressee: the victim or survivor, or their guardians (RC5–RC7), routed
// through the police when the address is protected or unknown (RC9), with
// the content the law allows (NT3–NT5), in the addressee's written standard
// (NT7), due 14 days before the event (NT2). A notice is HELD until the
// decision is final, then READY (DC5, DC6, AS7). Preparing again makes no
// second notice (NT6) and releases held notices that may now go.
func (s *Service) PrepareNotices(ctx context.Context, in PrepareNoticesInput) (*PrepareNoticesResult, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	ev, err := s.openEvent(ctx, client, in.CustodyEventID)
	if err != nil {
		return nil, err
	}
	d, err := client.Decision.Query().
		Where(decision.CustodyEventID(ev.ID), decision.StatusEQ(decision.StatusIN_FORCE)).
		WithAppeals().
		WithAssessments(func(q *ent.AssessmentQuery) {
			q.WithVictim(func(q *ent.VictimQuery) { q.WithGuardians() }).
				WithSurvivor(func(q *ent.SurvivorQuery) { q.WithGuardians() })
		}).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, &rules.Violation{Rule: "AS7", Provision: "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5",
			Message: "Det er ikke fattet vedtak om varsling. Mottakerne kontaktes først når det er endelig bestemt at varsel skal gis."}
	}
	if err != nil {
		return nil, err
	}
	outcome, err := latestSecurityOutcome(ctx, client, ev.ID)
	if err != nil {
		return nil, err
	}
	if err := rules.CheckSecurityCleared(outcome); err != nil {
		return nil, err
	}
	channel := rules.Letter
	if in.Channel != nil {
		if channel, err = rules.ParseChannel(*in.Channel); err != nil {
			return nil, err
		}
	}
	c, err := client.Convict.Get(ctx, ev.ConvictID)
	if err != nil {
		return nil, err
	}
	conditions, err := ev.QueryConditions().WithConcernsVictims().WithConcernsSurvivors().All(ctx)
	if err != nil {
		return nil, err
	}

	now := s.Now()
	due := rules.NoticeDueDate(ev.Kind, ev.StartsAt, ev.CreatedAt)
	late := rules.IsLate(due, now)
	if err := rules.CheckLateJustification(late, text(in.LateJustification)); err != nil {
		return nil, err
	}
	early := strings.TrimSpace(text(in.EarlyReleaseJustification))
	status, earlyRelease, err := releaseStatus(appealState(d, d.Edges.Appeals), now, early)
	if err != nil {
		return nil, err
	}

	res := &PrepareNoticesResult{}
	for _, a := range d.Edges.Assessments {
		p := recipientOf(a)
		if skip, err := s.wantsNoNotice(ctx, client, a); err != nil {
			return nil, err
		} else if skip != "" {
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s får ikke varsel: %s", p.label, skip))
			continue
		}
		direct, guardianIDs, warnings, err := rules.Addressees(p.person, p.guardians, c.NationalIdentityNumber, now)
		res.Warnings = append(res.Warnings, warnings...)
		if err != nil {
			return nil, err
		}
		facts := rules.EventFacts{Kind: ev.Kind, StartsAt: ev.StartsAt, EndsAt: ev.EndsAt, DateOnly: ev.DateOnly}
		content := rules.NoticeContentFor(facts, ev.FullTermRelease, conditionsFor(conditions, a))
		for _, to := range p.addressees(direct, guardianIDs) {
			route := rules.DeliveryRoute(to.protection)
			ch := channel
			if route == rules.ThroughPolice {
				ch = rules.ViaPolice
			}
			// A notice is made once: preparing again leaves it as it is
			// (NT6); two at once collide on the key and one gets CONFLICT.
			key := fmt.Sprintf("%d:%s:%d", ev.ID, to.kind, to.id)
			if exists, err := client.Notice.Query().Where(notice.DedupeKey(key)).Exist(ctx); err != nil {
				return nil, err
			} else if exists {
				continue
			}
			create := client.Notice.Create().
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
				SetLateJustification(strings.TrimSpace(text(in.LateJustification))).
				SetContent(content).
				SetWrittenStandard(rules.LetterStandard(to.standard)).
				SetDedupeKey(key)
			if earlyRelease {
				create.SetEarlyReleaseJustification(early)
			}
			if err := create.Exec(ctx); err != nil {
				return nil, err
			}
		}
	}
	if err := s.releaseHeld(ctx, client, ev.ID); err != nil {
		return nil, err
	}
	res.Notices, err = client.Notice.Query().
		Where(notice.CustodyEventID(ev.ID), notice.StatusNEQ(notice.StatusCANCELLED)).
		Order(ent.Asc(notice.FieldID)).All(ctx)
	return res, err
}

// releaseStatus is the status a new notice starts in. A requested early
// release that the rules refuse is an error; otherwise the notice waits.
func releaseStatus(st rules.AppealState, now time.Time, earlyJustification string) (notice.Status, bool, error) {
	ready, early, err := rules.NoticeMayBeReleased(st, now, earlyJustification)
	switch {
	case ready:
		return notice.StatusREADY, early, nil
	case earlyJustification != "":
		return "", false, err
	}
	return notice.StatusHELD, false, nil
}

// ReleaseNotice moves a held notice to READY when the rules allow it: after
// the appeal deadline or the appeal, or earlier with the DC6 record and a
// justification (DC5, DC6).
func (s *Service) ReleaseNotice(ctx context.Context, in ReleaseNoticeInput) (*ent.Notice, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	n, err := found(client.Notice.Get(ctx, in.NoticeID))("varselet")
	if err != nil {
		return nil, err
	}
	if n.Status != notice.StatusHELD {
		return nil, conflict("Varselet holdes ikke tilbake (status %s).", n.Status)
	}
	d, err := client.Decision.Query().
		Where(decision.CustodyEventID(n.CustodyEventID), decision.StatusEQ(decision.StatusIN_FORCE)).
		WithAppeals().Only(ctx)
	if err != nil {
		return nil, err
	}
	justification := strings.TrimSpace(text(in.Justification))
	_, early, err := rules.NoticeMayBeReleased(appealState(d, d.Edges.Appeals), s.Now(), justification)
	if err != nil {
		return nil, err
	}
	update := n.Update().SetStatus(notice.StatusREADY)
	if early {
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
	n, err := found(client.Notice.Get(ctx, in.NoticeID))("varselet")
	if err != nil {
		return nil, err
	}
	if !unsent(n.Status) {
		return nil, conflict("Varselet er %s og kan ikke avbrytes.", strings.ToLower(string(n.Status)))
	}
	if strings.TrimSpace(in.Reason) == "" {
		return nil, invalid("Skriv hvorfor varselet avbrytes.")
	}
	return n.Update().SetStatus(notice.StatusCANCELLED).SetCancelledAt(s.Now()).
		SetCancelReason(strings.TrimSpace(in.Reason)).Save(ctx)
}

// ReleaseDue releases every held notice whose decision has become final
// (DC5). The periodic job runs it; it is idempotent.
func (s *Service) ReleaseDue(ctx context.Context) (int, error) {
	client, err := tx(ctx)
	if err != nil {
		return 0, err
	}
	events, err := client.Notice.Query().Where(notice.StatusEQ(notice.StatusHELD)).
		GroupBy(notice.FieldCustodyEventID).Ints(ctx)
	if err != nil {
		return 0, err
	}
	before, err := client.Notice.Query().Where(notice.StatusEQ(notice.StatusREADY)).Count(ctx)
	if err != nil {
		return 0, err
	}
	for _, ev := range events {
		if err := s.releaseHeld(ctx, client, ev); err != nil {
			return 0, err
		}
	}
	after, err := client.Notice.Query().Where(notice.StatusEQ(notice.StatusREADY)).Count(ctx)
	return after - before, err
}

// releaseHeld makes the event's held notices READY when the decision has
// become final. Held notices wait; nothing here releases early.
func (s *Service) releaseHeld(ctx context.Context, client *ent.Client, event int) error {
	d, err := client.Decision.Query().
		Where(decision.CustodyEventID(event), decision.StatusEQ(decision.StatusIN_FORCE)).
		WithAppeals().Only(ctx)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if ready, _, _ := rules.NoticeMayBeReleased(appealState(d, d.Edges.Appeals), s.Now(), ""); !ready {
		return nil
	}
	_, err = client.Notice.Update().
		Where(notice.CustodyEventID(event), notice.StatusEQ(notice.StatusHELD)).
		SetStatus(notice.StatusREADY).Save(ctx)
	return err
}

// cancelUnsent cancels the notices matching where that have not been sent.
func (s *Service) cancelUnsent(ctx context.Context, client *ent.Client, where predicate.Notice, reason string) error {
	_, err := client.Notice.Update().
		Where(where, notice.StatusIn(notice.StatusDRAFT, notice.StatusHELD, notice.StatusREADY)).
		SetStatus(notice.StatusCANCELLED).SetCancelledAt(s.Now()).SetCancelReason(reason).
		Save(ctx)
	return err
}

func unsent(st notice.Status) bool {
	return st == notice.StatusDRAFT || st == notice.StatusHELD || st == notice.StatusREADY
}

// wantsNoNotice says why a recipient gets no notice now, or "": a
// reservation, or an agreement to be notified once that is already met (RC10).
func (s *Service) wantsNoNotice(ctx context.Context, client *ent.Client, a *ent.Assessment) (string, error) {
	err := s.checkWantsNotices(ctx, client, a.VictimID, a.SurvivorID)
	if v, ok := err.(*rules.Violation); ok {
		return v.Message + " (" + v.Rule + ")", nil
	}
	return "", err
}

// recipient is the victim or survivor an assessment concerns, as the
// addressee rules see them.
type recipient struct {
	label     string
	person    rules.Person
	guardians []rules.Guardian
	self      addressee
	byID      map[int]addressee
}

type addressee struct {
	kind           rules.RecipientKind
	id             int
	guardianID     *int
	protection     rules.AddressProtection
	standard       rules.WrittenStandard
	policeDistrict *int
}

func recipientOf(a *ent.Assessment) recipient {
	r := recipient{byID: map[int]addressee{}}
	addGuardians := func(gs []*ent.Guardian) {
		for _, g := range gs {
			r.guardians = append(r.guardians, rules.Guardian{ID: g.ID, IdentityNumber: g.NationalIdentityNumber})
			id := g.ID
			r.byID[g.ID] = addressee{kind: rules.GuardianRecipient, id: g.ID, guardianID: &id,
				protection: g.AddressProtection, standard: g.WrittenStandard, policeDistrict: g.PoliceDistrictID}
		}
	}
	if v := a.Edges.Victim; v != nil {
		r.label = "Fornærmede"
		r.person = rules.Person{BirthDate: v.BirthDate, UnderGuardianship: v.UnderGuardianship, IdentityNumber: v.NationalIdentityNumber}
		r.self = addressee{kind: rules.VictimRecipient, id: v.ID, protection: v.AddressProtection, standard: v.WrittenStandard, policeDistrict: v.PoliceDistrictID}
		addGuardians(v.Edges.Guardians)
	} else if sv := a.Edges.Survivor; sv != nil {
		r.label = "Etterlatt"
		r.person = rules.Person{BirthDate: sv.BirthDate, UnderGuardianship: sv.UnderGuardianship, IdentityNumber: sv.NationalIdentityNumber}
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
