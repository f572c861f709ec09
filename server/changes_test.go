package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
)

const (
	opMove         = `mutation($in: MoveCustodyEventInput!) { moveCustodyEvent(input: $in) { id startsAt movedAt moveReason state } }`
	opCancelEvent  = `mutation($in: CancelCustodyEventInput!) { cancelCustodyEvent(input: $in) { id status state cancelReason } }`
	opEventNotices = `query($id: ID!) { custodyEvent(id: $id) { notices { id kind status dueDate late lateJustification
		guardian { id } corrects { id } content { startsAt endsAt } } } }`
)

// noticesOf lists the event's notices as the caseworker sees them.
func noticesOf(ts *testServer, event string) []map[string]any {
	var out []map[string]any
	for _, n := range get(ts.as("saksbehandler", opEventNotices, map[string]any{"id": event}), "custodyEvent", "notices").([]any) {
		out = append(out, n.(map[string]any))
	}
	return out
}

// NT8: a leave is moved a week after Ingrid's letter went, while the
// guardian's notice still waits. The waiting notice follows the new time;
// Ingrid gets a corrected notice, exactly once, whose letter says what it
// replaces. Then the leave is cancelled: the unsent correction is cancelled
// and Ingrid gets a cancellation; the guardian, told nothing, gets nothing.
func TestMoveAndCancelAfterLettersWent(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			w := berg("LEAVE", leaveOf(ts, 30))
			event, notices := ts.walkToReady(w)
			var toIngrid, toGuardian string
			for _, n := range notices {
				if get(n, "guardian") == nil {
					toIngrid = get(n, "id").(string)
				} else {
					toGuardian = get(n, "id").(string)
				}
			}
			ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": toIngrid, "channel": "LETTER"}))
			ts.as("saksbehandler", opPosted, map[string]any{"id": toIngrid})

			// Bad input stores nothing.
			ts.refused("saksbehandler", "NT8", opMove, in(map[string]any{"custodyEventId": event, "startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 27)), "reason": " "}))
			e := ts.refused("saksbehandler", "EV6", opMove, in(map[string]any{"custodyEventId": event,
				"startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 27)), "endsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 26)), "reason": "Flyttet."}))
			if e.Extensions["field"] != "endsAt" {
				t.Errorf("the refusal names %v, want endsAt", e.Extensions["field"])
			}
			ts.failsWith("saksbehandler2", "NOT_FOUND", opMove, in(map[string]any{"custodyEventId": event,
				"startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 27)), "reason": "Flyttet."}))
			if len(noticesOf(ts, event)) != 2 {
				t.Fatal("a refused move changed the notices")
			}

			newStart := ts.clock.Now().AddDate(0, 0, 27).Truncate(time.Minute)
			moved := ts.as("saksbehandler", opMove, in(map[string]any{"custodyEventId": event, "startsAt": rfc3339(newStart),
				"endsAt": rfc3339(newStart.Add(24 * time.Hour)), "reason": "Permisjonen er flyttet en uke av institusjonen."}))
			if get(moved, "moveCustodyEvent", "moveReason") == nil {
				t.Fatalf("moved = %v", moved)
			}
			byID := map[string]map[string]any{}
			var corrections []map[string]any
			for _, n := range noticesOf(ts, event) {
				byID[n["id"].(string)] = n
				if n["kind"] == "CORRECTION" {
					corrections = append(corrections, n)
				}
			}
			if got := get(byID[toGuardian], "content", "startsAt").(string); !sameInstant(got, newStart) {
				t.Errorf("the guardian's waiting notice tells %s, want the new time %s (NT8)", got, newStart)
			}
			if len(corrections) != 1 || get(corrections[0], "corrects", "id") != toIngrid || corrections[0]["guardian"] != nil ||
				!sameInstant(get(corrections[0], "content", "startsAt").(string), newStart) {
				t.Fatalf("corrections = %v, want one to Ingrid with the new time", corrections)
			}
			if byID[toIngrid]["status"] != "SENT" {
				t.Errorf("the letter that went is %v", byID[toIngrid]["status"])
			}
			correction := corrections[0]["id"].(string)

			// Moving again changes the waiting correction; it makes no second one.
			later := newStart.Add(2 * time.Hour)
			ts.as("saksbehandler", opMove, in(map[string]any{"custodyEventId": event, "startsAt": rfc3339(later), "reason": "Nytt klokkeslett."}))
			count := 0
			for _, n := range noticesOf(ts, event) {
				if n["kind"] == "CORRECTION" && n["status"] != "CANCELLED" {
					count++
					if !sameInstant(get(n, "content", "startsAt").(string), later) {
						t.Errorf("the correction tells %v, want %s", get(n, "content", "startsAt"), later)
					}
				}
			}
			if count != 1 {
				t.Fatalf("%d corrections after two moves, want 1 (NT6)", count)
			}

			// The corrected letter says what it replaces.
			ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": correction, "channel": "LETTER"}))
			code, pdf := ts.get("saksbehandler", "/letters/notices/"+correction)
			if text := pdfText(t, pdf); code != 200 || !strings.Contains(text, "Rettelse: ny tid for permisjon") || !strings.Contains(text, "erstatter varselet") {
				t.Fatalf("correction letter %d: %s", code, text)
			}
			ts.as("saksbehandler", opPosted, map[string]any{"id": correction})

			// Cancelled: the guardian's unsent notice is cancelled; Ingrid,
			// told twice, gets one cancellation; the event leaves the work.
			ts.refused("saksbehandler", "NT8", opCancelEvent, in(map[string]any{"custodyEventId": event, "reason": ""}))
			c := ts.as("saksbehandler", opCancelEvent, in(map[string]any{"custodyEventId": event, "reason": "Permisjonen er trukket tilbake."}))
			if get(c, "cancelCustodyEvent", "state") != "CANCELLED" {
				t.Fatalf("cancelled = %v", c)
			}
			var cancellations []map[string]any
			for _, n := range noticesOf(ts, event) {
				switch {
				case n["id"] == toGuardian && n["status"] != "CANCELLED":
					t.Errorf("the guardian's unsent notice is %v", n["status"])
				case n["kind"] == "CANCELLATION":
					cancellations = append(cancellations, n)
				}
			}
			if len(cancellations) != 1 || cancellations[0]["guardian"] != nil || get(cancellations[0], "corrects", "id") != correction {
				t.Fatalf("cancellations = %v, want one to Ingrid following the correction", cancellations)
			}
			if cancellations[0]["status"] != "READY" {
				t.Errorf("the cancellation is %v, want READY", cancellations[0]["status"])
			}
			// The cancellation is on the worklist until it goes.
			if steps := ts.steps("saksbehandler", event); len(steps) != 1 || !strings.HasPrefix(steps[0], "SEND_NOTICE") {
				t.Errorf("worklist for the cancelled event: %v", steps)
			}
			cancellation := cancellations[0]["id"].(string)
			ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": cancellation, "channel": "LETTER"}))
			code, pdf = ts.get("saksbehandler", "/letters/notices/"+cancellation)
			if text := pdfText(t, pdf); code != 200 || !strings.Contains(text, "Avlyst: permisjon") {
				t.Fatalf("cancellation letter %d: %s", code, text)
			}
			ts.as("saksbehandler", opPosted, map[string]any{"id": cancellation})
			if steps := ts.steps("saksbehandler", event); len(steps) != 0 {
				t.Errorf("worklist after the cancellation went: %v", steps)
			}
			// Nothing more can be done with a cancelled event.
			ts.failsWith("saksbehandler", "CONFLICT", opMove, in(map[string]any{"custodyEventId": event, "startsAt": rfc3339(later.Add(time.Hour)), "reason": "x"}))
		})
	}
}

func sameInstant(got string, want time.Time) bool {
	t, err := time.Parse(time.RFC3339, got)
	return err == nil && t.Equal(want)
}

const (
	opCorrectPerson = `mutation($in: CorrectPersonInput!) { correctPerson(input: $in) { changed
		victim { id name addressProtection addressLine postalCode postalPlace country } } }`
	opNoticeRoute = `query($id: ID!) { custodyEvent(id: $id) { notices { id kind status route channel guardian { id } victim { name } } } }`
	opHistory     = `query($id: ID!) { convictHistory(convictId: $id) { operation entityType detail } }`
)

// RC9, NT8: Ingrid gets a code-6 address while her notice waits for the
// appeal deadline. A correction that still carries any part of the address
// is refused and stores nothing; the correction that erases it re-routes her
// waiting notice through the police, and the case history says what was
// corrected and why — never the address.
func TestCode6AfterRegistrationReroutesTheWaitingNotice(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			f := ts.convictFile("saksbehandler", "Martin Berg")
			ingrid := f.victimNamed("Ingrid Solberg")["id"]
			w := berg("LEAVE", leaveOf(ts, 30))
			w.informed = true
			event, _ := ts.walkToReady(w)
			district := get(ts.as("saksbehandler", `{ policeDistricts { id name } }`, nil), "policeDistricts", 0, "id")
			person := func(extra map[string]any) map[string]any {
				p := map[string]any{"name": "Ingrid Solberg", "birthDate": "1988-06-02", "addressProtection": "STRENGT_FORTROLIG",
					"policeDistrictId": district}
				for k, v := range extra {
					p[k] = v
				}
				return p
			}
			// Any part of an address is refused for code 6 (RC9), and nothing is stored.
			for _, part := range []string{"postalCode", "postalPlace", "country", "addressLine"} {
				e := ts.refused("saksbehandler", "RC9", opCorrectPerson, in(map[string]any{"victimId": ingrid,
					"person": person(map[string]any{part: "0184"}), "reason": "Fått strengt fortrolig adresse."}))
				if strings.Contains(e.Message, "0184") {
					t.Errorf("the refusal repeats the input: %s", e.Message)
				}
			}
			ts.refused("saksbehandler", "NT8", opCorrectPerson, in(map[string]any{"victimId": ingrid, "person": person(nil), "reason": " "}))
			ts.failsWith("saksbehandler2", "NOT_FOUND", opCorrectPerson, in(map[string]any{"victimId": ingrid, "person": person(nil), "reason": "x"}))
			for _, n := range get(ts.as("saksbehandler", opNoticeRoute, map[string]any{"id": event}), "custodyEvent", "notices").([]any) {
				if get(n, "guardian") == nil && get(n, "route") != "DIRECT" {
					t.Fatalf("a refused correction re-routed the notice: %v", n)
				}
			}

			res := ts.as("saksbehandler", opCorrectPerson, in(map[string]any{"victimId": ingrid, "person": person(nil),
				"reason": "Fornærmede har fått strengt fortrolig adresse (kode 6)."}))
			v := get(res, "correctPerson", "victim").(map[string]any)
			for _, k := range []string{"addressLine", "postalCode", "postalPlace", "country"} {
				if v[k] != nil && v[k] != "" {
					t.Errorf("%s is still stored for a code-6 person: %v", k, v[k])
				}
			}
			changed := get(res, "correctPerson", "changed").([]any)
			if len(changed) != 3 { // address, addressProtection, policeDistrictId
				t.Errorf("changed = %v", changed)
			}
			var active []any
			for _, n := range get(ts.as("saksbehandler", opNoticeRoute, map[string]any{"id": event}), "custodyEvent", "notices").([]any) {
				if get(n, "guardian") == nil && get(n, "status") != "CANCELLED" {
					active = append(active, n)
				}
			}
			if len(active) != 1 || get(active[0], "route") != "VIA_POLICE" || get(active[0], "channel") != "VIA_POLICE" {
				t.Fatalf("Ingrid's notices after code 6: %v, want one through the police", active)
			}
			history := get(ts.as("saksbehandler", opHistory, map[string]any{"id": f["id"]}), "convictHistory").([]any)
			var detail string
			for _, h := range history {
				if get(h, "entityType") == "Correction" {
					detail, _ = get(h, "detail").(string)
					break
				}
			}
			if !strings.Contains(detail, "adressesperre") || !strings.Contains(detail, "kode 6") || strings.Contains(detail, "Storgata") {
				t.Errorf("history detail = %q", detail)
			}
		})
	}
}

// NT8, races: the leave is cancelled while Ingrid's corrected letter lies in
// the print batch. It may already be in the post, so it is left to go and a
// cancellation follows it; the guardian's correction, still unsent, is
// stopped, and she gets a cancellation of the notice she was sent.
func TestCancelWhileTheCorrectionIsInThePrintBatch(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			event, notices := ts.walkToReady(berg("LEAVE", leaveOf(ts, 30)))
			for _, n := range notices {
				ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": get(n, "id"), "channel": "LETTER"}))
				ts.as("saksbehandler", opPosted, map[string]any{"id": get(n, "id")})
			}
			ts.as("saksbehandler", opMove, in(map[string]any{"custodyEventId": event,
				"startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 32)), "reason": "Flyttet to dager."}))
			var ingridsCorrection string
			for _, n := range noticesOf(ts, event) {
				if n["kind"] == "CORRECTION" && n["guardian"] == nil {
					ingridsCorrection = n["id"].(string)
				}
			}
			ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": ingridsCorrection, "channel": "LETTER"}))
			ts.as("saksbehandler", opCancelEvent, in(map[string]any{"custodyEventId": event, "reason": "Permisjonen er trukket tilbake."}))
			status := map[string]string{}
			for _, n := range noticesOf(ts, event) {
				to := "Ingrid"
				if n["guardian"] != nil {
					to = "guardian"
				}
				status[to+" "+n["kind"].(string)+" "+n["status"].(string)] = fmt.Sprint(get(n, "corrects", "id"))
			}
			for _, want := range []string{"Ingrid CORRECTION SENDING", "Ingrid CANCELLATION READY", "guardian CORRECTION CANCELLED", "guardian CANCELLATION READY"} {
				if _, ok := status[want]; !ok {
					t.Errorf("no %s among %v", want, status)
				}
			}
			if status["Ingrid CANCELLATION READY"] != ingridsCorrection {
				t.Errorf("Ingrid's cancellation follows %s, want her correction %s", status["Ingrid CANCELLATION READY"], ingridsCorrection)
			}
		})
	}
}
