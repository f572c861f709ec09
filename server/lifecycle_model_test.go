package server_test

import (
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"pgregory.net/rapid"

	"varsel/dbtest"
	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/auditevent"
	"varsel/ent/convict"
	"varsel/ent/criminalcase"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/guardian"
	"varsel/ent/notice"
	"varsel/ent/notificationagreement"
	"varsel/ent/policerequest"
	"varsel/ent/privacy"
	"varsel/ent/reservation"
	"varsel/ent/securityassessment"
	"varsel/ent/survivor"
	"varsel/ent/victim"
	"varsel/rules"
)

// The model-based test of the lifecycle: random sequences of every workflow
// mutation, as every seeded role, with valid and invalid input, against the
// real service over its API. After every call it reads the database
// directly and checks the invariants of the rulebook — written here again,
// from RULEBOOK.md, and not with rules.CheckInvariants, so that a fault in
// the guards or in the invariants the service checks itself is caught too:
//
//	I1 AS2   no notice is ready or sent while security is not cleared
//	I2 AS1   no decision while a potential recipient registered before it lacks an assessment
//	I3 DC5   no notice of an event notified in advance is ready or sent before the
//	         decision is final, unless a decision maker justified it; none while appealed
//	I4 RC5–7 a notice goes to the recipient if 18 or over and not under guardianship
//	         on the day it is sent, else to a guardian who is not the convict
//	I5 RC9   no part of a code-6 address is stored; no address reaches a recipient (NT4)
//	I6 NT6   one notice per addressee, none sent twice
//	I7 RC10  none to a recipient who reserved against notices
//	I8 NT2   a notice sent after its due date is marked late and justified
//	I9 PR3   every change is in the audit trail, and the chain verifies
//	I10      every refusal names a rule of the rulebook and its provision, holds no
//	         personal data (PR6), and stores nothing
//
// and a few more that the rulebook makes plain (EV1–EV4, RC1, AS2 at the
// decision, DC1, DC3, DC7, NT1). Besides the invariants, the model knows
// from the rulebook when a call must be refused — a decision while the
// police's statement is awaited, a notice released before the appeal
// deadline, a code-6 postal code — and fails when one is accepted.
//
// `go test ./server -run TestLifecycleModel` runs 200 sequences of about 30
// steps on SQLite and 30 on PostgreSQL (about a minute), as make test does;
// under the race detector, which makes the service some eight times slower,
// 25 and 5. -rapid.checks=N runs N on each, and -rapid.steps=N
// makes sequences longer. A failing sequence is printed shrunk, with how to
// replay it.

// modelChecks are the sequences run on each database unless -rapid.checks
// (or RAPID_CHECKS) says otherwise.
var modelChecks = func() map[string]int {
	if raceDetector {
		return map[string]int{dialect.SQLite: 25, dialect.Postgres: 5}
	}
	return map[string]int{dialect.SQLite: 200, dialect.Postgres: 30}
}()

func TestLifecycleModel(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			start := time.Now()
			// The periodic jobs run once at start and not again: nothing
			// moves but what the sequence does.
			ts := startServer(t, d, "VARSEL_JOB_INTERVAL=240h")
			w := newModelWorld(t, ts)
			withRapidChecks(t, modelChecks[d])
			rapid.Check(t, w.sequence)
			w.chainVerifies(t)
			w.report(t, time.Since(start))
		})
	}
}

// withRapidChecks sets rapid's number of checks for the test, unless it was
// given on the command line or in the environment.
func withRapidChecks(t *testing.T, n int) {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "rapid.checks" })
	if _, env := os.LookupEnv("RAPID_CHECKS"); given || env {
		return
	}
	f := flag.Lookup("rapid.checks")
	old := f.Value.String()
	if err := f.Value.Set(strconv.Itoa(n)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Value.Set(old) })
}

// modelUsers are the seeded users the sequences act as.
var modelUsers = []string{"saksbehandler", "saksbehandler2", "beslutter", "region", "politi", "politi2", "analytiker", "revisor", "admin"}

// modelWorld is what the sequences on one server share.
type modelWorld struct {
	ts          *testServer
	db          *ent.Client
	tokens      map[string]string
	oslo, vest  string // police districts
	rulebook    map[string]bool
	identities  int
	calls       map[string]int // "decideNotification ok", "… refused AS2"
	reached     map[string]int // how far the sequences got
	sequences   int
	steps       int
	refusedMust int
}

func newModelWorld(t *testing.T, ts *testServer) *modelWorld {
	w := &modelWorld{ts: ts, db: ts.srv.EntClient(), tokens: map[string]string{}, rulebook: map[string]bool{},
		calls: map[string]int{}, reached: map[string]int{}}
	for _, u := range modelUsers {
		w.tokens[u] = ts.token(u)
	}
	w.oslo = policeDistrict(ts, "Oslo politidistrikt")
	w.vest = policeDistrict(ts, "Vest politidistrikt")
	for _, r := range rules.Rulebook() {
		w.rulebook[r.ID] = true
	}
	return w
}

// report logs what the sequences did, and fails when they never got far
// enough to prove anything.
func (w *modelWorld) report(t *testing.T, took time.Duration) {
	keys := make([]string, 0, len(w.calls))
	for k := range w.calls {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "  %-60s %d\n", k, w.calls[k])
	}
	t.Logf("%d sequences, %d steps in %s; calls:\n%s reached: %v", w.sequences, w.steps, took.Round(time.Second), b.String(), w.reached)
	// Only a run of many sequences is sure to get everywhere: a state that
	// one sequence in twenty reaches is missed by 30 sequences one time in
	// five, by 200 one time in 30,000.
	if t.Failed() || w.sequences < 100 {
		return
	}
	// The sequences must reach the states the invariants are about.
	for _, what := range []string{"notice SENT", "notice READY", "decision IN_FORCE", "appeal UPHELD", "appeal OVERTURNED",
		"security RISK_CONFIRMED", "security AWAITING_POLICE", "notice to guardian"} {
		if w.reached[what] == 0 {
			t.Errorf("no sequence reached %s: the model does not get far enough", what)
		}
	}
}

// ---------------------------------------------------------------------------
// One sequence.

type model struct {
	w  *modelWorld
	rt *rapid.T

	convict    int
	convictNIN string
	forvaring  bool
	cases      []*ent.CriminalCase
	// names, identity numbers and address texts of this sequence: none may
	// appear in an error message (PR6), no address in a notice (NT4).
	names, numbers, addresses []string

	snap      *modelSnap      // the database after the last call
	seen      map[string]bool // states the sequence reached
	auditFrom int64           // the audit trail's last sequence number before the sequence
}

func (w *modelWorld) sequence(rt *rapid.T) {
	w.sequences++
	m := &model{w: w, rt: rt, seen: map[string]bool{}}
	// Each sequence plays on its own dates, up to two years ahead, on a
	// clock that moves only when read or advanced.
	day := rapid.IntRange(0, 730).Draw(rt, "start day")
	w.ts.clock.tickFrom(rules.DateOf(time.Now()).AddDate(0, 0, day).Add(9 * time.Hour))
	m.auditFrom = m.lastAuditSeq()
	m.setUp()
	// The sequences share the server, each on its own dates: what one leaves
	// waiting is cancelled, so that the release job of a later sequence,
	// on an earlier date, does not find it.
	rt.Cleanup(m.cancelWaiting)
	rt.Repeat(map[string]func(*rapid.T){"do": m.step, "": func(*rapid.T) {}})
	m.finish()
	for k := range m.seen {
		w.reached[k]++
	}
}

func (m *model) now() time.Time   { return m.w.ts.clock.Now() }
func (m *model) today() time.Time { return rules.DateOf(m.now()) }

// setUp registers a convict with a case and victims: a fresh world for the
// sequence.
func (m *model) setUp() {
	profile := rapid.SampledFrom([]string{"ordinary", "ordinary", "ordinary", "ordinary", "forvaring", "long"}).Draw(m.rt, "convict")
	m.forvaring = profile == "forvaring"
	m.w.identities++
	m.convictNIN = m.identity(rules.Date(1960, 1, 1).AddDate(0, 0, m.w.identities), 500)
	c := m.must("saksbehandler", mopRegisterConvict, map[string]any{"name": "Domfelt Modell", "nationalIdentityNumber": m.convictNIN,
		"servingPreventiveDetention": m.forvaring, "sentenceOverTenYears": profile == "long"})
	m.convict = atoi(get(c, "registerConvict", "id"))
	m.addCase("SERVING")
	switch rapid.IntRange(0, 5).Draw(m.rt, "another case") {
	case 4:
		m.addCase("COMPLETED")
	case 5:
		m.addCase("LAPSED_BY_PREVENTIVE_DETENTION")
	}
	for i, n := 0, rapid.IntRange(1, 3).Draw(m.rt, "victims"); i < n; i++ {
		m.addPerson(m.cases[0].ID, true)
	}
	if len(m.cases) > 1 {
		m.addPerson(m.cases[1].ID, true)
	}
	m.snap = m.load()
	m.registerEvent(true)
}

func (m *model) addCase(status string) {
	n := len(m.cases) + 1
	cat := rapid.SampledFrom([]string{"VIOLENCE", "SEXUAL", "THREATS", "HOMICIDE", "PROPERTY"}).Draw(m.rt, "offence")
	c := m.must("saksbehandler", mopAddCase, map[string]any{"convictId": itoa(m.convict), "caseNumber": fmt.Sprintf("24-%06d-MED-OSLO/%d", m.convict%1000000, n),
		"judgmentDate": "2023-03-01", "offenceCategories": []string{cat}, "status": status})
	m.cases = append(m.cases, &ent.CriminalCase{ID: atoi(get(c, "addCriminalCase", "id")), Status: rules.CaseStatus(status)})
}

// must runs a call that sets a sequence up; it must succeed.
func (m *model) must(user, query string, in map[string]any) map[string]any {
	r := m.w.ts.do(m.w.tokens[user], query, map[string]any{"in": in})
	if len(r.Errors) > 0 {
		m.rt.Fatalf("setting up: %s: %+v", user, r.Errors)
	}
	return r.Data
}

// cancelWaiting cancels the sequence's notices that have not gone.
func (m *model) cancelWaiting() {
	for _, ev := range m.load().events {
		for _, n := range ev.Edges.Notices {
			if n.Status.Unsent() {
				m.w.ts.do(m.w.tokens["saksbehandler"], mopCancel, map[string]any{"in": map[string]any{"noticeId": itoa(n.ID), "reason": "Testen er slutt."}})
			}
		}
	}
}

// finish checks, every 25 sequences, that the audit chain verifies (I9);
// the test checks it once more at the end.
func (m *model) finish() {
	if m.w.sequences%25 == 0 {
		m.w.chainVerifies(m.rt)
	}
}

func (w *modelWorld) chainVerifies(t interface{ Fatalf(string, ...any) }) {
	r := w.ts.do(w.tokens["revisor"], `{ auditChainStatus { intact checked firstBrokenSeq problem } }`, nil)
	if len(r.Errors) > 0 || get(r.Data, "auditChainStatus", "intact") != true {
		t.Fatalf("I9 (PR3): the audit chain does not verify: %v %v", r.Errors, r.Data)
	}
}

// lastAuditSeq is the audit trail's last sequence number.
func (m *model) lastAuditSeq() int64 {
	last, err := m.w.db.AuditEvent.Query().Order(ent.Desc(auditevent.FieldSeq)).First(privacy.DecisionContext(context.Background(), privacy.Allow))
	if err != nil {
		m.rt.Fatalf("reading the audit trail: %v", err)
	}
	return last.Seq
}

// identity is a synthetic identity number (PR1) for a birth date.
func (m *model) identity(birth time.Time, individual int) string {
	n, err := rules.SyntheticIdentityNumber(birth, individual)
	if err != nil {
		m.rt.Fatalf("identity number: %v", err)
	}
	m.numbers = append(m.numbers, n)
	return n
}

// ---------------------------------------------------------------------------
// Steps. Each step is drawn by weight; most take their target from the
// database as it stands, and draw a variant: 0 is valid input by the right
// person, the others are the mistakes the rulebook must refuse.

type modelAction struct {
	name   string
	weight int
	run    func(m *model)
}

var modelActions = []modelAction{
	{"next step of an event", 14, (*model).next},
	{"clock", 4, (*model).clock},
	{"registerCustodyEvent", 2, func(m *model) { m.registerEvent(false) }},
	{"recordConditions", 1, (*model).conditions},
	{"requestInformation", 1, (*model).requestInformation},
	{"recordSecurityAssessment", 3, (*model).security},
	{"police statement", 2, (*model).policeStatement},
	{"recordSecurityFinding", 1, (*model).finding},
	{"recordSignificanceAssessment", 3, (*model).assess},
	{"decideNotification", 3, (*model).decide},
	{"recordConvictInformed", 3, (*model).inform},
	{"registerAppeal", 2, (*model).registerAppeal},
	{"decideAppeal", 2, (*model).decideAppeal},
	{"prepareNotices", 3, (*model).prepare},
	{"releaseNotice", 2, (*model).release},
	{"dispatchNotice", 4, (*model).dispatch},
	{"markNoticePosted", 2, (*model).posted},
	{"documentPhoneNotice", 1, (*model).documentPhone},
	{"police delivery", 2, (*model).policeDelivery},
	{"cancelNotice", 1, (*model).cancel},
	{"reservation", 2, (*model).reservation},
	{"recordNotificationAgreement", 1, (*model).agreement},
	{"add a person", 2, (*model).addSomeone},
	{"someone outside the case", 2, (*model).outsider},
}

// modelMenu lists each action's name as often as its weight.
var modelMenu, modelRun = func() ([]string, map[string]func(*model)) {
	var menu []string
	run := map[string]func(*model){}
	for _, a := range modelActions {
		for range a.weight {
			menu = append(menu, a.name)
		}
		run[a.name] = a.run
	}
	return menu, run
}()

func (m *model) step(rt *rapid.T) {
	m.rt = rt
	m.w.steps++
	modelRun[rapid.SampledFrom(modelMenu).Draw(rt, "step")](m)
}

// variant draws how a step is taken: 0 as it should be, 1…n a mistake.
func (m *model) variant(n int) int {
	if rapid.IntRange(0, 9).Draw(m.rt, "valid") < 7 {
		return 0
	}
	return rapid.IntRange(1, n).Draw(m.rt, "mistake")
}

func pick[T any](m *model, label string, xs []T) (T, bool) {
	var zero T
	if len(xs) == 0 {
		return zero, false
	}
	return xs[rapid.IntRange(0, len(xs)-1).Draw(m.rt, label)], true
}

// event picks an event, preferring those in the wanted states.
func (m *model) event(want ...string) *ent.CustodyEvent {
	var preferred []*ent.CustodyEvent
	for _, ev := range m.snap.events {
		if slices.Contains(want, m.snap.state(ev)) {
			preferred = append(preferred, ev)
		}
	}
	if len(preferred) > 0 && rapid.IntRange(0, 4).Draw(m.rt, "preferred") > 0 {
		ev, _ := pick(m, "event", preferred)
		return ev
	}
	ev, ok := pick(m, "event", m.snap.events)
	if !ok {
		return nil
	}
	return ev
}

// noticeOf picks a notice, preferring those in the wanted statuses.
func (m *model) notice(want ...rules.NoticeStatus) (*ent.CustodyEvent, *ent.Notice) {
	type en struct {
		ev *ent.CustodyEvent
		n  *ent.Notice
	}
	var all, preferred []en
	for _, ev := range m.snap.events {
		for _, n := range ev.Edges.Notices {
			all = append(all, en{ev, n})
			if slices.Contains(want, n.Status) {
				preferred = append(preferred, en{ev, n})
			}
		}
	}
	if len(preferred) > 0 && rapid.IntRange(0, 4).Draw(m.rt, "preferred") > 0 {
		all = preferred
	}
	x, ok := pick(m, "notice", all)
	if !ok {
		return nil, nil
	}
	return x.ev, x.n
}

// deciderOf is the decision maker at the event's deciding level (DC2).
func deciderOf(ev *ent.CustodyEvent) string {
	if ev.DecidingLevel == rules.RegionLevel {
		return "region"
	}
	return "beslutter"
}

// ---------------------------------------------------------------------------
// The steps.

var (
	notifiableKinds = []string{"LEAVE", "LEAVE", "DAY_RELEASE", "ESCAPE", "RELEASE", "SERVING_OUTSIDE_PRISON", "ELECTRONIC_MONITORING",
		"INTERRUPTION", "PAROLE_FROM_PREVENTIVE_DETENTION", "RESIDENCE_CHANGE_ON_PAROLE"}
	otherKinds = []string{"ESCORTED_APPEARANCE", "HOSPITAL_ADMISSION", "INSTITUTION_STAY", "TRANSFER_TO_OTHER_PRISON",
		"SENTENCE_TRANSFER_ABROAD", "RELEASE_AT_TIME_FRAME_END", "OTHER"}
)

func (m *model) registerEvent(valid bool) {
	v := 0
	if !valid {
		v = m.variant(3)
	}
	kind := rapid.SampledFrom(notifiableKinds).Draw(m.rt, "kind")
	if v == 1 {
		kind = rapid.SampledFrom(otherKinds).Draw(m.rt, "kind")
	}
	in := map[string]any{"convictId": itoa(m.convict), "kind": kind}
	days := rapid.IntRange(1, 45).Draw(m.rt, "days ahead")
	start := m.now().AddDate(0, 0, days).Truncate(time.Hour)
	if kind == "ESCAPE" {
		start = m.now().Add(-time.Duration(rapid.IntRange(1, 30).Draw(m.rt, "hours ago")) * time.Hour)
	} else {
		in["endsAt"] = rfc3339(start.Add(48 * time.Hour))
	}
	in["startsAt"] = rfc3339(start)
	fullTerm := kind == "RELEASE" && (v == 2 || rapid.Bool().Draw(m.rt, "full term"))
	in["fullTermRelease"] = fullTerm
	if kind == "RESIDENCE_CHANGE_ON_PAROLE" {
		in["probationEndsOn"] = m.today().AddDate(1, 0, 0).Format(time.DateOnly)
	}
	var why []string
	switch {
	case kind == "RELEASE_AT_TIME_FRAME_END":
		why = append(why, "EV3: release at the end of the forvaring time frame")
	case slices.Contains(otherKinds, kind):
		why = append(why, "EV2: "+kind+" is not notifiable")
	case fullTerm && m.forvaring:
		why = append(why, "EV3: the full-term release of a forvaring convict")
	case kind == "RESIDENCE_CHANGE_ON_PAROLE" && m.forvaring:
		why = append(why, "EV4: residence change for parole from forvaring")
	}
	user := "saksbehandler"
	if v == 3 {
		user = rapid.SampledFrom([]string{"saksbehandler2", "politi", "analytiker"}).Draw(m.rt, "outsider")
		why = append(why, user+" is outside the convict's unit")
	}
	m.call("registerCustodyEvent", user, mopRegisterEvent, in, why)
}

func (m *model) conditions() {
	ev := m.event("REGISTERED", "ASSESSING", "DECIDED")
	if ev == nil {
		return
	}
	v := m.variant(3)
	residence := map[string]any{"kind": "RESIDENCE", "area": rapid.SampledFrom([]string{"Drammen", "Bergen kommune", "Vestland"}).Draw(m.rt, "area"),
		"areaLevel": "TOWN"}
	contact := map[string]any{"kind": "NO_CONTACT", "description": "Ingen kontakt med fornærmede."}
	var why []string
	switch v {
	case 1:
		residence["area"] = m.address()
		why = append(why, "NT4: a residence given as an address")
	case 2: // finding 6: an address in a condition's description
		contact["description"] = "Skal ikke oppsøke " + m.address() + "."
		why = append(why, "NT4: an address in a condition's description")
	case 3:
		contact["area"] = "Drammen"
		why = append(why, "only a residence has an area")
	}
	ids := []string{}
	for _, r := range m.snap.recipients() {
		if r.kind == rules.VictimRecipient {
			ids = append(ids, itoa(r.id))
		}
	}
	residence["concernsVictimIds"], contact["concernsVictimIds"] = ids, ids
	m.call("recordConditions", "saksbehandler", mopConditions,
		map[string]any{"custodyEventId": itoa(ev.ID), "conditions": []any{residence, contact}}, why)
}

// address is a street address, as a caseworker might write one where none
// belongs.
func (m *model) address() string {
	a := rapid.SampledFrom([]string{"Storgata 17", "Kirkeveien 4B", "Sagveien 2", "Postboks 45", "Trondheimsveien 113", "Tøyengata 3"}).Draw(m.rt, "address")
	m.addresses = append(m.addresses, a)
	return a
}

func (m *model) requestInformation() {
	ev := m.event()
	if ev == nil {
		return
	}
	in := map[string]any{"custodyEventId": itoa(ev.ID), "source": "CHILD_WELFARE", "purpose": "Opplysninger om barnets situasjon før vurderingen."}
	var why []string
	switch m.variant(2) {
	case 1:
		in["source"] = "RECIPIENT"
		why = append(why, "AS7: the recipient is not asked before the decision")
	case 2:
		in["purpose"] = " "
		why = append(why, "AS6: a request states its purpose")
	}
	m.call("requestInformation", "saksbehandler", mopRequestInformation, in, why)
}

func (m *model) security() {
	// Also where a risk stands or the police are asked: a newer assessment
	// then lifts nothing (AS2).
	ev := m.event("REGISTERED", "ASSESSING", "DECIDED", "APPEAL_WINDOW", "FINAL", "BLOCKED", "AWAITING_POLICE")
	if ev == nil {
		return
	}
	m.securityOf(ev, m.variant(3), rapid.IntRange(0, 2).Draw(m.rt, "possible risk") == 0)
}

func (m *model) securityOf(ev *ent.CustodyEvent, v int, risk bool) {
	in := map[string]any{"custodyEventId": itoa(ev.ID), "possibleRevengeRisk": risk, "reasoning": "Vurdert ut fra saken og dommen."}
	if risk {
		in["policeDistrictId"] = m.w.oslo
	}
	var why []string
	user := rapid.SampledFrom([]string{"saksbehandler", "beslutter"}).Draw(m.rt, "by")
	switch v {
	case 1:
		in["reasoning"] = ""
		why = append(why, "AS2: the security assessment is reasoned")
	case 2:
		in["possibleRevengeRisk"] = true
		delete(in, "policeDistrictId")
		why = append(why, "AS2: a possible risk asks a police district")
	case 3:
		user = rapid.SampledFrom([]string{"politi", "analytiker", "saksbehandler2"}).Draw(m.rt, "outsider")
		why = append(why, user+" may not assess security")
	}
	if ev.Status != custodyevent.StatusOPEN {
		why = append(why, "the event is not open")
	}
	m.call("recordSecurityAssessment", user, mopSecurity, in, why)
}

// policeStatement answers a security assessment that waits for the police:
// in the portal by the police district asked, or recorded by the unit.
func (m *model) policeStatement() {
	var waiting []*ent.SecurityAssessment
	var all []*ent.SecurityAssessment
	for _, ev := range m.snap.events {
		for _, sa := range ev.Edges.SecurityAssessments {
			all = append(all, sa)
			if sa.Outcome == rules.AwaitingPolice {
				waiting = append(waiting, sa)
			}
		}
	}
	if len(waiting) > 0 && rapid.IntRange(0, 4).Draw(m.rt, "preferred") > 0 {
		all = waiting
	}
	sa, ok := pick(m, "security assessment", all)
	if !ok {
		return
	}
	m.statementOn(sa, m.variant(3), rapid.IntRange(0, 2).Draw(m.rt, "risk confirmed") == 0)
}

func (m *model) statementOn(sa *ent.SecurityAssessment, v int, confirmed bool) {
	var why []string
	if sa.Outcome != rules.AwaitingPolice {
		why = append(why, "AS2: the assessment waits for no statement")
	}
	statement := "Politiet kjenner ikke til noe som tilsier fare."
	if confirmed {
		statement = "Politiet kjenner til trusler mot domfelte."
	}
	if v == 1 {
		statement = ""
		why = append(why, "AS2: the statement is written")
	}
	if rapid.Bool().Draw(m.rt, "in the portal") {
		pr := sa.Edges.PoliceRequest
		if pr == nil {
			return
		}
		user := "politi"
		if v == 2 {
			user = "politi2"
			why = append(why, "politi2 is not the district asked (PR5)")
		}
		if pr.Status != policerequest.StatusOPEN && pr.Status != policerequest.StatusACKNOWLEDGED {
			why = append(why, "the request is closed")
		}
		m.call("completePoliceRequest (statement)", user, mopCompleteRequest,
			map[string]any{"id": itoa(pr.ID), "statement": statement, "riskConfirmed": confirmed}, why)
		return
	}
	user := "saksbehandler"
	if v == 2 {
		user = "politi"
		why = append(why, "the police answer in the portal")
	}
	m.call("recordPoliceStatement", user, mopPoliceStatement,
		map[string]any{"securityAssessmentId": itoa(sa.ID), "riskConfirmed": confirmed, "statement": statement}, why)
}

func (m *model) finding() {
	ev := m.event("AWAITING_POLICE", "BLOCKED")
	if ev == nil {
		return
	}
	m.findingOn(ev, m.variant(2))
}

func (m *model) findingOn(ev *ent.CustodyEvent, v int) {
	in := map[string]any{"custodyEventId": itoa(ev.ID), "reasoning": "Faren er vurdert på nytt etter samtale med politiet; den står ikke lenger ved lag."}
	user := deciderOf(ev)
	var why []string
	if s := m.snap.securityAt(ev, m.now()); s != secRisk && s != secAwaiting {
		why = append(why, "AS2: there is no risk or awaited statement to lift")
	}
	switch v {
	case 1:
		user = "saksbehandler"
		why = append(why, "AS2: only a decision maker lifts a risk")
	case 2:
		in["reasoning"] = "  "
		why = append(why, "AS2: the finding is reasoned")
	}
	m.call("recordSecurityFinding", user, mopFinding, in, why)
}

func (m *model) assess() {
	ev := m.event("ASSESSING", "AWAITING_POLICE")
	if ev == nil {
		return
	}
	rs := m.snap.recipients()
	var unassessed []recipientFacts
	for _, r := range rs {
		if m.snap.assessmentOf(ev, r) == nil {
			unassessed = append(unassessed, r)
		}
	}
	if len(unassessed) > 0 && rapid.IntRange(0, 3).Draw(m.rt, "unassessed") > 0 {
		rs = unassessed
	}
	r, ok := pick(m, "recipient", rs)
	if !ok {
		return
	}
	m.assessOf(ev, r, m.variant(5), rapid.IntRange(0, 3).Draw(m.rt, "notify") > 0)
}

func (m *model) assessOf(ev *ent.CustodyEvent, r recipientFacts, v int, notify bool) {
	minor := r.birth != nil && rules.AgeOn(*r.birth, m.today()) < 18
	f := factors(minor)
	in := map[string]any{"custodyEventId": itoa(ev.ID), "notify": notify, "factors": f,
		"reasoning": "Varsel er av betydning: mottakeren må kunne forberede seg."}
	if r.kind == rules.VictimRecipient {
		in["victimId"] = itoa(r.id)
	} else {
		in["survivorId"] = itoa(r.id)
	}
	if r.siblings > 1 {
		in["severalSurvivorsReasoning"] = "Bare den eldste varsles; de andre bor i utlandet."
	}
	if r.caseStatus == rules.LapsedByPreventiveDetention {
		in["realNeedReasoning"] = "Reelt behov: fornærmede bor i samme by som permisjonen."
	}
	var why []string
	s := m.snap
	if d := s.decisionInForce(ev); d != nil {
		why = append(why, "AS1: the decision is made")
	}
	if s.securityAt(ev, m.now()) == secNotAssessed {
		why = append(why, "AS2: security is assessed first")
	}
	if ev.Status != custodyevent.StatusOPEN {
		why = append(why, "the event is not open")
	}
	if r.caseStatus == rules.Completed {
		why = append(why, "RC1: a victim of a case the convict no longer serves")
	}
	if notify && r.reservedNow(m.now()) {
		why = append(why, "RC10: the recipient reserved against notices")
	}
	switch v {
	case 1:
		if minor {
			delete(f, "minorRecipient")
			why = append(why, "AS4: a minor is assessed particularly carefully")
		}
	case 2:
		in["reasoning"] = ""
		why = append(why, "AS3/AS5: the assessment is reasoned")
	case 3:
		delete(f, "needToPrepare")
		why = append(why, "AS3: the factors are addressed")
	case 4:
		if r.siblings > 1 {
			delete(in, "severalSurvivorsReasoning")
			why = append(why, "RC4: several survivors")
		}
	case 5:
		if r.caseStatus == rules.LapsedByPreventiveDetention {
			delete(in, "realNeedReasoning")
			why = append(why, "RC2: the real need is assessed")
		}
	}
	m.call("recordSignificanceAssessment", "saksbehandler", mopAssess, in, why)
}

func (m *model) decide() {
	// Also where the police are asked or a risk stands: the decision must
	// then be refused (AS2).
	ev := m.event("ASSESSING", "AWAITING_POLICE", "BLOCKED")
	if ev == nil {
		return
	}
	m.decideOn(ev, m.variant(4))
}

func (m *model) decideOn(ev *ent.CustodyEvent, v int) {
	s := m.snap
	in := map[string]any{"custodyEventId": itoa(ev.ID), "reasoning": "Vilkårene for varsling er oppfylt."}
	user := deciderOf(ev)
	var why []string
	if ev.Status != custodyevent.StatusOPEN {
		why = append(why, "the event is not open")
	}
	if s.decisionInForce(ev) != nil {
		why = append(why, "DC1: a decision is in force")
	}
	if sec := s.securityAt(ev, m.now()); sec != secCleared {
		why = append(why, "AS2: security is "+sec)
	}
	notify := false
	for _, r := range s.recipients() {
		a := s.assessmentOf(ev, r)
		notify = notify || (a != nil && a.Outcome == assessment.OutcomeNOTIFY)
		if a == nil && r.required && !r.reservedNow(m.now()) && !r.agreementSettled(s, ev, m.now()) {
			why = append(why, fmt.Sprintf("AS1: %s %d is not assessed", r.kind, r.id))
		}
	}
	if !notify {
		why = append(why, "AS1: no assessment concludes that a notice matters")
	}
	switch v {
	case 1:
		in["reasoning"] = " "
		why = append(why, "DC1: the decision states its reasons")
	case 2:
		in["reasoning"] = ""
		in["reasonsWithheld"] = "SECURITY"
		why = append(why, "DC1: reasons withheld are still recorded")
	case 3:
		user = "saksbehandler"
		why = append(why, "DC1: a caseworker does not decide")
	case 4:
		if user == "beslutter" {
			user = "region"
		} else {
			user = "beslutter"
		}
		why = append(why, "DC2: "+user+" is not at the deciding level")
	}
	if v == 0 && rapid.IntRange(0, 3).Draw(m.rt, "withhold reasons") == 0 {
		in["reasonsWithheld"] = "OTHER_PERSON"
	}
	m.call("decideNotification", user, mopDecide, in, why)
}

func (m *model) inform() {
	ev := m.event("DECIDED")
	if ev == nil {
		return
	}
	m.informOn(ev, m.variant(6))
}

func (m *model) informOn(ev *ent.CustodyEvent, v int) {
	s := m.snap
	d := s.latestDecision(ev)
	if d == nil {
		return
	}
	now := m.now()
	at := now.Add(-time.Duration(rapid.IntRange(0, 120).Draw(m.rt, "minutes ago")) * time.Minute)
	if at.Before(d.DecidedAt) {
		at = d.DecidedAt.Add(time.Minute)
		if at.After(now) {
			at = now
		}
	}
	in := map[string]any{"decisionId": itoa(d.ID), "informedAt": rfc3339(at), "how": "LETTER"}
	user := rapid.SampledFrom([]string{"saksbehandler", "beslutter"}).Draw(m.rt, "by")
	var why []string
	if d.Status != decision.StatusIN_FORCE {
		why = append(why, "the decision is overturned")
	}
	if d.ConvictInformedAt != nil || d.InformingImpracticableReason != "" {
		why = append(why, "DC3: already informed")
	}
	switch v {
	case 0:
		if rapid.IntRange(0, 3).Draw(m.rt, "orally") == 0 {
			in["how"] = "ORAL"
			in["oralAppealAnswer"] = rapid.SampledFrom([]string{"DOES_NOT_APPEAL", "WANTS_TO_APPEAL", "UNDECIDED"}).Draw(m.rt, "answer")
		}
	case 1:
		in["informedAt"] = rfc3339(d.DecidedAt.Add(-2 * time.Hour))
		why = append(why, "DC3: informed before the decision was made")
	case 2:
		in["informedAt"] = rfc3339(now.Add(48 * time.Hour))
		why = append(why, "DC3: informed in the future")
	case 3:
		in["how"] = "ORAL"
		why = append(why, "DC6: the oral answer is recorded")
	case 4: // finding 3: impracticable recorded by a caseworker
		in = map[string]any{"decisionId": itoa(d.ID), "impracticableReason": "Domfelte er innlagt på sykehus."}
		user = "saksbehandler"
		if ev.Kind != rules.Escape {
			why = append(why, "DC3: only a decision maker records informing as impracticable")
		}
	case 5: // impracticable, by a decision maker: allowed, and no appeal window runs
		in = map[string]any{"decisionId": itoa(d.ID), "impracticableReason": "Domfelte er innlagt på sykehus."}
		user = deciderOf(ev)
	case 6:
		user = rapid.SampledFrom([]string{"saksbehandler2", "politi", "analytiker"}).Draw(m.rt, "outsider")
		why = append(why, user+" is outside the case")
	}
	m.call("recordConvictInformed", user, mopInformed, in, why)
}

func (m *model) registerAppeal() {
	ev := m.event("APPEAL_WINDOW", "FINAL")
	if ev == nil {
		return
	}
	d := m.snap.latestDecision(ev)
	if d == nil {
		return
	}
	in := map[string]any{"decisionId": itoa(d.ID), "receivedAt": rfc3339(m.now().Add(-time.Hour)), "grounds": "Domfelte mener varsling er unødvendig."}
	var why []string
	if d.Status != decision.StatusIN_FORCE {
		why = append(why, "the decision is overturned")
	}
	for _, a := range d.Edges.Appeals {
		if a.Status == appeal.StatusPENDING {
			why = append(why, "DC7: an appeal is pending")
		}
	}
	switch m.variant(3) {
	case 0:
		if rapid.Bool().Draw(m.rt, "representative") {
			in["representative"] = map[string]any{"name": "Advokat Berntsen"}
		}
	case 1:
		in["representative"] = map[string]any{"name": "Medinnsatt", "isInmate": true}
		why = append(why, "DC8: an inmate is no representative")
	case 2:
		in["representative"] = map[string]any{"name": "Betjent", "isEmployedByCorrectionalService": true}
		why = append(why, "DC8: an employee is no representative")
	case 3:
		in["receivedAt"] = rfc3339(m.now().Add(72 * time.Hour))
		why = append(why, "an appeal received in the future")
	}
	m.call("registerAppeal", "saksbehandler", mopRegisterAppeal, in, why)
}

func (m *model) decideAppeal() {
	ev := m.event("APPEALED")
	if ev == nil {
		return
	}
	m.decideAppealOn(ev, m.variant(2), rapid.IntRange(0, 2).Draw(m.rt, "upheld") > 0)
}

func (m *model) decideAppealOn(ev *ent.CustodyEvent, v int, upheld bool) {
	d := m.snap.latestDecision(ev)
	if d == nil || len(d.Edges.Appeals) == 0 {
		return
	}
	a := d.Edges.Appeals[len(d.Edges.Appeals)-1]
	in := map[string]any{"appealId": itoa(a.ID), "upheld": upheld, "reasoning": "Klagen er vurdert; hensynet til fornærmede veier tyngst."}
	user := "region"
	var why []string
	if a.Status != appeal.StatusPENDING {
		why = append(why, "DC7: the appeal is decided")
	}
	if d.Level != rules.LocalLevel {
		why = append(why, "DC7: no seeded decision maker sits above the region")
	}
	switch v {
	case 1:
		user = "beslutter"
		why = append(why, "DC7: the level that decided does not decide the appeal")
	case 2:
		in["reasoning"] = ""
		why = append(why, "DC7: the appeal decision is reasoned")
	}
	m.call("decideAppeal", user, mopDecideAppeal, in, why)
}

func (m *model) prepare() {
	ev := m.event("DECIDED", "APPEAL_WINDOW", "FINAL")
	if ev == nil {
		return
	}
	m.prepareOn(ev, m.variant(3))
}

func (m *model) prepareOn(ev *ent.CustodyEvent, v int) {
	s := m.snap
	in := map[string]any{"custodyEventId": itoa(ev.ID)}
	user := rapid.SampledFrom([]string{"saksbehandler", "beslutter"}).Draw(m.rt, "by")
	late := m.today().After(dueDate(ev))
	if late {
		in["lateJustification"] = "Utgangen ble innvilget med kort varsel."
	}
	var why []string
	if s.decisionInForce(ev) == nil {
		why = append(why, "AS7: no decision in force")
	}
	if sec := s.securityAt(ev, m.now()); sec != secCleared {
		why = append(why, "AS2: security is "+sec)
	}
	if ev.Status != custodyevent.StatusOPEN {
		why = append(why, "the event is not open")
	}
	switch v {
	case 1:
		// A notice made late needs the justification; one made in time
		// needs none until it is sent late (NT2).
		delete(in, "lateJustification")
	case 2:
		in["earlyReleaseJustification"] = "Utgangen begynner før klagefristen går ut."
	case 3:
		in["channel"] = "PHONE"
	}
	m.call("prepareNotices", user, mopPrepare, in, why)
}

func (m *model) release() {
	ev, n := m.notice(rules.NoticeHeld)
	if n == nil {
		return
	}
	in := map[string]any{"noticeId": itoa(n.ID)}
	user := rapid.SampledFrom([]string{"saksbehandler", "beslutter", "region"}).Draw(m.rt, "by")
	if rapid.Bool().Draw(m.rt, "justified") {
		in["justification"] = "Utgangen begynner før klagefristen går ut."
	}
	why := m.snap.sendRefusals(ev, n, m.now(), true)
	if n.Status != rules.NoticeHeld {
		why = append(why, "the notice is not held")
	}
	// Released before the decision is final only with a decision maker's
	// justification (DC5).
	if m.snap.needsEarlyRelease(ev, n, m.now()) && (in["justification"] == nil || user == "saksbehandler") {
		why = append(why, "DC5: released before the decision is final without a decision maker's justification")
	}
	m.call("releaseNotice", user, mopRelease, in, why)
}

func (m *model) dispatch() {
	ev, n := m.notice(rules.NoticeReady)
	if n == nil {
		return
	}
	m.dispatchOf(ev, n, m.variant(4))
}

func (m *model) dispatchOf(ev *ent.CustodyEvent, n *ent.Notice, v int) {
	s := m.snap
	ch := "LETTER"
	if n.Route == rules.ThroughPolice {
		ch = "VIA_POLICE"
	} else if rapid.IntRange(0, 3).Draw(m.rt, "by phone") == 0 {
		ch = "PHONE"
	}
	in := map[string]any{"noticeId": itoa(n.ID), "channel": ch}
	if ch == "PHONE" {
		in["phoneReason"] = "Utgangen er fremskyndet; et brev når ikke fram."
	}
	late := m.today().After(n.DueDate)
	if late {
		in["lateJustification"] = "Varselet kunne ikke gå tidligere."
	}
	switch v {
	case 1:
		ch = rapid.SampledFrom([]string{"LETTER", "DIGIPOST", "PHONE", "VIA_POLICE"}).Draw(m.rt, "channel")
		in["channel"] = ch
	case 2:
		delete(in, "lateJustification")
	case 3:
		delete(in, "phoneReason")
	case 4:
		in["channel"] = rapid.SampledFrom([]string{"SMS", "EMAIL"}).Draw(m.rt, "channel")
	}
	var why []string
	again := n.Channel != nil && string(*n.Channel) == in["channel"] && (n.Status == rules.NoticeSending || n.Status.Left())
	switch {
	case again: // sent once: dispatching again changes nothing (NT6)
	case n.Status != rules.NoticeReady:
		why = append(why, "NT6: the notice is "+string(n.Status))
	default:
		why = append(why, s.sendRefusals(ev, n, m.now(), true)...)
		if s.needsEarlyRelease(ev, n, m.now()) && n.EarlyReleaseJustification == "" {
			why = append(why, "DC5: the decision is not final")
		}
		if late && n.LateJustification == "" && in["lateJustification"] == nil {
			why = append(why, "NT2: sent late without a justification")
		}
		switch c := in["channel"]; {
		case c == "SMS" || c == "EMAIL":
			why = append(why, "NT1: no such channel")
		case n.Route == rules.ThroughPolice && c != "VIA_POLICE":
			why = append(why, "RC9: a protected or unknown address goes through the police")
		case c == "PHONE" && in["phoneReason"] == nil:
			why = append(why, "NT1: a telephone notice says why")
		case c == "DIGIPOST":
			why = append(why, "NT1: Digipost is not set up here")
		case c == "VIA_POLICE" && n.PoliceDistrictID == nil:
			why = append(why, "RC9: no police district to deliver")
		}
	}
	m.call("dispatchNotice "+fmt.Sprint(in["channel"]), "saksbehandler", mopDispatch, in, why)
}

func (m *model) posted() {
	ev, n := m.notice(rules.NoticeSending)
	if n == nil {
		return
	}
	m.postedOf(ev, n, m.variant(1))
}

func (m *model) postedOf(ev *ent.CustodyEvent, n *ent.Notice, v int) {
	vars := map[string]any{"id": itoa(n.ID)}
	late := m.today().After(n.DueDate)
	if late && v == 0 {
		vars["lateJustification"] = "Brevet ble liggende i utskriftskøen."
	}
	var why []string
	switch {
	case n.Channel == nil || *n.Channel != rules.Letter:
		why = append(why, "NT1: not a letter")
	case n.Status == rules.NoticeSent:
	case n.Status != rules.NoticeSending:
		why = append(why, "NT6: the letter is "+string(n.Status))
	default:
		why = append(why, m.snap.sendRefusals(ev, n, m.now(), true)...)
		if m.snap.needsEarlyRelease(ev, n, m.now()) && n.EarlyReleaseJustification == "" {
			why = append(why, "DC5: the decision is not final")
		}
		if late && n.LateJustification == "" && vars["lateJustification"] == nil {
			why = append(why, "NT2: posted late without a justification")
		}
	}
	m.callVars("markNoticePosted", "saksbehandler", mopPosted, vars, why)
}

func (m *model) documentPhone() {
	_, n := m.notice(rules.NoticeSent)
	if n == nil {
		return
	}
	m.documentPhoneOf(n, m.variant(1))
}

func (m *model) documentPhoneOf(n *ent.Notice, v int) {
	vars := map[string]any{"id": itoa(n.ID), "d": "Ringte mottakeren, som bekreftet at varselet var forstått."}
	var why []string
	if n.Channel == nil || *n.Channel != rules.Phone || n.Status != rules.NoticeSent {
		why = append(why, "NT1: not a telephone notice")
	}
	if n.PhoneDocumentedAt != nil {
		why = append(why, "NT1: documented already")
	}
	if v == 1 {
		vars["d"] = " "
		why = append(why, "NT1: the documentation says what was said")
	}
	m.callVars("documentPhoneNotice", "saksbehandler", mopDocumented, vars, why)
}

// policeDelivery: the police confirm or decline delivering a notice.
func (m *model) policeDelivery() {
	var open []*ent.PoliceRequest
	for _, ev := range m.snap.events {
		for _, pr := range ev.Edges.PoliceRequests {
			if pr.Kind == policerequest.KindDELIVER_NOTICE {
				open = append(open, pr)
			}
		}
	}
	pr, ok := pick(m, "delivery request", open)
	if !ok {
		return
	}
	m.deliveryOf(pr, m.variant(4))
}

func (m *model) deliveryOf(pr *ent.PoliceRequest, v int) {
	var why []string
	if pr.Status != policerequest.StatusOPEN && pr.Status != policerequest.StatusACKNOWLEDGED {
		why = append(why, "RC9: the request is closed")
	}
	user := "politi"
	in := map[string]any{"id": itoa(pr.ID), "deliveredAt": rfc3339(m.now()), "deliveryManner": "Overlevert personlig."}
	switch v {
	case 1:
		m.callVars("declinePoliceRequest", user, mopDecline, map[string]any{"id": itoa(pr.ID), "reason": "Vi når ikke mottakeren før fristen."}, why)
		return
	case 2:
		delete(in, "deliveryManner")
		why = append(why, "RC9: how it was delivered")
	case 3:
		in["deliveredAt"] = rfc3339(m.now().Add(24 * time.Hour))
		why = append(why, "delivered in the future")
	case 4:
		user = "politi2"
		why = append(why, "PR5: another district's request")
	}
	m.call("completePoliceRequest (delivery)", user, mopCompleteRequest, in, why)
}

func (m *model) cancel() {
	_, n := m.notice(rules.NoticeHeld, rules.NoticeReady, rules.NoticeSending)
	if n == nil {
		return
	}
	in := map[string]any{"noticeId": itoa(n.ID), "reason": "Utgangen er utsatt."}
	var why []string
	if !n.Status.Unsent() {
		why = append(why, "NT6: the notice has left")
	}
	if n.Kind != rules.KindNotice {
		why = append(why, "NT8: the recipient is owed the "+string(n.Kind))
	}
	if m.variant(1) == 1 {
		in["reason"] = ""
		why = append(why, "a cancellation says why")
	}
	m.call("cancelNotice", "saksbehandler", mopCancel, in, why)
}

func (m *model) reservation() {
	r, ok := pick(m, "recipient", m.snap.recipients())
	if !ok {
		return
	}
	for _, res := range r.reservations {
		if res.LiftedAt == nil && rapid.Bool().Draw(m.rt, "lift") {
			m.callVars("liftReservation", "saksbehandler", mopLiftReservation, map[string]any{"id": itoa(res.ID)}, nil)
			return
		}
	}
	// Told by telephone, perhaps a day or two before it is recorded.
	at := m.now().Add(-time.Duration(rapid.IntRange(0, 48).Draw(m.rt, "hours ago")) * time.Hour)
	in := map[string]any{"reservedAt": rfc3339(at), "how": "PHONE"}
	if r.kind == rules.VictimRecipient {
		in["victimId"] = itoa(r.id)
	} else {
		in["survivorId"] = itoa(r.id)
	}
	m.call("recordReservation", "saksbehandler", mopReservation, in, nil)
}

func (m *model) agreement() {
	r, ok := pick(m, "recipient", m.snap.recipients())
	if !ok {
		return
	}
	in := map[string]any{"frequency": rapid.SampledFrom([]string{"ONCE", "EVERY_EVENT"}).Draw(m.rt, "frequency"),
		"agreedAt": rfc3339(m.now()), "how": "MEETING"}
	if r.kind == rules.VictimRecipient {
		in["victimId"] = itoa(r.id)
	} else {
		in["survivorId"] = itoa(r.id)
	}
	m.call("recordNotificationAgreement", "saksbehandler", mopAgreement, in, nil)
}

// clock moves time on: a few hours, past a deadline, to a birthday.
func (m *model) clock() {
	var d time.Duration
	switch rapid.IntRange(0, 3).Draw(m.rt, "how far") {
	case 0:
		d = time.Duration(rapid.IntRange(1, 12).Draw(m.rt, "hours")) * time.Hour
	case 1:
		d = time.Duration(rapid.IntRange(1, 10).Draw(m.rt, "days")) * 24 * time.Hour
	case 2: // to the day after an appeal deadline, or to a due date
		var days []time.Time
		for _, ev := range m.snap.events {
			days = append(days, dueDate(ev), dueDate(ev).AddDate(0, 0, 1))
			if d := m.snap.latestDecision(ev); d != nil && d.AppealDeadline != nil {
				days = append(days, d.AppealDeadline.AddDate(0, 0, 1))
			}
		}
		day, ok := pick(m, "day", days)
		if !ok || !day.After(m.today()) {
			return
		}
		d = day.Add(9*time.Hour).Sub(m.today()) - m.sinceMidnight()
	case 3: // to an 18th birthday
		var days []time.Time
		for _, r := range m.snap.recipients() {
			if r.birth != nil {
				days = append(days, r.birth.AddDate(18, 0, 0))
			}
		}
		day, ok := pick(m, "birthday", days)
		if !ok || !day.After(m.today()) {
			return
		}
		d = day.Add(9*time.Hour).Sub(m.today()) - m.sinceMidnight()
	}
	if d <= 0 {
		return
	}
	m.rt.Logf("the clock moves %s, to %s", d, m.now().Add(d).Format(time.DateOnly))
	m.advance(d)
}

// advance moves the clock on, and the periodic release job runs, as it
// does every ten minutes: notices follow the facts of the new day (RC5, DC5).
func (m *model) advance(d time.Duration) {
	m.w.ts.clock.advance(d)
	m.w.calls["clock"]++
	if err := m.w.ts.srv.ReleaseDue(context.Background()); err != nil {
		m.rt.Fatalf("the release job failed: %v", err)
	}
	m.snap = m.load()
	m.checkInvariants()
}

func (m *model) sinceMidnight() time.Duration {
	n := m.now()
	return n.Sub(rules.DateOf(n)) // DateOf is midnight UTC of the Norwegian date: close enough for moving days
}

// addSomeone registers a victim, a survivor or a guardian during the
// sequence, validly or not.
func (m *model) addSomeone() {
	switch rapid.IntRange(0, 2).Draw(m.rt, "who") {
	case 0:
		m.addPerson(m.cases[0].ID, false)
	case 1:
		var deceased []recipientFacts
		for _, v := range m.snap.victims() {
			if v.Deceased {
				deceased = append(deceased, recipientFacts{id: v.ID})
			}
		}
		if v, ok := pick(m, "deceased victim", deceased); ok {
			m.addSurvivor(v.id, false)
		}
	case 2:
		r, ok := pick(m, "recipient", m.snap.recipients())
		if ok {
			m.addGuardian(r, m.variant(1) == 1)
		}
	}
}

// person draws who someone is and where a letter reaches them.
func (m *model) person(minorOK bool) (map[string]any, *time.Time) {
	names := []string{"Astrid Vold", "Lars Haugland", "Sigrid Brekke", "Nils Aasen", "Oda Kvam", "Jonas Rud", "Ida Hovland", "Emil Sande"}
	name := rapid.SampledFrom(names).Draw(m.rt, "name")
	m.names = append(m.names, name)
	p := map[string]any{"name": name}
	today := m.today()
	var birth time.Time
	switch age := rapid.IntRange(0, 5).Draw(m.rt, "age"); {
	case age == 0 && minorOK: // turns 18 within a month
		birth = today.AddDate(-18, 0, rapid.IntRange(1, 30).Draw(m.rt, "days to 18"))
	case age == 1 && minorOK:
		birth = today.AddDate(-rapid.IntRange(6, 16).Draw(m.rt, "years"), 0, -rapid.IntRange(0, 300).Draw(m.rt, "days"))
	default:
		birth = today.AddDate(-rapid.IntRange(19, 70).Draw(m.rt, "years"), 0, -rapid.IntRange(0, 300).Draw(m.rt, "days"))
	}
	if birth.Month() == time.February && birth.Day() == 29 {
		birth = birth.AddDate(0, 0, 1) // when a person born 29 February comes of age is not this test's question
	}
	p["birthDate"] = birth.Format(time.DateOnly)
	if rapid.Bool().Draw(m.rt, "identity number") {
		// Unique within the sequence, and the same when it is replayed.
		p["nationalIdentityNumber"] = m.identity(birth, 100+len(m.numbers))
	}
	switch rapid.IntRange(0, 7).Draw(m.rt, "address") {
	case 0:
		p["addressProtection"] = "STRENGT_FORTROLIG"
		p["policeDistrictId"] = m.w.oslo
	case 1:
		p["addressProtection"] = "UNKNOWN"
		p["policeDistrictId"] = m.w.oslo
	case 2:
		p["addressProtection"] = "FORTROLIG"
		fallthrough
	default:
		p["addressLine"] = m.address()
		p["postalCode"] = "0560"
		p["postalPlace"] = "Oslo"
	}
	if rapid.IntRange(0, 5).Draw(m.rt, "nynorsk") == 0 {
		p["writtenStandard"] = "NN"
	}
	return p, &birth
}

// mistakeInPerson makes a person invalid in a way the rulebook refuses.
func (m *model) mistakeInPerson(p map[string]any) string {
	switch rapid.IntRange(0, 4).Draw(m.rt, "mistake in person") {
	case 0: // finding 5: a code-6 address is never stored, not even in part
		p["addressProtection"] = "STRENGT_FORTROLIG"
		p["policeDistrictId"] = m.w.oslo
		delete(p, "addressLine")
		p[rapid.SampledFrom([]string{"postalCode", "postalPlace", "country"}).Draw(m.rt, "part")] = "0560"
		return "RC9: part of a code-6 address"
	case 1:
		p["nationalIdentityNumber"] = m.convictNIN
		return "RC7: the convict is no recipient"
	case 2: // finding 9: 29 February only in leap years
		p["nationalIdentityNumber"] = leapDayNumber(2023)
		return "PR1: 29 February 2023 does not exist"
	case 3:
		p["addressLine"] = "fornaermet@example.no"
		p["addressProtection"] = "NONE"
		p["postalCode"], p["postalPlace"] = "0560", "Oslo"
		return "NT1: no e-mail address as a postal address"
	}
	p["addressProtection"] = "STRENGT_FORTROLIG"
	delete(p, "addressLine")
	delete(p, "postalCode")
	delete(p, "postalPlace")
	delete(p, "policeDistrictId")
	return "RC9: a protected address needs the police district"
}

// leapDayNumber is a synthetic identity number dated 29 February of a year,
// with valid check digits.
func leapDayNumber(year int) string {
	for i := 100; i < 999; i++ {
		digits := fmt.Sprintf("29%02d%02d%03d", 2+80, year%100, i)
		k1 := check(digits, []int{3, 7, 6, 1, 8, 9, 4, 5, 2})
		if k1 == 10 {
			continue
		}
		digits += strconv.Itoa(k1)
		k2 := check(digits, []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})
		if k2 == 10 {
			continue
		}
		return digits + strconv.Itoa(k2)
	}
	panic("no number")
}

func check(digits string, weights []int) int {
	sum := 0
	for i, w := range weights {
		sum += int(digits[i]-'0') * w
	}
	return (11 - sum%11) % 11
}

func (m *model) addPerson(caseID int, setup bool) {
	p, birth := m.person(true)
	in := map[string]any{"criminalCaseId": itoa(caseID), "person": p}
	var why []string
	deceased := rapid.IntRange(0, 5).Draw(m.rt, "deceased") == 0
	minor := rules.AgeOn(*birth, m.today()) < 18
	if deceased {
		in["deceased"] = true
	} else if !minor && rapid.IntRange(0, 6).Draw(m.rt, "under guardianship") == 0 {
		in["underGuardianship"] = true
	}
	if !setup && m.variant(1) == 1 {
		// A deceased victim is not written to: the mistakes are a living one's.
		deceased = false
		delete(in, "deceased")
		why = append(why, m.mistakeInPerson(p))
	}
	var id int
	if setup {
		id = atoi(get(m.must("saksbehandler", mopAddVictim, in), "addVictim", "id"))
	} else if data, ok := m.call("addVictim", "saksbehandler", mopAddVictim, in, why); ok {
		id = atoi(get(data, "addVictim", "id"))
	}
	if id == 0 {
		return
	}
	if deceased {
		for i, n := 0, rapid.IntRange(1, 2).Draw(m.rt, "survivors"); i < n; i++ {
			m.addSurvivor(id, setup)
		}
		return
	}
	if minor || in["underGuardianship"] == true {
		m.snap = m.load()
		r := recipientFacts{kind: rules.VictimRecipient, id: id}
		for i, n := 0, rapid.SampledFrom([]int{1, 1, 1, 2, 2, 0}).Draw(m.rt, "guardians"); i < n; i++ {
			m.addGuardian(r, rapid.IntRange(0, 5).Draw(m.rt, "guardian is the convict") == 0)
		}
	}
}

func (m *model) addSurvivor(victimID int, setup bool) {
	p, _ := m.person(false)
	relation := rapid.SampledFrom([]string{"SPOUSE", "CHILD", "PARENT", "SIBLING", "COHABITANT"}).Draw(m.rt, "relation")
	var why []string
	if !setup && m.variant(1) == 1 {
		relation = rapid.SampledFrom([]string{"FRIEND", "COUSIN", "GRANDPARENT"}).Draw(m.rt, "relation")
		why = append(why, "RC3: "+relation+" is no survivor")
	}
	in := map[string]any{"victimId": itoa(victimID), "relation": relation, "person": p}
	if setup {
		m.must("saksbehandler", mopAddSurvivor, in)
		return
	}
	m.call("addSurvivor", "saksbehandler", mopAddSurvivor, in, why)
}

// addGuardian registers a guardian of a recipient — sometimes the convict,
// who is kept on record, excluded and never notified (RC7).
func (m *model) addGuardian(r recipientFacts, theConvict bool) {
	p, _ := m.person(false)
	if theConvict {
		p["nationalIdentityNumber"] = m.convictNIN
	}
	in := map[string]any{"kind": "PARENTAL_RESPONSIBILITY", "person": p}
	if r.kind == rules.VictimRecipient {
		in["victimId"] = itoa(r.id)
	} else {
		in["survivorId"] = itoa(r.id)
	}
	m.call("addGuardian", "saksbehandler", mopAddGuardian, in, nil)
}

// outsider: someone outside the convict's unit, or in a role that has no
// part in the workflow, tries a step.
func (m *model) outsider() {
	ev := m.event()
	if ev == nil {
		return
	}
	user := rapid.SampledFrom([]string{"saksbehandler2", "politi", "politi2", "analytiker", "revisor", "admin"}).Draw(m.rt, "outsider")
	why := []string{user + " is outside the case (PR5)"}
	switch rapid.IntRange(0, 3).Draw(m.rt, "what") {
	case 0:
		m.call("recordSecurityAssessment", user, mopSecurity, map[string]any{"custodyEventId": itoa(ev.ID), "possibleRevengeRisk": false, "reasoning": "Ingen fare."}, why)
	case 1:
		m.call("decideNotification", user, mopDecide, map[string]any{"custodyEventId": itoa(ev.ID), "reasoning": "Vilkårene er oppfylt."}, why)
	case 2:
		m.call("prepareNotices", user, mopPrepare, map[string]any{"custodyEventId": itoa(ev.ID)}, why)
	case 3:
		if _, n := m.notice(rules.NoticeReady); n != nil {
			m.call("dispatchNotice", user, mopDispatch, map[string]any{"noticeId": itoa(n.ID), "channel": "LETTER"}, why)
		}
	}
}

// next takes an event one step further, as a caseworker and a decision
// maker following the worklist would.
func (m *model) next() {
	ev := m.event("REGISTERED", "AWAITING_POLICE", "BLOCKED", "ASSESSING", "DECIDED", "APPEAL_WINDOW", "APPEALED", "FINAL")
	if ev == nil {
		m.registerEvent(true)
		return
	}
	s := m.snap
	switch s.state(ev) {
	case "REGISTERED":
		m.securityOf(ev, 0, rapid.IntRange(0, 3).Draw(m.rt, "possible risk") == 0)
	case "AWAITING_POLICE", "BLOCKED":
		for _, sa := range ev.Edges.SecurityAssessments {
			if sa.Outcome == rules.AwaitingPolice {
				m.statementOn(sa, 0, rapid.IntRange(0, 3).Draw(m.rt, "risk confirmed") == 0)
				return
			}
		}
		m.findingOn(ev, 0)
	case "ASSESSING":
		for _, r := range s.recipients() {
			if s.assessmentOf(ev, r) == nil && r.caseStatus != rules.Completed && !r.reservedNow(m.now()) {
				m.assessOf(ev, r, 0, rapid.IntRange(0, 3).Draw(m.rt, "notify") > 0)
				return
			}
		}
		m.decideOn(ev, 0)
	case "DECIDED":
		if ev.Kind == rules.Escape {
			m.prepareOn(ev, 0)
			return
		}
		m.informOn(ev, 0)
	case "APPEALED":
		if d := s.decisionInForce(ev); d != nil && d.Level != rules.LocalLevel {
			// No seeded decision maker sits above the region: time passes.
			m.clock()
			return
		}
		m.decideAppealOn(ev, 0, rapid.IntRange(0, 2).Draw(m.rt, "upheld") > 0)
	case "APPEAL_WINDOW", "FINAL":
		var held, withPolice bool
		for _, n := range ev.Edges.Notices {
			switch n.Status {
			case rules.NoticeHeld:
				held = true
			case rules.NoticeReady:
				m.dispatchOf(ev, n, 0)
				return
			case rules.NoticeSending:
				m.postedOf(ev, n, 0)
				return
			case rules.NoticeSent:
				if n.Channel != nil && *n.Channel == rules.Phone && n.PhoneDocumentedAt == nil {
					m.documentPhoneOf(n, 0)
					return
				}
				if n.Channel != nil && *n.Channel == rules.ViaPolice {
					withPolice = true
				}
			}
		}
		if withPolice {
			for _, pr := range ev.Edges.PoliceRequests {
				if pr.Kind == policerequest.KindDELIVER_NOTICE && pr.Status == policerequest.StatusOPEN {
					m.deliveryOf(pr, 0)
					return
				}
			}
		}
		if held && s.state(ev) == "APPEAL_WINDOW" {
			if d := s.latestDecision(ev); d != nil && d.AppealDeadline != nil && rapid.Bool().Draw(m.rt, "wait") {
				m.advance(d.AppealDeadline.AddDate(0, 0, 1).Add(9*time.Hour).Sub(m.today()) - m.sinceMidnight())
				return
			}
			m.registerAppealOn(ev)
			return
		}
		m.prepareOn(ev, 0)
	}
}

func (m *model) registerAppealOn(ev *ent.CustodyEvent) {
	d := m.snap.latestDecision(ev)
	if d == nil {
		return
	}
	m.call("registerAppeal", "saksbehandler", mopRegisterAppeal,
		map[string]any{"decisionId": itoa(d.ID), "receivedAt": rfc3339(m.now()), "grounds": "Domfelte klager."}, nil)
}

// ---------------------------------------------------------------------------
// Calling the API, and what every call must satisfy.

// call runs a mutation with an input; why lists what in the rulebook must
// make it refused (empty: no prediction). It returns the data and whether
// it was accepted.
func (m *model) call(what, user, query string, in map[string]any, why []string) (map[string]any, bool) {
	return m.callVars(what, user, query, map[string]any{"in": in}, why)
}

func (m *model) callVars(what, user, query string, vars map[string]any, why []string) (map[string]any, bool) {
	rt := m.rt
	before := m.snap
	input, _ := json.Marshal(vars)
	rt.Logf("%s by %s at %s: %s", what, user, m.now().Format(time.RFC3339), input)
	r := m.w.ts.do(m.w.tokens[user], query, vars)
	after := m.load()
	m.snap = after
	changed := after.print != before.print
	if len(r.Errors) == 0 {
		m.w.calls[what+" ok"]++
		rt.Logf("  accepted")
		if len(why) > 0 {
			rt.Fatalf("%s by %s was accepted, but the rulebook refuses it: %s\ninput: %v", what, user, strings.Join(why, "; "), vars)
		}
		// I9: every change is in the audit trail.
		if changed && after.audit == before.audit {
			rt.Fatalf("I9 (PR3): %s by %s changed the case without an audit row", what, user)
		}
	} else {
		e := r.Errors[0]
		code, _ := e.Extensions["code"].(string)
		rule, _ := e.Extensions["rule"].(string)
		provision, _ := e.Extensions["provision"].(string)
		m.w.calls[strings.TrimSpace(fmt.Sprintf("%s refused %s %s", what, code, rule))]++
		if len(why) > 0 {
			m.w.refusedMust++
		}
		rt.Logf("  refused %s %s: %s (expected: %v)", code, rule, e.Message, why)
		m.checkRefusal(what, user, code, rule, provision, e.Message, before, after)
	}
	m.checkInvariants()
	return r.Data, len(r.Errors) == 0
}

// checkRefusal is I10: a refusal names a rule of the rulebook and its
// provision, holds no personal data (PR6), and stores nothing.
func (m *model) checkRefusal(what, user, code, rule, provision, message string, before, after *modelSnap) {
	rt := m.rt
	switch code {
	case "BAD_USER_INPUT":
		if rule == "" || !m.w.rulebook[rule] || provision == "" {
			rt.Fatalf("I10: %s by %s was refused without a rule of the rulebook and its provision (rule %q, provision %q): %s",
				what, user, rule, provision, message)
		}
	case "CONFLICT", "FORBIDDEN", "NOT_FOUND":
		if rule != "" && (!m.w.rulebook[rule] || provision == "") {
			rt.Fatalf("I10: %s by %s names rule %q, provision %q", what, user, rule, provision)
		}
	default:
		// INTERNAL is where a breach of the invariants ends when the guards
		// let it through to the check before commit; it is never right.
		rt.Fatalf("%s by %s failed with %s (rule %s): %s", what, user, code, rule, message)
	}
	for _, p := range slices.Concat(m.names, m.numbers, m.addresses) {
		if strings.Contains(message, p) {
			rt.Fatalf("PR6: the refusal of %s holds personal data: %q", what, message)
		}
	}
	if after.audit != before.audit || after.print != before.print {
		rows, _ := m.w.db.AuditEvent.Query().Where(auditevent.SeqGT(m.auditFrom), auditevent.ActorIn(modelUsers...)).
			Order(ent.Desc(auditevent.FieldSeq)).Limit(after.audit - before.audit + 1).
			All(privacy.DecisionContext(context.Background(), privacy.Allow))
		var written []string
		for _, r := range rows {
			written = append(written, fmt.Sprintf("%d %s %s %s %s %d", r.Seq, r.Actor, r.Operation, r.Action, r.EntityType, r.EntityID))
		}
		rt.Fatalf("I10: %s by %s was refused (%s %s), but something was stored (audit rows %d → %d: %s)\nbefore: %s\nafter:  %s",
			what, user, code, rule, before.audit, after.audit, strings.Join(written, "; "), before.print, after.print)
	}
}

// ---------------------------------------------------------------------------
// The database as it stands, read directly.

type modelSnap struct {
	now     time.Time
	audit   int
	convict *ent.Convict
	events  []*ent.CustodyEvent
	print   string
}

func (m *model) load() *modelSnap {
	ctx := privacy.DecisionContext(context.Background(), privacy.Allow)
	db := m.w.db
	c, err := db.Convict.Query().Where(convict.ID(m.convict)).
		WithCriminalCases(func(q *ent.CriminalCaseQuery) {
			q.Order(ent.Asc(criminalcase.FieldID)).WithVictims(func(q *ent.VictimQuery) {
				q.Order(ent.Asc(victim.FieldID)).
					WithGuardians(func(q *ent.GuardianQuery) { q.Order(ent.Asc(guardian.FieldID)) }).
					WithReservations(func(q *ent.ReservationQuery) { q.Order(ent.Asc(reservation.FieldID)) }).
					WithNotificationAgreements(func(q *ent.NotificationAgreementQuery) { q.Order(ent.Asc(notificationagreement.FieldID)) }).
					WithSurvivors(func(q *ent.SurvivorQuery) {
						q.Order(ent.Asc(survivor.FieldID)).
							WithGuardians(func(q *ent.GuardianQuery) { q.Order(ent.Asc(guardian.FieldID)) }).
							WithReservations(func(q *ent.ReservationQuery) { q.Order(ent.Asc(reservation.FieldID)) }).
							WithNotificationAgreements(func(q *ent.NotificationAgreementQuery) { q.Order(ent.Asc(notificationagreement.FieldID)) })
					})
			})
		}).Only(ctx)
	if err != nil {
		m.rt.Fatalf("reading the convict: %v", err)
	}
	evs, err := db.CustodyEvent.Query().Where(custodyevent.ConvictID(m.convict)).Order(ent.Asc(custodyevent.FieldID)).
		WithSecurityAssessments(func(q *ent.SecurityAssessmentQuery) {
			q.Order(ent.Asc(securityassessment.FieldID)).WithPoliceRequest()
		}).
		WithAssessments(func(q *ent.AssessmentQuery) { q.Order(ent.Asc(assessment.FieldID)) }).
		WithDecisions(func(q *ent.DecisionQuery) {
			q.Order(ent.Asc(decision.FieldID)).WithAppeals(func(q *ent.AppealQuery) { q.Order(ent.Asc(appeal.FieldID)) })
		}).
		WithNotices(func(q *ent.NoticeQuery) { q.Order(ent.Asc(notice.FieldID)) }).
		WithConditions().
		WithPoliceRequests(func(q *ent.PoliceRequestQuery) { q.Order(ent.Asc(policerequest.FieldID)) }).
		All(ctx)
	if err != nil {
		m.rt.Fatalf("reading the events: %v", err)
	}
	// Rows written by the people of the test during the sequence; the
	// service's own jobs write under names of their own.
	audit, err := db.AuditEvent.Query().Where(auditevent.SeqGT(m.auditFrom), auditevent.ActorIn(modelUsers...)).Count(ctx)
	if err != nil {
		m.rt.Fatalf("reading the audit trail: %v", err)
	}
	s := &modelSnap{now: m.now(), audit: audit, convict: c, events: evs}
	b, _ := json.Marshal([]any{c, evs, addressFields(s)})
	s.print = string(b)
	m.noteReached(s)
	return s
}

// addressFields are the address parts of everyone, which the JSON of the
// rows leaves out (they are sensitive), for the fingerprint.
func addressFields(s *modelSnap) []string {
	var out []string
	add := func(parts ...string) { out = append(out, strings.Join(parts, "|")) }
	for _, v := range s.victims() {
		add(v.AddressLine, v.PostalCode, v.PostalPlace, v.Country)
		for _, g := range v.Edges.Guardians {
			add(g.AddressLine, g.PostalCode, g.PostalPlace, g.Country)
		}
		for _, sv := range v.Edges.Survivors {
			add(sv.AddressLine, sv.PostalCode, sv.PostalPlace, sv.Country)
			for _, g := range sv.Edges.Guardians {
				add(g.AddressLine, g.PostalCode, g.PostalPlace, g.Country)
			}
		}
	}
	return out
}

func (m *model) noteReached(s *modelSnap) {
	seen := map[string]bool{}
	for _, ev := range s.events {
		seen["event "+s.state(ev)] = true
		for _, n := range ev.Edges.Notices {
			seen["notice "+string(n.Status)] = true
			if n.GuardianID != nil {
				seen["notice to guardian"] = true
			}
		}
		for _, d := range ev.Edges.Decisions {
			seen["decision "+string(d.Status)] = true
			for _, a := range d.Edges.Appeals {
				seen["appeal "+string(a.Status)] = true
			}
		}
		for _, sa := range ev.Edges.SecurityAssessments {
			seen["security "+string(sa.Outcome)] = true
		}
	}
	for k := range seen {
		m.seen[k] = true
	}
}

func (s *modelSnap) victims() []*ent.Victim {
	var out []*ent.Victim
	for _, c := range s.convict.Edges.CriminalCases {
		out = append(out, c.Edges.Victims...)
	}
	return out
}

func (s *modelSnap) caseOf(v *ent.Victim) *ent.CriminalCase {
	for _, c := range s.convict.Edges.CriminalCases {
		if c.ID == v.CriminalCaseID {
			return c
		}
	}
	return nil
}

// recipientFacts is a victim or survivor a notice may concern, as the
// rulebook sees them (RC1–RC6, RC10).
type recipientFacts struct {
	kind              rules.RecipientKind
	id                int
	nin               string
	birth             *time.Time
	underGuardianship bool
	protection        rules.AddressProtection
	addressLine       string
	registered        time.Time
	caseStatus        rules.CaseStatus
	required          bool // AS1: a living victim of a case served, or a survivor of a deceased one
	siblings          int  // survivors of the same victim (RC4)
	guardians         []*ent.Guardian
	reservations      []*ent.Reservation
	agreements        []*ent.NotificationAgreement
}

// recipients are everyone who may be notified of the convict's events:
// living victims, and the survivors of deceased victims (RC1, RC3).
func (s *modelSnap) recipients() []recipientFacts {
	var out []recipientFacts
	for _, v := range s.victims() {
		status := s.caseOf(v).Status
		if !v.Deceased {
			out = append(out, recipientFacts{kind: rules.VictimRecipient, id: v.ID, nin: v.NationalIdentityNumber, birth: v.BirthDate,
				underGuardianship: v.UnderGuardianship, protection: v.AddressProtection, addressLine: v.AddressLine, registered: v.CreatedAt,
				caseStatus: status, required: status == rules.Serving,
				guardians: v.Edges.Guardians, reservations: v.Edges.Reservations, agreements: v.Edges.NotificationAgreements})
			continue
		}
		for _, sv := range v.Edges.Survivors {
			out = append(out, recipientFacts{kind: rules.SurvivorRecipient, id: sv.ID, nin: sv.NationalIdentityNumber, birth: sv.BirthDate,
				underGuardianship: sv.UnderGuardianship, protection: sv.AddressProtection, addressLine: sv.AddressLine, registered: sv.CreatedAt,
				caseStatus: status, required: status == rules.Serving, siblings: len(v.Edges.Survivors),
				guardians: sv.Edges.Guardians, reservations: sv.Edges.Reservations, agreements: sv.Edges.NotificationAgreements})
		}
	}
	return out
}

func (s *modelSnap) recipientOf(n *ent.Notice) *recipientFacts {
	kind, id := rules.VictimRecipient, 0
	switch {
	case n.SurvivorID != nil:
		kind, id = rules.SurvivorRecipient, *n.SurvivorID
	case n.VictimID != nil:
		id = *n.VictimID
	}
	for _, r := range s.recipients() {
		if r.kind == kind && r.id == id {
			return &r
		}
	}
	return nil
}

// reservedAt: a reservation recorded by then and not lifted by then (RC10).
func (r recipientFacts) reservedAt(at time.Time) bool {
	for _, res := range r.reservations {
		if !res.CreatedAt.After(at) && (res.LiftedAt == nil || res.LiftedAt.After(at)) {
			return true
		}
	}
	return false
}

func (r recipientFacts) reservedNow(now time.Time) bool {
	for _, res := range r.reservations {
		if res.LiftedAt == nil {
			return true
		}
	}
	return false
}

// agreementSettled: the latest agreement says one notice is enough, and one
// has been given — of another event (RC10, AS1).
func (r recipientFacts) agreementSettled(s *modelSnap, ev *ent.CustodyEvent, at time.Time) bool {
	var latest *ent.NotificationAgreement
	for _, a := range r.agreements {
		if !a.AgreedAt.After(at) && (latest == nil || a.AgreedAt.After(latest.AgreedAt)) {
			latest = a
		}
	}
	if latest == nil || latest.Frequency != "ONCE" {
		return false
	}
	for _, other := range s.events {
		if other.ID == ev.ID {
			continue
		}
		for _, n := range other.Edges.Notices {
			if rr := s.recipientOf(n); rr != nil && rr.kind == r.kind && rr.id == r.id && n.Status.Left() && n.SentAt != nil && !n.SentAt.After(at) {
				return true
			}
		}
	}
	return false
}

// assessmentOf is the event's latest assessment of the recipient.
func (s *modelSnap) assessmentOf(ev *ent.CustodyEvent, r recipientFacts) *ent.Assessment {
	var out *ent.Assessment
	for _, a := range ev.Edges.Assessments {
		if (r.kind == rules.VictimRecipient && a.VictimID != nil && *a.VictimID == r.id && a.SurvivorID == nil) ||
			(r.kind == rules.SurvivorRecipient && a.SurvivorID != nil && *a.SurvivorID == r.id) {
			out = a
		}
	}
	return out
}

func (s *modelSnap) decisionInForce(ev *ent.CustodyEvent) *ent.Decision {
	for _, d := range ev.Edges.Decisions {
		if d.Status == decision.StatusIN_FORCE {
			return d
		}
	}
	return nil
}

func (s *modelSnap) latestDecision(ev *ent.CustodyEvent) *ent.Decision {
	if len(ev.Edges.Decisions) == 0 {
		return nil
	}
	return ev.Edges.Decisions[len(ev.Edges.Decisions)-1]
}

// Where security stands (AS2), in the rulebook's words.
const (
	secNotAssessed = "not assessed"
	secAwaiting    = "awaiting the police"
	secRisk        = "risk confirmed"
	secCleared     = "cleared"
)

// securityAt folds the event's security records as AS2 says: a possible
// risk asks the police, and until they answer the event waits; their
// statement settles it — a confirmed risk stands, a risk ruled out lifts it;
// a decision maker's reasoned finding lifts a risk or an awaited statement;
// a newer assessment that simply says "no risk" lifts nothing.
func (s *modelSnap) securityAt(ev *ent.CustodyEvent, at time.Time) string {
	type happening struct {
		at    time.Time
		order int
		sa    int
		what  string
	}
	var hs []happening
	for _, sa := range ev.Edges.SecurityAssessments {
		if sa.AssessedAt.After(at) {
			continue
		}
		switch {
		case sa.Kind == rules.DecisionMakerFinding:
			hs = append(hs, happening{sa.AssessedAt, 0, sa.ID, "finding"})
		case sa.Outcome == rules.NoRisk:
			hs = append(hs, happening{sa.AssessedAt, 0, sa.ID, "no risk"})
		default:
			hs = append(hs, happening{sa.AssessedAt, 0, sa.ID, "asks the police"})
			if sa.PoliceStatementAt != nil && !sa.PoliceStatementAt.After(at) {
				what := "ruled out"
				if sa.Outcome == rules.RiskConfirmed {
					what = "confirmed"
				}
				hs = append(hs, happening{*sa.PoliceStatementAt, 1, sa.ID, what})
			}
		}
	}
	sort.SliceStable(hs, func(i, j int) bool {
		if !hs[i].at.Equal(hs[j].at) {
			return hs[i].at.Before(hs[j].at)
		}
		return hs[i].order < hs[j].order
	})
	assessed, risk, waiting := false, false, map[int]bool{}
	for _, h := range hs {
		switch h.what {
		case "no risk":
			assessed = true
		case "asks the police":
			assessed = true
			waiting[h.sa] = true
		case "confirmed":
			delete(waiting, h.sa)
			risk = true
		case "ruled out":
			delete(waiting, h.sa)
			risk = false
		case "finding":
			risk = false
			clear(waiting)
		}
	}
	switch {
	case risk:
		return secRisk
	case len(waiting) > 0:
		return secAwaiting
	case !assessed:
		return secNotAssessed
	}
	return secCleared
}

// state is where the event stands, as the model reads the rulebook: to pick
// steps, not to check anything.
func (s *modelSnap) state(ev *ent.CustodyEvent) string {
	if ev.Status != custodyevent.StatusOPEN {
		return string(ev.Status)
	}
	switch s.securityAt(ev, s.now) {
	case secNotAssessed:
		return "REGISTERED"
	case secAwaiting:
		return "AWAITING_POLICE"
	case secRisk:
		return "BLOCKED"
	}
	d := s.decisionInForce(ev)
	if d == nil {
		if s.latestDecision(ev) != nil {
			return "OVERTURNED"
		}
		return "ASSESSING"
	}
	for _, a := range d.Edges.Appeals {
		if a.Status == appeal.StatusPENDING {
			return "APPEALED"
		}
	}
	if d.ConvictInformedAt == nil && d.InformingImpracticableReason == "" {
		return "DECIDED"
	}
	if s.settledAt(ev, d, s.now) || d.InformingImpracticableReason != "" {
		return "FINAL"
	}
	return "APPEAL_WINDOW"
}

// settledAt: the decision was final at the moment — the appeal deadline had
// passed, the convict had waived the appeal when told orally, or an appeal
// was decided in favour of notifying (DC4–DC7).
func (s *modelSnap) settledAt(ev *ent.CustodyEvent, d *ent.Decision, at time.Time) bool {
	for _, a := range d.Edges.Appeals {
		if a.Status == appeal.StatusUPHELD && a.DecidedAt != nil && !a.DecidedAt.After(at) {
			return true
		}
	}
	if d.OralAppealAnswer != nil && *d.OralAppealAnswer == decision.OralAppealAnswerDOES_NOT_APPEAL &&
		d.ConvictInformedAt != nil && !d.ConvictInformedAt.After(at) {
		return true
	}
	return d.AppealDeadline != nil && rules.DateOf(at).After(*d.AppealDeadline)
}

// needsEarlyRelease: a notice of an event notified in advance that would
// go before the decision is final (DC5).
func (s *modelSnap) needsEarlyRelease(ev *ent.CustodyEvent, n *ent.Notice, at time.Time) bool {
	if ev.Kind == rules.Escape || s.cancellationOfCalledOff(ev, n) {
		return false
	}
	d := s.decisionInForce(ev)
	return d == nil || !s.settledAt(ev, d, at)
}

// cancellationOfCalledOff: the cancellation owed when the decision to notify
// was withdrawn needs no decision in force (NT8).
func (s *modelSnap) cancellationOfCalledOff(ev *ent.CustodyEvent, n *ent.Notice) bool {
	d := s.latestDecision(ev)
	return n.Kind == rules.KindCancellation && s.decisionInForce(ev) == nil && d != nil && d.Status == decision.StatusWITHDRAWN
}

// sendRefusals are what, in the rulebook, stops a notice from moving
// towards its recipient at the moment: security (AS2), a pending appeal
// (DC5), a reservation (RC10) and the addressee on the day (RC5–RC7).
// With addressee false, only security and the appeal.
func (s *modelSnap) sendRefusals(ev *ent.CustodyEvent, n *ent.Notice, at time.Time, addressee bool) []string {
	var why []string
	if sec := s.securityAt(ev, at); sec != secCleared {
		why = append(why, "AS2: security is "+sec)
	}
	d := s.decisionInForce(ev)
	if d == nil && !s.cancellationOfCalledOff(ev, n) {
		why = append(why, "DC7: no decision in force")
	} else if d != nil {
		for _, a := range d.Edges.Appeals {
			if a.Status == appeal.StatusPENDING {
				why = append(why, "DC5: an appeal is pending")
			}
		}
	}
	if !addressee {
		return why
	}
	r := s.recipientOf(n)
	if r == nil {
		return append(why, "RC1: no longer a recipient")
	}
	if r.reservedNow(at) {
		why = append(why, "RC10: the recipient reserved against notices")
	}
	if problem := s.addresseeProblem(n, r, rules.DateOf(at)); problem != "" {
		why = append(why, problem)
	}
	return why
}

// addresseeProblem says what is wrong with whom a notice is written to on a
// day (RC5–RC7), or "".
func (s *modelSnap) addresseeProblem(n *ent.Notice, r *recipientFacts, day time.Time) string {
	if r.nin != "" && r.nin == s.convict.NationalIdentityNumber {
		return "RC7: the recipient is the convict"
	}
	throughGuardian := r.underGuardianship
	if r.birth == nil && !r.underGuardianship {
		return "RC5: the recipient's age is not known"
	}
	if r.birth != nil && rules.AgeOn(*r.birth, day) < 18 {
		throughGuardian = true
	}
	switch {
	case throughGuardian && n.GuardianID == nil:
		return fmt.Sprintf("RC5/RC6: written to a recipient who is a minor or under guardianship on %s", day.Format(time.DateOnly))
	case !throughGuardian && n.GuardianID != nil:
		return fmt.Sprintf("RC5: written to the guardian of a recipient who is of age on %s", day.Format(time.DateOnly))
	case n.GuardianID != nil:
		for _, g := range r.guardians {
			if g.ID == *n.GuardianID {
				if g.ExcludedAsConvict || (g.NationalIdentityNumber != "" && g.NationalIdentityNumber == s.convict.NationalIdentityNumber) {
					return "RC7: the guardian is the convict"
				}
				return ""
			}
		}
		return "RC5: written to someone who is not the recipient's guardian"
	}
	return ""
}

// dueDate is the last day a notice of the event is sent in good time: 14
// days before the event (NT2); an escape as soon as possible after it.
func dueDate(ev *ent.CustodyEvent) time.Time {
	if ev.Kind == rules.Escape {
		return rules.DateOf(ev.CreatedAt).AddDate(0, 0, 1)
	}
	return rules.DateOf(ev.StartsAt).AddDate(0, 0, -14)
}

// ---------------------------------------------------------------------------
// The invariants, from the rulebook.

var streetAddress = regexp.MustCompile(`(?i)(gata|gate|veien|vei|veg|vegen|allé|plass)\s*\d+|postboks|\b\d{4}\s+\p{Lu}`)

func (m *model) checkInvariants() {
	if breaches := m.snap.breaches(m.addresses); len(breaches) > 0 {
		m.rt.Fatalf("invariants broken:\n  %s", strings.Join(breaches, "\n  "))
	}
}

// calledOff: nobody is to be told of the event any more — it was cancelled,
// or the decision to notify withdrawn with none in force since.
func (s *modelSnap) calledOff(ev *ent.CustodyEvent) bool {
	d := s.latestDecision(ev)
	return ev.Status == custodyevent.StatusCANCELLED || (s.decisionInForce(ev) == nil && d != nil && d.Status == decision.StatusWITHDRAWN)
}

// followsTheFacts is NT8, read from the rows: a notice waiting to go tells
// the event's time as it stands; and whoever was told something has, as the
// newest notice to them, the time as it stands — or, the event called off,
// a cancellation — unless they reserved against notices (RC10) or are no
// longer to be written to.
func (s *modelSnap) followsTheFacts(ev *ent.CustodyEvent) []string {
	var out []string
	holds := func(c rules.NoticeContent) bool {
		return c.StartsAt.Equal(ev.StartsAt) && sameEnd(c.EndsAt, ev.EndsAt) && c.DateOnly == ev.DateOnly
	}
	byAddressee := map[string][]*ent.Notice{}
	var order []string
	for _, n := range ev.Edges.Notices {
		if n.Status == rules.NoticeCancelled {
			continue
		}
		if (n.Status == rules.NoticeHeld || n.Status == rules.NoticeReady) && n.Kind != rules.KindCancellation && !holds(n.Content) {
			out = append(out, fmt.Sprintf("NT8: notice %d is %s and tells %s, but the event starts %s", n.ID, n.Status,
				n.Content.StartsAt.Format(time.RFC3339), ev.StartsAt.Format(time.RFC3339)))
		}
		to := addresseeOf(n)
		if _, ok := byAddressee[to]; !ok {
			order = append(order, to)
		}
		byAddressee[to] = append(byAddressee[to], n)
	}
	for _, to := range order {
		ns := byAddressee[to]
		told := slices.ContainsFunc(ns, func(n *ent.Notice) bool { return n.Status.Left() || n.Status == rules.NoticeSending })
		newest := slices.MaxFunc(ns, func(a, b *ent.Notice) int { return cmp.Compare(a.ID, b.ID) })
		r := s.recipientOf(newest)
		if !told || r == nil || r.reservedNow(s.now) || s.addresseeProblem(newest, r, rules.DateOf(s.now)) != "" {
			continue
		}
		switch {
		case s.calledOff(ev) && newest.Kind != rules.KindCancellation:
			out = append(out, fmt.Sprintf("NT8: notice %d told of an event called off, and no cancellation follows", newest.ID))
		case !s.calledOff(ev) && newest.Kind != rules.KindCancellation && !holds(newest.Content):
			out = append(out, fmt.Sprintf("NT8: notice %d (%s, %s, to %s) told %s, the event starts %s, and no correction follows", newest.ID,
				newest.Kind, newest.Status, to, newest.Content.StartsAt.Format(time.RFC3339), ev.StartsAt.Format(time.RFC3339)))
		}
	}
	return out
}

// addresseeOf names whom a notice is written to: the victim or survivor,
// and the guardian when it goes to one.
func addresseeOf(n *ent.Notice) string {
	id := func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	}
	return fmt.Sprintf("victim %d survivor %d guardian %d", id(n.VictimID), id(n.SurvivorID), id(n.GuardianID))
}

func sameEnd(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

func (s *modelSnap) breaches(addresses []string) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	pending := func(n *ent.Notice) bool { return n.Status == rules.NoticeReady || n.Status == rules.NoticeSending }
	sent := func(n *ent.Notice) bool { return n.Status.Left() && n.SentAt != nil }
	forvaring := s.convict.ServingPreventiveDetention
	notifiable := map[rules.EventKind]bool{}
	for _, k := range notifiableKinds {
		notifiable[rules.EventKind(k)] = true
	}

	for _, ev := range s.events {
		// EV1–EV4: only notifiable events are stored.
		switch {
		case !notifiable[ev.Kind]:
			add("EV2: event %d of kind %s is stored", ev.ID, ev.Kind)
		case ev.Kind == rules.Release && ev.FullTermRelease && forvaring:
			add("EV3: the full-term release of a forvaring convict is stored (event %d)", ev.ID)
		case ev.Kind == rules.ResidenceChangeOnParole && forvaring:
			add("EV4: a residence change on parole from forvaring is stored (event %d)", ev.ID)
		}
		for _, d := range ev.Edges.Decisions {
			// DC1: reasons.
			if strings.TrimSpace(d.Reasoning) == "" {
				add("DC1: decision %d states no reasons", d.ID)
			}
			// AS2: no decision while security was not cleared.
			if sec := s.securityAt(ev, d.DecidedAt); sec != secCleared {
				add("AS2: decision %d was made while security was %s", d.ID, sec)
			}
			// DC3: informed after the decision, and never in the future.
			if at := d.ConvictInformedAt; at != nil && (at.Before(d.DecidedAt.Truncate(time.Minute)) || at.After(s.now)) {
				add("DC3: decision %d reached the convict at %s, decided at %s", d.ID, at.Format(time.RFC3339), d.DecidedAt.Format(time.RFC3339))
			}
			// I2 (AS1): everyone registered before the decision was assessed
			// before it, unless a reservation or an agreement covers them.
			for _, r := range s.recipients() {
				if !r.required || r.registered.After(d.DecidedAt) || r.reservedAt(d.DecidedAt) || r.agreementSettled(s, ev, d.DecidedAt) {
					continue
				}
				if a := s.assessmentOf(ev, r); a == nil || a.CreatedAt.After(d.DecidedAt) {
					add("I2 (AS1): decision %d without an assessment of %s %d", d.ID, r.kind, r.id)
				}
			}
			// DC7: an overturned decision leaves nothing to send — but the
			// cancellation owed to whoever was told (NT8).
			if d.Status == decision.StatusOVERTURNED && s.decisionInForce(ev) == nil {
				for _, n := range ev.Edges.Notices {
					if n.Status.Unsent() && n.Kind != rules.KindCancellation {
						add("DC7: notice %d is %s after the decision was overturned", n.ID, n.Status)
					}
				}
			}
		}
		for _, a := range ev.Edges.Assessments {
			// RC1: only victims of cases the convict serves (or lapsed by forvaring, RC2).
			for _, v := range s.victims() {
				if a.VictimID != nil && *a.VictimID == v.ID && s.caseOf(v).Status == rules.Completed {
					add("RC1: assessment %d of a victim in a case the convict no longer serves", a.ID)
				}
			}
		}

		seenTo := map[string]int{}
		sentTo := map[string]int{}
		for _, n := range ev.Edges.Notices {
			r := s.recipientOf(n)
			// I1 (AS2).
			if pending(n) {
				if sec := s.securityAt(ev, s.now); sec != secCleared {
					add("I1 (AS2): notice %d is %s while security is %s", n.ID, n.Status, sec)
				}
			}
			if sent(n) {
				if sec := s.securityAt(ev, *n.SentAt); sec != secCleared {
					add("I1 (AS2): notice %d was sent while security was %s", n.ID, sec)
				}
			}
			// I3 (DC5): the decision final, or a decision maker's justification;
			// never while an appeal is pending.
			d := s.decisionInForce(ev)
			if pending(n) && !(n.Kind == rules.KindCancellation && s.calledOff(ev)) {
				if d == nil {
					add("I3 (DC5): notice %d is %s with no decision in force", n.ID, n.Status)
				} else {
					for _, a := range d.Edges.Appeals {
						if a.Status == appeal.StatusPENDING {
							add("I3 (DC5): notice %d is %s while an appeal is pending", n.ID, n.Status)
						}
					}
					if ev.Kind != rules.Escape && !s.settledAt(ev, d, s.now) && n.EarlyReleaseJustification == "" {
						add("I3 (DC5): notice %d is %s before the decision is final, without a justification", n.ID, n.Status)
					}
				}
			}
			// (A notice sent under a decision since withdrawn was judged by that one.)
			if sent(n) && ev.Kind != rules.Escape && d != nil && !n.SentAt.Before(d.DecidedAt) && !s.settledAt(ev, d, *n.SentAt) && n.EarlyReleaseJustification == "" {
				add("I3 (DC5): notice %d was sent before the decision was final, without a justification", n.ID)
			}
			// I4 (RC5–RC7).
			if r == nil {
				if n.Status != rules.NoticeCancelled {
					add("RC1: notice %d is to nobody who may be notified", n.ID)
				}
			} else {
				if pending(n) {
					if p := s.addresseeProblem(n, r, rules.DateOf(s.now)); p != "" {
						add("I4 (%s): notice %d is %s", p, n.ID, n.Status)
					}
				}
				if sent(n) {
					if p := s.addresseeProblem(n, r, rules.DateOf(*n.SentAt)); p != "" {
						add("I4 (%s): notice %d was sent", p, n.ID)
					}
				}
				if r.caseStatus == rules.Completed {
					add("RC1: notice %d to a victim of a case the convict no longer serves", n.ID)
				}
			}
			// I5 (NT4): no address in what reaches the recipient.
			if n.Status != rules.NoticeCancelled {
				for _, c := range n.Content.Conditions {
					for _, text := range []string{c.Area, c.Description} {
						if streetAddress.MatchString(text) || slices.ContainsFunc(addresses, func(a string) bool { return strings.Contains(text, a) }) {
							add("I5 (NT4): notice %d says %q", n.ID, text)
						}
					}
				}
			}
			// I6 (NT6): one notice to an addressee, and at most one waiting
			// to go beside the one being sent; corrections and cancellations
			// follow it (NT8).
			to := addresseeOf(n)
			if n.Status == rules.NoticeHeld || n.Status == rules.NoticeReady {
				if prev, ok := seenTo[to]; ok {
					add("I6 (NT6): notices %d and %d wait to go to the same addressee", prev, n.ID)
				}
				seenTo[to] = n.ID
			}
			if sent(n) && n.Kind == rules.KindNotice {
				if prev, ok := sentTo[to]; ok {
					add("I6 (NT6): notices %d and %d both sent to the same addressee", prev, n.ID)
				}
				sentTo[to] = n.ID
			}
			// I7 (RC10).
			if r != nil && pending(n) && r.reservedNow(s.now) {
				add("I7 (RC10): notice %d is %s to a recipient who reserved against notices", n.ID, n.Status)
			}
			if r != nil && sent(n) && r.reservedAt(*n.SentAt) {
				add("I7 (RC10): notice %d was sent after the recipient reserved against notices", n.ID)
			}
			// I8 (NT2): due 14 days before; later is marked and justified.
			if ev.Kind != rules.Escape && n.Kind != rules.KindCancellation && (n.Status == rules.NoticeHeld || n.Status == rules.NoticeReady) &&
				!n.DueDate.Equal(dueDate(ev)) {
				add("I8 (NT2): notice %d is due %s, not 14 days before the event (%s)", n.ID, n.DueDate.Format(time.DateOnly), dueDate(ev).Format(time.DateOnly))
			}
			if sent(n) && rules.DateOf(*n.SentAt).After(n.DueDate) && (!n.Late || strings.TrimSpace(n.LateJustification) == "") {
				add("I8 (NT2): notice %d was sent %s, after its due date %s, without being marked late and justified",
					n.ID, rules.DateOf(*n.SentAt).Format(time.DateOnly), n.DueDate.Format(time.DateOnly))
			}
			// NT1, RC9: the channels there are; a protected address through the police.
			if n.Channel != nil {
				switch *n.Channel {
				case rules.Letter, rules.Digipost, rules.Phone, rules.ViaPolice:
				default:
					add("NT1: notice %d has channel %s", n.ID, *n.Channel)
				}
				if sent(n) && n.Route == rules.ThroughPolice && *n.Channel != rules.ViaPolice {
					add("RC9: notice %d to a protected address went by %s", n.ID, *n.Channel)
				}
				if sent(n) && *n.Channel == rules.Phone && strings.TrimSpace(n.PhoneReason) == "" {
					add("NT1: notice %d was given by telephone without a reason", n.ID)
				}
			}
			if r != nil && (r.protection == rules.StrictlyConfidential || r.protection == rules.StrictlyConfidentialAbroad || r.protection == rules.UnknownAddress) &&
				n.GuardianID == nil && n.Route != rules.ThroughPolice {
				add("RC9: notice %d to a protected or unknown address is not routed through the police", n.ID)
			}
		}
		out = append(out, s.followsTheFacts(ev)...)
	}
	// I5 (RC9): no part of a code-6 address is stored.
	code6 := func(p rules.AddressProtection) bool {
		return p == rules.StrictlyConfidential || p == rules.StrictlyConfidentialAbroad
	}
	stored := func(parts ...string) bool {
		return slices.ContainsFunc(parts, func(p string) bool { return strings.TrimSpace(p) != "" })
	}
	for _, v := range s.victims() {
		if code6(v.AddressProtection) && stored(v.AddressLine, v.PostalCode, v.PostalPlace, v.Country) {
			add("I5 (RC9): victim %d has a code-6 address stored", v.ID)
		}
		gs := v.Edges.Guardians
		for _, sv := range v.Edges.Survivors {
			if code6(sv.AddressProtection) && stored(sv.AddressLine, sv.PostalCode, sv.PostalPlace, sv.Country) {
				add("I5 (RC9): survivor %d has a code-6 address stored", sv.ID)
			}
			gs = append(slices.Clone(gs), sv.Edges.Guardians...)
		}
		for _, g := range gs {
			if code6(g.AddressProtection) && stored(g.AddressLine, g.PostalCode, g.PostalPlace, g.Country) {
				add("I5 (RC9): guardian %d has a code-6 address stored", g.ID)
			}
		}
		if v.NationalIdentityNumber != "" && v.NationalIdentityNumber == s.convict.NationalIdentityNumber {
			add("RC7: victim %d is the convict", v.ID)
		}
	}
	return out
}

// ---------------------------------------------------------------------------

const (
	mopRegisterConvict    = `mutation($in: RegisterConvictInput!) { registerConvict(input: $in) { id } }`
	mopAddCase            = `mutation($in: AddCriminalCaseInput!) { addCriminalCase(input: $in) { id } }`
	mopAddVictim          = `mutation($in: AddVictimInput!) { addVictim(input: $in) { id } }`
	mopAddSurvivor        = `mutation($in: AddSurvivorInput!) { addSurvivor(input: $in) { id } }`
	mopAddGuardian        = `mutation($in: AddGuardianInput!) { addGuardian(input: $in) { guardian { id } warnings } }`
	mopRegisterEvent      = `mutation($in: RegisterCustodyEventInput!) { registerCustodyEvent(input: $in) { id } }`
	mopConditions         = `mutation($in: RecordConditionsInput!) { recordConditions(input: $in) { id } }`
	mopRequestInformation = `mutation($in: RequestInformationInput!) { requestInformation(input: $in) { id } }`
	mopSecurity           = `mutation($in: RecordSecurityAssessmentInput!) { recordSecurityAssessment(input: $in) { id } }`
	mopPoliceStatement    = `mutation($in: RecordPoliceStatementInput!) { recordPoliceStatement(input: $in) { id } }`
	mopFinding            = `mutation($in: RecordSecurityFindingInput!) { recordSecurityFinding(input: $in) { id } }`
	mopCompleteRequest    = `mutation($in: CompletePoliceRequestInput!) { completePoliceRequest(input: $in) { id } }`
	mopDecline            = `mutation($id: ID!, $reason: String!) { declinePoliceRequest(id: $id, reason: $reason) { id } }`
	mopAssess             = `mutation($in: RecordSignificanceAssessmentInput!) { recordSignificanceAssessment(input: $in) { id } }`
	mopDecide             = `mutation($in: DecideNotificationInput!) { decideNotification(input: $in) { id } }`
	mopInformed           = `mutation($in: RecordConvictInformedInput!) { recordConvictInformed(input: $in) { id } }`
	mopRegisterAppeal     = `mutation($in: RegisterAppealInput!) { registerAppeal(input: $in) { id } }`
	mopDecideAppeal       = `mutation($in: DecideAppealInput!) { decideAppeal(input: $in) { id } }`
	mopPrepare            = `mutation($in: PrepareNoticesInput!) { prepareNotices(input: $in) { notices { id } warnings } }`
	mopRelease            = `mutation($in: ReleaseNoticeInput!) { releaseNotice(input: $in) { id } }`
	mopDispatch           = `mutation($in: DispatchNoticeInput!) { dispatchNotice(input: $in) { id } }`
	mopPosted             = `mutation($id: ID!, $lateJustification: String) { markNoticePosted(id: $id, lateJustification: $lateJustification) { id } }`
	mopDocumented         = `mutation($id: ID!, $d: String!) { documentPhoneNotice(id: $id, documentation: $d) { id } }`
	mopCancel             = `mutation($in: CancelNoticeInput!) { cancelNotice(input: $in) { id } }`
	mopReservation        = `mutation($in: RecordReservationInput!) { recordReservation(input: $in) { id } }`
	mopLiftReservation    = `mutation($id: ID!) { liftReservation(id: $id) { id } }`
	mopAgreement          = `mutation($in: RecordNotificationAgreementInput!) { recordNotificationAgreement(input: $in) { id } }`
)

func itoa(id int) string { return strconv.Itoa(id) }

func atoi(v any) int {
	n, err := strconv.Atoi(fmt.Sprint(v))
	if err != nil {
		panic(fmt.Sprintf("not an id: %v", v))
	}
	return n
}
