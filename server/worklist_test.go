package server_test

import (
	"testing"
	"time"

	"varsel/dbtest"
)

// steps returns the worklist's steps for one event.
func (ts *testServer) steps(user, event string) []string {
	ts.t.Helper()
	var steps []string
	for _, it := range get(ts.as(user, opWorklist, nil), "notificationWorklist").([]any) {
		if get(it, "custodyEvent", "id") == event {
			steps = append(steps, get(it, "step").(string)+"/"+get(it, "rule").(string))
		}
	}
	return steps
}

func wantSteps(t *testing.T, got []string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("worklist steps %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("worklist steps %v, want %v", got, want)
		}
	}
}

// The worklist says the next step of each open event, with the rule that
// requires it (AS1, AS2, DC1, DC3, DC7, NT2); an upheld appeal makes the
// decision final, so the notices become READY (DC5, DC7).
func TestWorklistFollowsTheWorkflow(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			s := ts.freshLeave(30)
			wantSteps(t, ts.steps("saksbehandler", s.event), "ASSESS_SECURITY/AS2")
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			wantSteps(t, ts.steps("saksbehandler", s.event), "ASSESS_SIGNIFICANCE/AS1")
			ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": s.file.victimNamed("Ingrid Solberg")["id"],
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."}))
			// Emma is still to be assessed.
			wantSteps(t, ts.steps("saksbehandler", s.event), "ASSESS_SIGNIFICANCE/AS1")
			ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": s.file.victimNamed("Emma Solberg")["id"],
				"notify": false, "factors": factors(true), "reasoning": "Emma bor hos faren i Tromsø; ikke av betydning nå."}))
			wantSteps(t, ts.steps("saksbehandler", s.event), "DECIDE/DC1")
			decision := id(ts.as("beslutter", opDecide, in(map[string]any{"custodyEventId": s.event, "reasoning": "Vilkårene for varsling er oppfylt."})), "decideNotification", "id")
			wantSteps(t, ts.steps("saksbehandler", s.event), "INFORM_CONVICT/DC3")
			ts.as("saksbehandler", opInformed, in(map[string]any{"decisionId": decision, "informedAt": rfc3339(ts.clock.Now()), "how": "IN_PERSON"}))
			wantSteps(t, ts.steps("saksbehandler", s.event), "PREPARE_NOTICES/NT2")
			ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event}))
			wantSteps(t, ts.steps("saksbehandler", s.event), "AWAIT_APPEAL_DEADLINE/DC5") // only Ingrid: Emma was assessed DO_NOT_NOTIFY
			appeal := id(ts.as("saksbehandler", opRegisterAppeal, in(map[string]any{"decisionId": decision, "receivedAt": rfc3339(ts.clock.Now())})),
				"registerAppeal", "id")
			wantSteps(t, ts.steps("saksbehandler", s.event), "DECIDE_APPEAL/DC7")
			// The region decides the appeal and sees it on its own worklist.
			wantSteps(t, ts.steps("region", s.event), "DECIDE_APPEAL/DC7")
			res := ts.as("region", opDecideAppeal, in(map[string]any{"appealId": appeal, "upheld": true, "reasoning": "Varsel er av betydning."}))
			if get(res, "decideAppeal", "status") != "UPHELD" {
				t.Fatalf("appeal = %v", res)
			}
			wantSteps(t, ts.steps("saksbehandler", s.event), "SEND_NOTICE/NT2")
		})
	}
}

// cancelNotice: a notice not yet sent is cancelled with its reason; RC10: a
// reservation cancels the notices not yet sent to that recipient, and an
// agreement is recorded with its date and how it was made.
func TestCancellingAndReserving(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			f := ts.convictFile("saksbehandler", "Martin Berg")
			s := ts.decidedFor(f, "Ingrid Solberg", false)
			n := get(ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event})), "prepareNotices", "notices", 0)
			ts.failsWith("saksbehandler", "BAD_USER_INPUT", opCancel, in(map[string]any{"noticeId": get(n, "id"), "reason": " "}))
			c := ts.as("saksbehandler", opCancel, in(map[string]any{"noticeId": get(n, "id"), "reason": "Permisjonen er trukket tilbake."}))
			if get(c, "cancelNotice", "status") != "CANCELLED" || get(c, "cancelNotice", "cancelReason") != "Permisjonen er trukket tilbake." {
				t.Fatalf("cancelNotice = %v", c)
			}
			ts.failsWith("saksbehandler", "CONFLICT", opCancel, in(map[string]any{"noticeId": get(n, "id"), "reason": "igjen"}))

			other := ts.decidedFor(f, "Ingrid Solberg", false)
			n = get(ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": other.event})), "prepareNotices", "notices", 0)
			ingrid := f.victimNamed("Ingrid Solberg")["id"]
			a := ts.as("saksbehandler", opAgreement, in(map[string]any{"victimId": ingrid, "frequency": "ONCE",
				"agreedAt": rfc3339(ts.clock.Now().Add(-time.Hour)), "how": "PHONE", "note": "Ønsker bare ett varsel."}))
			if get(a, "recordNotificationAgreement", "frequency") != "ONCE" {
				t.Fatalf("agreement = %v", a)
			}
			ts.as("saksbehandler", opReservation, in(map[string]any{"victimId": ingrid, "reservedAt": rfc3339(ts.clock.Now()), "how": "LETTER"}))
			after := get(ts.as("saksbehandler", `query($id: ID!) { node(id: $id) { ... on Notice { status cancelReason } } }`,
				map[string]any{"id": get(n, "id")}), "node")
			if get(after, "status") != "CANCELLED" {
				t.Fatalf("after the reservation the notice is %v (RC10)", after)
			}
		})
	}
}
