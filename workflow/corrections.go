package workflow

import (
	"context"
	"strings"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/correction"
	"varsel/ent/custodyevent"
	"varsel/ent/guardian"
	"varsel/ent/survivor"
	"varsel/ent/victim"
	"varsel/rules"
)

// CorrectPersonInput corrects what is registered about a victim, survivor
// or guardian: exactly one of the three ids, the person as they are now, and
// why. Name, address protection and written standard are always given; an
// optional field left out keeps its value, and an empty text clears it.
// Under code 6 every address part is erased (RC9).
type CorrectPersonInput struct {
	VictimID   *int
	SurvivorID *int
	GuardianID *int
	Person     PersonInput
	// UnderGuardianship, for a victim or survivor (RC6); unchanged when nil.
	UnderGuardianship *bool
	Reason            string
}

// CorrectPersonResult is the corrected person and what changed.
type CorrectPersonResult struct {
	Victim   *ent.Victim
	Survivor *ent.Survivor
	Guardian *ent.Guardian
	// Changed are the API names of the fields that changed, never their values.
	Changed []string
}

// personFields is what victims, survivors and guardians have in common.
type personFields struct {
	name, nin, line, code, place, country string
	birth                                 *time.Time
	protection                            rules.AddressProtection
	standard                              rules.WrittenStandard
	district                              *int
	underGuardianship                     bool
}

// personUpdater is what the update builders of victims, survivors and
// guardians have in common.
type personUpdater[T any] interface {
	SetName(string) T
	SetNationalIdentityNumber(string) T
	ClearNationalIdentityNumber() T
	SetBirthDate(time.Time) T
	ClearBirthDate() T
	SetAddressLine(string) T
	ClearAddressLine() T
	SetPostalCode(string) T
	ClearPostalCode() T
	SetPostalPlace(string) T
	ClearPostalPlace() T
	SetCountry(string) T
	ClearCountry() T
	SetAddressProtection(rules.AddressProtection) T
	SetWrittenStandard(rules.WrittenStandard) T
	SetPoliceDistrictID(int) T
	ClearPoliceDistrictID() T
}

// updatePerson sets every person field to p; an empty text clears it, so
// that turning on code 6 erases every stored address part at once (RC9).
func updatePerson[T personUpdater[T]](u T, p personFields) T {
	u = u.SetName(p.name).SetAddressProtection(p.protection).SetWrittenStandard(p.standard)
	set := func(v string, set func(string) T, clear func() T) {
		if v == "" {
			u = clear()
		} else {
			u = set(v)
		}
	}
	set(p.nin, u.SetNationalIdentityNumber, u.ClearNationalIdentityNumber)
	set(p.line, u.SetAddressLine, u.ClearAddressLine)
	set(p.code, u.SetPostalCode, u.ClearPostalCode)
	set(p.place, u.SetPostalPlace, u.ClearPostalPlace)
	set(p.country, u.SetCountry, u.ClearCountry)
	if p.birth != nil {
		u = u.SetBirthDate(*p.birth)
	} else {
		u = u.ClearBirthDate()
	}
	if p.district != nil {
		u = u.SetPoliceDistrictID(*p.district)
	} else {
		u = u.ClearPoliceDistrictID()
	}
	return u
}

// changedFields names the fields that differ between old and new, by their
// API names (never the values: PR6).
func changedFields(old, new personFields) []string {
	var out []string
	add := func(differs bool, name string) {
		if differs {
			out = append(out, name)
		}
	}
	add(old.name != new.name, "name")
	add(old.nin != new.nin, "nationalIdentityNumber")
	add(!sameDate(old.birth, new.birth), "birthDate")
	add(old.line != new.line || old.code != new.code || old.place != new.place || old.country != new.country, "address")
	add(old.protection != new.protection, "addressProtection")
	add(old.standard != new.standard, "writtenStandard")
	add(!sameInt(old.district, new.district), "policeDistrictId")
	add(old.underGuardianship != new.underGuardianship, "underGuardianship")
	return out
}

func sameDate(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

func sameInt(a, b *int) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func fieldsOf(name, nin, line, code, place, country string, birth *time.Time, prot rules.AddressProtection,
	std rules.WrittenStandard, district *int, underGuardianship bool) personFields {
	return personFields{name: name, nin: nin, line: line, code: code, place: place, country: country, birth: birth,
		protection: prot, standard: std, district: district, underGuardianship: underGuardianship}
}

// CorrectPerson corrects a victim, survivor or guardian (NT8). The new
// values are checked as when the person was registered (PR1, RC7, RC9, NT1)
// and refused whole, storing nothing, when a rule is broken; a code-6
// address is never stored, and turning code 6 on erases every stored part.
// What changed (by field name) and why is recorded for the case history;
// then every notice of the convict's events follows: re-addressed (RC5,
// RC6), re-routed through the police (RC9), re-rendered in the written
// standard (NT7).
func (s *Service) CorrectPerson(ctx context.Context, in CorrectPersonInput) (*CorrectPersonResult, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	set := 0
	for _, id := range []*int{in.VictimID, in.SurvivorID, in.GuardianID} {
		if id != nil {
			set++
		}
	}
	if set != 1 {
		return nil, invalid("Oppgi én person som skal rettes: en fornærmet, en etterlatt eller en verge.")
	}
	reason := strings.TrimSpace(in.Reason)
	if err := rules.CheckChangeReason(reason); err != nil {
		return nil, err
	}
	var p PersonInput
	var newFields personFields
	merge := func(old personFields) {
		p = mergePerson(in.Person, old)
		newFields = fieldsOf(strings.TrimSpace(p.Name), "", strings.TrimSpace(text(p.AddressLine)), strings.TrimSpace(text(p.PostalCode)),
			strings.TrimSpace(text(p.PostalPlace)), strings.TrimSpace(text(p.Country)), p.BirthDate, p.AddressProtection,
			rules.LetterStandard(p.WrittenStandard), p.PoliceDistrictID, false)
	}

	res := &CorrectPersonResult{}
	var convictID int
	var subject correction.Subject
	var subjectID int
	switch {
	case in.VictimID != nil:
		vic, err := found(client.Victim.Query().Where(victim.ID(*in.VictimID)).
			WithCriminalCase(func(q *ent.CriminalCaseQuery) { q.WithConvict() }).Only(ctx))("fornærmede")
		if err != nil {
			return nil, err
		}
		convictID, subject, subjectID = vic.Edges.CriminalCase.ConvictID, correction.SubjectVICTIM, vic.ID
		old := fieldsOf(vic.Name, vic.NationalIdentityNumber, vic.AddressLine, vic.PostalCode, vic.PostalPlace, vic.Country,
			vic.BirthDate, vic.AddressProtection, vic.WrittenStandard, vic.PoliceDistrictID, vic.UnderGuardianship)
		merge(old)
		if newFields.nin, err = s.checkPerson(p, vic.Edges.CriminalCase.Edges.Convict.NationalIdentityNumber, !vic.Deceased); err != nil {
			return nil, onPerson(err)
		}
		newFields.underGuardianship = vic.UnderGuardianship
		if in.UnderGuardianship != nil {
			newFields.underGuardianship = *in.UnderGuardianship
		}
		if res.Changed = changedFields(old, newFields); len(res.Changed) == 0 {
			return nil, nothingChanged()
		}
		if res.Victim, err = updatePerson(client.Victim.UpdateOneID(vic.ID), newFields).
			SetUnderGuardianship(newFields.underGuardianship).Save(ctx); err != nil {
			return nil, err
		}
	case in.SurvivorID != nil:
		sv, err := found(client.Survivor.Query().Where(survivor.ID(*in.SurvivorID)).
			WithVictim(func(q *ent.VictimQuery) {
				q.WithCriminalCase(func(q *ent.CriminalCaseQuery) { q.WithConvict() })
			}).Only(ctx))("den etterlatte")
		if err != nil {
			return nil, err
		}
		cc := sv.Edges.Victim.Edges.CriminalCase
		convictID, subject, subjectID = cc.ConvictID, correction.SubjectSURVIVOR, sv.ID
		old := fieldsOf(sv.Name, sv.NationalIdentityNumber, sv.AddressLine, sv.PostalCode, sv.PostalPlace, sv.Country,
			sv.BirthDate, sv.AddressProtection, sv.WrittenStandard, sv.PoliceDistrictID, sv.UnderGuardianship)
		merge(old)
		if newFields.nin, err = s.checkPerson(p, cc.Edges.Convict.NationalIdentityNumber, true); err != nil {
			return nil, onPerson(err)
		}
		newFields.underGuardianship = sv.UnderGuardianship
		if in.UnderGuardianship != nil {
			newFields.underGuardianship = *in.UnderGuardianship
		}
		if res.Changed = changedFields(old, newFields); len(res.Changed) == 0 {
			return nil, nothingChanged()
		}
		if res.Survivor, err = updatePerson(client.Survivor.UpdateOneID(sv.ID), newFields).
			SetUnderGuardianship(newFields.underGuardianship).Save(ctx); err != nil {
			return nil, err
		}
	default:
		g, err := found(client.Guardian.Query().Where(guardian.ID(*in.GuardianID)).
			WithVictim(func(q *ent.VictimQuery) {
				q.WithCriminalCase(func(q *ent.CriminalCaseQuery) { q.WithConvict() })
			}).
			WithSurvivor(func(q *ent.SurvivorQuery) {
				q.WithVictim(func(q *ent.VictimQuery) {
					q.WithCriminalCase(func(q *ent.CriminalCaseQuery) { q.WithConvict() })
				})
			}).Only(ctx))("vergen")
		if err != nil {
			return nil, err
		}
		var cc *ent.CriminalCase
		if g.Edges.Victim != nil {
			cc = g.Edges.Victim.Edges.CriminalCase
		} else {
			cc = g.Edges.Survivor.Edges.Victim.Edges.CriminalCase
		}
		convictID, subject, subjectID = cc.ConvictID, correction.SubjectGUARDIAN, g.ID
		old := fieldsOf(g.Name, g.NationalIdentityNumber, g.AddressLine, g.PostalCode, g.PostalPlace, g.Country,
			g.BirthDate, g.AddressProtection, g.WrittenStandard, g.PoliceDistrictID, false)
		merge(old)
		if newFields.nin, err = s.checkPerson(p, cc.Edges.Convict.NationalIdentityNumber, true); err != nil {
			return nil, onPerson(err)
		}
		if res.Changed = changedFields(old, newFields); len(res.Changed) == 0 {
			return nil, nothingChanged()
		}
		if res.Guardian, err = updatePerson(client.Guardian.UpdateOneID(g.ID), newFields).Save(ctx); err != nil {
			return nil, err
		}
	}
	if err := recordCorrection(ctx, client, v, subject, subjectID, convictID, res.Changed, reason); err != nil {
		return nil, err
	}
	return res, s.followConvict(ctx, client, convictID, "Opplysninger om mottakeren er rettet: "+reason)
}

// recordCorrection records what was corrected, by field name, and why, for
// the case history (NT8, PR3).
func recordCorrection(ctx context.Context, client *ent.Client, v *varsel.Viewer, subject correction.Subject, subjectID, convictID int, changed []string, reason string) error {
	record := client.Correction.Create().SetSubject(subject).SetSubjectID(subjectID).SetChanged(changed).
		SetReason(reason).SetConvictID(convictID)
	if id := staffID(v); id != nil {
		record.SetRecordedByID(*id)
	}
	return record.Exec(varsel.OnBehalfOf(ctx))
}

// followConvict brings the notices of every event of the convict that may
// still send one in line with the facts (NT8).
func (s *Service) followConvict(ctx context.Context, client *ent.Client, convictID int, why string) error {
	events, err := client.CustodyEvent.Query().Where(custodyevent.ConvictID(convictID),
		custodyevent.StatusIn(custodyevent.StatusOPEN, custodyevent.StatusCANCELLED), custodyevent.HasNotices()).
		IDs(varsel.OnBehalfOf(ctx))
	if err != nil {
		return err
	}
	for _, id := range events {
		if err := s.followEvent(ctx, client, id, why); err != nil {
			return err
		}
	}
	return nil
}

// mergePerson fills the optional fields left out of a correction with what
// is stored. Under code 6 nothing of the stored address is kept (RC9); what
// the correction itself gives is checked, and refused.
func mergePerson(in PersonInput, old personFields) PersonInput {
	keep := func(v *string, stored string) *string {
		if v == nil && stored != "" {
			return &stored
		}
		return v
	}
	in.NationalIdentityNumber = keep(in.NationalIdentityNumber, old.nin)
	if in.BirthDate == nil {
		in.BirthDate = old.birth
	}
	if in.PoliceDistrictID == nil {
		in.PoliceDistrictID = old.district
	}
	if !rules.StoresNoAddress(in.AddressProtection) {
		in.AddressLine = keep(in.AddressLine, old.line)
		in.PostalCode = keep(in.PostalCode, old.code)
		in.PostalPlace = keep(in.PostalPlace, old.place)
		in.Country = keep(in.Country, old.country)
	}
	return in
}

func nothingChanged() error {
	return (&rules.Violation{Rule: "NT8", Provision: "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5",
		Message: "Ingenting er endret. Rett opplysningene som er feil, og prøv igjen."}).On("person")
}

// onPerson names a refusal's field inside the person input.
func onPerson(err error) error {
	if v, ok := err.(*rules.Violation); ok {
		if v.Field == "" {
			return v.On("person")
		}
		if !strings.HasPrefix(v.Field, "person.") {
			return v.On("person." + v.Field)
		}
	}
	return err
}
