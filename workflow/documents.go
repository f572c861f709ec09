package workflow

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"varsel/ent"
	"varsel/ent/assessment"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/disclosure"
	"varsel/ent/documentmark"
	"varsel/ent/informationrequest"
	"varsel/ent/policereport"
	"varsel/ent/securityassessment"
	"varsel/rules"
)

// The convict's documents and their exemption from the convict's access
// (IX7, strgjfl § 7 letter c). Every listing and export of a convict's
// documents goes through ConvictDocuments, so a mark is honoured everywhere.

// ConvictDocument is one document in a convict's case file.
type ConvictDocument struct {
	Kind  documentmark.DocumentKind
	ID    int
	Title string
	Date  time.Time
	// Mark is the active exemption from the convict's access, if any.
	Mark *ent.DocumentMark
}

// ConvictDocumentList is a convict's documents, and — when listed for the
// convict's access — what the convict is told of those withheld.
type ConvictDocumentList struct {
	Documents      []*ConvictDocument
	Withheld       int
	WithheldNotice *string
}

// ConvictDocuments lists a convict's documents, oldest first: decisions,
// security assessments, significance assessments, requests for information,
// disclosures and police reports. For the convict's access (or the lawyer's,
// who is treated as the convict), documents marked as exempt are left out
// and counted, never named (IX7).
func (s *Service) ConvictDocuments(ctx context.Context, client *ent.Client, convictID int, forConvictAccess bool) (*ConvictDocumentList, error) {
	c, err := found(client.Convict.Get(ctx, convictID))("domfelte")
	if err != nil {
		return nil, err
	}
	onConvict := custodyevent.ConvictID(c.ID)
	var docs []*ConvictDocument
	add := func(kind documentmark.DocumentKind, id int, date time.Time, format string, args ...any) {
		docs = append(docs, &ConvictDocument{Kind: kind, ID: id, Date: date, Title: fmt.Sprintf(format, args...)})
	}
	events, err := client.CustodyEvent.Query().Where(onConvict).All(ctx)
	if err != nil {
		return nil, err
	}
	eventName := map[int]string{}
	for _, ev := range events {
		eventName[ev.ID] = fmt.Sprintf("%s %s", ev.Kind.Name(), rules.DateOf(ev.StartsAt).Format("02.01.2006"))
	}
	decisions, err := client.Decision.Query().Where(decision.HasCustodyEventWith(onConvict)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range decisions {
		add(documentmark.DocumentKindDECISION, d.ID, d.DecidedAt, "Vedtak om varsling: %s", eventName[d.CustodyEventID])
	}
	securities, err := client.SecurityAssessment.Query().Where(securityassessment.HasCustodyEventWith(onConvict)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, sa := range securities {
		add(documentmark.DocumentKindSECURITY_ASSESSMENT, sa.ID, sa.AssessedAt, "Sikkerhetsvurdering: %s", eventName[sa.CustodyEventID])
	}
	assessments, err := client.Assessment.Query().Where(assessment.HasCustodyEventWith(onConvict)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range assessments {
		add(documentmark.DocumentKindASSESSMENT, a.ID, a.CreatedAt, "Vurdering av om varsel er av betydning: %s", eventName[a.CustodyEventID])
	}
	questions, err := client.InformationRequest.Query().Where(informationrequest.HasCustodyEventWith(onConvict)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, q := range questions {
		add(documentmark.DocumentKindINFORMATION_REQUEST, q.ID, q.RequestedAt, "Innhenting av opplysninger: %s", eventName[q.CustodyEventID])
	}
	disclosures, err := client.Disclosure.Query().Where(disclosure.ConvictID(c.ID)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range disclosures {
		way := "til politiet"
		if d.Direction == rules.FromPolice {
			way = "fra politiet"
		}
		add(documentmark.DocumentKindDISCLOSURE, d.ID, d.DecidedAt, "Utlevering av opplysninger %s", way)
	}
	reports, err := client.PoliceReport.Query().Where(policereport.ConvictID(c.ID)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range reports {
		add(documentmark.DocumentKindPOLICE_REPORT, r.ID, r.ReportedAt, "Melding fra politiet: %s", r.Kind.Name())
	}

	marks, err := client.DocumentMark.Query().Where(documentmark.ConvictID(c.ID), documentmark.LiftedAtIsNil()).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		for _, m := range marks {
			if m.DocumentKind == d.Kind && m.DocumentID == d.ID {
				d.Mark = m
			}
		}
	}
	slices.SortStableFunc(docs, func(a, b *ConvictDocument) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
	})
	list := &ConvictDocumentList{Documents: docs}
	if forConvictAccess {
		list.Documents = slices.DeleteFunc(slices.Clone(docs), func(d *ConvictDocument) bool { return !rules.VisibleToConvict(d.Mark != nil) })
		list.Withheld = len(docs) - len(list.Documents)
		if notice := rules.ExemptionNotice(list.Withheld); notice != "" {
			list.WithheldNotice = &notice
		}
	}
	return list, nil
}

// MarkDocumentExemptInput marks one of a convict's documents as exempt from
// the convict's access (IX7).
type MarkDocumentExemptInput struct {
	ConvictID    int
	DocumentKind documentmark.DocumentKind
	DocumentID   int
	Ground       rules.ExemptionGround
	Reasoning    string
}

// MarkDocumentExempt withholds a document of the convict's case file from
// the convict and the convict's lawyer, on a ground of strgjfl § 7 letter c
// with reasons (IX7). Marking a marked document again is refused.
func (s *Service) MarkDocumentExempt(ctx context.Context, in MarkDocumentExemptInput) (*ent.DocumentMark, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	if err := rules.CheckExemption(in.Ground, in.Reasoning); err != nil {
		return nil, err
	}
	list, err := s.ConvictDocuments(ctx, client, in.ConvictID, false)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(list.Documents, func(d *ConvictDocument) bool { return d.Kind == in.DocumentKind && d.ID == in.DocumentID })
	if i < 0 {
		return nil, notFound("dokumentet i domfeltes sak")
	}
	if list.Documents[i].Mark != nil {
		return nil, conflict("Dokumentet er allerede unntatt fra innsyn.")
	}
	return client.DocumentMark.Create().SetConvictID(in.ConvictID).SetDocumentKind(in.DocumentKind).
		SetDocumentID(in.DocumentID).SetGround(in.Ground).SetReasoning(strings.TrimSpace(in.Reasoning)).
		SetMarkedAt(s.Now()).SetNillableMarkedByID(staffID(v)).Save(ctx)
}

// LiftDocumentMark ends an exemption: the convict may see the document
// again. Lifting again changes nothing.
func (s *Service) LiftDocumentMark(ctx context.Context, id int) (*ent.DocumentMark, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	m, err := found(client.DocumentMark.Get(ctx, id))("merkingen")
	if err != nil || m.LiftedAt != nil {
		return m, err
	}
	return m.Update().SetLiftedAt(s.Now()).SetNillableLiftedByID(staffID(v)).Save(ctx)
}
