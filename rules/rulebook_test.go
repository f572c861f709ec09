package rules_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"testing"

	"varsel/rules"
)

// Every rule of RULEBOOK.md — EV1–EV6, RC1–RC10, AS1–AS7, DC1–DC7, NT1–NT7,
// IX1–IX8, PR1–PR5 — is told to the caseworker once, in the rulebook's
// order, with its provision and a summary.
func TestRulebookCitesEveryRule(t *testing.T) {
	var want []string
	for _, g := range []struct {
		prefix string
		n      int
	}{{"EV", 6}, {"RC", 10}, {"AS", 7}, {"DC", 7}, {"NT", 7}, {"IX", 8}, {"PR", 5}} {
		for i := 1; i <= g.n; i++ {
			want = append(want, fmt.Sprintf("%s%d", g.prefix, i))
		}
	}
	// Where the rulebook lies beside the code (the workplace), its IDs are these.
	if text, err := os.ReadFile("../../shared/RULEBOOK.md"); err == nil {
		var ids []string
		for _, m := range regexp.MustCompile(`(?m)^- \*\*([A-Z]{2}\d+)\*\*`).FindAllStringSubmatch(string(text), -1) {
			ids = append(ids, m[1])
		}
		if !slices.Equal(ids, want) {
			t.Fatalf("RULEBOOK.md has the rules %v", ids)
		}
	}
	var got []string
	for _, r := range rules.Rulebook() {
		got = append(got, r.ID)
		if r.Provision == "" || len(r.Summary) < 40 {
			t.Errorf("%s: provision %q, summary %q", r.ID, r.Provision, r.Summary)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("rulebook IDs\n got %v\nwant %v", got, want)
	}
}
