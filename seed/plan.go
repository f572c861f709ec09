package seed

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"varsel/rules"
)

// The plan of one convict: every row the seed writes about the convict, with
// its final ID. Plans are drawn one convict after another, in order, from a
// random source seeded by the convict's index, and each draws its IDs from
// the running counters; so each pass over the convicts (one per table) draws
// the same plans and the same IDs without keeping them in memory.

// env is what every plan is drawn against.
type env struct {
	now       time.Time
	spanFrom  time.Time // the first day of the seeded years
	units     []unitInfo
	cumWeight []float64
	districts map[string]int // police district code → ID
	byRegion  map[string][]int
	nins      *ninCache
}

type unitInfo struct {
	id           int
	code, region string // region: the region's code, e.g. OST
	regionID     int    // the parent region unit; it decides for the unit at region level (DC2)
	appealID     int    // the unit above the region (the directorate), for appeals decided by a region
	highSecurity bool
	district     int
}

// counters are the running IDs of each table, and of each space of identity
// numbers, as the plans draw them.
type counters struct {
	convicts, cases, victims, survivors, guardians, events, security, assessments,
	decisions, appeals, notices, requests int
	// nins counts the identity numbers drawn for each birth date of each
	// space of numbers.
	nins map[[2]int]int
}

// clone is a copy to walk with, so that each pass starts from the same counts.
func (c counters) clone() counters {
	c.nins = map[[2]int]int{}
	return c
}

// nin draws the next identity number of a space for someone born on (about)
// birth: the date is kept inside the space's range.
func (c *counters) nin(e *env, space int, birth time.Time) ninRef {
	d := e.nins.dayOf(space, birth)
	key := [2]int{space, d}
	n := ninRef{space: space, day: d, nth: c.nins[key]}
	c.nins[key]++
	return n
}

type person struct {
	id         int
	name       string
	nin        ninRef
	birth      time.Time
	address    string // empty when the address is strictly confidential or unknown (RC9)
	place      place
	protection rules.AddressProtection
	standard   rules.WrittenStandard
	district   int
}

type convictRow struct {
	id              int
	name            string
	nin             ninRef
	birth           time.Time
	unitID          int
	preventive      bool
	overTen         bool
	infoflyt        bool
	sentenceEndedOn *time.Time
	createdAt       time.Time
}

type caseRow struct {
	id         int
	number     string
	judged     time.Time
	categories []rules.OffenceCategory
	status     rules.CaseStatus
	reasoning  string
}

type victimRow struct {
	person
	caseID            int
	deceased          bool
	underGuardianship bool
	minorSpace        bool
}

type survivorRow struct {
	person
	victimID int
	relation rules.FamilyRelation
	siblings int // survivors of the same victim, this one included
}

type guardianRow struct {
	person
	victimID int
	kind     rules.GuardianKind
}

type eventRow struct {
	id                 int
	kind               rules.EventKind
	startsAt           time.Time
	endsAt             *time.Time
	level              rules.Level
	decidingUnitID     int
	fullTermRelease    bool
	reportingDutyUntil *time.Time
	status             string
	createdAt          time.Time
	updatedAt          time.Time
}

type securityRow struct {
	id         int
	eventID    int
	outcome    rules.SecurityOutcome
	statement  string
	assessedAt time.Time
	requestID  *int
	updatedAt  time.Time
}

type assessmentRow struct {
	id          int
	eventID     int
	victimID    *int
	survivorID  *int
	notify      bool
	minor       bool
	several     bool
	assessedAt  time.Time
	decisionIDs []int
}

type decisionRow struct {
	id             int
	eventID        int
	status         string
	level          rules.Level
	decidingUnitID int
	decidedAt      time.Time
	informedAt     *time.Time
	informedHow    string
	impracticable  string
	deadline       *time.Time
	updatedAt      time.Time
	assessments    []int
}

type appealRow struct {
	id           int
	decisionID   int
	receivedAt   time.Time
	status       string
	decidedAt    *time.Time
	decidingUnit int
}

type noticeRow struct {
	id            int
	eventID       int
	assessmentID  int
	victimID      *int
	survivorID    *int
	guardianID    *int
	district      int
	status        string
	route         rules.Route
	channel       *rules.Channel
	due           time.Time
	late          bool
	content       rules.NoticeContent
	standard      rules.WrittenStandard
	dedupeKey     string
	sentAt        *time.Time
	deliveredAt   *time.Time
	phoneReason   string
	documentedAt  *time.Time
	cancelledAt   *time.Time
	cancelReason  string
	createdAt     time.Time
	updatedAt     time.Time
	justification string
}

type requestRow struct {
	id             int
	kind           string
	status         string
	question       string
	response       string
	riskConfirmed  *bool
	deliveredAt    *time.Time
	deliveryManner string
	acknowledgedAt *time.Time
	completedAt    *time.Time
	eventID        int
	noticeID       *int
	district       int
	unitID         int
	createdAt      time.Time
	updatedAt      time.Time
}

type plan struct {
	convict     convictRow
	unit        *unitInfo
	cases       []caseRow
	victims     []victimRow
	survivors   []survivorRow
	guardians   []guardianRow
	events      []eventRow
	security    []securityRow
	assessments []assessmentRow
	decisions   []decisionRow
	appeals     []appealRow
	notices     []noticeRow
	requests    []requestRow
}

const day = 24 * time.Hour

// worklistWindow is how far back the caseworkers' worklist looks
// (workflow.worklistHorizon): events older than that are CLOSED when all is
// done; newer ones stay OPEN, as the service leaves them.
const worklistWindow = 30 * day

// maxRegistrationLead is how long before an event it is at most registered:
// leaves and releases are planned some weeks ahead, so the seed has
// registered events up to this far into the future.
const maxRegistrationLead = 50 * day

func between(r *rand.Rand, from, to time.Duration) time.Duration {
	if to <= from {
		return from
	}
	return from + time.Duration(r.Int64N(int64(to-from)))
}

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

func ptr[T any](v T) *T { return &v }

// atNorway is the instant of a Norwegian wall-clock time on t's date.
func atNorway(t time.Time, hour, minute int) time.Time {
	y, m, d := t.In(rules.Norway).Date()
	return time.Date(y, m, d, hour, minute, 0, 0, rules.Norway).UTC()
}

func (e *env) pickUnit(r *rand.Rand) *unitInfo {
	x := r.Float64() * e.cumWeight[len(e.cumWeight)-1]
	lo, hi := 0, len(e.cumWeight)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if e.cumWeight[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return &e.units[lo]
}

func name(r *rand.Rand) string {
	return firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
}

// newPerson draws where a person lives: mostly near the convict's unit.
func (e *env) newPerson(r *rand.Rand, u *unitInfo, id int, nin ninRef) person {
	pl := places[r.IntN(len(places))]
	if near := e.byRegion[u.region]; len(near) > 0 && chance(r, 0.75) {
		pl = places[near[r.IntN(len(near))]]
	}
	p := person{id: id, name: name(r), nin: nin, birth: nin.birth(e.nins), place: pl, district: e.districts[pl.district]}
	switch n := r.IntN(1000); {
	case n < 15:
		p.protection = rules.StrictlyConfidential // no address is stored (RC9)
	case n < 20:
		p.protection = rules.UnknownAddress
	case n < 40:
		p.protection = rules.Confidential
	default:
		p.protection = rules.Unprotected
	}
	if p.protection != rules.StrictlyConfidential && p.protection != rules.UnknownAddress {
		p.address = fmt.Sprintf("%s %d", streets[r.IntN(len(streets))], 1+r.IntN(120))
	}
	switch n := r.IntN(100); {
	case n < 11:
		p.standard = rules.Nynorsk
	case n < 13:
		p.standard = rules.English
	default:
		p.standard = rules.Bokmal
	}
	return p
}

var offenceMix = []struct {
	cat    rules.OffenceCategory
	weight int
	// notifyShare is how many of such convicts' victims are followed with
	// notices event after event.
	notifyShare float64
}{
	{rules.Violence, 36, 0.2}, {rules.Threats, 15, 0.2}, {rules.Sexual, 15, 0.35}, {rules.Homicide, 4, 0.6},
	{rules.Property, 20, 0.04}, {rules.OtherOffence, 10, 0.08},
}

var eventMix = []struct {
	kind   rules.EventKind
	weight int
}{
	{rules.Leave, 58}, {rules.DayRelease, 16}, {rules.ServingOutsidePrison, 6}, {rules.ElectronicMonitoring, 9},
	{rules.Interruption, 3}, {rules.Escape, 2},
}

// planFor draws convict i's plan, taking IDs from c.
func (e *env) planFor(i int, c *counters) *plan {
	r := rand.New(rand.NewPCG(uint64(i), 0x5eed_7a25e1))
	now := e.now
	p := &plan{unit: e.pickUnit(r)}
	cv := &p.convict
	cv.id = c.convicts
	c.convicts++
	cv.name = name(r)
	cv.unitID = p.unit.id

	// The sentence: how long it is, and when it began. Every sentence
	// overlaps the seeded years, and starts anywhere from its length before
	// them to a week ago: so every year of the seeded years has about as many
	// convicts serving, and events, as any other.
	var length time.Duration
	switch n := r.IntN(1000); {
	case n < 15: // forvaring
		cv.preventive = true
		length = between(r, 5*365*day, 15*365*day)
	case n < 45:
		cv.overTen = true
		length = between(r, 10*365*day, 21*365*day)
	case n < 160:
		length = between(r, 3*365*day, 10*365*day)
	case n < 450:
		length = between(r, 365*day, 3*365*day)
	default:
		length = between(r, 45*day, 365*day)
	}
	span := now.Sub(e.spanFrom)
	start := e.spanFrom.Add(-length).Add(between(r, 0, span+length-7*day))
	// Most are young when sentenced: 18 to 30 for half of them.
	age := 18 + r.IntN(13)
	if chance(r, 0.5) {
		age = 18 + r.IntN(50)
	}
	cv.nin = c.nin(e, convictSpace, start.AddDate(-age, 0, -r.IntN(365)))
	cv.birth = cv.nin.birth(e.nins)
	if adult := cv.birth.AddDate(18, 0, 1); start.Before(adult) {
		start = adult
	}
	end := start.Add(length)
	cv.infoflyt = r.IntN(400) == 0
	cv.createdAt = start.Add(-between(r, day, 20*day))
	if cv.createdAt.Before(e.spanFrom) {
		cv.createdAt = e.spanFrom // when the service took over the case
	}

	// Cases and victims, survivors and guardians.
	nCases := 1
	switch n := r.IntN(100); {
	case n < 8:
		nCases = 3
	case n < 32:
		nCases = 2
	}
	primary := offenceMix[0]
	for j := range nCases {
		pick := r.IntN(100)
		mix := offenceMix[len(offenceMix)-1]
		for _, m := range offenceMix {
			if pick < m.weight {
				mix = m
				break
			}
			pick -= m.weight
		}
		if j == 0 {
			primary = mix
		}
		cats := []rules.OffenceCategory{mix.cat}
		if mix.cat == rules.Violence && chance(r, 0.3) {
			cats = append(cats, rules.Threats)
		}
		judged := rules.DateOf(start.Add(-between(r, 14*day, 240*day)))
		cs := caseRow{id: c.cases, categories: cats, status: rules.Serving, judged: judged,
			number: fmt.Sprintf("%02d-%06dMED-%s/%02d", judged.Year()%100, r.IntN(1_000_000), courts[r.IntN(len(courts))], j+1)}
		c.cases++
		if j > 0 && chance(r, 0.12) {
			cs.status = rules.Completed // served before; its victims are not notified (RC1)
		}
		if chance(r, 0.3) {
			cs.reasoning = "Syntetisk: retten la vekt på den grove voldsbruken og forholdet mellom partene."
		}
		p.cases = append(p.cases, cs)

		nVictims := 1
		switch n := r.IntN(100); {
		case n < 5:
			nVictims = 4
		case n < 15:
			nVictims = 3
		case n < 50:
			nVictims = 2
		}
		for k := range nVictims {
			v := victimRow{caseID: cs.id}
			v.deceased = mix.cat == rules.Homicide && k == 0
			// A child victim: one who is still a minor, of a recent case,
			// born before the offence.
			minor := !v.deceased && judged.After(now.AddDate(-6, 0, 0)) && chance(r, 0.25)
			if minor {
				v.minorSpace = true
				birth := judged.AddDate(-1-r.IntN(10), 0, -r.IntN(365))
				v.person = e.newPerson(r, p.unit, c.victims, c.nin(e, minorSpace, birth))
			} else {
				birth := judged.AddDate(-18-r.IntN(60), 0, -r.IntN(365))
				v.person = e.newPerson(r, p.unit, c.victims, c.nin(e, victimSpace, birth))
				v.underGuardianship = chance(r, 0.01)
			}
			c.victims++
			p.victims = append(p.victims, v)
		}
	}
	for vi := range p.victims {
		v := &p.victims[vi]
		if v.deceased {
			relations := []rules.FamilyRelation{rules.Spouse, rules.Cohabitant, rules.Child, rules.Parent, rules.Sibling}
			n := 1 + r.IntN(4)
			for s := range n {
				rel := relations[r.IntN(len(relations))]
				if s == 0 {
					rel = relations[r.IntN(2)]
				}
				sv := survivorRow{victimID: v.id, relation: rel, siblings: n,
					person: e.newPerson(r, p.unit, c.survivors, c.nin(e, survivorSpace, v.birth.AddDate(r.IntN(50)-25, 0, r.IntN(365))))}
				c.survivors++
				p.survivors = append(p.survivors, sv)
			}
		}
		if v.minorSpace || v.underGuardianship {
			kind, n := rules.ParentalResponsibility, 1+boolInt(chance(r, 0.65))
			if v.underGuardianship {
				kind, n = rules.AppointedGuardian, 1
			}
			for range n {
				birth := v.birth.AddDate(-22-r.IntN(23), 0, -r.IntN(365)) // a parent
				if v.underGuardianship {
					birth = now.AddDate(-30-r.IntN(40), 0, -r.IntN(365))
				}
				g := guardianRow{victimID: v.id, kind: kind,
					person: e.newPerson(r, p.unit, c.guardians, c.nin(e, guardianSpace, birth))}
				c.guardians++
				p.guardians = append(p.guardians, g)
			}
		}
	}

	// The custody events of the sentence within the seeded years, and the
	// release at its end. A paroled convict may change residence while the
	// reporting duty lasts.
	from, to := start.Add(14*day), end
	if from.Before(e.spanFrom) {
		from = e.spanFrom
	}
	horizon := now.Add(maxRegistrationLead)
	if to.After(horizon) {
		to = horizon
	}
	type draft struct {
		kind     rules.EventKind
		at       time.Time
		fullTerm bool
		duty     *time.Time
	}
	var drafts []draft
	if to.After(from) {
		months := float64(to.Sub(from)) / float64(30*day)
		n := int(months*0.565*(0.5+r.Float64()) + r.Float64())
		for range min(n, 40) {
			at := from.Add(between(r, 0, to.Sub(from)))
			pick := r.IntN(100)
			kind := rules.Leave
			for _, m := range eventMix {
				if pick < m.weight {
					kind = m.kind
					break
				}
				pick -= m.weight
			}
			if kind == rules.Escape && at.After(now.Add(-day)) {
				kind = rules.Leave // an escape is registered when it has happened
			}
			drafts = append(drafts, draft{kind: kind, at: at})
		}
	}
	ended := end // when the sentence, parole included, ends
	if !end.Before(from) && !end.After(horizon) {
		d := draft{kind: rules.Release, at: end, fullTerm: chance(r, 0.45)}
		if cv.preventive {
			d.kind, d.fullTerm = rules.ParoleFromPreventiveDetention, false
		}
		drafts = append(drafts, d)
		if !d.fullTerm {
			duty := rules.DateOf(end.Add(between(r, 180*day, 2*365*day)))
			ended = duty
			if !cv.preventive && chance(r, 0.35) {
				at := end.Add(between(r, 30*day, duty.Sub(end)))
				if at.Before(horizon) {
					drafts = append(drafts, draft{kind: rules.ResidenceChangeOnParole, at: at, duty: &duty})
				}
			}
		}
	}
	if ended.Before(now) {
		cv.sentenceEndedOn = ptr(rules.DateOf(ended))
	}

	// Who may be notified: the living victims of the cases being served,
	// and the survivors of those who died (RC1, RC3).
	type recipient struct {
		victim   *victimRow
		survivor *survivorRow
	}
	var recipients []recipient
	serving := map[int]bool{}
	for _, cs := range p.cases {
		serving[cs.id] = cs.status == rules.Serving
	}
	for vi := range p.victims {
		v := &p.victims[vi]
		if !serving[v.caseID] {
			continue
		}
		if !v.deceased {
			recipients = append(recipients, recipient{victim: v})
			continue
		}
		for si := range p.survivors {
			if p.survivors[si].victimID == v.id {
				recipients = append(recipients, recipient{survivor: &p.survivors[si]})
			}
		}
	}
	guardiansOf := func(victimID int) []*guardianRow {
		var gs []*guardianRow
		for gi := range p.guardians {
			if p.guardians[gi].victimID == victimID {
				gs = append(gs, &p.guardians[gi])
			}
		}
		return gs
	}
	// followed: the victims of this convict are followed with notices
	// throughout; for the others, only the events still on the worklist
	// went through the assessments.
	followed := chance(r, primary.notifyShare)

	type when struct {
		kind rules.EventKind
		at   int64
	}
	seen := map[when]bool{}
	for _, d := range drafts {
		// Events have a time of day; a leave starts in the morning.
		at := atNorway(d.at, 8+r.IntN(4), 15*r.IntN(4))
		if d.kind == rules.Escape {
			at = d.at.Truncate(time.Minute)
		}
		key := when{d.kind, at.Unix()}
		if seen[key] {
			continue
		}
		seen[key] = true
		ev := eventRow{kind: d.kind, startsAt: at, fullTermRelease: d.fullTerm, reportingDutyUntil: d.duty}
		lead := between(r, 24*day, maxRegistrationLead)
		if chance(r, 0.12) {
			lead = between(r, 5*day, 24*day) // granted at short notice: the notices may be late
		}
		ev.createdAt = at.Add(-lead)
		if d.kind == rules.Escape {
			ev.createdAt = at.Add(between(r, time.Hour, 8*time.Hour))
		}
		if ev.createdAt.After(now) {
			continue // not registered yet
		}
		switch d.kind {
		case rules.Leave:
			ev.endsAt = ptr(at.Add(between(r, 8*time.Hour, 3*day)))
		case rules.Interruption:
			ev.endsAt = ptr(at.Add(between(r, 7*day, 40*day)))
		}
		ev.level = rules.DecidingLevel(d.kind, rules.ConvictProfile{SentenceOverTenYears: cv.overTen,
			ServingPreventiveDetention: cv.preventive, HighSecurityUnit: p.unit.highSecurity})
		ev.decidingUnitID = p.unit.id
		if ev.level == rules.RegionLevel && p.unit.regionID != 0 {
			ev.decidingUnitID = p.unit.regionID
		} else {
			ev.level = rules.LocalLevel
		}
		ev.id = c.events
		c.events++
		ev.status = "OPEN"
		ev.updatedAt = ev.createdAt
		recent := !at.Before(now.Add(-worklistWindow))
		switch {
		case chance(r, 0.015):
			// Withdrawn before anything was done (a leave revoked).
			cancelled := ev.createdAt.Add(between(r, time.Hour, 2*day))
			if !cancelled.After(now) {
				ev.status, ev.updatedAt = "CANCELLED", cancelled
			}
		case followed || recent:
			e.workflow(r, p, &ev, c, func(yield func(*victimRow, *survivorRow) bool) {
				for _, rc := range recipients {
					if !yield(rc.victim, rc.survivor) {
						return
					}
				}
			}, guardiansOf, followed)
		}
		if ev.status == "OPEN" && !recent {
			ev.status = "CLOSED"
			ev.updatedAt = at.Add(worklistWindow)
		}
		if ev.updatedAt.After(now) {
			ev.updatedAt = now
		}
		p.events = append(p.events, ev)
	}
	return p
}

// workflow draws what was done for one event up to now, step by step as
// the service does it: the security assessment (AS2), with the police's
// statement when asked; an assessment for each potential recipient (AS3); the
// decision (DC1) and informing the convict (DC3); an appeal now and then
// (DC7); the notices, held until the appeal deadline has passed (DC5), then
// sent by letter, Digipost, telephone or the police (NT1, RC9).
func (e *env) workflow(r *rand.Rand, p *plan, ev *eventRow, c *counters,
	recipients func(yield func(*victimRow, *survivorRow) bool), guardiansOf func(int) []*guardianRow, followed bool) {
	now := e.now
	escape := ev.kind == rules.Escape
	touch := func(t time.Time) {
		if t.After(ev.updatedAt) && !t.After(now) {
			ev.updatedAt = t
		}
	}

	// Security first.
	secAt := ev.createdAt.Add(between(r, time.Hour, 2*day))
	if escape {
		secAt = ev.createdAt.Add(between(r, 20*time.Minute, 3*time.Hour))
	}
	if secAt.After(now) {
		return
	}
	sa := securityRow{id: c.security, eventID: ev.id, outcome: rules.NoRisk, assessedAt: secAt, updatedAt: secAt}
	c.security++
	cleared := secAt
	if n := r.IntN(100); n < 8 {
		// A possible risk of revenge: the police are asked (AS2).
		rq := requestRow{id: c.requests, kind: "SECURITY_STATEMENT", status: "OPEN", eventID: ev.id,
			district: p.unit.district, unitID: p.unit.id, createdAt: secAt, updatedAt: secAt,
			question: "Er det fare for hevnaksjoner eller lignende mot domfelte dersom fornærmede varsles om hendelsen?"}
		c.requests++
		sa.requestID = &rq.id
		sa.outcome = rules.AwaitingPolice
		if ack := secAt.Add(between(r, time.Hour, day)); !ack.After(now) {
			rq.status, rq.acknowledgedAt, rq.updatedAt = "ACKNOWLEDGED", &ack, ack
		}
		answered := secAt.Add(between(r, 12*time.Hour, 6*day))
		if escape {
			answered = secAt.Add(between(r, time.Hour, 6*time.Hour))
		}
		if !answered.After(now) {
			confirmed := n < 3
			rq.status, rq.completedAt, rq.updatedAt, rq.riskConfirmed = "COMPLETED", &answered, answered, &confirmed
			if rq.acknowledgedAt == nil {
				rq.acknowledgedAt = &answered
			}
			rq.response = "Politiet kjenner ikke til forhold som tilsier fare for hevnaksjoner."
			sa.outcome = rules.RiskRuledOut
			if confirmed {
				rq.response = "Politiet har opplysninger om at domfelte kan bli utsatt for hevnaksjoner."
				sa.outcome = rules.RiskConfirmed
			}
			sa.statement, sa.updatedAt = rq.response, answered
			cleared = answered
		}
		p.requests = append(p.requests, rq)
	}
	p.security = append(p.security, sa)
	touch(sa.updatedAt)
	if sa.outcome != rules.NoRisk && sa.outcome != rules.RiskRuledOut {
		return // waiting for the police, or no notice is given
	}

	// The assessment of each potential recipient.
	notifyShare := 0.12
	if followed {
		notifyShare = 0.59
	}
	done, last := true, cleared
	var notify []*assessmentRow
	start := len(p.assessments)
	for v, s := range recipients {
		at := cleared.Add(between(r, time.Hour, 2*day))
		if escape {
			at = cleared.Add(between(r, 10*time.Minute, 2*time.Hour))
		}
		if at.After(now) {
			done = false
			continue
		}
		a := assessmentRow{id: c.assessments, eventID: ev.id, notify: chance(r, notifyShare), assessedAt: at}
		c.assessments++
		if v != nil {
			a.victimID = &v.id
			a.minor = rules.IsMinor(v.birth, at)
		} else {
			a.survivorID = &s.id
			a.several = s.siblings > 1
		}
		p.assessments = append(p.assessments, a)
		touch(at)
		if at.After(last) {
			last = at
		}
	}
	for ai := start; ai < len(p.assessments); ai++ {
		if p.assessments[ai].notify {
			notify = append(notify, &p.assessments[ai])
		}
	}
	if !done || len(notify) == 0 {
		return
	}

	// The decision, and the convict told of it.
	decided := last.Add(between(r, time.Hour, 36*time.Hour))
	if escape {
		decided = last.Add(between(r, 10*time.Minute, 2*time.Hour))
	}
	if decided.After(now) {
		return
	}
	d := decisionRow{id: c.decisions, eventID: ev.id, status: "IN_FORCE", level: ev.level,
		decidingUnitID: ev.decidingUnitID, decidedAt: decided, updatedAt: decided}
	c.decisions++
	for _, a := range notify {
		d.assessments = append(d.assessments, a.id)
		a.decisionIDs = append(a.decisionIDs, d.id)
	}
	touch(decided)
	final := decided // when the notices may go (DC5)
	var overturned *time.Time
	if escape {
		d.impracticable = "Domfelte har unndratt seg gjennomføringen og kan ikke underrettes før varselet gis (straffegjennomføringsloven § 40 siste ledd)."
	} else {
		informed := decided.Add(between(r, time.Hour, day))
		if informed.After(now) {
			p.decisions = append(p.decisions, d)
			return
		}
		d.informedAt, d.informedHow, d.updatedAt = &informed, "LETTER", informed
		if chance(r, 0.3) {
			d.informedHow = "IN_PERSON"
		}
		d.deadline = ptr(rules.AppealDeadline(rules.DateOf(informed)))
		touch(informed)
		// The appeal deadline passes at the end of its day; the periodic
		// job releases the held notices shortly after.
		final = time.Date(d.deadline.Year(), d.deadline.Month(), d.deadline.Day()+1, 0, 0, 0, 0, rules.Norway).
			Add(between(r, time.Minute, 10*time.Minute)).UTC()
		if chance(r, 0.04) {
			received := informed.Add(between(r, day, 6*day))
			if !received.After(now) {
				ap := appealRow{id: c.appeals, decisionID: d.id, receivedAt: received, status: "PENDING",
					decidingUnit: p.unit.regionID}
				if ev.level == rules.RegionLevel {
					ap.decidingUnit = p.unit.appealID
				}
				c.appeals++
				decidedAt := received.Add(between(r, 2*day, 8*day))
				if decidedAt.After(now) {
					final = decidedAt.Add(365 * day) // never before the appeal is decided
				} else {
					ap.decidedAt = &decidedAt
					ap.status = "UPHELD"
					final = decidedAt
					if chance(r, 0.25) {
						ap.status = "OVERTURNED"
						d.status, d.updatedAt = "OVERTURNED", decidedAt
						overturned = &decidedAt
					}
				}
				p.appeals = append(p.appeals, ap)
				touch(received)
			}
		}
	}
	p.decisions = append(p.decisions, d)

	// The notices: one per addressee — the victim or survivor, or a minor's
	// (or a ward's) guardians (RC5, RC6) — prepared when the convict has been
	// told, and held until the decision is final.
	prepared := decided
	if d.informedAt != nil {
		prepared = d.informedAt.Add(between(r, 10*time.Minute, 12*time.Hour))
	}
	if prepared.After(now) {
		return
	}
	due := rules.NoticeDueDate(ev.kind, ev.startsAt, ev.createdAt)
	late := rules.IsLate(due, prepared)
	content := rules.NoticeContentFor(rules.EventFacts{Kind: ev.kind, StartsAt: ev.startsAt, EndsAt: ev.endsAt},
		ev.fullTermRelease, nil)
	dispatched := final
	if prepared.After(dispatched) {
		dispatched = prepared
	}
	dispatched = dispatched.Add(between(r, 10*time.Minute, day))
	if escape {
		dispatched = prepared.Add(between(r, 15*time.Minute, 12*time.Hour))
	} else if latest := ev.startsAt.Add(-day); dispatched.After(latest) && final.Before(latest) {
		dispatched = final.Add(between(r, 0, latest.Sub(final)))
	}
	for _, a := range notify {
		type to struct {
			kind string
			p    *person
			g    *int
		}
		var addressees []to
		switch {
		case a.survivorID != nil:
			for si := range p.survivors {
				if p.survivors[si].id == *a.survivorID {
					addressees = append(addressees, to{"SURVIVOR", &p.survivors[si].person, nil})
				}
			}
		default:
			var v *victimRow
			for vi := range p.victims {
				if p.victims[vi].id == *a.victimID {
					v = &p.victims[vi]
				}
			}
			if gs := guardiansOf(v.id); len(gs) > 0 && (v.underGuardianship || rules.IsMinor(v.birth, prepared)) {
				for _, g := range gs {
					addressees = append(addressees, to{"GUARDIAN", &g.person, &g.id})
				}
			} else {
				addressees = append(addressees, to{"VICTIM", &v.person, nil})
			}
		}
		for _, t := range addressees {
			n := noticeRow{id: c.notices, eventID: ev.id, assessmentID: a.id, victimID: a.victimID, survivorID: a.survivorID,
				guardianID: t.g, district: t.p.district, status: "HELD", route: rules.DeliveryRoute(t.p.protection),
				due: due, late: late, content: content, standard: rules.LetterStandard(t.p.standard),
				dedupeKey: fmt.Sprintf("%d:%s:%d", ev.id, t.kind, t.p.id), createdAt: prepared, updatedAt: prepared}
			c.notices++
			if late {
				n.justification = "Hendelsen ble innvilget med kort varsel; varselet gis så snart det lar seg gjøre."
			}
			ch := rules.Letter
			switch x := r.IntN(100); {
			case n.route == rules.ThroughPolice:
				ch = rules.ViaPolice
			case escape && x < 35:
				ch = rules.Phone
			case x < 3:
				ch = rules.Phone
			case x < 38:
				ch = rules.Digipost
			}
			switch {
			case overturned != nil:
				n.status, n.cancelledAt, n.cancelReason, n.updatedAt = "CANCELLED", overturned,
					"Klagen førte fram: vedtaket om varsling er opphevet (DC7).", *overturned
			case final.After(now):
				// Held until the appeal deadline has passed or the appeal is decided.
			case dispatched.After(now):
				n.status, n.updatedAt = "READY", final
			default:
				n.channel, n.updatedAt = &ch, dispatched
				switch ch {
				case rules.Letter:
					n.status = "SENDING" // in the print batch until posted
					if posted := dispatched.Add(between(r, time.Hour, 24*time.Hour)); !posted.After(now) {
						n.status, n.sentAt, n.updatedAt = "SENT", &posted, posted
					}
				case rules.Digipost:
					sent := dispatched.Add(between(r, time.Second, 5*time.Minute))
					if sent.After(now) {
						sent = now
					}
					n.status, n.sentAt, n.updatedAt = "SENT", &sent, sent
				case rules.Phone:
					n.status, n.sentAt = "SENT", &dispatched
					n.phoneReason = "Mottakeren måtte varsles straks, og brev ville ikke nådd fram i tide."
					if documented := dispatched.Add(between(r, 20*time.Minute, 40*time.Hour)); !documented.After(now) {
						n.documentedAt, n.updatedAt = &documented, documented
					}
				case rules.ViaPolice:
					n.status, n.sentAt = "SENT", &dispatched
					rq := requestRow{id: c.requests, kind: "DELIVER_NOTICE", status: "OPEN", eventID: ev.id, noticeID: &n.id,
						district: t.p.district, unitID: p.unit.id, createdAt: dispatched, updatedAt: dispatched,
						question: fmt.Sprintf("Kriminalomsorgen ber politiet levere varsel om %s til en fornærmet eller etterlatt med skjermet eller ukjent adresse, senest %s.",
							ev.kind.Name(), due.Format("02.01.2006"))}
					c.requests++
					if ack := dispatched.Add(between(r, time.Hour, day)); !ack.After(now) {
						rq.status, rq.acknowledgedAt, rq.updatedAt = "ACKNOWLEDGED", &ack, ack
					}
					if delivered := dispatched.Add(between(r, 10*time.Hour, 6*day)); !delivered.After(now) {
						rq.status, rq.completedAt, rq.deliveredAt, rq.deliveryManner, rq.updatedAt = "COMPLETED", &delivered, &delivered, "Overlevert personlig", delivered
						if rq.acknowledgedAt == nil {
							rq.acknowledgedAt = &delivered
						}
						n.status, n.deliveredAt, n.updatedAt = "DELIVERED", &delivered, delivered
					}
					p.requests = append(p.requests, rq)
				}
			}
			touch(n.updatedAt)
			p.notices = append(p.notices, n)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Identity numbers. Each kind of person draws from its own space: a range of
// birth dates and a range of individual numbers, so no two people share a
// number and a convict never has a victim's or a guardian's number (RC7).
// The n-th person of a space born on a day gets the n-th synthetic number of
// that day (PR1: month + 80).
type ninSpace struct {
	fromYears, toYears int // the range of birth dates, in years before now
	lo, hi             int // individual numbers
}

const (
	convictSpace = iota
	victimSpace
	minorSpace
	survivorSpace
	guardianSpace
)

var ninSpaces = []ninSpace{
	convictSpace:  {fromYears: 85, toYears: 18, lo: 0, hi: 249},
	victimSpace:   {fromYears: 100, toYears: 18, lo: 250, hi: 499},
	minorSpace:    {fromYears: 18, toYears: 0, lo: 500, hi: 999},
	survivorSpace: {fromYears: 100, toYears: 18, lo: 500, hi: 749},
	guardianSpace: {fromYears: 100, toYears: 18, lo: 750, hi: 999},
}

type ninRef struct{ space, day, nth int }

// ninCache remembers the valid individual numbers of each day of each space.
type ninCache struct {
	mu    sync.Mutex
	first []time.Time // per space: the first birth date
	days  []int
	valid map[[2]int][]int16
}

func newNINCache(now time.Time) *ninCache {
	c := &ninCache{valid: map[[2]int][]int16{}}
	today := rules.DateOf(now)
	for _, s := range ninSpaces {
		first := today.AddDate(-s.fromYears, 0, 1)
		c.first = append(c.first, first)
		c.days = append(c.days, int(today.AddDate(-s.toYears, 0, 0).Sub(first)/day))
	}
	return c
}

// dayOf is the day of a space a birth date falls on; a date outside the
// range wraps round into it.
func (c *ninCache) dayOf(space int, birth time.Time) int {
	d := int(rules.DateOf(birth).Sub(c.first[space]) / day)
	return (d%c.days[space] + c.days[space]) % c.days[space]
}

func (n ninRef) birth(c *ninCache) time.Time { return c.first[n.space].AddDate(0, 0, n.day) }

// number is the identity number itself.
func (n ninRef) number(c *ninCache) (string, error) {
	birth := n.birth(c)
	s := ninSpaces[n.space]
	c.mu.Lock()
	key := [2]int{n.space, n.day}
	valid := c.valid[key]
	for len(valid) <= n.nth {
		from := s.lo
		if len(valid) > 0 {
			from = int(valid[len(valid)-1]) + 1
		}
		nin, err := rules.SyntheticIdentityNumber(birth, from)
		var ind int
		if err == nil {
			fmt.Sscanf(nin[6:9], "%d", &ind)
		}
		if err != nil || ind > s.hi {
			c.mu.Unlock()
			return "", fmt.Errorf("seed: no more synthetic identity numbers for %s in %03d–%03d", birth.Format(time.DateOnly), s.lo, s.hi)
		}
		valid = append(valid, int16(ind))
	}
	c.valid[key] = valid
	ind := int(valid[n.nth])
	c.mu.Unlock()
	return rules.SyntheticIdentityNumber(birth, ind)
}
