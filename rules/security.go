package rules

import (
	"slices"
	"time"
)

// SecurityRecordKind is what a record of an event's security assessment is
// (AS2).
type SecurityRecordKind string

const (
	// CaseworkerAssessment is the assessment made first and on its own: is
	// there a possible risk of revenge or similar? A possible risk asks the
	// police for a statement.
	CaseworkerAssessment SecurityRecordKind = "ASSESSMENT"
	// DecisionMakerFinding is a decision maker's reasoned finding that lifts
	// a confirmed risk or a police statement still awaited (AS2).
	DecisionMakerFinding SecurityRecordKind = "DECISION_MAKER_FINDING"
)

// Values lists the record kinds.
func (SecurityRecordKind) Values() []string {
	return []string{string(CaseworkerAssessment), string(DecisionMakerFinding)}
}

// SecurityRecord is one recorded step of an event's security assessment, as
// the rules see it: an assessment (possibly asking the police), the police's
// statement on it, or a decision maker's finding.
type SecurityRecord struct {
	Kind SecurityRecordKind
	// At is when the assessment or the finding was recorded.
	At time.Time
	// PossibleRisk: the assessment found a possible risk of revenge or
	// similar and asked the police.
	PossibleRisk bool
	// StatementAt is when the police's statement on this assessment was
	// recorded; nil while it is awaited.
	StatementAt *time.Time
	// RiskConfirmed: the police's statement confirmed the risk.
	RiskConfirmed bool
}

// Security is where an event's security stands at a moment (AS2).
type Security string

const (
	// SecurityNotAssessed: no security assessment is recorded yet.
	SecurityNotAssessed Security = "NOT_ASSESSED"
	// SecurityAwaitingPolice: a police statement is awaited.
	SecurityAwaitingPolice Security = "AWAITING_POLICE"
	// SecurityRisk: the police confirmed a risk; no notice is given.
	SecurityRisk Security = "RISK_CONFIRMED"
	// SecurityCleared: assessed, with no risk standing and nothing awaited.
	SecurityCleared Security = "CLEARED"
)

// Blocks reports whether the security state stops every notice: a risk, a
// statement awaited, or no assessment at all (AS2).
func (s Security) Blocks() bool { return s != SecurityCleared }

// securityStep is one dated happening in the security records.
type securityStep struct {
	at      time.Time
	order   int // among steps at the same instant: records before statements
	record  int // index of the record it belongs to
	kind    SecurityRecordKind
	asked   bool // an assessment that asked the police
	settled bool // the police's statement
	risk    bool // the statement confirmed the risk
}

// EffectiveSecurity folds an event's security records, in the order they
// happened, into where security stands at the moment at (AS2):
//
//   - an assessment that finds a possible risk asks the police; until their
//     statement comes, the event waits;
//   - the police's statement settles what they were asked: a confirmed risk
//     stands, a risk ruled out lifts an earlier one;
//   - a confirmed risk, or a statement still awaited, is lifted only by the
//     police's statement or by a decision maker's reasoned finding recorded
//     after it — never by a newer assessment that simply says "no risk";
//   - a statement that comes after a decision maker's finding, and confirms
//     a risk, turns the outcome to risk again.
func EffectiveSecurity(records []SecurityRecord, at time.Time) Security {
	var steps []securityStep
	for i, r := range records {
		if r.At.After(at) {
			continue
		}
		steps = append(steps, securityStep{at: r.At, record: i, kind: r.Kind, asked: r.Kind == CaseworkerAssessment && r.PossibleRisk})
		if r.Kind == CaseworkerAssessment && r.PossibleRisk && r.StatementAt != nil && !r.StatementAt.After(at) {
			steps = append(steps, securityStep{at: *r.StatementAt, order: 1, record: i, settled: true, risk: r.RiskConfirmed})
		}
	}
	slices.SortStableFunc(steps, func(a, b securityStep) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return a.order - b.order
	})
	var (
		assessed bool
		risk     bool
		awaiting = map[int]bool{}
	)
	for _, s := range steps {
		switch {
		case s.settled:
			delete(awaiting, s.record)
			risk = s.risk
		case s.kind == DecisionMakerFinding:
			risk = false
			clear(awaiting)
		case s.asked:
			assessed = true
			awaiting[s.record] = true
		default: // an assessment finding no possible risk
			assessed = true
		}
	}
	switch {
	case risk:
		return SecurityRisk
	case len(awaiting) > 0:
		return SecurityAwaitingPolice
	case !assessed:
		return SecurityNotAssessed
	}
	return SecurityCleared
}

// BlockedSince returns the moments, among the records' own, when security
// stopped notices, as intervals [from, to) — to is zero while it still does.
// A notice sent inside one was sent while it should not have been (AS2).
func BlockedSince(records []SecurityRecord) [][2]time.Time {
	var moments []time.Time
	for _, r := range records {
		moments = append(moments, r.At)
		if r.StatementAt != nil {
			moments = append(moments, *r.StatementAt)
		}
	}
	slices.SortFunc(moments, time.Time.Compare)
	var out [][2]time.Time
	for _, m := range moments {
		blocked := EffectiveSecurity(records, m) != SecurityCleared
		open := len(out) > 0 && out[len(out)-1][1].IsZero()
		switch {
		case blocked && !open:
			out = append(out, [2]time.Time{m, {}})
		case !blocked && open:
			out[len(out)-1][1] = m
		}
	}
	return out
}

// CheckSecurityFinding: a decision maker's finding that lifts a confirmed
// risk or an awaited statement is reasoned, made by a decision maker, and
// lifts something that stands (AS2).
func CheckSecurityFinding(decisionMaker bool, current Security, reasoning string) error {
	switch {
	case !decisionMaker:
		return violate("AS2", securityGuideline,
			"Bare en beslutter kan oppheve en bekreftet fare eller en ventende uttalelse fra politiet, med en begrunnet vurdering.")
	case current != SecurityRisk && current != SecurityAwaitingPolice:
		return violate("AS2", securityGuideline,
			"Det er ingen bekreftet fare eller ventende uttalelse fra politiet å oppheve.")
	case blank(reasoning):
		return violate("AS2", securityGuideline,
			"Skriv hvorfor faren ikke lenger står ved lag, eller hvorfor det ikke skal ventes på politiets uttalelse.").On("reasoning")
	}
	return nil
}
