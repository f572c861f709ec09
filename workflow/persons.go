package workflow

import (
	"context"
	"strings"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/convict"
	"varsel/ent/criminalcase"
	"varsel/ent/survivor"
	"varsel/ent/unit"
	"varsel/ent/victim"
	"varsel/rules"
)

// RegisterConvict registers a convict in one of the viewer's units: the
// viewer's own by default. The identity number is validated (PR1).
func (s *Service) RegisterConvict(ctx context.Context, in RegisterConvictInput) (*ent.Convict, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	unitID := v.UnitID
	if in.UnitID != nil {
		unitID = *in.UnitID
	}
	if !v.SeesUnit(unitID) {
		return nil, varsel.Errorf(varsel.EFORBIDDEN, "Du kan bare registrere domfelte i din egen enhet.")
	}
	u, err := found(client.Unit.Query().Where(unit.ID(unitID)).Only(ctx))("enheten")
	if err != nil {
		return nil, err
	}
	if u.Kind != rules.LocalLevel {
		return nil, invalid("Domfelte hører til et fengsel eller friomsorgskontor, ikke til %s.", u.Name)
	}
	nin := strings.TrimSpace(in.NationalIdentityNumber)
	if _, err := rules.ValidateIdentityNumber(nin, s.Now()); err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.Name) == "" {
		return nil, invalid("Oppgi navnet på domfelte.")
	}
	if err := s.alreadyRegistered(ctx, client, v, nin); err != nil {
		return nil, err
	}
	return client.Convict.Create().
		SetName(strings.TrimSpace(in.Name)).
		SetNationalIdentityNumber(nin).
		SetNillableBirthDate(in.BirthDate).
		SetUnitID(unitID).
		SetServingPreventiveDetention(in.ServingPreventiveDetention).
		SetSentenceOverTenYears(in.SentenceOverTenYears).
		SetInfoflyt(in.Infoflyt).
		SetNillableSentenceEndedOn(in.SentenceEndedOn).
		Save(ctx)
}

// AddCriminalCase adds a criminal case the convict serves (or whose sentence
// lapsed because forvaring was imposed, RC2).
func (s *Service) AddCriminalCase(ctx context.Context, in AddCriminalCaseInput) (*ent.CriminalCase, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := found(client.Convict.Get(ctx, in.ConvictID))("domfelte"); err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.CaseNumber) == "" {
		return nil, invalid("Oppgi saksnummeret.")
	}
	if len(in.OffenceCategories) == 0 {
		return nil, refuse("AS3", "Oppgi hvilke typer lovbrudd saken gjelder; det veier tungt i vurderingen.")
	}
	status := in.Status
	if status == "" {
		status = rules.Serving
	}
	return client.CriminalCase.Create().
		SetConvictID(in.ConvictID).
		SetCaseNumber(strings.TrimSpace(in.CaseNumber)).
		SetJudgmentDate(in.JudgmentDate).
		SetOffenceCategories(in.OffenceCategories).
		SetStatus(status).
		SetCourtReasoning(text(in.CourtReasoning)).
		Save(ctx)
}

// AddVictim registers a victim in a criminal case. A victim can never be the
// convict (RC7); a strengt fortrolig address is never stored (RC9); letters
// go to postal addresses only (NT1).
func (s *Service) AddVictim(ctx context.Context, in AddVictimInput) (*ent.Victim, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	c, err := found(client.CriminalCase.Query().Where(criminalcase.ID(in.CriminalCaseID)).WithConvict().Only(ctx))("straffesaken")
	if err != nil {
		return nil, err
	}
	nin, err := s.checkPerson(in.Person, c.Edges.Convict.NationalIdentityNumber, !in.Deceased)
	if err != nil {
		return nil, err
	}
	create := client.Victim.Create().
		SetCriminalCaseID(c.ID).
		SetDeceased(in.Deceased).
		SetUnderGuardianship(in.UnderGuardianship)
	return setPerson(create, in.Person, nin).Save(ctx)
}

// AddSurvivor registers a survivor of a deceased victim: spouse, cohabitant,
// child, parent or sibling, and nobody else (RC3).
func (s *Service) AddSurvivor(ctx context.Context, in AddSurvivorInput) (*ent.Survivor, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	vic, err := found(client.Victim.Query().Where(victim.ID(in.VictimID)).
		WithCriminalCase(func(q *ent.CriminalCaseQuery) { q.WithConvict() }).Only(ctx))("fornærmede")
	if err != nil {
		return nil, err
	}
	if err := rules.CheckSurvivor(in.Relation, vic.Deceased); err != nil {
		return nil, err
	}
	nin, err := s.checkPerson(in.Person, vic.Edges.CriminalCase.Edges.Convict.NationalIdentityNumber, true)
	if err != nil {
		return nil, err
	}
	create := client.Survivor.Create().
		SetVictimID(vic.ID).
		SetRelation(in.Relation).
		SetUnderGuardianship(in.UnderGuardianship)
	return setPerson(create, in.Person, nin).Save(ctx)
}

// AddGuardian registers a guardian of a victim or survivor. A guardian with
// the convict's identity number is kept on record, excluded, and the
// caseworker is warned: the convict never receives a notice (RC7).
func (s *Service) AddGuardian(ctx context.Context, in AddGuardianInput) (*GuardianResult, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	if (in.VictimID == nil) == (in.SurvivorID == nil) {
		return nil, refuse("RC5", "En verge registreres for enten en fornærmet eller en etterlatt.")
	}
	var convictNumber string
	create := client.Guardian.Create().SetKind(in.Kind)
	if in.VictimID != nil {
		vic, err := found(client.Victim.Query().Where(victim.ID(*in.VictimID)).
			WithCriminalCase(func(q *ent.CriminalCaseQuery) { q.WithConvict() }).Only(ctx))("fornærmede")
		if err != nil {
			return nil, err
		}
		convictNumber = vic.Edges.CriminalCase.Edges.Convict.NationalIdentityNumber
		create.SetVictimID(vic.ID)
	} else {
		sur, err := found(client.Survivor.Query().Where(survivor.ID(*in.SurvivorID)).
			WithVictim(func(q *ent.VictimQuery) {
				q.WithCriminalCase(func(q *ent.CriminalCaseQuery) { q.WithConvict() })
			}).Only(ctx))("den etterlatte")
		if err != nil {
			return nil, err
		}
		convictNumber = sur.Edges.Victim.Edges.CriminalCase.Edges.Convict.NationalIdentityNumber
		create.SetSurvivorID(sur.ID)
	}
	nin, err := s.checkPerson(in.Person, "", true)
	if err != nil {
		return nil, err
	}
	excluded, warning := rules.CheckGuardianIsNotConvict(nin, convictNumber)
	g, err := setPerson(create.SetExcludedAsConvict(excluded), in.Person, nin).Save(ctx)
	if err != nil {
		return nil, err
	}
	res := &GuardianResult{Guardian: g}
	if warning != "" {
		res.Warnings = append(res.Warnings, warning)
	}
	return res, nil
}

// RecordInstitutionStay records the grant of a stay in an institution under
// strgjfl § 12, with the assessment of whether its leaves are notified (EV5).
func (s *Service) RecordInstitutionStay(ctx context.Context, in RecordInstitutionStayInput) (*ent.InstitutionStay, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := found(client.Convict.Get(ctx, in.ConvictID))("domfelte"); err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.Institution) == "" || strings.TrimSpace(in.Reasoning) == "" {
		return nil, refuse("EV5", "Oppgi institusjonen og vurderingen av behovet for varsling ved utganger.")
	}
	return client.InstitutionStay.Create().
		SetConvictID(in.ConvictID).
		SetInstitution(strings.TrimSpace(in.Institution)).
		SetFromDate(in.FromDate).
		SetNillableToDate(in.ToDate).
		SetNotifyOnLeaves(in.NotifyOnLeaves).
		SetReasoning(in.Reasoning).
		SetNillableRecordedByID(staffID(v)).
		Save(ctx)
}

// checkPerson validates who a person is and where letters reach them, and
// returns the cleaned identity number: valid (PR1), never the convict's for a
// victim or survivor (RC7), no stored code-6 address (RC9), a postal address
// and not an e-mail address or phone number (NT1), and a police district to
// deliver when the address is protected or unknown (RC9). A deceased victim
// needs no address.
func (s *Service) checkPerson(p PersonInput, convictNumber string, reachable bool) (string, error) {
	if strings.TrimSpace(p.Name) == "" {
		return "", invalid("Oppgi navnet.")
	}
	nin := strings.TrimSpace(text(p.NationalIdentityNumber))
	if nin != "" {
		if _, err := rules.ValidateIdentityNumber(nin, s.Now()); err != nil {
			return "", err
		}
		if err := rules.CheckNotConvict(nin, convictNumber); err != nil {
			return "", err
		}
	}
	parts := rules.AddressParts{Line: text(p.AddressLine), PostalCode: text(p.PostalCode), Place: text(p.PostalPlace), Country: text(p.Country)}
	if err := rules.CheckPostalAddress(text(p.AddressLine)); err != nil {
		return "", err.(*rules.Violation).On("person.addressLine")
	}
	if reachable || len(parts.Stored()) > 0 {
		if err := rules.CheckAddressStorage(p.AddressProtection, parts); err != nil {
			return "", err
		}
	}
	if reachable && rules.DeliveryRoute(p.AddressProtection) == rules.ThroughPolice && p.PoliceDistrictID == nil {
		return "", &rules.Violation{Rule: "RC9", Provision: "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5",
			Message: "Adressen er skjermet eller ukjent, så politiet besørger varselet. Oppgi hvilket politidistrikt."}
	}
	return nin, nil
}

// personBuilder is what the create builders of victims, survivors and
// guardians have in common.
type personBuilder[T any] interface {
	SetName(string) T
	SetNationalIdentityNumber(string) T
	SetNillableBirthDate(*time.Time) T
	SetAddressLine(string) T
	SetPostalCode(string) T
	SetPostalPlace(string) T
	SetCountry(string) T
	SetAddressProtection(rules.AddressProtection) T
	SetWrittenStandard(rules.WrittenStandard) T
	SetNillablePoliceDistrictID(*int) T
}

// setPerson sets a person's fields; empty optional texts stay unset (NULL),
// so that unique keys only bite on real identity numbers.
func setPerson[T personBuilder[T]](b T, p PersonInput, nin string) T {
	b = b.SetName(strings.TrimSpace(p.Name)).
		SetNillableBirthDate(p.BirthDate).
		SetAddressProtection(p.AddressProtection).
		SetWrittenStandard(rules.LetterStandard(p.WrittenStandard)).
		SetNillablePoliceDistrictID(p.PoliceDistrictID)
	if nin != "" {
		b = b.SetNationalIdentityNumber(nin)
	}
	for _, f := range []struct {
		v   *string
		set func(string) T
	}{{p.AddressLine, b.SetAddressLine}, {p.PostalCode, b.SetPostalCode}, {p.PostalPlace, b.SetPostalPlace}, {p.Country, b.SetCountry}} {
		if s := strings.TrimSpace(text(f.v)); s != "" {
			b = f.set(s)
		}
	}
	return b
}

// ConvictByNationalIdentityNumber finds the convict with this number among
// those the viewer may see (PR5), or nil: a search by number in the
// convicts list. Only the whole number finds anyone, so the number cannot
// be guessed a digit at a time; one held by another unit is not found.
func (s *Service) ConvictByNationalIdentityNumber(ctx context.Context, client *ent.Client, nin string) (*ent.Convict, error) {
	c, err := client.Convict.Query().Where(convict.NationalIdentityNumber(strings.Join(strings.Fields(nin), ""))).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return c, err
}

// alreadyRegistered refuses a second registration of the same person (one
// person is one convict), naming the record already there when the viewer
// may see it — by its ID, for the client to name and link, never in the
// message (PR6) — and otherwise only that another unit holds the convict,
// which can transfer them (PR5). The lookup runs for the service, since the
// number is unique across all units.
func (s *Service) alreadyRegistered(ctx context.Context, client *ent.Client, v *varsel.Viewer, nin string) error {
	existing, err := client.Convict.Query().Where(convict.NationalIdentityNumber(nin)).Only(varsel.OnBehalfOf(ctx))
	switch {
	case ent.IsNotFound(err):
		return nil
	case err != nil:
		return err
	case v.SeesUnit(existing.UnitID):
		return &varsel.Error{Code: varsel.ECONFLICT, Field: "nationalIdentityNumber", Existing: existing.ID,
			Message: "Domfelte med dette fødselsnummeret er allerede registrert. Åpne den registrerte saken i stedet for å registrere domfelte på nytt."}
	default:
		return &varsel.Error{Code: varsel.ECONFLICT, Field: "nationalIdentityNumber",
			Message: "Domfelte med dette fødselsnummeret er allerede registrert ved en annen enhet. Den enheten kan overføre domfelte til dere (PR5)."}
	}
}
