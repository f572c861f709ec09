package server_test

import (
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
	"varsel/rules"
)

const opConvictByNumber = `query($nin: String!) { convictByNationalIdentityNumber(nationalIdentityNumber: $nin) { id name unit { name } } }`

// A convict is found by the whole identity number, spaces ignored, by the
// staff of the unit that holds the case and by nobody else (PR5).
func TestConvictIsFoundByIdentityNumberWithinTheUnit(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			number := nin(1971, time.March, 3)
			c := ts.as("saksbehandler", opRegisterConvict, in(map[string]any{"name": "Søk Nummersen", "nationalIdentityNumber": number}))
			typed := number[:6] + " " + number[6:]
			found := ts.as("saksbehandler", opConvictByNumber, map[string]any{"nin": typed})
			if got := get(found, "convictByNationalIdentityNumber", "id"); got != id(c, "registerConvict", "id") {
				t.Fatalf("Oslo's caseworker searching by the number found %v", found)
			}
			if other := ts.as("saksbehandler2", opConvictByNumber, map[string]any{"nin": number}); other["convictByNationalIdentityNumber"] != nil {
				t.Fatalf("Bergen's caseworker found Oslo's convict by number: %v", other)
			}
			if part := ts.as("saksbehandler", opConvictByNumber, map[string]any{"nin": number[:10]}); part["convictByNationalIdentityNumber"] != nil {
				t.Fatalf("ten digits of the number found the convict: %v", part)
			}
		})
	}
}

// Registering the same person twice is refused at the identity number: the
// staff who may see the record get its ID, to name and link it; another
// unit's staff are told that another unit holds the convict (PR5). The
// message names nobody (PR6).
func TestDuplicateIdentityNumberPointsToTheRegisteredConvict(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			number := nin(1968, time.June, 6)
			c := ts.as("saksbehandler", opRegisterConvict, in(map[string]any{"name": "Dobbel Registrertsen", "nationalIdentityNumber": number}))

			again := ts.failsWith("saksbehandler", "CONFLICT", opRegisterConvict, in(map[string]any{"name": "Dobbel R.", "nationalIdentityNumber": number}))
			if again.Extensions["field"] != "nationalIdentityNumber" || again.Extensions["existing"] != id(c, "registerConvict", "id") {
				t.Fatalf("the refusal does not point to the registered convict: %+v", again)
			}
			elsewhere := ts.failsWith("saksbehandler2", "CONFLICT", opRegisterConvict, in(map[string]any{"name": "Dobbel R.", "nationalIdentityNumber": number}))
			if elsewhere.Extensions["existing"] != nil || !strings.Contains(elsewhere.Message, "ved en annen enhet") {
				t.Fatalf("another unit's caseworker was pointed to the record: %+v", elsewhere)
			}
			for _, e := range []gqlError{again, elsewhere} {
				if strings.Contains(e.Message, "Dobbel") || strings.Contains(e.Message, number) {
					t.Fatalf("the refusal names the person: %q", e.Message)
				}
			}
		})
	}
}

// AS2: the police asked for a statement on the risk of revenge see whom it
// concerns — by identity number too, to look the person up — the event, the
// caseworker's reasons, whom to call, and by when: the day the notices are
// due (NT2), which the list shows as well. Another district sees nothing.
func TestSecurityStatementRequestSaysWhomWhyAndByWhen(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": true,
				"reasoning": "Fornærmedes bror har truet domfelte.", "policeDistrictId": districtID(ts, "Oslo politidistrikt")}))
			listed := onlyRequest(ts, "politi", "SECURITY_STATEMENT")
			const op = `query($id: ID!) { policeRequest(id: $id) { answerBy requestedBy { name } unit { name }
				securityStatement { convictName convictNationalIdentityNumber eventKind eventStartsAt reasons } } }`
			r := get(ts.as("politi", op, map[string]any{"id": listed["id"]}), "policeRequest").(map[string]any)
			st := r["securityStatement"].(map[string]any)
			if st["convictName"] != "Martin Berg" || len(st["convictNationalIdentityNumber"].(string)) != 11 ||
				st["reasons"] != "Fornærmedes bror har truet domfelte." || st["eventKind"] != "LEAVE" {
				t.Fatalf("the request says %v", st)
			}
			starts, err := time.Parse(time.RFC3339, st["eventStartsAt"].(string))
			if err != nil {
				t.Fatal(err)
			}
			want := starts.In(rules.Norway).AddDate(0, 0, -14).Format(time.DateOnly)
			if r["answerBy"] != want || listed["answerBy"] != want {
				t.Fatalf("answer by %v (list %v), want %s: the day the notices are due", r["answerBy"], listed["answerBy"], want)
			}
			if get(r, "requestedBy", "name") != "Sara Nilsen" {
				t.Fatalf("the contact is %v", r["requestedBy"])
			}
			if other := ts.do(ts.token("politi2"), op, map[string]any{"id": listed["id"]}); other.code() != "NOT_FOUND" && other.code() != "FORBIDDEN" {
				t.Fatalf("another district read the request: %+v %v", other.Errors, other.Data)
			}
		})
	}
}
