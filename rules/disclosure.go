package rules

import (
	"fmt"
	"time"
)

// The information exchange between the correctional service and the police
// (circular G-3/2005, with the provisions in force today): what a disclosure
// record holds (IX1), who decides (IX2), the lawful bases (IX3), what may not
// be disclosed (IX4, IX6), the police's mandatory messages (IX5), exemption
// from the convict's access (IX7) and how long the data is kept (IX8).

// Provisions cited for the information exchange.
const (
	recordProvision    = "forskrift om behandling av personopplysninger i kriminalomsorgen §§ 4–5"
	decisionProvision  = "forvaltningsloven § 13 b første ledd nr. 5, jf. rundskriv G-3/2005 punkt 3"
	healthProvision    = "helsepersonelloven § 21, jf. § 25"
	infoflytProvision  = "straffegjennomføringsloven kapittel 1 B (INFOFLYT)"
	reportProvision    = "politiregisterforskriften § 10-5"
	accessProvision    = "straffegjennomføringsloven § 7 bokstav c"
	retentionProvision = "forskrift om behandling av personopplysninger i kriminalomsorgen § 6"
	kkProvision        = "straffeprosessloven § 216 i første ledd bokstav f"
	registerProvision  = "politiregisterloven § 9"
)

// DisclosureDirection is which way information went.
type DisclosureDirection string

const (
	ToPolice   DisclosureDirection = "TO_POLICE"   // from the correctional service to the police or prosecution
	FromPolice DisclosureDirection = "FROM_POLICE" // from the police or prosecution to the correctional service
)

// Values lists the directions.
func (DisclosureDirection) Values() []string { return []string{string(ToPolice), string(FromPolice)} }

// DisclosureCategory is what kind of information was disclosed.
type DisclosureCategory string

const (
	// CustodyInformation: the convict's imprisonment — regime, co-inmates,
	// contacts, control measures, transfers, sanctions, leaves, visitors,
	// correspondence and calls.
	CustodyInformation DisclosureCategory = "CUSTODY"
	// OffenceInformation: offences and reports; a suspicion is enough.
	OffenceInformation DisclosureCategory = "OFFENCE"
	// PoliceInformation: information from the police's own work — the case
	// behind the sentence, intelligence, other investigations.
	PoliceInformation DisclosureCategory = "POLICE_INFORMATION"
	// CriminalRecord: information from a register under the criminal
	// records act.
	CriminalRecord DisclosureCategory = "CRIMINAL_RECORD"
	// CommunicationControl: material from communication control (strpl
	// § 216 i).
	CommunicationControl DisclosureCategory = "COMMUNICATION_CONTROL"
	// HealthInformation: what staff learn as helpers to health personnel,
	// e.g. when handing out medicine.
	HealthInformation DisclosureCategory = "HEALTH"
)

// Values lists the categories.
func (DisclosureCategory) Values() []string {
	return []string{string(CustodyInformation), string(OffenceInformation), string(PoliceInformation),
		string(CriminalRecord), string(CommunicationControl), string(HealthInformation)}
}

// DisclosureBasis is a lawful basis for a disclosure, from the fixed list of
// current provisions (IX3). The circular's own references are partly
// repealed; Provision says what the basis is today.
type DisclosureBasis string

const (
	// FVL13b5: what the correctional service's own tasks require.
	FVL13b5 DisclosureBasis = "FVL_13B_5"
	// FVL13b6: offences and reports; suspicion is enough.
	FVL13b6 DisclosureBasis = "FVL_13B_6"
	// Politiregisterloven26: use in the case, including the execution of the
	// sentence (was strpl § 61 c no. 2).
	Politiregisterloven26 DisclosureBasis = "POLITIREGISTERLOVEN_26"
	// Politiregisterloven27: to prevent offences (was strpl § 61 c no. 6).
	Politiregisterloven27 DisclosureBasis = "POLITIREGISTERLOVEN_27"
	// Politiregisterloven30: what the receiving body's tasks require (was
	// politiloven § 24).
	Politiregisterloven30 DisclosureBasis = "POLITIREGISTERLOVEN_30"
	// Politiregisterforskriften9610: disclosure to the correctional service.
	Politiregisterforskriften9610 DisclosureBasis = "POLITIREGISTERFORSKRIFTEN_9_6_10"
	// Politiregisterforskriften105: the police's mandatory messages (IX5).
	Politiregisterforskriften105 DisclosureBasis = "POLITIREGISTERFORSKRIFTEN_10_5"
	// Politiregisterloven9: criminal record information from the reaction
	// register (politiregisterloven § 9; the criminal records act it replaced
	// was repealed in 2014); the register is recorded.
	Politiregisterloven9 DisclosureBasis = "POLITIREGISTERLOVEN_9"
	// Straffeloven196: the correctional service's duty to avert a serious
	// offence, which applies regardless of confidentiality.
	Straffeloven196 DisclosureBasis = "STRAFFELOVEN_196"
	// Straffeprosessloven216i: communication-control material, only to avert
	// an offence punishable by imprisonment.
	Straffeprosessloven216i DisclosureBasis = "STRAFFEPROSESSLOVEN_216I"
)

// Values lists the lawful bases, correctional service → police first.
func (DisclosureBasis) Values() []string {
	return []string{string(FVL13b5), string(FVL13b6), string(Politiregisterloven26), string(Politiregisterloven27),
		string(Politiregisterloven30), string(Politiregisterforskriften9610), string(Politiregisterforskriften105),
		string(Politiregisterloven9), string(Straffeprosessloven216i), string(Straffeloven196)}
}

// Provision is the basis as a caseworker cites it (IX3).
func (b DisclosureBasis) Provision() string {
	switch b {
	case FVL13b5:
		return "forvaltningsloven § 13 b første ledd nr. 5"
	case FVL13b6:
		return "forvaltningsloven § 13 b første ledd nr. 6"
	case Politiregisterloven26:
		return "politiregisterloven § 26"
	case Politiregisterloven27:
		return "politiregisterloven § 27"
	case Politiregisterloven30:
		return "politiregisterloven § 30"
	case Politiregisterforskriften9610:
		return "politiregisterforskriften § 9-6 nr. 10"
	case Politiregisterforskriften105:
		return "politiregisterforskriften § 10-5"
	case Politiregisterloven9:
		return "politiregisterloven § 9"
	case Straffeloven196:
		return "straffeloven § 196"
	case Straffeprosessloven216i:
		return "straffeprosessloven § 216 i første ledd bokstav f"
	}
	return string(b)
}

// Direction is the way the basis allows information to go (IX3). Criminal
// record information may go either way, so it has none.
func (b DisclosureBasis) Direction() (DisclosureDirection, bool) {
	switch b {
	case FVL13b5, FVL13b6, Straffeloven196:
		return ToPolice, true
	case Politiregisterloven26, Politiregisterloven27, Politiregisterloven30,
		Politiregisterforskriften9610, Politiregisterforskriften105, Straffeprosessloven216i:
		return FromPolice, true
	}
	return "", false
}

// DisclosureForm is how the information was given.
type DisclosureForm string

const (
	Written DisclosureForm = "WRITTEN"
	Oral    DisclosureForm = "ORAL"
)

// Values lists the forms.
func (DisclosureForm) Values() []string { return []string{string(Written), string(Oral)} }

// DisclosureRecord is what is recorded of one disclosure (IX1).
type DisclosureRecord struct {
	Direction DisclosureDirection
	Category  DisclosureCategory
	Summary   string // what was disclosed
	Purpose   string
	Recipient string
	Basis     DisclosureBasis
	// Register names the register criminal record information came from.
	Register string
	// AvertsImprisonableOffence: the purpose is to avert an offence
	// punishable by imprisonment (escape, violence in prison or on leave);
	// the only purpose communication-control material may serve.
	AvertsImprisonableOffence bool
	DecidedBy                 string // who decided
	DecidedAt                 time.Time
	Form                      DisclosureForm
	Unverified                bool
	Source                    string // where unverified information comes from
}

// CheckDisclosureRecord: every disclosure between the correctional service
// and the police is recorded with direction, what was disclosed, purpose,
// recipient, legal basis, who decided, when, written or oral, and — for
// unverified information — its source (IX1). A decision dated after now is
// not a record of something that happened.
func CheckDisclosureRecord(d DisclosureRecord, now time.Time) error {
	missing := func(what string) error {
		return violate("IX1", recordProvision, "Oppgi %s. Hver utlevering registreres med hva, formål, mottaker, hjemmel, hvem som besluttet, når og hvordan.", what)
	}
	switch {
	case d.Direction != ToPolice && d.Direction != FromPolice:
		return missing("retningen på utleveringen")
	case blank(d.Summary):
		return missing("hva som ble utlevert")
	case blank(d.Purpose):
		return missing("formålet")
	case blank(d.Recipient):
		return missing("mottakeren")
	case blank(d.DecidedBy):
		return missing("hvem som besluttet utleveringen")
	case d.DecidedAt.IsZero():
		return missing("når utleveringen ble besluttet")
	case d.DecidedAt.After(now):
		return violate("IX1", recordProvision, "Tidspunktet for beslutningen kan ikke være fram i tid.")
	case d.Form != Written && d.Form != Oral:
		return missing("om utleveringen var skriftlig eller muntlig")
	case d.Unverified && blank(d.Source):
		return violate("IX1", recordProvision, "Oppgi kilden for ubekreftede opplysninger.")
	}
	return nil
}

// CheckDisclosureBasis: a disclosure rests on one of the current lawful bases,
// the one for its direction (IX3). Criminal record information rests on the
// reaction register's provision (politiregisterloven § 9) and names the register; communication-control
// material rests on strpl § 216 i and may be used only to avert an offence
// punishable by imprisonment — any other purpose is refused.
func CheckDisclosureBasis(d DisclosureRecord) error {
	known := false
	for _, b := range d.Basis.Values() {
		known = known || b == string(d.Basis)
	}
	if !known {
		return violate("IX3", "rundskriv G-3/2005, gjeldende hjemler", "Velg hjemmel for utleveringen fra listen.")
	}
	switch {
	case d.Category == CommunicationControl && d.Basis != Straffeprosessloven216i,
		d.Basis == Straffeprosessloven216i && d.Category != CommunicationControl:
		return violate("IX3", kkProvision, "Opplysninger fra kommunikasjonskontroll utleveres bare med hjemmel i straffeprosessloven § 216 i.")
	case d.Category == CommunicationControl && !d.AvertsImprisonableOffence:
		return violate("IX3", kkProvision,
			"Opplysninger fra kommunikasjonskontroll kan bare brukes for å avverge en straffbar handling som kan medføre frihetsstraff, for eksempel rømning eller vold i fengsel eller under permisjon. Andre formål er ikke tillatt.")
	case d.Category == CriminalRecord && d.Basis != Politiregisterloven9,
		d.Basis == Politiregisterloven9 && d.Category != CriminalRecord:
		return violate("IX3", registerProvision, "Opplysninger fra reaksjonsregisteret utleveres med hjemmel i politiregisterloven § 9 (strafferegistreringsloven er opphevet).")
	case d.Basis == Politiregisterloven9 && blank(d.Register):
		return violate("IX3", registerProvision, "Oppgi hvilket register opplysningene kommer fra.")
	}
	if want, ok := d.Basis.Direction(); ok && want != d.Direction {
		from := "kriminalomsorgen til politiet"
		if want == FromPolice {
			from = "politiet til kriminalomsorgen"
		}
		return violate("IX3", d.Basis.Provision(), "%s er hjemmel for utlevering fra %s, ikke motsatt vei.", d.Basis.Provision(), from)
	}
	return nil
}

// CheckNotHealthInformation: what prison staff learn as helpers to health
// personnel, such as when handing out medicine, is confidential under the
// health personnel act; the correctional service does not disclose it to
// the police (IX4).
func CheckNotHealthInformation(direction DisclosureDirection, category DisclosureCategory) error {
	if direction == ToPolice && category == HealthInformation {
		return violate("IX4", healthProvision,
			"Helseopplysninger som ansatte får som medhjelpere for helsepersonell, er taushetsbelagte etter helsepersonelloven og kan ikke utleveres til politiet.")
	}
	return nil
}

// CheckNotInfoflyt: a convict flagged for INFOFLYT — especially serious,
// high-risk cases — is excluded from ordinary disclosures, in both
// directions; the information goes through the INFOFLYT procedure instead
// (IX6).
func CheckNotInfoflyt(infoflyt bool) error {
	if infoflyt {
		return violate("IX6", infoflytProvision,
			"Domfelte er omfattet av INFOFLYT. Informasjon om domfelte utveksles bare etter INFOFLYT-rutinen, ikke som ordinær utlevering.")
	}
	return nil
}

// DisclosureDecider is what is known of the person recorded as deciding a
// disclosure by the correctional service.
type DisclosureDecider struct {
	HeadOfUnit bool // leads the unit whose information it is
	Delegate   bool // holds an unrevoked delegation from the head of that unit
}

// CheckDisclosureDecider: a disclosure by the correctional service is decided
// by the head of the unit or the person they delegated it to (IX2); anyone
// else is refused.
func CheckDisclosureDecider(d DisclosureDecider) error {
	if d.HeadOfUnit || d.Delegate {
		return nil
	}
	return violate("IX2", decisionProvision,
		"Utlevering besluttes av enhetens leder eller den lederen har delegert myndigheten til. Personen som er oppgitt, har ikke slik myndighet.")
}

// CheckDelegator: only the head of a unit delegates the authority to decide
// disclosures, and not to themselves (IX2).
func CheckDelegator(headOfUnit, toSelf bool) error {
	switch {
	case !headOfUnit:
		return violate("IX2", decisionProvision, "Bare enhetens leder kan delegere myndigheten til å beslutte utlevering.")
	case toSelf:
		return violate("IX2", decisionProvision, "Lederen har myndigheten selv og kan ikke delegere den til seg selv.")
	}
	return nil
}

// PoliceReportKind is a message the police must give the correctional
// service (IX5).
type PoliceReportKind string

const (
	InvestigationOpened PoliceReportKind = "INVESTIGATION_OPENED" // an investigation is opened against the convict
	ConditionsBreached  PoliceReportKind = "CONDITIONS_BREACHED"  // the convict breached conditions
	ForeignConviction   PoliceReportKind = "FOREIGN_CONVICTION"   // the convict is convicted abroad
	ImminentOffence     PoliceReportKind = "IMMINENT_OFFENCE"     // the convict will likely commit or take part in a crime soon
)

// Values lists the kinds of mandatory message.
func (PoliceReportKind) Values() []string {
	return []string{string(InvestigationOpened), string(ConditionsBreached), string(ForeignConviction), string(ImminentOffence)}
}

// Name is the kind in Norwegian.
func (k PoliceReportKind) Name() string {
	switch k {
	case InvestigationOpened:
		return "etterforskning innledet"
	case ConditionsBreached:
		return "brudd på vilkår"
	case ForeignConviction:
		return "domfellelse i utlandet"
	case ImminentOffence:
		return "sannsynlig straffbar handling i nær framtid"
	}
	return string(k)
}

// CheckPoliceReport: the police's mandatory messages to the correctional
// service — an investigation opened against a convict, a breach of
// conditions, a foreign conviction, and always when the convict will likely
// commit or take part in a crime in the near future — say what happened, and
// reach the convict's responsible unit (IX5).
func CheckPoliceReport(kind PoliceReportKind, summary string) error {
	known := false
	for _, k := range kind.Values() {
		known = known || k == string(kind)
	}
	switch {
	case !known:
		return violate("IX5", reportProvision, "Velg hva meldingen gjelder.")
	case blank(summary):
		return violate("IX5", reportProvision, "Skriv hva meldingen gjelder, slik at enheten kan følge den opp.")
	}
	return nil
}

// ExemptionGround is why a document is exempt from the convict's access
// (IX7, strgjfl § 7 letter c).
type ExemptionGround string

const (
	OtherPersonGround   ExemptionGround = "OTHER_PERSON"  // regard for another person
	SecurityGround      ExemptionGround = "SECURITY"      // security
	InvestigationGround ExemptionGround = "INVESTIGATION" // regard for an investigation
)

// Values lists the grounds.
func (ExemptionGround) Values() []string {
	return []string{string(OtherPersonGround), string(SecurityGround), string(InvestigationGround)}
}

// Name is the ground as the provision says it.
func (g ExemptionGround) Name() string {
	switch g {
	case OtherPersonGround:
		return "av hensyn til en annen person"
	case SecurityGround:
		return "av sikkerhetsmessige grunner"
	case InvestigationGround:
		return "av hensyn til etterforskning"
	}
	return string(g)
}

// CheckExemption: a document is marked as exempt from the convict's access
// only on a ground of strgjfl § 7 letter c, with the reasoning recorded
// (IX7).
func CheckExemption(ground ExemptionGround, reasoning string) error {
	known := false
	for _, g := range ground.Values() {
		known = known || g == string(ground)
	}
	switch {
	case !known:
		return violate("IX7", accessProvision, "Velg grunnlaget for unntak fra innsyn: hensyn til en annen person, sikkerhet eller etterforskning.")
	case blank(reasoning):
		return violate("IX7", accessProvision, "Begrunn hvorfor dokumentet unntas fra domfeltes innsyn.")
	}
	return nil
}

// VisibleToConvict: a document marked as exempt is withheld from the
// convict — and from the convict's lawyer, who is treated as the convict —
// wherever the convict's documents are listed or exported (IX7). A decision
// may leave out reasons that would reveal what is withheld (§ 7 letter d).
func VisibleToConvict(exempt bool) bool { return !exempt }

// ExemptionNotice is what the convict is told of withheld documents: how
// many, and under which provision, never what they are (IX7).
func ExemptionNotice(withheld int) string {
	if withheld == 0 {
		return ""
	}
	doc := "dokumenter"
	if withheld == 1 {
		doc = "dokument"
	}
	return fmt.Sprintf("%d %s er unntatt fra innsyn etter %s.", withheld, doc, accessProvision)
}

// UnverifiedRetentionMonths is how long unverified information is kept (IX8).
const UnverifiedRetentionMonths = 4

// PersonalDataRetentionYears is how long after the sentence ended a
// convict's personal data may be kept at the latest (IX8).
const PersonalDataRetentionYears = 10

// UnverifiedExpiresOn is the day unverified information recorded at
// recorded is deleted: 4 months later, in Norwegian dates (IX8).
func UnverifiedExpiresOn(recorded time.Time) time.Time {
	return addMonthsClamped(DateOf(recorded), UnverifiedRetentionMonths)
}

// PersonalDataExpiresOn is the day a convict's personal data is deleted at
// the latest: 10 years after the sentence ended (IX8).
func PersonalDataExpiresOn(sentenceEnded time.Time) time.Time {
	return addMonthsClamped(DateOf(sentenceEnded), 12*PersonalDataRetentionYears)
}

// Expired reports whether data whose expiry day is expires is due for
// deletion at now (IX8): from the start of that day, Norwegian time.
func Expired(expires, now time.Time) bool { return !DateOf(now).Before(DateOf(expires)) }

// UnverifiedFate is what becomes of unverified information when its 4
// months have run (IX8, KO personal-data regulation §§ 4 and 6).
type UnverifiedFate int

const (
	// KeepUnverified: its 4 months have not run.
	KeepUnverified UnverifiedFate = iota
	// KeepVerified: it was verified, and is kept like any other information.
	KeepVerified
	// KeepForDecision: an individual decision rests on it (§ 6).
	KeepForDecision
	// DeleteUnverified: still unverified after 4 months, and nothing rests on it.
	DeleteUnverified
)

// UnverifiedFateOf decides what becomes of unverified information at now:
// information that is verified is kept; information an individual decision
// rests on is kept; what is still unverified after 4 months is deleted (IX8).
func UnverifiedFateOf(expires time.Time, verified bool, decisionBasis string, now time.Time) UnverifiedFate {
	switch {
	case verified:
		return KeepVerified
	case !Expired(expires, now):
		return KeepUnverified
	case !blank(decisionBasis):
		return KeepForDecision
	}
	return DeleteUnverified
}

// UnreviewedSentenceYears is how long a convict may go without a recorded
// sentence end and without anything recorded before the convict is listed
// for review (IX8): personal data is never kept silently for ever.
const UnreviewedSentenceYears = 2

// NeedsSentenceEndReview: a convict whose sentence end is not recorded, and
// about whom nothing has been recorded for two years, is listed for review
// — has the sentence ended? — instead of being kept silently (IX8).
func NeedsSentenceEndReview(sentenceEnded *time.Time, lastActivity, now time.Time) bool {
	return sentenceEnded == nil && !DateOf(lastActivity).After(DateOf(now).AddDate(-UnreviewedSentenceYears, 0, 0))
}

// CheckVerification: unverified information is verified with a record of
// how (IX8); information that was never unverified, or is verified already,
// has nothing to verify.
func CheckVerification(unverified, verified bool, how string) error {
	switch {
	case !unverified:
		return violate("IX8", retentionProvision, "Opplysningene er ikke registrert som ubekreftede.")
	case verified:
		return violate("IX8", retentionProvision, "Opplysningene er allerede bekreftet.")
	case blank(how):
		return violate("IX8", retentionProvision, "Skriv hvordan opplysningene ble bekreftet, og av hvem.").On("verification")
	}
	return nil
}

// RetentionRule is the rule ID and provision that deletion follows (IX8).
func RetentionRule() (string, string) { return "IX8", retentionProvision }

// addMonthsClamped adds months to a date, keeping to the last day of a
// shorter month (31 October + 4 months is 28 or 29 February, not 3 March).
func addMonthsClamped(d time.Time, months int) time.Time {
	y, m, day := d.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(day, last), 0, 0, 0, 0, time.UTC)
}
