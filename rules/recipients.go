package rules

import (
	"strings"
	"time"
)

// AddressProtection is the protection of a person's address in the population
// register (RC9).
type AddressProtection string

const (
	// Unprotected is an ordinary, known address.
	Unprotected AddressProtection = "NONE"
	// Confidential is fortrolig adresse (code 7): stored, shown only to the staff
	// handling the case, every view logged, never shown to the convict.
	Confidential AddressProtection = "FORTROLIG"
	// StrictlyConfidential is strengt fortrolig adresse (code 6): never stored;
	// the police deliver the notice.
	StrictlyConfidential AddressProtection = "STRENGT_FORTROLIG"
	// StrictlyConfidentialAbroad is strengt fortrolig adresse utland (code 6 abroad).
	StrictlyConfidentialAbroad AddressProtection = "STRENGT_FORTROLIG_UTLAND"
	// UnknownAddress means the correctional service has no address; the police deliver.
	UnknownAddress AddressProtection = "UNKNOWN"
)

// Values lists the protection levels.
func (AddressProtection) Values() []string {
	return []string{string(Unprotected), string(Confidential), string(StrictlyConfidential),
		string(StrictlyConfidentialAbroad), string(UnknownAddress)}
}

// WrittenStandard is the language a recipient's letters are written in (NT7).
type WrittenStandard string

const (
	Bokmal  WrittenStandard = "NB" // the default
	Nynorsk WrittenStandard = "NN" // on request
	English WrittenStandard = "EN" // a courtesy translation
)

// Values lists the written standards, the default first.
func (WrittenStandard) Values() []string {
	return []string{string(Bokmal), string(Nynorsk), string(English)}
}

// FamilyRelation is how a person is related to a deceased victim. Only some
// relations make a person a survivor (etterlatt) under RC3; the others exist
// so that registering one is refused with the reason.
type FamilyRelation string

const (
	Spouse     FamilyRelation = "SPOUSE"     // ektefelle
	Cohabitant FamilyRelation = "COHABITANT" // samboer
	Child      FamilyRelation = "CHILD"      // barn
	Parent     FamilyRelation = "PARENT"     // foreldre
	Sibling    FamilyRelation = "SIBLING"    // søsken

	Grandparent   FamilyRelation = "GRANDPARENT"
	Grandchild    FamilyRelation = "GRANDCHILD"
	AuntOrUncle   FamilyRelation = "AUNT_OR_UNCLE"
	NieceOrNephew FamilyRelation = "NIECE_OR_NEPHEW"
	Cousin        FamilyRelation = "COUSIN"
	Friend        FamilyRelation = "FRIEND"
	OtherRelation FamilyRelation = "OTHER"
)

// Values lists every relation, survivors' relations first.
func (FamilyRelation) Values() []string {
	return []string{string(Spouse), string(Cohabitant), string(Child), string(Parent), string(Sibling),
		string(Grandparent), string(Grandchild), string(AuntOrUncle), string(NieceOrNephew),
		string(Cousin), string(Friend), string(OtherRelation)}
}

// GuardianKind is the legal ground a guardian acts on (RC5, RC6).
type GuardianKind string

const (
	// ParentalResponsibility is a parent with foreldreansvar (vergemålsloven § 16).
	ParentalResponsibility GuardianKind = "PARENTAL_RESPONSIBILITY"
	// AppointedGuardian is a verge appointed by the county governor (vergemålsloven §§ 16, 20).
	AppointedGuardian GuardianKind = "APPOINTED_GUARDIAN"
)

// Values lists the guardian kinds.
func (GuardianKind) Values() []string {
	return []string{string(ParentalResponsibility), string(AppointedGuardian)}
}

// Provisions cited for recipients.
const (
	recipientsGuideline = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.2"
	guardianProvision   = "vergemålsloven §§ 16–22 og kapittel 4"
	secrecyProvision    = "straffegjennomføringsloven § 7 bokstav i"
	policeDelivery      = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5"
	agreementGuideline  = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5"
)

// CheckVictimCase: only victims of criminal cases the convict actually
// serves may be notified (RC1), with one exception: cases whose fixed-term
// sentences lapsed because forvaring was imposed, by analogy, and only with a
// recorded assessment of the real need at the time of the event (RC2).
func CheckVictimCase(status CaseStatus, realNeedReasoning string) error {
	switch status {
	case Serving:
		return nil
	case LapsedByPreventiveDetention:
		if blank(realNeedReasoning) {
			return violate("RC2", "straffeloven § 42, "+recipientsGuideline,
				"Straffen i denne saken falt bort da forvaring ble idømt. Fornærmede kan bare varsles etter en konkret vurdering av om det er et reelt behov for varsel nå. Skriv vurderingen.")
		}
		return nil
	}
	return violate("RC1", recipientsGuideline,
		"Domfelte gjennomfører ikke straff i denne saken. Bare fornærmede i saker domfelte faktisk gjennomfører, kan varsles.")
}

// survivorRelations are who survivors are: spouse, cohabitant, children,
// parents and siblings (RC3).
var survivorRelations = map[FamilyRelation]bool{Spouse: true, Cohabitant: true, Child: true, Parent: true, Sibling: true}

// CheckSurvivor: survivors are the deceased victim's spouse, cohabitant,
// children, parents or siblings; any other relation is refused, and a victim
// who is alive has no survivors (RC3).
func CheckSurvivor(relation FamilyRelation, victimDeceased bool) error {
	if !victimDeceased {
		return violate("RC3", recipientsGuideline, "Fornærmede er ikke registrert som avdød. Etterlatte varsles bare når fornærmede er død.")
	}
	if !survivorRelations[relation] {
		return violate("RC3", recipientsGuideline,
			"Bare avdødes ektefelle, samboer, barn, foreldre eller søsken regnes som etterlatte.")
	}
	return nil
}

// CheckSeveralSurvivors: with several survivors, the assessment records
// whether one or several are notified, and why (RC4).
func CheckSeveralSurvivors(survivors int, reasoning string) error {
	if survivors > 1 && blank(reasoning) {
		return violate("RC4", recipientsGuideline,
			"Avdøde har flere etterlatte. Skriv om det er tilstrekkelig å varsle én av de nærmeste, eller om flere skal varsles, og hvorfor.")
	}
	return nil
}

// AgeOn returns a person's age in whole years on a date.
func AgeOn(birth, on time.Time) int {
	by, bm, bd := birth.Date()
	oy, om, od := on.Date()
	age := oy - by
	if om < bm || om == bm && od < bd {
		age--
	}
	return age
}

// IsMinor reports whether a person is under 18 on a date (RC5, AS4).
func IsMinor(birth, on time.Time) bool { return AgeOn(birth, on) < 18 }

// RecipientKind is who a notice is addressed to.
type RecipientKind string

const (
	VictimRecipient   RecipientKind = "VICTIM"
	SurvivorRecipient RecipientKind = "SURVIVOR"
	GuardianRecipient RecipientKind = "GUARDIAN"
	// PoliceDeliverer is the police delivering a notice on the correctional
	// service's behalf (RC9); they learn of the notification but are not its addressee.
	PoliceDeliverer RecipientKind = "POLICE"
)

// MayReceive: nobody but the police, the victim and the survivors, or their
// guardians, may receive anything about a notification (RC8).
func MayReceive(kind RecipientKind) error {
	switch kind {
	case VictimRecipient, SurvivorRecipient, GuardianRecipient, PoliceDeliverer:
		return nil
	}
	return violate("RC8", secrecyProvision,
		"Bare fornærmede, etterlatte, deres verger og politiet kan få opplysninger om varslingen. Taushetsplikten hindrer at andre får det.")
}

// Person is a victim or survivor as the recipient rules see them.
type Person struct {
	BirthDate         *time.Time
	UnderGuardianship bool
	// IdentityNumber is compared with the convict's (RC7); it is never shown.
	IdentityNumber string
}

// Guardian is a registered guardian of a person.
type Guardian struct {
	ID             int
	IdentityNumber string
}

// Addressees says to whom a notice to p is written, on the date of the
// notice: p itself, or — for a minor (RC5) or an adult under guardianship
// (RC6) — each guardian. A guardian who is the convict (same identity
// number) is never an addressee, and a warning says so (RC7). The convict is
// never a recipient at all.
func Addressees(p Person, guardians []Guardian, convictNumber string, on time.Time) (direct bool, to []int, warnings []string, err error) {
	if err := CheckNotConvict(p.IdentityNumber, convictNumber); err != nil {
		return false, nil, nil, err
	}
	minor := p.BirthDate != nil && IsMinor(*p.BirthDate, on)
	if p.BirthDate == nil && !p.UnderGuardianship {
		return false, nil, nil, violate("RC5", guardianProvision,
			"Fødselsdatoen mangler. Den trengs for å avgjøre om varselet skal gå til verge fordi mottakeren er under 18 år.")
	}
	if !minor && !p.UnderGuardianship {
		return true, nil, nil, nil
	}
	for _, g := range guardians {
		if g.IdentityNumber != "" && g.IdentityNumber == convictNumber {
			warnings = append(warnings, "En registrert verge er domfelte selv og får ikke varselet (RC7).")
			continue
		}
		to = append(to, g.ID)
	}
	if len(to) == 0 {
		rule, why := "RC5", "under 18 år"
		if !minor {
			rule, why = "RC6", "under vergemål"
		}
		return false, nil, warnings, violate(rule, guardianProvision,
			"Mottakeren er %s, og varselet skal gis til verge, men ingen verge som kan motta varsel er registrert.", why)
	}
	return false, to, warnings, nil
}

// CheckNotConvict: the convict is never a recipient, not as a victim or a
// survivor either (RC7).
func CheckNotConvict(number, convictNumber string) error {
	if number != "" && number == convictNumber {
		return violate("RC7", secrecyProvision, "Personen er domfelte selv. Domfelte kan aldri motta varsel.")
	}
	return nil
}

// CheckGuardianIsNotConvict returns the warning shown when a guardian is
// registered with the convict's identity number: the guardian is kept on
// record but never receives anything (RC7).
func CheckGuardianIsNotConvict(guardianNumber, convictNumber string) (excluded bool, warning string) {
	if guardianNumber != "" && guardianNumber == convictNumber {
		return true, "Vergen har samme fødselsnummer som domfelte. Domfelte kan aldri motta varsel, heller ikke som verge, og vergen er utelukket (RC7)."
	}
	return false, ""
}

// Route is how a notice reaches its addressee.
type Route string

const (
	Direct        Route = "DIRECT"     // by the correctional service
	ThroughPolice Route = "VIA_POLICE" // the police deliver (RC9)
)

// DeliveryRoute: where the address is strictly confidential (code 6, also
// abroad) or unknown, the police are asked to deliver the notice (RC9).
func DeliveryRoute(p AddressProtection) Route {
	switch p {
	case StrictlyConfidential, StrictlyConfidentialAbroad, UnknownAddress:
		return ThroughPolice
	}
	return Direct
}

// AddressParts are the parts of a postal address as stored.
type AddressParts struct {
	Line, PostalCode, Place, Country string
}

// Stored lists the parts that hold anything.
func (a AddressParts) Stored() []string {
	var out []string
	for _, p := range []string{a.Line, a.PostalCode, a.Place, a.Country} {
		if !blank(p) {
			out = append(out, p)
		}
	}
	return out
}

// StoresNoAddress reports whether no part of an address may be stored for a
// person with this protection: code 6 (strengt fortrolig, also abroad) and
// an unknown address (RC9).
func StoresNoAddress(p AddressProtection) bool {
	return DeliveryRoute(p) == ThroughPolice
}

// CheckAddressStorage: the system never stores any part of a strengt
// fortrolig (code 6) address — no street, postal code, place or country
// (RC9); an unknown address has no parts; an unprotected or fortrolig
// address must be complete enough to send a letter to: a street line and,
// in Norway, the postal code and place.
func CheckAddressStorage(p AddressProtection, a AddressParts) error {
	any := len(a.Stored()) > 0
	switch {
	case DeliveryRoute(p) == ThroughPolice && p != UnknownAddress && any:
		return violate("RC9", policeDelivery,
			"Adressen er strengt fortrolig, og ingen del av den skal lagres – verken gate, postnummer, sted eller land. Politiet besørger varselet; oppgi bare politidistriktet.").On("person.addressLine")
	case p == UnknownAddress && any:
		return violate("RC9", policeDelivery, "Adressen er oppgitt som ukjent, men deler av en adresse er fylt ut.").On("person.addressLine")
	case DeliveryRoute(p) == Direct && blank(a.Line):
		return violate("RC9", policeDelivery,
			"Adressen mangler. Fyll ut adressen, eller oppgi at den er ukjent eller strengt fortrolig så politiet besørger varselet.").On("person.addressLine")
	case DeliveryRoute(p) == Direct && (blank(a.Country) || isNorway(a.Country)) && (blank(a.PostalCode) || blank(a.Place)):
		return violate("RC9", policeDelivery, "Oppgi postnummer og poststed, så brevet kommer fram.").On("person.postalCode")
	}
	return nil
}

// isNorway reports whether a country field means Norway.
func isNorway(country string) bool {
	switch strings.ToLower(strings.TrimSpace(country)) {
	case "norge", "noreg", "norway", "no", "nor":
		return true
	}
	return false
}

// CheckNotReserved: a recipient who has reserved against further notices
// gets none until the reservation is lifted (RC10).
func CheckNotReserved(reserved bool) error {
	if reserved {
		return violate("RC10", agreementGuideline, "Mottakeren har reservert seg mot flere varsler. Reservasjonen må oppheves før det kan varsles igjen.")
	}
	return nil
}

// AgreementFrequency is what was agreed with a recipient about how often to
// notify (RC10).
type AgreementFrequency string

const (
	EveryEvent AgreementFrequency = "EVERY_EVENT"
	OnlyOnce   AgreementFrequency = "ONCE"
)

// AgreementSettled reports whether a recorded agreement already answers the
// question for this event: after one notice, an agreement to be notified
// once means no more notices and no new assessment (RC10, AS1).
func AgreementSettled(f AgreementFrequency, noticesSent int) bool {
	return f == OnlyOnce && noticesSent > 0
}

// Values lists the routes.
func (Route) Values() []string { return []string{string(Direct), string(ThroughPolice)} }

// Values lists the agreement frequencies.
func (AgreementFrequency) Values() []string { return []string{string(EveryEvent), string(OnlyOnce)} }
