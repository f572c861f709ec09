package server_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
)

// The event form explains a kind that may not be notified before anyone
// registers it, with the very refusal registering it gives (EV1, EV2, EV3).
func TestEventKindsExplainRefusalsBeforeRegistering(t *testing.T) {
	ts := startServer(t, dbtest.Dialects[0])
	kinds := get(ts.as("saksbehandler", `{ eventKinds { kind name notifiable legalBasis notifiedInAdvance refusal { rule provision message } } }`, nil), "eventKinds").([]any)
	byKind := map[string]map[string]any{}
	for _, k := range kinds {
		byKind[get(k, "kind").(string)] = k.(map[string]any)
	}
	leave, transfer, escape := byKind["LEAVE"], byKind["TRANSFER_TO_OTHER_PRISON"], byKind["ESCAPE"]
	if leave["notifiable"] != true || leave["legalBasis"] != "straffegjennomføringsloven § 36 tredje ledd" || leave["refusal"] != nil || leave["name"] != "permisjon" {
		t.Errorf("LEAVE = %v", leave)
	}
	if escape["notifiedInAdvance"] != false || byKind["RELEASE_AT_TIME_FRAME_END"]["refusal"].(map[string]any)["rule"] != "EV3" {
		t.Errorf("ESCAPE = %v, RELEASE_AT_TIME_FRAME_END = %v", escape, byKind["RELEASE_AT_TIME_FRAME_END"])
	}
	martin := ts.convictFile("saksbehandler", "Martin Berg")
	e := ts.refused("saksbehandler", "EV2", opRegisterEvent, in(map[string]any{"convictId": martin["id"], "kind": "TRANSFER_TO_OTHER_PRISON",
		"startsAt": rfc3339(time.Now().AddDate(0, 0, 20))}))
	refusal := transfer["refusal"].(map[string]any)
	if transfer["notifiable"] != false || refusal["rule"] != "EV2" || refusal["message"] != e.Message || refusal["provision"] != e.Extensions["provision"] {
		t.Errorf("TRANSFER_TO_OTHER_PRISON = %v; registering it said %+v", transfer, e)
	}
	ts.failsWith("politi", "FORBIDDEN", `{ eventKinds { kind } }`, nil)
}

// An event's page shows its next step as the worklist does, and the case's
// history is the audit trail of everything recorded for it (PR3) — for the
// unit's staff only (PR5), with identifiers and no personal data.
func TestEventNextStepsAndCaseHistory(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			martin := ts.convictFile("saksbehandler", "Martin Berg")
			ev := ts.as("saksbehandler", opRegisterEvent, in(map[string]any{"convictId": martin["id"], "kind": "LEAVE",
				"startsAt": rfc3339(time.Now().AddDate(0, 0, 30))}))
			evID := id(ev, "registerCustodyEvent", "id")
			const steps = `query($id: ID!) { custodyEvent(id: $id) { nextSteps { step rule title deadline } } }`
			next := get(ts.as("saksbehandler", steps, map[string]any{"id": evID}), "custodyEvent", "nextSteps").([]any)
			if len(next) != 1 || get(next[0], "step") != "ASSESS_SECURITY" || get(next[0], "rule") != "AS2" || get(next[0], "deadline") == nil {
				t.Fatalf("next steps after registering = %v", next)
			}
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": evID, "possibleRevengeRisk": false,
				"reasoning": "Ingen kjent konflikt."}))
			next = get(ts.as("saksbehandler", steps, map[string]any{"id": evID}), "custodyEvent", "nextSteps").([]any)
			if len(next) != 1 || get(next[0], "step") != "ASSESS_SIGNIFICANCE" || !strings.Contains(get(next[0], "title").(string), "2 mulige mottakere") {
				t.Fatalf("next steps after the security assessment = %v", next)
			}

			// Who is to be assessed: Ingrid and Emma, each without an assessment yet (AS1).
			const recipients = `query($id: ID!) { custodyEvent(id: $id) { potentialRecipients {
				victim { id name } survivor { name } criminalCase { caseNumber } assessment { outcome } survivors minor } } }`
			pr := get(ts.as("saksbehandler", recipients, map[string]any{"id": evID}), "custodyEvent", "potentialRecipients").([]any)
			if len(pr) != 2 || get(pr[0], "victim", "name") != "Ingrid Solberg" || get(pr[1], "victim", "name") != "Emma Solberg" ||
				get(pr[0], "assessment") != nil || get(pr[0], "criminalCase", "caseNumber") != "23-041187MED-OTIR/06" ||
				get(pr[0], "minor") != false || get(pr[1], "minor") != true { // Emma is 13 (AS4)
				t.Fatalf("potential recipients = %v", pr)
			}
			ingrid := id(pr, 0, "victim", "id")
			ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": evID, "victimId": ingrid,
				"notify": true, "factors": factors(false), "reasoning": "Varsel er av betydning."}))
			pr = get(ts.as("saksbehandler", recipients, map[string]any{"id": evID}), "custodyEvent", "potentialRecipients").([]any)
			if get(pr[0], "assessment", "outcome") != "NOTIFY" || get(pr[1], "assessment") != nil {
				t.Fatalf("after assessing Ingrid: %v", pr)
			}

			// A deceased victim's survivors are assessed instead of the victim (RC3),
			// each knowing there are several (RC4).
			tor := ts.convictFile("saksbehandler", "Tor Eriksen")
			ev2 := id(ts.as("saksbehandler", opRegisterEvent, in(map[string]any{"convictId": tor["id"], "kind": "LEAVE",
				"startsAt": rfc3339(time.Now().AddDate(0, 0, 30))})), "registerCustodyEvent", "id")
			pr = get(ts.as("saksbehandler", recipients, map[string]any{"id": ev2}), "custodyEvent", "potentialRecipients").([]any)
			if len(pr) != 2 || get(pr[0], "victim") != nil || get(pr[0], "survivor", "name") != "Anne Moen" || get(pr[1], "survivors") != 2.0 {
				t.Fatalf("Tor Eriksen's potential recipients = %v", pr)
			}

			// What is recorded about a person belongs to the case too (RC10).
			ts.as("saksbehandler", opReservation, in(map[string]any{"victimId": ingrid,
				"reservedAt": rfc3339(time.Now().Add(-time.Hour)), "how": "LETTER"}))

			const history = `query($id: ID!) { convictHistory(convictId: $id) { seq occurredAt actor actorName operation action entityType entityID } }`
			r := ts.do(ts.token("saksbehandler"), history, map[string]any{"id": martin["id"]})
			if len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
			rows := get(r.Data, "convictHistory").([]any)
			seen := map[string]map[string]any{}
			for _, row := range rows {
				seen[get(row, "operation").(string)+" "+get(row, "entityType").(string)] = row.(map[string]any)
			}
			reg, sec := seen["registerCustodyEvent CustodyEvent"], seen["recordSecurityAssessment SecurityAssessment"]
			if reg == nil || reg["actorName"] != "Sara Nilsen" || reg["action"] != "CREATE" || idString(reg["entityID"]) != evID || sec == nil {
				t.Fatalf("history = %v", rows)
			}
			// Newest first; the demo data seeded at start is part of the case's history.
			if seen["recordReservation Reservation"] == nil || seen[" Guardian"] == nil {
				t.Errorf("the history lacks the reservation or the guardian: %v", rows)
			}
			if get(rows[0], "seq").(float64) <= get(rows[len(rows)-1], "seq").(float64) || seen[" Victim"] == nil {
				t.Errorf("history is not newest first, or lacks the victims: %v", rows)
			}
			body, _ := json.Marshal(rows)
			for _, personal := range []string{"Ingrid", "Solberg", "Storgata"} {
				if strings.Contains(string(body), personal) {
					t.Errorf("the history holds personal data (%s): %s", personal, body)
				}
			}
			// Another unit's staff and the police reach none of it.
			if r := ts.do(ts.token("saksbehandler2"), history, map[string]any{"id": martin["id"]}); r.code() != "NOT_FOUND" || get(r.Data, "convictHistory") != nil {
				t.Errorf("Bergen's caseworker: %v %v", r.Data, r.Errors)
			}
			ts.failsWith("politi", "FORBIDDEN", history, map[string]any{"id": martin["id"]})
		})
	}
}

// Every signed-in person can read the rulebook the web app cites beside each
// step: every rule, with its provision (the rules package's Rulebook).
func TestRulebookIsCitedToEveryone(t *testing.T) {
	ts := startServer(t, dbtest.Dialects[0])
	for _, user := range []string{"saksbehandler", "politi", "analytiker"} {
		rules := get(ts.as(user, `{ rulebook { id provision summary } }`, nil), "rulebook").([]any)
		if len(rules) != 53 || get(rules[0], "id") != "EV1" || get(rules[0], "provision") != "straffegjennomføringsloven § 7 b" {
			t.Errorf("%s: rulebook = %v", user, rules)
		}
	}
}
