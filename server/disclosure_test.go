package server_test

import (
	"encoding/json"
	"fmt"
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
				// What the police record about a convict under INFOFLYT is not
				// refused, which would tell them: it waits in the national queue
				// (TestDisclosureByThePoliceIsNoOracle).
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

// The police record what they disclosed by identity number, and learn from
// the answer — and from their register — neither whether the person is a
// convict nor where: a number no convict holds, or one under INFOFLYT (IX6),
// is answered like any other, refused alike for the same faults, and waits
// in the national queue for the administrators (security issue: no oracle).
func TestDisclosureByThePoliceIsNoOracle(t *testing.T) {
	const opRecordAll = `mutation($in: RecordDisclosureInput!) { recordDisclosure(input: $in) {
		direction category summary legalBasis decidedByName unverified expiresOn convictName nationalIdentityNumber heldReason
		unit { name } policeDistrict { name } } }`
	const opRegister = `{ disclosures { totalCount edges { node { id convictName nationalIdentityNumber heldReason unit { name } } } } }`
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			stranger, err := rules.SyntheticIdentityNumber(time.Date(1971, 3, 9, 0, 0, 0, 0, time.UTC), 451)
			if err != nil {
				t.Fatal(err)
			}
			numbers := map[string]string{"a convict": convictNIN(ts, "Martin Berg"), "under INFOFLYT": convictNIN(ts, "Ola Rud"), "no convict": stranger}
			disclosure := func(nin string, change map[string]any) map[string]any {
				d := map[string]any{"direction": "FROM_POLICE", "convictNationalIdentityNumber": nin, "category": "POLICE_INFORMATION",
					"summary": "Kontakt med kriminelt miljø.", "purpose": "Sikkerhetsvurdering.", "recipient": "Kriminalomsorgen",
					"legalBasis": "POLITIREGISTERLOVEN_27", "decidedByName": "Politiadvokat Lie", "decidedAt": rfc3339(ts.clock.Now()), "form": "WRITTEN"}
				for k, v := range change {
					d[k] = v
				}
				return in(d)
			}

			// The same fault is refused alike, whoever the number belongs to.
			faults := map[string]map[string]any{"no purpose": {"purpose": " "}, "decided in the future": {"decidedAt": rfc3339(ts.clock.Now().Add(time.Hour))},
				"a basis of the correctional service": {"legalBasis": "FVL_13B_5"}, "the correctional service's disclosure": {"direction": "TO_POLICE"}}
			for fault, change := range faults {
				refusals := map[string]string{}
				for who, nin := range numbers {
					r := ts.do(ts.token("politi"), opRecordAll, disclosure(nin, change))
					if len(r.Errors) != 1 || r.code() != "BAD_USER_INPUT" {
						t.Fatalf("%s, %s: want one refusal, got %d %+v", fault, who, r.Status, r.Errors)
					}
					refusals[who] = fmt.Sprint(r.Errors[0].Message, r.Errors[0].Extensions)
				}
				for who, e := range refusals {
					if e != refusals["a convict"] {
						t.Errorf("%s: the police are refused otherwise for %s: %s, and for a convict: %s", fault, who, e, refusals["a convict"])
					}
				}
			}
			if e := ts.refused("politi", "IX1", opRecordAll, disclosure(stranger, map[string]any{"direction": "TO_POLICE"})); e.Extensions["field"] != "direction" {
				t.Errorf("the refusal names %v, not the direction", e.Extensions["field"])
			}

			// Recorded: the same answer, with the number the police gave and no name, unit or reason.
			answers := map[string]string{}
			for who, nin := range numbers {
				a := get(ts.as("politi", opRecordAll, disclosure(nin, nil)), "recordDisclosure").(map[string]any)
				if a["nationalIdentityNumber"] != nin || a["convictName"] != nil || a["unit"] != nil || a["heldReason"] != nil {
					t.Errorf("%s: the police are answered %v", who, a)
				}
				a["nationalIdentityNumber"] = "the number"
				answers[who] = fmt.Sprint(a)
			}
			for who, a := range answers {
				if a != answers["a convict"] {
					t.Errorf("the police are answered otherwise for %s: %s, and for a convict: %s", who, a, answers["a convict"])
				}
			}
			// So are the police's mandatory messages, in the police's register.
			for _, nin := range numbers {
				ts.as("politi", opReport, in(map[string]any{"convictNationalIdentityNumber": nin, "kind": "CONDITIONS_BREACHED",
					"summary": "Brudd på meldeplikt."}))
			}
			register := get(ts.as("politi", opRegister, nil), "disclosures").(map[string]any)
			if register["totalCount"] != 6.0 {
				t.Errorf("the police's register holds %v disclosures, want all 6 they made", register["totalCount"])
			}
			for _, secret := range []string{"Martin Berg", "Ola Rud", "Oslo fengsel", "INFOFLYT", "UNKNOWN_PERSON"} {
				if strings.Contains(fmt.Sprint(register), secret) {
					t.Errorf("the police's register says %q: %v", secret, register)
				}
			}

			// The unit sees the two on its convict, by name; the national queue
			// the two disclosures recorded directly that reached no unit (the
			// reports' own go with the reports).
			unit := get(ts.as("saksbehandler", opRegister, nil), "disclosures", "edges").([]any)
			if len(unit) != 2 || get(unit[0], "node", "convictName") != "Martin Berg" || get(unit[0], "node", "unit", "name") != "Oslo fengsel" ||
				get(unit[0], "node", "nationalIdentityNumber") != nil {
				t.Errorf("the unit sees %v", unit)
			}
			queue := get(ts.as("admin", opRegister, nil), "disclosures", "edges").([]any)
			held := map[any]any{}
			for _, e := range queue {
				held[get(e, "node", "heldReason")] = get(e, "node", "nationalIdentityNumber")
			}
			if len(queue) != 2 || held["INFOFLYT"] != numbers["under INFOFLYT"] || held["UNKNOWN_PERSON"] != stranger {
				t.Errorf("the national queue holds %v", queue)
			}
		})
	}
}
