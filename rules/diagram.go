package rules

import (
	"fmt"
	"slices"
	"strings"
)

// LifecycleMarkdown is the README's account of the lifecycle, generated from
// the tables so that it cannot drift from them: a diagram (Mermaid) of the
// event's states and one of a notice's, each followed by its transitions
// with their guards and the rules they cite, and the invariants.
func LifecycleMarkdown() string {
	var b strings.Builder
	b.WriteString("```mermaid\nstateDiagram-v2\n")
	fmt.Fprintf(&b, "    state %q as %s {\n", "decision in force", StateDecisionInForce)
	for _, s := range decided {
		fmt.Fprintf(&b, "        %s\n", s)
	}
	b.WriteString("    }\n")
	for _, t := range EventTransitions() {
		for _, m := range t.Moves {
			from := string(m.From)
			if from == "" {
				from = "[*]"
			}
			label := t.Name
			if m.When != "" {
				label += " (" + m.When + ")"
			}
			fmt.Fprintf(&b, "    %s --> %s: %s\n", from, m.To, label)
		}
	}
	b.WriteString("```\n\n")

	b.WriteString("| transition | who | from | guards (rule: what must hold) |\n|---|---|---|---|\n")
	for _, t := range EventTransitions() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", t.Name, t.Who, statesList(t.From), guardList(t.Guards))
	}

	b.WriteString("\n```mermaid\nstateDiagram-v2\n")
	for _, t := range NoticeTransitions() {
		from := t.From
		if len(from) == 0 {
			fmt.Fprintf(&b, "    [*] --> %s: %s\n", t.To, t.Name)
		}
		for _, f := range from {
			to := t.To
			if to == "" {
				to = f
			}
			fmt.Fprintf(&b, "    %s --> %s: %s\n", f, to, t.Name)
		}
	}
	fmt.Fprintf(&b, "    %s --> [*]\n    %s --> [*]\n", NoticeDelivered, NoticeCancelled)
	b.WriteString("```\n\n")

	b.WriteString("| transition | who | from | to | guards (rule: what must hold) |\n|---|---|---|---|---|\n")
	for _, t := range NoticeTransitions() {
		from := make([]string, len(t.From))
		for i, f := range t.From {
			from[i] = string(f)
		}
		fromText := strings.Join(from, ", ")
		if fromText == "" {
			fromText = "—"
		}
		to := string(t.To)
		if to == "" {
			to = "(unchanged)"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", t.Name, t.Who, fromText, to, guardList(t.Guards))
	}

	b.WriteString("\n| invariant | rule | what holds in every state |\n|---|---|---|\n")
	for _, inv := range InvariantList() {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", inv.ID, inv.Rule, inv.What)
	}
	return b.String()
}

func statesList(ss []EventState) string {
	switch {
	case len(ss) == 0:
		return "—"
	case slices.Equal(ss, open):
		return "any open state"
	case slices.Equal(ss, decided):
		return "decision in force"
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return strings.Join(out, ", ")
}

func guardList(gs []Guard) string {
	if len(gs) == 0 {
		return "—"
	}
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.Rule + ": " + g.What
	}
	return strings.Join(out, "; ")
}
