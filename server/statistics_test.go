package server_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"varsel/dbtest"
)

// PR4: analysts see aggregates only. The statistics query answers them,
// with small counts suppressed, and the same figures come as CSV; a
// caseworker gets no statistics.
func TestStatisticsAPIAndCSV(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			for range 5 {
				ts.informed(30) // five leaves for Martin Berg, decided, convict informed
			}
			year := ts.clock.Now().Format("2006")
			next := ts.clock.Now().AddDate(0, 2, 0).Format("2006")
			vars := map[string]any{"from": year + "-01-01", "to": next + "-12-31"}
			q := `query($from: Date!, $to: Date!) { statistics(from: $from, to: $to, groupBy: [UNIT]) {
				suppressionThreshold total { custodyEvents { value suppressed } assessmentsNotify { value suppressed } decisionsPending { value suppressed } }
				rows { unit { name } custodyEvents { value suppressed } appealsReceived { value suppressed } onTimeRate { value suppressed } } } }`
			s := get(ts.as("analytiker", q, vars), "statistics")
			if get(s, "suppressionThreshold") != 5.0 || get(s, "total", "custodyEvents", "value") != 5.0 || get(s, "total", "assessmentsNotify", "value") != 5.0 {
				t.Fatalf("statistics = %v", s)
			}
			rows := get(s, "rows").([]any)
			if len(rows) != 1 || get(rows[0], "unit", "name") != "Oslo fengsel" || get(rows[0], "custodyEvents", "value") != 5.0 {
				t.Fatalf("rows = %v", rows)
			}
			if get(rows[0], "appealsReceived", "value") != nil || get(rows[0], "appealsReceived", "suppressed") != true {
				t.Fatalf("no appeals (0 < 5) must be suppressed, got %v", get(rows[0], "appealsReceived"))
			}
			if get(rows[0], "onTimeRate", "value") != nil || get(rows[0], "onTimeRate", "suppressed") != false {
				t.Fatalf("no notice was sent: there is no on-time rate, got %v", get(rows[0], "onTimeRate"))
			}
			// Bergen's decision maker is not in the demo; Oslo's head sees Oslo, the caseworker nothing.
			if get(ts.as("beslutter", q, vars), "statistics", "total", "custodyEvents", "value") != 5.0 {
				t.Fatal("the head of Oslo fengsel does not see the unit's figures")
			}
			ts.failsWith("saksbehandler", "FORBIDDEN", q, vars)

			code, body := ts.get("analytiker", fmt.Sprintf("/statistics.csv?from=%s&to=%s&groupBy=UNIT", vars["from"], vars["to"]))
			if code != 200 {
				t.Fatalf("CSV: %d %s", code, body)
			}
			records, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
			if err != nil || len(records) != 3 {
				t.Fatalf("CSV %v: %s", err, body)
			}
			col := map[string]int{}
			for i, h := range records[0] {
				col[h] = i
			}
			oslo, total := records[1], records[2]
			if oslo[col["unit"]] != "Oslo fengsel" || oslo[col["custodyEvents"]] != "5" || oslo[col["appealsReceived"]] != ":" ||
				total[col["unit"]] != "I alt" || total[col["assessmentsNotify"]] != "5" {
				t.Fatalf("CSV rows:\n%s", body)
			}
			if code, _ := ts.get("saksbehandler", "/statistics.csv?from=2026-01-01&to=2026-12-31"); code != 403 {
				t.Fatalf("a caseworker downloads statistics: %d", code)
			}
			if code, _ := ts.get("analytiker", "/statistics.csv?from=2026-12-31&to=2026-01-01"); code != 400 {
				t.Fatalf("a period ending before it begins: %d", code)
			}
		})
	}
}

// introspected types, as far as the sweep needs them.
type gqlType struct {
	Kind   string     `json:"kind"`
	Name   string     `json:"name"`
	OfType *gqlType   `json:"ofType"`
	Fields []gqlField `json:"fields"`
	Enums  []struct {
		Name string `json:"name"`
	} `json:"enumValues"`
}

type gqlField struct {
	Name string   `json:"name"`
	Type *gqlType `json:"type"`
	Args []struct {
		Name string   `json:"name"`
		Type *gqlType `json:"type"`
	} `json:"args"`
}

const typeRef = `kind name ofType { kind name ofType { kind name ofType { kind name } } }`

func (t *gqlType) named() *gqlType {
	for t.OfType != nil {
		t = t.OfType
	}
	return t
}

// PR4: an analyst reaches no personal data anywhere in the API. Every root
// query, with every field two levels down, and node(id) on every kind of
// record, is asked as the analyst; no name, identity number or address of a
// convict, victim, survivor, guardian or staff member comes back.
func TestAnalystsReachNoPersonalData(t *testing.T) {
	ts := startServer(t, dbtest.Dialects[0])
	notice, _ := protectedNotice(ts) // a police request, a notice, assessments, a decision …
	f := ts.convictFile("saksbehandler", "Martin Berg")
	ingrid := f.victimNamed("Ingrid Solberg")
	anne := ts.convictFile("saksbehandler", "Tor Eriksen").survivorNamed("Anne Moen")
	ids := []any{f["id"], ingrid["id"], anne["id"], notice["id"], get(f.victimNamed("Emma Solberg"), "guardians", 0, "id"), staffID(ts, "Sara Nilsen")}
	for _, id := range get(ts.as("politi", opPoliceRequests, nil), "policeRequests", "edges").([]any) {
		ids = append(ids, get(id, "node", "id"))
	}
	secrets := []string{"Ingrid", "Solberg", "Emma", "Anne Moen", "Kjell", "Lars Moen", "Martin Berg", "Tor Eriksen", "Knut Lie", "Hanne Vik",
		"Storgata", "Fjordveien", "Sara Nilsen", "Berit Lunde", "Per Olsen", convictNIN(ts, "Martin Berg")}
	for _, p := range []any{ingrid["id"], anne["id"]} {
		nin := get(ts.as("saksbehandler", `query($id: ID!) { node(id: $id) { ... on Victim { nationalIdentityNumber } ... on Survivor { nationalIdentityNumber } } }`,
			map[string]any{"id": p}), "node", "nationalIdentityNumber")
		secrets = append(secrets, nin.(string))
	}

	schema := get(ts.as("analytiker", `{ __schema { queryType { name } types { kind name enumValues { name }
		fields { name type { `+typeRef+` } args { name type { `+typeRef+` } } } } } }`, nil), "__schema")
	var types []gqlType
	if err := remarshal(get(schema, "types"), &types); err != nil {
		t.Fatal(err)
	}
	byName := map[string]*gqlType{}
	for i := range types {
		byName[types[i].Name] = &types[i]
	}
	var selection func(name string, depth int) string
	selection = func(name string, depth int) string {
		t := byName[name]
		if t == nil || (t.Kind != "OBJECT" && t.Kind != "INTERFACE") {
			return ""
		}
		parts := []string{"__typename"}
		for _, f := range t.Fields {
			if len(f.Args) > 0 && !strings.HasSuffix(f.Type.named().Name, "Connection") {
				continue
			}
			inner := f.Type.named()
			switch {
			case inner.Kind == "SCALAR" || inner.Kind == "ENUM":
				parts = append(parts, f.Name)
			case strings.HasSuffix(inner.Name, "Connection") && depth < 2:
				node := strings.TrimSuffix(inner.Name, "Connection")
				// A page of 10 keeps the sweep within the cost limit.
				parts = append(parts, f.Name+"(first: 10) { totalCount edges { node { "+selection(node, 2)+" } } }")
			case depth < 2:
				if sub := selection(inner.Name, depth+1); sub != "" {
					parts = append(parts, f.Name+" { "+sub+" }")
				}
			}
		}
		return strings.Join(parts, " ")
	}
	argValue := func(ty *gqlType, id any) (string, bool) {
		n := ty.named()
		switch {
		case ty.Kind != "NON_NULL":
			return "", false // optional: leave out
		case ty.OfType.Kind == "LIST":
			return "[]", true
		case n.Name == "ID":
			return fmt.Sprintf("%q", fmt.Sprint(id)), true
		case n.Name == "String":
			return `"Ingrid Solberg"`, true
		case n.Name == "Date":
			return `"2026-01-01"`, true
		case n.Name == "Int":
			return "1", true
		case n.Name == "Boolean":
			return "false", true
		case n.Kind == "ENUM":
			return byName[n.Name].Enums[0].Name, true
		}
		return "", false // a required input object: not a read
	}

	asked := 0
	var bodies strings.Builder
	for _, field := range byName[get(schema, "queryType", "name").(string)].Fields {
		for _, id := range ids {
			var args []string
			ok := true
			for _, a := range field.Args {
				v, required := argValue(a.Type, id)
				if required {
					args = append(args, a.Name+": "+v)
				} else if a.Type.Kind == "NON_NULL" {
					ok = false
				}
			}
			if !ok {
				continue
			}
			call := field.Name
			if len(args) > 0 {
				call += "(" + strings.Join(args, ", ") + ")"
			}
			if sel := selection(field.Type.named().Name, 0); sel != "" {
				call += " { " + sel + " }"
			}
			r := ts.do(ts.token("analytiker"), "{ "+call+" }", nil)
			if r.Status != 200 {
				t.Fatalf("%s: status %d %+v", call, r.Status, r.Errors)
			}
			asked++
			bodies.WriteString(string(mustJSON(r.Data)))
			if len(field.Args) == 0 {
				break // the same answer for every id
			}
		}
	}
	if asked < 40 {
		t.Fatalf("the sweep asked only %d queries", asked)
	}
	for _, s := range secrets {
		if strings.Contains(bodies.String(), s) {
			t.Errorf("the analyst reached %q", s)
		}
	}
}

func remarshal(v any, dst any) error { return json.Unmarshal(mustJSON(v), dst) }
