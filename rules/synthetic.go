package rules

import (
	"fmt"
	"slices"
	"time"
)

// SyntheticIdentityNumber returns a synthetic fødselsnummer (PR1: 80 added to
// the month) for a birth date and an individual number (000–999), for demo
// data and tests: Skatteetaten gives no real person such a number, so demo
// data and test logs never hold anyone's identity. When no check digit exists
// for the individual number (k1 or k2 would be 10), it takes the next one up,
// so the same input always gives the same number; it fails only when none up
// to 999 will do. The check digits follow the rule in force before 2032
// (remainder 0), so the number is valid on any date.
func SyntheticIdentityNumber(birth time.Time, individual int) (string, error) {
	if individual < 0 || individual > 999 {
		return "", fmt.Errorf("individual number %d is outside 000–999", individual)
	}
	day, month, yy := birth.Day(), int(birth.Month())+syntheticMonthOffset, birth.Year()%100
	ddmmyy := []int{day / 10, day % 10, month / 10, month % 10, yy / 10, yy % 10}
	for i := individual; i <= 999; i++ {
		digits := append(slices.Clone(ddmmyy), i/100, i/10%10, i%10)
		k1, ok1 := checkDigit(digits, firstCheckWeights[:9])
		k2, ok2 := checkDigit(append(digits, k1), secondCheckWeights[:10])
		if ok1 && ok2 {
			return fmt.Sprintf("%02d%02d%02d%03d%d%d", day, month, yy, i, k1, k2), nil
		}
	}
	return "", fmt.Errorf("no synthetic identity number for %s from individual number %03d up",
		birth.Format(time.DateOnly), individual)
}

// checkDigit is the textbook form of a PR1 check digit: 11 − r, where r is
// the remainder of the weighted sum; 11 becomes 0, and 10 is no digit.
func checkDigit(digits, weights []int) (int, bool) {
	k := 11 - modulusRemainder(digits, weights)
	return k % 11, k != 10
}
