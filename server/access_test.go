package server_test

import (
	"fmt"
	"slices"
	"testing"

	"varsel/dbtest"
)

// Every seeded user logs in and sees who they are (the platform issue).
func TestSeededUsersSeeWhoTheyAre(t *testing.T) {
	ts := startServer(t, dbtest.Dialects[0])
	want := []struct{ user, name, role, place string }{
		{"saksbehandler", "Sara Nilsen", "CASEWORKER", "Oslo fengsel"},
		{"saksbehandler2", "Bjørn Haugen", "CASEWORKER", "Bergen fengsel"},
		{"beslutter", "Berit Lunde", "DECISION_MAKER", "Oslo fengsel"},
		{"region", "Rune Dahl", "DECISION_MAKER", "Region øst"},
		{"politi", "Per Olsen", "POLICE", "Oslo politidistrikt"},
		{"analytiker", "Anne Berg", "ANALYST", "Kriminalomsorgsdirektoratet"},
		{"revisor", "Rita Moe", "AUDITOR", "Kriminalomsorgsdirektoratet"},
		{"admin", "Adam Holm", "ADMIN", "Kriminalomsorgsdirektoratet"},
	}
	for _, w := range want {
		t.Run(w.user, func(t *testing.T) {
			me := get(ts.as(w.user, `{ me { subject name roles unit { name } policeDistrict { name } } }`, nil), "me")
			place := get(me, "unit", "name")
			if place == nil {
				place = get(me, "policeDistrict", "name")
			}
			if get(me, "subject") != w.user || get(me, "name") != w.name ||
				fmt.Sprint(get(me, "roles")) != "["+w.role+"]" || place != w.place {
				t.Fatalf("me = %v", me)
			}
		})
	}
}

const convictsQuery = `{ convicts(orderBy: {field: NAME}) { totalCount edges { node { id name unit { name } } } } }`

func convictNames(data map[string]any) []string {
	var names []string
	for _, e := range get(data, "convicts", "edges").([]any) {
		names = append(names, get(e, "node", "name").(string))
	}
	return names
}

// PR5: each role reaches what it should and nothing else.
func TestEachRoleReachesWhatItShould(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)

			// Case data: correctional staff, scoped to their unit; a region
			// sees its local units' convicts.
			for _, c := range []struct {
				user string
				want []string
			}{
				{"saksbehandler", []string{"Martin Berg", "Ola Rud", "Tor Eriksen"}},
				{"beslutter", []string{"Martin Berg", "Ola Rud", "Tor Eriksen"}},
				{"saksbehandler2", []string{"Geir Strand"}},
				{"region", []string{"Knut Lie", "Martin Berg", "Ola Rud", "Tor Eriksen"}},
			} {
				data := ts.as(c.user, convictsQuery, nil)
				if got := convictNames(data); !slices.Equal(got, c.want) {
					t.Errorf("%s sees convicts %v, want %v", c.user, got, c.want)
				}
				if n := get(data, "convicts", "totalCount"); n != float64(len(c.want)) {
					t.Errorf("%s counts %v convicts, want %d", c.user, n, len(c.want))
				}
			}
			// The police, analysts, auditors and administrators reach no case data.
			for _, user := range []string{"politi", "politi2", "analytiker", "revisor", "admin"} {
				r := ts.do(ts.token(user), convictsQuery, nil)
				if r.code() != "FORBIDDEN" || get(r.Data, "convicts") != nil {
					t.Errorf("%s: convicts gave code %q data %v, want FORBIDDEN", user, r.code(), r.Data)
				}
			}
			// The audit trail: auditors only.
			for _, c := range []struct {
				user, code string
			}{{"revisor", ""}, {"saksbehandler", "FORBIDDEN"}, {"politi", "FORBIDDEN"}, {"analytiker", "FORBIDDEN"}, {"admin", "FORBIDDEN"}} {
				for _, q := range []string{
					`{ auditChainStatus { intact checked } }`,
					`{ auditEvents(first: 5) { totalCount } }`,
					`{ accessLog(first: 5) { totalCount } }`,
				} {
					if r := ts.do(ts.token(c.user), q, nil); r.code() != c.code {
						t.Errorf("%s %s: code %q, want %q (%v)", c.user, q, r.code(), c.code, r.Errors)
					}
				}
			}
			// The staff registry: names every role needs to work together,
			// except analysts, who see aggregates only (PR4).
			for _, user := range []string{"saksbehandler", "politi", "revisor", "admin"} {
				ts.as(user, `{ staffMembers(first: 10) { totalCount } }`, nil)
			}
			if r := ts.do(ts.token("analytiker"), `{ staffMembers(first: 10) { totalCount } }`, nil); r.code() != "FORBIDDEN" {
				t.Errorf("analytiker: staffMembers gave code %q, want FORBIDDEN (PR4)", r.code())
			}
			// The seeded data was written with an intact audit trail.
			st := ts.as("revisor", `{ auditChainStatus { intact checked } }`, nil)
			if get(st, "auditChainStatus", "intact") != true || get(st, "auditChainStatus", "checked").(float64) < 20 {
				t.Errorf("auditChainStatus = %v", st)
			}
		})
	}
}

// PR5: a caseworker of one unit cannot see another unit's convict by list,
// count, node(id) or nested edge.
func TestAnotherUnitsConvictIsInvisible(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			bergen := ts.as("saksbehandler2", `{ convicts { edges { node { id unit { id }
				criminalCases { id victims { id } } } } } }`, nil)
			convictID := get(bergen, "convicts", "edges", 0, "node", "id")
			unitID := get(bergen, "convicts", "edges", 0, "node", "unit", "id")
			caseID := get(bergen, "convicts", "edges", 0, "node", "criminalCases", 0, "id")
			victimID := get(bergen, "convicts", "edges", 0, "node", "criminalCases", 0, "victims", 0, "id")
			if convictID == nil || caseID == nil || victimID == nil {
				t.Fatalf("Bergen's caseworker does not see Bergen's case: %v", bergen)
			}
			oslo := ts.token("saksbehandler")

			// By list and count.
			r := ts.do(oslo, `query($u: ID!) { convicts(where: {hasUnitWith: {id: $u}}) { totalCount edges { node { id } } } }`,
				map[string]any{"u": unitID})
			if len(r.Errors) > 0 || get(r.Data, "convicts", "totalCount") != 0.0 {
				t.Errorf("list/count: %v %v", r.Data, r.Errors)
			}
			// By node(id), for the convict, the case and the victim.
			for _, id := range []any{convictID, caseID, victimID} {
				r := ts.do(oslo, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
				if get(r.Data, "node") != nil || r.code() != "NOT_FOUND" {
					t.Errorf("node(%v): data %v code %q", id, r.Data, r.code())
				}
				r = ts.do(oslo, `query($id: [ID!]!) { nodes(ids: $id) { id } }`, map[string]any{"id": []any{id}})
				if get(r.Data, "nodes", 0) != nil {
					t.Errorf("nodes(%v): %v", id, r.Data)
				}
			}
			// By nested edge: Bergen's unit is reference data anyone sees, but
			// its convicts are not Oslo's to see.
			q := `query($u: ID!) { node(id: $u) { ... on Unit { name convicts { totalCount edges { node { id } } } } } }`
			r = ts.do(oslo, q, map[string]any{"u": unitID})
			if len(r.Errors) > 0 || get(r.Data, "node", "name") != "Bergen fengsel" || get(r.Data, "node", "convicts", "totalCount") != 0.0 {
				t.Errorf("nested edge: %v %v", r.Data, r.Errors)
			}
			if n := get(ts.as("saksbehandler2", q, map[string]any{"u": unitID}), "node", "convicts", "totalCount"); n != 1.0 {
				t.Errorf("Bergen's own caseworker counts %v convicts in Bergen", n)
			}
		})
	}
}

// PR2: reading a victim's, survivor's or guardian's identity or address
// writes an access-log entry with who, which person and which case — and
// the entry holds no personal data.
func TestPersonalDataReadsAreLogged(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			// A read without personal fields logs nothing.
			ts.as("saksbehandler", `{ convicts { edges { node { criminalCases { victims { id deceased } } } } } }`, nil)
			log := ts.as("revisor", `{ accessLog(first: 100) { totalCount } }`, nil)
			if n := get(log, "accessLog", "totalCount"); n != 0.0 {
				t.Fatalf("%v access-log entries after reading no personal data", n)
			}

			data := ts.as("saksbehandler", `{ convicts(where: {name: "Martin Berg"}) { edges { node {
				criminalCases { id victims { id name addressLine guardians { id name nationalIdentityNumber } } } } } } }`, nil)
			caseID := get(data, "convicts", "edges", 0, "node", "criminalCases", 0, "id")
			victims := get(data, "convicts", "edges", 0, "node", "criminalCases", 0, "victims").([]any)
			if len(victims) != 2 || get(victims[1], "guardians", 0, "name") != "Ingrid Solberg" {
				t.Fatalf("victims = %v", victims)
			}
			entries := get(ts.as("revisor", `{ accessLog(first: 100, orderBy: {field: OCCURRED_AT}) { edges { node {
				actor personType personID criminalCaseID identity address operation } } } }`, nil), "accessLog", "edges").([]any)
			got := map[string]map[string]any{}
			for _, e := range entries {
				n := get(e, "node").(map[string]any)
				got[fmt.Sprint(n["personType"], idString(n["personID"]))] = n
			}
			// Two victims (name + address), one guardian (name + identity number).
			if len(got) != 3 {
				t.Fatalf("access log = %v, want 3 entries", entries)
			}
			for _, v := range victims {
				e := got["VICTIM"+idString(get(v, "id"))]
				if e == nil || e["identity"] != true || e["address"] != true || e["actor"] != "saksbehandler" ||
					idString(e["criminalCaseID"]) != idString(caseID) || e["operation"] != "convicts" {
					t.Errorf("victim %v: entry %v", get(v, "id"), e)
				}
			}
			g := got["GUARDIAN"+idString(get(victims[1], "guardians", 0, "id"))]
			if g == nil || g["identity"] != true || g["address"] != false || idString(g["criminalCaseID"]) != idString(caseID) {
				t.Errorf("guardian entry %v", g)
			}
		})
	}
}
