package server_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
	"varsel/rules"
)

// The police liaison portal as the seeded police users see it: politi (Per
// Olsen, Oslo politidistrikt) and politi2 (Vera Nes, Vest politidistrikt).
const (
	opPoliceRequests = `query($kind: PoliceRequestKind, $status: PoliceRequestStatus) {
		policeRequests(kind: $kind, status: $status) { totalCount edges { node { id kind status answerBy } } } }`
	opPoliceRequest = `query($id: ID!) { policeRequest(id: $id) {
		id kind status question response unit { name } policeDistrict { name }
		delivery { recipientName recipientNationalIdentityNumber onBehalfOf eventStartsAt deliverBy letterUrl } } }`
	opAcknowledge     = `mutation($id: ID!) { acknowledgePoliceRequest(id: $id) { id status acknowledgedAt } }`
	opCompleteRequest = `mutation($in: CompletePoliceRequestInput!) { completePoliceRequest(input: $in) {
		id status response riskConfirmed deliveredAt deliveryManner completedAt } }`
	opDecline = `mutation($id: ID!, $reason: String!) { declinePoliceRequest(id: $id, reason: $reason) { id status declineReason declinedAt } }`
	opReport  = `mutation($in: ReportToCorrectionalServiceInput!) { reportToCorrectionalService(input: $in) {
		id kind summary reportedAt unit { name } policeDistrict { name } } }`
	opReports         = `query($u: Boolean) { policeReports(unacknowledged: $u) { totalCount edges { node { id kind summary acknowledgedAt } } } }`
	opAckReport       = `mutation($id: ID!) { acknowledgePoliceReport(id: $id) { id acknowledgedAt } }`
	opAlertsWithLinks = `{ notificationAlerts { kind rule message policeReport { id } policeRequest { id } notice { id } } }`
)

// protectedNotice walks a leave for Tor Eriksen to a READY notice for Anne
// Moen, whose address is strengt fortrolig, and sends it through Oslo's
// police (RC9). It returns the notice and the leave's start.
func protectedNotice(ts *testServer) (notice map[string]any, startsAt time.Time) {
	ts.t.Helper()
	leave := leaveOf(ts, 30)
	_, notices := ts.walkToReady(walk{caseworker: "saksbehandler", decider: "region", convict: "Tor Eriksen",
		event: leave, recipients: []recipientSpec{{survivor: "Anne Moen"}},
		severalSurvivors: "Bare enken varsles; faren har bedt om ikke å få varsler.", informed: true})
	notice = notices[0].(map[string]any)
	ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": notice["id"], "channel": "VIA_POLICE"}))
	startsAt, err := time.Parse(time.RFC3339, leave["startsAt"].(string))
	if err != nil {
		ts.t.Fatal(err)
	}
	return notice, startsAt
}

// onlyRequest returns the one request of a kind the user sees.
func onlyRequest(ts *testServer, user, kind string) map[string]any {
	ts.t.Helper()
	conn := get(ts.as(user, opPoliceRequests, map[string]any{"kind": kind}), "policeRequests")
	if n := get(conn, "totalCount"); n != 1.0 {
		ts.t.Fatalf("%s sees %v %s requests, want 1", user, n, kind)
	}
	return get(conn, "edges", 0, "node").(map[string]any)
}

// RC9, PR5: a delivery request tells the police who is to be notified,
// identified by identity number, the notice letter and the event's time —
// and nothing else of the case. Another district sees none of it, by list,
// by node(id) or through an edge. Confirming the delivery makes the notice
// DELIVERED.
func TestPoliceDeliverNotice(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			notice, startsAt := protectedNotice(ts)
			anne := ts.convictFile("saksbehandler", "Tor Eriksen").survivorNamed("Anne Moen")
			nin := get(ts.as("saksbehandler", `query($id: ID!) { node(id: $id) { ... on Survivor { nationalIdentityNumber } } }`,
				map[string]any{"id": anne["id"]}), "node", "nationalIdentityNumber")

			req := onlyRequest(ts, "politi", "DELIVER_NOTICE")
			got := get(ts.as("politi", opPoliceRequest, map[string]any{"id": req["id"]}), "policeRequest").(map[string]any)
			// The whole response, field by field: nothing more than RC9 allows.
			delivery := got["delivery"].(map[string]any)
			if at, err := time.Parse(time.RFC3339Nano, delivery["eventStartsAt"].(string)); err != nil || !at.Equal(startsAt) {
				t.Fatalf("eventStartsAt = %v, want %s", delivery["eventStartsAt"], startsAt)
			}
			delivery["eventStartsAt"] = "<the leave's start>"
			want := map[string]any{
				"id": req["id"], "kind": "DELIVER_NOTICE", "status": "OPEN",
				"question": "Kriminalomsorgen ber politiet levere varsel om permisjon til en fornærmet eller etterlatt med skjermet eller ukjent adresse, senest " +
					dotted(notice["dueDate"].(string)) + ".",
				"response": nil, "unit": map[string]any{"name": "Oslo fengsel"}, "policeDistrict": map[string]any{"name": "Oslo politidistrikt"},
				"delivery": map[string]any{
					"recipientName": "Anne Moen", "recipientNationalIdentityNumber": nin, "onBehalfOf": nil,
					"eventStartsAt": "<the leave's start>", "deliverBy": notice["dueDate"],
					"letterUrl": "/letters/police-requests/" + req["id"].(string),
				},
			}
			if !reflect.DeepEqual(got, want) {
				g, _ := json.MarshalIndent(got, "", "  ")
				w, _ := json.MarshalIndent(want, "", "  ")
				t.Fatalf("the police see\n%s\nwant\n%s", g, w)
			}
			code, pdf := ts.get("politi", "/letters/police-requests/"+req["id"].(string))
			if code != 200 || !strings.Contains(pdfText(t, pdf), "Anne Moen") {
				t.Fatalf("the police cannot fetch the letter: %d", code)
			}

			// The police cannot reach the case behind the request.
			r := ts.do(ts.token("politi"), `query($id: ID!) { policeRequest(id: $id) { custodyEvent { id } } }`, map[string]any{"id": req["id"]})
			if r.code() != "GRAPHQL_VALIDATION_FAILED" {
				t.Fatalf("a request leads the police to its custody event: %+v", r)
			}
			r = ts.do(ts.token("politi"), `query($id: ID!) { node(id: $id) { ... on Notice { status } } }`, map[string]any{"id": notice["id"]})
			if get(r.Data, "node", "status") != nil {
				t.Fatalf("the police read the notice itself: %v", r.Data)
			}
			r = ts.do(ts.token("politi"), `query($id: ID!) { policeRequest(id: $id) { unit { convicts { totalCount edges { node { name } } } } } }`,
				map[string]any{"id": req["id"]})
			if body, _ := json.Marshal(r.Data); strings.Contains(string(body), "Eriksen") || get(r.Data, "policeRequest", "unit", "convicts", "totalCount") != nil {
				t.Fatalf("the police list the unit's convicts through a request: %s", body)
			}

			// Another district sees nothing: not in the list, not by id, not the letter.
			if n := get(ts.as("politi2", opPoliceRequests, nil), "policeRequests", "totalCount"); n != 0.0 {
				t.Fatalf("Vest politidistrikt sees %v of Oslo's requests", n)
			}
			r = ts.do(ts.token("politi2"), opPoliceRequest, map[string]any{"id": req["id"]})
			if r.code() != "NOT_FOUND" || get(r.Data, "policeRequest") != nil {
				t.Fatalf("Vest politidistrikt reads Oslo's request: %+v", r)
			}
			r = ts.do(ts.token("politi2"), `query($id: ID!) { node(id: $id) { id ... on PoliceRequest { kind } } }`, map[string]any{"id": req["id"]})
			if get(r.Data, "node") != nil {
				t.Fatalf("Vest politidistrikt reads Oslo's request by node(id): %v", r.Data)
			}
			if code, _ := ts.get("politi2", "/letters/police-requests/"+req["id"].(string)); code != 404 {
				t.Fatalf("Vest politidistrikt fetches Oslo's letter: %d", code)
			}
			ts.failsWith("politi2", "NOT_FOUND", opAcknowledge, map[string]any{"id": req["id"]})

			// Every view is in the access log, naming the request and who viewed it.
			views := get(ts.as("revisor", `query($id: Int) { accessLog(where: {policeRequestID: $id, actor: "politi"}) { totalCount } }`,
				map[string]any{"id": idInt(t, req["id"])}), "accessLog", "totalCount").(float64)
			if views < 3 {
				t.Fatalf("%v logged views of the request by politi, want one per list, read and letter", views)
			}

			ack := ts.as("politi", opAcknowledge, map[string]any{"id": req["id"]})
			if get(ack, "acknowledgePoliceRequest", "status") != "ACKNOWLEDGED" {
				t.Fatalf("acknowledge = %v", ack)
			}
			ts.refused("politi", "RC9", opCompleteRequest, in(map[string]any{"id": req["id"]}))
			ts.failsWith("politi", "BAD_USER_INPUT", opCompleteRequest, in(map[string]any{"id": req["id"],
				"deliveredAt": rfc3339(ts.clock.Now().Add(time.Hour)), "deliveryManner": "Overlevert personlig"}))
			// Not before the police were asked; but a person gives the time to
			// the minute, and the minute they were asked in is not before it.
			asked, _ := time.Parse(time.RFC3339Nano, get(ts.as("politi", `query($id: ID!) { policeRequest(id: $id) { createdAt } }`,
				map[string]any{"id": req["id"]}), "policeRequest", "createdAt").(string))
			e := ts.failsWith("politi", "BAD_USER_INPUT", opCompleteRequest, in(map[string]any{"id": req["id"],
				"deliveredAt": rfc3339(asked.Add(-2 * time.Minute)), "deliveryManner": "Overlevert personlig"}))
			if !e.says("før politiet ble bedt om å levere det") {
				t.Fatalf("a delivery before the request: %+v", e)
			}
			delivered := asked.Truncate(time.Minute)
			done := ts.as("politi", opCompleteRequest, in(map[string]any{"id": req["id"],
				"deliveredAt": rfc3339(delivered), "deliveryManner": "Overlevert personlig på bopel"}))
			if get(done, "completePoliceRequest", "status") != "COMPLETED" || get(done, "completePoliceRequest", "deliveryManner") != "Overlevert personlig på bopel" {
				t.Fatalf("complete = %v", done)
			}
			state := ts.as("saksbehandler", opNoticeState, map[string]any{"id": notice["id"]})
			if get(state, "node", "status") != "DELIVERED" {
				t.Fatalf("the notice is %v after the police confirmed delivery", get(state, "node", "status"))
			}
			if at, _ := time.Parse(time.RFC3339Nano, get(state, "node", "deliveredAt").(string)); !at.Equal(delivered) {
				t.Fatalf("deliveredAt = %v, want the police's %s", get(state, "node", "deliveredAt"), delivered)
			}
			wantSteps(t, stepsFor(ts, notice["id"]))
			ts.failsWith("politi", "CONFLICT", opCompleteRequest, in(map[string]any{"id": req["id"],
				"deliveredAt": rfc3339(delivered), "deliveryManner": "igjen"}))
		})
	}
}

// dotted writes a GraphQL Date (2026-12-08) the Norwegian way (08.12.2026).
func dotted(date string) string {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		panic(err)
	}
	return d.Format("02.01.2006")
}

// AS2: the police answer a request for a statement in the portal; a
// confirmed risk of revenge stops the notification. A declined request is
// put on the unit's alerts; a declined delivery sends the notice back to be
// sent another way.
func TestPoliceStatementAndDecline(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			oslo := districtID(ts, "Oslo politidistrikt")
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": true,
				"reasoning": "Fornærmedes bror er dømt for trusler mot domfelte.", "policeDistrictId": oslo}))
			req := onlyRequest(ts, "politi", "SECURITY_STATEMENT")
			q := get(ts.as("politi", opPoliceRequest, map[string]any{"id": req["id"]}), "policeRequest")
			if !strings.Contains(get(q, "question").(string), "Martin Berg") || get(q, "delivery") != nil {
				t.Fatalf("security statement request = %v", q)
			}
			ts.refused("politi", "AS2", opCompleteRequest, in(map[string]any{"id": req["id"], "statement": "Vi kjenner til konflikten."}))
			ts.as("politi", opCompleteRequest, in(map[string]any{"id": req["id"], "riskConfirmed": true,
				"statement": "Politiet vurderer at det er reell fare for hevnaksjoner."}))
			outcome := get(ts.as("saksbehandler", `query($id: ID!) { custodyEvent(id: $id) { securityAssessments { outcome policeStatement } } }`,
				map[string]any{"id": s.event}), "custodyEvent", "securityAssessments", 0)
			if get(outcome, "outcome") != "RISK_CONFIRMED" || get(outcome, "policeStatement") != "Politiet vurderer at det er reell fare for hevnaksjoner." {
				t.Fatalf("security assessment after the statement = %v", outcome)
			}
			ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event,
				"victimId": s.file.victimNamed("Ingrid Solberg")["id"], "notify": true, "factors": factors(false), "reasoning": "Av betydning."}))
			ts.refused("beslutter", "AS2", opDecide, in(map[string]any{"custodyEventId": s.event, "reasoning": "Vilkårene for varsling er oppfylt."}))

			// AS6: a request for information, declined by the police.
			info := ts.freshLeave(40)
			ts.as("saksbehandler", opRequestInfo, in(map[string]any{"custodyEventId": info.event, "source": "POLICE",
				"purpose": "Har domfelte kontakt med fornærmede?", "policeDistrictId": oslo}))
			infoReq := onlyRequest(ts, "politi", "INFORMATION")
			ts.failsWith("politi", "BAD_USER_INPUT", opDecline, map[string]any{"id": infoReq["id"], "reason": " "})
			declined := ts.as("politi", opDecline, map[string]any{"id": infoReq["id"], "reason": "Opplysningene inngår i en pågående etterforskning."})
			if get(declined, "declinePoliceRequest", "status") != "DECLINED" {
				t.Fatalf("decline = %v", declined)
			}
			ts.failsWith("politi", "CONFLICT", opCompleteRequest, in(map[string]any{"id": infoReq["id"], "answer": "Likevel"}))
			if !hasAlert(ts, "saksbehandler", "POLICE_DECLINED", "AS6", "policeRequest", infoReq["id"]) {
				t.Fatal("the unit is not alerted that the police declined")
			}
			if hasAlert(ts, "saksbehandler2", "POLICE_DECLINED", "AS6", "policeRequest", infoReq["id"]) {
				t.Fatal("another unit is alerted of Oslo's declined request")
			}

			// RC9: a declined delivery sends the notice back to READY.
			notice, _ := protectedNotice(ts)
			deliver := onlyRequest(ts, "politi", "DELIVER_NOTICE")
			ts.as("politi", opDecline, map[string]any{"id": deliver["id"], "reason": "Mottakeren er flyttet ut av distriktet."})
			if st := get(ts.as("saksbehandler", opNoticeState, map[string]any{"id": notice["id"]}), "node", "status"); st != "READY" {
				t.Fatalf("a notice the police will not deliver is %v", st)
			}
			if !hasAlert(ts, "saksbehandler", "POLICE_DECLINED", "RC9", "notice", notice["id"]) {
				t.Fatal("the unit is not alerted that the police will not deliver")
			}
		})
	}
}

// hasAlert reports whether user sees an open alert of a kind and rule that
// links to the given id.
func hasAlert(ts *testServer, user, kind, rule, link string, id any) bool {
	ts.t.Helper()
	for _, a := range get(ts.as(user, opAlertsWithLinks, nil), "notificationAlerts").([]any) {
		if get(a, "kind") == kind && get(a, "rule") == rule && get(a, link, "id") == id {
			return true
		}
	}
	return false
}

// districtID is a police district's ID by name.
func districtID(ts *testServer, name string) string {
	ts.t.Helper()
	for _, d := range get(ts.as("saksbehandler", `{ policeDistricts { id name } }`, nil), "policeDistricts").([]any) {
		if get(d, "name") == name {
			return get(d, "id").(string)
		}
	}
	ts.t.Fatalf("no police district %s", name)
	return ""
}

// convictNIN is a convict's identity number, as the unit's caseworker reads it.
func convictNIN(ts *testServer, name string) string {
	ts.t.Helper()
	edges := get(ts.as("saksbehandler", `query($n: String!) { convicts(where: {name: $n}) { edges { node { nationalIdentityNumber } } } }`,
		map[string]any{"n": name}), "convicts", "edges").([]any)
	return get(edges[0], "node", "nationalIdentityNumber").(string)
}

// IX5: the police's mandatory messages reach the convict's responsible unit
// and stay on its alerts until read; they are recorded as disclosures from
// the police; another unit and another district see none of it.
func TestPoliceReportToCorrectionalService(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			nin := convictNIN(ts, "Martin Berg")
			ts.refused("politi", "IX5", opReport, in(map[string]any{"convictNationalIdentityNumber": nin, "kind": "INVESTIGATION_OPENED", "summary": ""}))
			ts.refused("politi", "PR1", opReport, in(map[string]any{"convictNationalIdentityNumber": "12345678901", "kind": "INVESTIGATION_OPENED", "summary": "x"}))
			ts.failsWith("saksbehandler", "FORBIDDEN", opReport, in(map[string]any{"convictNationalIdentityNumber": nin, "kind": "INVESTIGATION_OPENED", "summary": "x"}))

			r := get(ts.as("politi", opReport, in(map[string]any{"convictNationalIdentityNumber": nin, "kind": "INVESTIGATION_OPENED",
				"summary": "Anmeldt for trusler mot tidligere samboer 18.11."})), "reportToCorrectionalService")
			if get(r, "unit") != nil || get(r, "policeDistrict", "name") != "Oslo politidistrikt" {
				t.Fatalf("report = %v: the police learn which unit it reached", r)
			}
			if !hasAlert(ts, "saksbehandler", "POLICE_REPORT", "IX5", "policeReport", get(r, "id")) {
				t.Fatal("the responsible unit is not alerted")
			}
			for _, a := range get(ts.as("saksbehandler", opAlertsWithLinks, nil), "notificationAlerts").([]any) {
				if get(a, "kind") == "POLICE_REPORT" && get(a, "message") != "Melding fra Oslo politidistrikt: etterforskning innledet." {
					t.Fatalf("alert message = %v", get(a, "message"))
				}
			}
			if hasAlert(ts, "saksbehandler2", "POLICE_REPORT", "IX5", "policeReport", get(r, "id")) {
				t.Fatal("Bergen is alerted of Oslo's convict")
			}
			if n := get(ts.as("saksbehandler2", opReports, nil), "policeReports", "totalCount"); n != 0.0 {
				t.Fatalf("Bergen sees %v of Oslo's reports", n)
			}
			if n := get(ts.as("politi2", opReports, nil), "policeReports", "totalCount"); n != 0.0 {
				t.Fatalf("Vest politidistrikt sees %v of Oslo's reports", n)
			}
			if n := get(ts.as("politi", opReports, nil), "policeReports", "totalCount"); n != 1.0 {
				t.Fatalf("the reporting district sees %v reports", n)
			}
			disclosures := get(ts.as("saksbehandler", opDisclosures, map[string]any{"direction": "FROM_POLICE"}), "disclosures", "edges").([]any)
			if len(disclosures) != 1 || get(disclosures[0], "node", "legalBasis") != "POLITIREGISTERFORSKRIFTEN_10_5" ||
				get(disclosures[0], "node", "convictName") != "Martin Berg" || get(disclosures[0], "node", "decidedByName") != "Per Olsen" {
				t.Fatalf("the report is not in the register as a disclosure from the police: %v", disclosures)
			}

			if n := get(ts.as("saksbehandler", opReports, map[string]any{"u": true}), "policeReports", "totalCount"); n != 1.0 {
				t.Fatalf("%v unread reports", n)
			}
			ts.as("saksbehandler", opAckReport, map[string]any{"id": get(r, "id")})
			if n := get(ts.as("saksbehandler", opReports, map[string]any{"u": true}), "policeReports", "totalCount"); n != 0.0 {
				t.Fatalf("%v unread reports after reading it", n)
			}
			if hasAlert(ts, "saksbehandler", "POLICE_REPORT", "IX5", "policeReport", get(r, "id")) {
				t.Fatal("a read report stays on the unit's alerts")
			}
		})
	}
}

// No oracle for the police (security issue): a report on a convict, on a
// convict under INFOFLYT and on a person who is no convict are answered
// alike, and name no unit; the first reaches the unit, the other two wait in
// the national queue that administrators see (IX6: no ordinary disclosure of
// an INFOFLYT convict).
func TestPoliceReportIsNoOracle(t *testing.T) {
	const opReportAll = `mutation($in: ReportToCorrectionalServiceInput!) { reportToCorrectionalService(input: $in) {
		id kind summary reportedAt unit { name } policeDistrict { name } heldReason nationalIdentityNumber } }`
	const opQueue = `{ policeReports { totalCount edges { node { id kind unit { name } heldReason nationalIdentityNumber } } } }`
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			stranger, err := rules.SyntheticIdentityNumber(time.Date(1971, 3, 9, 0, 0, 0, 0, time.UTC), 451)
			if err != nil {
				t.Fatal(err)
			}
			numbers := map[string]string{"a convict": convictNIN(ts, "Martin Berg"), "under INFOFLYT": convictNIN(ts, "Ola Rud"), "no convict": stranger}
			answers := map[string]map[string]any{}
			for who, nin := range numbers {
				r := ts.do(ts.token("politi"), opReportAll, in(map[string]any{"convictNationalIdentityNumber": nin,
					"kind": "INVESTIGATION_OPENED", "summary": "Anmeldt for trusler."}))
				if r.Status != 200 || len(r.Errors) > 0 {
					t.Fatalf("%s: %d %+v — a report is refused only for what the police can see themselves", who, r.Status, r.Errors)
				}
				a := get(r.Data, "reportToCorrectionalService").(map[string]any)
				delete(a, "id")
				delete(a, "reportedAt")
				answers[who] = a
			}
			want := fmt.Sprint(answers["a convict"])
			for who, a := range answers {
				if fmt.Sprint(a) != want {
					t.Errorf("the police are answered otherwise for %s: %v, and for a convict: %s", who, a, want)
				}
			}
			if get(answers["a convict"], "unit") != nil || get(answers["a convict"], "heldReason") != nil {
				t.Errorf("the police learn where the report went: %v", answers["a convict"])
			}
			// The police's own list tells no more.
			police := fmt.Sprint(get(ts.as("politi", opQueue, nil), "policeReports", "edges"))
			for _, secret := range []string{"Oslo fengsel", "INFOFLYT", "UNKNOWN_PERSON", stranger} {
				if strings.Contains(police, secret) {
					t.Errorf("the police's list says %q: %s", secret, police)
				}
			}
			// The unit sees the one on its convict; the national queue the other two.
			unit := get(ts.as("saksbehandler", opQueue, nil), "policeReports", "edges").([]any)
			if len(unit) != 1 || get(unit[0], "node", "unit", "name") != "Oslo fengsel" {
				t.Errorf("the unit sees %v", unit)
			}
			queue := get(ts.as("admin", opQueue, nil), "policeReports", "edges").([]any)
			held := map[any]any{}
			for _, e := range queue {
				held[get(e, "node", "heldReason")] = get(e, "node", "nationalIdentityNumber")
			}
			if len(queue) != 2 || held["INFOFLYT"] != numbers["under INFOFLYT"] || held["UNKNOWN_PERSON"] != stranger {
				t.Errorf("the national queue holds %v", queue)
			}
			// Nor does the unit's reading it tell them: the reports that reached
			// no unit are never read by one.
			ts.as("saksbehandler", opAckReport, map[string]any{"id": get(unit[0], "node", "id")})
			for _, e := range get(ts.as("politi", `{ policeReports { edges { node { acknowledgedAt acknowledgedBy { name } } } } }`, nil), "policeReports", "edges").([]any) {
				if get(e, "node", "acknowledgedAt") != nil || get(e, "node", "acknowledgedBy") != nil {
					t.Errorf("the police see that a unit read their report: %v", e)
				}
			}
			if get(ts.as("saksbehandler", opReports, nil), "policeReports", "edges", 0, "node", "acknowledgedAt") == nil {
				t.Error("the unit does not see that it read the report")
			}
			// Only the report on an ordinary convict is a disclosure to a unit (IX1, IX6).
			if n := len(get(ts.as("saksbehandler", opDisclosures, map[string]any{"direction": "FROM_POLICE"}), "disclosures", "edges").([]any)); n != 1 {
				t.Errorf("%d disclosures from the police, want 1", n)
			}
		})
	}
}
