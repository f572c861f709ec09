package rules_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"varsel/rules"
)

// Every rule of RULEBOOK.md — EV1–EV6, RC1–RC10, AS1–AS7, DC1–DC8, NT1–NT8,
// IX1–IX8, PR1–PR6 — is told to the caseworker once, in the rulebook's
// order, with its provision and a summary.
func TestRulebookCitesEveryRule(t *testing.T) {
	var want []string
	for _, g := range []struct {
		prefix string
		n      int
	}{{"EV", 6}, {"RC", 10}, {"AS", 7}, {"DC", 8}, {"NT", 8}, {"IX", 8}, {"PR", 6}} {
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

// Every rule of the rulebook is cited — by its ID, in a name or a comment —
// by at least one Go test that proves it (the rulebook's own instruction).
// This file, which lists the IDs, does not count.
func TestEveryRuleIsCitedByATest(t *testing.T) {
	cited := map[string]bool{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == "frontend" || d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "..":
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(path, "_test.go") || filepath.Base(path) == "rulebook_test.go":
			return nil
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, id := range ruleID.FindAllString(string(text), -1) {
			cited[id] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var uncited []string
	for _, r := range rules.Rulebook() {
		if !cited[r.ID] {
			uncited = append(uncited, r.ID)
		}
	}
	if len(uncited) > 0 {
		t.Errorf("no Go test cites %v", uncited)
	}
}

var ruleID = regexp.MustCompile(`\b(EV|RC|AS|DC|NT|IX|PR)\d+\b`)
