package rules

import (
	"fmt"
	"time"
)

// SyntheticIdentityNumber returns a valid synthetic fødselsnummer (month +
// 80, PR1) for a birth date and an individual number (0–999), for demo data
// and tests: such a number is never a real person's. When the check digits
// for that individual number come out invalid (10), it takes the next one up.
func SyntheticIdentityNumber(birth time.Time, individual int) (string, error) {
	if individual < 0 || individual > 999 {
		return "", fmt.Errorf("individual number %d is outside 0–999", individual)
	}
	prefix := fmt.Sprintf("%02d%02d%02d", birth.Day(), int(birth.Month())+80, birth.Year()%100)
	for i := individual; i <= 999; i++ {
		digits := fmt.Sprintf("%s%03d", prefix, i)
		k1, ok := checkDigit(digits, firstWeights[:9])
		if !ok {
			continue
		}
		digits += string(rune('0' + k1))
		k2, ok := checkDigit(digits, secondWeights[:10])
		if !ok {
			continue
		}
		return digits + string(rune('0'+k2)), nil
	}
	return "", fmt.Errorf("no synthetic number for %s from individual number %d", birth.Format(time.DateOnly), individual)
}

// checkDigit computes a mod-11 check digit: 11 − r, where 11 becomes 0 and
// 10 is invalid.
func checkDigit(digits string, weights []int) (int, bool) {
	sum := 0
	for i, w := range weights {
		sum += w * int(digits[i]-'0')
	}
	k := (11 - sum%11) % 11
	return k, k != 10
}
