package server_test

import (
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
)

// The rest of "reality changes" (NT8): a decision withdrawn, a convict
// transferred, a registration made in error, a criminal case's status and
// coverage corrected.

const (
	opWithdraw       = `mutation($in: WithdrawDecisionInput!) { withdrawDecision(input: $in) { id status withdrawnAt withdrawReason } }`
	opEventDecisions = `query($id: ID!) { custodyEvent(id: $id) { state decisions { id status } } }`
)

// decisionOf is the id of the event's decision in force.
func (ts *testServer) decisionOf(event string) string {
	ts.t.Helper()
	for _, d := range get(ts.as("saksbehandler", opEventDecisions, map[string]any{"id": event}), "custodyEvent", "decisions").([]any) {
		if get(d, "status") == "IN_FORCE" {
			return get(d, "id").(string)
		}
	}
	ts.t.Fatal("no decision in force")
	return ""
}

// DC1, DC2, NT8: the decision to notify of Martin Berg's leave is withdrawn
// after Ingrid's letter went, while the notice to Emma's guardian waits.
// Only a decision maker at the deciding level may, and only with reasons;
// a refusal stores nothing. Withdrawn, the waiting notice is cancelled and
// Ingrid gets exactly one cancellation — whose letter says the notice is
// withdrawn, not that the leave is cancelled — and the history says why.
func TestWithdrawDecisionCancelsWhatWaitsAndTellsWhoWasTold(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			event, notices := ts.walkToReady(berg("LEAVE", leaveOf(ts, 30)))
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
			decision := ts.decisionOf(event)

			// Refused, and nothing changes: a caseworker (DC1: decision
			// makers only), no reasons (DC1, on the field), another level (DC2).
			ts.failsWith("saksbehandler", "FORBIDDEN", opWithdraw, in(map[string]any{"decisionId": decision, "reason": "Feil."}))
			e := ts.refused("beslutter", "DC1", opWithdraw, in(map[string]any{"decisionId": decision, "reason": "  "}))
			if e.Extensions["field"] != "reason" {
				t.Errorf("the refusal names %v, want reason", e.Extensions["field"])
			}
			ts.refused("region", "DC2", opWithdraw, in(map[string]any{"decisionId": decision, "reason": "Feil nivå."}))
			for _, n := range noticesOf(ts, event) {
				if n["id"] == toGuardian && n["status"] != "READY" || n["kind"] != "NOTICE" {
					t.Fatalf("a refused withdrawal changed the notices: %v", n)
				}
			}

			res := ts.as("beslutter", opWithdraw, in(map[string]any{"decisionId": decision,
				"reason": "Vurderingen bygde på feil opplysninger om avstanden."}))
			if get(res, "withdrawDecision", "status") != "WITHDRAWN" || get(res, "withdrawDecision", "withdrawnAt") == nil {
				t.Fatalf("withdrawn = %v", res)
			}
			if s := get(ts.as("saksbehandler", opEventDecisions, map[string]any{"id": event}), "custodyEvent", "state"); s != "WITHDRAWN" {
				t.Errorf("state = %v, want WITHDRAWN", s)
			}
			var cancellations []map[string]any
			for _, n := range noticesOf(ts, event) {
				switch {
				case n["id"] == toGuardian && n["status"] != "CANCELLED":
					t.Errorf("the guardian's unsent notice is %v after the withdrawal", n["status"])
				case n["id"] == toIngrid && n["status"] != "SENT":
					t.Errorf("Ingrid's letter is %v", n["status"])
				case n["kind"] == "CANCELLATION":
					cancellations = append(cancellations, n)
				}
			}
			if len(cancellations) != 1 || cancellations[0]["guardian"] != nil || get(cancellations[0], "corrects", "id") != toIngrid ||
				cancellations[0]["status"] != "READY" {
				t.Fatalf("cancellations = %v, want one READY to Ingrid following her letter", cancellations)
			}
			// Withdrawing again is a conflict; nothing more is owed after
			// another change (NT6: exactly once).
			ts.failsWith("beslutter", "CONFLICT", opWithdraw, in(map[string]any{"decisionId": decision, "reason": "Igjen."}))
			ts.as("saksbehandler", opMove, in(map[string]any{"custodyEventId": event,
				"startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 33)), "reason": "Flyttet."}))
			count := 0
			for _, n := range noticesOf(ts, event) {
				if n["kind"] != "NOTICE" {
					count++
				}
			}
			if count != 1 {
				t.Errorf("%d follow-ups after a move of a withdrawn decision's event, want the one cancellation", count)
			}
			// The cancellation is the event's work until it goes; its letter
			// does not say the leave is cancelled.
			if steps := ts.steps("saksbehandler", event); len(steps) != 1 || !strings.HasPrefix(steps[0], "SEND_NOTICE") {
				t.Errorf("worklist after the withdrawal: %v", steps)
			}
			cancellation := cancellations[0]["id"].(string)
			ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": cancellation, "channel": "LETTER"}))
			code, pdf := ts.get("saksbehandler", "/letters/notices/"+cancellation)
			if text := pdfText(t, pdf); code != 200 || !strings.Contains(text, "Varselet er trukket tilbake: permisjon") || strings.Contains(text, "avlyst") {
				t.Fatalf("withdrawal letter %d: %s", code, text)
			}
			ts.as("saksbehandler", opPosted, map[string]any{"id": cancellation})
			if steps := ts.steps("saksbehandler", event); len(steps) != 0 {
				t.Errorf("worklist after the cancellation went: %v", steps)
			}
			f := ts.convictFile("saksbehandler", "Martin Berg")
			if !historySays(ts, f["id"], "Rettet (vedtak): trukket tilbake. Begrunnelse: Vurderingen bygde på feil") {
				t.Error("the history does not say the decision was withdrawn and why")
			}
			// A new decision may be made (WITHDRAWN → DECIDED): Emma's guardian
			// gets a new notice, and Ingrid, told it was withdrawn, is told again.
			again := id(ts.as("beslutter", opDecide, in(map[string]any{"custodyEventId": event, "reasoning": "Nytt vedtak på riktig grunnlag."})),
				"decideNotification", "id")
			ts.as("saksbehandler", opInformed, in(map[string]any{"decisionId": again, "informedAt": rfc3339(ts.clock.Now()), "how": "LETTER"}))
			ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": event}))
			kinds := map[string]int{}
			for _, n := range noticesOf(ts, event) {
				if n["status"] == "HELD" {
					to := "Ingrid"
					if n["guardian"] != nil {
						to = "guardian"
					}
					kinds[to+" "+n["kind"].(string)]++
				}
			}
			if kinds["guardian NOTICE"] != 1 || kinds["Ingrid CORRECTION"] != 1 || len(kinds) != 2 {
				t.Errorf("after a new decision, waiting: %v; want a notice to the guardian and a correction to Ingrid", kinds)
			}
		})
	}
}

// historySays reports whether a correction in the convict's history says want.
func historySays(ts *testServer, convict any, want string) bool {
	for _, h := range get(ts.as("saksbehandler", opHistory, map[string]any{"id": convict}), "convictHistory").([]any) {
		if d, _ := get(h, "detail").(string); strings.Contains(d, want) {
			return true
		}
	}
	return false
}

const (
	opTransfer      = `mutation($in: TransferConvictInput!) { transferConvict(input: $in) { id unit { name } } }`
	opEventLevel    = `query($id: ID!) { custodyEvent(id: $id) { id decidingLevel decidingUnit { name } } }`
	opConvictsNamed = `query($name: String!) { convicts(first: 10, where: {name: $name}) { totalCount } }`
)

// unitNamed is the id of a unit in the reference data.
func (ts *testServer) unitNamed(name string) string {
	ts.t.Helper()
	for _, u := range get(ts.as("saksbehandler", `{ units { id name } }`, nil), "units").([]any) {
		if get(u, "name") == name {
			return get(u, "id").(string)
		}
	}
	ts.t.Fatalf("no unit %s", name)
	return ""
}

// PR5, DC2, PR3: Martin Berg is transferred from Oslo to Bergen with a
// notice ready to send. Bergen's staff then see him, the event and the
// notice on their worklist; Oslo's no longer do. Bad input — no reason,
// a region as the new unit, the unit he is in, a unit the caller does not
// work for — is refused with the rule and the field, and changes nothing.
// Knut Lie, serving forvaring at Ila, is transferred by the region to
// Bergen: his open event is now decided by Region vest (DC2).
func TestTransferConvictMovesTheCaseAndItsOpenWork(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			event, _ := ts.walkToReady(berg("LEAVE", leaveOf(ts, 30)))
			berg := ts.convictFile("saksbehandler", "Martin Berg")["id"]
			bergen, oslo, regionOst := ts.unitNamed("Bergen fengsel"), ts.unitNamed("Oslo fengsel"), ts.unitNamed("Region øst")
			transfer := func(to, reason string) map[string]any {
				return in(map[string]any{"convictId": berg, "unitId": to, "reason": reason})
			}

			for _, c := range []struct{ rule, field, to, reason string }{
				{"NT8", "reason", bergen, " "},
				{"DC2", "unitId", regionOst, "Overført."},
				{"NT8", "unitId", oslo, "Overført."},
			} {
				if e := ts.refused("saksbehandler", c.rule, opTransfer, transfer(c.to, c.reason)); e.Extensions["field"] != c.field {
					t.Errorf("%s: the refusal names %v, want %s", c.rule, e.Extensions["field"], c.field)
				}
			}
			// Bergen's caseworker may not take Oslo's convict (PR5).
			e := ts.refused("saksbehandler2", "PR5", opTransfer, transfer(bergen, "Overført til Bergen."))
			if strings.Contains(e.Message, "Martin") || strings.Contains(e.Message, "Oslo") {
				t.Errorf("the refusal tells of the case: %s", e.Message)
			}
			if n := get(ts.as("saksbehandler2", opConvictsNamed, map[string]any{"name": "Martin Berg"}), "convicts", "totalCount"); n != 0.0 {
				t.Fatalf("a refused transfer let Bergen see Martin Berg (%v)", n)
			}
			ts.convictFile("saksbehandler", "Martin Berg")

			res := ts.as("saksbehandler", opTransfer, transfer(bergen, "Domfelte er overført til Bergen fengsel etter søknad."))
			if get(res, "transferConvict", "unit", "name") != "Bergen fengsel" {
				t.Fatalf("transferred = %v", res)
			}
			// Oslo's staff no longer see the case or its work.
			if n := get(ts.as("saksbehandler", opConvictsNamed, map[string]any{"name": "Martin Berg"}), "convicts", "totalCount"); n != 0.0 {
				t.Errorf("Oslo still sees Martin Berg (%v)", n)
			}
			ts.failsWith("saksbehandler", "NOT_FOUND", opEventLevel, map[string]any{"id": event})
			if steps := ts.steps("saksbehandler", event); len(steps) != 0 {
				t.Errorf("Oslo's worklist still has the event: %v", steps)
			}
			// Bergen's do, with the notices still to send; the event is now
			// decided at Bergen (DC2).
			ts.convictFile("saksbehandler2", "Martin Berg")
			lvl := get(ts.as("saksbehandler2", opEventLevel, map[string]any{"id": event}), "custodyEvent")
			if get(lvl, "decidingLevel") != "LOCAL" || get(lvl, "decidingUnit", "name") != "Bergen fengsel" {
				t.Errorf("after the transfer the event is decided by %v", lvl)
			}
			if steps := ts.steps("saksbehandler2", event); len(steps) != 2 || !strings.HasPrefix(steps[0], "SEND_NOTICE") {
				t.Errorf("Bergen's worklist for the event: %v", steps)
			}
			if !historySaysAs(ts, "saksbehandler2", berg, "Rettet (domfelte): enhet. Begrunnelse: Domfelte er overført til Bergen fengsel") {
				t.Error("the history does not show the transfer and why")
			}
			// Oslo can no longer move him back (PR5).
			ts.refused("saksbehandler", "PR5", opTransfer, transfer(oslo, "Tilbake."))

			// DC2: Knut Lie serves forvaring; his events are decided by the
			// region above whichever unit holds him.
			lie := ts.convictFile("region", "Knut Lie")["id"]
			lieEvent := id(ts.as("region", opRegisterEvent, in(map[string]any{"convictId": lie, "kind": "LEAVE",
				"startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 40))})), "registerCustodyEvent", "id")
			if u := get(ts.as("region", opEventLevel, map[string]any{"id": lieEvent}), "custodyEvent", "decidingUnit", "name"); u != "Region øst" {
				t.Fatalf("Knut Lie's leave is decided by %v before the transfer", u)
			}
			ts.as("region", opTransfer, in(map[string]any{"convictId": lie, "unitId": bergen, "reason": "Overført til Bergen."}))
			lvl = get(ts.as("saksbehandler2", opEventLevel, map[string]any{"id": lieEvent}), "custodyEvent")
			if get(lvl, "decidingLevel") != "REGION" || get(lvl, "decidingUnit", "name") != "Region vest" {
				t.Errorf("after the transfer Knut Lie's leave is decided by %v, want Region vest", lvl)
			}
		})
	}
}

// historySaysAs reports whether a correction in the convict's history, as
// the user sees it, says want.
func historySaysAs(ts *testServer, user string, convict any, want string) bool {
	for _, h := range get(ts.as(user, opHistory, map[string]any{"id": convict}), "convictHistory").([]any) {
		if d, _ := get(h, "detail").(string); strings.Contains(d, want) {
			return true
		}
	}
	return false
}

const (
	opMarkInError   = `mutation($in: MarkRegisteredInErrorInput!) { markRegisteredInError(input: $in) }`
	opConvictEvents = `query($id: ID!) { node(id: $id) { ... on Convict { custodyEvents(first: 50) { totalCount edges { node { id } } } } } }`
	opHistoryRows   = `query($id: ID!) { convictHistory(convictId: $id) { operation entityType entityID action detail } }`
)

// eventsOf lists the ids of the convict's events as staff see them.
func eventsOf(ts *testServer, user string, convict any) []string {
	var out []string
	for _, e := range get(ts.as(user, opConvictEvents, map[string]any{"id": convict}), "node", "custodyEvents", "edges").([]any) {
		out = append(out, get(e, "node", "id").(string))
	}
	return out
}

// NT8, PR3: a custody event registered in error leaves the convict's list
// of events, the worklist and node lookups; its unsent notices stop; the
// history still shows it was registered and why it was marked. An event
// of which a letter went cannot be marked — it is cancelled instead, so
// that whoever was told gets a cancellation. Bad input stores nothing.
func TestEventRegisteredInErrorLeavesTheListsAndStaysInTheHistory(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			wrong, _ := ts.walkToReady(berg("LEAVE", leaveOf(ts, 30)))
			told, notices := ts.walkToReady(berg("LEAVE", leaveOf(ts, 50)))
			for _, n := range notices {
				if get(n, "guardian") == nil {
					ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": get(n, "id"), "channel": "LETTER"}))
					ts.as("saksbehandler", opPosted, map[string]any{"id": get(n, "id")})
				}
			}
			convict := ts.convictFile("saksbehandler", "Martin Berg")["id"]

			ts.refused("saksbehandler", "NT8", opMarkInError, in(map[string]any{"custodyEventId": wrong, "reason": " "}))
			ts.failsWith("saksbehandler", "BAD_USER_INPUT", opMarkInError, in(map[string]any{"custodyEventId": wrong,
				"victimId": ts.convictFile("saksbehandler", "Martin Berg").victimNamed("Ingrid Solberg")["id"], "reason": "Feil."}))
			ts.failsWith("saksbehandler2", "NOT_FOUND", opMarkInError, in(map[string]any{"custodyEventId": wrong, "reason": "Feil."}))
			if e := ts.refused("saksbehandler", "NT8", opMarkInError, in(map[string]any{"custodyEventId": told, "reason": "Feil."})); !e.says("Avlys hendelsen") {
				t.Errorf("the refusal for an event that was notified says %q", e.Message)
			}
			if got := eventsOf(ts, "saksbehandler", convict); len(got) != 2 {
				t.Fatalf("a refused marking changed the events: %v", got)
			}

			res := ts.as("saksbehandler", opMarkInError, in(map[string]any{"custodyEventId": wrong, "reason": "Permisjonen ble registrert på feil domfelt."}))
			if get(res, "markRegisteredInError") != wrong {
				t.Fatalf("marked = %v", res)
			}
			if got := eventsOf(ts, "saksbehandler", convict); len(got) != 1 || got[0] != told {
				t.Errorf("the convict's events after the marking: %v, want only %s", got, told)
			}
			ts.failsWith("saksbehandler", "NOT_FOUND", opEventLevel, map[string]any{"id": wrong})
			if steps := ts.steps("saksbehandler", wrong); len(steps) != 0 {
				t.Errorf("the worklist still has the event: %v", steps)
			}
			// The history keeps it: its registration, the notices stopped
			// (two, unsent), and why.
			registered, stopped, why := false, 0, false
			for _, h := range get(ts.as("saksbehandler", opHistoryRows, map[string]any{"id": convict}), "convictHistory").([]any) {
				switch {
				case get(h, "entityType") == "CustodyEvent" && idString(get(h, "entityID")) == wrong && get(h, "action") == "CREATE":
					registered = true
				case get(h, "operation") == "markRegisteredInError" && get(h, "entityType") == "Notice":
					stopped++
				}
				if d, _ := get(h, "detail").(string); strings.Contains(d, "Rettet (hendelse): registrert ved en feil. Begrunnelse: Permisjonen ble registrert på feil domfelt") {
					why = true
				}
			}
			if !registered || stopped != 2 || !why {
				t.Errorf("history: registered %v, notices stopped %d, why %v", registered, stopped, why)
			}
		})
	}
}

// NT8, RC5, PR3, I4, I11: Emma, a minor, was registered in error as a
// victim after the letter to her guardian went. Ingrid's notice goes on;
// Emma leaves the case file, the event's notices and its potential
// recipients, and stays in the history; when the leave is moved, nothing
// more goes on her behalf.
// The guardian Emma depends on cannot be marked first: a minor's notice
// must then go to a guardian, and none would be left (RC5) — refused,
// nothing stored.
func TestPersonRegisteredInErrorLeavesTheListsAndTheirNoticesStop(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			event, notices := ts.walkToReady(berg("LEAVE", leaveOf(ts, 30)))
			f := ts.convictFile("saksbehandler", "Martin Berg")
			emma := f.victimNamed("Emma Solberg")
			guardian := get(emma, "guardians", 0, "id")
			// The letter to Emma's guardian went before the error was found.
			for _, n := range notices {
				if get(n, "guardian") != nil {
					ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": get(n, "id"), "channel": "LETTER"}))
					ts.as("saksbehandler", opPosted, map[string]any{"id": get(n, "id")})
				}
			}

			ts.refused("saksbehandler", "RC5", opMarkInError, in(map[string]any{"guardianId": guardian, "reason": "Feil verge."}))
			ts.refused("saksbehandler", "NT8", opMarkInError, in(map[string]any{"victimId": emma["id"], "reason": ""}))
			if len(get(ts.convictFile("saksbehandler", "Martin Berg").victimNamed("Emma Solberg"), "guardians").([]any)) != 1 {
				t.Fatal("a refused marking removed the guardian")
			}

			ts.as("saksbehandler", opMarkInError, in(map[string]any{"victimId": emma["id"], "reason": "Emma er ikke fornærmet i saken."}))
			active := 0
			for _, n := range noticesOf(ts, event) {
				if n["status"] != "CANCELLED" {
					active++
					if n["guardian"] != nil || n["status"] != "READY" {
						t.Errorf("after the marking: %v", n)
					}
				}
			}
			if active != 1 {
				t.Errorf("%d notices go on, want Ingrid's", active)
			}
			// Moved later: Ingrid's waiting notice follows; nothing more goes
			// to Emma's guardian, who was told on her behalf (I4, I11 hold).
			later := ts.clock.Now().AddDate(0, 0, 25).Truncate(time.Minute)
			ts.as("saksbehandler", opMove, in(map[string]any{"custodyEventId": event, "startsAt": rfc3339(later), "reason": "Flyttet."}))
			for _, n := range noticesOf(ts, event) {
				if n["kind"] != "NOTICE" || n["status"] != "CANCELLED" && !sameInstant(get(n, "content", "startsAt").(string), later) {
					t.Errorf("after the move: %v", n)
				}
			}
			for _, c := range ts.convictFile("saksbehandler", "Martin Berg")["criminalCases"].([]any) {
				for _, v := range get(c, "victims").([]any) {
					if get(v, "name") == "Emma Solberg" {
						t.Error("Emma is still in the case file")
					}
				}
			}
			for _, p := range get(ts.as("saksbehandler", `query($id: ID!) { custodyEvent(id: $id) { potentialRecipients { victim { id } } } }`,
				map[string]any{"id": event}), "custodyEvent", "potentialRecipients").([]any) {
				if get(p, "victim", "id") == emma["id"] {
					t.Error("Emma is still a potential recipient")
				}
			}
			if !historySays(ts, f["id"], "Rettet (fornærmet): registrert ved en feil. Begrunnelse: Emma er ikke fornærmet") {
				t.Error("the history does not say Emma was registered in error")
			}
		})
	}
}

const opCorrectCase = `mutation($in: CorrectCriminalCaseInput!) { correctCriminalCase(input: $in) { id status offenceCategories courtReasoning } }`

// RC1, NT8, AS3, IX8: Martin Berg's case with Ingrid and Emma is corrected.
// Bad input is refused on the field and stores nothing. Completed, the
// waiting notices stop and its victims are no longer potential recipients;
// a completed case is not changed, except by correcting its status: served
// again, the decision in force stands and the notices are made again.
// A case purged under the retention rules is refused with IX8.
func TestCaseStatusAndCoverageCorrected(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d, "VARSEL_JOB_INTERVAL=300ms")
			event, _ := ts.walkToReady(berg("LEAVE", leaveOf(ts, 30)))
			f := ts.convictFile("saksbehandler", "Martin Berg")
			var caseID string
			for _, c := range f["criminalCases"].([]any) {
				for _, v := range get(c, "victims").([]any) {
					if get(v, "name") == "Ingrid Solberg" {
						caseID = get(c, "id").(string)
					}
				}
			}
			correct := func(user string, fields map[string]any) map[string]any {
				fields["criminalCaseId"] = caseID
				return in(fields)
			}
			for _, c := range []struct {
				rule, field string
				in          map[string]any
			}{
				{"NT8", "reason", map[string]any{"status": "COMPLETED", "reason": " "}},
				{"NT8", "status", map[string]any{"status": "SERVING", "reason": "Ingen endring."}},
				{"AS3", "offenceCategories", map[string]any{"offenceCategories": []string{}, "reason": "Rettet."}},
			} {
				if e := ts.refused("saksbehandler", c.rule, opCorrectCase, correct("saksbehandler", c.in)); e.Extensions["field"] != c.field {
					t.Errorf("%s: the refusal names %v, want %s", c.rule, e.Extensions["field"], c.field)
				}
			}
			ts.failsWith("saksbehandler2", "NOT_FOUND", opCorrectCase, correct("", map[string]any{"status": "COMPLETED", "reason": "x"}))

			res := ts.as("saksbehandler", opCorrectCase, correct("", map[string]any{"status": "COMPLETED", "courtReasoning": "Dommen er sonet.",
				"reason": "Straffen i saken er ferdig gjennomført."}))
			if get(res, "correctCriminalCase", "status") != "COMPLETED" {
				t.Fatalf("corrected = %v", res)
			}
			for _, n := range noticesOf(ts, event) {
				if n["status"] != "CANCELLED" {
					t.Errorf("a notice to a victim of a completed case is %v (RC1)", n["status"])
				}
			}
			if pr := get(ts.as("saksbehandler", `query($id: ID!) { custodyEvent(id: $id) { potentialRecipients { victim { id } } } }`,
				map[string]any{"id": event}), "custodyEvent", "potentialRecipients").([]any); len(pr) != 0 {
				t.Errorf("potential recipients of a completed case: %v", pr)
			}
			// Completed: no change but its status.
			ts.refused("saksbehandler", "RC1", opCorrectCase, correct("", map[string]any{"offenceCategories": []string{"THREATS"}, "reason": "Rettet."}))
			ts.as("saksbehandler", opCorrectCase, correct("", map[string]any{"status": "SERVING", "reason": "Saken ble avsluttet ved en feil."}))
			active := 0
			for _, n := range noticesOf(ts, event) {
				if n["status"] != "CANCELLED" {
					active++
				}
			}
			if active != 2 {
				t.Errorf("%d notices after the case is served again, want 2", active)
			}
			if !historySays(ts, f["id"], "Rettet (straffesak): status, domspremisser. Begrunnelse: Straffen i saken er ferdig gjennomført") {
				t.Error("the history does not say what was corrected and why")
			}

			// IX8: a purged case cannot be changed.
			ended := ts.clock.Now().AddDate(-10, 0, 3).Format(time.DateOnly)
			old := id(ts.as("saksbehandler", opRegisterConvict, in(map[string]any{"name": "Gammel Sak", "nationalIdentityNumber": nin(1960, 4, 4),
				"sentenceEndedOn": ended})), "registerConvict", "id")
			oldCase := id(ts.as("saksbehandler", opAddCase, in(map[string]any{"convictId": old, "caseNumber": "14-000111MED-OTIR/01",
				"judgmentDate": "2014-01-10", "offenceCategories": []string{"VIOLENCE"}, "status": "COMPLETED"})), "addCriminalCase", "id")
			ts.clock.advance(3 * 24 * time.Hour)
			eventually(t, 15*time.Second, "purging the old case", func() bool {
				return get(ts.as("saksbehandler", opConvictsNamed, map[string]any{"name": "Gammel Sak"}), "convicts", "totalCount") == 0.0
			})
			ts.refused("saksbehandler", "IX8", opCorrectCase, in(map[string]any{"criminalCaseId": oldCase, "status": "SERVING", "reason": "Gjenåpnet."}))
		})
	}
}

// ingridToldByLetter walks Martin Berg's leave to its notices and posts the
// letter to Ingrid; the notice to Emma's guardian waits.
func (ts *testServer) ingridToldByLetter() (event, toIngrid string) {
	ts.t.Helper()
	event, notices := ts.walkToReady(berg("LEAVE", leaveOf(ts, 30)))
	for _, n := range notices {
		if get(n, "guardian") == nil {
			toIngrid = get(n, "id").(string)
		}
	}
	ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": toIngrid, "channel": "LETTER"}))
	ts.as("saksbehandler", opPosted, map[string]any{"id": toIngrid})
	return event, toIngrid
}

// RC10, NT8 (found by the model test): Ingrid, told of the leave, reserves
// against further notices; the leave is moved while she is reserved, and she
// is owed nothing. When she lifts the reservation she is notified again, and
// what she was told no longer holds: she gets the correction then.
func TestLiftingAReservationCorrectsWhatChangedMeanwhile(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			event, _ := ts.ingridToldByLetter()
			ingrid := ts.convictFile("saksbehandler", "Martin Berg").victimNamed("Ingrid Solberg")["id"]
			reservation := id(ts.as("saksbehandler", opReservation, in(map[string]any{"victimId": ingrid,
				"reservedAt": rfc3339(ts.clock.Now()), "how": "PHONE"})), "recordReservation", "id")
			ts.as("saksbehandler", opMove, in(map[string]any{"custodyEventId": event,
				"startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 37)), "reason": "Permisjonen er flyttet en uke."}))
			corrections := func() int {
				n := 0
				for _, m := range noticesOf(ts, event) {
					if m["kind"] == "CORRECTION" && m["guardian"] == nil && m["status"] != "CANCELLED" {
						n++
					}
				}
				return n
			}
			if n := corrections(); n != 0 {
				t.Fatalf("%d corrections to Ingrid while she is reserved against notices (RC10)", n)
			}
			ts.as("saksbehandler", `mutation($id: ID!) { liftReservation(id: $id) { id } }`, map[string]any{"id": reservation})
			if n := corrections(); n != 1 {
				t.Fatalf("%d corrections to Ingrid after she lifted the reservation, want 1 (NT8)", n)
			}
		})
	}
}

// DC1, NT8 (found by the model test): a new decision is made after a
// withdrawal, before the cancellation owed to Ingrid went. The cancellation
// stops — what she was told holds again — and the new decision stands.
func TestNewDecisionStopsTheCancellationOfTheWithdrawnOne(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			event, toIngrid := ts.ingridToldByLetter()
			ts.as("beslutter", opWithdraw, in(map[string]any{"decisionId": ts.decisionOf(event), "reason": "Feil grunnlag."}))
			ts.as("beslutter", opDecide, in(map[string]any{"custodyEventId": event, "reasoning": "Nytt vedtak på riktig grunnlag."}))
			for _, n := range noticesOf(ts, event) {
				if n["kind"] == "CANCELLATION" && n["status"] != "CANCELLED" {
					t.Errorf("the cancellation of the withdrawn decision is %v after a new decision", n["status"])
				}
				if n["id"] == toIngrid && n["status"] != "SENT" {
					t.Errorf("Ingrid's letter is %v", n["status"])
				}
			}
		})
	}
}
