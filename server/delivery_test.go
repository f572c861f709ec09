package server_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
	"varsel/delivery/digipost"
	"varsel/delivery/digipost/digiposttest"
)

const (
	opDispatch    = `mutation($in: DispatchNoticeInput!) { dispatchNotice(input: $in) { id status channel sentAt phoneReason } }`
	opPosted      = `mutation($id: ID!) { markNoticePosted(id: $id) { id status sentAt } }`
	opDocumented  = `mutation($id: ID!, $d: String!) { documentPhoneNotice(id: $id, documentation: $d) { id phoneDocumentedAt } }`
	opNoticeState = `query($id: ID!) { node(id: $id) { ... on Notice { status channel sentAt deliveredAt } } }`
	opAlerts      = `{ notificationAlerts { kind rule message notice { id } custodyEvent { id } } }`
)

// pdfText reads a PDF's text as a person would, with poppler's pdftotext.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// readyNotices walks a leave for Martin Berg to two READY notices: one to
// Ingrid, one to her guardian (Ingrid) on behalf of Emma.
func readyNotices(ts *testServer) (toIngrid, toGuardian map[string]any, decision string) {
	ts.t.Helper()
	w := berg("LEAVE", leaveOf(ts, 30))
	eventID, notices := ts.walkToReady(w)
	for _, n := range notices {
		if get(n, "guardian") == nil {
			toIngrid = n.(map[string]any)
		} else {
			toGuardian = n.(map[string]any)
		}
	}
	d := get(ts.as("saksbehandler", `query($id: ID!) { custodyEvent(id: $id) { decisions { id } } }`, map[string]any{"id": eventID}), "custodyEvent", "decisions", 0, "id")
	return toIngrid, toGuardian, d.(string)
}

// NT1, NT6: a letter joins the unit's print batch and counts as sent when
// marked posted; a telephone notice needs a reason and is documented after;
// SMS and e-mail are refused; dispatching again changes nothing; a held
// notice cannot be sent (DC5).
func TestLetterAndPhoneChannels(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			toIngrid, toGuardian, _ := readyNotices(ts)
			for _, ch := range []string{"SMS", "EMAIL", "e-post"} {
				ts.refused("saksbehandler", "NT1", opDispatch, in(map[string]any{"noticeId": toIngrid["id"], "channel": ch}))
			}
			ts.failsWith("saksbehandler", "BAD_USER_INPUT", opDispatch, in(map[string]any{"noticeId": toIngrid["id"], "channel": "DIGIPOST"}))

			sent := ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": toIngrid["id"], "channel": "LETTER"}))
			if get(sent, "dispatchNotice", "status") != "SENDING" {
				t.Fatalf("a letter is %v before it is posted", get(sent, "dispatchNotice", "status"))
			}
			wantSteps(t, stepsFor(ts, toIngrid["id"]), "POST_LETTER/NT1")
			code, pdf := ts.get("saksbehandler", "/letters/print-batch")
			if code != 200 {
				t.Fatalf("print batch: %d %s", code, pdf)
			}
			text := pdfText(t, pdf)
			if !strings.Contains(text, "Ingrid Solberg") || !strings.Contains(text, "Varsel om permisjon") || !strings.Contains(text, "Postboks 4243 Nydalen") {
				t.Fatalf("print batch text: %s", text)
			}
			if code, _ := ts.get("saksbehandler2", "/letters/print-batch"); code != 404 {
				t.Fatalf("Bergen's print batch holds Oslo's letters (%d)", code)
			}
			posted := ts.as("saksbehandler", opPosted, map[string]any{"id": toIngrid["id"]})
			if get(posted, "markNoticePosted", "status") != "SENT" || get(posted, "markNoticePosted", "sentAt") == nil {
				t.Fatalf("posted = %v", posted)
			}
			again := ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": toIngrid["id"], "channel": "LETTER"}))
			if get(again, "dispatchNotice", "status") != "SENT" {
				t.Fatalf("dispatching again = %v (NT6)", again)
			}
			ts.failsWith("saksbehandler", "CONFLICT", opDispatch, in(map[string]any{"noticeId": toIngrid["id"], "channel": "PHONE", "phoneReason": "x"}))

			ts.refused("saksbehandler", "NT1", opDispatch, in(map[string]any{"noticeId": toGuardian["id"], "channel": "PHONE"}))
			phone := ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": toGuardian["id"], "channel": "PHONE",
				"phoneReason": "Permisjonen ble fremskyndet; brev ville ikke nådd frem i tide."}))
			if get(phone, "dispatchNotice", "status") != "SENT" {
				t.Fatalf("phone = %v", phone)
			}
			wantSteps(t, stepsFor(ts, toGuardian["id"]), "DOCUMENT_PHONE_NOTICE/NT1")
			ts.as("saksbehandler", opDocumented, map[string]any{"id": toGuardian["id"], "d": "Ringte Ingrid Solberg 14.30; hun bekreftet at hun forsto varselet."})
			wantSteps(t, stepsFor(ts, toGuardian["id"]))
			ts.failsWith("saksbehandler", "CONFLICT", opDocumented, map[string]any{"id": toGuardian["id"], "d": "igjen"})
		})
	}
}

// stepsFor returns the worklist steps about one notice.
func stepsFor(ts *testServer, noticeID any) []string {
	ts.t.Helper()
	var steps []string
	for _, it := range get(ts.as("saksbehandler", opWorklist, nil), "notificationWorklist").([]any) {
		if get(it, "notice", "id") == noticeID {
			steps = append(steps, get(it, "step").(string)+"/"+get(it, "rule").(string))
		}
	}
	return steps
}

// NT1, NT6: a Digipost notice is queued, sent by the job queue signed as
// Digipost requires, and marked SENT; dispatching again sends nothing more.
func TestDigipostChannel(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			dp := digiposttest.New(t)
			ts := startServer(t, d, dp.WriteFiles(t, t.TempDir())...)
			toIngrid, toGuardian, _ := readyNotices(ts)
			for _, n := range []map[string]any{toIngrid, toGuardian} {
				ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": n["id"], "channel": "DIGIPOST"}))
			}
			for _, n := range []map[string]any{toIngrid, toGuardian} {
				eventually(t, 20*time.Second, "Digipost sending", func() bool {
					return get(ts.as("saksbehandler", opNoticeState, map[string]any{"id": n["id"]}), "node", "status") == "SENT"
				})
				ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": n["id"], "channel": "DIGIPOST"}))
			}
			time.Sleep(1500 * time.Millisecond) // long enough for a duplicate job to run, if there were one
			got := dp.Delivered()
			if len(got) != 2 || dp.Posts() != 2 || len(dp.Rejected()) != 0 {
				t.Fatalf("Digipost got %d messages in %d requests, rejected %v", len(got), dp.Posts(), dp.Rejected())
			}
			ids := map[string]bool{}
			for _, m := range got {
				ids[m.MessageID] = true
				// Both go to Ingrid's mailbox: once as victim, once as Emma's guardian.
				if !strings.Contains(pdfText(t, m.PDF), "Ingrid Solberg") {
					t.Errorf("message %s is not Ingrid's letter", m.MessageID)
				}
			}
			if !ids[digipost.MessageID(idInt(t, toIngrid["id"]))] || !ids[digipost.MessageID(idInt(t, toGuardian["id"]))] {
				t.Fatalf("message ids %v are not derived from the notices", ids)
			}
			if strings.Contains(pdfText(t, got[1].PDF)+pdfText(t, got[0].PDF), "Emma Solberg") == false {
				t.Fatal("the guardian's letter does not say whom it concerns")
			}
		})
	}
}

func idInt(t *testing.T, v any) int {
	var n int
	if _, err := fmt.Sscan(fmt.Sprint(v), &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// RC9: a notice to a protected address can only go through the police: a
// delivery request to the district, with a letter for the police that tells
// them whom to deliver to and by when.
func TestPoliceDelivery(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			_, notices := ts.walkToReady(walk{caseworker: "saksbehandler", decider: "region", convict: "Tor Eriksen",
				event: leaveOf(ts, 30), recipients: []recipientSpec{{survivor: "Anne Moen"}},
				severalSurvivors: "Bare enken varsles; faren har bedt om ikke å få varsler.", informed: true})
			anne := notices[0].(map[string]any)
			ts.refused("saksbehandler", "RC9", opDispatch, in(map[string]any{"noticeId": anne["id"], "channel": "LETTER"}))
			ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": anne["id"], "channel": "VIA_POLICE"}))
			ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": anne["id"], "channel": "VIA_POLICE"})) // again: one request
			wantSteps(t, stepsFor(ts, anne["id"]), "AWAIT_POLICE_DELIVERY/RC9")
			reqs := get(ts.as("saksbehandler", `query($id: ID!) { node(id: $id) { ... on Notice { custodyEvent { policeRequests { id kind status policeDistrict { name } } } } } }`,
				map[string]any{"id": anne["id"]}), "node", "custodyEvent", "policeRequests").([]any)
			if len(reqs) != 1 || get(reqs[0], "kind") != "DELIVER_NOTICE" || get(reqs[0], "policeDistrict", "name") != "Oslo politidistrikt" {
				t.Fatalf("police requests = %v", reqs)
			}
			code, pdf := ts.get("saksbehandler", "/letters/police-requests/"+id(reqs[0], "id"))
			if code != 200 {
				t.Fatalf("police letter: %d", code)
			}
			text := pdfText(t, pdf)
			for _, want := range []string{"Oslo politidistrikt", "Anne Moen", "strengt fortrolig", "Leveres av politiet", "Varsel om permisjon"} {
				if !strings.Contains(text, want) {
					t.Errorf("police letter lacks %q: %s", want, text)
				}
			}
			for _, forbidden := range []string{"Drab", "Homicide", "drap", "vurdering", "Kjell"} {
				if strings.Contains(text, forbidden) {
					t.Errorf("police letter tells %q", forbidden)
				}
			}
		})
	}
}

// DC3, PR2: the convict's decision letter is served as a PDF without the
// recipients' names; reading a letter is written to the access log.
func TestLettersAreServedAndLogged(t *testing.T) {
	ts := startServer(t, dbtest.Dialects[0])
	toIngrid, _, decision := readyNotices(ts)
	before := get(ts.as("revisor", `{ accessLog(first: 1) { totalCount } }`, nil), "accessLog", "totalCount").(float64)
	code, pdf := ts.get("saksbehandler", "/letters/notices/"+toIngrid["id"].(string))
	if code != 200 || !strings.Contains(pdfText(t, pdf), "Storgata 12") {
		t.Fatalf("notice letter: %d", code)
	}
	after := get(ts.as("revisor", `{ accessLog(first: 1) { totalCount } }`, nil), "accessLog", "totalCount").(float64)
	if after <= before {
		t.Fatal("reading the letter was not logged (PR2)")
	}
	code, pdf = ts.get("saksbehandler", "/letters/decisions/"+decision)
	text := pdfText(t, pdf)
	if code != 200 || !strings.Contains(text, "Du kan klage") || strings.Contains(text, "Ingrid") || strings.Contains(text, "Storgata") {
		t.Fatalf("decision letter %d: %s", code, text)
	}
	for _, c := range []struct {
		user string
		code int
	}{{"saksbehandler2", 404}, {"politi", 403}, {"analytiker", 403}} {
		if got, _ := ts.get(c.user, "/letters/notices/"+toIngrid["id"].(string)); got != c.code {
			t.Errorf("%s got %d for another unit's letter, want %d", c.user, got, c.code)
		}
	}
}

// DC5, NT1, NT2: the periodic jobs, on a controllable clock: held notices are
// released when the appeal deadline passes; units are reminded of notices
// due within three days, of telephone notices not documented, and of events
// whose notices will miss the 14-day lead time while there is time to act.
func TestPeriodicJobs(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d, "VARSEL_JOB_INTERVAL=500ms")
			s := ts.informed(20) // due in 6 days
			notices := get(ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event})), "prepareNotices", "notices").([]any)
			n := notices[0].(map[string]any)
			// An event 15 days ahead that nobody has assessed yet: due tomorrow.
			atRisk := ts.freshLeave(15)

			alertKinds := func() map[string]bool {
				kinds := map[string]bool{}
				for _, a := range get(ts.as("saksbehandler", opAlerts, nil), "notificationAlerts").([]any) {
					kinds[get(a, "kind").(string)+"/"+fmt.Sprint(get(a, "custodyEvent", "id"))] = true
				}
				return kinds
			}
			eventually(t, 10*time.Second, "the lead-time alert", func() bool { return alertKinds()["LEAD_TIME_AT_RISK/"+atRisk.event] })
			if alertKinds()["NOTICE_DUE_SOON/"+s.event] {
				t.Fatal("a notice due in six days is not yet due soon")
			}

			ts.clock.advance(10 * 24 * time.Hour) // past the appeal deadline, and the notice now due
			eventually(t, 10*time.Second, "the release of the held notice", func() bool {
				return get(ts.as("saksbehandler", opNoticeState, map[string]any{"id": n["id"]}), "node", "status") == "READY"
			})
			eventually(t, 10*time.Second, "the due-soon alert", func() bool { return alertKinds()["NOTICE_DUE_SOON/"+s.event] })

			// Now past its due date: lateness is judged when it is sent (NT2).
			ts.refused("saksbehandler", "NT2", opDispatch, in(map[string]any{"noticeId": n["id"], "channel": "PHONE", "phoneReason": "Kort tid igjen."}))
			ts.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": n["id"], "channel": "PHONE", "phoneReason": "Kort tid igjen.",
				"lateJustification": "Vedtaket ble endelig etter fristen for varselet."}))
			ts.clock.advance(2 * 24 * time.Hour)
			eventually(t, 10*time.Second, "the phone documentation alert", func() bool { return alertKinds()["PHONE_UNDOCUMENTED/"+s.event] })
			ts.as("saksbehandler", opDocumented, map[string]any{"id": n["id"], "d": "Ringte fornærmede kl. 09.10."})
			eventually(t, 10*time.Second, "the alerts to resolve", func() bool {
				k := alertKinds()
				return !k["PHONE_UNDOCUMENTED/"+s.event] && !k["NOTICE_DUE_SOON/"+s.event]
			})
		})
	}
}
