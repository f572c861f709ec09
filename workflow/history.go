package workflow

import (
	"context"
	"fmt"
	"strings"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/auditevent"
	"varsel/ent/convict"
	"varsel/ent/correction"
	"varsel/ent/disclosure"
	"varsel/ent/documentmark"
	"varsel/ent/institutionstay"
	"varsel/ent/policereport"
	"varsel/ent/predicate"
	"varsel/ent/staffmember"
)

// HistoryEntry is one change to a convict's case as the audit trail has it
// (PR3): when, who, what kind of record and which — never the data itself.
type HistoryEntry struct {
	Seq        int64
	OccurredAt time.Time
	Actor      string
	// ActorName is the staff member's name, or the subject when the person is
	// not in the staff registry.
	ActorName  string
	Operation  string
	Action     auditevent.Action
	EntityType string
	EntityID   int
	// Detail says, for a correction, which fields changed and why (NT8).
	Detail *string
}

// historyLimit is how many changes a case history shows, newest first.
const historyLimit = 500

// ConvictHistory is the audit trail of one convict's case — the convict, the
// criminal cases, victims, survivors and guardians, events and everything
// recorded for them — newest first, for the staff who handle the case
// (notoritet). The viewer must see the convict (PR5); the case, with what
// was registered in error and left the lists (PR3), and its audit rows,
// which only auditors list at large, are then read on the viewer's behalf.
// The entries hold identifiers only.
func (s *Service) ConvictHistory(ctx context.Context, client *ent.Client, convictID int) ([]*HistoryEntry, error) {
	if _, err := found(client.Convict.Query().Where(convict.ID(convictID)).Only(ctx))("domfelte"); err != nil {
		return nil, err
	}
	// The case is the viewer's: all of it is read, with what was registered
	// in error and left the lists, which the history keeps (PR3).
	c, err := found(client.Convict.Query().Where(convict.ID(convictID)).
		WithCriminalCases(func(q *ent.CriminalCaseQuery) {
			q.WithVictims(func(q *ent.VictimQuery) {
				q.WithGuardians().WithReservations().WithNotificationAgreements().
					WithSurvivors(func(q *ent.SurvivorQuery) { q.WithGuardians().WithReservations().WithNotificationAgreements() })
			})
		}).
		WithCustodyEvents(func(q *ent.CustodyEventQuery) {
			q.WithConditions().WithInformationRequests().WithSecurityAssessments().WithAssessments().
				WithDecisions(func(q *ent.DecisionQuery) { q.WithAppeals() }).WithNotices().WithPoliceRequests()
		}).
		Only(varsel.OnBehalfOf(ctx)))("domfelte")
	if err != nil {
		return nil, err
	}
	ids := map[string][]int{ent.TypeConvict: {c.ID}}
	add := func(typ string, id int) { ids[typ] = append(ids[typ], id) }
	// What is recorded about a person: their guardians, reservations and agreements (RC5, RC10).
	addPerson := func(guardians []*ent.Guardian, reservations []*ent.Reservation, agreements []*ent.NotificationAgreement) {
		for _, x := range guardians {
			add(ent.TypeGuardian, x.ID)
		}
		for _, x := range reservations {
			add(ent.TypeReservation, x.ID)
		}
		for _, x := range agreements {
			add(ent.TypeNotificationAgreement, x.ID)
		}
	}
	for _, k := range c.Edges.CriminalCases {
		add(ent.TypeCriminalCase, k.ID)
		for _, v := range k.Edges.Victims {
			add(ent.TypeVictim, v.ID)
			addPerson(v.Edges.Guardians, v.Edges.Reservations, v.Edges.NotificationAgreements)
			for _, sv := range v.Edges.Survivors {
				add(ent.TypeSurvivor, sv.ID)
				addPerson(sv.Edges.Guardians, sv.Edges.Reservations, sv.Edges.NotificationAgreements)
			}
		}
	}
	for _, ev := range c.Edges.CustodyEvents {
		add(ent.TypeCustodyEvent, ev.ID)
		for _, x := range ev.Edges.Conditions {
			add(ent.TypeCondition, x.ID)
		}
		for _, x := range ev.Edges.InformationRequests {
			add(ent.TypeInformationRequest, x.ID)
		}
		for _, x := range ev.Edges.SecurityAssessments {
			add(ent.TypeSecurityAssessment, x.ID)
		}
		for _, x := range ev.Edges.Assessments {
			add(ent.TypeAssessment, x.ID)
		}
		for _, d := range ev.Edges.Decisions {
			add(ent.TypeDecision, d.ID)
			for _, a := range d.Edges.Appeals {
				add(ent.TypeAppeal, a.ID)
			}
		}
		for _, x := range ev.Edges.Notices {
			add(ent.TypeNotice, x.ID)
		}
		for _, x := range ev.Edges.PoliceRequests {
			add(ent.TypePoliceRequest, x.ID)
		}
	}
	related := []struct {
		typ   string
		query func() ([]int, error)
	}{
		{ent.TypeInstitutionStay, func() ([]int, error) {
			return client.InstitutionStay.Query().Where(institutionstay.ConvictID(c.ID)).IDs(ctx)
		}},
		{ent.TypeDisclosure, func() ([]int, error) { return client.Disclosure.Query().Where(disclosure.ConvictID(c.ID)).IDs(ctx) }},
		{ent.TypePoliceReport, func() ([]int, error) {
			return client.PoliceReport.Query().Where(policereport.ConvictID(c.ID)).IDs(ctx)
		}},
		{ent.TypeCorrection, func() ([]int, error) { return client.Correction.Query().Where(correction.ConvictID(c.ID)).IDs(ctx) }},
		{ent.TypeDocumentMark, func() ([]int, error) {
			return client.DocumentMark.Query().Where(documentmark.ConvictID(c.ID)).IDs(ctx)
		}},
	}
	for _, r := range related {
		found, err := r.query()
		if err != nil {
			return nil, err
		}
		ids[r.typ] = append(ids[r.typ], found...)
	}

	var of []predicate.AuditEvent
	for typ, list := range ids {
		if len(list) > 0 {
			of = append(of, auditevent.And(auditevent.EntityType(typ), auditevent.EntityIDIn(list...)))
		}
	}
	// The case was found under the viewer's policies; its audit rows are read
	// on the viewer's behalf.
	sys := varsel.OnBehalfOf(ctx)
	rows, err := client.AuditEvent.Query().Where(auditevent.Or(of...)).
		Order(ent.Desc(auditevent.FieldSeq)).Limit(historyLimit).All(sys)
	if err != nil {
		return nil, err
	}
	staffIDs := map[int]bool{}
	for _, r := range rows {
		if r.ActorStaffID != 0 {
			staffIDs[r.ActorStaffID] = true
		}
	}
	names := map[int]string{}
	if len(staffIDs) > 0 {
		list := make([]int, 0, len(staffIDs))
		for id := range staffIDs {
			list = append(list, id)
		}
		staff, err := client.StaffMember.Query().Where(staffmember.IDIn(list...)).All(sys)
		if err != nil {
			return nil, err
		}
		for _, m := range staff {
			names[m.ID] = m.Name
		}
	}
	details, err := correctionDetails(sys, client, ids[ent.TypeCorrection])
	if err != nil {
		return nil, err
	}
	out := make([]*HistoryEntry, len(rows))
	for i, r := range rows {
		name := names[r.ActorStaffID]
		if name == "" {
			name = r.Actor
		}
		out[i] = &HistoryEntry{Seq: r.Seq, OccurredAt: r.OccurredAt, Actor: r.Actor, ActorName: name,
			Operation: r.Operation, Action: r.Action, EntityType: r.EntityType, EntityID: r.EntityID}
		if d, ok := details[r.EntityID]; ok && r.EntityType == ent.TypeCorrection {
			out[i].Detail = &d
		}
	}
	return out, nil
}

// fieldNames are the corrected fields as a caseworker reads them.
var fieldNames = map[string]string{
	"name": "navn", "nationalIdentityNumber": "fødselsnummer", "birthDate": "fødselsdato", "address": "adresse",
	"addressProtection": "adressesperre", "writtenStandard": "målform", "policeDistrictId": "politidistrikt",
	"underGuardianship": "vergemål", "registeredInError": "registrert ved en feil",
	"caseStatus": "status", "offenceCategories": "lovbrudd", "courtReasoning": "domspremisser", "startsAt": "tidspunkt", "endsAt": "sluttidspunkt", "dateOnly": "bare dato",
	"status": "avlyst", "withdrawn": "trukket tilbake", "unitId": "enhet", "decidingLevel": "vedtaksnivå",
}

var subjectNames = map[correction.Subject]string{
	correction.SubjectVICTIM: "fornærmet", correction.SubjectSURVIVOR: "etterlatt", correction.SubjectGUARDIAN: "verge",
	correction.SubjectCUSTODY_EVENT: "hendelse", correction.SubjectDECISION: "vedtak",
	correction.SubjectCONVICT: "domfelte", correction.SubjectCRIMINAL_CASE: "straffesak",
}

// correctionDetails says, for each correction, what was corrected and why:
// the fields by name, never their values (NT8, PR3).
func correctionDetails(ctx context.Context, client *ent.Client, ids []int) (map[int]string, error) {
	out := map[int]string{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := client.Correction.Query().Where(correction.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		names := make([]string, len(r.Changed))
		for i, f := range r.Changed {
			if n, ok := fieldNames[f]; ok {
				f = n
			}
			names[i] = f
		}
		out[r.ID] = fmt.Sprintf("Rettet (%s): %s. Begrunnelse: %s", subjectNames[r.Subject], strings.Join(names, ", "), r.Reason)
	}
	return out, nil
}
