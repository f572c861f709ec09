package workflow

import (
	"context"
	"strings"

	"varsel"
	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/decision"
	"varsel/ent/notice"
	"varsel/rules"
)

// escapeImpracticable is recorded when the convict has escaped: he or she
// cannot be informed of the decision (DC3).
const escapeImpracticable = "Domfelte har unndratt seg gjennomføringen og kan ikke underrettes før varselet gis (straffegjennomføringsloven § 40 siste ledd)."

// DecideNotification makes the individual decision (enkeltvedtak) to notify
// the recipients whose assessment says so (DC1). Only a decision maker of the
// unit at the deciding level decides (DC2), and only once security is
// cleared (AS2). Two decision makers deciding at once: one wins, the other
// gets CONFLICT.
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
	outcome, err := latestSecurityOutcome(ctx, client, ev.ID)
	if err != nil {
		return nil, err
	}
	if err := rules.CheckSecurityCleared(outcome); err != nil {
		return nil, err
	}
	notify, err := client.Assessment.Query().
		Where(assessment.CustodyEventID(ev.ID), assessment.OutcomeEQ(assessment.OutcomeNOTIFY)).IDs(ctx)
	if err != nil {
		return nil, err
	}
	if len(notify) == 0 {
		return nil, invalid("Ingen vurdering konkluderer med at varsel er av betydning for mottakeren. Da skal det ikke treffes vedtak om varsling.")
	}
	create := client.Decision.Create().
		SetCustodyEventID(ev.ID).
		SetDecidingUnitID(ev.DecidingUnitID).
		SetLevel(ev.DecidingLevel).
		SetReasoning(strings.TrimSpace(text(in.Reasoning))).
		SetDecidedAt(s.Now()).
		SetNillableDecidedByID(staffID(v)).
		AddAssessmentIDs(notify...)
	if ev.Kind == rules.Escape {
		create.SetInformingImpracticableReason(escapeImpracticable)
	}
	return create.Save(ctx)
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
// or she will appeal, and the answer is recorded (DC6). When informing is
// impracticable (an escape), the reason is recorded instead.
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
	if d.ConvictInformedAt != nil || d.InformingImpracticableReason != "" {
		return nil, conflict("Det er allerede registrert at domfelte er underrettet om vedtaket.")
	}
	update := d.Update().SetNillableConvictInformedByID(staffID(v))
	if reason := strings.TrimSpace(text(in.ImpracticableReason)); reason != "" {
		return update.SetInformingImpracticableReason(reason).Save(ctx)
	}
	const provision = "straffegjennomføringsloven § 7 b, forvaltningsloven § 27"
	switch {
	case in.InformedAt == nil || in.How == nil:
		return nil, &rules.Violation{Rule: "DC3", Provision: provision,
			Message: "Oppgi når og hvordan domfelte ble underrettet, eller hvorfor det ikke praktisk lar seg gjøre."}
	case in.InformedAt.After(s.Now()):
		return nil, invalid("Tidspunktet for underretningen kan ikke være i fremtiden.")
	case *in.How == decision.ConvictInformedHowORAL && in.OralAppealAnswer == nil:
		return nil, &rules.Violation{Rule: "DC6", Provision: rules.ReleaseProvision,
			Message: "Domfelte ble orientert muntlig. Registrer om han eller hun vil klage."}
	}
	deadline := rules.AppealDeadline(rules.DateOf(*in.InformedAt))
	update.SetConvictInformedAt(*in.InformedAt).SetConvictInformedHow(*in.How).SetAppealDeadline(deadline)
	if *in.How == decision.ConvictInformedHowORAL {
		update.SetOralAppealAnswer(*in.OralAppealAnswer)
	}
	return update.Save(ctx)
}

// RegisterAppeal registers the convict's appeal against a decision to
// notify. Notices not yet sent wait for the appeal to be decided (DC5, DC7).
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
	if pending, err := d.QueryAppeals().Where(appeal.StatusEQ(appeal.StatusPENDING)).Exist(ctx); err != nil {
		return nil, err
	} else if pending {
		return nil, conflict("En klage på vedtaket er allerede registrert og ikke avgjort.")
	}
	if in.ReceivedAt.After(s.Now()) {
		return nil, invalid("Tidspunktet klagen kom inn kan ikke være i fremtiden.")
	}
	a, err := client.Appeal.Create().
		SetDecisionID(d.ID).
		SetReceivedAt(in.ReceivedAt).
		SetGrounds(strings.TrimSpace(text(in.Grounds))).
		SetNillableRegisteredByID(staffID(v)).
		Save(ctx)
	if err != nil {
		return nil, err
	}
	_, err = client.Notice.Update().
		Where(notice.CustodyEventID(d.CustodyEventID), notice.StatusEQ(notice.StatusREADY)).
		SetStatus(notice.StatusHELD).Save(ctx)
	return a, err
}

// DecideAppeal decides an appeal at the level above the one that decided
// (DC7). Upheld, the notices may go when the rules allow; overturned, the
// decision falls and every notice not yet sent is cancelled.
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
		return nil, invalid("Enheten som fattet vedtaket har ingen overordnet enhet (DC7).")
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
	if strings.TrimSpace(in.Reasoning) == "" {
		return nil, invalid("Skriv begrunnelsen for klageavgjørelsen.")
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
	if in.Upheld {
		return decided, s.releaseHeld(ctx, client, d.CustodyEventID)
	}
	if err := d.Update().SetStatus(decision.StatusOVERTURNED).Exec(ctx); err != nil {
		return nil, err
	}
	return decided, s.cancelUnsent(ctx, client, notice.CustodyEventID(d.CustodyEventID),
		"Vedtaket om varsling er omgjort etter klage (DC7).")
}

// decisionInForce loads a decision that has not been overturned.
func (s *Service) decisionInForce(ctx context.Context, client *ent.Client, id int) (*ent.Decision, error) {
	d, err := found(client.Decision.Get(ctx, id))("vedtaket")
	if err != nil {
		return nil, err
	}
	if d.Status != decision.StatusIN_FORCE {
		return nil, conflict("Vedtaket er omgjort etter klage.")
	}
	return d, nil
}

// appealState is what the release rules need to know of a decision (DC5, DC6).
func appealState(d *ent.Decision, appeals []*ent.Appeal) rules.AppealState {
	st := rules.AppealState{
		ConvictInformed:        d.ConvictInformedAt != nil,
		InformingImpracticable: d.InformingImpracticableReason != "",
		Deadline:               d.AppealDeadline,
		OralNoAppeal:           d.OralAppealAnswer != nil && *d.OralAppealAnswer == decision.OralAppealAnswerDOES_NOT_APPEAL,
	}
	for _, a := range appeals {
		switch a.Status {
		case appeal.StatusPENDING:
			st.AppealPending = true
		case appeal.StatusUPHELD:
			st.AppealUpheld = true
		}
	}
	return st
}
