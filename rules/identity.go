package rules

import (
	"time"
)

// IdentityNumberKind is the kind of a national identity number.
type IdentityNumberKind string

const (
	// Fodselsnummer is a birth number assigned by the population register.
	Fodselsnummer IdentityNumberKind = "FODSELSNUMMER"
	// DNummer is a D-nummer: the first digit is raised by 4.
	DNummer IdentityNumberKind = "D_NUMMER"
)

// IdentityNumber is what validation says about a number. Nothing else is
// derived from its digits: PR1 forbids deriving birth date or gender, which
// are stored on their own.
type IdentityNumber struct {
	Kind IdentityNumberKind
	// Synthetic is a test number: the month is raised by 80.
	Synthetic bool
}

// identityProvision is the source of the identity-number rules.
const identityProvision = "folkeregisterloven § 2-2, Skatteetatens regler for fødselsnummer"

// newCheckDigitRule is when Skatteetaten's new first check digit takes effect.
var newCheckDigitRule = time.Date(2032, 1, 1, 0, 0, 0, 0, time.UTC)

var (
	firstWeights  = [10]int{3, 7, 6, 1, 8, 9, 4, 5, 2, 1}
	secondWeights = [11]int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1}
	daysInMonth   = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31} // February 29: the century is unknown
)

// ValidateIdentityNumber checks a fødselsnummer or D-nummer as of the date
// on (PR1):
//   - exactly 11 digits, nothing else (callers trim input);
//   - the date part is a possible day and month after removing the D-nummer
//     offset (+4 on the first digit) and the synthetic offset (+80 on the
//     month); the year is not checked, since the century cannot be known;
//   - the first check digit: the weighted sum of the first ten digits
//     (weights 3,7,6,1,8,9,4,5,2,1) divided by 11 leaves remainder 0 — which
//     is the classic rule "k1 = 11 − r, 11 → 0, 10 → invalid". From 1 January
//     2032 Skatteetaten also accepts remainders 1, 2 and 3;
//   - the second check digit: the weighted sum of all eleven digits (weights
//     5,4,3,2,7,6,5,4,3,2,1) divided by 11 leaves remainder 0.
func ValidateIdentityNumber(s string, on time.Time) (IdentityNumber, error) {
	if len(s) != 11 {
		return IdentityNumber{}, violate("PR1", identityProvision, "Fødselsnummeret må ha 11 sifre.")
	}
	var d [11]int
	for i, r := range s {
		if r < '0' || r > '9' {
			return IdentityNumber{}, violate("PR1", identityProvision, "Fødselsnummeret må ha 11 sifre.")
		}
		d[i] = int(r - '0')
	}
	id := IdentityNumber{Kind: Fodselsnummer}
	day, month := d[0]*10+d[1], d[2]*10+d[3]
	if d[0] >= 4 {
		id.Kind, day = DNummer, day-40
	}
	if month > 80 {
		id.Synthetic, month = true, month-80
	}
	if month < 1 || month > 12 || day < 1 || day > daysInMonth[month] {
		return IdentityNumber{}, violate("PR1", identityProvision, "Fødselsnummeret inneholder ikke en gyldig dato.")
	}
	first := 0
	for i, w := range firstWeights {
		first += w * d[i]
	}
	firstOK := first%11 == 0 || (!on.Before(newCheckDigitRule) && first%11 <= 3)
	second := 0
	for i, w := range secondWeights {
		second += w * d[i]
	}
	if !firstOK || second%11 != 0 {
		return IdentityNumber{}, violate("PR1", identityProvision, "Fødselsnummeret har feil kontrollsiffer.")
	}
	return id, nil
}
