package server_test

import (
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
	"varsel/server"
)

// Playing dates (issue 12): VARSEL_DEV_CLOCK fixes or moves the service's
// clock in dev mode, for a trainer or an end-to-end test, and is refused in
// production, where the clock must be the real one.
func TestDevClockIsForDevModeOnly(t *testing.T) {
	_, err := server.LoadConfig(false, env(map[string]string{
		"DATABASE_URL": "postgres://db/varsel", "OIDC_ISSUER": "https://login.example", "VARSEL_DEV_CLOCK": "+14d",
	}))
	if err == nil || !strings.Contains(err.Error(), "dev mode only") {
		t.Fatalf("production accepted VARSEL_DEV_CLOCK: %v", err)
	}
	if _, err := server.LoadConfig(true, env(map[string]string{"VARSEL_DEV_CLOCK": "tomorrow"})); err == nil ||
		!strings.Contains(err.Error(), "VARSEL_DEV_CLOCK") {
		t.Fatalf("a clock that cannot be read was accepted: %v", err)
	}
	cfg, err := server.LoadConfig(true, env(nil))
	if err != nil || cfg.ClockSimulated {
		t.Fatalf("dev mode without VARSEL_DEV_CLOCK simulates the clock (%v)", err)
	}
}

func TestParseDevClock(t *testing.T) {
	oslo, _ := time.LoadLocation("Europe/Oslo")
	wall := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)
	fixed := func() time.Time { return wall }
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"2027-03-24", time.Date(2027, 3, 24, 0, 0, 0, 0, oslo)},
		{"2027-03-24T09:30", time.Date(2027, 3, 24, 9, 30, 0, 0, oslo)},
		{"2027-03-24T09:30:00Z", time.Date(2027, 3, 24, 9, 30, 0, 0, time.UTC)},
		{"+14d", wall.Add(14 * 24 * time.Hour)},
		{"-2d12h", wall.Add(-60 * time.Hour)},
		{"+36h", wall.Add(36 * time.Hour)},
	} {
		now, err := server.ParseDevClock(c.in, fixed)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := now(); !got.Equal(c.want) {
			t.Errorf("%s: clock at %s, want %s", c.in, got, c.want)
		}
	}
	// The clock runs on from where it was set.
	real := wall
	now, _ := server.ParseDevClock("2027-03-24T09:30", func() time.Time { return real })
	real = real.Add(time.Hour)
	if got := now(); !got.Equal(time.Date(2027, 3, 24, 10, 30, 0, 0, oslo)) {
		t.Errorf("an hour later the clock says %s", got)
	}
	for _, bad := range []string{"+14x", "+d", "2027-02-30", "next week"} {
		if _, err := server.ParseDevClock(bad, fixed); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

// DC4 over Easter, on the simulated clock: the service says it runs on a
// simulated time (the web app's banner), and what the appeal deadline would
// be before anything is recorded. Reached on Monday 22 March 2027, the
// seventh day is Easter Monday (29 March), so the deadline is Tuesday 30 March.
func TestSimulatedClockAndAppealDeadlineOverEaster(t *testing.T) {
	ts := startServer(t, dbtest.Dialects[0], "VARSEL_DEV_CLOCK=2027-03-22T09:00")
	res := ts.as("saksbehandler", `{ clock { now simulated } appealDeadlineFor(informedOn: "2027-03-22") { informedOn deadline movedPast } }`, nil)
	if get(res, "clock", "simulated") != true || !strings.HasPrefix(get(res, "clock", "now").(string), "2027-03-22T") {
		t.Fatalf("clock = %v", get(res, "clock"))
	}
	if d := get(res, "appealDeadlineFor", "deadline"); d != "2027-03-30" {
		t.Fatalf("deadline = %v, want 2027-03-30", d)
	}
	moved := get(res, "appealDeadlineFor", "movedPast").([]any)
	if len(moved) != 1 || !strings.Contains(moved[0].(string), "29.03.2027") {
		t.Fatalf("movedPast = %v, want Easter Monday", moved)
	}
}
