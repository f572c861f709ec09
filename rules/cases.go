package rules

// OffenceCategory classifies the offences of a criminal case. Violence, sexual
// offences and threats weigh heavily in the assessment (AS3).
type OffenceCategory string

const (
	Violence     OffenceCategory = "VIOLENCE"
	Sexual       OffenceCategory = "SEXUAL"
	Threats      OffenceCategory = "THREATS"
	Homicide     OffenceCategory = "HOMICIDE"
	Property     OffenceCategory = "PROPERTY"
	Drugs        OffenceCategory = "DRUGS"
	OtherOffence OffenceCategory = "OTHER"
)

// Values lists the offence categories, the heavy ones first.
func (OffenceCategory) Values() []string {
	return []string{string(Violence), string(Sexual), string(Threats), string(Homicide),
		string(Property), string(Drugs), string(OtherOffence)}
}

// CaseStatus says whether the convict is serving the sentence of a criminal case.
type CaseStatus string

const (
	// Serving: the convict is serving this case's sentence (RC1).
	Serving CaseStatus = "SERVING"
	// LapsedByPreventiveDetention: the fixed-term sentence lapsed because
	// forvaring was imposed for new offences (straffeloven § 42, RC2).
	LapsedByPreventiveDetention CaseStatus = "LAPSED_BY_PREVENTIVE_DETENTION"
	// Completed: the sentence is served; its victims are no longer notified.
	Completed CaseStatus = "COMPLETED"
)

// Values lists the case statuses.
func (CaseStatus) Values() []string {
	return []string{string(Serving), string(LapsedByPreventiveDetention), string(Completed)}
}
