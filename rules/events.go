package rules

// EventKind is the kind of custody event (utgang mv.) a caseworker registers.
// Only the kinds listed in EV1 may be notified; the others exist so that a
// caseworker who registers one gets the reason it is refused (EV2, EV3).
type EventKind string

const (
	// ServingOutsidePrison is straffegjennomføring utenfor fengsel (strgjfl § 16).
	ServingOutsidePrison EventKind = "SERVING_OUTSIDE_PRISON"
	// ElectronicMonitoring is gjennomføring med elektronisk kontroll (strgjfl § 16 a).
	ElectronicMonitoring EventKind = "ELECTRONIC_MONITORING"
	// DayRelease is frigang (strgjfl § 20).
	DayRelease EventKind = "DAY_RELEASE"
	// Leave is permisjon (strgjfl § 36), also leave from an institution under § 12 (EV5).
	Leave EventKind = "LEAVE"
	// Interruption is straffavbrudd (strgjfl § 36).
	Interruption EventKind = "INTERRUPTION"
	// Escape is unndragelse from imprisonment or forvaring (strgjfl § 40).
	Escape EventKind = "ESCAPE"
	// Release is løslatelse at full term or prøveløslatelse (strgjfl § 42).
	Release EventKind = "RELEASE"
	// ParoleFromPreventiveDetention is prøveløslatelse fra forvaring (straffeloven § 45).
	ParoleFromPreventiveDetention EventKind = "PAROLE_FROM_PREVENTIVE_DETENTION"
	// ResidenceChangeOnParole is a paroled convict's change of residence while
	// the reporting duty (møteplikt) lasts (strgjfl § 42 sixth paragraph).
	ResidenceChangeOnParole EventKind = "RESIDENCE_CHANGE_ON_PAROLE"

	// The kinds below are never notifiable (EV2, EV3).

	// EscortedAppearance is fremstilling.
	EscortedAppearance EventKind = "ESCORTED_APPEARANCE"
	// HospitalAdmission is sykehusinnleggelse.
	HospitalAdmission EventKind = "HOSPITAL_ADMISSION"
	// InstitutionStay is institusjonsopphold as such (strgjfl § 12); leaves from
	// the institution are Leave events (EV5).
	InstitutionStay EventKind = "INSTITUTION_STAY"
	// TransferToOtherPrison is overføring til annet fengsel.
	TransferToOtherPrison EventKind = "TRANSFER_TO_OTHER_PRISON"
	// SentenceTransferAbroad is soningsoverføring.
	SentenceTransferAbroad EventKind = "SENTENCE_TRANSFER_ABROAD"
	// ReleaseAtTimeFrameEnd is løslatelse ved tidsrammens utløp from forvaring (EV3).
	ReleaseAtTimeFrameEnd EventKind = "RELEASE_AT_TIME_FRAME_END"
	// OtherEvent is anything else that happens to a convict.
	OtherEvent EventKind = "OTHER"
)

// Values lists every event kind, notifiable first.
func (EventKind) Values() []string {
	return []string{
		string(ServingOutsidePrison), string(ElectronicMonitoring), string(DayRelease),
		string(Leave), string(Interruption), string(Escape), string(Release),
		string(ParoleFromPreventiveDetention), string(ResidenceChangeOnParole),
		string(EscortedAppearance), string(HospitalAdmission), string(InstitutionStay),
		string(TransferToOtherPrison), string(SentenceTransferAbroad),
		string(ReleaseAtTimeFrameEnd), string(OtherEvent),
	}
}

// Level is a level of the correctional service: a local unit (prison or
// probation office), a region, or the directorate (KDI).
type Level string

const (
	LocalLevel       Level = "LOCAL"
	RegionLevel      Level = "REGION"
	DirectorateLevel Level = "DIRECTORATE"
)

// Values lists the levels from the bottom up.
func (Level) Values() []string {
	return []string{string(LocalLevel), string(RegionLevel), string(DirectorateLevel)}
}
