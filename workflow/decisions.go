package workflow

import (
	"context"
	"strings"

	"varsel"
	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/convict"
	"varsel/ent/decision"
	"varsel/rules"
)

// escapeImpracticable is recorded when the convict has escaped: he or she
// cannot be informed of the decision (DC3).
const escapeImpracticable = "Domfelte har unndratt seg gjennomføringen og kan ikke underrettes før varselet gis (straffegjennomføringsloven § 40 siste ledd)."

// DecideNotification makes the individual decision (enkeltvedtak) to notify
// the recipients whose assessment says so (DC1), with its reasons. Only a
// decision maker of the unit at the deciding level decides (DC2), only once
// security is cleared (AS2) and every potential recipient is assessed (AS1).
// Two decision makers deciding at once: one wins, the other gets CONFLICT.
func (s *Service) DecideNotification(ctx context.Context, in DecideNotificationInput) (*ent.Decision, error) {
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
	if err := s.checkDecisionMaker(ctx, client, v, ev.DecidingLevel, ev.DecidingUnitID); err != nil {
		return nil, err
	}
	c, err := s.caseOf(ctx, client, ev.ID)
	if err != nil {
		return nil, err
	}
	step := rules.Step{DecisionMaker: true, Reasoning: in.Reasoning}
	if in.ReasonsWithheld != nil {
		step.ReasonsWithheld = string(*in.ReasonsWithheld)
	}
	if err := rules.Fire(rules.Decide, c, step); err != nil {
		return nil, err
	}
	notify, err := client.Assessment.Query().
		Where(assessment.CustodyEventID(ev.ID), assessment.OutcomeEQ(assessment.OutcomeNOTIFY)).IDs(ctx)
	if err != nil {
		return nil, err
	}
	create := client.Decision.Create().
		SetCustodyEventID(ev.ID).
		SetDecidingUnitID(ev.DecidingUnitID).
		SetLevel(ev.DecidingLevel).
		SetReasoning(strings.TrimSpace(in.Reasoning)).
		SetNillableReasonsWithheld(in.ReasonsWithheld).
		SetDecidedAt(s.Now()).
		SetNillableDecidedByID(staffID(v)).
		AddAssessmentIDs(notify...)
	if ev.Kind == rules.Escape {
		create.SetInformingImpracticableReason(escapeImpracticable)
	}
	d, err := create.Save(ctx)
	if err != nil || !c.Withdrawn {
		return d, err
	}
	// A new decision after a withdrawal: a cancellation not yet sent would
	// tell the recipient that what they were told no longer holds, while it
	// holds again. It stops; whoever was told a time that has changed since
	// gets a correction once the new decision may be acted on (NT8, DC5).
	if err := s.stopUnsent(ctx, client, c, func(n rules.CaseNotice) bool { return n.Kind == rules.KindCancellation },
		rules.CancelNotice, "Et nytt vedtak om varsling er fattet, og varselet gjelder igjen (NT8)."); err != nil {
		return nil, err
	}
	return d, s.followEvent(ctx, client, ev.ID, "Nytt vedtak om varsling.")
}

// checkDecisionMaker: the decision (or the appeal) is made by a decision
// maker of the unit at the level that decides (DC2, DC7).
func (s *Service) checkDecisionMaker(ctx context.Context, client *ent.Client, v *varsel.Viewer, level rules.Level, unitID int) error {
	if !v.Has(varsel.RoleDecisionMaker) {
		return varsel.Errorf(varsel.EFORBIDDEN, "Bare en beslutter kan fatte vedtak (DC1).")
	}
	own, err := found(client.Unit.Get(ctx, v.UnitID))("enheten din")
	if err != nil {
		return err
	}
	if err := rules.CheckDecider(level, own.Kind); err != nil {
		return err
	}
	if own.ID != unitID {
		u, err := client.Unit.Get(ctx, unitID)
		if err != nil {
			return err
		}
		return varsel.Errorf(varsel.EFORBIDDEN, "Vedtaket treffes av %s.", u.Name)
	}
	return nil
}

// RecordConvictInformed records that the decision reached the convict — when,
// how and by whom — and so when the 7-day appeal deadline ends (DC3, DC4). A
// convict told orally because time does not allow more is asked whether he
// or she will appeal, and the answer is recorded (DC6). That informing is
// impracticable is the rule for an escape, and otherwise an exception only a
// decision maker records, with the reason (DC3).
func (s *Service) RecordConvictInformed(ctx context.Context, in RecordConvictInformedInput) (*ent.Decision, error) {
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
	c, err := s.caseOf(ctx, client, d.CustodyEventID)
	if err != nil {
		return nil, err
	}
	reason := strings.TrimSpace(text(in.ImpracticableReason))
	oral := in.How != nil && *in.How == decision.ConvictInformedHowORAL
	if err := rules.Fire(rules.InformConvict, c, rules.Step{
		DecisionMaker: v.Has(varsel.RoleDecisionMaker), InformedAt: in.InformedAt, Impracticable: reason,
		Oral: oral, OralAnswer: in.OralAppealAnswer != nil,
	}); err != nil {
		return nil, err
	}
	update := d.Update().SetNillableConvictInformedByID(staffID(v))
	if reason != "" {
		return update.SetInformingImpracticableReason(reason).Save(ctx)
	}
	if in.How == nil {
		return nil, (&rules.Violation{Rule: "DC3", Provision: "forvaltningsloven § 27, straffegjennomføringsloven § 7 bokstav c og d",
			Message: "Oppgi hvordan domfelte ble underrettet."}).On("how")
	}
	deadline := rules.AppealDeadline(rules.DateOf(*in.InformedAt))
	update.SetConvictInformedAt(*in.InformedAt).SetConvictInformedHow(*in.How).SetAppealDeadline(deadline)
	if oral {
		update.SetOralAppealAnswer(*in.OralAppealAnswer)
	}
	saved, err := update.Save(ctx)
	if err != nil {
		return nil, err
	}
	// Told orally and not appealing: the decision is final and the notices
	// may go (DC6).
	if c, err = s.caseOf(ctx, client, d.CustodyEventID); err != nil {
		return nil, err
	}
	return saved, s.releaseHeld(ctx, client, c, "", false)
}

// RegisterAppeal registers the convict's appeal against a decision to
// notify, with the convict's representative if any — never an inmate, a
// person serving a sentence or an employee of the correctional service
// (DC8). Notices not yet sent wait for the appeal to be decided (DC5, DC7).
func (s *Service) RegisterAppeal(ctx context.Context, in RegisterAppealInput) (*ent.Appeal, error) {
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
	c, err := s.caseOf(ctx, client, d.CustodyEventID)
	if err != nil {
		return nil, err
	}
	rep, err := s.representative(ctx, client, in.Representative)
	if err != nil {
		return nil, err
	}
	if err := rules.Fire(rules.RegisterAppeal, c, rules.Step{Representative: rep}); err != nil {
		return nil, err
	}
	if in.ReceivedAt.After(s.Now()) {
		return nil, refuse("DC7", "Tidspunktet klagen kom inn kan ikke være i fremtiden.").On("receivedAt")
	}
	create := client.Appeal.Create().
		SetDecisionID(d.ID).
		SetReceivedAt(in.ReceivedAt).
		SetGrounds(strings.TrimSpace(text(in.Grounds))).
		SetNillableRegisteredByID(staffID(v))
	if in.Representative != nil {
		create.SetRepresentativeName(strings.TrimSpace(in.Representative.Name))
	}
	a, err := create.Save(ctx)
	if err != nil {
		return nil, err
	}
	return a, s.holdUnsent(ctx, client, c)
}

// representative is what the rules need to know of the convict's
// representative (DC8): what the caseworker recorded, and whether the
// registers show a person serving a sentence — a convict registered with
// that identity number whose sentence has not ended.
func (s *Service) representative(ctx context.Context, client *ent.Client, in *RepresentativeInput) (*rules.Representative, error) {
	if in == nil {
		return nil, nil
	}
	if strings.TrimSpace(in.Name) == "" {
		return nil, refuse("DC8", "Oppgi navnet på fullmektigen.").On("representative.name")
	}
	r := &rules.Representative{Inmate: in.IsInmate, ServingSentence: in.IsServingSentence, Employee: in.IsEmployedByCorrectionalService}
	if nin := strings.TrimSpace(text(in.NationalIdentityNumber)); nin != "" {
		if _, err := rules.ValidateIdentityNumber(nin, s.Now()); err != nil {
			return nil, err.(*rules.Violation).On("representative.nationalIdentityNumber")
		}
		serving, err := client.Convict.Query().Where(convict.NationalIdentityNumber(nin),
			convict.Or(convict.SentenceEndedOnIsNil(), convict.SentenceEndedOnGTE(s.today()))).Exist(varsel.OnBehalfOf(ctx))
		if err != nil {
			return nil, err
		}
		r.ServingSentence = r.ServingSentence || serving
	}
	return r, nil
}

// DecideAppeal decides an appeal at the level above the one that decided
// (DC7). Upheld, the notices may go when the rules allow; overturned, the
// decision falls and every notice not yet delivered is cancelled.
func (s *Service) DecideAppeal(ctx context.Context, in DecideAppealInput) (*ent.Appeal, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	a, err := found(client.Appeal.Query().Where(appeal.ID(in.AppealID)).
		WithDecision(func(q *ent.DecisionQuery) { q.WithDecidingUnit() }).Only(ctx))("klagen")
	if err != nil {
		return nil, err
	}
	if a.Status != appeal.StatusPENDING {
		return nil, conflict("Klagen er allerede avgjort.")
	}
	d := a.Edges.Decision
	body, err := rules.AppealLevel(d.Level)
	if err != nil {
		return nil, err
	}
	if d.Edges.DecidingUnit.ParentID == nil {
		return nil, refuse("DC7", "Enheten som fattet vedtaket har ingen overordnet enhet.")
	}
	if !v.Has(varsel.RoleDecisionMaker) {
		return nil, varsel.Errorf(varsel.EFORBIDDEN, "Bare en beslutter kan avgjøre klager (DC7).")
	}
	own, err := found(client.Unit.Get(ctx, v.UnitID))("enheten din")
	if err != nil {
		return nil, err
	}
	if err := rules.CheckAppealDecider(d.Level, own.Kind); err != nil {
		return nil, err
	}
	if own.ID != *d.Edges.DecidingUnit.ParentID || own.Kind != body {
		return nil, varsel.Errorf(varsel.EFORBIDDEN, "Klagen avgjøres av enheten over %s.", d.Edges.DecidingUnit.Name)
	}
	c, err := s.caseOf(ctx, client, d.CustodyEventID)
	if err != nil {
		return nil, err
	}
	if err := rules.Fire(rules.DecideAppeal, c, rules.Step{DecisionMaker: true, Reasoning: in.Reasoning}); err != nil {
		return nil, err
	}
	status := appeal.StatusUPHELD
	if !in.Upheld {
		status = appeal.StatusOVERTURNED
	}
	decided, err := a.Update().
		SetStatus(status).
		SetReasoning(strings.TrimSpace(in.Reasoning)).
		SetDecidedAt(s.Now()).
		SetDecidingUnitID(own.ID).
		SetNillableDecidedByID(staffID(v)).
		Save(ctx)
	if err != nil {
		return nil, err
	}
	if !in.Upheld {
		if err := d.Update().SetStatus(decision.StatusOVERTURNED).Exec(ctx); err != nil {
			return nil, err
		}
	}
	if c, err = s.caseOf(ctx, client, d.CustodyEventID); err != nil {
		return nil, err
	}
	if in.Upheld {
		return decided, s.releaseHeld(ctx, client, c, "", false)
	}
	return decided, s.cancelUnsent(ctx, client, c, "Vedtaket om varsling er omgjort etter klage (DC7).")
}

// decisionInForce loads a decision that has not been overturned.
func (s *Service) decisionInForce(ctx context.Context, client *ent.Client, id int) (*ent.Decision, error) {
	d, err := found(client.Decision.Get(ctx, id))("vedtaket")
	if err != nil {
		return nil, err
	}
	switch d.Status {
	case decision.StatusOVERTURNED:
		return nil, conflict("Vedtaket er omgjort etter klage.")
	case decision.StatusWITHDRAWN:
		return nil, conflict("Vedtaket er trukket tilbake.")
	}
	return d, nil
}
