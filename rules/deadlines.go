package rules

import (
	"fmt"
	"time"
	_ "time/tzdata" // Norwegian time wherever the service runs
)

// Norway is the time zone every date in the rules is counted in.
var Norway = mustLoad("Europe/Oslo")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// DateOf returns the Norwegian calendar date of an instant, as midnight UTC
// (how Varsel stores dates).
func DateOf(t time.Time) time.Time {
	y, m, d := t.In(Norway).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Date returns the calendar date y-m-d as midnight UTC.
func Date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// EasterSunday returns Easter Sunday of a year (the Gregorian computus, in
// the form known as the anonymous Gregorian algorithm).
func EasterSunday(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date(year, time.Month(month), day)
}

// PublicHolidays returns Norway's public holidays (helligdager and the
// statutory holidays 1 and 17 May) in a year, with their Norwegian names
// (DC4, domstolloven § 149).
func PublicHolidays(year int) map[time.Time]string {
	easter := EasterSunday(year)
	return map[time.Time]string{
		Date(year, time.January, 1):   "1. nyttårsdag",
		easter.AddDate(0, 0, -3):      "skjærtorsdag",
		easter.AddDate(0, 0, -2):      "langfredag",
		easter:                        "1. påskedag",
		easter.AddDate(0, 0, 1):       "2. påskedag",
		Date(year, time.May, 1):       "1. mai",
		Date(year, time.May, 17):      "17. mai",
		easter.AddDate(0, 0, 39):      "Kristi himmelfartsdag",
		easter.AddDate(0, 0, 49):      "1. pinsedag",
		easter.AddDate(0, 0, 50):      "2. pinsedag",
		Date(year, time.December, 25): "1. juledag",
		Date(year, time.December, 26): "2. juledag",
	}
}

// IsWorkingDay reports whether a date is neither a Saturday, a Sunday nor a
// public holiday (DC4).
func IsWorkingDay(date time.Time) bool {
	date = Date(date.Date())
	if wd := date.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	_, holiday := PublicHolidays(date.Year())[date]
	return !holiday
}

// AppealPeriod is the appeal deadline in days (strgjfl § 7 letter e).
const AppealPeriod = 7

// AppealDeadlineProvision is where the appeal deadline and its counting come from.
const AppealDeadlineProvision = "straffegjennomføringsloven § 7 bokstav e; forvaltningsloven § 30, jf. domstolloven §§ 148–149"

// AppealDeadline returns the last day to appeal a decision that reached the
// convict on the given date (DC4): 7 days, not counting the day it reached
// them; a deadline ending on a Saturday, Sunday or public holiday moves to
// the next working day (forvaltningsloven § 30, jf. domstolloven §§ 148–149).
func AppealDeadline(reached time.Time) time.Time {
	d := Date(reached.Date()).AddDate(0, 0, AppealPeriod)
	for !IsWorkingDay(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// AppealDeadlineExplained returns the appeal deadline for a decision that
// reached the convict on the date, and the days it moved past — weekends and
// public holidays by name — so that a caseworker sees why (DC4).
func AppealDeadlineExplained(reached time.Time) (time.Time, []string) {
	d := Date(reached.Date()).AddDate(0, 0, AppealPeriod)
	var moved []string
	for !IsWorkingDay(d) {
		name, holiday := PublicHolidays(d.Year())[d]
		if !holiday {
			name = map[time.Weekday]string{time.Saturday: "lørdag", time.Sunday: "søndag"}[d.Weekday()]
		}
		moved = append(moved, d.Format("02.01.2006")+" ("+name+")")
		d = d.AddDate(0, 0, 1)
	}
	return d, moved
}

// DecisionTimingWarnings are the warnings DC5 asks for when a decision is
// made so late that the appeal deadline falls after the notices' due date
// (NT2) or after the event itself: then the notices cannot wait for the
// decision to become final, and a decision maker must say why if they go
// earlier. An escape is notified at once and has none.
func DecisionTimingWarnings(kind EventKind, due, eventStarts time.Time, deadline *time.Time) []string {
	out := []string{}
	if kind == Escape || deadline == nil {
		return out
	}
	if deadline.After(due) {
		out = append(out, fmt.Sprintf("Klagefristen (%s) går ut etter fristen for å sende varselet (%s). Varselet kan bare sendes før vedtaket er endelig når en beslutter begrunner det (DC5).",
			deadline.Format("02.01.2006"), due.Format("02.01.2006")))
	}
	if !deadline.Before(DateOf(eventStarts)) {
		out = append(out, fmt.Sprintf("Klagefristen (%s) går ut samme dag som eller etter at %s begynner (%s) (DC5).",
			deadline.Format("02.01.2006"), kind.Name(), DateOf(eventStarts).Format("02.01.2006")))
	}
	return out
}

// LeadTimeDays is how many days before an event a notice should be sent, so
// far as practicable (NT2).
const LeadTimeDays = 14

// LeadTimeProvision is the source of the lead time.
const LeadTimeProvision = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5"

// NoticeDueDate returns the last day a notice of the event should be sent
// (NT2): 14 days before the event; for an escape, as soon as possible — the
// day after it is registered at the latest.
func NoticeDueDate(kind EventKind, startsAt, registeredAt time.Time) time.Time {
	if kind == Escape {
		return DateOf(registeredAt).AddDate(0, 0, 1)
	}
	return DateOf(startsAt).AddDate(0, 0, -LeadTimeDays)
}

// IsLate reports whether a notice prepared at `at` misses its due date (NT2).
func IsLate(due, at time.Time) bool { return DateOf(at).After(due) }

// CheckLateJustification refuses a late notice without a written reason:
// the 14 days are "so far as practicable", so being late is allowed, but it
// is justified, recorded and reported (NT2).
func CheckLateJustification(late bool, justification string) error {
	if late && blank(justification) {
		return violate("NT2", LeadTimeProvision,
			"Varselet gis senere enn 14 dager før utgangen. Skriv en begrunnelse for hvorfor det ikke var praktisk mulig å varsle tidligere.")
	}
	return nil
}

// AppealState is what the rules need to know about a decision's appeal.
type AppealState struct {
	// ConvictInformed: the decision reached the convict (DC3).
	ConvictInformed bool
	// InformingImpracticable: the convict could not be informed (an escape).
	InformingImpracticable bool
	// Deadline is the appeal deadline (DC4), when the convict was informed.
	Deadline *time.Time
	// AppealPending: an appeal is registered and not yet decided (DC7).
	AppealPending bool
	// AppealUpheld: an appeal was decided and the decision stands.
	AppealUpheld bool
	// OralNoAppeal: told orally, the convict answered that he or she does
	// not appeal (DC6).
	OralNoAppeal bool
}

// ReleaseProvision is the source of DC5 and DC6.
const ReleaseProvision = "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5; straffegjennomføringsloven § 7 bokstav b"

// NoticeMayBeReleased decides whether a notice may go from HELD to READY at
// `now` (DC5, DC6). It may when the convict could not be informed (an
// escape), when the appeal deadline has passed or an appeal has been decided
// in favour of notifying. Before that, so far as practicable it waits; an
// earlier release needs both the DC6 record — the convict told orally and
// answering that he or she does not appeal — and a written justification.
// It never is released while an appeal is pending. The boolean says whether
// the release is early (reported as such).
func NoticeMayBeReleased(s AppealState, now time.Time, justification string) (ok, early bool, err error) {
	switch {
	case s.AppealPending:
		return false, false, violate("DC5", ReleaseProvision,
			"Domfelte har klaget på vedtaket. Varselet kan ikke sendes før klagen er avgjort.")
	case s.InformingImpracticable || s.AppealUpheld:
		return true, false, nil
	case !s.ConvictInformed || s.Deadline == nil:
		return false, false, violate("DC3", "straffegjennomføringsloven § 7 b, forvaltningsloven § 27",
			"Domfelte er ikke underrettet om vedtaket om varsling. Registrer underretningen først.")
	case DateOf(now).After(*s.Deadline):
		return true, false, nil
	case !s.OralNoAppeal:
		return false, false, violate("DC6", ReleaseProvision,
			"Klagefristen har ikke gått ut. Varselet kan bare sendes før fristen når domfelte er orientert muntlig og har svart at han eller hun ikke vil klage.")
	case blank(justification):
		return false, false, violate("DC5", ReleaseProvision,
			"Varselet sendes før klagefristen har gått ut. Skriv hvorfor tiden ikke tillot å vente.")
	}
	return true, true, nil
}
