package rules_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"varsel/rules"
)

// wantRule checks that err is a violation of rule (or nil when rule is "").
func wantRule(t *testing.T, err error, rule string) {
	t.Helper()
	if rule == "" {
		if err != nil {
			t.Fatalf("unexpected refusal: %v", err)
		}
		return
	}
	var v *rules.Violation
	if !errors.As(err, &v) {
		t.Fatalf("err = %v, want a violation of %s", err, rule)
	}
	if v.Rule != rule || v.Provision == "" || v.Message == "" {
		t.Fatalf("violation = %+v, want rule %s with a provision and a message", v, rule)
	}
	if strings.ContainsAny(v.Message, "{}%") {
		t.Fatalf("message is not finished: %q", v.Message)
	}
}

func ptr[T any](v T) *T { return &v }

// now is the registration time in the tests: a Monday morning in Oslo.
var now = time.Date(2026, time.November, 23, 9, 0, 0, 0, rules.Norway)

func at(days int) time.Time { return now.AddDate(0, 0, days) }
