package server_test

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"varsel/dbtest"
)

// stage is a custody event taken to a given point of the workflow.
type stage struct {
	file     file
	event    string
	decision string
}

var dayOffset atomic.Int64

// freshLeave registers a leave for Martin Berg on its own day, so that rows
// of a table never collide on the event's natural key.
func (ts *testServer) freshLeave(days int) stage {
	ts.t.Helper()
	f := ts.convictFile("saksbehandler", "Martin Berg")
	start := ts.clock.Now().AddDate(0, 0, days).Add(time.Duration(dayOffset.Add(1)) * time.Minute)
	ev := ts.as("saksbehandler", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "LEAVE", "startsAt": rfc3339(start)}))
	return stage{file: f, event: id(ev, "registerCustodyEvent", "id")}
}

// decided takes a fresh leave through security, assessment of Ingrid and
// the decision.
func (ts *testServer) decided(days int) stage {
	ts.t.Helper()
	s := ts.freshLeave(days)
	ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
	ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": s.file.victimNamed("Ingrid Solberg")["id"],
		"notify": true, "factors": factors(false), "reasoning": "Av betydning."}))
	// Every potential recipient is assessed before the decision (AS1).
	ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": s.file.victimNamed("Emma Solberg")["id"],
		"notify": false, "factors": factors(true), "reasoning": "Moren varsles; varsel til barnet er ikke av betydning nå."}))
	s.decision = id(ts.as("beslutter", opDecide, in(map[string]any{"custodyEventId": s.event, "reasoning": "Vilkårene for varsling er oppfylt."})), "decideNotification", "id")
	return s
}

// informed is decided, with the convict informed by letter today.
func (ts *testServer) informed(days int) stage {
	ts.t.Helper()
	s := ts.decided(days)
	ts.as("saksbehandler", opInformed, in(map[string]any{"decisionId": s.decision, "informedAt": rfc3339(ts.clock.Now()), "how": "LETTER"}))
	return s
}

func person(name string, fields map[string]any) map[string]any {
	p := map[string]any{"name": name, "birthDate": "1985-05-05", "addressLine": "Sagveien 2", "postalCode": "0459", "postalPlace": "Oslo"}
	for k, v := range fields {
		p[k] = v
	}
	return p
}

// Every refusal of the workflow reaches the client as BAD_USER_INPUT with the
// rule's ID and provision and a Norwegian message — and what is refused is
// not stored.
func TestWorkflowRefusals(t *testing.T) {
	cases := []struct {
		rule, name string
		run        func(ts *testServer) (user, query string, vars map[string]any)
	}{
		{"EV2", "a transfer to another prison is not notifiable", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Martin Berg")
			return "saksbehandler", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "TRANSFER_TO_OTHER_PRISON", "startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 20))})
		}},
		{"EV2", "a hospital admission is not notifiable", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Martin Berg")
			return "saksbehandler", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "HOSPITAL_ADMISSION", "startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 20))})
		}},
		{"EV3", "release at the end of the forvaring time frame is not notifiable", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("region", "Knut Lie")
			return "region", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "RELEASE_AT_TIME_FRAME_END", "startsAt": rfc3339(ts.clock.Now().AddDate(0, 2, 0))})
		}},
		{"EV4", "a residence change on parole from forvaring is not notifiable", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("region", "Knut Lie")
			return "region", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "RESIDENCE_CHANGE_ON_PAROLE",
				"startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 20)), "probationEndsOn": ts.clock.Now().AddDate(1, 0, 0).Format(time.DateOnly)})
		}},
		{"EV5", "a leave from an institution whose grant did not decide notification", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Martin Berg")
			stay := ts.as("saksbehandler", `mutation($in: RecordInstitutionStayInput!) { recordInstitutionStay(input: $in) { id } }`,
				in(map[string]any{"convictId": f["id"], "institution": "Rusbehandling Sør", "fromDate": time.Now().Format(time.DateOnly),
					"notifyOnLeaves": false, "reasoning": "Fornærmede bor langt unna institusjonen."}))
			return "saksbehandler", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "LEAVE",
				"startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 20)), "institutionStayId": id(stay, "recordInstitutionStay", "id")})
		}},
		{"EV6", "an escape in the future", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Martin Berg")
			return "saksbehandler", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "ESCAPE", "startsAt": rfc3339(ts.clock.Now().Add(time.Hour))})
		}},
		{"PR1", "a convict's identity number with a wrong check digit", func(ts *testServer) (string, string, map[string]any) {
			return "saksbehandler", opRegisterConvict, in(map[string]any{"name": "Ny Domfelt", "nationalIdentityNumber": "01019000084"})
		}},
		{"RC3", "a cousin is not a survivor", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Tor Eriksen")
			return "saksbehandler", opAddSurvivor, in(map[string]any{"victimId": f.victimNamed("Lars Moen")["id"], "relation": "COUSIN", "person": person("Fetter Moen", nil)})
		}},
		{"RC3", "a living victim has no survivors", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Martin Berg")
			return "saksbehandler", opAddSurvivor, in(map[string]any{"victimId": f.victimNamed("Ingrid Solberg")["id"], "relation": "PARENT", "person": person("Mor Solberg", nil)})
		}},
		{"RC7", "the convict is never registered as a victim", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Martin Berg")
			convictNumber := get(ts.as("saksbehandler", `query($id: ID!) { node(id: $id) { ... on Convict { nationalIdentityNumber } } }`,
				map[string]any{"id": f["id"]}), "node", "nationalIdentityNumber")
			return "saksbehandler", opAddVictim, in(map[string]any{"criminalCaseId": id(map[string]any(f), "criminalCases", 0, "id"),
				"person": person("Martin Berg", map[string]any{"nationalIdentityNumber": convictNumber})})
		}},
		{"RC9", "a strengt fortrolig address is never stored", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Martin Berg")
			return "saksbehandler", opAddVictim, in(map[string]any{"criminalCaseId": id(map[string]any(f), "criminalCases", 0, "id"),
				"person": person("Skjermet Person", map[string]any{"addressProtection": "STRENGT_FORTROLIG", "policeDistrictId": policeDistrict(ts, "Oslo politidistrikt")})})
		}},
		{"RC9", "a protected address needs the police district that delivers", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Martin Berg")
			return "saksbehandler", opAddVictim, in(map[string]any{"criminalCaseId": id(map[string]any(f), "criminalCases", 0, "id"),
				"person": map[string]any{"name": "Skjermet Person", "birthDate": "1980-01-01", "addressProtection": "STRENGT_FORTROLIG"}})
		}},
		{"NT1", "an e-mail address is not where a letter goes", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Martin Berg")
			return "saksbehandler", opAddVictim, in(map[string]any{"criminalCaseId": id(map[string]any(f), "criminalCases", 0, "id"),
				"person": person("E Post", map[string]any{"addressLine": "e.post@example.no"})})
		}},
		{"NT1", "SMS is not a channel", func(ts *testServer) (string, string, map[string]any) {
			s := ts.informed(30)
			return "saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event, "channel": "SMS"})
		}},
		{"NT1", "e-mail is not a channel, whatever the recipient agrees to", func(ts *testServer) (string, string, map[string]any) {
			s := ts.informed(30)
			return "saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event, "channel": "EMAIL"})
		}},
		{"NT4", "a residence given as an address", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			return "saksbehandler", opConditions, in(map[string]any{"custodyEventId": s.event, "conditions": []any{
				map[string]any{"kind": "RESIDENCE", "area": "Bragernes torg 4, Drammen", "areaLevel": "TOWN"}}})
		}},
		{"AS2", "a significance assessment before the security assessment", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			return "saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": s.file.victimNamed("Ingrid Solberg")["id"],
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."})
		}},
		{"AS3", "an assessment that does not weigh the relationship", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			f := factors(false)
			delete(f, "relationship")
			return "saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": s.file.victimNamed("Ingrid Solberg")["id"],
				"notify": true, "factors": f, "reasoning": "Av betydning."})
		}},
		{"AS4", "a minor's assessment without the particularly careful assessment", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			return "saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": s.file.victimNamed("Emma Solberg")["id"],
				"notify": false, "factors": factors(false), "reasoning": "Ikke av betydning nå."})
		}},
		{"AS5", "a decision not to notify without its reasons", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			return "saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": s.file.victimNamed("Ingrid Solberg")["id"],
				"notify": false, "factors": factors(false), "reasoning": " "})
		}},
		{"AS6", "a request for information without a purpose", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			return "saksbehandler", opRequestInfo, in(map[string]any{"custodyEventId": s.event, "source": "CHILD_WELFARE", "purpose": ""})
		}},
		{"AS7", "the victim is not asked before the decision", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			return "saksbehandler", opRequestInfo, in(map[string]any{"custodyEventId": s.event, "source": "RECIPIENT", "purpose": "Ønsker du varsel?"})
		}},
		{"AS7", "no notice before the decision is made", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			return "saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event})
		}},
		{"RC1", "a victim of another convict's case is refused", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			other := ts.convictFile("saksbehandler", "Tor Eriksen")
			return "saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "survivorId": other.survivorNamed("Kjell Moen")["id"],
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."})
		}},
		{"RC2", "a victim of a case that lapsed because of forvaring, without the real need", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			c := ts.as("saksbehandler", opAddCase, in(map[string]any{"convictId": s.file["id"], "caseNumber": fmt.Sprint("12-", dayOffset.Add(1)),
				"judgmentDate": "2012-03-01", "offenceCategories": []any{"VIOLENCE"}, "status": "LAPSED_BY_PREVENTIVE_DETENTION"}))
			v := ts.as("saksbehandler", opAddVictim, in(map[string]any{"criminalCaseId": id(c, "addCriminalCase", "id"), "person": person("Tidligere Fornærmet", nil)}))
			return "saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": id(v, "addVictim", "id"),
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."})
		}},
		{"RC4", "several survivors without saying whether one or several are notified", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Tor Eriksen")
			ev := ts.as("saksbehandler", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "DAY_RELEASE", "startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 25))}))
			eventID := id(ev, "registerCustodyEvent", "id")
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": eventID, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			return "saksbehandler", opAssess, in(map[string]any{"custodyEventId": eventID, "survivorId": f.survivorNamed("Kjell Moen")["id"],
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."})
		}},
		{"DC2", "a local decision maker cannot decide for a convict serving more than ten years", func(ts *testServer) (string, string, map[string]any) {
			f := ts.convictFile("saksbehandler", "Tor Eriksen")
			ev := ts.as("saksbehandler", opRegisterEvent, in(map[string]any{"convictId": f["id"], "kind": "LEAVE", "startsAt": rfc3339(ts.clock.Now().AddDate(0, 0, 33))}))
			eventID := id(ev, "registerCustodyEvent", "id")
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": eventID, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": eventID, "survivorId": f.survivorNamed("Kjell Moen")["id"],
				"notify": true, "factors": factors(false), "reasoning": "Av betydning.", "severalSurvivorsReasoning": "Bare faren bor i nærheten."}))
			return "beslutter", opDecide, in(map[string]any{"custodyEventId": eventID, "reasoning": "Vilkårene for varsling er oppfylt."})
		}},
		{"DC2", "a local decision maker cannot decide for a forvaring convict", func(ts *testServer) (string, string, map[string]any) {
			c := ts.as("saksbehandler", opRegisterConvict, in(map[string]any{"name": "Forvart Person", "nationalIdentityNumber": nin(1975, 2, 2),
				"servingPreventiveDetention": true}))
			convictID := id(c, "registerConvict", "id")
			cs := ts.as("saksbehandler", opAddCase, in(map[string]any{"convictId": convictID, "caseNumber": "20-1", "judgmentDate": "2020-01-01", "offenceCategories": []any{"SEXUAL"}}))
			v := ts.as("saksbehandler", opAddVictim, in(map[string]any{"criminalCaseId": id(cs, "addCriminalCase", "id"), "person": person("Fornærmet Forvaring", nil)}))
			ev := ts.as("saksbehandler", opRegisterEvent, in(map[string]any{"convictId": convictID, "kind": "PAROLE_FROM_PREVENTIVE_DETENTION", "startsAt": rfc3339(ts.clock.Now().AddDate(0, 2, 0))}))
			eventID := id(ev, "registerCustodyEvent", "id")
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": eventID, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": eventID, "victimId": id(v, "addVictim", "id"),
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."}))
			return "beslutter", opDecide, in(map[string]any{"custodyEventId": eventID, "reasoning": "Vilkårene for varsling er oppfylt."})
		}},
		{"DC2", "the region cannot decide what the local unit decides", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": s.file.victimNamed("Ingrid Solberg")["id"],
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."}))
			return "region", opDecide, in(map[string]any{"custodyEventId": s.event, "reasoning": "Vilkårene for varsling er oppfylt."})
		}},
		{"DC3", "a notice cannot be released before the convict is informed", func(ts *testServer) (string, string, map[string]any) {
			s := ts.decided(30)
			n := get(ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event})), "prepareNotices", "notices", 0)
			return "saksbehandler", opRelease, in(map[string]any{"noticeId": get(n, "id")})
		}},
		{"DC5", "a caseworker cannot release a notice before the decision is final, whatever the justification", func(ts *testServer) (string, string, map[string]any) {
			s := ts.informed(30)
			n := get(ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event})), "prepareNotices", "notices", 0)
			return "saksbehandler", opRelease, in(map[string]any{"noticeId": get(n, "id"), "justification": "Utgangen er snart."})
		}},
		{"DC6", "told orally, the convict's answer on appeal is recorded", func(ts *testServer) (string, string, map[string]any) {
			s := ts.decided(30)
			return "saksbehandler", opInformed, in(map[string]any{"decisionId": s.decision, "informedAt": rfc3339(ts.clock.Now()), "how": "ORAL"})
		}},
		{"NT2", "a notice later than 14 days before needs a justification", func(ts *testServer) (string, string, map[string]any) {
			s := ts.informed(5)
			return "saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event})
		}},
		// Last: the reservation stays in force for the rest of the table.
		{"RC10", "a recipient who reserved against notices", func(ts *testServer) (string, string, map[string]any) {
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
			ingrid := s.file.victimNamed("Ingrid Solberg")["id"]
			ts.as("saksbehandler", opReservation, in(map[string]any{"victimId": ingrid, "reservedAt": rfc3339(ts.clock.Now()), "how": "PHONE"}))
			return "saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": ingrid,
				"notify": true, "factors": factors(false), "reasoning": "Av betydning."})
		}},
	}
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			for _, tc := range cases {
				t.Run(tc.rule+" "+tc.name, func(t *testing.T) {
					ts.t = t
					user, query, vars := tc.run(ts)
					e := ts.refused(user, tc.rule, query, vars)
					if strings.Contains(e.Message, "internal") || !strings.ContainsAny(e.Message, "æøåÆØÅ .") {
						t.Fatalf("message %q is not for a caseworker", e.Message)
					}
				})
			}
		})
	}
}

// The workflow's permissions: a caseworker cannot decide (DC1), and nobody
// outside the convict's units reaches the event (PR5).
func TestWorkflowPermissions(t *testing.T) {
	ts := startServer(t, dbtest.Dialects[0])
	s := ts.freshLeave(30)
	ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
	ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": s.file.victimNamed("Ingrid Solberg")["id"],
		"notify": true, "factors": factors(false), "reasoning": "Av betydning."}))
	ts.failsWith("saksbehandler", "FORBIDDEN", opDecide, in(map[string]any{"custodyEventId": s.event, "reasoning": "Vilkårene for varsling er oppfylt."}))
	ts.failsWith("saksbehandler2", "NOT_FOUND", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "x"}))
	for _, user := range []string{"politi", "analytiker", "revisor", "admin"} {
		ts.failsWith(user, "FORBIDDEN", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "x"}))
		ts.failsWith(user, "FORBIDDEN", opWorklist, nil)
	}
	if work := get(ts.as("saksbehandler2", opWorklist, nil), "notificationWorklist").([]any); len(work) != 0 {
		t.Fatalf("Bergen's worklist shows Oslo's work: %v", work)
	}
}

// RC7: a guardian who is the convict is kept on record, excluded with a
// visible warning, and never gets the notice; the other guardian does.
func TestGuardianWhoIsTheConvictIsExcluded(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			f := ts.convictFile("saksbehandler", "Martin Berg")
			convictNumber := get(ts.as("saksbehandler", `query($id: ID!) { node(id: $id) { ... on Convict { nationalIdentityNumber } } }`,
				map[string]any{"id": f["id"]}), "node", "nationalIdentityNumber")
			emma := f.victimNamed("Emma Solberg")
			g := ts.as("saksbehandler", opAddGuardian, in(map[string]any{"victimId": emma["id"], "kind": "PARENTAL_RESPONSIBILITY",
				"person": person("Martin Berg", map[string]any{"nationalIdentityNumber": convictNumber})}))
			if get(g, "addGuardian", "guardian", "excludedAsConvict") != true || !strings.Contains(fmt.Sprint(get(g, "addGuardian", "warnings")), "RC7") {
				t.Fatalf("addGuardian = %v", g)
			}
			s := ts.decidedFor(f, "Emma Solberg", true)
			res := get(ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event})), "prepareNotices").(map[string]any)
			notices := res["notices"].([]any)
			if len(notices) != 1 || get(notices[0], "guardian", "id") != id(emma, "guardians", 0, "id") ||
				!strings.Contains(fmt.Sprint(res["warnings"]), "domfelte selv") {
				t.Fatalf("prepareNotices = %v", res)
			}
		})
	}
}

// decidedFor takes a fresh leave to an informed decision to notify one victim.
func (ts *testServer) decidedFor(f file, victim string, minor bool) stage {
	ts.t.Helper()
	s := ts.freshLeave(30)
	ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
	ts.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": s.event, "victimId": f.victimNamed(victim)["id"],
		"notify": true, "factors": factors(minor), "reasoning": "Av betydning."}))
	ts.assessTheRest("saksbehandler", s.event, "")
	s.decision = id(ts.as("beslutter", opDecide, in(map[string]any{"custodyEventId": s.event, "reasoning": "Vilkårene for varsling er oppfylt."})), "decideNotification", "id")
	ts.as("saksbehandler", opInformed, in(map[string]any{"decisionId": s.decision, "informedAt": rfc3339(ts.clock.Now()), "how": "LETTER"}))
	return s
}

// DC5, DC6: told orally and answering no appeal, the convict's notices may go
// before the deadline with a justification, reported as early; a late notice
// with a justification is allowed and flagged (NT2).
func TestEarlyAndLateNoticesAreJustified(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			s := ts.decided(10) // 10 days ahead: already later than 14 days before
			ts.as("saksbehandler", opInformed, in(map[string]any{"decisionId": s.decision, "informedAt": rfc3339(ts.clock.Now()),
				"how": "ORAL", "oralAppealAnswer": "DOES_NOT_APPEAL"}))
			ts.refused("saksbehandler", "NT2", opPrepare, in(map[string]any{"custodyEventId": s.event}))
			n := get(ts.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": s.event,
				"lateJustification":         "Permisjonen ble innvilget med kort varsel.",
				"earlyReleaseJustification": "Permisjonen begynner før klagefristen; domfelte klager ikke."})), "prepareNotices", "notices", 0)
			// Told orally and not appealing, the convict waived the appeal (DC6):
			// the decision is final, so the notice goes without an early release.
			if get(n, "status") != "READY" || get(n, "late") != true || get(n, "earlyReleaseJustification") != "" || get(n, "lateJustification") == "" {
				t.Fatalf("notice = %v", n)
			}

			// Informed by letter, the appeal window runs: only a decision maker
			// may release before it ends, with the reason, reported as early (DC5).
			s = ts.informed(10)
			prepare := in(map[string]any{"custodyEventId": s.event, "lateJustification": "Permisjonen ble innvilget med kort varsel.",
				"earlyReleaseJustification": "Permisjonen begynner før klagefristen går ut."})
			ts.refused("saksbehandler", "DC5", opPrepare, prepare)
			n = get(ts.as("beslutter", opPrepare, prepare), "prepareNotices", "notices", 0)
			if get(n, "status") != "READY" || get(n, "earlyReleaseJustification") != "Permisjonen begynner før klagefristen går ut." {
				t.Fatalf("released early by the decision maker: %v", n)
			}
		})
	}
}
