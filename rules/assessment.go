package rules

import "strings"

// Factors are the recorded parts of the concrete, discretionary assessment of
// whether a notice is "av betydning for" the recipient (AS3, guideline 7b.4).
// Each field is the caseworker's own words on that factor.
type Factors struct {
	// OffenceSeriousness: the kind and seriousness of the offence; violence,
	// sexual offences and threats weigh heavily.
	OffenceSeriousness string `json:"offenceSeriousness"`
	// NeedToPrepare: the recipient's need to prepare for meeting the convict.
	NeedToPrepare string `json:"needToPrepare"`
	// Relationship: the relationship between convict and recipient, then and now.
	Relationship string `json:"relationship"`
	// LikelihoodOfMeeting: how likely it is that they meet.
	LikelihoodOfMeeting string `json:"likelihoodOfMeeting"`
	// TimeAndPlace: the time and place of the event.
	TimeAndPlace string `json:"timeAndPlace"`
	// AddressesAndDistance: the addresses and the distance between them.
	AddressesAndDistance string `json:"addressesAndDistance"`
	// CourtReasoning: what the judgment's reasoning (domspremissene) says.
	CourtReasoning string `json:"courtReasoning"`
	// Other: anything else relevant.
	Other string `json:"other"`
	// MinorRecipient: the particularly careful assessment required when the
	// recipient is under 18, also for less serious offences (AS4).
	MinorRecipient string `json:"minorRecipient"`
}

// Provisions cited for assessments.
const (
	securityGuideline     = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.3"
	significanceGuideline = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.4"
	procedureGuideline    = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5"
	informationProvision  = "forvaltningsloven § 13 b første ledd nr. 5"
)

// SecurityOutcome is where the security assessment of an event stands (AS2).
type SecurityOutcome string

const (
	NoRisk         SecurityOutcome = "NO_RISK"         // notifying does not endanger the convict
	AwaitingPolice SecurityOutcome = "AWAITING_POLICE" // a possible risk: the police are asked for a statement
	RiskConfirmed  SecurityOutcome = "RISK_CONFIRMED"  // no notice is given
	RiskRuledOut   SecurityOutcome = "RISK_RULED_OUT"  // the police found no risk
	RiskLifted     SecurityOutcome = "RISK_LIFTED"     // a decision maker's reasoned finding lifted a risk or an awaited statement
)

// SecurityOutcomeFor is the outcome of a caseworker's security assessment:
// a possible risk of revenge or similar asks the police (AS2).
func SecurityOutcomeFor(possibleRevengeRisk bool) SecurityOutcome {
	if possibleRevengeRisk {
		return AwaitingPolice
	}
	return NoRisk
}

// CheckPoliceAsked: when there may be a risk of revenge or similar, the
// police are asked for a statement, so the assessment names the police
// district to ask (AS2).
func CheckPoliceAsked(possibleRevengeRisk, districtGiven bool) error {
	if possibleRevengeRisk && !districtGiven {
		return violate("AS2", securityGuideline, "Det kan være fare for hevnaksjoner. Politiet skal da uttale seg: oppgi politidistriktet.")
	}
	return nil
}

// SecurityOutcomeAfterPolice is the outcome once the police have given their
// statement: a confirmed risk means no notice (AS2).
func SecurityOutcomeAfterPolice(riskConfirmed bool) SecurityOutcome {
	if riskConfirmed {
		return RiskConfirmed
	}
	return RiskRuledOut
}

// CheckSecurityReasoning: the security assessment is recorded and stays with
// the case (AS2).
func CheckSecurityReasoning(reasoning string) error {
	if blank(reasoning) {
		return violate("AS2", securityGuideline, "Skriv den sikkerhetsmessige vurderingen: kan varsling få betydning for domfeltes sikkerhet?")
	}
	return nil
}

// Significance is a recorded assessment of whether a notice matters to one
// potential recipient (AS3–AS5).
type Significance struct {
	Notify    bool
	Factors   Factors
	Reasoning string
	// RecipientMinor: the recipient is under 18 on the date of the assessment.
	RecipientMinor bool
}

// CheckSignificance: "av betydning for" is a concrete, discretionary
// assessment, not a rule by offence type. It records the kind and
// seriousness of the offence, the recipient's need to prepare, the
// relationship between convict and recipient, and how likely they are to
// meet, with the reasoning (AS3); for a recipient under 18 also the
// particularly careful assessment (AS4). A decision not to notify is recorded
// with its reasons like any other (AS5).
func CheckSignificance(s Significance) error {
	var missing []string
	for _, f := range []struct{ value, name string }{
		{s.Factors.OffenceSeriousness, "lovbruddets art og alvorlighet"},
		{s.Factors.NeedToPrepare, "mottakerens behov for å forberede seg"},
		{s.Factors.Relationship, "forholdet mellom domfelte og mottakeren"},
		{s.Factors.LikelihoodOfMeeting, "sannsynligheten for at de møtes"},
	} {
		if blank(f.value) {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return violate("AS3", significanceGuideline, "Vurderingen må ta stilling til %s.", strings.Join(missing, ", "))
	}
	if s.RecipientMinor && blank(s.Factors.MinorRecipient) {
		return violate("AS4", significanceGuideline,
			"Mottakeren er under 18 år. Varsling skal vurderes særlig nøye, også ved mindre alvorlige lovbrudd; skriv denne vurderingen.")
	}
	if blank(s.Reasoning) {
		rule := "AS3"
		if !s.Notify {
			rule = "AS5"
		}
		return violate(rule, significanceGuideline, "Skriv begrunnelsen for konklusjonen. Den følger saken (notoritet).")
	}
	return nil
}

// InformationSource is whom the correctional service asks for information
// before deciding on a notice (AS6).
type InformationSource string

const (
	PoliceSource         InformationSource = "POLICE"
	SocialServicesSource InformationSource = "SOCIAL_SERVICES"
	ChildWelfareSource   InformationSource = "CHILD_WELFARE"
	OtherAgencySource    InformationSource = "OTHER_AGENCY"
	// RecipientSource is the victim or survivor, who must not be asked (AS7).
	RecipientSource InformationSource = "RECIPIENT"
)

// Values lists the sources, the lawful ones first.
func (InformationSource) Values() []string {
	return []string{string(PoliceSource), string(SocialServicesSource), string(ChildWelfareSource),
		string(OtherAgencySource), string(RecipientSource)}
}

// CheckInformationRequest: information may be gathered from the police,
// social services and child welfare, with a stated purpose, in good time
// before a notice (AS6); the recipient is not asked for their views before the
// decision, and not contacted at all until it is final that a notice will be
// given (AS7).
func CheckInformationRequest(source InformationSource, purpose string) error {
	if source == RecipientSource {
		return violate("AS7", procedureGuideline,
			"Fornærmede eller etterlatte skal ikke kontaktes eller bes om uttalelse før det er endelig bestemt at varsel skal gis.")
	}
	if blank(purpose) {
		return violate("AS6", informationProvision, "Oppgi formålet med forespørselen. Den logges med dato, kilde og formål.")
	}
	return nil
}

// AssessmentRequired: before each event a concrete assessment is made for
// each potential recipient, unless a recorded agreement says one notice
// covers it (AS1, RC10).
func AssessmentRequired(agreement *AgreementFrequency, noticesSent int) bool {
	return agreement == nil || !AgreementSettled(*agreement, noticesSent)
}

// Values lists the security outcomes.
func (SecurityOutcome) Values() []string {
	return []string{string(NoRisk), string(AwaitingPolice), string(RiskConfirmed), string(RiskRuledOut), string(RiskLifted)}
}
