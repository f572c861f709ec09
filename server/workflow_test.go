package server_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"varsel/dbtest"
	"varsel/rules"
)

// recipientSpec is a potential recipient to assess as NOTIFY.
type recipientSpec struct {
	victim, survivor string // name of a victim or survivor in the file
	minor            bool
}

// walk is one custody event taken from registration to READY notices.
type walk struct {
	caseworker, decider, convict string
	event                        map[string]any // registerCustodyEvent input without convictId
	recipients                   []recipientSpec
	severalSurvivors             string // RC4 reasoning, when there are several survivors
	informed                     bool   // false for an escape: informing is impracticable
}

// walkToReady runs the workflow and returns the event id and its notices
// once they are READY.
func (ts *testServer) walkToReady(w walk) (string, []any) {
	ts.t.Helper()
	f := ts.convictFile(w.caseworker, w.convict)
	ev := map[string]any{"convictId": f["id"]}
	for k, v := range w.event {
		ev[k] = v
	}
	eventID := id(ts.as(w.caseworker, opRegisterEvent, in(ev)), "registerCustodyEvent", "id")
	ts.as(w.caseworker, opSecurity, in(map[string]any{"custodyEventId": eventID, "possibleRevengeRisk": false,
		"reasoning": "Ingen kjent konflikt som tilsier fare for hevnaksjoner."}))
	for _, r := range w.recipients {
		a := map[string]any{"custodyEventId": eventID, "notify": true, "factors": factors(r.minor),
			"reasoning": "Varsel er av betydning: fornærmede må kunne forberede seg."}
		if r.victim != "" {
			a["victimId"] = f.victimNamed(r.victim)["id"]
		} else {
			a["survivorId"] = f.survivorNamed(r.survivor)["id"]
			a["severalSurvivorsReasoning"] = w.severalSurvivors
		}
		ts.as(w.caseworker, opAssess, in(a))
	}
	ts.assessTheRest(w.caseworker, eventID, w.severalSurvivors)
	decisionID := id(ts.as(w.decider, opDecide, in(map[string]any{"custodyEventId": eventID, "reasoning": "Vilkårene for varsling er oppfylt."})), "decideNotification", "id")
	if w.informed {
		ts.as(w.caseworker, opInformed, in(map[string]any{"decisionId": decisionID,
			"informedAt": rfc3339(ts.clock.Now()), "how": "LETTER"}))
	}
	notices := get(ts.as(w.caseworker, opPrepare, in(map[string]any{"custodyEventId": eventID})), "prepareNotices", "notices").([]any)
	if w.informed {
		for _, n := range notices {
			if get(n, "status") != "HELD" {
				ts.t.Fatalf("a notice is %v before the appeal deadline (DC5)", get(n, "status"))
			}
		}
		ts.clock.advance(10 * 24 * time.Hour) // past the 7-day appeal deadline
		notices = get(ts.as(w.caseworker, opPrepare, in(map[string]any{"custodyEventId": eventID})), "prepareNotices", "notices").([]any)
	}
	for _, n := range notices {
		if get(n, "status") != "READY" {
			ts.t.Fatalf("notice %v is %v, want READY", get(n, "id"), get(n, "status"))
		}
	}
	return eventID, notices
}

// assessTheRest records, for every potential recipient of the event not yet
// assessed, that a notice does not matter to them, with the reasons (AS1,
// AS5): a decision is refused while anyone is left out.
func (ts *testServer) assessTheRest(user, eventID, severalSurvivors string) {
	ts.t.Helper()
	pr := get(ts.as(user, `query($id: ID!) { custodyEvent(id: $id) { potentialRecipients {
		victim { id } survivor { id } assessment { id } minor survivors } } }`, map[string]any{"id": eventID}),
		"custodyEvent", "potentialRecipients").([]any)
	for _, p := range pr {
		if get(p, "assessment") != nil {
			continue
		}
		a := map[string]any{"custodyEventId": eventID, "notify": false, "factors": factors(get(p, "minor") == true),
			"reasoning": "Varsel er ikke av betydning for denne mottakeren nå."}
		if v := get(p, "victim"); v != nil {
			a["victimId"] = get(v, "id")
		} else {
			a["survivorId"] = get(p, "survivor", "id")
			if get(p, "survivors").(float64) > 1 {
				a["severalSurvivorsReasoning"] = severalSurvivors
			}
		}
		ts.as(user, opAssess, in(a))
	}
}

func leaveOf(ts *testServer, days int) map[string]any {
	start := ts.clock.Now().AddDate(0, 0, days)
	return map[string]any{"kind": "LEAVE", "startsAt": rfc3339(start), "endsAt": rfc3339(start.Add(48 * time.Hour))}
}

// berg is the demo convict Martin Berg at Oslo fengsel, an ordinary
// sentence: the local unit decides. His victims are Ingrid Solberg and her
// daughter Emma, who is a minor with Ingrid as guardian.
func berg(kind string, extra map[string]any) walk {
	return walk{caseworker: "saksbehandler", decider: "beslutter", convict: "Martin Berg", event: event(kind, extra),
		recipients: []recipientSpec{{victim: "Ingrid Solberg"}, {victim: "Emma Solberg", minor: true}}, informed: kind != "ESCAPE"}
}

func event(kind string, extra map[string]any) map[string]any {
	e := map[string]any{"kind": kind}
	for k, v := range extra {
		e[k] = v
	}
	return e
}

// EV1, DC1–DC5, NT2, NT3, NT5, RC5: every notifiable kind of event goes from
// registration to READY notices, as the seeded users, on both databases.
func TestEveryNotifiableEventReachesReadyNotices(t *testing.T) {
	in := func(days int) string { return rfc3339(time.Now().AddDate(0, 0, days)) }
	cases := []struct {
		name       string
		walk       walk
		wantBasis  string
		wantLevel  string
		notices    int
		mayReserve bool
	}{
		{"serving outside prison", berg("SERVING_OUTSIDE_PRISON", map[string]any{"startsAt": in(40)}), "straffegjennomføringsloven § 16 sjette ledd", "LOCAL", 2, true},
		{"electronic monitoring", berg("ELECTRONIC_MONITORING", map[string]any{"startsAt": in(40)}), "straffegjennomføringsloven § 16 a tredje ledd, jf. § 16 sjette ledd", "LOCAL", 2, true},
		{"day release", berg("DAY_RELEASE", map[string]any{"startsAt": in(40), "dateOnly": true}), "straffegjennomføringsloven § 20 tredje ledd", "LOCAL", 2, true},
		{"leave", berg("LEAVE", map[string]any{"startsAt": in(30), "endsAt": in(32)}), "straffegjennomføringsloven § 36 tredje ledd", "LOCAL", 2, true},
		{"interruption", berg("INTERRUPTION", map[string]any{"startsAt": in(30), "endsAt": in(60)}), "straffegjennomføringsloven § 36 tredje ledd", "LOCAL", 2, true},
		{"parole", berg("RELEASE", map[string]any{"startsAt": in(50)}), "straffegjennomføringsloven § 42 sjette og syvende ledd", "LOCAL", 2, true},
		{"release at full term", berg("RELEASE", map[string]any{"startsAt": in(50), "fullTermRelease": true}), "straffegjennomføringsloven § 42 sjette og syvende ledd", "LOCAL", 2, false},
		{"residence change while the reporting duty lasts", berg("RESIDENCE_CHANGE_ON_PAROLE", map[string]any{"startsAt": in(40), "probationEndsOn": time.Now().AddDate(0, 6, 0).Format(time.DateOnly)}), "straffegjennomføringsloven § 42 sjette ledd annet punktum", "LOCAL", 2, true},
		{"an escape, notified at once", berg("ESCAPE", map[string]any{"startsAt": rfc3339(time.Now().Add(-2 * time.Hour))}), "straffegjennomføringsloven § 40 siste ledd", "LOCAL", 2, true},
		{"parole from forvaring, decided by the region", walk{caseworker: "region", decider: "region", convict: "Knut Lie",
			event: map[string]any{"kind": "PAROLE_FROM_PREVENTIVE_DETENTION", "startsAt": in(60)}, recipients: []recipientSpec{{victim: "Hanne Vik"}}, informed: true},
			"straffeloven § 45 syvende ledd", "REGION", 1, true},
		{"a leave of a convict serving more than ten years, to the survivors", walk{caseworker: "saksbehandler", decider: "region", convict: "Tor Eriksen",
			event: map[string]any{"kind": "LEAVE", "startsAt": in(30)}, recipients: []recipientSpec{{survivor: "Anne Moen"}, {survivor: "Kjell Moen"}},
			severalSurvivors: "Enken og avdødes far bor begge i Oslo-området; begge varsles.", informed: true},
			"straffegjennomføringsloven § 36 tredje ledd", "REGION", 2, true},
	}
	for _, d := range dbtest.Dialects {
		for _, tc := range cases {
			t.Run(d+"/"+tc.name, func(t *testing.T) {
				ts := startServer(t, d)
				eventID, notices := ts.walkToReady(tc.walk)
				ev := get(ts.as(tc.walk.caseworker, `query($id: ID!) { custodyEvent(id: $id) { legalBasis decidingLevel } }`,
					map[string]any{"id": eventID}), "custodyEvent")
				if get(ev, "legalBasis") != tc.wantBasis || get(ev, "decidingLevel") != tc.wantLevel {
					t.Fatalf("event = %v, want basis %q decided at %s", ev, tc.wantBasis, tc.wantLevel)
				}
				if len(notices) != tc.notices {
					t.Fatalf("%d notices, want %d: %v", len(notices), tc.notices, notices)
				}
				for _, n := range notices {
					if get(n, "content", "mayReserve") != tc.mayReserve || get(n, "content", "legalBasis") != tc.wantBasis ||
						get(n, "late") != false {
						t.Fatalf("notice content = %v", n)
					}
				}
			})
		}
	}
}

// The worked example of the README: one LEAVE from registration to READY
// notices, checking what each notice says and to whom it goes (RC5, RC7,
// RC9, NT2–NT5, NT7, DC3–DC5, AS6).
func TestLeaveFromRegistrationToReadyNotices(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			f := ts.convictFile("saksbehandler", "Martin Berg")
			ingrid, emma := f.victimNamed("Ingrid Solberg"), f.victimNamed("Emma Solberg")
			start := ts.clock.Now().AddDate(0, 0, 30)
			ev := ts.as("saksbehandler", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "LEAVE",
				"startsAt": rfc3339(start), "endsAt": rfc3339(start.Add(48 * time.Hour))}))
			eventID := id(ev, "registerCustodyEvent", "id")
			if get(ev, "registerCustodyEvent", "decidingUnit", "name") != "Oslo fengsel" {
				t.Fatalf("event = %v", ev)
			}
			ts.as("saksbehandler", opConditions, in(map[string]any{"custodyEventId": eventID, "conditions": []any{
				map[string]any{"kind": "RESIDENCE", "area": "Drammen", "areaLevel": "TOWN", "description": "Skal oppholde seg i Drammen.",
					"concernsVictimIds": []any{ingrid["id"]}},
				map[string]any{"kind": "NO_CONTACT", "description": "Skal ikke kontakte fornærmede eller datteren.",
					"concernsVictimIds": []any{ingrid["id"], emma["id"]}},
				map[string]any{"kind": "OTHER", "description": "Rusfri under permisjonen.", "concernsVictimIds": []any{ingrid["id"]}},
			}}))
			info := ts.as("saksbehandler", opRequestInfo, in(map[string]any{"custodyEventId": eventID, "source": "POLICE",
				"purpose": "Har domfelte brutt kontaktforbud tidligere?", "policeDistrictId": policeDistrict(ts, "Oslo politidistrikt")}))
			if get(info, "requestInformation", "policeRequest", "kind") != "INFORMATION" ||
				get(info, "requestInformation", "policeRequest", "policeDistrict", "name") != "Oslo politidistrikt" {
				t.Fatalf("information request = %v", info)
			}
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": eventID, "possibleRevengeRisk": false,
				"reasoning": "Ingen kjent konflikt som tilsier fare for hevnaksjoner mot domfelte."}))
			for _, v := range []map[string]any{ingrid, emma} {
				a := ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": eventID, "victimId": v["id"], "notify": true,
					"factors": factors(v["name"] == "Emma Solberg"), "reasoning": "Varsel er av betydning."}))
				if get(a, "recordSignificanceAssessment", "recipientMinor") != (v["name"] == "Emma Solberg") {
					t.Fatalf("assessment of %v = %v (AS4 marks a minor)", v["name"], a)
				}
			}
			decision := ts.as("beslutter", opDecide, in(map[string]any{"custodyEventId": eventID, "reasoning": "Vilkårene for varsling er oppfylt."}))
			decisionID := id(decision, "decideNotification", "id")
			informedAt := ts.clock.Now()
			informed := ts.as("saksbehandler", opInformed, in(map[string]any{"decisionId": decisionID, "informedAt": rfc3339(informedAt), "how": "LETTER"}))
			wantDeadline := rules.AppealDeadline(rules.DateOf(informedAt)).Format(time.DateOnly)
			if get(informed, "recordConvictInformed", "appealDeadline") != wantDeadline {
				t.Fatalf("appeal deadline = %v, want %s (DC4)", get(informed, "recordConvictInformed", "appealDeadline"), wantDeadline)
			}

			prepared := get(ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": eventID})), "prepareNotices").(map[string]any)
			notices := prepared["notices"].([]any)
			if len(notices) != 2 {
				t.Fatalf("notices = %v", notices)
			}
			toIngrid, toGuardian := notices[0], notices[1]
			if get(toIngrid, "guardian") != nil {
				toIngrid, toGuardian = toGuardian, toIngrid
			}
			due := rules.DateOf(start).AddDate(0, 0, -14).Format(time.DateOnly)
			for _, n := range notices {
				if get(n, "status") != "HELD" || get(n, "route") != "DIRECT" || get(n, "channel") != "LETTER" ||
					get(n, "dueDate") != due || get(n, "late") != false || get(n, "writtenStandard") != "NB" ||
					get(n, "content", "eventKind") != "LEAVE" || get(n, "content", "mayReserve") != true {
					t.Fatalf("notice = %v", n)
				}
			}
			// Ingrid reads her residence condition as an area, and the ban on contact.
			conds := get(toIngrid, "content", "conditions").([]any)
			if get(toIngrid, "victim", "id") != ingrid["id"] || len(conds) != 2 ||
				get(conds[0], "kind") != "RESIDENCE" || get(conds[0], "area") != "Drammen" || get(conds[1], "kind") != "NO_CONTACT" {
				t.Fatalf("Ingrid's notice = %v", toIngrid)
			}
			// Emma is 13: the notice goes to her guardian and carries only the ban on contact.
			conds = get(toGuardian, "content", "conditions").([]any)
			if get(toGuardian, "victim", "id") != emma["id"] || get(toGuardian, "guardian", "id") != id(emma, "guardians", 0, "id") ||
				len(conds) != 1 || get(conds[0], "kind") != "NO_CONTACT" {
				t.Fatalf("the guardian's notice = %v", toGuardian)
			}
			work := get(ts.as("saksbehandler", opWorklist, nil), "notificationWorklist").([]any)
			if len(work) != 2 || get(work[0], "step") != "AWAIT_APPEAL_DEADLINE" || get(work[0], "deadline") != wantDeadline {
				t.Fatalf("worklist = %v", work)
			}

			// Before the deadline the notice waits: only a decision maker may
			// release it early, with the reason (DC5).
			ts.refused("saksbehandler", "DC5", opRelease, in(map[string]any{"noticeId": get(toIngrid, "id"), "justification": "Haster."}))
			ts.clock.advance(10 * 24 * time.Hour)
			again := get(ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": eventID})), "prepareNotices", "notices").([]any)
			if len(again) != 2 || get(again[0], "id") != get(notices[0], "id") || get(again[0], "status") != "READY" || get(again[1], "status") != "READY" {
				t.Fatalf("after the appeal deadline: %v (the same two notices, READY; NT6)", again)
			}
			work = get(ts.as("saksbehandler", opWorklist, nil), "notificationWorklist").([]any)
			if len(work) != 2 || get(work[0], "step") != "SEND_NOTICE" || get(work[0], "deadline") != due {
				t.Fatalf("worklist = %v", work)
			}
			// Every step was audited with its operation, in its transaction (PR3).
			ops := auditedOperations(ts)
			for _, op := range []string{"registerCustodyEvent", "recordConditions", "requestInformation", "recordSecurityAssessment",
				"recordSignificanceAssessment", "decideNotification", "recordConvictInformed", "prepareNotices"} {
				if !slices.Contains(ops, op) {
					t.Errorf("no audit row for %s", op)
				}
			}
		})
	}
}

func auditedOperations(ts *testServer) []string {
	ts.t.Helper()
	var ops []string
	edges := get(ts.as("revisor", `{ auditEvents(last: 100, orderBy: {field: SEQ}) { edges { node { operation } } } }`, nil), "auditEvents", "edges").([]any)
	for _, e := range edges {
		ops = append(ops, fmt.Sprint(get(e, "node", "operation")))
	}
	return ops
}

func policeDistrict(ts *testServer, name string) string {
	ts.t.Helper()
	for _, d := range get(ts.as("saksbehandler", `{ policeDistricts { id name } }`, nil), "policeDistricts").([]any) {
		if get(d, "name") == name {
			return id(d, "id")
		}
	}
	ts.t.Fatalf("no police district %s", name)
	return ""
}

// RC9, NT7: a survivor with a strengt fortrolig address is notified through
// the police; one who asked for Nynorsk gets Nynorsk.
func TestProtectedAddressGoesThroughThePolice(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			_, notices := ts.walkToReady(walk{caseworker: "saksbehandler", decider: "region", convict: "Tor Eriksen",
				event: leaveOf(ts, 30), recipients: []recipientSpec{{survivor: "Anne Moen"}, {survivor: "Kjell Moen"}},
				severalSurvivors: "Begge bor nær; begge varsles.", informed: true})
			byRoute := map[string]any{}
			for _, n := range notices {
				byRoute[fmt.Sprint(get(n, "route"))] = n
			}
			police, direct := byRoute["VIA_POLICE"], byRoute["DIRECT"]
			if get(police, "channel") != "VIA_POLICE" || get(police, "policeDistrict", "name") != "Oslo politidistrikt" {
				t.Fatalf("the protected survivor's notice = %v", police)
			}
			if get(direct, "writtenStandard") != "NN" || get(direct, "channel") != "LETTER" {
				t.Fatalf("the Nynorsk survivor's notice = %v", direct)
			}
		})
	}
}

// DC7: an appeal is decided by the next level up; overturning cancels every
// notice not yet sent.
func TestAppealOverturnedCancelsNotices(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			w := berg("LEAVE", leaveOf(ts, 30))
			f := ts.convictFile("saksbehandler", "Martin Berg")
			ev := map[string]any{"convictId": f["id"]}
			for k, v := range w.event {
				ev[k] = v
			}
			eventID := id(ts.as("saksbehandler", opRegisterEvent, in(ev)), "registerCustodyEvent", "id")
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": eventID, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": eventID, "victimId": f.victimNamed("Ingrid Solberg")["id"],
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."}))
			ts.assessTheRest("saksbehandler", eventID, "")
			decisionID := id(ts.as("beslutter", opDecide, in(map[string]any{"custodyEventId": eventID, "reasoning": "Vilkårene for varsling er oppfylt."})), "decideNotification", "id")
			ts.as("saksbehandler", opInformed, in(map[string]any{"decisionId": decisionID, "informedAt": rfc3339(ts.clock.Now()), "how": "IN_PERSON"}))
			ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": eventID}))
			appealID := id(ts.as("saksbehandler", opRegisterAppeal, in(map[string]any{"decisionId": decisionID,
				"receivedAt": rfc3339(ts.clock.Now()), "grounds": "Domfelte mener varsel er unødvendig."})), "registerAppeal", "id")

			// Past the deadline the notice still waits for the appeal (DC5).
			ts.clock.advance(10 * 24 * time.Hour)
			n := get(ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": eventID})), "prepareNotices", "notices", 0)
			if get(n, "status") != "HELD" {
				t.Fatalf("a notice is %v while the appeal is pending", get(n, "status"))
			}
			ts.refused("saksbehandler", "DC5", opRelease, in(map[string]any{"noticeId": get(n, "id"), "justification": "Haster."}))

			decide := in(map[string]any{"appealId": appealID, "upheld": false, "reasoning": "Varsel er ikke av betydning nå."})
			// The unit that decided cannot decide the appeal, and caseworkers cannot at all.
			ts.refused("beslutter", "DC7", opDecideAppeal, decide)
			ts.failsWith("saksbehandler", "FORBIDDEN", opDecideAppeal, decide)
			res := ts.as("region", opDecideAppeal, decide)
			if get(res, "decideAppeal", "status") != "OVERTURNED" || get(res, "decideAppeal", "decidingUnit", "name") != "Region øst" {
				t.Fatalf("appeal = %v", res)
			}
			notices := get(ts.as("saksbehandler", `query($id: ID!) { custodyEvent(id: $id) { notices { status cancelReason } decisions { status } } }`,
				map[string]any{"id": eventID}), "custodyEvent").(map[string]any)
			if get(notices, "notices", 0, "status") != "CANCELLED" || get(notices, "decisions", 0, "status") != "OVERTURNED" {
				t.Fatalf("after overturning: %v", notices)
			}
		})
	}
}

// AS2: a possible revenge risk asks the police; a confirmed risk blocks the
// notices of the event.
func TestConfirmedRiskBlocksNotices(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			f := ts.convictFile("saksbehandler", "Martin Berg")
			ev := leaveOf(ts, 30)
			ev["convictId"] = f["id"]
			eventID := id(ts.as("saksbehandler", opRegisterEvent, in(ev)), "registerCustodyEvent", "id")
			ts.refused("saksbehandler", "AS2", opSecurity, in(map[string]any{"custodyEventId": eventID, "possibleRevengeRisk": true,
				"reasoning": "Fornærmedes familie har truet domfelte."}))
			sa := ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": eventID, "possibleRevengeRisk": true,
				"reasoning": "Fornærmedes familie har truet domfelte.", "policeDistrictId": policeDistrict(ts, "Oslo politidistrikt")}))
			if get(sa, "recordSecurityAssessment", "outcome") != "AWAITING_POLICE" ||
				get(sa, "recordSecurityAssessment", "policeRequest", "kind") != "SECURITY_STATEMENT" {
				t.Fatalf("security assessment = %v", sa)
			}
			ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": eventID, "victimId": f.victimNamed("Ingrid Solberg")["id"],
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."}))
			ts.refused("beslutter", "AS2", opDecide, in(map[string]any{"custodyEventId": eventID, "reasoning": "Vilkårene for varsling er oppfylt."}))
			ts.as("saksbehandler", opPoliceStatement, in(map[string]any{"securityAssessmentId": id(sa, "recordSecurityAssessment", "id"),
				"riskConfirmed": true, "statement": "Politiet bekrefter reell fare for hevnaksjon."}))
			e := ts.refused("beslutter", "AS2", opDecide, in(map[string]any{"custodyEventId": eventID, "reasoning": "Vilkårene for varsling er oppfylt."}))
			if !e.says("hevnaksjoner") {
				t.Fatalf("refusal = %+v", e)
			}
			if work := get(ts.as("saksbehandler", opWorklist, nil), "notificationWorklist").([]any); len(work) != 0 {
				t.Fatalf("a blocked event is still on the worklist: %v", work)
			}
		})
	}
}

// Two decision makers deciding the same event at once: one wins, the other
// gets CONFLICT.
func TestConcurrentDecisionsOneWins(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			f := ts.convictFile("saksbehandler", "Martin Berg")
			ev := leaveOf(ts, 30)
			ev["convictId"] = f["id"]
			eventID := id(ts.as("saksbehandler", opRegisterEvent, in(ev)), "registerCustodyEvent", "id")
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": eventID, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": eventID, "victimId": f.victimNamed("Ingrid Solberg")["id"],
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."}))
			ts.assessTheRest("saksbehandler", eventID, "")
			token := ts.token("beslutter")
			const n = 4
			results := make([]gqlResponse, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					results[i] = ts.do(token, opDecide, in(map[string]any{"custodyEventId": eventID, "reasoning": "Vilkårene for varsling er oppfylt."}))
				}()
			}
			wg.Wait()
			won, conflicts := 0, 0
			for _, r := range results {
				switch {
				case len(r.Errors) == 0:
					won++
				case r.code() == "CONFLICT":
					conflicts++
				default:
					t.Errorf("unexpected result %+v", r.Errors)
				}
			}
			if won != 1 || conflicts != n-1 {
				t.Fatalf("%d won and %d got CONFLICT; want 1 and %d", won, conflicts, n-1)
			}
		})
	}
}

// A mutation retried by the client does not make duplicates: the natural
// keys refuse a second event or victim, and preparing notices twice makes no
// second notice (NT6).
func TestRetriesMakeNoDuplicates(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			f := ts.convictFile("saksbehandler", "Martin Berg")
			ev := leaveOf(ts, 30)
			ev["convictId"] = f["id"]
			ts.as("saksbehandler", opRegisterEvent, in(ev))
			ts.failsWith("saksbehandler", "CONFLICT", opRegisterEvent, in(ev))
			victim := in(map[string]any{"criminalCaseId": id(f, "criminalCases", 0, "id"), "person": map[string]any{
				"name": "Ny Fornærmet", "nationalIdentityNumber": nin(1991, 4, 4), "birthDate": "1991-04-04",
				"addressLine": "Sagveien 2", "postalCode": "0459", "postalPlace": "Oslo"}})
			ts.as("saksbehandler", opAddVictim, victim)
			ts.failsWith("saksbehandler", "CONFLICT", opAddVictim, victim)
			count := get(ts.as("saksbehandler", `{ convicts(where: {name: "Martin Berg"}) { edges { node { custodyEvents { totalCount } criminalCases { victims { id } } } } } }`, nil),
				"convicts", "edges", 0, "node").(map[string]any)
			if get(count, "custodyEvents", "totalCount") != 1.0 || len(get(count, "criminalCases", 0, "victims").([]any)) != 3 {
				t.Fatalf("after retries: %v", count)
			}
		})
	}
}

// nin is a synthetic identity number for a test person.
func nin(y int, m time.Month, d int) string {
	n, err := rules.SyntheticIdentityNumber(rules.Date(y, m, d), 321)
	if err != nil {
		panic(err)
	}
	return n
}
