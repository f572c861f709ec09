package workflow

import (
	"context"
	"strings"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/guardian"
	"varsel/ent/notice"
	"varsel/ent/notificationagreement"
	"varsel/ent/reservation"
	"varsel/rules"
)

// caseOf reads the facts of one event's case as the lifecycle rules see
// them (rules.Case): the event, its security records, everyone a notice may
// concern with their assessment, guardians, reservations and agreements,
// the decision in force with its appeal, and every notice. It reads on the
// step's behalf, past the unit scope, since the rules must see all of it.
func (s *Service) caseOf(ctx context.Context, client *ent.Client, eventID int) (*rules.Case, error) {
	ctx = varsel.OnBehalfOf(ctx)
	ev, err := found(client.CustodyEvent.Query().Where(custodyevent.ID(eventID)).
		WithConvict().
		WithSecurityAssessments().
		WithAssessments(func(q *ent.AssessmentQuery) { q.WithDecisions() }).
		WithDecisions(func(q *ent.DecisionQuery) { q.WithAppeals() }).
		WithNotices(func(q *ent.NoticeQuery) { q.Order(ent.Asc(notice.FieldID)) }).
		Only(ctx))("hendelsen")
	if err != nil {
		return nil, err
	}
	c := &rules.Case{
		Now: s.Now(),
		Event: rules.CaseEvent{ID: ev.ID, Kind: ev.Kind, Status: rules.EventStatus(ev.Status),
			StartsAt: ev.StartsAt, EndsAt: ev.EndsAt, DateOnly: ev.DateOnly, RegisteredAt: ev.CreatedAt},
		ConvictIdentityNumber: ev.Edges.Convict.NationalIdentityNumber,
	}
	for _, sa := range ev.Edges.SecurityAssessments {
		c.Security = append(c.Security, securityRecord(sa))
	}

	// The newest decision that fell says how: overturned on appeal (DC7) or
	// withdrawn by the unit (DC1).
	var inForce, fell *ent.Decision
	for _, d := range ev.Edges.Decisions {
		switch {
		case d.Status == decision.StatusIN_FORCE:
			inForce = d
		case fell == nil || d.ID > fell.ID:
			fell = d
		}
	}
	if inForce != nil {
		c.Decision = caseDecision(inForce)
	} else if fell != nil {
		c.Overturned = fell.Status == decision.StatusOVERTURNED
		c.Withdrawn = fell.Status == decision.StatusWITHDRAWN
	}

	victims, survivors, err := potentialRecipients(ctx, client, ev.ConvictID)
	if err != nil {
		return nil, err
	}
	latest := map[rules.RecipientKey]*ent.Assessment{}
	for _, a := range ev.Edges.Assessments {
		k := assessmentKey(a)
		if prev := latest[k]; prev == nil || a.ID > prev.ID {
			latest[k] = a
		}
	}
	withAssessment := func(r rules.CaseRecipient) rules.CaseRecipient {
		if a := latest[r.Key()]; a != nil {
			r.Assessment = &rules.CaseAssessment{Notify: a.Outcome == assessment.OutcomeNOTIFY, RecordedAt: a.CreatedAt,
				InDecision: inForce != nil && containsDecision(a.Edges.Decisions, inForce.ID)}
		}
		return r
	}
	for _, v := range victims {
		if v.Deceased {
			continue
		}
		r := rules.CaseRecipient{Kind: rules.VictimRecipient, ID: v.ID, RegisteredAt: recipientSince(v.CreatedAt, v.Edges.CriminalCase),
			Person:        rules.Person{BirthDate: v.BirthDate, UnderGuardianship: v.UnderGuardianship, IdentityNumber: v.NationalIdentityNumber},
			Protection:    v.AddressProtection,
			StoredAddress: addressParts(v.AddressLine, v.PostalCode, v.PostalPlace, v.Country).Stored(),
			Required:      v.Edges.CriminalCase.Status == rules.Serving}
		c.Recipients = append(c.Recipients, withAssessment(r))
	}
	for _, sv := range survivors {
		v := sv.Edges.Victim
		if !v.Deceased {
			continue
		}
		r := rules.CaseRecipient{Kind: rules.SurvivorRecipient, ID: sv.ID, RegisteredAt: recipientSince(sv.CreatedAt, v.Edges.CriminalCase),
			Person:        rules.Person{BirthDate: sv.BirthDate, UnderGuardianship: sv.UnderGuardianship, IdentityNumber: sv.NationalIdentityNumber},
			Protection:    sv.AddressProtection,
			StoredAddress: addressParts(sv.AddressLine, sv.PostalCode, sv.PostalPlace, sv.Country).Stored(),
			Required:      v.Edges.CriminalCase.Status == rules.Serving}
		c.Recipients = append(c.Recipients, withAssessment(r))
	}
	if err := s.withGuardiansAndWishes(ctx, client, c); err != nil {
		return nil, err
	}

	for _, n := range ev.Edges.Notices {
		c.Notices = append(c.Notices, caseNotice(n))
	}
	return c, nil
}

// recipientSince is when a person became a potential recipient: when they
// were registered, or when their case's status was last corrected — a
// case served again brings its victims back from then, and a decision made
// before did not have to assess them (AS1, I2).
func recipientSince(registered time.Time, cc *ent.CriminalCase) time.Time {
	if cc.StatusChangedAt != nil && cc.StatusChangedAt.After(registered) {
		return *cc.StatusChangedAt
	}
	return registered
}

// withGuardiansAndWishes adds each recipient's guardians, standing
// reservation and whether an agreement to be notified once is met (RC5–RC7,
// RC10).
func (s *Service) withGuardiansAndWishes(ctx context.Context, client *ent.Client, c *rules.Case) error {
	for i := range c.Recipients {
		r := &c.Recipients[i]
		guardians := client.Guardian.Query().Where(guardian.RegisteredInErrorAtIsNil())
		reserved := client.Reservation.Query().Order(ent.Asc(reservation.FieldReservedAt))
		agreements := client.NotificationAgreement.Query().Order(ent.Desc(notificationagreement.FieldAgreedAt))
		sent := client.Notice.Query().Where(notice.StatusIn(rules.NoticeSent, rules.NoticeDelivered))
		switch r.Kind {
		case rules.VictimRecipient:
			guardians.Where(guardian.VictimID(r.ID))
			reserved.Where(reservation.VictimID(r.ID))
			agreements.Where(notificationagreement.VictimID(r.ID))
			sent.Where(notice.VictimID(r.ID), notice.SurvivorIDIsNil())
		default:
			guardians.Where(guardian.SurvivorID(r.ID))
			reserved.Where(reservation.SurvivorID(r.ID))
			agreements.Where(notificationagreement.SurvivorID(r.ID))
			sent.Where(notice.SurvivorID(r.ID))
		}
		gs, err := guardians.All(ctx)
		if err != nil {
			return err
		}
		for _, g := range gs {
			r.Guardians = append(r.Guardians, rules.CaseGuardian{ID: g.ID, IdentityNumber: g.NationalIdentityNumber,
				Protection: g.AddressProtection, StoredAddress: addressParts(g.AddressLine, g.PostalCode, g.PostalPlace, g.Country).Stored()})
		}
		reservations, err := reserved.All(ctx)
		if err != nil {
			return err
		}
		for _, res := range reservations {
			// A reservation binds the service from when it is recorded: one
			// made by telephone yesterday and recorded today does not make
			// this morning's notice a breach (RC10, I7).
			since := res.ReservedAt
			if res.CreatedAt.After(since) {
				since = res.CreatedAt
			}
			r.Reservations = append(r.Reservations, rules.CaseReservation{Since: since, LiftedAt: res.LiftedAt})
			if res.LiftedAt == nil && r.ReservedSince == nil {
				r.ReservedSince = &since
			}
		}
		all, err := agreements.All(ctx)
		if err != nil {
			return err
		}
		for _, a := range all {
			r.Agreements = append(r.Agreements, rules.CaseAgreement{At: a.AgreedAt, Frequency: a.Frequency})
		}
		if len(all) > 0 {
			// Notices of other events count; this event's own do not settle it.
			others, err := sent.Where(notice.CustodyEventIDNEQ(c.Event.ID), notice.SentAtNotNil()).All(ctx)
			if err != nil {
				return err
			}
			for _, n := range others {
				r.SentElsewhere = append(r.SentElsewhere, *n.SentAt)
			}
			// As of now, the same way the invariants judge it (I2): an
			// agreement dated later does not count yet.
			r.AgreementSettled = r.AgreementSettledAt(c.Now)
		}
	}
	return nil
}

// securityRecord is a stored security assessment as the rules see it (AS2).
func securityRecord(sa *ent.SecurityAssessment) rules.SecurityRecord {
	r := rules.SecurityRecord{Kind: sa.Kind, At: sa.AssessedAt, StatementAt: sa.PoliceStatementAt}
	switch sa.Outcome {
	case rules.AwaitingPolice, rules.RiskRuledOut:
		r.PossibleRisk = true
	case rules.RiskConfirmed:
		r.PossibleRisk, r.RiskConfirmed = true, true
	}
	return r
}

// caseDecision is the decision in force as the rules see it.
func caseDecision(d *ent.Decision) *rules.CaseDecision {
	cd := &rules.CaseDecision{
		DecidedAt:         d.DecidedAt,
		Reasoning:         d.Reasoning,
		ConvictInformedAt: d.ConvictInformedAt,
		Impracticable:     d.InformingImpracticableReason != "",
		AppealDeadline:    d.AppealDeadline,
	}
	if d.ReasonsWithheld != nil {
		cd.ReasonsWithheld = string(*d.ReasonsWithheld)
	}
	if d.OralAppealAnswer != nil && *d.OralAppealAnswer == decision.OralAppealAnswerDOES_NOT_APPEAL {
		cd.WaivedAt = d.ConvictInformedAt
	}
	for _, a := range d.Edges.Appeals {
		switch a.Status {
		case appeal.StatusPENDING:
			cd.AppealPending = true
		case appeal.StatusUPHELD:
			// The first appeal upheld made the decision final; a late
			// appeal decided since does not undo that for what went before.
			if cd.AppealUpheldAt == nil || (a.DecidedAt != nil && a.DecidedAt.Before(*cd.AppealUpheldAt)) {
				cd.AppealUpheldAt = a.DecidedAt
			}
		}
	}
	return cd
}

// caseNotice is a stored notice as the rules see it.
func caseNotice(n *ent.Notice) rules.CaseNotice {
	cn := rules.CaseNotice{ID: n.ID, Status: n.Status, Kind: n.Kind, GuardianID: n.GuardianID, Route: n.Route, Channel: n.Channel,
		Times:   rules.NoticeTimes{StartsAt: n.Content.StartsAt, EndsAt: n.Content.EndsAt, DateOnly: n.Content.DateOnly},
		DueDate: n.DueDate, Late: n.Late, LateJustification: n.LateJustification, EarlyRelease: n.EarlyReleaseJustification,
		SentAt: n.SentAt}
	if n.SurvivorID != nil {
		cn.Recipient = rules.RecipientKey{Kind: rules.SurvivorRecipient, ID: *n.SurvivorID}
	} else if n.VictimID != nil {
		cn.Recipient = rules.RecipientKey{Kind: rules.VictimRecipient, ID: *n.VictimID}
	}
	for _, cond := range n.Content.Conditions {
		for _, t := range []string{cond.Area, cond.Description} {
			if strings.TrimSpace(t) != "" {
				cn.Texts = append(cn.Texts, t)
			}
		}
	}
	return cn
}

func assessmentKey(a *ent.Assessment) rules.RecipientKey {
	if a.SurvivorID != nil {
		return rules.RecipientKey{Kind: rules.SurvivorRecipient, ID: *a.SurvivorID}
	}
	return rules.RecipientKey{Kind: rules.VictimRecipient, ID: *a.VictimID}
}

func containsDecision(ds []*ent.Decision, id int) bool {
	for _, d := range ds {
		if d.ID == id {
			return true
		}
	}
	return false
}

func addressParts(line, code, place, country string) rules.AddressParts {
	return rules.AddressParts{Line: line, PostalCode: code, Place: place, Country: country}
}
