package workflow

import (
	"context"
	"fmt"
	"strings"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/assessment"
	"varsel/ent/notice"
	"varsel/ent/notificationagreement"
	"varsel/ent/policerequest"
	"varsel/ent/reservation"
	"varsel/ent/securityassessment"
	"varsel/rules"
)

// RequestInformation logs a request for information before deciding on a
// notice — to the police, social services or child welfare, with its purpose
// (AS6) — and never to the recipient (AS7). A request to the police is also
// put to the police district's liaison.
func (s *Service) RequestInformation(ctx context.Context, in RequestInformationInput) (*ent.InformationRequest, error) {
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
	if err := rules.CheckInformationRequest(in.Source, in.Purpose); err != nil {
		return nil, err
	}
	create := client.InformationRequest.Create().
		SetCustodyEventID(ev.ID).
		SetSource(in.Source).
		SetSourceName(strings.TrimSpace(text(in.SourceName))).
		SetPurpose(strings.TrimSpace(in.Purpose)).
		SetRequestedAt(s.Now()).
		SetNillableRequestedByID(staffID(v))
	if in.Source == rules.PoliceSource {
		if in.PoliceDistrictID == nil {
			return nil, refuse("AS6", "Oppgi hvilket politidistrikt som spørres.").On("policeDistrictId")
		}
		pr, err := s.askPolice(ctx, client, ev, policerequest.KindINFORMATION, *in.PoliceDistrictID, strings.TrimSpace(in.Purpose))
		if err != nil {
			return nil, err
		}
		create.SetPoliceRequest(pr)
	}
	return create.Save(ctx)
}

// RecordInformationAnswer logs the answer to an information request (AS6).
func (s *Service) RecordInformationAnswer(ctx context.Context, in RecordInformationAnswerInput) (*ent.InformationRequest, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	req, err := found(client.InformationRequest.Get(ctx, in.InformationRequestID))("forespørselen")
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.Summary) == "" {
		return nil, refuse("AS6", "Skriv et sammendrag av svaret.").On("summary")
	}
	answered := s.Now()
	if in.AnsweredAt != nil {
		answered = *in.AnsweredAt
	}
	return req.Update().SetAnsweredAt(answered).SetAnswerSummary(strings.TrimSpace(in.Summary)).Save(ctx)
}

// RecordSecurityAssessment records the assessment, made first and on its own,
// of whether notifying could endanger the convict. A possible risk of revenge
// or similar asks the police district for a statement; until it comes,
// nothing is decided and nothing goes: notices not yet gone are held (AS2).
// It may be recorded at any time — new information after the decision stops
// the notices just the same — but a newer assessment saying "no risk" never
// lifts a confirmed risk or an awaited statement.
func (s *Service) RecordSecurityAssessment(ctx context.Context, in RecordSecurityAssessmentInput) (*ent.SecurityAssessment, error) {
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
	if err := rules.Fire(rules.AssessSecurity, c, rules.Step{Reasoning: in.Reasoning}); err != nil {
		return nil, err
	}
	if err := rules.CheckSecurityReasoning(in.Reasoning); err != nil {
		return nil, err.(*rules.Violation).On("reasoning")
	}
	if err := rules.CheckPoliceAsked(in.PossibleRevengeRisk, in.PoliceDistrictID != nil); err != nil {
		return nil, err.(*rules.Violation).On("policeDistrictId")
	}
	outcome := rules.SecurityOutcomeFor(in.PossibleRevengeRisk)
	create := client.SecurityAssessment.Create().
		SetCustodyEventID(ev.ID).
		SetKind(rules.CaseworkerAssessment).
		SetOutcome(outcome).
		SetReasoning(strings.TrimSpace(in.Reasoning)).
		SetAssessedAt(s.Now()).
		SetNillableAssessedByID(staffID(v))
	if outcome == rules.AwaitingPolice {
		conv, err := client.Convict.Get(ctx, ev.ConvictID)
		if err != nil {
			return nil, err
		}
		question := fmt.Sprintf("Kriminalomsorgen ber om politiets uttalelse: er det fare for hevnaksjoner eller lignende mot %s ved %s %s?",
			conv.Name, ev.Kind.Name(), rules.DateOf(ev.StartsAt).Format("02.01.2006"))
		pr, err := s.askPolice(ctx, client, ev, policerequest.KindSECURITY_STATEMENT, *in.PoliceDistrictID, question)
		if err != nil {
			return nil, err
		}
		create.SetPoliceRequest(pr)
	}
	sa, err := create.Save(ctx)
	if err != nil {
		return nil, err
	}
	return sa, s.followSecurity(ctx, client, ev.ID)
}

// RecordSecurityFinding records a decision maker's reasoned finding that
// lifts a confirmed risk or a police statement still awaited (AS2): the
// only way besides the police's own statement. Notices held for it may then
// go when the rest of the rules allow.
func (s *Service) RecordSecurityFinding(ctx context.Context, in RecordSecurityFindingInput) (*ent.SecurityAssessment, error) {
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
	if err := rules.Fire(rules.LiftSecurityConcern, c, rules.Step{DecisionMaker: v.Has(varsel.RoleDecisionMaker), Reasoning: in.Reasoning}); err != nil {
		return nil, err
	}
	sa, err := client.SecurityAssessment.Create().
		SetCustodyEventID(ev.ID).
		SetKind(rules.DecisionMakerFinding).
		SetOutcome(rules.RiskLifted).
		SetReasoning(strings.TrimSpace(in.Reasoning)).
		SetAssessedAt(s.Now()).
		SetNillableAssessedByID(staffID(v)).
		Save(ctx)
	if err != nil {
		return nil, err
	}
	return sa, s.followSecurity(ctx, client, ev.ID)
}

// RecordPoliceStatement records the police's statement on a possible risk of
// revenge. A confirmed risk means no notice is given: the event's notices
// not yet delivered are cancelled (AS2).
func (s *Service) RecordPoliceStatement(ctx context.Context, in RecordPoliceStatementInput) (*ent.SecurityAssessment, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	sa, err := found(client.SecurityAssessment.Query().Where(securityassessment.ID(in.SecurityAssessmentID)).
		WithPoliceRequest().Only(ctx))("sikkerhetsvurderingen")
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.Statement) == "" {
		return nil, refuse("AS2", "Skriv politiets uttalelse.").On("statement")
	}
	if err := s.settleSecurityAssessment(ctx, client, sa, in.RiskConfirmed, strings.TrimSpace(in.Statement)); err != nil {
		return nil, err
	}
	if pr := sa.Edges.PoliceRequest; pr != nil && (pr.Status == policerequest.StatusOPEN || pr.Status == policerequest.StatusACKNOWLEDGED) {
		if err := pr.Update().SetStatus(policerequest.StatusCOMPLETED).SetResponse(strings.TrimSpace(in.Statement)).
			SetRiskConfirmed(in.RiskConfirmed).SetCompletedAt(s.Now()).Exec(ctx); err != nil {
			return nil, err
		}
	}
	return client.SecurityAssessment.Get(ctx, sa.ID)
}

// settleSecurityAssessment records the police's statement on an assessment
// waiting for it, and the event's notices follow where security now stands
// (AS2).
func (s *Service) settleSecurityAssessment(ctx context.Context, client *ent.Client, sa *ent.SecurityAssessment, riskConfirmed bool, statement string) error {
	c, err := s.caseOf(ctx, client, sa.CustodyEventID)
	if err != nil {
		return err
	}
	if err := rules.Fire(rules.RecordPoliceStatement, c, rules.Step{}); err != nil {
		return err
	}
	if sa.Outcome != rules.AwaitingPolice {
		return conflict("Sikkerhetsvurderingen venter ikke på politiets uttalelse.")
	}
	if err := client.SecurityAssessment.UpdateOne(sa).
		SetOutcome(rules.SecurityOutcomeAfterPolice(riskConfirmed)).
		SetPoliceStatement(statement).
		SetPoliceStatementAt(s.Now()).
		Exec(ctx); err != nil {
		return err
	}
	return s.followSecurity(ctx, client, sa.CustodyEventID)
}

// followSecurity makes the event's notices follow where security stands
// (AS2): a risk confirmed cancels every notice not yet delivered and
// withdraws it from the police; a statement awaited holds what has not
// gone; security cleared lets held notices go when the rest of the rules
// allow.
func (s *Service) followSecurity(ctx context.Context, client *ent.Client, eventID int) error {
	c, err := s.caseOf(ctx, client, eventID)
	if err != nil {
		return err
	}
	switch c.SecurityNow() {
	case rules.SecurityRisk:
		return s.cancelUnsent(ctx, client, c, "Politiet har bekreftet fare for hevnaksjoner; det skal ikke varsles (AS2).")
	case rules.SecurityAwaitingPolice, rules.SecurityNotAssessed:
		return s.holdUnsent(ctx, client, c)
	}
	return s.releaseHeld(ctx, client, c, "", false)
}

// RecordSignificanceAssessment records the concrete assessment of whether a
// notice of the event matters to one potential recipient (AS3–AS5), after the
// security assessment (AS2). Only victims of cases the convict serves, or of
// cases that lapsed because of forvaring with the real need assessed, and
// survivors of deceased victims, can be assessed (RC1–RC4); a recipient who
// reserved against notices, or whose agreement is settled, is not notified
// (RC10, AS1). Recording again before the decision replaces the assessment.
func (s *Service) RecordSignificanceAssessment(ctx context.Context, in RecordSignificanceAssessmentInput) (*ent.Assessment, error) {
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
	if (in.VictimID == nil) == (in.SurvivorID == nil) {
		return nil, refuse("AS1", "Vurderingen gjelder enten en fornærmet eller en etterlatt.")
	}
	c, err := s.caseOf(ctx, client, ev.ID)
	if err != nil {
		return nil, err
	}
	if err := rules.Fire(rules.AssessRecipient, c, rules.Step{}); err != nil {
		return nil, err
	}
	victims, survivors, err := potentialRecipients(ctx, client, ev.ConvictID)
	if err != nil {
		return nil, err
	}
	var (
		birth      *time.Time
		caseStatus rules.CaseStatus
		existing   = client.Assessment.Query().Where(assessment.CustodyEventID(ev.ID))
	)
	switch {
	case in.VictimID != nil:
		victim := findByID(victims, *in.VictimID, func(x *ent.Victim) int { return x.ID })
		if victim == nil {
			return nil, rules.CheckVictimCase(rules.Completed, "") // RC1: not a victim in a case the convict serves
		}
		if victim.Deceased {
			return nil, refuse("RC3", "Fornærmede er død. Vurder varsel til de etterlatte.")
		}
		birth, caseStatus = victim.BirthDate, victim.Edges.CriminalCase.Status
		existing.Where(assessment.VictimID(victim.ID))
	default:
		survivor := findByID(survivors, *in.SurvivorID, func(x *ent.Survivor) int { return x.ID })
		if survivor == nil {
			return nil, rules.CheckVictimCase(rules.Completed, "") // RC1
		}
		siblings := 0
		for _, x := range survivors {
			if x.VictimID == survivor.VictimID {
				siblings++
			}
		}
		if err := rules.CheckSeveralSurvivors(siblings, text(in.SeveralSurvivorsReasoning)); err != nil {
			return nil, err
		}
		birth, caseStatus = survivor.BirthDate, survivor.Edges.Victim.Edges.CriminalCase.Status
		existing.Where(assessment.SurvivorID(survivor.ID))
	}
	if err := rules.CheckVictimCase(caseStatus, text(in.RealNeedReasoning)); err != nil {
		return nil, err
	}
	minor := birth != nil && rules.IsMinor(*birth, s.Now())
	if err := rules.CheckSignificance(rules.Significance{
		Notify: in.Notify, Factors: in.Factors, Reasoning: in.Reasoning, RecipientMinor: minor,
	}); err != nil {
		return nil, err
	}
	if in.Notify {
		if err := s.checkWantsNotices(ctx, client, in.VictimID, in.SurvivorID); err != nil {
			return nil, err
		}
	}
	outcome := assessment.OutcomeDO_NOT_NOTIFY
	if in.Notify {
		outcome = assessment.OutcomeNOTIFY
	}
	prev, err := existing.WithDecisions().Only(ctx)
	switch {
	case ent.IsNotFound(err):
		return client.Assessment.Create().
			SetCustodyEventID(ev.ID).
			SetNillableVictimID(in.VictimID).
			SetNillableSurvivorID(in.SurvivorID).
			SetOutcome(outcome).
			SetFactors(in.Factors).
			SetReasoning(strings.TrimSpace(in.Reasoning)).
			SetRecipientMinor(minor).
			SetSeveralSurvivorsReasoning(strings.TrimSpace(text(in.SeveralSurvivorsReasoning))).
			SetRealNeedReasoning(strings.TrimSpace(text(in.RealNeedReasoning))).
			SetNillableAssessedByID(staffID(v)).
			Save(ctx)
	case err != nil:
		return nil, err
	case len(prev.Edges.Decisions) > 0:
		return nil, conflict("Vedtaket om varsling bygger på denne vurderingen og er fattet. Den kan ikke endres nå.")
	}
	return prev.Update().
		SetOutcome(outcome).
		SetFactors(in.Factors).
		SetReasoning(strings.TrimSpace(in.Reasoning)).
		SetRecipientMinor(minor).
		SetSeveralSurvivorsReasoning(strings.TrimSpace(text(in.SeveralSurvivorsReasoning))).
		SetRealNeedReasoning(strings.TrimSpace(text(in.RealNeedReasoning))).
		SetNillableAssessedByID(staffID(v)).
		Save(ctx)
}

// checkWantsNotices refuses a notice to someone who reserved against them,
// or whose agreement to be notified once is already met (RC10, AS1).
func (s *Service) checkWantsNotices(ctx context.Context, client *ent.Client, victimID, survivorID *int) error {
	reserved := client.Reservation.Query().Where(reservation.LiftedAtIsNil())
	agreements := client.NotificationAgreement.Query().Order(ent.Desc(notificationagreement.FieldAgreedAt))
	sent := client.Notice.Query().Where(notice.StatusIn(rules.NoticeSent, rules.NoticeDelivered))
	if victimID != nil {
		reserved.Where(reservation.VictimID(*victimID))
		agreements.Where(notificationagreement.VictimID(*victimID))
		sent.Where(notice.VictimID(*victimID))
	} else {
		reserved.Where(reservation.SurvivorID(*survivorID))
		agreements.Where(notificationagreement.SurvivorID(*survivorID))
		sent.Where(notice.SurvivorID(*survivorID))
	}
	isReserved, err := reserved.Exist(ctx)
	if err != nil {
		return err
	}
	if err := rules.CheckNotReserved(isReserved); err != nil {
		return err
	}
	latest, err := agreements.First(ctx)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	n, err := sent.Count(ctx)
	if err != nil {
		return err
	}
	if !rules.AssessmentRequired(&latest.Frequency, n) {
		return &rules.Violation{Rule: "RC10", Provision: "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5",
			Message: "Det er avtalt med mottakeren at ett varsel er nok, og det er gitt. Det skal ikke varsles på nytt."}
	}
	return nil
}

// askPolice puts a request to a police district on behalf of the convict's unit.
func (s *Service) askPolice(ctx context.Context, client *ent.Client, ev *ent.CustodyEvent, kind policerequest.Kind, district int, question string) (*ent.PoliceRequest, error) {
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := found(client.PoliceDistrict.Get(ctx, district))("politidistriktet"); err != nil {
		return nil, err
	}
	c, err := client.Convict.Get(ctx, ev.ConvictID)
	if err != nil {
		return nil, err
	}
	answerBy := rules.NoticeDueDate(ev.Kind, ev.StartsAt, ev.CreatedAt)
	return client.PoliceRequest.Create().
		SetKind(kind).
		SetPoliceDistrictID(district).
		SetUnitID(c.UnitID).
		SetCustodyEventID(ev.ID).
		SetAnswerBy(answerBy).
		SetQuestion(question).
		SetNillableRequestedByID(staffID(v)).
		Save(ctx)
}

func findByID[T any](xs []T, id int, key func(T) int) T {
	var zero T
	for _, x := range xs {
		if key(x) == id {
			return x
		}
	}
	return zero
}
