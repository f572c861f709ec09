package rules

import "time"

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
