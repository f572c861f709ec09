package rules

import "time"

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
	// ResidenceChangeOnParole is a paroled convict's change of residence
	// during the probation period (prøvetiden), strgjfl § 42 sixth paragraph
	// second sentence.
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

// Provisions cited for events. The law's own cross-references in § 7 b are
// out of date; these are the current paragraphs (see ../shared/law/README.md).
const (
	section7b                 = "straffegjennomføringsloven § 7 b"
	preventiveDetentionParole = "straffeloven § 45 syvende ledd"
	residenceChangeProvision  = "straffegjennomføringsloven § 42 sjette ledd annet punktum"
	institutionProvision      = "straffegjennomføringsloven § 12, jf. § 36 tredje ledd"
)

// legalBasis is the provision that allows notifying each notifiable kind (EV1).
var legalBasis = map[EventKind]string{
	ServingOutsidePrison:          "straffegjennomføringsloven § 16 sjette ledd",
	ElectronicMonitoring:          "straffegjennomføringsloven § 16 a tredje ledd, jf. § 16 sjette ledd",
	DayRelease:                    "straffegjennomføringsloven § 20 tredje ledd",
	Leave:                         "straffegjennomføringsloven § 36 tredje ledd",
	Interruption:                  "straffegjennomføringsloven § 36 tredje ledd",
	Escape:                        "straffegjennomføringsloven § 40 siste ledd",
	Release:                       "straffegjennomføringsloven § 42 sjette og syvende ledd",
	ParoleFromPreventiveDetention: preventiveDetentionParole,
	ResidenceChangeOnParole:       residenceChangeProvision,
}

// eventNames are the Norwegian names of the event kinds, for messages and letters.
var eventNames = map[EventKind]string{
	ServingOutsidePrison:          "straffegjennomføring utenfor fengsel",
	ElectronicMonitoring:          "straffegjennomføring med elektronisk kontroll",
	DayRelease:                    "frigang",
	Leave:                         "permisjon",
	Interruption:                  "straffavbrudd",
	Escape:                        "unndragelse",
	Release:                       "løslatelse",
	ParoleFromPreventiveDetention: "prøveløslatelse fra forvaring",
	ResidenceChangeOnParole:       "endring av bosted i prøvetiden",
	EscortedAppearance:            "fremstilling",
	HospitalAdmission:             "sykehusinnleggelse",
	InstitutionStay:               "institusjonsopphold",
	TransferToOtherPrison:         "overføring til annet fengsel",
	SentenceTransferAbroad:        "soningsoverføring",
	ReleaseAtTimeFrameEnd:         "løslatelse ved tidsrammens utløp",
	OtherEvent:                    "denne hendelsen",
}

// Name returns the kind's Norwegian name, e.g. "permisjon".
func (k EventKind) Name() string {
	if n, ok := eventNames[k]; ok {
		return n
	}
	return string(k)
}

// LegalBasis returns the provision that allows notifying the kind (EV1), or
// "" if it is not notifiable.
func LegalBasis(k EventKind) string { return legalBasis[k] }

// NotifiedInAdvance reports whether notices of the kind are given before
// the event (all but an escape, which is notified as soon as possible after).
func NotifiedInAdvance(k EventKind) bool { return k != Escape }

// EventFacts is what the event rules need to know.
type EventFacts struct {
	Kind     EventKind
	StartsAt time.Time
	EndsAt   *time.Time
	// DateOnly: the time is a date, without the time of day.
	DateOnly bool
	// ServingPreventiveDetention: the convict serves forvaring.
	ServingPreventiveDetention bool
	// ProbationEndsOn is the last day of the probation period (prøvetiden)
	// after parole, for a residence change (EV1).
	ProbationEndsOn *time.Time
	// FullTermRelease: a release at the end of the sentence, not parole.
	FullTermRelease bool
	// FromInstitution: a leave from a stay in an institution under § 12 (EV5).
	FromInstitution bool
	// InstitutionNotifies: the grant of that stay decided that leaves from it
	// are notified (EV5).
	InstitutionNotifies bool
}

// CheckEvent decides whether a custody event may be notified, and returns
// the provision that allows it (EV1–EV6). now is the time of registration.
func CheckEvent(e EventFacts, now time.Time) (string, error) {
	switch {
	case e.Kind == ReleaseAtTimeFrameEnd:
		return "", violate("EV3", preventiveDetentionParole,
			"Løslatelse fordi tidsrammen for forvaringen er utløpt, gir ikke rett til varsel. Straffeloven § 45 syvende ledd gjelder bare prøveløslatelse fra forvaring.")
	case e.Kind == InstitutionStay:
		return "", violate("EV2", section7b,
			"Et institusjonsopphold etter § 12 varsles ikke i seg selv. Registrer heller opphold med vedtak om varsling, og hver permisjon fra institusjonen som en permisjon.")
	case legalBasis[e.Kind] == "":
		return "", violate("EV2", section7b,
			"Det er ikke hjemmel for å varsle om %s. Bare straffegjennomføring utenfor fengsel, elektronisk kontroll, frigang, permisjon, straffavbrudd, unndragelse, løslatelse og prøveløslatelse fra forvaring kan varsles.",
			e.Kind.Name())
	case e.Kind == ResidenceChangeOnParole && e.ServingPreventiveDetention:
		return "", violate("EV4", preventiveDetentionParole,
			"Endring av bosted kan ikke varsles ved prøveløslatelse fra forvaring.")
	case e.Kind == ResidenceChangeOnParole && e.ProbationEndsOn == nil:
		return "", violate("EV1", residenceChangeProvision,
			"Endring av bosted kan bare varsles i prøvetiden. Oppgi når prøvetiden slutter.").On("probationEndsOn")
	case e.Kind == ResidenceChangeOnParole && DateOf(e.StartsAt).After(*e.ProbationEndsOn):
		return "", violate("EV1", residenceChangeProvision,
			"Bostedsendringen skjer etter at prøvetiden er slutt, og kan ikke varsles.").On("startsAt")
	case e.Kind == ParoleFromPreventiveDetention && !e.ServingPreventiveDetention:
		return "", violate("EV1", preventiveDetentionParole,
			"Domfelte soner ikke forvaring. Bruk løslatelse for prøveløslatelse fra fengselsstraff.")
	case e.Kind == Release && e.ServingPreventiveDetention && e.FullTermRelease:
		return "", violate("EV3", preventiveDetentionParole,
			"Domfelte soner forvaring. Løslatelse fordi tidsrammen er utløpt, gir ikke rett til varsel; straffeloven § 45 syvende ledd gjelder bare prøveløslatelse fra forvaring.")
	case e.Kind == Release && e.ServingPreventiveDetention:
		return "", violate("EV1", preventiveDetentionParole,
			"Domfelte soner forvaring. Prøveløslatelse fra forvaring registreres som det, etter straffeloven § 45 syvende ledd.")
	case e.FromInstitution && e.Kind != Leave:
		return "", violate("EV5", institutionProvision, "Fra et institusjonsopphold er det permisjoner som varsles.")
	case e.FromInstitution && !e.InstitutionNotifies:
		return "", violate("EV5", institutionProvision,
			"Vedtaket om institusjonsoppholdet sier ikke at det skal varsles ved utganger. Vurder varsling ved innvilgelsen av oppholdet først.")
	}
	return legalBasis[e.Kind], checkEventTime(e, now)
}

// checkEventTime: an event has a time — a date, a date and time, or a time
// frame — and an escape has the time it happened (EV6).
func checkEventTime(e EventFacts, now time.Time) error {
	switch {
	case e.StartsAt.IsZero():
		return violate("EV6", section7b, "Oppgi tidspunktet for %s.", e.Kind.Name())
	case e.EndsAt != nil && e.EndsAt.Before(e.StartsAt):
		return violate("EV6", section7b, "Tidsrommet slutter før det begynner.")
	case e.Kind == Escape && e.StartsAt.After(now):
		return violate("EV6", legalBasis[Escape], "En unndragelse registreres med tidspunktet den skjedde, som ikke kan være i fremtiden.")
	case e.Kind != Escape && DateOf(e.StartsAt).Before(DateOf(now)):
		return violate("EV6", legalBasis[e.Kind], "Varsel om %s gis på forhånd, men tidspunktet har passert.", e.Kind.Name())
	}
	return nil
}

// ConvictProfile is what decides the level of a convict's decisions (DC2).
type ConvictProfile struct {
	SentenceOverTenYears       bool // idømt fengselsstraff på mer enn ti år
	ServingPreventiveDetention bool // idømt forvaring
	HighSecurityUnit           bool // innsatt i avdeling med særlig høyt sikkerhetsnivå
}

// decidingLevelProvision is where DC2 comes from.
const decidingLevelProvision = "straffegjennomføringsloven § 6 annet ledd"

// DecidingLevel returns the level that decides the event and so the
// notification (DC2): the region for convicts serving more than ten years,
// serving forvaring, or held in a unit with especially high security, except
// for an escape; otherwise the local unit. The local unit always carries out
// the notification.
func DecidingLevel(kind EventKind, p ConvictProfile) Level {
	if kind != Escape && (p.SentenceOverTenYears || p.ServingPreventiveDetention || p.HighSecurityUnit) {
		return RegionLevel
	}
	return LocalLevel
}

// CheckDecider refuses a decision made at any level but the deciding one (DC2).
func CheckDecider(required, decider Level) error {
	if required == decider {
		return nil
	}
	if required == RegionLevel {
		return violate("DC2", decidingLevelProvision,
			"Vedtaket treffes på regionalt nivå fordi domfelte soner mer enn ti år, soner forvaring eller sitter i avdeling med særlig høyt sikkerhetsnivå.")
	}
	return violate("DC2", decidingLevelProvision, "Vedtaket treffes på lokalt nivå, der vedtaket om utgangen treffes.")
}

// appealProvision is where DC7 comes from.
const appealProvision = "forvaltningsloven § 28 første ledd"

// AppealLevel returns the level that decides an appeal against a decision
// made at the given level: the next level up (DC7).
func AppealLevel(decided Level) (Level, error) {
	switch decided {
	case LocalLevel:
		return RegionLevel, nil
	case RegionLevel:
		return DirectorateLevel, nil
	}
	return "", violate("DC7", appealProvision, "Et vedtak fattet av direktoratet kan ikke klages inn for kriminalomsorgen.")
}

// CheckAppealDecider refuses an appeal decided by anyone but the next level up (DC7).
func CheckAppealDecider(decided, decider Level) error {
	want, err := AppealLevel(decided)
	if err != nil {
		return err
	}
	if decider != want {
		return violate("DC7", appealProvision, "Klagen avgjøres av nivået over det som fattet vedtaket.")
	}
	return nil
}

// EventKindInfo is what a caseworker is told of a kind of event before
// registering one: whether it may be notified, under which provision, and
// when not, the refusal registering it would give (EV1–EV3).
type EventKindInfo struct {
	Kind EventKind
	// Name is the Norwegian name, e.g. "permisjon".
	Name string
	// LegalBasis is the provision that allows notifying it (EV1); nil when
	// it may not be notified.
	LegalBasis *string
	// NotifiedInAdvance is false for an escape, notified as soon as possible
	// after it happened (NT2).
	NotifiedInAdvance bool
	// Refusal is why it may not be notified (EV2, EV3).
	Refusal *Violation
}

// Notifiable reports whether events of the kind may be notified (EV1).
func (i EventKindInfo) Notifiable() bool { return i.LegalBasis != nil }

// EventKinds describes every event kind, notifiable first, so that a form can
// explain a kind that may not be notified instead of just refusing it. The
// refusal is the one CheckEvent gives; whether a notifiable kind fits a
// particular convict (forvaring, the reporting duty) is for CheckEvent.
func EventKinds() []*EventKindInfo {
	kinds := EventKind("").Values()
	out := make([]*EventKindInfo, len(kinds))
	for i, s := range kinds {
		k := EventKind(s)
		info := EventKindInfo{Kind: k, Name: k.Name(), NotifiedInAdvance: NotifiedInAdvance(k)}
		if basis, ok := legalBasis[k]; ok {
			info.LegalBasis = &basis
		} else {
			// A refused kind is refused before its time is looked at.
			_, err := CheckEvent(EventFacts{Kind: k}, time.Time{})
			info.Refusal, _ = err.(*Violation)
		}
		out[i] = &info
	}
	return out
}
