package workflow

import (
	"context"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/alert"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/condition"
	"varsel/ent/convict"
	"varsel/ent/criminalcase"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/disclosure"
	"varsel/ent/documentmark"
	"varsel/ent/guardian"
	"varsel/ent/informationrequest"
	"varsel/ent/institutionstay"
	"varsel/ent/notice"
	"varsel/ent/notificationagreement"
	"varsel/ent/policereport"
	"varsel/ent/policerequest"
	"varsel/ent/reservation"
	"varsel/ent/securityassessment"
	"varsel/ent/survivor"
	"varsel/ent/victim"
	"varsel/rules"
)

// Retention (IX8, KO personal-data regulation § 6): unverified information
// is kept 4 months; all of a convict's personal data is deleted at the latest
// 10 years after the sentence ended. The periodic job deletes; the dry run
// shows what would go. Each deleted row leaves an audit event — actor,
// action, entity, id, time — and none of its data (PR3).

// RetentionItem is one thing retention deletes: its ID and the day it was
// due to go. It carries no personal data.
type RetentionItem struct {
	ID        int
	ExpiresOn time.Time
}

// RetentionReport is what retention deletes — or, in a dry run, would
// delete — on a day.
type RetentionReport struct {
	AsOf    time.Time
	Applied bool
	// UnverifiedDisclosures are disclosures of unverified information past
	// their 4 months, not verified, with no decision resting on them.
	UnverifiedDisclosures []RetentionItem
	// KeptForDecisions are unverified disclosures past their 4 months that
	// are kept because an individual decision rests on them (§ 6).
	KeptForDecisions []RetentionItem
	// ConvictsWithoutSentenceEnd are convicts with no recorded sentence end
	// and nothing recorded for two years: listed for review, not deleted.
	ConvictsWithoutSentenceEnd []RetentionItem
	// Convicts are convicts whose sentence ended 10 years ago or more: all
	// their personal data goes, with their cases, victims, survivors,
	// guardians, events, assessments, decisions, notices, requests,
	// disclosures and reports.
	Convicts []RetentionItem
	// NationalQueueReports and NationalQueueDisclosures are police reports
	// and disclosures that reached no unit (no convict held the number, or
	// the convict is under INFOFLYT), received 10 years ago or more: nothing
	// justifies keeping them longer than a convict's own data.
	NationalQueueReports     []RetentionItem
	NationalQueueDisclosures []RetentionItem
	// DeletedRows counts the rows deleted in all, when applied.
	DeletedRows int
}

// Retention finds what is due for deletion now (IX8) and, when apply is
// set, deletes it. Run it in a transaction as the service itself.
func (s *Service) Retention(ctx context.Context, client *ent.Client, apply bool) (*RetentionReport, error) {
	now := s.Now()
	today := rules.DateOf(now)
	report := &RetentionReport{AsOf: now, Applied: apply}

	unverified, err := client.Disclosure.Query().
		Where(disclosure.Unverified(true), disclosure.VerifiedAtIsNil(), disclosure.ExpiresOnNotNil(), disclosure.ExpiresOnLTE(today)).
		Order(ent.Asc(disclosure.FieldExpiresOn), ent.Asc(disclosure.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range unverified {
		switch rules.UnverifiedFateOf(*d.ExpiresOn, d.VerifiedAt != nil, d.DecisionBasis, now) {
		case rules.DeleteUnverified:
			report.UnverifiedDisclosures = append(report.UnverifiedDisclosures, RetentionItem{d.ID, *d.ExpiresOn})
		case rules.KeepForDecision:
			report.KeptForDecisions = append(report.KeptForDecisions, RetentionItem{d.ID, *d.ExpiresOn})
		}
	}
	// Convicts with no sentence end recorded, registered two years ago or
	// more, with no event since: listed for review.
	quiet := today.AddDate(-rules.UnreviewedSentenceYears, 0, 0)
	unreviewed, err := client.Convict.Query().
		Where(convict.SentenceEndedOnIsNil(), convict.CreatedAtLTE(quiet),
			convict.Not(convict.HasCustodyEventsWith(custodyevent.Or(custodyevent.StartsAtGT(quiet), custodyevent.CreatedAtGT(quiet))))).
		Order(ent.Asc(convict.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range unreviewed {
		report.ConvictsWithoutSentenceEnd = append(report.ConvictsWithoutSentenceEnd, RetentionItem{c.ID, today})
	}
	// A sentence that ended on or before this day ended 10 years ago.
	cutoff := today.AddDate(-rules.PersonalDataRetentionYears, 0, 0)
	ended, err := client.Convict.Query().
		Where(convict.SentenceEndedOnNotNil(), convict.SentenceEndedOnLTE(cutoff.AddDate(0, 0, 1))).
		Order(ent.Asc(convict.FieldSentenceEndedOn), ent.Asc(convict.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range ended {
		if expires := rules.PersonalDataExpiresOn(*c.SentenceEndedOn); rules.Expired(expires, now) {
			report.Convicts = append(report.Convicts, RetentionItem{c.ID, expires})
		}
	}
	// Received on or before this day, a record in the national queue is 10
	// years old.
	reports, err := client.PoliceReport.Query().
		Where(policereport.UnitIDIsNil(), policereport.ReportedAtLT(cutoff.AddDate(0, 0, 1))).
		Order(ent.Asc(policereport.FieldReportedAt), ent.Asc(policereport.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range reports {
		if expires := rules.PersonalDataExpiresOn(r.ReportedAt); rules.Expired(expires, now) {
			report.NationalQueueReports = append(report.NationalQueueReports, RetentionItem{r.ID, expires})
		}
	}
	queued, err := client.Disclosure.Query().
		Where(disclosure.UnitIDIsNil(), disclosure.CreatedAtLT(cutoff.AddDate(0, 0, 1))).
		Order(ent.Asc(disclosure.FieldCreatedAt), ent.Asc(disclosure.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range queued {
		if expires := rules.PersonalDataExpiresOn(d.CreatedAt); rules.Expired(expires, now) {
			report.NationalQueueDisclosures = append(report.NationalQueueDisclosures, RetentionItem{d.ID, expires})
		}
	}
	if !apply {
		return report, nil
	}
	if ids := itemIDs(report.NationalQueueDisclosures); len(ids) > 0 {
		n, err := client.Disclosure.Delete().Where(disclosure.IDIn(ids...)).Exec(ctx)
		if err != nil {
			return nil, err
		}
		report.DeletedRows += n
	}
	if ids := itemIDs(report.NationalQueueReports); len(ids) > 0 {
		m, err := client.Disclosure.Delete().Where(disclosure.PoliceReportIDIn(ids...)).Exec(ctx)
		if err != nil {
			return nil, err
		}
		report.DeletedRows += m
		n, err := client.PoliceReport.Delete().Where(policereport.IDIn(ids...)).Exec(ctx)
		if err != nil {
			return nil, err
		}
		report.DeletedRows += n
	}

	if ids := itemIDs(report.UnverifiedDisclosures); len(ids) > 0 {
		n, err := client.DocumentMark.Delete().
			Where(documentmark.DocumentKindEQ(documentmark.DocumentKindDISCLOSURE), documentmark.DocumentIDIn(ids...)).Exec(ctx)
		if err != nil {
			return nil, err
		}
		m, err := client.Disclosure.Delete().Where(disclosure.IDIn(ids...)).Exec(ctx)
		if err != nil {
			return nil, err
		}
		report.DeletedRows += n + m
	}
	if ids := itemIDs(report.Convicts); len(ids) > 0 {
		n, err := deleteConvicts(ctx, client, ids)
		if err != nil {
			return nil, err
		}
		report.DeletedRows += n
	}
	return report, nil
}

func itemIDs(items []RetentionItem) []int {
	ids := make([]int, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	return ids
}

// deleteConvicts deletes convicts and everything recorded about their cases,
// dependants first, and returns how many rows went.
func deleteConvicts(ctx context.Context, client *ent.Client, ids []int) (int, error) {
	ofConvicts := convict.IDIn(ids...)
	cases := criminalcase.HasConvictWith(ofConvicts)
	victims := victim.HasCriminalCaseWith(cases)
	survivors := survivor.HasVictimWith(victims)
	events := custodyevent.HasConvictWith(ofConvicts)

	steps := []func() (int, error){
		func() (int, error) {
			return client.Alert.Delete().Where(alert.Or(
				alert.HasCustodyEventWith(events),
				alert.HasPoliceReportWith(policereport.HasConvictWith(ofConvicts)),
				alert.HasPoliceRequestWith(policerequest.HasCustodyEventWith(events)),
			)).Exec(ctx)
		},
		func() (int, error) {
			return client.Appeal.Delete().Where(appeal.HasDecisionWith(decision.HasCustodyEventWith(events))).Exec(ctx)
		},
		func() (int, error) { return client.Notice.Delete().Where(notice.HasCustodyEventWith(events)).Exec(ctx) },
		func() (int, error) {
			return client.Decision.Delete().Where(decision.HasCustodyEventWith(events)).Exec(ctx)
		},
		func() (int, error) {
			return client.Assessment.Delete().Where(assessment.HasCustodyEventWith(events)).Exec(ctx)
		},
		func() (int, error) {
			return client.SecurityAssessment.Delete().Where(securityassessment.HasCustodyEventWith(events)).Exec(ctx)
		},
		func() (int, error) {
			return client.InformationRequest.Delete().Where(informationrequest.HasCustodyEventWith(events)).Exec(ctx)
		},
		func() (int, error) {
			return client.Condition.Delete().Where(condition.HasCustodyEventWith(events)).Exec(ctx)
		},
		func() (int, error) {
			return client.PoliceRequest.Delete().Where(policerequest.HasCustodyEventWith(events)).Exec(ctx)
		},
		func() (int, error) { return client.CustodyEvent.Delete().Where(events).Exec(ctx) },
		func() (int, error) {
			return client.InstitutionStay.Delete().Where(institutionstay.HasConvictWith(ofConvicts)).Exec(ctx)
		},
		func() (int, error) {
			return client.Reservation.Delete().Where(reservation.Or(reservation.HasVictimWith(victims), reservation.HasSurvivorWith(survivors))).Exec(ctx)
		},
		func() (int, error) {
			return client.NotificationAgreement.Delete().Where(notificationagreement.Or(
				notificationagreement.HasVictimWith(victims), notificationagreement.HasSurvivorWith(survivors))).Exec(ctx)
		},
		func() (int, error) {
			return client.Guardian.Delete().Where(guardian.Or(guardian.HasVictimWith(victims), guardian.HasSurvivorWith(survivors))).Exec(ctx)
		},
		func() (int, error) { return client.Survivor.Delete().Where(survivors).Exec(ctx) },
		func() (int, error) { return client.Victim.Delete().Where(victims).Exec(ctx) },
		func() (int, error) { return client.CriminalCase.Delete().Where(cases).Exec(ctx) },
		func() (int, error) {
			return client.Disclosure.Delete().Where(disclosure.HasConvictWith(ofConvicts)).Exec(ctx)
		},
		func() (int, error) {
			return client.PoliceReport.Delete().Where(policereport.HasConvictWith(ofConvicts)).Exec(ctx)
		},
		func() (int, error) {
			return client.DocumentMark.Delete().Where(documentmark.HasConvictWith(ofConvicts)).Exec(ctx)
		},
		func() (int, error) { return client.Convict.Delete().Where(ofConvicts).Exec(ctx) },
	}
	total := 0
	for _, step := range steps {
		n, err := step()
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

// RetentionPreview is the dry run: what retention would delete today. It
// reads as the service, for the viewer (an administrator or auditor), and
// shows identifiers only.
func (s *Service) RetentionPreview(ctx context.Context, client *ent.Client) (*RetentionReport, error) {
	return s.Retention(varsel.OnBehalfOf(ctx), client, false)
}
