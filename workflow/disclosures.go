package workflow

import (
	"context"
	"strings"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/convict"
	"varsel/ent/delegation"
	"varsel/ent/disclosure"
	"varsel/rules"
)

// The information-exchange register (circular G-3/2005): every disclosure
// between the correctional service and the police, with its lawful basis
// (IX1–IX4, IX6), and the delegations of the authority to decide them (IX2).

// RecordDisclosureInput is one disclosure as recorded (IX1). Correctional
// service staff name the convict by ID; the police, who do not see the
// registry, by identity number.
type RecordDisclosureInput struct {
	Direction                     rules.DisclosureDirection
	ConvictID                     *int
	ConvictNationalIdentityNumber *string
	// PoliceDistrictID is the other side for the correctional service; the
	// police record for their own district.
	PoliceDistrictID          *int
	Category                  rules.DisclosureCategory
	Summary                   string
	Purpose                   string
	Recipient                 string
	LegalBasis                rules.DisclosureBasis
	Register                  *string
	AvertsImprisonableOffence bool
	// DecidedByID is the head of unit or delegate who decided a disclosure
	// by the correctional service (IX2).
	DecidedByID *int
	// DecidedByName is who in the police decided a disclosure by the police.
	DecidedByName *string
	DecidedAt     time.Time
	Form          rules.DisclosureForm
	Unverified    bool
	Source        *string
}

// RecordDisclosure records a disclosure between the correctional service and
// the police. It is refused for a convict under INFOFLYT (IX6), for health
// information to the police (IX4), on a basis that does not fit (IX3), when
// something the record must hold is missing (IX1), and when a disclosure by
// the correctional service was decided by someone who is neither the head of
// the unit nor their delegate (IX2). Unverified information is deleted after
// 4 months (IX8).
func (s *Service) RecordDisclosure(ctx context.Context, in RecordDisclosureInput) (*ent.Disclosure, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	police := !v.HasAny(varsel.RoleCaseworker, varsel.RoleDecisionMaker)
	c, err := s.disclosureConvict(ctx, client, in, police)
	if err != nil {
		return nil, err
	}
	district := 0
	switch {
	case police:
		district = v.PoliceDistrictID
		if in.PoliceDistrictID != nil && *in.PoliceDistrictID != district {
			return nil, varsel.Errorf(varsel.EFORBIDDEN, "Du kan bare registrere utleveringer for ditt eget politidistrikt.")
		}
	case in.PoliceDistrictID == nil:
		return nil, &rules.Violation{Rule: "IX1", Provision: "forskrift om behandling av personopplysninger i kriminalomsorgen §§ 4–5",
			Message: "Oppgi hvilket politidistrikt utleveringen gjaldt."}
	default:
		if _, err := found(client.PoliceDistrict.Get(ctx, *in.PoliceDistrictID))("politidistriktet"); err != nil {
			return nil, err
		}
		district = *in.PoliceDistrictID
	}
	if err := rules.CheckNotInfoflyt(c.Infoflyt); err != nil {
		return nil, err
	}
	if err := rules.CheckNotHealthInformation(in.Direction, in.Category); err != nil {
		return nil, err
	}
	record := rules.DisclosureRecord{
		Direction: in.Direction, Category: in.Category, Summary: in.Summary, Purpose: in.Purpose,
		Recipient: in.Recipient, Basis: in.LegalBasis, Register: text(in.Register),
		AvertsImprisonableOffence: in.AvertsImprisonableOffence, DecidedAt: in.DecidedAt, Form: in.Form,
		Unverified: in.Unverified, Source: text(in.Source),
	}
	if err := rules.CheckDisclosureBasis(record); err != nil {
		return nil, err
	}
	decider, err := s.disclosureDecider(ctx, client, in, c.UnitID)
	if err != nil {
		return nil, err
	}
	if decider != nil {
		record.DecidedBy = decider.Name
	} else {
		record.DecidedBy = text(in.DecidedByName)
	}
	if err := rules.CheckDisclosureRecord(record, s.Now()); err != nil {
		return nil, err
	}
	create := client.Disclosure.Create().
		SetDirection(in.Direction).SetCategory(in.Category).
		SetSummary(strings.TrimSpace(in.Summary)).SetPurpose(strings.TrimSpace(in.Purpose)).
		SetRecipient(strings.TrimSpace(in.Recipient)).SetLegalBasis(in.LegalBasis).
		SetRegister(strings.TrimSpace(record.Register)).SetAvertsImprisonableOffence(in.AvertsImprisonableOffence).
		SetDecidedByName(strings.TrimSpace(record.DecidedBy)).SetDecidedAt(in.DecidedAt).SetForm(in.Form).
		SetUnverified(in.Unverified).SetSource(strings.TrimSpace(record.Source)).
		SetConvictID(c.ID).SetUnitID(c.UnitID).SetPoliceDistrictID(district).
		SetNillableRecordedByID(staffID(v))
	if decider != nil {
		create.SetDecidedByID(decider.ID)
	}
	if in.Unverified {
		create.SetExpiresOn(rules.UnverifiedExpiresOn(s.Now()))
	}
	return create.Save(varsel.OnBehalfOf(ctx))
}

// disclosureConvict finds the convict a disclosure is about: by ID under the
// viewer's policies (a unit's own convicts), or — for the police, who do not
// see the registry — by a valid identity number (PR1).
func (s *Service) disclosureConvict(ctx context.Context, client *ent.Client, in RecordDisclosureInput, police bool) (*ent.Convict, error) {
	if in.ConvictID != nil && !police {
		return found(client.Convict.Get(ctx, *in.ConvictID))("domfelte")
	}
	nin := strings.TrimSpace(text(in.ConvictNationalIdentityNumber))
	if nin == "" {
		return nil, refuse("IX1", "Oppgi hvem utleveringen gjaldt: domfeltes fødselsnummer.")
	}
	if _, err := rules.ValidateIdentityNumber(nin, s.Now()); err != nil {
		return nil, err
	}
	q := client.Convict.Query().Where(convict.NationalIdentityNumber(nin))
	if police {
		return found(q.Only(varsel.OnBehalfOf(ctx)))("noen domfelt med dette fødselsnummeret i kriminalomsorgen")
	}
	return found(q.Only(ctx))("domfelte")
}

// disclosureDecider is the staff member who decided a disclosure by the
// correctional service, checked against IX2: the head of the convict's unit
// or someone holding an unrevoked delegation from it. A disclosure by the
// police names its decider in words, and has none.
func (s *Service) disclosureDecider(ctx context.Context, client *ent.Client, in RecordDisclosureInput, unitID int) (*ent.StaffMember, error) {
	if in.Direction != rules.ToPolice {
		return nil, nil
	}
	if in.DecidedByID == nil {
		return nil, &rules.Violation{Rule: "IX2", Provision: "forvaltningsloven § 13 b første ledd nr. 5, jf. rundskriv G-3/2005 punkt 3",
			Message: "Oppgi hvem som besluttet utleveringen: enhetens leder eller den lederen har delegert myndigheten til."}
	}
	staff, err := found(client.StaffMember.Get(ctx, *in.DecidedByID))("den som besluttet")
	if err != nil {
		return nil, err
	}
	head := staff.HeadOfUnit && staff.Active && s.staffUnit(ctx, client, staff) == unitID
	delegate, err := client.Delegation.Query().
		Where(delegation.UnitID(unitID), delegation.DelegateID(staff.ID), delegation.RevokedAtIsNil()).
		Exist(varsel.OnBehalfOf(ctx))
	if err != nil {
		return nil, err
	}
	return staff, rules.CheckDisclosureDecider(rules.DisclosureDecider{HeadOfUnit: head, Delegate: delegate && staff.Active})
}

// staffUnit is a staff member's unit, or 0.
func (s *Service) staffUnit(ctx context.Context, client *ent.Client, staff *ent.StaffMember) int {
	u, err := staff.QueryUnit().OnlyID(ctx)
	if err != nil {
		return 0
	}
	return u
}

// DelegateDisclosureAuthority lets the head of the viewer's unit delegate the
// authority to decide disclosures to a colleague of the unit (IX2).
// Delegating again to the same person changes nothing.
func (s *Service) DelegateDisclosureAuthority(ctx context.Context, delegateID int) (*ent.Delegation, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	head, err := s.headOfUnit(ctx, client, v)
	if err != nil {
		return nil, err
	}
	if err := rules.CheckDelegator(head != nil, head != nil && head.ID == delegateID); err != nil {
		return nil, err
	}
	delegate, err := found(client.StaffMember.Get(ctx, delegateID))("medarbeideren")
	if err != nil {
		return nil, err
	}
	if !delegate.Active || s.staffUnit(ctx, client, delegate) != v.UnitID {
		return nil, refuse("IX2", "Myndigheten kan bare delegeres til en aktiv medarbeider ved enheten.")
	}
	existing, err := client.Delegation.Query().
		Where(delegation.UnitID(v.UnitID), delegation.DelegateID(delegateID), delegation.RevokedAtIsNil()).First(ctx)
	if err == nil {
		return existing, nil
	}
	if !ent.IsNotFound(err) {
		return nil, err
	}
	return client.Delegation.Create().SetUnitID(v.UnitID).SetDelegateID(delegateID).SetGrantedAt(s.Now()).
		SetGrantedByID(head.ID).Save(ctx)
}

// RevokeDelegation ends a delegation; only the head of the unit revokes
// (IX2). Revoking again changes nothing.
func (s *Service) RevokeDelegation(ctx context.Context, id int) (*ent.Delegation, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	d, err := found(client.Delegation.Get(ctx, id))("delegeringen")
	if err != nil {
		return nil, err
	}
	head, err := s.headOfUnit(ctx, client, v)
	if err != nil {
		return nil, err
	}
	if err := rules.CheckDelegator(head != nil && d.UnitID == v.UnitID, false); err != nil {
		return nil, err
	}
	if d.RevokedAt != nil {
		return d, nil
	}
	return d.Update().SetRevokedAt(s.Now()).Save(ctx)
}

// headOfUnit is the viewer's staff row when they lead their unit, else nil.
func (s *Service) headOfUnit(ctx context.Context, client *ent.Client, v *varsel.Viewer) (*ent.StaffMember, error) {
	if v.StaffID == 0 {
		return nil, nil
	}
	staff, err := client.StaffMember.Get(ctx, v.StaffID)
	if err != nil {
		return nil, err
	}
	if !staff.HeadOfUnit || !staff.Active || s.staffUnit(ctx, client, staff) != v.UnitID {
		return nil, nil
	}
	return staff, nil
}

// Delegations are the unrevoked delegations of the viewer's units (IX2).
func (s *Service) Delegations(ctx context.Context, client *ent.Client) ([]*ent.Delegation, error) {
	return client.Delegation.Query().Where(delegation.RevokedAtIsNil()).
		Order(ent.Asc(delegation.FieldGrantedAt), ent.Asc(delegation.FieldID)).All(ctx)
}

// Disclosures lists the disclosures the viewer may see — the unit's, or
// those the police district sent or received (PR5) — newest first.
func (s *Service) Disclosures(ctx context.Context, client *ent.Client, after *ent.Cursor, first *int, before *ent.Cursor, last *int,
	direction *rules.DisclosureDirection, convictID *int, orderBy *ent.DisclosureOrder) (*ent.DisclosureConnection, error) {
	q := client.Disclosure.Query()
	if direction != nil {
		q.Where(disclosure.DirectionEQ(*direction))
	}
	if convictID != nil {
		q.Where(disclosure.ConvictID(*convictID))
	}
	if orderBy == nil {
		orderBy = &ent.DisclosureOrder{Direction: "DESC", Field: ent.DisclosureOrderFieldDecidedAt}
	}
	conn, err := q.Paginate(ctx, after, first, before, last, ent.WithDisclosureOrder(orderBy))
	if err != nil || len(conn.Edges) == 0 {
		return conn, err
	}
	// Who each disclosure was about, read once for the page (see ConvictName).
	ids := make([]int, 0, len(conn.Edges))
	for _, e := range conn.Edges {
		ids = append(ids, e.Node.ConvictID)
	}
	convicts, err := client.Convict.Query().Where(convict.IDIn(ids...)).Select(convict.FieldID, convict.FieldName).All(varsel.OnBehalfOf(ctx))
	if err != nil {
		return nil, err
	}
	byID := make(map[int]*ent.Convict, len(convicts))
	for _, c := range convicts {
		byID[c.ID] = c
	}
	for _, e := range conn.Edges {
		e.Node.Edges.Convict = byID[e.Node.ConvictID]
	}
	return conn, nil
}

// ConvictName is who a disclosure is about. Both sides of the disclosure
// know it; the police see it without seeing the convict's file.
func (s *Service) ConvictName(ctx context.Context, client *ent.Client, d *ent.Disclosure) (string, error) {
	if d.Edges.Convict != nil {
		return d.Edges.Convict.Name, nil
	}
	c, err := client.Convict.Query().Where(convict.ID(d.ConvictID)).Select(convict.FieldName).Only(varsel.OnBehalfOf(ctx))
	if err != nil {
		return "", err
	}
	return c.Name, nil
}

// VerifyDisclosure records that unverified information was verified, and
// how: it is then kept like any other information, not deleted after 4
// months (IX8, KO personal-data regulation § 4).
func (s *Service) VerifyDisclosure(ctx context.Context, id int, verification string) (*ent.Disclosure, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	d, err := found(client.Disclosure.Get(ctx, id))("utleveringen")
	if err != nil {
		return nil, err
	}
	if err := rules.CheckVerification(d.Unverified, d.VerifiedAt != nil, verification); err != nil {
		return nil, err
	}
	return d.Update().SetVerifiedAt(s.Now()).SetVerification(strings.TrimSpace(verification)).
		SetNillableVerifiedByID(staffID(v)).Save(varsel.OnBehalfOf(ctx))
}

// RecordDisclosureDecisionBasis records the individual decision that rests
// on unverified information; it is then kept past its 4 months (IX8, KO
// personal-data regulation § 6).
func (s *Service) RecordDisclosureDecisionBasis(ctx context.Context, id int, decisionRef string) (*ent.Disclosure, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	d, err := found(client.Disclosure.Get(ctx, id))("utleveringen")
	if err != nil {
		return nil, err
	}
	if !d.Unverified || d.VerifiedAt != nil {
		return nil, &rules.Violation{Rule: "IX8", Provision: "forskrift om behandling av personopplysninger i kriminalomsorgen § 6",
			Message: "Bare ubekreftede opplysninger slettes etter 4 måneder; disse trenger ikke et vedtak for å bli lagret."}
	}
	if strings.TrimSpace(decisionRef) == "" {
		return nil, (&rules.Violation{Rule: "IX8", Provision: "forskrift om behandling av personopplysninger i kriminalomsorgen § 6",
			Message: "Oppgi hvilket enkeltvedtak som bygger på opplysningene."}).On("decision")
	}
	return d.Update().SetDecisionBasis(strings.TrimSpace(decisionRef)).Save(varsel.OnBehalfOf(ctx))
}
