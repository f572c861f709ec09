package server_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"varsel/dbtest"
)

// Dev mode's history gives the dashboard a year of figures at four units
// where no seeded person works, big enough to show and small enough that
// some cells are suppressed (PR4); Oslo's and Bergen's demo cases, and the
// audit trail, are as without it.
func TestDevModeHistoryFillsTheDashboard(t *testing.T) {
	ts := startServer(t, dbtest.Dialects[0], "VARSEL_DEMO_HISTORY=on")
	today := time.Now()
	// A whole calendar year, so that a month's small counts hide other
	// months, not the year's total (PR4, reporting/protect.go).
	// The history is the year before today: take the calendar year that
	// holds most of it.
	year := today.Year()
	if today.Month() < time.July {
		year--
	}
	vars := map[string]any{"from": fmt.Sprintf("%d-01-01", year), "to": fmt.Sprintf("%d-12-31", year)}
	s := get(ts.as("analytiker", `query($from: Date!, $to: Date!) { statistics(from: $from, to: $to, groupBy: [UNIT]) {
		total { custodyEvents { value } noticesSent { value } escapesNotified { value suppressed } appealsReceived { value suppressed } }
		rows { unit { name } custodyEvents { value suppressed } noticesViaPolice { value suppressed } } } }`, vars), "statistics")
	if events := get(s, "total", "custodyEvents", "value"); events == nil || events.(float64) < 40 {
		t.Fatalf("a year of history has %v events", events)
	}
	if sent := get(s, "total", "noticesSent", "value"); sent == nil || sent.(float64) < 20 {
		t.Fatalf("a year of history has %v notices sent", sent)
	}
	var units []string
	suppressed := 0
	for _, r := range get(s, "rows").([]any) {
		units = append(units, get(r, "unit", "name").(string))
		if get(r, "noticesViaPolice", "suppressed") == true {
			suppressed++
		}
	}
	slices.Sort(units)
	if !slices.Equal(units, []string{"Skien fengsel", "Stavanger fengsel", "Tromsø fengsel", "Trondheim fengsel"}) || suppressed == 0 {
		t.Errorf("history lies at %v, with %d units' police deliveries suppressed", units, suppressed)
	}
	if got := convictNames(ts.as("saksbehandler", convictsQuery, nil)); !slices.Equal(got, []string{"Martin Berg", "Ola Rud", "Tor Eriksen"}) {
		t.Errorf("Oslo's caseworker sees %v", got)
	}
	if n := len(get(ts.as("saksbehandler", opWorklist, nil), "notificationWorklist").([]any)); n != 0 {
		t.Errorf("history put %d items on Oslo's worklist", n)
	}
	if st := ts.as("revisor", `{ auditChainStatus { intact checked } }`, nil); get(st, "auditChainStatus", "intact") != true {
		t.Errorf("audit chain after seeding history: %v", st)
	}
}
