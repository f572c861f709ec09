package workflow

import (
	"context"
	"fmt"
	"strings"
	"time"

	"varsel/ent"
	"varsel/ent/assessment"
	"varsel/ent/decision"
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
			return nil, invalid("Oppgi hvilket politidistrikt som spørres.")
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
		return nil, invalid("Skriv et sammendrag av svaret (AS6).")
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
// nothing is decided (AS2).
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
	if err := rules.CheckSecurityReasoning(in.Reasoning); err != nil {
		return nil, err
	}
	if err := rules.CheckPoliceAsked(in.PossibleRevengeRisk, in.PoliceDistrictID != nil); err != nil {
		return nil, err
	}
	if decided, err := client.Decision.Query().Where(decision.CustodyEventID(ev.ID), decision.StatusEQ(decision.StatusIN_FORCE)).Exist(ctx); err != nil {
		return nil, err
	} else if decided {
		return nil, conflict("Vedtak om varsling er fattet. En ny sikkerhetsvurdering som endrer utfallet, må føre til at vedtaket omgjøres.")
	}
	outcome := rules.SecurityOutcomeFor(in.PossibleRevengeRisk)
	create := client.SecurityAssessment.Create().
		SetCustodyEventID(ev.ID).
		SetOutcome(outcome).
		SetReasoning(strings.TrimSpace(in.Reasoning)).
		SetAssessedAt(s.Now()).
		SetNillableAssessedByID(staffID(v))
	if outcome == rules.AwaitingPolice {
		c, err := client.Convict.Get(ctx, ev.ConvictID)
		if err != nil {
			return nil, err
		}
		question := fmt.Sprintf("Kriminalomsorgen ber om politiets uttalelse: er det fare for hevnaksjoner eller lignende mot %s ved %s %s?",
			c.Name, ev.Kind.Name(), rules.DateOf(ev.StartsAt).Format("02.01.2006"))
		pr, err := s.askPolice(ctx, client, ev, policerequest.KindSECURITY_STATEMENT, *in.PoliceDistrictID, question)
		if err != nil {
			return nil, err
		}
		create.SetPoliceRequest(pr)
	}
	return create.Save(ctx)
}

// RecordPoliceStatement records the police's statement on a possible risk of
// revenge. A confirmed risk means no notice is given: the event's notices
// not yet sent are cancelled (AS2).
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
		return nil, invalid("Skriv politiets uttalelse (AS2).")
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
// waiting for it. A confirmed risk means no notice is given: the event's
// notices not yet sent are cancelled (AS2).
func (s *Service) settleSecurityAssessment(ctx context.Context, client *ent.Client, sa *ent.SecurityAssessment, riskConfirmed bool, statement string) error {
	if sa.Outcome != rules.AwaitingPolice {
		return conflict("Sikkerhetsvurderingen venter ikke på politiets uttalelse.")
	}
	if err := client.SecurityAssessment.UpdateOne(sa).
		SetOutcome(rules.SecurityOutcomeAfterPolice(riskConfirmed)).
		SetPoliceStatement(statement).
		Exec(ctx); err != nil {
		return err
	}
	if riskConfirmed {
		return s.cancelUnsent(ctx, client, notice.CustodyEventID(sa.CustodyEventID),
			"Politiet har bekreftet fare for hevnaksjoner; det skal ikke varsles (AS2).")
	}
	return nil
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
		return nil, invalid("Vurderingen gjelder enten en fornærmet eller en etterlatt.")
	}
	if n, err := client.SecurityAssessment.Query().Where(securityassessment.CustodyEventID(ev.ID)).Count(ctx); err != nil {
		return nil, err
	} else if n == 0 {
		return nil, rules.CheckSecurityCleared(nil) // AS2: security first
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
			return nil, invalid("Fornærmede er død. Vurder varsel til de etterlatte (RC3).")
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
	sent := client.Notice.Query().Where(notice.StatusIn(notice.StatusSENT, notice.StatusDELIVERED))
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
	return client.PoliceRequest.Create().
		SetKind(kind).
		SetPoliceDistrictID(district).
		SetUnitID(c.UnitID).
		SetCustodyEventID(ev.ID).
		SetQuestion(question).
		SetNillableRequestedByID(staffID(v)).
		Save(ctx)
}

// latestSecurityOutcome is the outcome of the event's latest security
// assessment, or nil when there is none (AS2).
func latestSecurityOutcome(ctx context.Context, client *ent.Client, event int) (*rules.SecurityOutcome, error) {
	sa, err := client.SecurityAssessment.Query().Where(securityassessment.CustodyEventID(event)).
		Order(ent.Desc(securityassessment.FieldAssessedAt), ent.Desc(securityassessment.FieldID)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &sa.Outcome, nil
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
