package rules_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"varsel/rules"
)

// PR1: synthetic numbers for demo data. The expected numbers were computed
// with a separate implementation; individual number 102 on 15 July 1985 has
// no first check digit (k1 would be 10), so 103 is used.
func TestSyntheticIdentityNumber(t *testing.T) {
	cases := []struct {
		name       string
		birth      time.Time
		individual int
		want       string // "" when there is none
	}{
		{"a test person born 15 July 1985", rules.Date(1985, time.July, 15), 100, "15878510035"},
		{"the next individual number gives another person", rules.Date(1985, time.July, 15), 101, "15878510116"},
		{"an individual number without check digits moves up to the next", rules.Date(1985, time.July, 15), 102, "15878510388"},
		{"individual number 000 is written with three digits", rules.Date(1990, time.January, 1), 0, "01819000049"},
		{"a person born after 2000", rules.Date(2026, time.November, 23), 321, "23912632105"},
		{"no number when 999 has no check digits", rules.Date(1990, time.January, 2), 999, ""},
		{"a negative individual number is refused", rules.Date(1990, time.January, 1), -1, ""},
		{"a four-digit individual number is refused", rules.Date(1990, time.January, 1), 1000, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rules.SyntheticIdentityNumber(tc.birth, tc.individual)
			if tc.want == "" {
				if err == nil {
					t.Fatalf("got %s, want an error", got)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %s", got, err, tc.want)
			}
		})
	}
}

// PR1: every synthetic number made for demo data validates as a synthetic
// fødselsnummer, before and after the 2032 check, and carries the birth date
// with 80 added to the month and the first usable individual number from the
// one asked for: each one skipped has no valid check digits at all, and so has
// each one up to 999 when there is no number.
func TestEverySyntheticNumberValidates(t *testing.T) {
	start := rules.Date(1900, time.January, 1)
	for day := 0; day < 200*366; day += 7 {
		birth := start.AddDate(0, 0, day)
		individual := day * 37 % 1000
		dateDigits := fmt.Sprintf("%02d%02d%02d", birth.Day(), int(birth.Month())+80, birth.Year()%100)
		n, err := rules.SyntheticIdentityNumber(birth, individual)
		used := 1000
		if err == nil {
			for _, on := range []time.Time{lastDayOfOldCheck, firstDayOfNewCheck} {
				id, err := rules.ValidateIdentityNumber(n, on)
				if err != nil || id != (rules.IdentityNumber{Kind: rules.Fodselsnummer, Synthetic: true}) {
					t.Fatalf("%s for %s/%03d on %s: %+v, %v", n, birth.Format(time.DateOnly), individual, on.Format(time.DateOnly), id, err)
				}
			}
			used, err = strconv.Atoi(n[6:9])
			if n[:6] != dateDigits || err != nil || used < individual {
				t.Fatalf("%s for %s/%03d: want date digits %s and individual number from %03d", n, birth.Format(time.DateOnly), individual, dateDigits, individual)
			}
			if again, _ := rules.SyntheticIdentityNumber(birth, individual); again != n {
				t.Fatalf("%s for %s/%03d the first time, %s the second", n, birth.Format(time.DateOnly), individual, again)
			}
		}
		for skipped := individual; skipped < used; skipped++ {
			for checkDigits := range 100 {
				candidate := fmt.Sprintf("%s%03d%02d", dateDigits, skipped, checkDigits)
				if _, err := rules.ValidateIdentityNumber(candidate, lastDayOfOldCheck); err == nil {
					t.Fatalf("%s/%03d gave %q but skipped the valid %s", birth.Format(time.DateOnly), individual, n, candidate)
				}
			}
		}
	}
}
