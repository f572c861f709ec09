package workflow

import (
	"context"
	"fmt"
	"strings"
	"time"

	"varsel"
	"varsel/accesslog"
	"varsel/ent"
	"varsel/ent/accesslogentry"
	"varsel/ent/alert"
	"varsel/ent/convict"
	"varsel/ent/disclosure"
	"varsel/ent/informationrequest"
	"varsel/ent/notice"
	"varsel/ent/policereport"
	"varsel/ent/policerequest"
	"varsel/ent/securityassessment"
	"varsel/rules"
)

// The police liaison portal: what the notification workflow asks of a police
// district (RC9, AS2, AS6), and the police's mandatory messages to the
// correctional service (IX5). The police see only what is addressed to their
// district (PR5), through the data policies; where a step of theirs changes
// case data they cannot see — a statement that settles a security
// assessment, a delivery that settles a notice — the step first finds the
// request under their own policies, and only then acts on their behalf
// (varsel.OnBehalfOf).

// PoliceRequests lists the requests the viewer may see — the police their
// district's, the correctional service its units' — newest first unless
// ordered otherwise. Every request listed is a view written to the access
// log.
func (s *Service) PoliceRequests(ctx context.Context, client *ent.Client, after *ent.Cursor, first *int, before *ent.Cursor, last *int,
	kind *policerequest.Kind, status *policerequest.Status, orderBy *ent.PoliceRequestOrder) (*ent.PoliceRequestConnection, error) {
	q := client.PoliceRequest.Query()
	if kind != nil {
		q.Where(policerequest.KindEQ(*kind))
	}
	if status != nil {
		q.Where(policerequest.StatusEQ(*status))
	}
	if orderBy == nil {
		orderBy = &ent.PoliceRequestOrder{Direction: "DESC", Field: ent.PoliceRequestOrderFieldCreatedAt}
	}
	conn, err := q.Paginate(ctx, after, first, before, last, ent.WithPoliceRequestOrder(orderBy))
	if err != nil {
		return nil, err
	}
	for _, e := range conn.Edges {
		if err := accesslog.NoteRequestView(ctx, e.Node.ID); err != nil {
			return nil, err
		}
	}
	return conn, nil
}

// PoliceRequest is one request, if the viewer may see it; the view is
// written to the access log.
func (s *Service) PoliceRequest(ctx context.Context, client *ent.Client, id int) (*ent.PoliceRequest, error) {
	pr, err := found(client.PoliceRequest.Get(ctx, id))("forespørselen")
	if err != nil {
		return nil, err
	}
	return pr, accesslog.NoteRequestView(ctx, pr.ID)
}

// NoticeDelivery is what the police are told of a notice they are to
// deliver: who is to be notified, identified by identity number, the notice
// letter and the event's time — nothing else of the case (RC9).
type NoticeDelivery struct {
	RecipientName                   string
	RecipientNationalIdentityNumber *string
	// OnBehalfOf is the minor or the adult under guardianship whose guardian
	// receives the notice.
	OnBehalfOf    *string
	EventStartsAt time.Time
	DeliverBy     time.Time
	// LetterURL is where the police fetch the delivery request with the
	// notice letter as PDF.
	LetterURL string
}

// Delivery is what a DELIVER_NOTICE request tells the police, or nil for the
// other kinds. The read of the recipient's identity is written to the access
// log (PR2).
func (s *Service) Delivery(ctx context.Context, client *ent.Client, pr *ent.PoliceRequest) (*NoticeDelivery, error) {
	if pr.Kind != policerequest.KindDELIVER_NOTICE || pr.NoticeID == nil {
		return nil, nil
	}
	// The request is the viewer's to see (it was loaded under their
	// policies); the notice behind it is read on their behalf.
	n, err := client.Notice.Query().Where(notice.ID(*pr.NoticeID)).
		WithVictim().WithSurvivor().WithGuardian().WithCustodyEvent().Only(varsel.OnBehalfOf(ctx))
	if err != nil {
		return nil, err
	}
	if err := accesslog.NoteRequestView(ctx, pr.ID); err != nil {
		return nil, err
	}
	d := &NoticeDelivery{EventStartsAt: n.Edges.CustodyEvent.StartsAt, DeliverBy: n.DueDate,
		LetterURL: fmt.Sprintf("/letters/police-requests/%d", pr.ID)}
	to := addresseeOf(n)
	d.RecipientName = to.Name
	if to.NationalIdentityNumber != "" {
		d.RecipientNationalIdentityNumber = &to.NationalIdentityNumber
	}
	typ, id := concerned(n)
	if n.Edges.Guardian != nil {
		if err := accesslog.Note(ctx, accesslog.Guardian, n.Edges.Guardian.ID, accesslog.Identity); err != nil {
			return nil, err
		}
		var name string
		if n.Edges.Survivor != nil {
			name = n.Edges.Survivor.Name
		} else {
			name = n.Edges.Victim.Name
		}
		d.OnBehalfOf = &name
	}
	return d, accesslog.Note(ctx, typ, id, accesslog.Identity)
}

// concerned is the victim or survivor a notice is about, for the access log.
func concerned(n *ent.Notice) (typ accesslogentry.PersonType, id int) {
	if n.SurvivorID != nil {
		return accesslog.Survivor, *n.SurvivorID
	}
	return accesslog.Victim, *n.VictimID
}

// AcknowledgePoliceRequest records that the police district has the request
// and is handling it. Acknowledging again changes nothing.
func (s *Service) AcknowledgePoliceRequest(ctx context.Context, id int) (*ent.PoliceRequest, error) {
	client, v, pr, err := s.policeRequestToHandle(ctx, id)
	if err != nil || pr.Status == policerequest.StatusACKNOWLEDGED {
		return pr, err
	}
	return client.PoliceRequest.UpdateOne(pr).SetStatus(policerequest.StatusACKNOWLEDGED).
		SetAcknowledgedAt(s.Now()).SetNillableHandledByID(staffID(v)).Save(ctx)
}

// CompletePoliceRequestInput is the police's answer to a request: a statement
// on the risk of revenge (SECURITY_STATEMENT), the date and manner of a
// delivery (DELIVER_NOTICE), or the information asked for (INFORMATION).
type CompletePoliceRequestInput struct {
	ID             int
	Statement      *string
	RiskConfirmed  *bool
	DeliveredAt    *time.Time
	DeliveryManner *string
	Answer         *string
}

// CompletePoliceRequest records the police's answer. A statement that
// confirms a risk of revenge stops the event's notices (AS2); a confirmed
// delivery makes the notice DELIVERED (RC9); an answer to a request for
// information is logged with the request (AS6).
func (s *Service) CompletePoliceRequest(ctx context.Context, in CompletePoliceRequestInput) (*ent.PoliceRequest, error) {
	client, v, pr, err := s.policeRequestToHandle(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	update := client.PoliceRequest.UpdateOne(pr).SetStatus(policerequest.StatusCOMPLETED).SetCompletedAt(now).
		SetNillableHandledByID(staffID(v))
	if pr.AcknowledgedAt == nil {
		update.SetAcknowledgedAt(now)
	}
	onBehalf := varsel.OnBehalfOf(ctx)
	switch pr.Kind {
	case policerequest.KindSECURITY_STATEMENT:
		statement := strings.TrimSpace(text(in.Statement))
		if statement == "" || in.RiskConfirmed == nil {
			return nil, &rules.Violation{Rule: "AS2", Provision: "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.3",
				Message: "Skriv politiets uttalelse, og svar på om det er fare for hevnaksjoner eller lignende."}
		}
		sa, err := client.SecurityAssessment.Query().Where(securityassessment.HasPoliceRequestWith(policerequest.ID(pr.ID))).Only(onBehalf)
		if err != nil {
			return nil, err
		}
		if err := s.settleSecurityAssessment(onBehalf, client, sa, *in.RiskConfirmed, statement); err != nil {
			return nil, err
		}
		update.SetResponse(statement).SetRiskConfirmed(*in.RiskConfirmed)
	case policerequest.KindDELIVER_NOTICE:
		manner := strings.TrimSpace(text(in.DeliveryManner))
		switch {
		case in.DeliveredAt == nil || manner == "":
			return nil, &rules.Violation{Rule: "RC9", Provision: "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5",
				Message: "Oppgi når og hvordan varselet ble levert."}
		case in.DeliveredAt.After(now):
			return nil, refuse("RC9", "Leveringstidspunktet kan ikke være fram i tid.").On("deliveredAt")
		// People give the time to the minute: a delivery in the very minute
		// the request was made is not before it.
		case in.DeliveredAt.Before(pr.CreatedAt.Truncate(time.Minute)):
			return nil, refuse("RC9", "Varselet kan ikke være levert før politiet ble bedt om å levere det (%s).",
				rules.DateOf(pr.CreatedAt).Format("02.01.2006"))
		}
		if err := s.confirmPoliceDelivery(onBehalf, client, *pr.NoticeID, *in.DeliveredAt); err != nil {
			return nil, err
		}
		update.SetDeliveredAt(*in.DeliveredAt).SetDeliveryManner(manner)
	case policerequest.KindINFORMATION:
		answer := strings.TrimSpace(text(in.Answer))
		if answer == "" {
			return nil, &rules.Violation{Rule: "AS6", Provision: "forvaltningsloven § 13 b første ledd nr. 5",
				Message: "Skriv svaret. Det logges sammen med forespørselen."}
		}
		if _, err := client.InformationRequest.Update().
			Where(informationrequest.HasPoliceRequestWith(policerequest.ID(pr.ID)), informationrequest.AnsweredAtIsNil()).
			SetAnsweredAt(now).SetAnswerSummary(answer).Save(onBehalf); err != nil {
			return nil, err
		}
		update.SetResponse(answer)
	}
	return update.Save(ctx)
}

// DeclinePoliceRequest records that the police district will not do what
// was asked, and why. The unit is alerted: a notice the police will not
// deliver goes back to be sent another way.
func (s *Service) DeclinePoliceRequest(ctx context.Context, id int, reason string) (*ent.PoliceRequest, error) {
	client, v, pr, err := s.policeRequestToHandle(ctx, id)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(reason) == "" {
		return nil, refuse("RC9", "Skriv hvorfor politiet avslår forespørselen, slik at kriminalomsorgen kan følge den opp.")
	}
	now := s.Now()
	onBehalf := varsel.OnBehalfOf(ctx)
	if pr.Kind == policerequest.KindDELIVER_NOTICE {
		n, err := client.Notice.Get(onBehalf, *pr.NoticeID)
		if err != nil {
			return nil, err
		}
		if n.Status == rules.NoticeSent && n.Channel != nil && *n.Channel == rules.ViaPolice {
			c, err := s.caseOf(ctx, client, n.CustodyEventID)
			if err != nil {
				return nil, err
			}
			to, err := rules.FireNotice(rules.PoliceDeclined, c, rules.Step{Notice: c.Notice(n.ID)})
			if err != nil {
				return nil, err
			}
			if err := n.Update().SetStatus(to).ClearSentAt().Exec(onBehalf); err != nil {
				return nil, err
			}
		}
	}
	updated, err := client.PoliceRequest.UpdateOne(pr).SetStatus(policerequest.StatusDECLINED).SetDeclinedAt(now).
		SetDeclineReason(strings.TrimSpace(reason)).SetNillableHandledByID(staffID(v)).Save(ctx)
	if err != nil {
		return nil, err
	}
	return updated, s.raise(onBehalf, client, declinedAlert(client, pr).SetRaisedAt(now))
}

// policeRequestToHandle finds an open request under the viewer's own
// policies: only the district it is addressed to may handle it (PR5).
func (s *Service) policeRequestToHandle(ctx context.Context, id int) (*ent.Client, *varsel.Viewer, *ent.PoliceRequest, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	pr, err := found(client.PoliceRequest.Get(ctx, id))("forespørselen")
	if err != nil {
		return nil, nil, nil, err
	}
	if err := accesslog.NoteRequestView(ctx, pr.ID); err != nil {
		return nil, nil, nil, err
	}
	switch pr.Status {
	case policerequest.StatusCOMPLETED:
		return nil, nil, nil, conflict("Forespørselen er allerede besvart.")
	case policerequest.StatusDECLINED:
		return nil, nil, nil, conflict("Forespørselen er avslått.")
	case policerequest.StatusWITHDRAWN:
		// The service withdrew it: a risk was confirmed, or the decision fell
		// (AS2, DC7). There is nothing left to answer.
		return nil, nil, nil, conflict("Kriminalomsorgen har trukket forespørselen tilbake. Varselet skal ikke leveres.")
	}
	return client, v, pr, nil
}

// declinedAlert is the alert for the unit that asked, when the police decline.
func declinedAlert(client *ent.Client, pr *ent.PoliceRequest) *ent.AlertCreate {
	what := map[policerequest.Kind]string{
		policerequest.KindDELIVER_NOTICE:     "Politiet leverer ikke varselet. Send det på annen måte eller be et annet politidistrikt.",
		policerequest.KindSECURITY_STATEMENT: "Politiet gir ikke uttalelse om fare for hevnaksjoner. Vurder sikkerheten på nytt.",
		policerequest.KindINFORMATION:        "Politiet gir ikke de opplysningene som ble bedt om.",
	}[pr.Kind]
	rule := map[policerequest.Kind]string{
		policerequest.KindDELIVER_NOTICE: "RC9", policerequest.KindSECURITY_STATEMENT: "AS2", policerequest.KindINFORMATION: "AS6",
	}[pr.Kind]
	return client.Alert.Create().SetKind(alert.KindPOLICE_DECLINED).SetRule(rule).SetKey(fmt.Sprint("declined:", pr.ID)).
		SetMessage(what).SetUnitID(pr.UnitID).SetNillableCustodyEventID(pr.CustodyEventID).
		SetNillableNoticeID(pr.NoticeID).SetPoliceRequestID(pr.ID)
}

// raise stores an alert unless one with its key exists.
func (s *Service) raise(ctx context.Context, client *ent.Client, create *ent.AlertCreate) error {
	key, _ := create.Mutation().Key()
	if exists, err := client.Alert.Query().Where(alert.Key(key)).Exist(ctx); err != nil || exists {
		return err
	}
	return create.Exec(ctx)
}

// ReportToCorrectionalServiceInput is a mandatory message from the police
// (IX5). The police identify the convict by identity number: they do not see
// the correctional service's registry.
type ReportToCorrectionalServiceInput struct {
	ConvictNationalIdentityNumber string
	Kind                          rules.PoliceReportKind
	Summary                       string
}

// ReportToCorrectionalService registers a mandatory message from the police
// — an investigation opened, a breach of conditions, a foreign conviction, a
// crime the convict will likely commit soon — for the convict's responsible
// unit, records it as a disclosure from the police (IX1), and alerts the
// unit (IX5).
//
// The police must not learn from the answer whether the person is a convict,
// nor where (security issue: no oracle). So a valid number is always
// received, and answered alike: a report that matches no convict, or one
// under INFOFLYT (IX6: no ordinary disclosure; it is handled through the
// INFOFLYT procedure), waits in the national queue with the number the police
// gave, and no unit learns of it. Only what the police can see for
// themselves — a number that is not valid (PR1), a missing summary — is
// refused.
func (s *Service) ReportToCorrectionalService(ctx context.Context, in ReportToCorrectionalServiceInput) (*ent.PoliceReport, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	if v.PoliceDistrictID == 0 {
		return nil, varsel.Errorf(varsel.EFORBIDDEN, "Du er ikke knyttet til et politidistrikt.")
	}
	if err := rules.CheckPoliceReport(in.Kind, in.Summary); err != nil {
		return nil, err
	}
	nin := strings.TrimSpace(in.ConvictNationalIdentityNumber)
	if _, err := rules.ValidateIdentityNumber(nin, s.Now()); err != nil {
		return nil, err
	}
	onBehalf := varsel.OnBehalfOf(ctx)
	district, err := client.PoliceDistrict.Get(ctx, v.PoliceDistrictID)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	summary := strings.TrimSpace(in.Summary)
	create := client.PoliceReport.Create().SetKind(in.Kind).SetSummary(summary).SetReportedAt(now).
		SetReportedByName(v.Name).SetNillableReportedByID(staffID(v)).SetPoliceDistrictID(district.ID)
	category := rules.PoliceInformation
	if in.Kind == rules.InvestigationOpened || in.Kind == rules.ImminentOffence {
		category = rules.OffenceInformation
	}
	// The report is also a disclosure from the police (IX1), recorded alike
	// whether or not it reaches a unit: the police's register must not tell
	// them either (no oracle).
	disclosed := client.Disclosure.Create().SetDirection(rules.FromPolice).SetCategory(category).
		SetSummary(summary).SetPurpose("Pliktig melding til kriminalomsorgen: " + in.Kind.Name() + ".").
		SetRecipient("Kriminalomsorgen, domfeltes ansvarlige enhet").SetLegalBasis(rules.Politiregisterforskriften105).
		SetDecidedByName(v.Name).SetDecidedAt(now).SetForm(rules.Written).
		SetPoliceDistrictID(district.ID).SetNationalIdentityNumber(nin).SetNillableRecordedByID(staffID(v))
	c, err := client.Convict.Query().Where(convict.NationalIdentityNumber(nin)).Only(onBehalf)
	switch {
	case ent.IsNotFound(err):
		return s.holdReport(onBehalf, create.SetHeld(policereport.HeldUNKNOWN_PERSON).SetNationalIdentityNumber(nin),
			disclosed.SetHeld(disclosure.HeldUNKNOWN_PERSON))
	case err != nil:
		return nil, err
	case rules.CheckNotInfoflyt(c.Infoflyt) != nil:
		return s.holdReport(onBehalf, create.SetHeld(policereport.HeldINFOFLYT).SetNationalIdentityNumber(nin),
			disclosed.SetHeld(disclosure.HeldINFOFLYT))
	}
	report, err := create.SetConvictID(c.ID).SetUnitID(c.UnitID).Save(onBehalf)
	if err != nil {
		return nil, err
	}
	if err := disclosed.SetConvictID(c.ID).SetUnitID(c.UnitID).SetPoliceReportID(report.ID).Exec(onBehalf); err != nil {
		return nil, err
	}
	return report, s.raise(onBehalf, client, reportAlert(client, report, c.UnitID, district.Name).SetRaisedAt(now))
}

// holdReport puts a police report, and the disclosure it is, in the national
// queue.
func (s *Service) holdReport(ctx context.Context, report *ent.PoliceReportCreate, disclosed *ent.DisclosureCreate) (*ent.PoliceReport, error) {
	r, err := report.Save(ctx)
	if err != nil {
		return nil, err
	}
	return r, disclosed.SetPoliceReportID(r.ID).Exec(ctx)
}

// reportAlert is the alert that puts a police report on the unit's worklist.
// It names the district and the kind, never the person.
func reportAlert(client *ent.Client, r *ent.PoliceReport, unitID int, district string) *ent.AlertCreate {
	return client.Alert.Create().SetKind(alert.KindPOLICE_REPORT).SetRule("IX5").SetKey(fmt.Sprint("report:", r.ID)).
		SetMessage(fmt.Sprintf("Melding fra %s: %s.", district, r.Kind.Name())).
		SetUnitID(unitID).SetPoliceReportID(r.ID)
}

// AcknowledgePoliceReport records that the unit has read a police report,
// which takes it off the worklist (IX5).
func (s *Service) AcknowledgePoliceReport(ctx context.Context, id int) (*ent.PoliceReport, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	r, err := found(client.PoliceReport.Get(ctx, id))("meldingen")
	if err != nil || r.AcknowledgedAt != nil {
		return r, err
	}
	now := s.Now()
	if _, err := client.Alert.Update().Where(alert.PoliceReportID(r.ID), alert.ResolvedAtIsNil()).SetResolvedAt(now).Save(ctx); err != nil {
		return nil, err
	}
	return r.Update().SetAcknowledgedAt(now).SetNillableAcknowledgedByID(staffID(v)).Save(ctx)
}

// PoliceReports lists the police's mandatory messages the viewer may see —
// the unit's, or those the district sent — newest first; unread only when
// asked.
func (s *Service) PoliceReports(ctx context.Context, client *ent.Client, after *ent.Cursor, first *int, before *ent.Cursor, last *int,
	unacknowledged *bool) (*ent.PoliceReportConnection, error) {
	q := client.PoliceReport.Query()
	if unacknowledged != nil && *unacknowledged {
		q.Where(policereport.AcknowledgedAtIsNil())
	}
	return q.Paginate(ctx, after, first, before, last,
		ent.WithPoliceReportOrder(&ent.PoliceReportOrder{Direction: "DESC", Field: ent.PoliceReportOrderFieldReportedAt}))
}

// SecurityStatementRequest is what the police need to give a statement on
// the risk of revenge or similar (AS2): whom it concerns — with the identity
// number, so that they find the person in their own registers — the event,
// and why the unit asks.
type SecurityStatementRequest struct {
	ConvictName                   string
	ConvictNationalIdentityNumber string
	EventKind                     rules.EventKind
	EventStartsAt                 time.Time
	Reasons                       string
}

// SecurityStatement is the request's subject and reasons, for a
// SECURITY_STATEMENT request; nil for any other. The request is the
// viewer's to see (it was loaded under their policies); the case behind it
// is read on their behalf, and the view is logged.
func (s *Service) SecurityStatement(ctx context.Context, client *ent.Client, pr *ent.PoliceRequest) (*SecurityStatementRequest, error) {
	if pr.Kind != policerequest.KindSECURITY_STATEMENT || pr.CustodyEventID == nil {
		return nil, nil
	}
	sys := varsel.OnBehalfOf(ctx)
	ev, err := client.CustodyEvent.Get(sys, *pr.CustodyEventID)
	if err != nil {
		return nil, err
	}
	c, err := client.Convict.Get(sys, ev.ConvictID)
	if err != nil {
		return nil, err
	}
	sa, err := client.SecurityAssessment.Query().
		Where(securityassessment.HasPoliceRequestWith(policerequest.ID(pr.ID))).Only(sys)
	if err != nil {
		return nil, err
	}
	if err := accesslog.NoteRequestView(ctx, pr.ID); err != nil {
		return nil, err
	}
	return &SecurityStatementRequest{ConvictName: c.Name, ConvictNationalIdentityNumber: c.NationalIdentityNumber,
		EventKind: ev.Kind, EventStartsAt: ev.StartsAt, Reasons: sa.Reasoning}, nil
}
