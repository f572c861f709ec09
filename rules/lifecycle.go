package rules

import (
	"fmt"
	"slices"
	"time"
)

// The lifecycle of a custody event and of each of its notices, as two
// tables: the states, the named transitions between them, and each
// transition's guards — pure functions over the case's facts that cite the
// rule they enforce. The workflow takes every step through these tables
// (Fire, FireNotice), and the README's diagrams are generated from them.
//
// An event's state is not stored: it follows from the facts (State), so it
// cannot drift from them — the appeal deadline passing moves an event from
// APPEAL_WINDOW to FINAL without anyone writing anything. A notice's status
// is stored, and only a notice transition changes it.

// EventState is where a custody event stands in the notification workflow.
type EventState string

const (
	// StateRegistered: registered; security is not yet assessed (AS2).
	StateRegistered EventState = "REGISTERED"
	// StateAwaitingPolice: the police's statement on a possible risk of
	// revenge is awaited; nothing is decided or sent (AS2).
	StateAwaitingPolice EventState = "AWAITING_POLICE"
	// StateBlocked: the police confirmed a risk; no notice is given (AS2).
	StateBlocked EventState = "BLOCKED"
	// StateAssessing: security is cleared; each potential recipient is
	// assessed (AS1, AS3).
	StateAssessing EventState = "ASSESSING"
	// StateDecided: the decision to notify is made; the convict is not yet
	// informed (DC1, DC3).
	StateDecided EventState = "DECIDED"
	// StateAppealWindow: the convict is informed and may appeal until the
	// deadline (DC4, DC5).
	StateAppealWindow EventState = "APPEAL_WINDOW"
	// StateAppealed: an appeal waits for the level above (DC7).
	StateAppealed EventState = "APPEALED"
	// StateFinal: the decision is final — the deadline passed, the convict
	// waived the appeal, the appeal was decided, or informing was
	// impracticable — and notices may go (DC5, DC6).
	StateFinal EventState = "FINAL"
	// StateOverturned: the decision was overturned on appeal (DC7).
	StateOverturned EventState = "OVERTURNED"
	// StateWithdrawn: the unit withdrew its decision to notify (DC1, fvl
	// § 35); nothing more is sent, and whoever was told gets a cancellation
	// (NT8). A new decision may be made.
	StateWithdrawn EventState = "WITHDRAWN"
	// StateCancelled: the event will not happen.
	StateCancelled EventState = "CANCELLED"
	// StateClosed: the event is over.
	StateClosed EventState = "CLOSED"
	// StateInError: the event was registered in error; it leaves every list
	// and worklist and stays in the history (NT8, PR3).
	StateInError EventState = "REGISTERED_IN_ERROR"
)

// EventStates lists the states in lifecycle order.
func EventStates() []EventState {
	return []EventState{StateRegistered, StateAwaitingPolice, StateBlocked, StateAssessing, StateDecided,
		StateAppealWindow, StateAppealed, StateFinal, StateOverturned, StateWithdrawn, StateCancelled, StateClosed, StateInError}
}

// Values lists the states, for the API's enum.
func (EventState) Values() []string {
	var out []string
	for _, s := range EventStates() {
		out = append(out, string(s))
	}
	return out
}

var stateNames = map[EventState]string{
	StateRegistered:     "registrert",
	StateAwaitingPolice: "venter på politiets uttalelse",
	StateBlocked:        "stanset: bekreftet fare",
	StateAssessing:      "til vurdering",
	StateDecided:        "vedtak fattet",
	StateAppealWindow:   "klagefrist løper",
	StateAppealed:       "påklaget",
	StateFinal:          "endelig vedtak",
	StateOverturned:     "vedtaket omgjort",
	StateWithdrawn:      "vedtaket trukket tilbake",
	StateCancelled:      "avlyst",
	StateClosed:         "avsluttet",
	StateInError:        "registrert ved en feil",
}

// Name is the state in Norwegian, as the web app shows it.
func (s EventState) Name() string { return stateNames[s] }

// open lists every state of an event that is not cancelled or closed.
var open = []EventState{StateRegistered, StateAwaitingPolice, StateBlocked, StateAssessing, StateDecided,
	StateAppealWindow, StateAppealed, StateFinal, StateOverturned, StateWithdrawn}

// decided lists the states in which a decision to notify is in force.
var decided = []EventState{StateDecided, StateAppealWindow, StateAppealed, StateFinal}

// StateDecisionInForce stands for every state of decided in a Move: the
// diagram draws it as the box around them.
const StateDecisionInForce EventState = "DECISION_IN_FORCE"

// State is where the event stands at the case's moment. Security comes
// first and overrides the rest (AS2): a risk or an awaited statement stops
// everything, whatever has been decided.
func (c *Case) State() EventState {
	switch c.Event.Status {
	case EventCancelled:
		return StateCancelled
	case EventClosed:
		return StateClosed
	case EventInError:
		return StateInError
	}
	switch c.SecurityNow() {
	case SecurityNotAssessed:
		return StateRegistered
	case SecurityAwaitingPolice:
		return StateAwaitingPolice
	case SecurityRisk:
		return StateBlocked
	}
	d := c.Decision
	switch {
	case d == nil && c.Overturned:
		return StateOverturned
	case d == nil && c.Withdrawn:
		return StateWithdrawn
	case d == nil:
		return StateAssessing
	case d.AppealPending:
		return StateAppealed
	case d.ConvictInformedAt == nil && !d.Impracticable:
		return StateDecided
	case c.decisionFinal():
		return StateFinal
	}
	return StateAppealWindow
}

// decisionFinal: the decision can no longer be appealed in time, the convict
// waived the appeal, an appeal was decided in favour of notifying, or
// informing the convict was impracticable (DC5, DC6, DC3).
func (c *Case) decisionFinal() bool {
	d := c.Decision
	switch {
	case d == nil || d.AppealPending:
		return false
	case d.AppealUpheldAt != nil, d.WaivedAt != nil, d.Impracticable:
		return true
	case d.AppealDeadline != nil:
		return DateOf(c.Now).After(*d.AppealDeadline)
	}
	return false
}

// Step is the input of a transition: who takes it, and what they give.
type Step struct {
	// DecisionMaker: the person taking the step holds DECISION_MAKER.
	DecisionMaker bool
	// Reasoning is the step's written reasons.
	Reasoning string
	// ReasonsWithheld is the exemption for leaving the decision's reasons
	// out (DC1, IX7).
	ReasonsWithheld string
	// InformedAt is when the decision reached the convict (DC3).
	InformedAt *time.Time
	// Oral: the convict was told orally; OralAnswer is the answer (DC6).
	Oral       bool
	OralAnswer bool
	// Impracticable is the reason informing the convict is impracticable (DC3).
	Impracticable string
	// Justification: why a notice is late (NT2) or released before the
	// appeal is settled (DC5).
	Justification string
	// Notice is the notice a notice transition moves.
	Notice *CaseNotice
	// Channel is how a notice is sent (NT1).
	Channel Channel
	// PhoneReason: why the exceptional telephone notice is used (NT1).
	PhoneReason string
	// PoliceDistrict: the addressee's police district is known (RC9).
	PoliceDistrict bool
	// Representative is the convict's representative in an appeal (DC8).
	Representative *Representative
	// AddressOnFile: the addressee has a postal address (letters).
	AddressOnFile bool
	// Event is the event being registered (EV1–EV6).
	Event *EventFacts
}

// Guard is one condition a transition requires, with the rule it enforces.
type Guard struct {
	Rule string
	// What the guard asks, in a line a lawyer can read.
	What  string
	Check func(c *Case, s *Step) error
}

// Transition is a named step of the event lifecycle: the workflow operation
// that takes it, the states it may be taken from, the moves between states
// it can make, and its guards, checked in order.
type Transition struct {
	Name string
	// Who may take it, in words (authorization is also enforced by the API).
	Who  string
	From []EventState
	// Moves are the changes of state the step can cause; a step not listed
	// leaves the state as it was.
	Moves []Move
	// Done lists states in which the step is already taken: asking again is
	// a conflict, not a refusal.
	Done   []EventState
	Guards []Guard
}

// Move is a change of state a transition can cause, and when.
type Move struct {
	From, To EventState
	// When says which outcome of the step makes the move, if not every one.
	When string
}

// NoticeTransition is a named step of the notice lifecycle.
type NoticeTransition struct {
	Name   string
	Who    string
	From   []NoticeStatus
	To     NoticeStatus
	Guards []Guard
}

// Refusal is a transition that may not be taken now: the rule that stops
// it, or — when the step is already taken — a conflict.
type Refusal struct {
	*Violation
	// Conflict: the step is already taken, or the state moved on.
	Conflict bool
}

// Fire checks that the transition may be taken from the case's state and
// that every guard holds. It changes nothing: the workflow writes the step
// and the next state follows from the facts.
func Fire(t Transition, c *Case, s Step) error {
	state := c.State()
	// A transition from nothing creates the event: only its guards apply.
	if len(t.From) > 0 && !slices.Contains(t.From, state) {
		if slices.Contains(t.Done, state) {
			d := alreadyDone[t.Name]
			return &Refusal{Violation: violate(d.rule, provisionOf(d.rule), "%s", d.message), Conflict: true}
		}
		return stateRefusal(state)
	}
	for _, g := range t.Guards {
		if err := g.Check(c, &s); err != nil {
			return err
		}
	}
	return nil
}

// FireNotice checks that the notice transition may be taken from the
// notice's status and that every guard holds, and returns the status the
// notice moves to.
func FireNotice(t NoticeTransition, c *Case, s Step) (NoticeStatus, error) {
	n := s.Notice
	if n == nil {
		return "", fmt.Errorf("rules: %s without a notice", t.Name)
	}
	// A transition from nothing makes the notice: only its guards apply.
	if len(t.From) > 0 && !slices.Contains(t.From, n.Status) {
		return "", &Refusal{Violation: violate(noticeStatusRule[n.Status], provisionOf(noticeStatusRule[n.Status]),
			"Varselet er %s, og det kan ikke %s.", noticeStatusNames[n.Status], noticeStepNames[t.Name]), Conflict: true}
	}
	for _, g := range t.Guards {
		if err := g.Check(c, &s); err != nil {
			return "", err
		}
	}
	if t.To == "" { // the notice stays where it is, and follows the facts
		return n.Status, nil
	}
	return t.To, nil
}

// stateRefusal says why nothing but the states' own steps can be taken in a
// state, with the rule that holds the event there.
func stateRefusal(state EventState) error {
	return &Refusal{Violation: stateViolation(state), Conflict: stateRefusals[state].conflict}
}

// stateViolation is the violation that holds an event in a state.
func stateViolation(state EventState) *Violation {
	r := stateRefusals[state]
	return violate(r.rule, provisionOf(r.rule), "%s", r.message)
}

var stateRefusals = map[EventState]struct {
	rule, message string
	conflict      bool
}{
	StateRegistered:     {"AS2", "Den sikkerhetsmessige vurderingen er ikke gjort. Vurder alltid først om varsling kan få betydning for domfeltes sikkerhet.", false},
	StateAwaitingPolice: {"AS2", "Politiets uttalelse om faren for hevnaksjoner er ikke mottatt ennå. Bare politiets uttalelse, eller en beslutters begrunnede vurdering, opphever dette.", false},
	StateBlocked:        {"AS2", "Politiet har bekreftet fare for hevnaksjoner eller lignende. Da skal det ikke varsles.", false},
	StateAssessing:      {"AS7", "Det er ikke fattet vedtak om varsling. Mottakerne kontaktes først når det er endelig bestemt at varsel skal gis.", false},
	StateDecided:        {"DC3", "Domfelte er ikke underrettet om vedtaket om varsling ennå.", false},
	StateAppealWindow:   {"DC5", "Klagefristen løper. Vedtaket er ikke endelig ennå.", false},
	StateAppealed:       {"DC5", "Domfelte har klaget på vedtaket. Klagen må avgjøres først.", false},
	StateFinal:          {"DC5", "Vedtaket om varsling er endelig, og steget hører til før vedtaket.", true},
	StateOverturned:     {"DC7", "Vedtaket om varsling er omgjort etter klage. Det skal ikke varsles.", false},
	StateWithdrawn:      {"DC1", "Vedtaket om varsling er trukket tilbake. Det skal ikke varsles uten et nytt vedtak.", false},
	StateCancelled:      {"NT8", "Hendelsen er avlyst. Det skal ikke varsles om den.", true},
	StateClosed:         {"NT8", "Hendelsen er avsluttet.", true},
	StateInError:        {"NT8", "Hendelsen er registrert ved en feil.", true},
}

var alreadyDone = map[string]struct{ rule, message string }{
	"decideNotification":           {"DC1", "Det er allerede fattet vedtak om varsling for denne hendelsen."},
	"recordConvictInformed":        {"DC3", "Det er allerede registrert at domfelte er underrettet om vedtaket."},
	"registerAppeal":               {"DC7", "En klage på vedtaket er allerede registrert og ikke avgjort."},
	"decideAppeal":                 {"DC7", "Klagen er allerede avgjort."},
	"recordSignificanceAssessment": {"AS1", "Vedtaket om varsling er fattet. Vurderingene det bygger på, kan ikke endres nå."},
	"withdrawDecision":             {"DC1", "Vedtaket om varsling er allerede trukket tilbake."},
}

var noticeStatusNames = map[NoticeStatus]string{
	NoticeHeld: "holdt tilbake", NoticeReady: "klart til sending", NoticeSending: "under sending",
	NoticeSent: "sendt", NoticeDelivered: "levert", NoticeCancelled: "avbrutt",
}

var noticeStatusRule = map[NoticeStatus]string{
	NoticeHeld: "DC5", NoticeReady: "NT6", NoticeSending: "NT6", NoticeSent: "NT6", NoticeDelivered: "NT6", NoticeCancelled: "NT8",
}

var noticeStepNames = map[string]string{
	"release":          "frigis",
	"hold":             "holdes tilbake",
	"dispatchLetter":   "sendes som brev",
	"dispatchDigipost": "sendes med Digipost",
	"dispatchPhone":    "gis per telefon",
	"dispatchPolice":   "sendes via politiet",
	"markPosted":       "registreres som postlagt",
	"digipostSent":     "leveres i Digipost",
	"digipostRejected": "sendes tilbake fra Digipost",
	"confirmDelivery":  "bekreftes levert",
	"cancel":           "avbrytes",
	"readdress":        "adresseres på nytt",
	"followChange":     "endres etter de nye opplysningene",
	"documentPhone":    "dokumenteres",
}

// provisionOf returns the provision of a rule from the rulebook.
func provisionOf(id string) string {
	for _, r := range rulebook {
		if r.ID == id {
			return r.Provision
		}
	}
	return ""
}

// Unwrap lets errors.As find the violation.
func (r *Refusal) Unwrap() error { return r.Violation }

// The guards, each a pure function over the case citing its rule.
var (
	securityCleared = Guard{"AS2", "security is assessed, no risk stands and no police statement is awaited",
		func(c *Case, _ *Step) error { return CheckSecurity(c.SecurityNow()) }}

	everyoneAssessed = Guard{"AS1", "every potential recipient has a concrete assessment, unless an agreement covers it",
		func(c *Case, _ *Step) error { return CheckEveryoneAssessed(c) }}

	someoneToNotify = Guard{"AS1", "at least one assessment concludes that a notice matters",
		func(c *Case, _ *Step) error {
			for _, r := range c.Recipients {
				if r.Assessment != nil && r.Assessment.Notify {
					return nil
				}
			}
			return violate("AS1", significanceGuideline,
				"Ingen vurdering konkluderer med at varsel er av betydning for mottakeren. Da skal det ikke treffes vedtak om varsling.")
		}}

	decisionReasoned = Guard{"DC1", "the decision states its reasons, or records the exemption that lets them be left out",
		func(_ *Case, s *Step) error { return CheckDecisionReasons(s.Reasoning, s.ReasonsWithheld) }}

	convictInformedLawfully = Guard{"DC3", "the convict is informed after the decision, or a decision maker records why it is impracticable (always so for an escape)",
		func(c *Case, s *Step) error {
			return CheckConvictInformed(c.Event.Kind, c.Decision.DecidedAt, c.Now, s.InformedAt, s.Impracticable, s.DecisionMaker)
		}}

	oralAnswerRecorded = Guard{"DC6", "a convict told orally is asked whether he or she appeals, and the answer is recorded",
		func(_ *Case, s *Step) error {
			if s.Oral && s.Impracticable == "" && !s.OralAnswer {
				return violate("DC6", ReleaseProvision, "Domfelte ble orientert muntlig. Registrer om han eller hun vil klage.").On("oralAppealAnswer")
			}
			return nil
		}}

	representativeAllowed = Guard{"DC8", "the convict's representative is not an inmate, a person serving a sentence or an employee of the correctional service",
		func(_ *Case, s *Step) error { return CheckRepresentative(s.Representative) }}

	appealReasoned = Guard{"DC7", "the appeal decision states its reasons",
		func(_ *Case, s *Step) error {
			if blank(s.Reasoning) {
				return violate("DC7", appealProvision, "Skriv begrunnelsen for klageavgjørelsen.").On("reasoning")
			}
			return nil
		}}

	notYetDecided = Guard{"AS1", "no decision is in force: the assessments a decision rests on are settled with it",
		func(c *Case, _ *Step) error {
			if c.Decision != nil {
				d := alreadyDone["recordSignificanceAssessment"]
				return &Refusal{Violation: violate(d.rule, provisionOf(d.rule), "%s", d.message), Conflict: true}
			}
			return nil
		}}

	decisionInForce = Guard{"AS7", "a decision to notify is in force",
		func(c *Case, _ *Step) error {
			if c.Decision == nil {
				return stateViolation(StateAssessing)
			}
			return nil
		}}

	appealSettled = Guard{"DC5", "the appeal deadline has passed, the convict waived the appeal, or the appeal is decided — or a decision maker justifies sending earlier",
		func(c *Case, s *Step) error { return CheckAppealSettled(c, s.Notice, s.Justification, s.DecisionMaker) }}

	addresseeToday = Guard{"RC5", "the notice is addressed as the recipient's age and guardianship are on the day it goes: to the guardians of a minor or of an adult under guardianship, never to the convict (RC5–RC7)",
		func(c *Case, s *Step) error { return CheckAddressee(c, s.Notice) }}

	notReserved = Guard{"RC10", "the recipient has not reserved against notices",
		func(c *Case, s *Step) error {
			if r := c.Recipient(s.Notice.Recipient); r != nil && r.ReservedSince != nil {
				return CheckNotReserved(true)
			}
			return nil
		}}

	lateJustified = Guard{"NT2", "a notice sent later than its due date carries a justification",
		func(c *Case, s *Step) error {
			n := s.Notice
			if IsLate(n.DueDate, c.Now) && blank(n.LateJustification) && blank(s.Justification) {
				return CheckLateJustification(true, "")
			}
			return nil
		}}

	contentWithoutAddress = Guard{"NT4", "no text that reaches the recipient holds an address",
		func(_ *Case, s *Step) error {
			for _, t := range s.Notice.Texts {
				if err := CheckNoAddress(t); err != nil {
					return err
				}
			}
			return nil
		}}

	lawfulChannel = Guard{"NT1", "the channel is lawful, and a protected or unknown address goes through the police (RC9)",
		func(_ *Case, s *Step) error {
			return CheckChannel(s.Notice.Route, s.Channel, s.PhoneReason, s.PoliceDistrict, s.AddressOnFile)
		}}
)

// sendGuards are checked whenever a notice moves towards the recipient, and
// again at the moment it leaves: by the print run, the Digipost job and the
// police's delivery (I1, I3, I4, I5, I7, I8).
var sendGuards = []Guard{securityCleared, appealSettled, addresseeToday, notReserved, lateJustified, contentWithoutAddress}

// Event transitions, in the order a caseworker meets them. Security comes
// first and overrides the rest (AS2): a new assessment that finds a possible
// risk, or a statement that confirms one, stops an event wherever it stood,
// and the police's statement or a decision maker's finding lets it go on
// from where it was.
var (
	RegisterEvent = Transition{Name: "registerCustodyEvent", Who: "caseworker, decision maker",
		Moves: []Move{{"", StateRegistered, ""}},
		Guards: []Guard{{"EV1", "the event kind may be notified, under its provision, with a time (EV1–EV6); the deciding level follows (DC2)",
			func(c *Case, s *Step) error { _, err := CheckEvent(*s.Event, c.Now); return err }}}}
	RecordConditions = Transition{Name: "recordConditions", Who: "caseworker, decision maker",
		From:   open,
		Guards: []Guard{{"NT4", "a residence is an area, and no condition holds an address (NT3, NT4)", func(*Case, *Step) error { return nil }}}}
	RequestInformation = Transition{Name: "requestInformation", Who: "caseworker, decision maker",
		From:   open,
		Guards: []Guard{{"AS6", "asked of the police, social services or child welfare with a purpose, never of the recipient (AS6, AS7)", func(*Case, *Step) error { return nil }}}}
	AssessSecurity = Transition{Name: "recordSecurityAssessment", Who: "caseworker, decision maker",
		From: open,
		Moves: []Move{{StateRegistered, StateAssessing, "no risk"}, {StateRegistered, StateAwaitingPolice, "possible risk"},
			{StateAssessing, StateAwaitingPolice, "possible risk"}, {StateDecisionInForce, StateAwaitingPolice, "possible risk"}},
		Guards: []Guard{{"AS2", "reasoned; a possible risk asks a police district for a statement; a newer \"no risk\" lifts nothing", func(*Case, *Step) error { return nil }}}}
	RecordPoliceStatement = Transition{Name: "recordPoliceStatement", Who: "caseworker, decision maker, the police",
		From: open,
		Moves: []Move{{StateAwaitingPolice, StateBlocked, "risk confirmed"}, {StateAwaitingPolice, StateAssessing, "ruled out, no decision"},
			{StateAwaitingPolice, StateDecisionInForce, "ruled out, decided"}, {StateBlocked, StateAssessing, "ruled out"}},
		Guards: []Guard{{"AS2", "the assessment awaits the police's statement", func(*Case, *Step) error { return nil }}}}
	LiftSecurityConcern = Transition{Name: "recordSecurityFinding", Who: "decision maker",
		From:  []EventState{StateAwaitingPolice, StateBlocked},
		Moves: []Move{{StateAwaitingPolice, StateAssessing, ""}, {StateBlocked, StateAssessing, ""}},
		Guards: []Guard{{"AS2", "a decision maker's reasoned finding, recorded after the risk or the request",
			func(c *Case, s *Step) error {
				return CheckSecurityFinding(s.DecisionMaker, c.SecurityNow(), s.Reasoning)
			}}}}
	AssessRecipient = Transition{Name: "recordSignificanceAssessment", Who: "caseworker, decision maker",
		From: []EventState{StateAwaitingPolice, StateBlocked, StateAssessing, StateWithdrawn},
		Done: decided,
		Guards: []Guard{notYetDecided,
			{"AS3", "a concrete assessment of the factors, particularly careful for a minor, reasoned (RC1–RC4, AS3–AS5, RC10)", func(*Case, *Step) error { return nil }}}}
	Decide = Transition{Name: "decideNotification", Who: "decision maker at the deciding level (DC2)",
		From:   []EventState{StateAssessing, StateWithdrawn},
		Moves:  []Move{{StateAssessing, StateDecided, ""}, {StateWithdrawn, StateDecided, "a new decision"}},
		Done:   decided,
		Guards: []Guard{securityCleared, everyoneAssessed, someoneToNotify, decisionReasoned}}
	InformConvict = Transition{Name: "recordConvictInformed", Who: "caseworker, decision maker (impracticable: decision maker)",
		From:   []EventState{StateDecided},
		Moves:  []Move{{StateDecided, StateAppealWindow, "informed"}, {StateDecided, StateFinal, "impracticable, or waived"}},
		Done:   []EventState{StateAppealWindow, StateAppealed, StateFinal},
		Guards: []Guard{convictInformedLawfully, oralAnswerRecorded}}
	RegisterAppeal = Transition{Name: "registerAppeal", Who: "caseworker, decision maker",
		From:   []EventState{StateAppealWindow, StateFinal},
		Moves:  []Move{{StateAppealWindow, StateAppealed, ""}, {StateFinal, StateAppealed, "a late appeal"}},
		Done:   []EventState{StateAppealed},
		Guards: []Guard{{"DC7", "the convict appeals a decision in force", func(*Case, *Step) error { return nil }}, representativeAllowed}}
	DecideAppeal = Transition{Name: "decideAppeal", Who: "decision maker at the level above (DC7)",
		From:   []EventState{StateAppealed},
		Moves:  []Move{{StateAppealed, StateFinal, "upheld"}, {StateAppealed, StateOverturned, "overturned"}},
		Done:   []EventState{StateFinal, StateOverturned},
		Guards: []Guard{appealReasoned}}
	PrepareNotices = Transition{Name: "prepareNotices", Who: "caseworker, decision maker",
		From:   decided,
		Guards: []Guard{decisionInForce, securityCleared}}
	MoveEvent = Transition{Name: "moveCustodyEvent", Who: "caseworker, decision maker",
		From: open,
		Guards: []Guard{{"NT8", "a reasoned change to a new time (EV6); unsent notices follow it, and whoever was told the old time gets a correction",
			func(c *Case, s *Step) error {
				return CheckMove(EventFacts{StartsAt: c.Event.StartsAt, EndsAt: c.Event.EndsAt, DateOnly: c.Event.DateOnly},
					s.Event.StartsAt, s.Event.EndsAt, s.Event.DateOnly, s.Reasoning)
			}}}}
	CancelEvent = Transition{Name: "cancelCustodyEvent", Who: "caseworker, decision maker",
		From:  open,
		Moves: []Move{{StateRegistered, StateCancelled, ""}, {StateAwaitingPolice, StateCancelled, ""}, {StateBlocked, StateCancelled, ""}, {StateAssessing, StateCancelled, ""}, {StateDecisionInForce, StateCancelled, ""}, {StateOverturned, StateCancelled, ""}, {StateWithdrawn, StateCancelled, ""}},
		Guards: []Guard{{"NT8", "a reasoned cancellation; unsent notices are cancelled, and whoever was told of the event gets a cancellation",
			func(c *Case, s *Step) error { return CheckChangeReason(s.Reasoning) }}}}
	WithdrawDecision = Transition{Name: "withdrawDecision", Who: "decision maker at the deciding level (DC2)",
		// Not while an appeal is pending: the level above decides it (DC7).
		From:  []EventState{StateDecided, StateAppealWindow, StateFinal, StateAwaitingPolice, StateBlocked},
		Moves: []Move{{StateDecided, StateWithdrawn, ""}, {StateAppealWindow, StateWithdrawn, ""}, {StateFinal, StateWithdrawn, ""}},
		Done:  []EventState{StateWithdrawn},
		Guards: []Guard{decisionInForce,
			{"DC1", "a decision maker withdraws the decision in writing, with the reasons; unsent notices are cancelled, and whoever was told gets a cancellation (NT8)",
				func(_ *Case, s *Step) error { return CheckWithdrawal(s.DecisionMaker, s.Reasoning) }}}}
	MarkEventInError = Transition{Name: "markRegisteredInError", Who: "caseworker, decision maker",
		From: open,
		Moves: []Move{{StateRegistered, StateInError, ""}, {StateAwaitingPolice, StateInError, ""}, {StateBlocked, StateInError, ""},
			{StateAssessing, StateInError, ""}, {StateDecisionInForce, StateInError, ""}, {StateOverturned, StateInError, ""}, {StateWithdrawn, StateInError, ""}},
		Guards: []Guard{{"NT8", "a reasoned correction of a registration made in error, of which nothing has reached anyone (else the event is cancelled, so whoever was told gets a cancellation); unsent notices are cancelled",
			func(c *Case, s *Step) error { return CheckInError(c, s.Reasoning) }}}}
	AppealDeadlinePasses = Transition{Name: "appeal deadline passes", Who: "time",
		From:   []EventState{StateAppealWindow},
		Moves:  []Move{{StateAppealWindow, StateFinal, ""}},
		Guards: []Guard{{"DC4", "the 7-day deadline, moved past weekends and public holidays, has passed", func(*Case, *Step) error { return nil }}}}
)

// EventTransitions is the event lifecycle's table.
func EventTransitions() []Transition {
	return []Transition{RegisterEvent, RecordConditions, RequestInformation, AssessSecurity, RecordPoliceStatement,
		LiftSecurityConcern, AssessRecipient, Decide, InformConvict, RegisterAppeal, DecideAppeal, PrepareNotices,
		MoveEvent, CancelEvent, WithdrawDecision, MarkEventInError, AppealDeadlinePasses}
}

// Notice transitions.
var (
	PrepareNotice = NoticeTransition{Name: "prepare", Who: "caseworker, decision maker",
		To:     NoticeHeld,
		Guards: []Guard{decisionInForce, securityCleared, notReserved}}
	ReleaseNotice = NoticeTransition{Name: "release", Who: "the service, when the rules allow; earlier a decision maker",
		From: []NoticeStatus{NoticeHeld}, To: NoticeReady,
		Guards: []Guard{securityCleared, appealSettled, addresseeToday}}
	HoldNotice = NoticeTransition{Name: "hold", Who: "the service: an appeal is registered or a police statement awaited",
		From: []NoticeStatus{NoticeReady, NoticeSending}, To: NoticeHeld,
		Guards: []Guard{{"DC5", "an appeal pending, or a police statement awaited (AS2), holds what has not left", func(*Case, *Step) error { return nil }}}}
	DispatchLetter = NoticeTransition{Name: "dispatchLetter", Who: "caseworker, decision maker",
		From: []NoticeStatus{NoticeReady}, To: NoticeSending, Guards: append([]Guard{lawfulChannel}, sendGuards...)}
	DispatchDigipost = NoticeTransition{Name: "dispatchDigipost", Who: "caseworker, decision maker",
		From: []NoticeStatus{NoticeReady}, To: NoticeSending, Guards: append([]Guard{lawfulChannel}, sendGuards...)}
	DispatchPhone = NoticeTransition{Name: "dispatchPhone", Who: "caseworker, decision maker",
		From: []NoticeStatus{NoticeReady}, To: NoticeSent, Guards: append([]Guard{lawfulChannel}, sendGuards...)}
	DispatchPolice = NoticeTransition{Name: "dispatchPolice", Who: "caseworker, decision maker",
		From: []NoticeStatus{NoticeReady}, To: NoticeSent, Guards: append([]Guard{lawfulChannel}, sendGuards...)}
	MarkPosted = NoticeTransition{Name: "markPosted", Who: "caseworker, decision maker",
		From: []NoticeStatus{NoticeSending}, To: NoticeSent, Guards: sendGuards}
	DigipostSent = NoticeTransition{Name: "digipostSent", Who: "the service (Digipost job)",
		From: []NoticeStatus{NoticeSending}, To: NoticeSent, Guards: sendGuards}
	DigipostRejected = NoticeTransition{Name: "digipostRejected", Who: "the service (Digipost job)",
		From: []NoticeStatus{NoticeSending}, To: NoticeReady,
		Guards: []Guard{{"NT1", "the recipient cannot get Digipost: the notice goes back to be sent another way", func(*Case, *Step) error { return nil }}}}
	ConfirmDelivery = NoticeTransition{Name: "confirmDelivery", Who: "the police",
		From: []NoticeStatus{NoticeSent}, To: NoticeDelivered,
		Guards: []Guard{{"RC9", "the police deliver a notice they were asked to deliver and that was not withdrawn", func(*Case, *Step) error { return nil }}}}
	PoliceDeclined = NoticeTransition{Name: "policeDeclined", Who: "the police",
		From: []NoticeStatus{NoticeSent}, To: NoticeReady,
		Guards: []Guard{{"RC9", "the police will not deliver: the notice goes back to be sent another way", func(*Case, *Step) error { return nil }}}}
	WithdrawFromPolice = NoticeTransition{Name: "withdrawFromPolice", Who: "the service, when a risk is confirmed or the decision falls",
		From: []NoticeStatus{NoticeSent}, To: NoticeCancelled,
		Guards: []Guard{{"AS2", "a notice the police hold and have not delivered is withdrawn with the request (AS2, DC7)", func(*Case, *Step) error { return nil }}}}
	CancelNotice = NoticeTransition{Name: "cancel", Who: "caseworker, decision maker; the service when security, the decision or the facts change",
		From: []NoticeStatus{NoticeHeld, NoticeReady, NoticeSending}, To: NoticeCancelled,
		Guards: []Guard{{"NT6", "a notice that has left cannot be stopped", func(*Case, *Step) error { return nil }}}}
	ReaddressNotice = NoticeTransition{Name: "readdress", Who: "the service, when the recipient's age or guardianship changes who it goes to",
		From: []NoticeStatus{NoticeHeld, NoticeReady, NoticeSending}, To: NoticeCancelled,
		Guards: []Guard{{"RC5", "a new notice to the right addressee replaces it", func(*Case, *Step) error { return nil }}}}
	FollowChange = NoticeTransition{Name: "followChange", Who: "the service, when the event is moved or a recipient's standard changes",
		From:   []NoticeStatus{NoticeHeld, NoticeReady}, // To: unchanged
		Guards: []Guard{{"NT8", "a notice that has not left tells the facts as they stand", func(*Case, *Step) error { return nil }}}}
	PrepareFollowUp = NoticeTransition{Name: "prepareFollowUp", Who: "the service, when the event is moved or cancelled, or the decision withdrawn, after someone was told",
		To:     NoticeHeld,
		Guards: []Guard{notReserved}}
	DocumentPhone = NoticeTransition{Name: "documentPhone", Who: "caseworker, decision maker",
		From: []NoticeStatus{NoticeSent}, To: NoticeSent,
		Guards: []Guard{{"NT1", "a notice given by telephone is documented in writing", func(*Case, *Step) error { return nil }}}}
)

// NoticeTransitions is the notice lifecycle's table.
func NoticeTransitions() []NoticeTransition {
	return []NoticeTransition{PrepareNotice, ReleaseNotice, HoldNotice, DispatchLetter, DispatchDigipost, DispatchPhone,
		DispatchPolice, MarkPosted, DigipostSent, DigipostRejected, ConfirmDelivery, PoliceDeclined, WithdrawFromPolice,
		CancelNotice, ReaddressNotice, FollowChange, PrepareFollowUp, DocumentPhone}
}

// CheckMaySend checks, at the moment a notice is to leave, every guard that
// must hold then (I1, I3, I4, I5, I7, I8).
func CheckMaySend(c *Case, n *CaseNotice) error {
	s := Step{Notice: n}
	for _, g := range sendGuards {
		if err := g.Check(c, &s); err != nil {
			return err
		}
	}
	return nil
}
