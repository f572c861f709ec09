package rules

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Invariants are what must hold in every state of a case, whatever order
// the steps came in and whoever took them. The workflow checks them before
// every commit that touches a case and refuses to commit a breach; the
// model-based test checks them after every step. A breach names notices and
// people by identifier only (PR6).

// Breach is an invariant that does not hold.
type Breach struct {
	// Invariant is I1…I8 or I11.
	Invariant string
	// Rule is the rule the invariant protects.
	Rule string
	// Notice is the notice concerned, or 0.
	Notice int
	// Detail says what is wrong, in English, for the log and the test.
	Detail string
}

func (b Breach) String() string {
	if b.Notice != 0 {
		return fmt.Sprintf("%s (%s) notice %d: %s", b.Invariant, b.Rule, b.Notice, b.Detail)
	}
	return fmt.Sprintf("%s (%s): %s", b.Invariant, b.Rule, b.Detail)
}

// Invariant describes one invariant, for the README and the test.
type Invariant struct {
	ID, Rule, What string
}

// InvariantList names the invariants CheckInvariants checks.
func InvariantList() []Invariant {
	return []Invariant{
		{"I1", "AS2", "no notice is ready or sent while security is not cleared: a risk confirmed, a police statement awaited, or no assessment"},
		{"I2", "AS1", "no decision exists while a potential recipient registered before it lacks an assessment, unless a reservation or an agreement covers them"},
		{"I3", "DC5", "no notice of an event notified in advance is ready or sent before the appeal deadline passed, the convict waived the appeal or the appeal was decided — unless a decision maker justified it"},
		{"I4", "RC5", "a notice goes to a recipient who is 18 or over and not under guardianship on the day it is sent, or else to their guardians; never to the convict"},
		{"I5", "RC9", "no stored field of a code-6 person holds any part of an address; no text that reaches a recipient holds an address (NT4)"},
		{"I6", "NT6", "at most one notice of the event per addressee, at most one correction or cancellation waiting to go, and none sent twice"},
		{"I7", "RC10", "no recipient with a reservation gets a notice"},
		{"I8", "NT2", "every notice sent after its due date carries a justification"},
		{"I11", "NT8", "whoever was told of the event, and is still a recipient or a registered guardian, holds its current time, or has a correction or cancellation on its way or sent"},
	}
}

// CheckInvariants returns every breach of the invariants in the case.
func CheckInvariants(c *Case) []Breach {
	var out []Breach
	add := func(inv, rule string, notice int, format string, args ...any) {
		out = append(out, Breach{Invariant: inv, Rule: rule, Notice: notice, Detail: fmt.Sprintf(format, args...)})
	}
	pending := func(n CaseNotice) bool { return n.Status == NoticeReady || n.Status == NoticeSending }

	// I1: security.
	now := c.SecurityNow()
	for _, n := range c.Notices {
		switch {
		case pending(n) && now.Blocks():
			add("I1", "AS2", n.ID, "%s while security is %s", n.Status, now)
		case n.Status.Left() && n.SentAt != nil && EffectiveSecurity(c.Security, *n.SentAt).Blocks():
			add("I1", "AS2", n.ID, "sent at %s while security was %s", n.SentAt.Format(time.RFC3339), EffectiveSecurity(c.Security, *n.SentAt))
		}
	}

	// I2: every potential recipient assessed before the decision.
	if d := c.Decision; d != nil {
		for _, r := range c.Recipients {
			// Covered when the decision was made: what happened since does
			// not undo a lawful decision.
			if !r.Required || r.RegisteredAt.After(d.DecidedAt) || r.ReservedAt(d.DecidedAt) || r.AgreementSettledAt(d.DecidedAt) {
				continue
			}
			if r.Assessment == nil || r.Assessment.RecordedAt.After(d.DecidedAt) {
				add("I2", "AS1", 0, "decision without an assessment of %s %d", r.Kind, r.ID)
			}
		}
	}

	// I3: the appeal settled, or a decision maker's justification.
	if c.Event.Kind != Escape {
		for _, n := range c.Notices {
			switch {
			case pending(n):
				if err := CheckAppealSettled(c, &n, "", false); err != nil {
					add("I3", "DC5", n.ID, "%s before the decision is final", n.Status)
				}
			case n.Status.Left() && n.SentAt != nil && !settledAt(c.Decision, *n.SentAt) && n.EarlyRelease == "":
				add("I3", "DC5", n.ID, "sent at %s before the decision was final, without a justification", n.SentAt.Format(time.RFC3339))
			}
		}
	}

	// I4: the addressee on the day it goes.
	for _, n := range c.Notices {
		switch {
		case pending(n):
			if err := CheckAddressee(c, &n); err != nil {
				add("I4", ruleOf(err), n.ID, "%s to the wrong addressee today", n.Status)
			}
		case n.Status.Left() && n.SentAt != nil:
			// Someone no longer a recipient or a registered guardian (a
			// person registered in error, a case completed) cannot be
			// judged as things stood; what is pending is judged above.
			if r := c.Recipient(n.Recipient); r == nil || !r.HasAddressee(n.Addressee()) {
				continue
			}
			then := *c
			then.Now = *n.SentAt
			if err := CheckAddressee(&then, &n); err != nil {
				add("I4", ruleOf(err), n.ID, "sent to the wrong addressee on %s", DateOf(*n.SentAt).Format(time.DateOnly))
			}
		}
	}

	// I5: no code-6 address stored; no address in what reaches a recipient.
	code6 := func(p AddressProtection) bool { return p == StrictlyConfidential || p == StrictlyConfidentialAbroad }
	for _, r := range c.Recipients {
		if code6(r.Protection) && len(r.StoredAddress) > 0 {
			add("I5", "RC9", 0, "%s %d has a code-6 address with %d parts stored", r.Kind, r.ID, len(r.StoredAddress))
		}
		for _, g := range r.Guardians {
			if code6(g.Protection) && len(g.StoredAddress) > 0 {
				add("I5", "RC9", 0, "guardian %d has a code-6 address with %d parts stored", g.ID, len(g.StoredAddress))
			}
		}
	}
	for _, n := range c.Notices {
		if n.Status == NoticeCancelled {
			continue
		}
		for _, t := range n.Texts {
			if CheckNoAddress(t) != nil {
				add("I5", "NT4", n.ID, "its content holds an address")
			}
		}
	}

	// I6: one notice of the event per addressee, one follow-up waiting at a
	// time; a notice is sent once (its status never goes back from SENT).
	seen := map[[3]any]int{}
	for _, n := range c.Notices {
		// A follow-up that left, or is on its way and may have, can be
		// followed by another: only one may wait to go.
		if n.Status == NoticeCancelled || (n.Kind.FollowUp() && n.Status != NoticeHeld && n.Status != NoticeReady) {
			continue
		}
		k := [3]any{n.Recipient, n.Addressee(), n.Kind.FollowUp()}
		if prev, ok := seen[k]; ok {
			add("I6", "NT6", n.ID, "a second notice to the addressee of notice %d", prev)
		}
		seen[k] = n.ID
	}

	// I7: reservations — one standing now, or one that stood when the
	// notice went.
	for _, n := range c.Notices {
		r := c.Recipient(n.Recipient)
		if r == nil {
			continue
		}
		switch {
		case pending(n) && r.ReservedSince != nil:
			add("I7", "RC10", n.ID, "%s for a recipient who reserved against notices", n.Status)
		case n.Status.Left() && n.SentAt != nil && r.ReservedAt(*n.SentAt):
			add("I7", "RC10", n.ID, "sent after the recipient reserved against notices")
		}
	}

	// I8: late notices justified.
	for _, n := range c.Notices {
		if n.Status.Left() && n.SentAt != nil && IsLate(n.DueDate, *n.SentAt) && (!n.Late || blank(n.LateJustification)) {
			add("I8", "NT2", n.ID, "sent on %s after its due date %s without a justification",
				DateOf(*n.SentAt).Format(time.DateOnly), n.DueDate.Format(time.DateOnly))
		}
	}
	// I11: nobody is left with a time that no longer holds (NT8). A
	// recipient who reserved against notices is sent nothing more (RC10).
	byAddressee := map[[2]any][]CaseNotice{}
	var order [][2]any
	for _, n := range c.Notices {
		k := [2]any{n.Recipient, n.Addressee()}
		if _, ok := byAddressee[k]; !ok {
			order = append(order, k)
		}
		byAddressee[k] = append(byAddressee[k], n)
	}
	for _, k := range order {
		ns := byAddressee[k]
		// Nothing more goes to someone who is no longer a recipient or an
		// addressee (a case completed, a person registered in error), nor to
		// one who is not written to today (RC5, RC6: a guardian, once the
		// minor has turned 18) — the follow-up has nobody to go to.
		r := c.Recipient(ns[0].Recipient)
		if r == nil || r.ReservedSince != nil || !r.HasAddressee(ns[0].Addressee()) || !c.WrittenToToday(r, ns[0].Addressee()) {
			continue
		}
		// Told that the notice was withdrawn, and a new decision made since:
		// they are told again through the new decision's notices, once it
		// may be told at all (AS7, DC5) — not at the moment it is made.
		if newestKind(ns) == KindCancellation && !c.CalledOff() {
			continue
		}
		if kind, needed := c.FollowUpOwed(ns); needed {
			add("I11", "NT8", ns[len(ns)-1].ID, "the addressee was told a time that no longer holds and no %s follows", kind)
		}
	}
	slices.SortStableFunc(out, func(a, b Breach) int { return cmp.Compare(a.Invariant, b.Invariant) })
	return out
}

// newestKind is the kind of the newest notice (by id) that is not cancelled.
func newestKind(ns []CaseNotice) NoticeKind {
	var newest *CaseNotice
	for i := range ns {
		if ns[i].Status != NoticeCancelled && (newest == nil || ns[i].ID > newest.ID) {
			newest = &ns[i]
		}
	}
	if newest == nil {
		return ""
	}
	return newest.Kind
}

// settledAt: the decision was final at the moment — the deadline had
// passed, the convict had waived the appeal, or the appeal was decided in
// favour of notifying (DC5, DC6). A decision no longer in force settles
// nothing.
func settledAt(d *CaseDecision, at time.Time) bool {
	switch {
	case d == nil:
		return true // overturned since: the notice was sent under a decision that stood then
	case at.Before(d.DecidedAt):
		return true // sent under an earlier decision, withdrawn since; this one did not send it
	case d.AppealUpheldAt != nil && !d.AppealUpheldAt.After(at):
		return true
	case d.WaivedAt != nil && !d.WaivedAt.After(at):
		return true
	case d.AppealDeadline != nil && DateOf(at).After(*d.AppealDeadline):
		return true
	}
	return false
}

func ruleOf(err error) string {
	if v, ok := err.(*Violation); ok {
		return v.Rule
	}
	return ""
}
