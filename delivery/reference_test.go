package delivery_test

import (
	"testing"
	"time"

	"varsel/delivery"
	"varsel/rules"
)

// Letters carry a reference a person can read aloud and type: the unit, the
// year and a short code — never the database id.
func TestReference(t *testing.T) {
	at := time.Date(2026, time.December, 3, 12, 0, 0, 0, rules.Norway)
	cases := []struct {
		name string
		kind string
		id   int
		want string
	}{
		{"a notice's id of 2^33 + 77 is its 77th notice", "V", 8<<32 + 77, "OSLO-FENGSEL 2026/V-2D"},
		{"the first record of a kind", "VT", 3<<32 + 1, "OSLO-FENGSEL 2026/VT-1"},
		{"letters that read alike are not used (32 is 10, not I0)", "P", 32, "OSLO-FENGSEL 2026/P-10"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := delivery.Reference(tc.kind, "oslo-fengsel", at, tc.id); got != tc.want {
				t.Fatalf("Reference = %q, want %q", got, tc.want)
			}
		})
	}
	newYear := time.Date(2026, time.December, 31, 23, 30, 0, 0, time.UTC) // 00:30 on 1 January in Oslo
	if got := delivery.Reference("V", "oslo-fengsel", newYear, 1); got != "OSLO-FENGSEL 2027/V-1" {
		t.Fatalf("the year is Norway's: %q", got)
	}
}
