package rules

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
