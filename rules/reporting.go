package rules

import (
	"slices"
	"time"
)

// Reporting shows aggregates only, and hides small counts so that no person
// can be singled out (PR4).

// SuppressionThreshold is the smallest count reporting shows (PR4).
const SuppressionThreshold = 5

const reportingProvision = "personvernforordningen art. 5 nr. 1 bokstav c og art. 89 (dataminimering i statistikk)"

// Suppressed: a count below 5 is not shown, so that nobody can be singled
// out (PR4). A figure derived from fewer than 5 cases — a rate, a median —
// is hidden for the same reason: it would tell about the few.
func Suppressed(count int) bool { return count < SuppressionThreshold }

// ReportingRule is the rule ID and provision suppression follows (PR4).
func ReportingRule() (string, string) { return "PR4", reportingProvision }

// OnTime: a notice is on time when it was sent by its due date — at least
// 14 days before the event, or as soon as possible for an escape (NT2).
func OnTime(sentAt, dueDate time.Time) bool { return !DateOf(sentAt).After(DateOf(dueDate)) }

// Median is the middle value of xs (the mean of the two middle values of an
// even count), or 0 for none. It does not change xs.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}
