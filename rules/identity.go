package rules

import "time"

// IdentityNumberKind is the kind of a national identity number (PR1).
type IdentityNumberKind string

const (
	// Fodselsnummer is a fødselsnummer: given to everyone born in or
	// resident in Norway (folkeregisterloven § 2-2).
	Fodselsnummer IdentityNumberKind = "FODSELSNUMMER"
	// DNummer is a D-nummer: given to people with ties to Norway who do not
	// live here. It is built like a fødselsnummer with 4 added to the first
	// digit.
	DNummer IdentityNumberKind = "D_NUMMER"
)

// IdentityNumber is all that validation tells about a number. Nothing else
// is derived from its digits: PR1 forbids deriving birth date or gender
// (from 2032 the digits do not even tell the century), so the birth date is
// stored on its own.
type IdentityNumber struct {
	Kind IdentityNumberKind
	// Synthetic is a test number from Skatteetaten's synthetic population
	// (80 added to the month); it never belongs to a real person.
	Synthetic bool
}

// identityProvision is the source of PR1: the population register act and
// Skatteetaten's rules for the number and its check digits.
const identityProvision = "folkeregisterloven § 2-2, Skatteetatens regler for fødselsnummer"

const (
	dNummerDayOffset     = 40 // 4 added to the first digit of the day
	syntheticMonthOffset = 80
)

var (
	// The weights of PR1's two mod-11 checks. Each ends with the weight 1
	// that the check digit itself carries in Skatteetaten's modulus check.
	firstCheckWeights  = []int{3, 7, 6, 1, 8, 9, 4, 5, 2, 1}
	secondCheckWeights = []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1}

	// daysInMonth has 28 days in February; 29 February exists only where
	// the two-digit year is divisible by 4 (PR1). The century is not in the
	// number, and PR1 forbids deriving it: 00 counts as a leap year, since
	// 2000 was one.
	daysInMonth = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
)

// ValidateIdentityNumber checks a fødselsnummer or D-nummer under PR1 as it
// stands on the date on, and says which kind it is. A refusal is a
// *Violation of PR1. The number must be exactly eleven ASCII digits:
// callers trim what a person typed; nothing else is forgiven here.
//
// The date part (the first six digits) must be a day and month that exist,
// after taking away the D-nummer offset (first digit 4–7) and the synthetic
// offset (month 81–92). Only PR1's offsets are known: NAV's and others' +40
// on the month is refused. 29 February exists only where the two-digit year
// is divisible by 4; the century cannot be known and is not guessed.
//
// The check digits, read literally from PR1 and from Skatteetaten's
// description ("Nytt fødselsnummer fra 2032"): multiply the first nine
// digits by the weights 3,7,6,1,8,9,4,5,2 and the first check digit k1 by 1,
// sum, and take the remainder modulo 11 ("rest etter moduluskontrollen").
// Before 1 January 2032 the remainder must be 0, which is the textbook rule
// k1 = 11 − r with 11 → 0 and 10 → invalid. From 1 January 2032 it may be 0,
// 1, 2 or 3: in Skatteetaten's words k1 = {11, 12, 13, 14} − r, less 11 again
// above 11, and never 10. So from that date a first nine digits whose old k1
// would be 10 can have a valid number. Skatteetaten uses the new check for
// numbers issued from that date, and the digits do not tell when a number
// was issued, so it is the Norwegian date of on that decides: before 2032 no
// such number exists; from then any number may be one. A number valid before
// 2032 stays valid. The second check is unchanged: the weights
// 5,4,3,2,7,6,5,4,3,2 over the first ten digits, and 1 for k2, must leave
// remainder 0.
func ValidateIdentityNumber(s string, on time.Time) (IdentityNumber, error) {
	if len(s) != 11 {
		return IdentityNumber{}, violate("PR1", identityProvision, "Fødselsnummeret må ha 11 sifre.")
	}
	var digits [11]int
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return IdentityNumber{}, violate("PR1", identityProvision, "Fødselsnummeret må ha 11 sifre.")
		}
		digits[i] = int(s[i] - '0')
	}

	id, noun := IdentityNumber{Kind: Fodselsnummer}, "Fødselsnummeret"
	day, month := digits[0]*10+digits[1], digits[2]*10+digits[3]
	if digits[0] >= 4 && digits[0] <= 7 {
		id.Kind, noun, day = DNummer, "D-nummeret", day-dNummerDayOffset
	}
	if month > syntheticMonthOffset {
		id.Synthetic, month = true, month-syntheticMonthOffset
	}
	year := digits[4]*10 + digits[5]
	leapDay := month == 2 && day == 29 && year%4 == 0
	if month < 1 || month > 12 || day < 1 || (day > daysInMonth[month] && !leapDay) {
		return IdentityNumber{}, violate("PR1", identityProvision,
			"%s har ingen gyldig dato i de seks første sifrene.", noun)
	}

	highestFirstRemainder := 0
	if !DateOf(on).Before(Date(2032, time.January, 1)) {
		highestFirstRemainder = 3
	}
	if modulusRemainder(digits[:10], firstCheckWeights) > highestFirstRemainder {
		return IdentityNumber{}, violate("PR1", identityProvision,
			"%s har feil kontrollsiffer: det første kontrollsifferet stemmer ikke med de ni første sifrene.", noun)
	}
	if modulusRemainder(digits[:], secondCheckWeights) != 0 {
		return IdentityNumber{}, violate("PR1", identityProvision,
			"%s har feil kontrollsiffer: det andre kontrollsifferet stemmer ikke med de ti første sifrene.", noun)
	}
	return id, nil
}

// modulusRemainder is Skatteetaten's modulus check: the weighted sum of the
// digits, modulo 11.
func modulusRemainder(digits, weights []int) int {
	sum := 0
	for i, w := range weights {
		sum += w * digits[i]
	}
	return sum % 11
}
