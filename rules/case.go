package rules

import (
	"slices"
	"time"
)

// Case is what the lifecycle rules know of one custody event, the people it
// may be notified to and its notices, at one moment. The workflow reads it
// from the database before each transition, before each commit and before a
// notice leaves; the model-based test checks the same facts. Nothing in it is
// shown to anyone: it holds identity numbers only to keep the convict from
// ever being an addressee (RC7).
type Case struct {
	// Now is the moment the facts hold at.
	Now   time.Time
	Event CaseEvent
	// ConvictIdentityNumber is compared with addressees' (RC7).
	ConvictIdentityNumber string
	// Security holds the event's security records in any order (AS2).
	Security []SecurityRecord
	// Recipients are everyone a notice of the event may concern: victims and
	// survivors in the convict's cases (RC1–RC3).
	Recipients []CaseRecipient
	// Decision is the decision to notify in force, nil when there is none.
	Decision *CaseDecision
	// Overturned: a decision to notify was overturned on appeal (DC7) and no
	// other is in force.
	Overturned bool
	// Withdrawn: the unit withdrew its decision to notify (DC1) and no other
	// is in force: nobody is to be told of the event, and whoever was gets a
	// cancellation (NT8).
	Withdrawn bool
	// Notices are the event's notices, cancelled ones too.
	Notices []CaseNotice
}

// EventStatus is whether an event is still open.
type EventStatus string

const (
	EventOpen      EventStatus = "OPEN"
	EventClosed    EventStatus = "CLOSED"
	EventCancelled EventStatus = "CANCELLED"
	// EventInError was registered in error: it leaves every list and stays
	// in the history (NT8, PR3).
	EventInError EventStatus = "REGISTERED_IN_ERROR"
)

// CaseEvent is the custody event itself.
type CaseEvent struct {
	ID           int
	Kind         EventKind
	Status       EventStatus
	StartsAt     time.Time
	EndsAt       *time.Time
	DateOnly     bool
	RegisteredAt time.Time
}

// CaseRecipient is a victim or survivor a notice of the event may concern.
type CaseRecipient struct {
	Kind RecipientKind // VictimRecipient or SurvivorRecipient
	ID   int
	// Person is what the addressee rules need: birth date, guardianship and
	// identity number (RC5–RC7).
	Person Person
	// RegisteredAt is when the person was registered.
	RegisteredAt time.Time
	Protection   AddressProtection
	// StoredAddress is every address part stored for the person (I5, RC9).
	StoredAddress []string
	Guardians     []CaseGuardian
	// Required: the person must be assessed before the decision (AS1) — a
	// living victim of a case the convict serves, or a survivor of a deceased
	// one. A victim of a case that lapsed by forvaring may be assessed (RC2)
	// but is not required.
	Required bool
	// ReservedSince is when a reservation against notices that still stands
	// bound the service — when it was made, or when it was recorded if that
	// was later (RC10); nil when there is none.
	ReservedSince *time.Time
	// AgreementSettled: an agreement to be notified once is already met
	// (RC10), so no assessment is needed (AS1).
	AgreementSettled bool
	// Reservations are all the recipient's reservations, lifted ones too,
	// and Agreements all the agreements on how often to notify, with when
	// notices of other events reached the recipient (SentElsewhere): what
	// covered the recipient at an earlier moment (RC10), for the invariants.
	Reservations  []CaseReservation
	Agreements    []CaseAgreement
	SentElsewhere []time.Time
	// Assessment is the significance assessment for this event, nil when
	// none is recorded (AS1, AS3).
	Assessment *CaseAssessment
}

// CaseReservation is a reservation against notices (RC10).
type CaseReservation struct {
	// Since is when it bound the service: when it was made, or when it was
	// recorded if that was later.
	Since time.Time
	// LiftedAt is when it was lifted; nil while it stands.
	LiftedAt *time.Time
}

// CaseAgreement is an agreement on how often to notify (RC10).
type CaseAgreement struct {
	At        time.Time
	Frequency AgreementFrequency
}

// ReservedAt reports whether a reservation bound the service at the moment
// (RC10).
func (r CaseRecipient) ReservedAt(t time.Time) bool {
	if r.ReservedSince != nil && !r.ReservedSince.After(t) {
		return true
	}
	for _, res := range r.Reservations {
		if !res.Since.After(t) && (res.LiftedAt == nil || res.LiftedAt.After(t)) {
			return true
		}
	}
	return false
}

// AgreementSettledAt reports whether, at the moment, the latest agreement
// said one notice was enough and one had been given (RC10, AS1).
func (r CaseRecipient) AgreementSettledAt(t time.Time) bool {
	var latest *CaseAgreement
	for i, a := range r.Agreements {
		if !a.At.After(t) && (latest == nil || !a.At.Before(latest.At)) {
			latest = &r.Agreements[i]
		}
	}
	if latest == nil {
		return false
	}
	sent := 0
	for _, at := range r.SentElsewhere {
		if !at.After(t) {
			sent++
		}
	}
	return AgreementSettled(latest.Frequency, sent)
}

// HasAddressee reports whether a notice to a may go on the recipient's
// behalf: the recipient, or one of the registered guardians.
func (r CaseRecipient) HasAddressee(a AddresseeKey) bool {
	if a.Kind != GuardianRecipient {
		return a.Kind == r.Kind && a.ID == r.ID
	}
	for _, g := range r.Guardians {
		if g.ID == a.ID {
			return true
		}
	}
	return false
}

// Key names the recipient among the event's recipients.
func (r CaseRecipient) Key() RecipientKey { return RecipientKey{r.Kind, r.ID} }

// RecipientKey identifies a victim or a survivor.
type RecipientKey struct {
	Kind RecipientKind
	ID   int
}

// CaseGuardian is a registered guardian of a recipient.
type CaseGuardian struct {
	ID             int
	IdentityNumber string
	Protection     AddressProtection
	StoredAddress  []string
}

// CaseAssessment is a recorded significance assessment (AS3).
type CaseAssessment struct {
	Notify bool
	// RecordedAt is when it was first recorded.
	RecordedAt time.Time
	// InDecision: the decision in force rests on it.
	InDecision bool
}

// CaseDecision is the decision to notify in force (DC1) and its appeal.
type CaseDecision struct {
	DecidedAt time.Time
	Reasoning string
	// ReasonsWithheld is the exemption (strgjfl § 7 letter d, IX7) recorded
	// when the reasons are left out.
	ReasonsWithheld string
	// ConvictInformedAt is when the decision reached the convict (DC3).
	ConvictInformedAt *time.Time
	// Impracticable: informing the convict is recorded as impracticable (DC3).
	Impracticable bool
	// AppealDeadline is the last day to appeal (DC4).
	AppealDeadline *time.Time
	// WaivedAt is when the convict, told orally, answered that he or she does
	// not appeal (DC6); nil when not.
	WaivedAt *time.Time
	// AppealPending: an appeal is registered and not decided (DC7).
	AppealPending bool
	// AppealUpheldAt is when an appeal was decided in favour of notifying.
	AppealUpheldAt *time.Time
}

// NoticeStatus is where a notice stands (the notice lifecycle).
type NoticeStatus string

const (
	// NoticeHeld waits: for the decision to become final (DC5), for the
	// police's statement (AS2), or for a decision maker's justification.
	NoticeHeld NoticeStatus = "HELD"
	// NoticeReady may be sent.
	NoticeReady NoticeStatus = "READY"
	// NoticeSending is on its way: a letter in the print batch, or queued for
	// Digipost. It has not left yet.
	NoticeSending NoticeStatus = "SENDING"
	// NoticeSent has left: posted, in the Digipost mailbox, told by
	// telephone, or handed to the police to deliver.
	NoticeSent NoticeStatus = "SENT"
	// NoticeDelivered: the police confirmed delivery (RC9).
	NoticeDelivered NoticeStatus = "DELIVERED"
	// NoticeCancelled will never be sent.
	NoticeCancelled NoticeStatus = "CANCELLED"
)

// Values lists the notice statuses in lifecycle order.
func (NoticeStatus) Values() []string {
	return []string{string(NoticeHeld), string(NoticeReady), string(NoticeSending), string(NoticeSent),
		string(NoticeDelivered), string(NoticeCancelled)}
}

// Unsent reports whether a notice in this status has not left and can still
// be stopped.
func (s NoticeStatus) Unsent() bool {
	return s == NoticeHeld || s == NoticeReady || s == NoticeSending
}

// Left reports whether the notice has left the correctional service.
func (s NoticeStatus) Left() bool { return s == NoticeSent || s == NoticeDelivered }

// CaseNotice is one notice of the event.
type CaseNotice struct {
	ID     int
	Status NoticeStatus
	// Kind: the notice of the event, or a correction or cancellation of one
	// told before (NT8).
	Kind NoticeKind
	// Times is the time the notice tells (NT3, NT8).
	Times     NoticeTimes
	Recipient RecipientKey
	// GuardianID is set when a guardian receives it on the recipient's
	// behalf (RC5, RC6).
	GuardianID *int
	Route      Route
	Channel    *Channel
	DueDate    time.Time
	Late       bool
	// LateJustification says why it is later than 14 days before (NT2).
	LateJustification string
	// EarlyRelease is a decision maker's justification for sending it before
	// the appeal was settled (DC5).
	EarlyRelease string
	SentAt       *time.Time
	// Texts are the texts of its content that reach the recipient: each
	// condition's area and description (NT3, NT4).
	Texts []string
}

// Addressee says who a notice is written to: the guardian, or the
// recipient.
func (n CaseNotice) Addressee() AddresseeKey {
	if n.GuardianID != nil {
		return AddresseeKey{GuardianRecipient, *n.GuardianID}
	}
	return AddresseeKey{n.Recipient.Kind, n.Recipient.ID}
}

// AddresseeKey identifies whom a notice is written to.
type AddresseeKey struct {
	Kind RecipientKind
	ID   int
}

// Recipient returns the recipient with the key, or nil.
func (c *Case) Recipient(k RecipientKey) *CaseRecipient {
	for i := range c.Recipients {
		if c.Recipients[i].Key() == k {
			return &c.Recipients[i]
		}
	}
	return nil
}

// Notice returns the notice with the id, or nil.
func (c *Case) Notice(id int) *CaseNotice {
	for i := range c.Notices {
		if c.Notices[i].ID == id {
			return &c.Notices[i]
		}
	}
	return nil
}

// CalledOff reports whether nobody is to be told of the event any more: it
// was cancelled, or the decision to notify was withdrawn and no other is in
// force (NT8).
func (c *Case) CalledOff() bool {
	return c.Event.Status == EventCancelled || (c.Decision == nil && c.Withdrawn)
}

// SecurityNow is where the event's security stands now (AS2).
func (c *Case) SecurityNow() Security { return EffectiveSecurity(c.Security, c.Now) }

// DueDate is the last day a notice of the event should be sent (NT2).
func (c *Case) DueDate() time.Time {
	return NoticeDueDate(c.Event.Kind, c.Event.StartsAt, c.Event.RegisteredAt)
}

// WrittenToToday tells whether the addressee is one a notice to the
// recipient is written to on the case's day (RC5, RC6). When that is not
// settled (an age not known, no guardian registered), every addressee
// linked to the recipient counts.
func (c *Case) WrittenToToday(r *CaseRecipient, to AddresseeKey) bool {
	direct, guardians, _, err := c.WantedAddressees(r)
	if err != nil {
		return true
	}
	if direct {
		return to.Kind != GuardianRecipient
	}
	return to.Kind == GuardianRecipient && slices.Contains(guardians, to.ID)
}

// WantedAddressees says whom a notice to the recipient is to be written to
// on the day of the case's moment (RC5–RC7): the recipient, or the
// guardians. The guardians' IDs come back in the recipient's order.
func (c *Case) WantedAddressees(r *CaseRecipient) (direct bool, guardians []int, warnings []string, err error) {
	gs := make([]Guardian, len(r.Guardians))
	for i, g := range r.Guardians {
		gs[i] = Guardian{ID: g.ID, IdentityNumber: g.IdentityNumber}
	}
	return Addressees(r.Person, gs, c.ConvictIdentityNumber, DateOf(c.Now))
}
