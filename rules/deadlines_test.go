package rules_test

import (
	"testing"
	"time"

	"varsel/rules"
)

// DC4: Easter moves, and its holidays with it (published dates).
func TestEasterSunday(t *testing.T) {
	for year, want := range map[int]time.Time{
		2011: rules.Date(2011, time.April, 24),
		2024: rules.Date(2024, time.March, 31),
		2025: rules.Date(2025, time.April, 20),
		2026: rules.Date(2026, time.April, 5),
		2027: rules.Date(2027, time.March, 28),
		2028: rules.Date(2028, time.April, 16),
		2038: rules.Date(2038, time.April, 25),
		2285: rules.Date(2285, time.March, 22),
	} {
		if got := rules.EasterSunday(year); !got.Equal(want) {
			t.Errorf("Easter %d = %s, want %s", year, got.Format(time.DateOnly), want.Format(time.DateOnly))
		}
	}
}

// DC4: Norway's public holidays.
func TestPublicHolidays2027(t *testing.T) {
	want := []string{"2027-01-01", "2027-03-25", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-01",
		"2027-05-06", "2027-05-16", "2027-05-17", "2027-12-25", "2027-12-26"}
	got := rules.PublicHolidays(2027)
	// Whit Monday and Constitution Day coincide in 2027: eleven dates.
	if len(got) != len(want) {
		t.Fatalf("got %d holidays, want %d: %v", len(got), len(want), got)
	}
	for _, d := range want {
		day, _ := time.Parse(time.DateOnly, d)
		if _, ok := got[day]; !ok {
			t.Errorf("%s is not a holiday", d)
		}
		if rules.IsWorkingDay(day) {
			t.Errorf("%s counted as a working day", d)
		}
	}
}

// DC4: 7 days from the day the decision reached the convict, the first day
// not counted; a deadline on a Saturday, Sunday or public holiday moves to
// the next working day (domstolloven §§ 148–149).
func TestAppealDeadline(t *testing.T) {
	cases := []struct {
		name, reached, want string
	}{
		{"an ordinary week: Monday to Monday", "2026-11-02", "2026-11-09"},
		{"the first day is not counted", "2026-11-03", "2026-11-10"},
		{"a deadline on a Saturday moves to Monday", "2026-11-07", "2026-11-16"},
		{"a deadline on a Sunday moves to Monday", "2026-11-08", "2026-11-16"},
		{"a deadline on Easter Monday moves to Tuesday", "2027-03-22", "2027-03-30"},
		{"a deadline on Maundy Thursday moves past Easter", "2027-03-18", "2027-03-30"},
		{"a deadline on Good Friday 2026 moves past Easter", "2026-03-27", "2026-04-07"},
		{"a deadline on the Saturday before 17 May (a Sunday) moves to Monday 18 May", "2026-05-09", "2026-05-18"},
		{"a deadline on the Saturday before 17 May that is Whit Monday moves to Tuesday", "2027-05-08", "2027-05-18"},
		{"a deadline on Ascension Day moves to Friday", "2026-05-07", "2026-05-15"},
		{"a deadline on 1 May moves on", "2026-04-24", "2026-05-04"},
		{"a deadline on Christmas Day moves past the weekend", "2026-12-18", "2026-12-28"},
		{"a deadline on New Year's Day moves past the weekend", "2026-12-25", "2027-01-04"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reached, _ := time.Parse(time.DateOnly, tc.reached)
			if got := rules.AppealDeadline(reached).Format(time.DateOnly); got != tc.want {
				t.Fatalf("reached %s: deadline %s, want %s", tc.reached, got, tc.want)
			}
		})
	}
}

// NT2: in good time, so far as practicable at least 14 days before; an
// escape as soon as possible after.
func TestNoticeDueDate(t *testing.T) {
	leave := time.Date(2026, time.December, 20, 10, 0, 0, 0, rules.Norway)
	if got := rules.NoticeDueDate(rules.Leave, leave, now).Format(time.DateOnly); got != "2026-12-06" {
		t.Errorf("a leave on 20 December is due on %s, want 2026-12-06", got)
	}
	escape := now.Add(-2 * time.Hour)
	if got := rules.NoticeDueDate(rules.Escape, escape, now).Format(time.DateOnly); got != "2026-11-24" {
		t.Errorf("an escape registered on 23 November is due on %s, want 2026-11-24", got)
	}
	// Late past midnight in Oslo is already the next day.
	late := time.Date(2026, time.December, 6, 23, 30, 0, 0, time.UTC) // 00:30 on 7 December in Oslo
	due := rules.NoticeDueDate(rules.Leave, leave, now)
	if !rules.IsLate(due, late) || rules.IsLate(due, time.Date(2026, time.December, 6, 12, 0, 0, 0, rules.Norway)) {
		t.Error("a notice is late from the day after its due date, in Norwegian time")
	}

	cases := []struct {
		name          string
		late          bool
		justification string
		want          string
	}{
		{"a notice in good time needs no justification", false, "", ""},
		{"a late notice needs a justification", true, "  ", "NT2"},
		{"a late notice with a justification is allowed and recorded", true, "Permisjonen ble innvilget 5 dager før.", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wantRule(t, rules.CheckLateJustification(tc.late, tc.justification), tc.want) })
	}
}

// DC3, DC5, DC6, DC7: when a HELD notice may become READY.
func TestNoticeMayBeReleased(t *testing.T) {
	deadline := rules.Date(2026, time.November, 30)
	before := time.Date(2026, time.November, 27, 12, 0, 0, 0, rules.Norway)
	onDeadline := time.Date(2026, time.November, 30, 20, 0, 0, 0, rules.Norway)
	after := time.Date(2026, time.December, 1, 8, 0, 0, 0, rules.Norway)
	informed := rules.AppealState{ConvictInformed: true, Deadline: &deadline}
	cases := []struct {
		name          string
		state         rules.AppealState
		at            time.Time
		justification string
		ready, early  bool
		want          string
	}{
		{"after the appeal deadline the notice is released", informed, after, "", true, false, ""},
		{"on the last day to appeal it still waits", informed, onDeadline, "", false, false, "DC6"},
		{"before the deadline without the DC6 record it waits", informed, before, "Utgangen er om tre dager.", false, false, "DC6"},
		{"the convict told orally who does not appeal: released early with a justification", rules.AppealState{ConvictInformed: true, Deadline: &deadline, OralNoAppeal: true}, before, "Permisjonen begynner før fristen.", true, true, ""},
		{"told orally, but without a justification it waits", rules.AppealState{ConvictInformed: true, Deadline: &deadline, OralNoAppeal: true}, before, "", false, false, "DC5"},
		{"a pending appeal holds the notice, whatever the justification", rules.AppealState{ConvictInformed: true, Deadline: &deadline, AppealPending: true}, after, "haster", false, false, "DC5"},
		{"an appeal decided in favour of notifying releases it", rules.AppealState{ConvictInformed: true, Deadline: &deadline, AppealUpheld: true}, before, "", true, false, ""},
		{"a convict not informed holds the notice", rules.AppealState{}, after, "", false, false, "DC3"},
		{"an escape: informing is impracticable, released at once", rules.AppealState{InformingImpracticable: true}, before, "", true, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ready, early, err := rules.NoticeMayBeReleased(tc.state, tc.at, tc.justification)
			wantRule(t, err, tc.want)
			if ready != tc.ready || early != tc.early {
				t.Fatalf("ready %v early %v, want %v %v", ready, early, tc.ready, tc.early)
			}
		})
	}
}
