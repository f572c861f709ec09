package server_test

import (
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
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
