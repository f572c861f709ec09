package server_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
	"varsel/rules"
)

const (
	opDisclosures = `query($direction: DisclosureDirection, $convictId: ID) {
		disclosures(direction: $direction, convictId: $convictId) { totalCount edges { node {
			id direction category summary purpose recipient legalBasis legalBasisProvision register avertsImprisonableOffence
			decidedByName decidedAt form unverified source expiresOn convictName unit { name } policeDistrict { name } } } } }`
	opRecordDisclosure = `mutation($in: RecordDisclosureInput!) { recordDisclosure(input: $in) {
		id direction legalBasis decidedByName unverified expiresOn convictName } }`
	opDelegate = `mutation($id: ID!) { delegateDisclosureAuthority(delegateId: $id) { id delegate { name } grantedAt revokedAt } }`
	opRevoke   = `mutation($id: ID!) { revokeDelegation(id: $id) { id revokedAt } }`
)

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// staffID is a staff member's ID by name.
func staffID(ts *testServer, name string) string {
	ts.t.Helper()
	edges := get(ts.as("saksbehandler", `query($n: String!) { staffMembers(where: {name: $n}) { edges { node { id } } } }`,
		map[string]any{"n": name}), "staffMembers", "edges").([]any)
	if len(edges) != 1 {
		ts.t.Fatalf("no staff member %s", name)
	}
	return get(edges[0], "node", "id").(string)
}

// toPolice is a lawful oral disclosure of Martin Berg's leave to Oslo's
// police, decided by the head of Oslo fengsel, with changes.
func toPolice(ts *testServer, change map[string]any) map[string]any {
	ts.t.Helper()
	d := map[string]any{
		"direction": "TO_POLICE", "convictId": ts.convictFile("saksbehandler", "Martin Berg")["id"],
		"policeDistrictId": districtID(ts, "Oslo politidistrikt"), "category": "CUSTODY",
		"summary": "Domfelte har permisjon 12.–14. desember med overnatting hos sin mor i Drammen.",
		"purpose": "Politiets kontroll av besøksforbudet.", "recipient": "Oslo politidistrikt, etterretningsseksjonen",
		"legalBasis": "FVL_13B_5", "decidedById": staffID(ts, "Berit Lunde"),
		"decidedAt": rfc3339(ts.clock.Now().Add(-time.Hour)), "form": "ORAL",
	}
	for k, v := range change {
		if v == nil {
			delete(d, k)
		} else {
			d[k] = v
		}
	}
	return in(d)
}

// IX1–IX4, IX6: the register records each disclosure with its lawful basis,
// decided by the head of the unit or a delegate; health information,
// communication control for any other purpose than averting a crime, and
// any ordinary disclosure about an INFOFLYT convict are refused — each with
// its rule and provision. What is refused is not stored.
func TestDisclosureRegister(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			sara := staffID(ts, "Sara Nilsen")
			refusals := []struct {
				rule, name string
				user       string
				input      map[string]any
			}{
				{"IX2", "decided by a caseworker without delegation", "saksbehandler", toPolice(ts, map[string]any{"decidedById": sara})},
				{"IX2", "nobody named as deciding", "saksbehandler", toPolice(ts, map[string]any{"decidedById": nil})},
				{"IX4", "health information to the police", "saksbehandler", toPolice(ts, map[string]any{"category": "HEALTH",
					"summary": "Domfelte får utdelt medisiner mot angst."})},
				{"IX3", "a police basis for the correctional service's disclosure", "saksbehandler", toPolice(ts, map[string]any{"legalBasis": "POLITIREGISTERLOVEN_27"})},
				{"IX3", "communication control for another purpose", "saksbehandler", toPolice(ts, map[string]any{"direction": "FROM_POLICE",
					"category": "COMMUNICATION_CONTROL", "legalBasis": "STRAFFEPROSESSLOVEN_216I", "decidedById": nil, "decidedByName": "Politiadvokat Lie",
					"purpose": "Vurdering av søknad om permisjon."})},
				{"IX3", "criminal record without its register", "saksbehandler", toPolice(ts, map[string]any{"direction": "FROM_POLICE",
					"category": "CRIMINAL_RECORD", "legalBasis": "POLITIREGISTERLOVEN_9", "decidedById": nil, "decidedByName": "Per Olsen"})},
				{"IX1", "no purpose", "saksbehandler", toPolice(ts, map[string]any{"purpose": " "})},
				{"IX1", "unverified without its source", "saksbehandler", toPolice(ts, map[string]any{"unverified": true})},
				{"IX1", "decided in the future", "saksbehandler", toPolice(ts, map[string]any{"decidedAt": rfc3339(ts.clock.Now().Add(time.Hour))})},
				{"IX6", "a convict under INFOFLYT", "saksbehandler", toPolice(ts, map[string]any{"convictId": ts.convictFile("saksbehandler", "Ola Rud")["id"]})},
				{"IX6", "a convict under INFOFLYT, by the police", "politi", in(map[string]any{"direction": "FROM_POLICE",
					"convictNationalIdentityNumber": convictNIN(ts, "Ola Rud"), "category": "POLICE_INFORMATION", "summary": "Kontakt med kriminelt miljø.",
					"purpose": "Sikkerhetsvurdering.", "recipient": "Oslo fengsel", "legalBasis": "POLITIREGISTERLOVEN_27",
					"decidedAt": rfc3339(ts.clock.Now()), "form": "WRITTEN"})},
			}
			for _, c := range refusals {
				e := ts.refused(c.user, c.rule, opRecordDisclosure, c.input)
				if c.rule == "IX6" && !e.says("INFOFLYT-rutinen") {
					t.Errorf("%s: the refusal does not name the INFOFLYT procedure: %s", c.name, e.Message)
				}
			}
			if n := get(ts.as("saksbehandler", opDisclosures, nil), "disclosures", "totalCount"); n != 0.0 {
				t.Fatalf("%v refused disclosures were stored", n)
			}

			// The head of the unit decides; then delegates to Sara, who may decide until revoked.
			byHead := get(ts.as("saksbehandler", opRecordDisclosure, toPolice(ts, nil)), "recordDisclosure")
			if get(byHead, "decidedByName") != "Berit Lunde" || get(byHead, "convictName") != "Martin Berg" {
				t.Fatalf("recorded = %v", byHead)
			}
			ts.refused("saksbehandler", "IX2", opDelegate, map[string]any{"id": sara})
			delegation := get(ts.as("beslutter", opDelegate, map[string]any{"id": sara}), "delegateDisclosureAuthority")
			if get(delegation, "delegate", "name") != "Sara Nilsen" {
				t.Fatalf("delegation = %v", delegation)
			}
			ts.failsWith("beslutter", "BAD_USER_INPUT", opDelegate, map[string]any{"id": staffID(ts, "Bjørn Haugen")}) // another unit's
			ts.as("saksbehandler", opRecordDisclosure, toPolice(ts, map[string]any{"decidedById": sara,
				"category": "OFFENCE", "legalBasis": "FVL_13B_6", "summary": "Mistanke om innsmugling av narkotika ved besøk 20.11."}))
			ts.as("beslutter", opRevoke, map[string]any{"id": get(delegation, "id")})
			ts.refused("saksbehandler", "IX2", opRecordDisclosure, toPolice(ts, map[string]any{"decidedById": sara}))

			// From the police: communication control to avert an escape, unverified, with its source.
			kk := get(ts.as("politi", opRecordDisclosure, in(map[string]any{"direction": "FROM_POLICE",
				"convictNationalIdentityNumber": convictNIN(ts, "Martin Berg"), "category": "COMMUNICATION_CONTROL",
				"summary": "Avlytting tyder på planlagt rømning under permisjonen.", "purpose": "Avverge rømning under permisjon.",
				"recipient": "Oslo fengsel, sikkerhetsavdelingen", "legalBasis": "STRAFFEPROSESSLOVEN_216I", "avertsImprisonableOffence": true,
				"decidedByName": "Politiadvokat Lie", "decidedAt": rfc3339(ts.clock.Now()), "form": "ORAL",
				"unverified": true, "source": "Kommunikasjonskontroll, sak 24-1234"})), "recordDisclosure")
			wantExpiry := rules.UnverifiedExpiresOn(ts.clock.Now()).Format(time.DateOnly)
			if get(kk, "unverified") != true || get(kk, "expiresOn") != wantExpiry || get(kk, "decidedByName") != "Politiadvokat Lie" {
				t.Fatalf("unverified disclosure = %v, want it to expire %s (IX8)", kk, wantExpiry)
			}

			// Each side sees its own: Oslo's unit and Oslo's police three; Bergen and Vest none.
			for user, want := range map[string]float64{"saksbehandler": 3, "beslutter": 3, "politi": 3, "saksbehandler2": 0, "politi2": 0} {
				if n := get(ts.as(user, opDisclosures, nil), "disclosures", "totalCount"); n != want {
					t.Errorf("%s sees %v disclosures, want %v", user, n, want)
				}
			}
			all := get(ts.as("saksbehandler", opDisclosures, nil), "disclosures", "edges").([]any)
			for _, e := range all {
				n := get(e, "node")
				if get(n, "legalBasisProvision") == "" || get(n, "purpose") == "" || get(n, "recipient") == "" || get(n, "decidedAt") == nil {
					t.Errorf("a disclosure lacks what IX1 requires: %v", n)
				}
			}
			if p := get(all[0], "node", "legalBasisProvision"); p != "straffeprosessloven § 216 i første ledd bokstav f" {
				t.Errorf("newest first: the police's disclosure cites %v", p)
			}
			r := ts.do(ts.token("politi2"), `query($id: ID!) { node(id: $id) { ... on Disclosure { summary } } }`, map[string]any{"id": get(kk, "id")})
			if strings.Contains(string(mustJSON(r.Data)), "rømning") {
				t.Fatal("Vest politidistrikt reads Oslo's disclosure by node(id)")
			}
		})
	}
}
