package rules

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
