package rules

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// The checks the lifecycle's guards are made of. Each is a pure function
// citing its rule; the workflow calls them only through the transitions,
// except where a check belongs to one input field.

// CheckSecurity: security is assessed first and independently; nothing is
// decided or sent without a security assessment, while the police's
// statement is awaited, or when a risk is confirmed (AS2).
func CheckSecurity(s Security) error {
	switch s {
	case SecurityNotAssessed:
		return stateViolation(StateRegistered)
	case SecurityAwaitingPolice:
		return stateViolation(StateAwaitingPolice)
	case SecurityRisk:
		return stateViolation(StateBlocked)
	}
	return nil
}

// CheckEveryoneAssessed: before each event a concrete assessment is made for
// each potential recipient, unless a recorded agreement (RC10) says one
// notice covers it — or the recipient has reserved against notices, who gets
// none (AS1). The refusal names who is missing, by identifier only (PR6).
func CheckEveryoneAssessed(c *Case) error {
	var missing []string
	for _, r := range c.Recipients {
		if !r.Required || r.ReservedSince != nil || r.AgreementSettled || r.Assessment != nil {
			continue
		}
		what := "fornærmet"
		if r.Kind == SurvivorRecipient {
			what = "etterlatt"
		}
		missing = append(missing, fmt.Sprintf("%s %d", what, r.ID))
	}
	if len(missing) == 0 {
		return nil
	}
	return violate("AS1", significanceGuideline,
		"Det mangler en konkret vurdering av om varsel er av betydning for %d mulige mottakere (%s). Vurder hver av dem før vedtaket.",
		len(missing), strings.Join(missing, ", "))
}

// CheckDecisionReasons: the decision to notify is an individual decision and
// states its reasons (fvl §§ 24–25). The reasons are always recorded
// (notoritet); they are left out of the letter to the convict only where
// they would reveal information exempt from access, and then the exemption
// is recorded (DC1, strgjfl § 7 letter d, IX7).
func CheckDecisionReasons(reasoning, withheld string) error {
	if blank(reasoning) {
		return violate("DC1", decisionReasonsProvision,
			"Vedtaket skal begrunnes. Skriv begrunnelsen; skal den ikke gå fram av brevet til domfelte fordi den ville røpe opplysninger unntatt fra innsyn, registrer også unntaket.").On("reasoning")
	}
	if withheld != "" {
		known := false
		for _, g := range ExemptionGround("").Values() {
			known = known || g == withheld
		}
		if !known {
			return violate("DC1", decisionReasonsProvision,
				"Begrunnelsen kan bare utelates av hensyn til en annen person, sikkerheten eller etterforskning (straffegjennomføringsloven § 7 bokstav c og d).").On("reasonsWithheld")
		}
	}
	return nil
}

// decisionReasonsProvision is where DC1's duty to state reasons comes from.
const decisionReasonsProvision = "forvaltningsloven §§ 24–25, straffegjennomføringsloven § 7 bokstav d"

// informProvision is where DC3 comes from.
const informProvision = "forvaltningsloven § 27, straffegjennomføringsloven § 7 bokstav c og d"

// CheckConvictInformed: the convict is informed that a notice will be given,
// unless that is impracticable. For an escape that is the rule; for any
// other event it is an exception that only a decision maker records, with
// the reason. The convict cannot have been informed before the decision was
// made, nor in the future (DC3).
func CheckConvictInformed(kind EventKind, decidedAt, now time.Time, informedAt *time.Time, impracticable string, decisionMaker bool) error {
	if !blank(impracticable) {
		if kind != Escape && !decisionMaker {
			return violate("DC3", informProvision,
				"Bare en beslutter kan registrere at det ikke praktisk lar seg gjøre å underrette domfelte. Utenom unndragelse er det et unntak som begrunnes og rapporteres.").On("impracticableReason")
		}
		return nil
	}
	switch {
	case informedAt == nil:
		return violate("DC3", informProvision,
			"Oppgi når og hvordan domfelte ble underrettet, eller hvorfor det ikke praktisk lar seg gjøre.").On("informedAt")
	case informedAt.After(now):
		return violate("DC3", informProvision, "Tidspunktet for underretningen kan ikke være i fremtiden.").On("informedAt")
	// People give the time to the minute: informing in the very minute the
	// decision was made is not before it.
	case informedAt.Before(decidedAt.Truncate(time.Minute)):
		return violate("DC3", informProvision,
			"Domfelte kan ikke ha blitt underrettet før vedtaket ble fattet %s.", formatMoment(decidedAt)).On("informedAt")
	}
	return nil
}

// formatMoment writes an instant as a Norwegian reads it: 22.11.2026 kl. 12.00.
func formatMoment(t time.Time) string { return t.In(Norway).Format("02.01.2006 kl. 15.04") }

// Representative is the person acting for the convict in the case or the
// appeal (fullmektig).
type Representative struct {
	// Inmate, ServingSentence, Employee: what the caseworker recorded of the
	// person, or what the registers show (a registered convict serves a
	// sentence).
	Inmate          bool
	ServingSentence bool
	Employee        bool
}

// CheckRepresentative: an inmate, a person serving a sentence, or an
// employee of the correctional service cannot act as the convict's
// representative in the case or the appeal (DC8).
func CheckRepresentative(r *Representative) error {
	switch {
	case r == nil:
		return nil
	case r.Inmate, r.ServingSentence:
		return violate("DC8", representativeProvision,
			"En som er innsatt eller gjennomfører straff, kan ikke være domfeltes fullmektig.").On("representative")
	case r.Employee:
		return violate("DC8", representativeProvision,
			"En som er ansatt i kriminalomsorgen, kan ikke være domfeltes fullmektig.").On("representative")
	}
	return nil
}

// CheckAppealSettled: so far as practicable, a notice of an event notified in
// advance is not sent before the appeal deadline has passed, the convict has
// waived the appeal (DC6) or the appeal has been decided (DC5). When time
// does not allow it, a decision maker records why, and the notice is
// reported as released early. Nothing is sent while an appeal is pending. An
// escape is notified as soon as possible (NT2): informing the escaped
// convict is impracticable (DC3).
func CheckAppealSettled(c *Case, n *CaseNotice, justification string, decisionMaker bool) error {
	d := c.Decision
	switch {
	case d == nil && c.Withdrawn && n != nil && n.Kind == KindCancellation:
		return nil // the decision was withdrawn: telling whoever was told needs no decision (NT8)
	case d == nil:
		return stateViolation(StateAssessing)
	case d.AppealPending:
		return violate("DC5", ReleaseProvision, "Domfelte har klaget på vedtaket. Varselet kan ikke sendes før klagen er avgjort.")
	case c.Event.Kind == Escape:
		return nil
	case c.decisionFinal() && !d.Impracticable:
		return nil
	case n != nil && !blank(n.EarlyRelease):
		return nil
	case !blank(justification) && decisionMaker:
		return nil
	case !blank(justification):
		return violate("DC5", ReleaseProvision,
			"Bare en beslutter kan sende varselet før vedtaket er endelig, med en begrunnelse for hvorfor tiden ikke tillot å vente.").On("justification")
	case d.Impracticable:
		return violate("DC3", informProvision,
			"Det er registrert at domfelte ikke kan underrettes. Da løper ingen klagefrist, og varselet kan bare sendes når en beslutter skriver hvorfor tiden ikke tillot å vente (DC5).")
	case d.ConvictInformedAt == nil:
		return violate("DC3", informProvision, "Domfelte er ikke underrettet om vedtaket om varsling. Registrer underretningen først.")
	}
	return violate("DC5", ReleaseProvision,
		"Klagefristen går ut %s. Før det sendes varselet bare når domfelte har sagt fra seg klageretten, eller når en beslutter skriver hvorfor tiden ikke tillater å vente.",
		d.AppealDeadline.Format("02.01.2006"))
}

// CheckAddressee: a notice goes to the person it is written to as things
// stand on the day it is sent — the recipient, or the guardians of a
// recipient under 18 that day (RC5) or under guardianship (RC6) — and never
// to the convict (RC7).
func CheckAddressee(c *Case, n *CaseNotice) error {
	r := c.Recipient(n.Recipient)
	if r == nil {
		return violate("RC1", recipientsGuideline, "Personen varselet gjelder, er ikke lenger mottaker i en sak domfelte gjennomfører.")
	}
	direct, guardians, _, err := c.WantedAddressees(r)
	if err != nil {
		return err
	}
	rule := "RC5"
	if r.Person.UnderGuardianship {
		rule = "RC6"
	}
	switch {
	case n.GuardianID == nil && !direct:
		return violate(rule, guardianProvision,
			"Mottakeren er under 18 år eller under vergemål den dagen varselet sendes, og varselet skal gå til vergen. Lag varslene på nytt.")
	case n.GuardianID != nil && direct:
		return violate(rule, guardianProvision,
			"Mottakeren er over 18 år og ikke under vergemål den dagen varselet sendes, og skal ha varselet selv. Lag varslene på nytt.")
	case n.GuardianID != nil:
		for _, g := range guardians {
			if g == *n.GuardianID {
				return nil
			}
		}
		return violate("RC7", secrecyProvision, "Vergen kan ikke motta varselet. Lag varslene på nytt.")
	}
	return nil
}

// addressLike finds what identifies an address in a text: a street name
// with a house number, a postal code with a place, a post box, a
// cadastral number, a flat (NT4).
var addressLike = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\p{L}*(gate|gata|gaten|gt\.?|veg|vei|veien|vegen|v\.|allé|alléen|plass|plassen|sti|stien|svingen|bakken|terrasse|torg|torget|brygge|bryggen|kai|kaia|ringen|stredet|smauet|løkka|haugen|road|street|avenue|lane)\s*\d+\s*[a-zA-Z]?\b`),
	regexp.MustCompile(`(?i)\b(postboks|pb\.?|boks|c/o|gnr\.?|bnr\.?|leilighet|leil\.?|oppgang|h0\d0\d)\b`),
	regexp.MustCompile(`\b\d{4}\s+\p{Lu}\p{Ll}+`),
}

// CheckNoAddress: no text that reaches a recipient — a residence area or
// any condition's description — holds an address or anything that
// identifies one (NT4).
func CheckNoAddress(text string) error {
	for _, re := range addressLike {
		if re.MatchString(text) {
			return violate("NT4", contentGuideline,
				"Teksten går til mottakeren og kan ikke inneholde en adresse eller noe som peker ut en adresse. Oppgi bare kommune, by eller landsdel.")
		}
	}
	return nil
}

// CheckChannel: a notice goes by letter or Digipost, exceptionally by
// telephone with the reason recorded, or through the police; a protected or
// unknown address is delivered by the police, in the addressee's district;
// a letter needs a postal address (NT1, RC9).
func CheckChannel(route Route, ch Channel, phoneReason string, district, addressOnFile bool) error {
	switch {
	case route == ThroughPolice && ch != ViaPolice:
		return violate("RC9", policeDelivery, "Mottakerens adresse er skjermet eller ukjent. Politiet skal besørge varselet.").On("channel")
	case ch == Phone && blank(phoneReason):
		return violate("NT1", channelGuideline,
			"Varsel per telefon gis bare unntaksvis. Skriv hvorfor det er nødvendig her; samtalen må dokumenteres skriftlig etterpå.").On("phoneReason")
	case ch == ViaPolice && !district:
		return violate("RC9", policeDelivery, "Oppgi politidistriktet for mottakeren før varselet sendes via politiet.")
	case ch == Letter && !addressOnFile:
		return violate("NT1", channelGuideline, "Mottakeren har ingen postadresse. Send varselet via Digipost eller politiet.").On("channel")
	}
	return nil
}
