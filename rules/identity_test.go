package rules_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"varsel/rules"
)

// The two days on either side of Skatteetaten's new first check (PR1).
var (
	lastDayOfOldCheck  = rules.Date(2031, time.December, 31)
	firstDayOfNewCheck = rules.Date(2032, time.January, 1)
)

// What a caseworker reads when PR1 refuses a number.
const (
	wantElevenDigits = "Fødselsnummeret må ha 11 sifre."
	wantNoDate       = "Fødselsnummeret har ingen gyldig dato i de seks første sifrene."
	wantNoDateD      = "D-nummeret har ingen gyldig dato i de seks første sifrene."
	wantFirstCheck   = "Fødselsnummeret har feil kontrollsiffer: det første kontrollsifferet stemmer ikke med de ni første sifrene."
	wantSecondCheck  = "Fødselsnummeret har feil kontrollsiffer: det andre kontrollsifferet stemmer ikke med de ti første sifrene."
	wantSecondCheckD = "D-nummeret har feil kontrollsiffer: det andre kontrollsifferet stemmer ikke med de ti første sifrene."
)

// PR1: fødselsnummer and D-nummer are validated, and nothing but the kind is
// read from them.
//
// The numbers were computed with a separate implementation and checked by
// hand. Weights 3,7,6,1,8,9,4,5,2 give S1, weights 5,4,3,2,7,6,5,4,3,2 (over
// the first ten digits) give S2, and a check digit is 11 − (S mod 11):
//
//	01019000083  S1 = 7+1+72 = 80, 80 mod 11 = 3, k1 = 8;
//	             S2 = 4+2+63+16 = 85, 85 mod 11 = 8, k2 = 3.
//	41019000077  (D-nummer, day 01) S1 = 12+7+1+72 = 92, mod 11 = 4, k1 = 7;
//	             S2 = 20+4+2+63+14 = 103, mod 11 = 4, k2 = 7.
//	01819000049  (synthetic, month 01) S1 = 7+48+1+72 = 128, mod 11 = 7, k1 = 4;
//	             S2 = 4+24+2+63+8 = 101, mod 11 = 2, k2 = 9.
//	01019001209  S1 = 7+1+72+5+4 = 89, 89 mod 11 = 1, so k1 = 10: no check digit
//	             before 2032. From 2032 k1 = 12 − 1 = 11 → 0 (remainder 1);
//	             S2 = 4+2+63+4+6 = 79, mod 11 = 2, k2 = 9.
//	30108299920  Skatteetaten's own example ("Nytt fødselsnummer fra 2032"):
//	30108299939  S1 = 196, 196 mod 11 = 9, so k1 = 11 − 9 = 2 under the old
//	             check and also 12 − 9 = 3 under the new one (remainder 1).
//
// Every number refused for its date has valid check digits, so the row proves
// the date check and nothing else.
func TestValidateIdentityNumber(t *testing.T) {
	cases := []struct {
		name   string
		number string
		on     time.Time
		want   rules.IdentityNumber // when valid
		refuse string               // the message, when refused
	}{
		{"an ordinary fødselsnummer is valid", "01019000083", now, rules.IdentityNumber{Kind: rules.Fodselsnummer}, ""},
		{"Skatteetaten's example number is valid", "30108299920", now, rules.IdentityNumber{Kind: rules.Fodselsnummer}, ""},
		{"29 February in a year written 00 is accepted (2000 was a leap year)", "29020000064", now, rules.IdentityNumber{Kind: rules.Fodselsnummer}, ""},
		{"29 February in a year written 96 is accepted too", "29029600013", now, rules.IdentityNumber{Kind: rules.Fodselsnummer}, ""},
		{"a D-nummer is valid", "41019000077", now, rules.IdentityNumber{Kind: rules.DNummer}, ""},
		{"a synthetic test number (month + 80) is valid", "01819000049", now, rules.IdentityNumber{Kind: rules.Fodselsnummer, Synthetic: true}, ""},
		{"a synthetic D-nummer is valid", "41819000032", now, rules.IdentityNumber{Kind: rules.DNummer, Synthetic: true}, ""},

		{"a wrong first check digit is refused", "01019000016", now, rules.IdentityNumber{}, wantFirstCheck},
		{"a wrong second check digit is refused", "01019000084", now, rules.IdentityNumber{}, wantSecondCheck},
		{"a wrong second check digit on a D-nummer says D-nummer", "41019000078", now, rules.IdentityNumber{}, wantSecondCheckD},
		{"a number whose first check digit would be 10 is refused", "01019001209", now, rules.IdentityNumber{}, wantFirstCheck},

		{"ten digits are refused", "0101900008", now, rules.IdentityNumber{}, wantElevenDigits},
		{"twelve digits are refused", "010190000830", now, rules.IdentityNumber{}, wantElevenDigits},
		{"an empty field is refused", "", now, rules.IdentityNumber{}, wantElevenDigits},
		{"letters are refused", "0101900008A", now, rules.IdentityNumber{}, wantElevenDigits},
		{"a space inside is refused", "010190 0008", now, rules.IdentityNumber{}, wantElevenDigits},
		{"a trailing space is refused, callers trim", "01019000083 ", now, rules.IdentityNumber{}, wantElevenDigits},
		{"a minus sign is refused", "-1019000083", now, rules.IdentityNumber{}, wantElevenDigits},
		{"full-width digits are refused", "０１０１９０００００８３", now, rules.IdentityNumber{}, wantElevenDigits},

		{"month 13 is refused", "01139000001", now, rules.IdentityNumber{}, wantNoDate},
		{"month 00 is refused", "01009000093", now, rules.IdentityNumber{}, wantNoDate},
		{"synthetic month 93 (13) is refused", "01939000077", now, rules.IdentityNumber{}, wantNoDate},
		{"synthetic month 80 (00) is refused", "01809000059", now, rules.IdentityNumber{}, wantNoDate},
		{"NAV's test month + 40 is not PR1's and is refused", "01419000066", now, rules.IdentityNumber{}, wantNoDate},
		{"31 April is refused", "31049000076", now, rules.IdentityNumber{}, wantNoDate},
		{"synthetic 31 April is refused", "31849000031", now, rules.IdentityNumber{}, wantNoDate},
		{"30 February is refused", "30029000057", now, rules.IdentityNumber{}, wantNoDate},
		{"29 February in a year written 97 is refused: no such day", "29029710188", now, rules.IdentityNumber{}, wantNoDate},
		{"29 February in a year written 01 is refused", "29020110048", now, rules.IdentityNumber{}, wantNoDate},
		{"a D-nummer for 29 February 97 is refused", "69029710090", now, rules.IdentityNumber{}, wantNoDateD},
		{"a synthetic number for 29 February 97 is refused", "29829710062", now, rules.IdentityNumber{}, wantNoDate},
		{"a synthetic number for 29 February 96 is accepted", "29829610041", now, rules.IdentityNumber{Kind: rules.Fodselsnummer, Synthetic: true}, ""},
		{"day 00 is refused", "00019000044", now, rules.IdentityNumber{}, wantNoDate},
		{"a D-nummer with day 72 (32) is refused", "72019000029", now, rules.IdentityNumber{}, wantNoDateD},
		{"a D-nummer with day 40 (00) is refused", "40019000038", now, rules.IdentityNumber{}, wantNoDateD},
		{"a first digit of 8 is neither a day nor a D-nummer", "81019000060", now, rules.IdentityNumber{}, wantNoDate},

		{"remainder 1 is refused on 31 December 2031", "30108299939", lastDayOfOldCheck, rules.IdentityNumber{}, wantFirstCheck},
		{"remainder 1 is accepted from 1 January 2032", "30108299939", firstDayOfNewCheck, rules.IdentityNumber{Kind: rules.Fodselsnummer}, ""},
		{"remainder 2 is accepted from 1 January 2032", "30108299947", firstDayOfNewCheck, rules.IdentityNumber{Kind: rules.Fodselsnummer}, ""},
		{"remainder 3 is refused on 31 December 2031", "30108299955", lastDayOfOldCheck, rules.IdentityNumber{}, wantFirstCheck},
		{"remainder 3 is accepted from 1 January 2032", "30108299955", firstDayOfNewCheck, rules.IdentityNumber{Kind: rules.Fodselsnummer}, ""},
		{"remainder 4 is refused also from 2032", "30108299963", firstDayOfNewCheck, rules.IdentityNumber{}, wantFirstCheck},
		{"a first check digit that was 10 has an alternative from 2032", "01019001209", firstDayOfNewCheck, rules.IdentityNumber{Kind: rules.Fodselsnummer}, ""},
		{"the second check is unchanged in 2032", "30108299938", firstDayOfNewCheck, rules.IdentityNumber{}, wantSecondCheck},
		{"the old check still holds after 2032", "01019000083", firstDayOfNewCheck.AddDate(10, 0, 0), rules.IdentityNumber{Kind: rules.Fodselsnummer}, ""},
		{"New Year's Eve 23:30 in Oslo is still 2031", "30108299939", time.Date(2031, time.December, 31, 23, 30, 0, 0, rules.Norway), rules.IdentityNumber{}, wantFirstCheck},
		{"00:30 on New Year's Day in Oslo is 2032, though still 2031 in UTC", "30108299939", time.Date(2032, time.January, 1, 0, 30, 0, 0, rules.Norway), rules.IdentityNumber{Kind: rules.Fodselsnummer}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rules.ValidateIdentityNumber(tc.number, tc.on)
			if tc.refuse == "" {
				if err != nil || got != tc.want {
					t.Fatalf("ValidateIdentityNumber(%q) = %+v, %v; want %+v", tc.number, got, err, tc.want)
				}
				return
			}
			var v *rules.Violation
			if !errors.As(err, &v) || v.Rule != "PR1" || v.Message != tc.refuse || v.Provision == "" {
				t.Fatalf("ValidateIdentityNumber(%q) = %+v, %v; want a PR1 violation %q", tc.number, got, err, tc.refuse)
			}
			if want := "PR1 (" + v.Provision + "): " + tc.refuse; err.Error() != want {
				t.Fatalf("error reads %q, want %q", err.Error(), want)
			}
			if got != (rules.IdentityNumber{}) {
				t.Fatalf("a refused number still says %+v", got)
			}
		})
	}
}

// PR1: nothing panics, every refusal is a PR1 violation, only eleven ASCII
// digits pass, and the 2032 check only ever adds numbers: one valid on
// 31 December 2031 is valid, and the same kind, on 1 January 2032.
func FuzzValidateIdentityNumber(f *testing.F) {
	for _, s := range []string{
		"01019000083", "41019000077", "01819000049", "30108299939", "30108299963",
		"01019001209", "72019000029", "0101900008", "０１０１９０００００８３", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		before, errBefore := rules.ValidateIdentityNumber(s, lastDayOfOldCheck)
		after, errAfter := rules.ValidateIdentityNumber(s, firstDayOfNewCheck)
		for _, err := range []error{errBefore, errAfter} {
			var v *rules.Violation
			if err != nil && (!errors.As(err, &v) || v.Rule != "PR1") {
				t.Fatalf("%q: refusal %v is not a PR1 violation", s, err)
			}
		}
		if errBefore == nil && (errAfter != nil || after != before) {
			t.Fatalf("%q: valid as %+v in 2031, but %+v, %v in 2032", s, before, after, errAfter)
		}
		if errAfter == nil && (len(s) != 11 || strings.Trim(s, "0123456789") != "") {
			t.Fatalf("%q accepted, but it is not eleven digits", s)
		}
	})
}
