package rules

import (
	"strings"
	"time"
)

// Reality changes (NT8): an event is moved or cancelled, a recipient's
// address protection, guardianship or written standard changes. Every
// unsent notice follows the change before it can go; a recipient already
// told a time that no longer holds gets a corrected notice or a
// cancellation, under the same rules as the notice itself.

// NoticeKind says what a notice tells: the event, a correction of a time
// told before, or that the event will not happen.
type NoticeKind string

const (
	// KindNotice is the notice of the event (NT3–NT5).
	KindNotice NoticeKind = "NOTICE"
	// KindCorrection corrects a time the recipient was told before (NT8).
	KindCorrection NoticeKind = "CORRECTION"
	// KindCancellation tells the recipient that an event they were told of
	// will not happen (NT8).
	KindCancellation NoticeKind = "CANCELLATION"
)

// Values lists the notice kinds.
func (NoticeKind) Values() []string {
	return []string{string(KindNotice), string(KindCorrection), string(KindCancellation)}
}

// FollowUp reports whether the notice follows an earlier one (NT8).
func (k NoticeKind) FollowUp() bool { return k == KindCorrection || k == KindCancellation }

const changeProvision = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5"

// CheckChangeReason: a change to what was registered says why, for the
// audit trail and for the recipient's corrected notice (NT8, PR3).
func CheckChangeReason(reason string) error {
	if strings.TrimSpace(reason) == "" {
		return violate("NT8", changeProvision, "Skriv hvorfor endringen gjøres. Begrunnelsen lagres i historikken.").On("reason")
	}
	return nil
}

// CheckMove checks an event's new time (EV6): a time or a date, a time
// frame that ends after it starts, and a real change.
func CheckMove(old EventFacts, startsAt time.Time, endsAt *time.Time, dateOnly bool, reason string) error {
	if err := CheckChangeReason(reason); err != nil {
		return err
	}
	if endsAt != nil && !endsAt.After(startsAt) {
		return violate("EV6", provisionOf("EV6"), "Sluttidspunktet må være etter starttidspunktet.").On("endsAt")
	}
	if startsAt.Equal(old.StartsAt) && sameTime(endsAt, old.EndsAt) && dateOnly == old.DateOnly {
		return violate("NT8", changeProvision, "Den nye tiden er den samme som den registrerte.").On("startsAt")
	}
	return nil
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

// NoticeTimes is the time a notice tells the recipient: the event's start
// and end as they stood when it was made (NT3).
type NoticeTimes struct {
	StartsAt time.Time
	EndsAt   *time.Time
	DateOnly bool
}

// Holds reports whether a notice's time is the event's time now.
func (t NoticeTimes) Holds(e CaseEvent) bool {
	return t.StartsAt.Equal(e.StartsAt) && sameTime(t.EndsAt, e.EndsAt) && t.DateOnly == e.DateOnly
}

// FollowUpNeeded says which follow-up, if any, an addressee needs (NT8):
// given the notices to one addressee, the newest (by id) that is not
// cancelled must tell the event's current time — or,
// for a cancelled event, be a cancellation — once anything has left. An
// addressee never told anything needs no follow-up: their unsent notice
// follows the facts instead.
func FollowUpNeeded(e CaseEvent, notices []CaseNotice) (NoticeKind, bool) {
	return followUpNeeded(e, e.Status == EventCancelled, notices)
}

// FollowUpOwed is FollowUpNeeded for the case as it stands: when the event
// was cancelled or the decision to notify withdrawn, whoever was told gets
// a cancellation (NT8).
func (c *Case) FollowUpOwed(notices []CaseNotice) (NoticeKind, bool) {
	return followUpNeeded(c.Event, c.CalledOff(), notices)
}

func followUpNeeded(e CaseEvent, calledOff bool, notices []CaseNotice) (NoticeKind, bool) {
	told := false
	var newest *CaseNotice
	for i := range notices {
		n := &notices[i]
		if n.Status == NoticeCancelled {
			continue
		}
		if n.Status.Left() || n.Status == NoticeSending {
			told = true
		}
		if newest == nil || n.ID > newest.ID {
			newest = n
		}
	}
	if !told || newest == nil {
		return "", false
	}
	if calledOff {
		return KindCancellation, newest.Kind != KindCancellation
	}
	if newest.Kind == KindCancellation || !newest.Times.Holds(e) {
		return KindCorrection, true
	}
	return "", false
}

// CheckWithdrawal: a decision to notify is withdrawn (omgjort, fvl § 35) only
// by a decision maker, in writing, with the reasons — kept with the case
// (DC1, notoritet) and in the history (PR3).
func CheckWithdrawal(decisionMaker bool, reason string) error {
	if !decisionMaker {
		return violate("DC2", provisionOf("DC2"), "Bare en beslutter på nivået som treffer vedtaket, kan trekke det tilbake.")
	}
	if strings.TrimSpace(reason) == "" {
		return violate("DC1", withdrawalProvision, "Skriv hvorfor vedtaket trekkes tilbake. Begrunnelsen lagres i saken og i historikken.").On("reason")
	}
	return nil
}

const withdrawalProvision = "forvaltningsloven §§ 24–25 og 35"

// CheckInError: an event is marked as registered in error with the reason,
// and only while nothing of it has left — a notice sent, handed to the
// police or in the print batch means someone may have been told, and then
// the event is cancelled instead so that they get a cancellation (NT8).
func CheckInError(c *Case, reason string) error {
	if err := CheckChangeReason(reason); err != nil {
		return err
	}
	for _, n := range c.Notices {
		if n.Status.Left() || n.Status == NoticeSending {
			return violate("NT8", changeProvision,
				"Et varsel om hendelsen er sendt eller under sending. Avlys hendelsen i stedet, så får de som er varslet beskjed.")
		}
	}
	return nil
}

// CheckCancelByHand: a caseworker may stop a notice of the event, but not a
// correction or cancellation: the recipient was told a time that no longer
// holds, and is owed it (NT8). What it says follows the facts; to change
// it, change the event.
func CheckCancelByHand(kind NoticeKind) error {
	if kind.FollowUp() {
		return violate("NT8", changeProvision,
			"Mottakeren er varslet om et tidspunkt som ikke lenger gjelder, og skal ha denne rettingen eller avlysningen. Den kan ikke stanses; endre hendelsen om opplysningene er feil.")
	}
	return nil
}
