package main

import "testing"

// Profiles are saved under the scenario's name, as make bench's help says.
func TestProfileFileNames(t *testing.T) {
	for name, want := range map[string]string{
		"worklist (Oslo fengsel)": "worklist-oslo-fengsel",
		"worklist, 5 changes/s":   "worklist-5-changes-s",
		"mutation + audit row":    "mutation-audit-row",
	} {
		if got := slug(name); got != want {
			t.Errorf("slug(%q) = %q, want %q", name, got, want)
		}
	}
}
