package rules_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"varsel/rules"
)

var (
	before2032 = time.Date(2031, 12, 31, 0, 0, 0, 0, time.UTC)
	from2032   = time.Date(2032, 1, 1, 0, 0, 0, 0, time.UTC)
)

// PR1: national identity numbers are validated; nothing is derived from them.
// The valid numbers below were computed with the algorithm by a separate
// implementation, e.g. 010190 000 → k1 = 11 − (0·3+1·7+0·6+1·1+9·8+0·9+0+0+0) mod 11
// = 11 − 80 mod 11 = 11 − 3 = 8, k2 = 11 − (0+4+0+2+63+0+0+0+0+16) mod 11 = 11 − 85 mod 11 = 3.
func TestValidateIdentityNumber(t *testing.T) {
	cases := []struct {
		name      string
		number    string
		on        time.Time
		kind      rules.IdentityNumberKind
		synthetic bool
		wantErr   string
	}{
		{"an ordinary fødselsnummer is valid", "01019000083", before2032, rules.Fodselsnummer, false, ""},
		{"29 February is a possible birth date", "29020000064", before2032, rules.Fodselsnummer, false, ""},
		{"a D-nummer is valid", "55078500181", before2032, rules.DNummer, false, ""},
		{"a synthetic test number (month + 80) is valid", "21891300058", before2032, rules.Fodselsnummer, true, ""},
		{"a wrong first check digit is refused", "01019000093", before2032, "", false, "kontrollsiffer"},
		{"a wrong second check digit is refused", "01019000084", before2032, "", false, "kontrollsiffer"},
		{"a number whose first check digit would be 10 is refused", "01019001204", before2032, "", false, "kontrollsiffer"},
		{"ten digits are refused", "0101900008", before2032, "", false, "11 sifre"},
		{"twelve digits are refused", "010190000830", before2032, "", false, "11 sifre"},
		{"letters are refused", "0101900008A", before2032, "", false, "11 sifre"},
		{"spaces are refused", "010190 00083", before2032, "", false, "11 sifre"},
		{"month 13 is refused", "01139000083", before2032, "", false, "gyldig dato"},
		{"synthetic month 93 is refused", "01939000083", before2032, "", false, "gyldig dato"},
		{"31 April is refused", "31049000083", before2032, "", false, "gyldig dato"},
		{"a D-nummer with day 72 (32) is refused", "72019000083", before2032, "", false, "gyldig dato"},
		{"day 00 is refused", "00019000083", before2032, "", false, "gyldig dato"},
		{"a first check remainder of 2 is refused before 2032", "01019000180", before2032, "", false, "kontrollsiffer"},
		{"a first check remainder of 2 is accepted from 1 January 2032", "01019000180", from2032, rules.Fodselsnummer, false, ""},
		{"a wrong second check digit is still refused from 2032", "01019000181", from2032, "", false, "kontrollsiffer"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id, err := rules.ValidateIdentityNumber(tc.number, tc.on)
			if tc.wantErr != "" {
				var v *rules.Violation
				if !errors.As(err, &v) || v.Rule != "PR1" || !strings.Contains(v.Message, tc.wantErr) {
					t.Fatalf("err = %v, want a PR1 violation about %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if id.Kind != tc.kind || id.Synthetic != tc.synthetic {
				t.Fatalf("got %+v, want kind %s synthetic %v", id, tc.kind, tc.synthetic)
			}
		})
	}
}

// PR1: synthetic numbers made for demo data and tests are valid and marked
// synthetic, for any date and individual number.
func TestSyntheticIdentityNumbersValidate(t *testing.T) {
	start := time.Date(1930, 1, 1, 0, 0, 0, 0, time.UTC)
	for day := 0; day < 365*95; day += 13 {
		birth := start.AddDate(0, 0, day)
		n, err := rules.SyntheticIdentityNumber(birth, (day*7)%990)
		if err != nil {
			t.Fatal(err)
		}
		id, err := rules.ValidateIdentityNumber(n, before2032)
		if err != nil || !id.Synthetic || id.Kind != rules.Fodselsnummer {
			t.Fatalf("%s for %s: %+v, %v", n, birth.Format(time.DateOnly), id, err)
		}
	}
}

// PR1: a number valid before 2032 stays valid after; nothing panics.
func FuzzValidateIdentityNumber(f *testing.F) {
	for _, s := range []string{"01019000083", "55078500181", "21891300058", "01019000180", "", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, errBefore := rules.ValidateIdentityNumber(s, before2032)
		_, errAfter := rules.ValidateIdentityNumber(s, from2032)
		if errBefore == nil && errAfter != nil {
			t.Fatalf("%q valid before 2032 but not after: %v", s, errAfter)
		}
	})
}
