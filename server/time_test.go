package server_test

import (
	"testing"
	"time"

	"varsel/dbtest"
)

// A caseworker in Norway sends times with +01:00 or +02:00; they are the
// same instants, stored and returned in UTC, on both databases.
func TestTimesWithAnOffset(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			f := ts.convictFile("saksbehandler", "Martin Berg")
			start := ts.clock.Now().AddDate(0, 0, 40).In(time.FixedZone("CET", 3600)).Truncate(time.Second)
			ev := ts.as("saksbehandler", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "LEAVE",
				"startsAt": start.Format(time.RFC3339)}))
			got := get(ts.as("saksbehandler", `query($id: ID!) { custodyEvent(id: $id) { startsAt } }`,
				map[string]any{"id": id(ev, "registerCustodyEvent", "id")}), "custodyEvent", "startsAt")
			if got != start.UTC().Format(time.RFC3339) {
				t.Fatalf("startsAt = %v, want %s", got, start.UTC().Format(time.RFC3339))
			}
		})
	}
}
