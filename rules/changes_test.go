package rules_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"varsel/rules"
)

// NT8: notices follow the facts. Whoever was told a time that no longer
// holds gets a correction; whoever was told of an event that will not
// happen gets a cancellation; exactly once, and nobody who was told nothing.
func TestFollowUpNeeded(t *testing.T) {
	start := at(30)
	moved := at(37)
	told := func(id int, st rules.NoticeStatus, kind rules.NoticeKind, when time.Time) rules.CaseNotice {
		return rules.CaseNotice{ID: id, Status: st, Kind: kind, Times: rules.NoticeTimes{StartsAt: when}}
	}
	reversed := func(ns ...rules.CaseNotice) []rules.CaseNotice { slices.Reverse(ns); return ns }
	open := rules.CaseEvent{Kind: rules.Leave, Status: rules.EventOpen, StartsAt: moved}
	cancelled := rules.CaseEvent{Kind: rules.Leave, Status: rules.EventCancelled, StartsAt: start}
	cases := []struct {
		name    string
		event   rules.CaseEvent
		notices []rules.CaseNotice
		want    rules.NoticeKind
	}{
		{"nothing told yet: the unsent notice follows instead", open, []rules.CaseNotice{told(1, rules.NoticeReady, rules.KindNotice, start)}, ""},
		{"told the old time: a correction", open, []rules.CaseNotice{told(1, rules.NoticeSent, rules.KindNotice, start)}, rules.KindCorrection},
		{"a letter in the print batch may have gone: a correction", open, []rules.CaseNotice{told(1, rules.NoticeSending, rules.KindNotice, start)}, rules.KindCorrection},
		{"the correction is on its way", open, []rules.CaseNotice{told(1, rules.NoticeSent, rules.KindNotice, start), told(2, rules.NoticeReady, rules.KindCorrection, moved)}, ""},
		{"whatever order they come in", open, reversed(told(1, rules.NoticeSent, rules.KindNotice, start), told(2, rules.NoticeReady, rules.KindCorrection, moved)), ""},
		{"the correction went", open, []rules.CaseNotice{told(1, rules.NoticeSent, rules.KindNotice, start), told(2, rules.NoticeSent, rules.KindCorrection, moved)}, ""},
		{"told the new time already", open, []rules.CaseNotice{told(1, rules.NoticeDelivered, rules.KindNotice, moved)}, ""},
		{"cancelled after it was told: a cancellation", cancelled, []rules.CaseNotice{told(1, rules.NoticeSent, rules.KindNotice, start)}, rules.KindCancellation},
		{"cancelled after a correction was told", cancelled, []rules.CaseNotice{told(1, rules.NoticeSent, rules.KindNotice, start), told(2, rules.NoticeSent, rules.KindCorrection, moved)}, rules.KindCancellation},
		{"the cancellation is on its way", cancelled, []rules.CaseNotice{told(1, rules.NoticeSent, rules.KindNotice, start), told(2, rules.NoticeHeld, rules.KindCancellation, start)}, ""},
		{"cancelled before anything left: nothing to send", cancelled, []rules.CaseNotice{told(1, rules.NoticeCancelled, rules.KindNotice, start)}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			kind, needed := rules.FollowUpNeeded(tc.event, tc.notices)
			if needed != (tc.want != "") || kind != tc.want && needed {
				t.Fatalf("FollowUpNeeded = %q, %v; want %q", kind, needed, tc.want)
			}
		})
	}
}

// NT8, EV6: a move says why, to a real new time, with the end after the start.
func TestCheckMove(t *testing.T) {
	old := rules.EventFacts{Kind: rules.Leave, StartsAt: at(30)}
	end := at(29)
	for _, c := range []struct {
		name, rule, field string
		starts            time.Time
		ends              *time.Time
		reason            string
	}{
		{"no reason", "NT8", "reason", at(37), nil, " "},
		{"the same time", "NT8", "startsAt", at(30), nil, "Flyttet."},
		{"ends before it starts", "EV6", "endsAt", at(30).Add(time.Hour), &end, "Flyttet."},
	} {
		err := rules.CheckMove(old, c.starts, c.ends, false, c.reason)
		v, ok := err.(*rules.Violation)
		if !ok || v.Rule != c.rule || v.Field != c.field {
			t.Errorf("%s: %v, want %s on %s", c.name, err, c.rule, c.field)
		}
	}
	if err := rules.CheckMove(old, at(37), nil, false, "Permisjonen er flyttet en uke."); err != nil {
		t.Errorf("a lawful move: %v", err)
	}
}

// The state machine: a move keeps the event where it stands; a cancellation
// ends it, from any open state, and nothing can be done with it after.
func TestMoveAndCancelThroughTheMachine(t *testing.T) {
	c := decided(assessEveryone(cleared(leaveCase())))
	if err := rules.Fire(rules.MoveEvent, c, rules.Step{Reasoning: "Flyttet.", Event: &rules.EventFacts{StartsAt: at(40)}}); err != nil {
		t.Fatalf("move: %v", err)
	}
	if err := rules.Fire(rules.CancelEvent, c, rules.Step{}); err == nil {
		t.Fatal("a cancellation without a reason was accepted (NT8)")
	}
	if err := rules.Fire(rules.CancelEvent, c, rules.Step{Reasoning: "Permisjonen er trukket tilbake."}); err != nil {
		t.Fatalf("cancel: %v", err)
	}
	c.Event.Status = rules.EventCancelled
	if c.State() != rules.StateCancelled {
		t.Fatalf("state = %s", c.State())
	}
	for _, tr := range []rules.Transition{rules.MoveEvent, rules.CancelEvent, rules.PrepareNotices, rules.AssessSecurity} {
		if err := rules.Fire(tr, c, rules.Step{Reasoning: "x", Event: &rules.EventFacts{StartsAt: at(50)}}); err == nil {
			t.Errorf("%s was allowed on a cancelled event", tr.Name)
		}
	}
}

// I11 (NT8) and I6 (NT6) with follow-ups: a correction may follow a sent
// notice, but only one may wait at a time, and a sent stale time without
// one is a breach.
func TestInvariantsWithFollowUps(t *testing.T) {
	base := func() *rules.Case { return decided(assessEveryone(cleared(leaveCase()))) }
	sent := now
	mk := func(id int, st rules.NoticeStatus, kind rules.NoticeKind, starts time.Time) rules.CaseNotice {
		n := rules.CaseNotice{ID: id, Status: st, Kind: kind, Recipient: rules.RecipientKey{Kind: rules.VictimRecipient, ID: ingrid},
			DueDate: rules.DateOf(at(16)), EarlyRelease: "x", Times: rules.NoticeTimes{StartsAt: starts}}
		if st.Left() {
			n.SentAt = &sent
		}
		return n
	}
	has := func(c *rules.Case, inv string) bool {
		for _, b := range rules.CheckInvariants(c) {
			if b.Invariant == inv {
				return true
			}
		}
		return false
	}
	c := base()
	c.Notices = []rules.CaseNotice{mk(1, rules.NoticeSent, rules.KindNotice, at(30))}
	if has(c, "I11") {
		t.Fatal("a notice of the current time breaches I11")
	}
	c.Event.StartsAt = at(37) // moved, and nothing follows
	if !has(c, "I11") {
		t.Fatal("a stale time told with no correction does not breach I11")
	}
	c.Notices = append(c.Notices, mk(2, rules.NoticeReady, rules.KindCorrection, at(37)))
	if has(c, "I11") || has(c, "I6") {
		t.Fatalf("a correction on its way: %v", rules.CheckInvariants(c))
	}
	c.Notices = append(c.Notices, mk(3, rules.NoticeHeld, rules.KindCorrection, at(37)))
	if !has(c, "I6") {
		t.Fatal("two corrections waiting for one addressee do not breach I6")
	}
	// A correction in the print batch may be in the post: a cancellation may follow it.
	c.Notices[1].Status, c.Notices[2].Kind = rules.NoticeSending, rules.KindCancellation
	c.Event.Status = rules.EventCancelled
	if has(c, "I6") || has(c, "I11") {
		t.Fatalf("a cancellation after a correction on its way: %v", rules.CheckInvariants(c))
	}
	// A recipient who reserved is sent nothing more (RC10).
	c = base()
	c.Notices = []rules.CaseNotice{mk(1, rules.NoticeSent, rules.KindNotice, at(30))}
	c.Event.Status = rules.EventCancelled
	if !has(c, "I11") {
		t.Fatal("a cancelled event told with no cancellation does not breach I11")
	}
	since := now
	c.Recipients[0].ReservedSince = &since
	if has(c, "I11") {
		t.Fatal("a recipient who reserved is owed a cancellation")
	}
}

// RC9: nothing of the address is kept for code 6 or an unknown address.
func TestStoresNoAddress(t *testing.T) {
	for p, want := range map[rules.AddressProtection]bool{rules.Unprotected: false, rules.Confidential: false,
		rules.StrictlyConfidential: true, rules.StrictlyConfidentialAbroad: true, rules.UnknownAddress: true} {
		if got := rules.StoresNoAddress(p); got != want {
			t.Errorf("StoresNoAddress(%s) = %v", p, got)
		}
	}
}

// DC1, DC2, NT8: a decision maker withdraws the decision, in writing; the
// event then stands WITHDRAWN, a second withdrawal is a conflict, a new
// decision may be made, and nothing may be withdrawn while an appeal is
// pending (the level above decides it, DC7).
func TestWithdrawDecisionThroughTheMachine(t *testing.T) {
	c := decided(assessEveryone(cleared(leaveCase())))
	wantRule(t, rules.Fire(rules.WithdrawDecision, c, rules.Step{Reasoning: "Feil i vurderingen."}), "DC2")
	err := rules.Fire(rules.WithdrawDecision, c, rules.Step{DecisionMaker: true, Reasoning: " "})
	var v *rules.Violation
	if !errors.As(err, &v) || v.Rule != "DC1" || v.Field != "reason" {
		t.Fatalf("a withdrawal without reasons: %v, want DC1 on reason", err)
	}
	if err := rules.Fire(rules.WithdrawDecision, c, rules.Step{DecisionMaker: true, Reasoning: "Feil i vurderingen."}); err != nil {
		t.Fatalf("withdraw: %v", err)
	}
	c.Decision.AppealPending = true
	wantRule(t, rules.Fire(rules.WithdrawDecision, c, rules.Step{DecisionMaker: true, Reasoning: "x"}), "DC5")
	c.Decision, c.Withdrawn = nil, true
	if c.State() != rules.StateWithdrawn || !c.CalledOff() {
		t.Fatalf("state = %s, called off = %v", c.State(), c.CalledOff())
	}
	var r *rules.Refusal
	if err := rules.Fire(rules.WithdrawDecision, c, rules.Step{DecisionMaker: true, Reasoning: "x"}); !errors.As(err, &r) || !r.Conflict {
		t.Fatalf("withdrawing twice: %v", err)
	}
	wantRule(t, rules.Fire(rules.PrepareNotices, c, rules.Step{}), "DC1")
	if err := rules.Fire(rules.Decide, c, rules.Step{DecisionMaker: true, Reasoning: "Nytt vedtak."}); err != nil {
		t.Fatalf("a new decision after the withdrawal: %v", err)
	}
}

// NT8, I11, DC5: after a withdrawal, whoever was told is owed a
// cancellation, exactly once, and the cancellation may go without a
// decision in force; a new notice may not.
func TestWithdrawalOwesCancellations(t *testing.T) {
	c := cleared(leaveCase())
	sent := at(-1)
	notice := rules.CaseNotice{ID: 1, Status: rules.NoticeSent, Kind: rules.KindNotice, SentAt: &sent, EarlyRelease: "x",
		Recipient: rules.RecipientKey{Kind: rules.VictimRecipient, ID: ingrid}, DueDate: rules.DateOf(at(16)), Times: rules.NoticeTimes{StartsAt: at(30)}}
	c.Notices = []rules.CaseNotice{notice}
	c.Withdrawn = true
	if kind, needed := c.FollowUpOwed(c.Notices); !needed || kind != rules.KindCancellation {
		t.Fatalf("owed %q, %v; want a cancellation", kind, needed)
	}
	if !hasBreach(c, "I11") {
		t.Fatal("a withdrawn decision with nobody told of it does not breach I11")
	}
	cancellation := rules.CaseNotice{ID: 2, Status: rules.NoticeReady, Kind: rules.KindCancellation,
		Recipient: notice.Recipient, DueDate: rules.DateOf(now), Times: notice.Times}
	c.Notices = append(c.Notices, cancellation)
	if _, needed := c.FollowUpOwed(c.Notices); needed {
		t.Fatal("a second cancellation is owed (NT6)")
	}
	if b := rules.CheckInvariants(c); len(b) != 0 {
		t.Fatalf("a cancellation on its way after a withdrawal: %v", b)
	}
	if err := rules.CheckMaySend(c, &cancellation); err != nil {
		t.Fatalf("the cancellation may not go: %v", err)
	}
	fresh := rules.CaseNotice{ID: 3, Status: rules.NoticeReady, Kind: rules.KindNotice, Recipient: notice.Recipient, DueDate: rules.DateOf(at(16))}
	wantRule(t, rules.CheckMaySend(c, &fresh), "AS7")
	// The cancellation went, and a new decision is made: the recipient is
	// told again through the new decision's notices, not at once (AS7).
	c.Notices[1].Status, c.Notices[1].SentAt = rules.NoticeSent, &sent
	decided(c)
	if kind, needed := c.FollowUpOwed(c.Notices); !needed || kind != rules.KindCorrection {
		t.Fatalf("after a new decision: owed %q, %v; want a correction when the notices are made", kind, needed)
	}
	if hasBreach(c, "I11") {
		t.Fatalf("a new decision before its notices are made: %v", rules.CheckInvariants(c))
	}
}

func hasBreach(c *rules.Case, inv string) bool {
	for _, b := range rules.CheckInvariants(c) {
		if b.Invariant == inv {
			return true
		}
	}
	return false
}

// NT8, PR3: an event registered in error leaves the machine from any open
// state, with the reason, but only while nothing of it has left; after it,
// nothing can be done with it.
func TestMarkEventInErrorThroughTheMachine(t *testing.T) {
	c := decided(assessEveryone(cleared(leaveCase())))
	recipient := rules.RecipientKey{Kind: rules.VictimRecipient, ID: ingrid}
	c.Notices = []rules.CaseNotice{{ID: 1, Status: rules.NoticeReady, Kind: rules.KindNotice, Recipient: recipient}}
	err := rules.Fire(rules.MarkEventInError, c, rules.Step{Reasoning: " "})
	var v *rules.Violation
	if !errors.As(err, &v) || v.Rule != "NT8" || v.Field != "reason" {
		t.Fatalf("no reason: %v, want NT8 on reason", err)
	}
	if err := rules.Fire(rules.MarkEventInError, c, rules.Step{Reasoning: "Feil domfelt."}); err != nil {
		t.Fatalf("a notice not yet sent: %v", err)
	}
	for _, st := range []rules.NoticeStatus{rules.NoticeSending, rules.NoticeSent, rules.NoticeDelivered} {
		c.Notices[0].Status = st
		wantRule(t, rules.Fire(rules.MarkEventInError, c, rules.Step{Reasoning: "Feil domfelt."}), "NT8")
	}
	c.Notices = nil
	c.Event.Status = rules.EventInError
	if c.State() != rules.StateInError {
		t.Fatalf("state = %s", c.State())
	}
	for _, tr := range []rules.Transition{rules.MoveEvent, rules.CancelEvent, rules.MarkEventInError, rules.PrepareNotices} {
		if err := rules.Fire(tr, c, rules.Step{Reasoning: "x", Event: &rules.EventFacts{StartsAt: at(50)}}); err == nil {
			t.Errorf("%s was allowed on an event registered in error", tr.Name)
		}
	}
}

// I11 (NT8): nothing more is owed to someone who is no longer a recipient
// or a registered guardian — a person registered in error, a case completed
// — since there is nobody to send it to; a registered guardian is owed it.
func TestNoFollowUpToWhoIsNoLongerAnAddressee(t *testing.T) {
	sent := at(-1)
	g := guardian
	c := decided(assessEveryone(cleared(leaveCase())))
	c.Notices = []rules.CaseNotice{{ID: 1, Status: rules.NoticeSent, Kind: rules.KindNotice, SentAt: &sent, EarlyRelease: "x",
		Recipient: rules.RecipientKey{Kind: rules.VictimRecipient, ID: emma}, GuardianID: &g, DueDate: rules.DateOf(at(16)),
		Times: rules.NoticeTimes{StartsAt: at(30)}}}
	c.Event.StartsAt = at(37) // moved, and nothing follows
	if !hasBreach(c, "I11") {
		t.Fatal("a registered guardian told the old time is owed a correction (I11)")
	}
	c.Recipients[1].Guardians = nil // the guardian was registered in error
	if hasBreach(c, "I11") || hasBreach(c, "I4") {
		t.Fatalf("a guardian registered in error: %v", rules.CheckInvariants(c))
	}
	c = decided(assessEveryone(cleared(leaveCase())))
	c.Notices = []rules.CaseNotice{{ID: 1, Status: rules.NoticeSent, Kind: rules.KindNotice, SentAt: &sent, EarlyRelease: "x",
		Recipient: rules.RecipientKey{Kind: rules.VictimRecipient, ID: ingrid}, DueDate: rules.DateOf(at(16)), Times: rules.NoticeTimes{StartsAt: at(30)}}}
	c.Event.StartsAt = at(37)
	c.Recipients = c.Recipients[1:] // Ingrid is no longer a recipient
	if hasBreach(c, "I11") || hasBreach(c, "I4") {
		t.Fatalf("someone no longer a recipient: %v", rules.CheckInvariants(c))
	}
	// What is still waiting for them is a breach: it must stop.
	c.Notices[0].Status, c.Notices[0].SentAt = rules.NoticeReady, nil
	if !hasBreach(c, "I4") {
		t.Fatal("a notice ready for someone no longer a recipient does not breach I4")
	}
}

// RC1, AS3, IX8, NT8: what a correction of a criminal case may change.
func TestCheckCaseChange(t *testing.T) {
	status := func(s rules.CaseStatus) *rules.CaseStatus { return &s }
	for _, c := range []struct {
		name, rule, field string
		change            rules.CaseChange
	}{
		{"a served case is completed", "", "", rules.CaseChange{Was: rules.Serving, Status: status(rules.Completed), Reason: "Sonet."}},
		{"what it covers is corrected", "", "", rules.CaseChange{Was: rules.Serving, Coverage: true, Offences: []rules.OffenceCategory{rules.Threats}, Reason: "Rettet."}},
		{"a case completed in error is served again", "", "", rules.CaseChange{Was: rules.Completed, Status: status(rules.Serving), Reason: "Feil."}},
		{"without a reason", "NT8", "reason", rules.CaseChange{Was: rules.Serving, Status: status(rules.Completed), Reason: " "}},
		{"nothing changes", "NT8", "status", rules.CaseChange{Was: rules.Serving, Status: status(rules.Serving), Reason: "x"}},
		{"a completed case's offences", "RC1", "status", rules.CaseChange{Was: rules.Completed, Coverage: true, Reason: "x"}},
		{"a completed case completed again", "RC1", "status", rules.CaseChange{Was: rules.Completed, Status: status(rules.Completed), Reason: "x"}},
		{"no offence", "AS3", "offenceCategories", rules.CaseChange{Was: rules.Serving, Coverage: true, Offences: []rules.OffenceCategory{}, Reason: "x"}},
		{"a purged case", "IX8", "", rules.CaseChange{Purged: true}},
	} {
		err := rules.CheckCaseChange(c.change)
		if c.rule == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		var v *rules.Violation
		if !errors.As(err, &v) || v.Rule != c.rule || v.Field != c.field {
			t.Errorf("%s: %v, want %s on %q", c.name, err, c.rule, c.field)
		}
	}
}

// NT8: a correction or cancellation the recipient is owed is not stopped by
// hand; a notice of the event may be.
func TestNT8CheckCancelByHand(t *testing.T) {
	if err := rules.CheckCancelByHand(rules.KindNotice); err != nil {
		t.Errorf("a notice: %v", err)
	}
	for _, k := range []rules.NoticeKind{rules.KindCorrection, rules.KindCancellation} {
		var v *rules.Violation
		if err := rules.CheckCancelByHand(k); !errors.As(err, &v) || v.Rule != "NT8" {
			t.Errorf("%s: %v, want NT8", k, err)
		}
	}
}
