package graph_test

import (
	"encoding/json"
	"strings"
	"testing"

	"varsel"
)

// Input limits (security issue): a length for every text, no control or
// bidi-override characters, years within sense — refused with the field
// named, before any SQL, and without the value in the message (PR6).
func TestInputLimitsNameTheFieldBeforeAnySQL(t *testing.T) {
	const register = `mutation($in: RegisterConvictInput!) { registerConvict(input: $in) { id } }`
	convict := func(name string, more ...string) map[string]any {
		in := map[string]any{"name": name, "nationalIdentityNumber": "15076500565"}
		for i := 0; i+1 < len(more); i += 2 {
			in[more[i]] = more[i+1]
		}
		return map[string]any{"in": in}
	}
	const conditions = `mutation($in: RecordConditionsInput!) { recordConditions(input: $in) { id } }`
	condition := func(description string) map[string]any {
		return map[string]any{"in": map[string]any{"custodyEventId": "1", "conditions": []any{
			map[string]any{"kind": "NO_CONTACT", "description": "Ingen kontakt."},
			map[string]any{"kind": "RESIDENCE", "description": description},
		}}}
	}
	a := newAPI(t, false)
	refused := []struct {
		name, query string
		vars        map[string]any
		field       string
	}{
		{"a 900 KB name is cut by the body's limit; 201 characters are too many", register, convict(strings.Repeat("Å", 201)), "name"},
		{"a NUL byte", register, convict("Ola\x00Nordmann"), "name"},
		{"an escape character", register, convict("Ola \x1b[2JNordmann"), "name"},
		{"a line break in a name", register, convict("Ola\nNordmann"), "name"},
		{"a right-to-left override", register, convict("Ola \u202eNordmann"), "name"},
		{"a bidi isolate", register, convict("Ola \u2066Nordmann"), "name"},
		{"a line separator in a name", register, convict("Ola\u2028Nordmann"), "name"},
		{"the year 0001", register, convict("Ola Nordmann", "birthDate", "0001-01-01"), "birthDate"},
		{"the year 9999", register, convict("Ola Nordmann", "sentenceEndedOn", "9999-12-31"), "sentenceEndedOn"},
		{"an override in a condition's description reaches a letter", conditions, condition("Bor i Oslo \u202e"), "conditions.1.description"},
		{"4,001 characters of reasoning", conditions, condition(strings.Repeat("x", 4_001)), "conditions.1.description"},
		{"in the document, not in variables", `mutation { registerConvict(input: {name: "Ola\u202eNordmann", nationalIdentityNumber: "15076500565"}) { id } }`, nil, "name"},
		{"a search", `query($q: String) { convicts(first: 10, where: {nameContainsFold: $q}) { totalCount } }`, map[string]any{"q": "a\x07b"}, "where.nameContainsFold"},
		{"an ID of 65 characters", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": strings.Repeat("1", 65)}, "id"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": tc.query, "variables": tc.vars})
			a.stmts.Store(0)
			_, r := a.post("application/json", string(body))
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != varsel.EINVALID || r.Errors[0].Extensions["field"] != tc.field {
				t.Fatalf("errors = %+v, want one %s naming %s", r.Errors, varsel.EINVALID, tc.field)
			}
			if msg := r.Errors[0].Message; !strings.Contains(msg, "«"+tc.field+"»") || strings.Contains(msg, "Nordmann") || strings.Contains(msg, "Oslo") {
				t.Errorf("message %q: want the field named and no value quoted", msg)
			}
			if n := a.stmts.Load(); n != 0 {
				t.Errorf("%d SQL statements ran before the refusal", n)
			}
		})
	}
	// What people write passes the limits (and reaches the resolver, which
	// may refuse it for its own reasons).
	passed := []struct {
		name, query string
		vars        map[string]any
	}{
		{"200 characters of name, with æøå and a hyphen", register, convict(strings.Repeat("Æ", 150) + " Ødegård-Åsen" + strings.Repeat("ø", 37))},
		{"line breaks and tabs in a description", conditions, condition("Skal bo hos sin mor.\r\n\tIkke i Oslo sentrum.")},
		{"4,000 characters of description", conditions, condition(strings.Repeat("x", 4_000))},
		{"a name in Sámi and Arabic script", register, convict("Máret Ánne Sara محمد")},
	}
	for _, tc := range passed {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": tc.query, "variables": tc.vars})
			_, r := a.post("application/json", string(body))
			for _, e := range r.Errors {
				if strings.HasPrefix(e.Message, "Ugyldig verdi i feltet") {
					t.Errorf("refused by the input limits: %+v", e)
				}
			}
		})
	}
}
