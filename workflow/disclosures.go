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
	"varsel/ent/unit"
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
// the police. It is refused for health information to the police (IX4), on a
// basis that does not fit (IX3), when something the record must hold is
// missing (IX1), when a disclosure by the correctional service was decided by
// someone who is neither the head of the unit nor their delegate (IX2), and
// when the correctional service would disclose about a convict under
// INFOFLYT (IX6). Unverified information is deleted after 4 months (IX8).
//
// The police record what they disclosed by identity number, and are answered
// alike whether or not the person is a convict (no oracle): every check that
// can refuse them runs before the number is looked up, and a disclosure that
// names no convict, or one under INFOFLYT, is kept in the national queue.
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
	district, err := s.disclosureDistrict(ctx, client, in, v, police)
	if err != nil {
		return nil, err
	}
	if police && in.Direction != rules.FromPolice {
		return nil, refuse("IX1", "Politiet registrerer her det politiet har utlevert til kriminalomsorgen. "+
			"Det kriminalomsorgen utleverer, registrerer enheten selv.").On("direction")
	}
	if err := rules.CheckNotHealthInformation(in.Direction, in.Category); err != nil {
		return nil, err
	}
	record := rules.DisclosureRecord{
		Direction: in.Direction, Category: in.Category, Summary: in.Summary, Purpose: in.Purpose,
		Recipient: in.Recipient, Basis: in.LegalBasis, Register: text(in.Register),
		AvertsImprisonableOffence: in.AvertsImprisonableOffence, DecidedAt: in.DecidedAt, Form: in.Form,
		Unverified: in.Unverified, Source: text(in.Source), DecidedBy: text(in.DecidedByName),
	}
	if err := rules.CheckDisclosureBasis(record); err != nil {
		return nil, err
	}
	create := client.Disclosure.Create().
		SetDirection(in.Direction).SetCategory(in.Category).
		SetSummary(strings.TrimSpace(in.Summary)).SetPurpose(strings.TrimSpace(in.Purpose)).
		SetRecipient(strings.TrimSpace(in.Recipient)).SetLegalBasis(in.LegalBasis).
		SetRegister(strings.TrimSpace(record.Register)).SetAvertsImprisonableOffence(in.AvertsImprisonableOffence).
		SetDecidedAt(in.DecidedAt).SetForm(in.Form).
		SetUnverified(in.Unverified).SetSource(strings.TrimSpace(record.Source)).
		SetPoliceDistrictID(district).SetNillableRecordedByID(staffID(v))
	if in.Unverified {
		create.SetExpiresOn(rules.UnverifiedExpiresOn(s.Now()))
	}
	if police {
		if err := rules.CheckDisclosureRecord(record, s.Now()); err != nil {
			return nil, err
		}
		nin, err := s.identityNumber(in)
		if err != nil {
			return nil, err
		}
		create.SetDecidedByName(strings.TrimSpace(record.DecidedBy)).SetNationalIdentityNumber(nin)
		if err := s.routeByIdentityNumber(ctx, client, nin, create); err != nil {
			return nil, err
		}
		return create.Save(varsel.OnBehalfOf(ctx))
	}

	c, err := s.disclosureConvict(ctx, client, in)
	if err != nil {
		return nil, err
	}
	if err := rules.CheckNotInfoflyt(c.Infoflyt); err != nil {
		return nil, err
	}
	decider, err := s.disclosureDecider(ctx, client, in, c.UnitID)
	if err != nil {
		return nil, err
	}
	if decider != nil {
		record.DecidedBy = decider.Name
		create.SetDecidedByID(decider.ID)
	}
	if err := rules.CheckDisclosureRecord(record, s.Now()); err != nil {
		return nil, err
	}
	return create.SetDecidedByName(strings.TrimSpace(record.DecidedBy)).
		SetConvictID(c.ID).SetUnitID(c.UnitID).Save(varsel.OnBehalfOf(ctx))
}

// disclosureDistrict is the police district on the other side of a
// disclosure: the police record for their own; the correctional service
// names it.
func (s *Service) disclosureDistrict(ctx context.Context, client *ent.Client, in RecordDisclosureInput, v *varsel.Viewer, police bool) (int, error) {
	switch {
	case police:
		if v.PoliceDistrictID == 0 {
			return 0, varsel.Errorf(varsel.EFORBIDDEN, "Du er ikke knyttet til et politidistrikt.")
		}
		if in.PoliceDistrictID != nil && *in.PoliceDistrictID != v.PoliceDistrictID {
			return 0, varsel.Errorf(varsel.EFORBIDDEN, "Du kan bare registrere utleveringer for ditt eget politidistrikt.")
		}
		return v.PoliceDistrictID, nil
	case in.PoliceDistrictID == nil:
		return 0, (&rules.Violation{Rule: "IX1", Provision: "forskrift om behandling av personopplysninger i kriminalomsorgen §§ 4–5",
			Message: "Oppgi hvilket politidistrikt utleveringen gjaldt."}).On("policeDistrictId")
	}
	if _, err := found(client.PoliceDistrict.Get(ctx, *in.PoliceDistrictID))("politidistriktet"); err != nil {
		return 0, err
	}
	return *in.PoliceDistrictID, nil
}

// identityNumber is the valid identity number a disclosure names its person
// by (PR1).
func (s *Service) identityNumber(in RecordDisclosureInput) (string, error) {
	nin := strings.TrimSpace(text(in.ConvictNationalIdentityNumber))
	if nin == "" {
		return "", refuse("IX1", "Oppgi hvem utleveringen gjaldt: domfeltes fødselsnummer.").On("convictNationalIdentityNumber")
	}
	if _, err := rules.ValidateIdentityNumber(nin, s.Now()); err != nil {
		return "", err
	}
	return nin, nil
}

// routeByIdentityNumber sends what the police recorded by identity number to
// the convict's responsible unit, or — when no convict holds the number, or
// the convict is under INFOFLYT (IX6) — to the national queue. The police are
// not told which.
func (s *Service) routeByIdentityNumber(ctx context.Context, client *ent.Client, nin string, create *ent.DisclosureCreate) error {
	c, err := client.Convict.Query().Where(convict.NationalIdentityNumber(nin)).Only(varsel.OnBehalfOf(ctx))
	switch {
	case ent.IsNotFound(err):
		create.SetHeld(disclosure.HeldUNKNOWN_PERSON)
	case err != nil:
		return err
	case rules.CheckNotInfoflyt(c.Infoflyt) != nil:
		create.SetHeld(disclosure.HeldINFOFLYT)
	default:
		create.SetConvictID(c.ID).SetUnitID(c.UnitID)
	}
	return nil
}

// disclosureConvict finds the convict the correctional service discloses
// about: by ID under the viewer's policies (a unit's own convicts), or by a
// valid identity number.
func (s *Service) disclosureConvict(ctx context.Context, client *ent.Client, in RecordDisclosureInput) (*ent.Convict, error) {
	if in.ConvictID != nil {
		return found(client.Convict.Get(ctx, *in.ConvictID))("domfelte")
	}
	nin, err := s.identityNumber(in)
	if err != nil {
		return nil, err
	}
	return found(client.Convict.Query().Where(convict.NationalIdentityNumber(nin)).Only(ctx))("domfelte")
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

// Disclosures lists the disclosures the viewer may see — the unit's, those
// the police district sent or received (PR5), or for administrators the
// national queue — newest first.
func (s *Service) Disclosures(ctx context.Context, client *ent.Client, after *ent.Cursor, first *int, before *ent.Cursor, last *int,
	direction *rules.DisclosureDirection, convictID *int, orderBy *ent.DisclosureOrder) (*ent.DisclosureConnection, error) {
	q := client.Disclosure.Query()
	if v := varsel.FromContext(ctx); v.Has(varsel.RoleAdmin) && !v.HasAny(varsel.RoleCaseworker, varsel.RoleDecisionMaker, varsel.RolePolice) {
		// The national queue's disclosures beside its reports: a report's
		// own disclosure is handled with the report.
		q.Where(disclosure.PoliceReportIDIsNil())
	}
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
	// Who each disclosure was about, and the unit, read once for the page
	// (see ConvictName and DisclosureUnit).
	var convictIDs, unitIDs []int
	for _, e := range conn.Edges {
		if e.Node.ConvictID != nil {
			convictIDs = append(convictIDs, *e.Node.ConvictID)
		}
		if e.Node.UnitID != nil {
			unitIDs = append(unitIDs, *e.Node.UnitID)
		}
	}
	convicts, err := client.Convict.Query().Where(convict.IDIn(convictIDs...)).Select(convict.FieldID, convict.FieldName).All(varsel.OnBehalfOf(ctx))
	if err != nil {
		return nil, err
	}
	units, err := client.Unit.Query().Where(unit.IDIn(unitIDs...)).All(ctx)
	if err != nil {
		return nil, err
	}
	convictByID := make(map[int]*ent.Convict, len(convicts))
	for _, c := range convicts {
		convictByID[c.ID] = c
	}
	unitByID := make(map[int]*ent.Unit, len(units))
	for _, u := range units {
		unitByID[u.ID] = u
	}
	for _, e := range conn.Edges {
		if e.Node.ConvictID != nil {
			e.Node.Edges.Convict = convictByID[*e.Node.ConvictID]
		}
		if e.Node.UnitID != nil {
			e.Node.Edges.Unit = unitByID[*e.Node.UnitID]
		}
	}
	return conn, nil
}

// RecordedByThePolice tells whether the police recorded a disclosure by
// identity number: then the police learn from it neither whether the person
// is a convict nor where (no oracle).
func RecordedByThePolice(d *ent.Disclosure) bool { return d.NationalIdentityNumber != nil }

// toldThePolice tells whether the viewer answers for the police only, and the
// disclosure is one they recorded by identity number.
func toldThePolice(ctx context.Context, d *ent.Disclosure) bool {
	return RecordedByThePolice(d) && !varsel.FromContext(ctx).HasAny(varsel.RoleCaseworker, varsel.RoleDecisionMaker, varsel.RoleAdmin)
}

// ConvictName is who a disclosure is about. Both sides of a disclosure the
// correctional service made know it; the police see it without seeing the
// convict's file. For one the police recorded by identity number, they see
// the number they gave (DisclosureSubject), and no name; nobody sees one in
// the national queue, which names no convict.
func (s *Service) ConvictName(ctx context.Context, client *ent.Client, d *ent.Disclosure) (*string, error) {
	if d.ConvictID == nil || toldThePolice(ctx, d) {
		return nil, nil
	}
	if d.Edges.Convict != nil {
		return &d.Edges.Convict.Name, nil
	}
	c, err := client.Convict.Query().Where(convict.ID(*d.ConvictID)).Select(convict.FieldName).Only(varsel.OnBehalfOf(ctx))
	if err != nil {
		return nil, err
	}
	return &c.Name, nil
}

// DisclosureUnit is the unit on the correctional service's side of a
// disclosure: none for the police on one they recorded by identity number,
// and none in the national queue.
func (s *Service) DisclosureUnit(ctx context.Context, client *ent.Client, d *ent.Disclosure) (*ent.Unit, error) {
	if d.UnitID == nil || toldThePolice(ctx, d) {
		return nil, nil
	}
	if d.Edges.Unit != nil {
		return d.Edges.Unit, nil
	}
	return client.Unit.Get(ctx, *d.UnitID)
}

// DisclosureIdentityNumber is the number the police named the person by: for
// the police, on what they recorded; for administrators, in the national
// queue (PR1).
func (s *Service) DisclosureIdentityNumber(ctx context.Context, d *ent.Disclosure) *string {
	v := varsel.FromContext(ctx)
	switch {
	case toldThePolice(ctx, d):
		return d.NationalIdentityNumber
	case d.Held != nil && v.Has(varsel.RoleAdmin):
		return d.NationalIdentityNumber
	}
	return nil
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
