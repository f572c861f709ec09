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

// CaseChange is a correction of a criminal case: its status and what it
// covers.
type CaseChange struct {
	// Was is the status as registered; Status the corrected one (nil:
	// unchanged).
	Was    CaseStatus
	Status *CaseStatus
	// Coverage: the offences or the court's reasoning change.
	Coverage bool
	// Offences are the offence categories given, nil when left out.
	Offences []OffenceCategory
	// Purged: the case was deleted under the retention rules (IX8).
	Purged bool
	Reason string
}

// CheckCaseChange: a criminal case is corrected with the reason (NT8). A
// purged case is gone for good (IX8). A completed case is no longer served,
// and nobody is notified in it (RC1): it is changed only by correcting its
// status, when it was completed in error. A case covers at least one
// offence, which the assessment weighs (AS3).
func CheckCaseChange(c CaseChange) error {
	if c.Purged {
		return violate("IX8", provisionOf("IX8"),
			"Saken er slettet etter reglene om lagringstid: personopplysninger slettes senest ti år etter at straffen er gjennomført. Den kan ikke endres.")
	}
	if err := CheckChangeReason(c.Reason); err != nil {
		return err
	}
	if c.Status != nil && !knownCaseStatus(*c.Status) {
		return violate("RC1", recipientsGuideline, "Ukjent status for saken.").On("status")
	}
	stillCompleted := c.Status == nil || *c.Status == Completed
	if c.Was == Completed && stillCompleted {
		return violate("RC1", recipientsGuideline,
			"Saken er avsluttet: domfelte gjennomfører ikke lenger straffen i den, og ingen varsles i den. Den kan ikke endres. Er den avsluttet ved en feil, rett statusen først.").On("status")
	}
	if c.Offences != nil && len(c.Offences) == 0 {
		return violate("AS3", provisionOf("AS3"), "Oppgi minst ett lovbrudd saken gjelder. Arten og alvoret vektlegges i vurderingen.").On("offenceCategories")
	}
	if (c.Status == nil || *c.Status == c.Was) && !c.Coverage {
		return violate("NT8", changeProvision, "Ingenting er endret. Rett opplysningene som er feil, og prøv igjen.").On("status")
	}
	return nil
}

func knownCaseStatus(s CaseStatus) bool {
	for _, v := range s.Values() {
		if v == string(s) {
			return true
		}
	}
	return false
}
