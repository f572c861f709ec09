package rules

import (
	"regexp"
	"strings"
	"time"
)

// ConditionKind is a kind of condition (vilkår) set for a custody event. Only
// conditions that directly concern the recipient go into a notice (NT3).
type ConditionKind string

const (
	// Residence is a condition on where the convict lives or stays (oppholdssted),
	// strgjfl § 16 third paragraph letter d, § 36 second paragraph, § 43 second
	// paragraph letter d. Given as an area only (NT4).
	Residence ConditionKind = "RESIDENCE"
	// NoContact is a ban on contact with named persons (samkvemsforbud),
	// strgjfl § 16 third paragraph letter e, § 43 second paragraph letter e.
	NoContact ConditionKind = "NO_CONTACT"
	// WorkOrTraining is a condition on work or training, notified on parole
	// (strgjfl § 43 second paragraph letter d).
	WorkOrTraining ConditionKind = "WORK_OR_TRAINING"
	// Statutory is another condition set under law or regulation, notified on
	// parole from forvaring (straffeloven § 45).
	Statutory ConditionKind = "STATUTORY"
	// OtherCondition is any other condition; it is never part of a notice.
	OtherCondition ConditionKind = "OTHER"
)

// Values lists the condition kinds.
func (ConditionKind) Values() []string {
	return []string{string(Residence), string(NoContact), string(WorkOrTraining),
		string(Statutory), string(OtherCondition)}
}

// AreaLevel is how precisely a residence condition is given to a recipient:
// never more precise than a town or municipality (NT4).
type AreaLevel string

const (
	Municipality AreaLevel = "MUNICIPALITY" // kommune
	Town         AreaLevel = "TOWN"         // by
	RegionArea   AreaLevel = "REGION"       // landsdel
)

// Values lists the area levels.
func (AreaLevel) Values() []string {
	return []string{string(Municipality), string(Town), string(RegionArea)}
}

// Channel is how a notice reaches its recipient (NT1). There is no SMS or
// e-mail channel, and none can be added by configuration.
type Channel string

const (
	Letter    Channel = "LETTER"     // brev by post
	Digipost  Channel = "DIGIPOST"   // the public digital mailbox
	Phone     Channel = "PHONE"      // only exceptionally; documented in writing afterwards
	ViaPolice Channel = "VIA_POLICE" // the police deliver (RC9)
)

// Values lists the lawful channels.
func (Channel) Values() []string {
	return []string{string(Letter), string(Digipost), string(Phone), string(ViaPolice)}
}

// NoticeContent is what a notice tells its recipient (NT3–NT5), decided when
// the notice is prepared and kept unchanged with it.
type NoticeContent struct {
	EventKind  EventKind  `json:"eventKind"`
	LegalBasis string     `json:"legalBasis"`
	StartsAt   time.Time  `json:"startsAt"`
	EndsAt     *time.Time `json:"endsAt,omitempty"`
	DateOnly   bool       `json:"dateOnly"`
	// Conditions are only those that directly concern this recipient, a
	// residence given as an area (NT3, NT4).
	Conditions []NoticeCondition `json:"conditions"`
	// MayReserve: further notices may follow, so the letter says the recipient
	// can reserve against them (NT5).
	MayReserve bool `json:"mayReserve"`
}

// NoticeCondition is a condition as a recipient reads it in a notice.
type NoticeCondition struct {
	Kind        ConditionKind `json:"kind"`
	Area        string        `json:"area,omitempty"`
	AreaLevel   *AreaLevel    `json:"areaLevel,omitempty"`
	Description string        `json:"description,omitempty"`
}

// Provisions cited for notices.
const (
	channelGuideline = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5"
	contentGuideline = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.6"
)

// ParseChannel reads a channel name. Letter, Digipost, telephone
// (exceptionally) and delivery by the police are lawful; SMS, e-mail and other
// electronic messages are never used, whatever the recipient agrees to (NT1).
func ParseChannel(s string) (Channel, error) {
	c := Channel(strings.ToUpper(strings.TrimSpace(s)))
	switch c {
	case Letter, Digipost, Phone, ViaPolice:
		return c, nil
	}
	return "", violate("NT1", channelGuideline,
		"Varsel gis som brev eller via Digipost (unntaksvis per telefon, eller ved politiet). SMS, e-post og lignende elektroniske meldinger skal ikke brukes, uansett samtykke.")
}

var (
	emailLike = regexp.MustCompile(`\S+@\S+\.\S+`)
	phoneLike = regexp.MustCompile(`^\+?[\d\s().-]{8,}$`)
)

// CheckPostalAddress refuses an e-mail address or a telephone number given
// as where a written notice goes: a letter goes to a postal address (NT1).
func CheckPostalAddress(line string) error {
	line = strings.TrimSpace(line)
	if emailLike.MatchString(line) || phoneLike.MatchString(line) {
		return violate("NT1", channelGuideline,
			"Varsel sendes ikke til e-postadresse eller telefonnummer. Oppgi en postadresse.")
	}
	return nil
}

// conditionBases are the provisions under which a condition is part of the
// notice, per event kind (NT3): residence and no contact where set (strgjfl
// § 16 third paragraph letters d–e, § 36 second paragraph letters f–g, § 43
// second paragraph letters d–e); for parole also work or training; for parole
// from forvaring every condition set under law or regulation.
var conditionBases = map[EventKind]map[ConditionKind]string{
	ServingOutsidePrison: {
		Residence: "straffegjennomføringsloven § 16 tredje ledd bokstav d",
		NoContact: "straffegjennomføringsloven § 16 tredje ledd bokstav e",
	},
	ElectronicMonitoring: {
		Residence: "straffegjennomføringsloven § 16 tredje ledd bokstav d, jf. § 16 a",
		NoContact: "straffegjennomføringsloven § 16 tredje ledd bokstav e, jf. § 16 a",
	},
	Leave: {
		Residence: "straffegjennomføringsloven § 36 annet ledd bokstav f",
		NoContact: "straffegjennomføringsloven § 36 annet ledd bokstav g",
	},
	Interruption: {
		Residence: "straffegjennomføringsloven § 36 annet ledd bokstav f",
		NoContact: "straffegjennomføringsloven § 36 annet ledd bokstav g",
	},
	Release: {
		Residence:      "straffegjennomføringsloven § 43 annet ledd bokstav d",
		NoContact:      "straffegjennomføringsloven § 43 annet ledd bokstav e",
		WorkOrTraining: "straffegjennomføringsloven § 43 annet ledd bokstav d",
	},
	ResidenceChangeOnParole: {
		Residence:      "straffegjennomføringsloven § 43 annet ledd bokstav d",
		NoContact:      "straffegjennomføringsloven § 43 annet ledd bokstav e",
		WorkOrTraining: "straffegjennomføringsloven § 43 annet ledd bokstav d",
	},
	ParoleFromPreventiveDetention: {
		Residence:      preventiveDetentionParole,
		NoContact:      preventiveDetentionParole,
		WorkOrTraining: preventiveDetentionParole,
		Statutory:      preventiveDetentionParole,
	},
}

// ConditionBasis returns the provision under which a condition of the kind
// goes into a notice of the event, or "" when it never does (NT3).
func ConditionBasis(kind ConditionKind, event EventKind) string {
	return conditionBases[event][kind]
}

// areaWords are words that make a place an address or more precise than a
// town (street, road, square …, in Bokmål and Nynorsk).
var areaWords = regexp.MustCompile(`(?i)(gate|gata|gaten|veg|vei|veien|vegen|allé|alle|plass|plassen|stien|svingen|bakken|terrasse|boks|gnr|bnr|leilighet|oppgang)\b`)

// CheckResidenceArea: a residence condition is given only as municipality,
// town or region — never an address or anything that identifies one (NT4).
func CheckResidenceArea(area string, level *AreaLevel) error {
	area = strings.TrimSpace(area)
	switch {
	case area == "" || level == nil:
		return violate("NT4", contentGuideline, "Oppgi oppholdsstedet som kommune, by eller landsdel, og hvilket av dem det er.")
	case strings.ContainsAny(area, "0123456789") || areaWords.MatchString(area):
		return violate("NT4", contentGuideline,
			"Oppholdssted gis bare som kommune, by eller landsdel, aldri som adresse eller noe som identifiserer en adresse.")
	}
	return nil
}

// FurtherNoticesMayFollow reports whether more notices may come after this
// one, so that the letter must say the recipient can reserve against them
// (NT5): after a release at full term the sentence is over; after anything
// else another event may follow.
func FurtherNoticesMayFollow(kind EventKind, fullTermRelease bool) bool {
	return !(kind == Release && fullTermRelease)
}

// ConditionFacts is a condition of an event as the content rules see it.
type ConditionFacts struct {
	Kind        ConditionKind
	Area        string
	AreaLevel   *AreaLevel
	Description string
	// ConcernsRecipient: the condition directly concerns this recipient.
	ConcernsRecipient bool
}

// NoticeContentFor builds what a notice tells its recipient (NT3–NT5): the
// time of the event (for an escape, that it happened and when), the
// conditions that directly concern the recipient and that the law lets the
// notice carry — a residence as an area only — and whether the recipient may
// reserve against further notices.
func NoticeContentFor(e EventFacts, fullTermRelease bool, conditions []ConditionFacts) NoticeContent {
	c := NoticeContent{
		EventKind:  e.Kind,
		LegalBasis: legalBasis[e.Kind],
		StartsAt:   e.StartsAt,
		EndsAt:     e.EndsAt,
		DateOnly:   e.DateOnly,
		MayReserve: FurtherNoticesMayFollow(e.Kind, fullTermRelease),
		Conditions: []NoticeCondition{},
	}
	for _, cond := range conditions {
		if !cond.ConcernsRecipient || ConditionBasis(cond.Kind, e.Kind) == "" {
			continue
		}
		nc := NoticeCondition{Kind: cond.Kind, Description: cond.Description}
		if cond.Kind == Residence {
			nc.Area, nc.AreaLevel = cond.Area, cond.AreaLevel
		}
		c.Conditions = append(c.Conditions, nc)
	}
	return c
}

// LetterStandard is the written standard a recipient's letters are in:
// Bokmål by default, Nynorsk on request, English as a courtesy (NT7).
func LetterStandard(requested WrittenStandard) WrittenStandard {
	switch requested {
	case Nynorsk, English:
		return requested
	}
	return Bokmal
}
