// Package reporting computes the figures leaders and analysts follow: are
// victims and survivors notified, and on time? Figures are aggregates only;
// any count below 5, and any rate or median drawn from fewer than 5 cases, is
// suppressed, so that nobody can be singled out (PR4).
//
// The figures follow the custody events that start in the period: their
// assessments, notices, appeals and police requests, wherever those fall in
// time. A row's month is the month the event starts (Norwegian time).
package reporting

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/convict"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/notice"
	"varsel/ent/policerequest"
	"varsel/ent/predicate"
	"varsel/ent/securityassessment"
	"varsel/rules"
)

// Dimension is what rows can be grouped by.
type Dimension string

const (
	ByUnit      Dimension = "UNIT"       // the convict's responsible unit
	ByRegion    Dimension = "REGION"     // the region of that unit
	ByEventKind Dimension = "EVENT_KIND" // leave, release, escape …
	ByMonth     Dimension = "MONTH"      // the month the event starts
	ByChannel   Dimension = "CHANNEL"    // the notice's channel; figures without one have none
)

// Values lists the dimensions.
func (Dimension) Values() []string {
	return []string{string(ByUnit), string(ByRegion), string(ByEventKind), string(ByMonth), string(ByChannel)}
}

// Key is what a row is grouped by; a dimension not grouped by is empty.
type Key struct {
	UnitID    *int
	Region    *string
	EventKind *rules.EventKind
	Month     *string // YYYY-MM
	Channel   *rules.Channel
}

// Count is a count, or nothing when it is below 5 (PR4).
type Count struct {
	Value      *int
	Suppressed bool
}

// Figure is a rate or a median, or nothing when fewer than 5 cases lie
// behind it (PR4) or there are none.
type Figure struct {
	Value      *float64
	Suppressed bool
}

// Row is the figures of one group.
type Row struct {
	Key
	CustodyEvents               Count
	AssessmentsNotify           Count
	AssessmentsDoNotNotify      Count
	EventsBlockedForSecurity    Count // a confirmed risk of revenge stopped the notices (AS2)
	NoticesSent                 Count
	NoticesByLetter             Count
	NoticesByDigipost           Count
	NoticesByPhone              Count
	NoticesViaPolice            Count
	OnTimeRate                  Figure // share of sent notices sent by their due date (NT2), escapes excepted
	MedianLeadDays              Figure // days from sending to the event, escapes excepted
	LateNotices                 Count
	LateNoticesJustified        Count
	EscapesNotified             Count
	MedianHoursEscapeToNotice   Figure
	AppealsReceived             Count
	AppealsUpheld               Count
	AppealsOverturned           Count
	PoliceRequests              Count
	MedianPoliceTurnaroundHours Figure
	UndocumentedPhoneNotices    Count
	DecisionsPending            Count
}

// Report is the figures for a period, by the groups asked for, with the
// total.
type Report struct {
	From, To  time.Time
	GroupBy   []Dimension
	Rows      []*Row
	Total     *Row
	Threshold int
}

// Statistics computes the figures for events starting from from to to (both
// dates, inclusive), grouped by groupBy, over the viewer's scope: the whole
// country for an analyst, the viewer's units (a region's, for a region) for a
// decision maker. It reads as the service — analysts see no case data — and
// returns aggregates only.
func Statistics(ctx context.Context, client *ent.Client, from, to time.Time, groupBy []Dimension) (*Report, error) {
	v := varsel.FromContext(ctx)
	if v == nil {
		return nil, varsel.Errorf(varsel.EUNAUTHENTICATED, "Du er ikke logget inn.")
	}
	if to.Before(from) {
		return nil, varsel.Errorf(varsel.EINVALID, "Perioden slutter før den begynner.")
	}
	if to.Sub(from) > 11*366*24*time.Hour {
		return nil, varsel.Errorf(varsel.EINVALID, "Velg en periode på høyst ti år.")
	}
	for _, d := range groupBy {
		if !slices.Contains(d.Values(), string(d)) {
			return nil, varsel.Errorf(varsel.EINVALID, "Kan ikke gruppere etter %s.", d)
		}
	}
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, rules.Norway)
	end := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, rules.Norway).AddDate(0, 0, 1)
	period := []predicate.CustodyEvent{custodyevent.StartsAtGTE(start), custodyevent.StartsAtLT(end)}
	if !v.Has(varsel.RoleAnalyst) {
		if len(v.UnitIDs) == 0 {
			return nil, varsel.Errorf(varsel.EFORBIDDEN, "Du er ikke knyttet til en enhet.")
		}
		period = append(period, custodyevent.HasConvictWith(convict.UnitIDIn(v.UnitIDs...)))
	}
	inPeriod := custodyevent.And(period...)
	f, err := load(varsel.OnBehalfOf(ctx), client, inPeriod)
	if err != nil {
		return nil, err
	}
	return f.report(from, to, groupBy), nil
}

// facts are the rows behind the figures, by event.
type facts struct {
	events      []*ent.CustodyEvent
	unitOf      map[int]int // convict → unit
	regionOf    map[int]string
	notices     map[int][]*ent.Notice
	assessments map[int][]*ent.Assessment
	blocked     map[int]bool
	decided     map[int]bool
	appeals     map[int][]*ent.Appeal
	requests    map[int][]*ent.PoliceRequest
}

func load(ctx context.Context, client *ent.Client, inPeriod predicate.CustodyEvent) (*facts, error) {
	f := &facts{unitOf: map[int]int{}, regionOf: map[int]string{}, notices: map[int][]*ent.Notice{},
		assessments: map[int][]*ent.Assessment{}, blocked: map[int]bool{}, decided: map[int]bool{},
		appeals: map[int][]*ent.Appeal{}, requests: map[int][]*ent.PoliceRequest{}}
	var err error
	if f.events, err = client.CustodyEvent.Query().Where(inPeriod).
		Select(custodyevent.FieldID, custodyevent.FieldKind, custodyevent.FieldStartsAt, custodyevent.FieldStatus, custodyevent.FieldConvictID).
		All(ctx); err != nil {
		return nil, err
	}
	convicts, err := client.Convict.Query().Where(convict.HasCustodyEventsWith(inPeriod)).
		Select(convict.FieldID, convict.FieldUnitID).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range convicts {
		f.unitOf[c.ID] = c.UnitID
	}
	units, err := client.Unit.Query().All(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		f.regionOf[u.ID] = u.RegionCode
	}
	notices, err := client.Notice.Query().Where(notice.HasCustodyEventWith(inPeriod), notice.SentAtNotNil()).
		Select(notice.FieldCustodyEventID, notice.FieldChannel, notice.FieldSentAt, notice.FieldDueDate, notice.FieldLate,
			notice.FieldLateJustification, notice.FieldPhoneDocumentedAt).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, n := range notices {
		f.notices[n.CustodyEventID] = append(f.notices[n.CustodyEventID], n)
	}
	assessments, err := client.Assessment.Query().Where(assessment.HasCustodyEventWith(inPeriod)).
		Select(assessment.FieldCustodyEventID, assessment.FieldOutcome).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range assessments {
		f.assessments[a.CustodyEventID] = append(f.assessments[a.CustodyEventID], a)
	}
	blocked, err := client.SecurityAssessment.Query().
		Where(securityassessment.HasCustodyEventWith(inPeriod), securityassessment.OutcomeEQ(rules.RiskConfirmed)).
		Select(securityassessment.FieldCustodyEventID).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range blocked {
		f.blocked[s.CustodyEventID] = true
	}
	decisions, err := client.Decision.Query().Where(decision.HasCustodyEventWith(inPeriod)).
		Select(decision.FieldID, decision.FieldCustodyEventID).All(ctx)
	if err != nil {
		return nil, err
	}
	eventOf := map[int]int{}
	for _, d := range decisions {
		f.decided[d.CustodyEventID] = true
		eventOf[d.ID] = d.CustodyEventID
	}
	appeals, err := client.Appeal.Query().Where(appeal.HasDecisionWith(decision.HasCustodyEventWith(inPeriod))).
		Select(appeal.FieldDecisionID, appeal.FieldStatus).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range appeals {
		ev := eventOf[a.DecisionID]
		f.appeals[ev] = append(f.appeals[ev], a)
	}
	requests, err := client.PoliceRequest.Query().Where(policerequest.HasCustodyEventWith(inPeriod)).
		Select(policerequest.FieldCustodyEventID, policerequest.FieldCreatedAt, policerequest.FieldCompletedAt).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range requests {
		if r.CustodyEventID != nil {
			f.requests[*r.CustodyEventID] = append(f.requests[*r.CustodyEventID], r)
		}
	}
	return f, nil
}

// tally is a group's raw counts before suppression.
type tally struct {
	key                                                 Key
	events, notify, doNotNotify, blocked                int
	sent                                                int
	byChannel                                           map[rules.Channel]int
	onTime, timed                                       int
	leadDays                                            []float64
	late, lateJustified                                 int
	escapesNotified                                     int
	escapeHours                                         []float64
	appeals, upheld, overturned, requests, undocumented int
	turnaround                                          []float64
	pending                                             int
}

func (f *facts) report(from, to time.Time, groupBy []Dimension) *Report {
	groups := map[string]*tally{}
	total := &tally{byChannel: map[rules.Channel]int{}}
	tallyFor := func(ev *ent.CustodyEvent, channel *rules.Channel) []*tally {
		k := f.key(ev, channel, groupBy)
		id := fmt.Sprint(deref(k.UnitID), "|", deref(k.Region), "|", deref(k.EventKind), "|", deref(k.Month), "|", deref(k.Channel))
		t, ok := groups[id]
		if !ok {
			t = &tally{key: k, byChannel: map[rules.Channel]int{}}
			groups[id] = t
		}
		return []*tally{t, total}
	}
	for _, ev := range f.events {
		for _, t := range tallyFor(ev, nil) {
			t.events++
			if f.blocked[ev.ID] {
				t.blocked++
			}
			for _, a := range f.assessments[ev.ID] {
				if a.Outcome == assessment.OutcomeNOTIFY {
					t.notify++
				} else {
					t.doNotNotify++
				}
			}
			if ev.Status == custodyevent.StatusOPEN && !f.decided[ev.ID] && !f.blocked[ev.ID] {
				t.pending++
			}
			for _, a := range f.appeals[ev.ID] {
				t.appeals++
				switch a.Status {
				case appeal.StatusUPHELD:
					t.upheld++
				case appeal.StatusOVERTURNED:
					t.overturned++
				}
			}
			for _, r := range f.requests[ev.ID] {
				t.requests++
				if r.CompletedAt != nil {
					t.turnaround = append(t.turnaround, r.CompletedAt.Sub(r.CreatedAt).Hours())
				}
			}
		}
		var first *time.Time
		for _, n := range f.notices[ev.ID] {
			if first == nil || n.SentAt.Before(*first) {
				first = n.SentAt
			}
			for _, t := range tallyFor(ev, n.Channel) {
				t.sent++
				if n.Channel != nil {
					t.byChannel[*n.Channel]++
				}
				if ev.Kind != rules.Escape {
					t.timed++
					if rules.OnTime(*n.SentAt, n.DueDate) {
						t.onTime++
					}
					t.leadDays = append(t.leadDays, ev.StartsAt.Sub(*n.SentAt).Hours()/24)
				}
				if n.Late {
					t.late++
					if n.LateJustification != "" {
						t.lateJustified++
					}
				}
				if n.Channel != nil && *n.Channel == rules.Phone && n.PhoneDocumentedAt == nil {
					t.undocumented++
				}
			}
		}
		if ev.Kind == rules.Escape && first != nil {
			for _, t := range tallyFor(ev, nil) {
				t.escapesNotified++
				t.escapeHours = append(t.escapeHours, first.Sub(ev.StartsAt).Hours())
			}
		}
	}
	r := &Report{From: from, To: to, GroupBy: groupBy, Total: total.row(), Threshold: rules.SuppressionThreshold}
	for _, t := range groups {
		r.Rows = append(r.Rows, t.row())
	}
	slices.SortFunc(r.Rows, func(a, b *Row) int {
		return cmp.Or(cmp.Compare(deref(a.UnitID), deref(b.UnitID)), cmp.Compare(deref(a.Region), deref(b.Region)),
			cmp.Compare(deref(a.Month), deref(b.Month)), cmp.Compare(deref(a.EventKind), deref(b.EventKind)),
			cmp.Compare(deref(a.Channel), deref(b.Channel)))
	})
	return r
}

// key is an event's group; channel is a notice's, or nil for figures about
// the event.
func (f *facts) key(ev *ent.CustodyEvent, channel *rules.Channel, groupBy []Dimension) Key {
	var k Key
	unit := f.unitOf[ev.ConvictID]
	for _, d := range groupBy {
		switch d {
		case ByUnit:
			k.UnitID = &unit
		case ByRegion:
			region := f.regionOf[unit]
			k.Region = &region
		case ByEventKind:
			kind := ev.Kind
			k.EventKind = &kind
		case ByMonth:
			month := ev.StartsAt.In(rules.Norway).Format("2006-01")
			k.Month = &month
		case ByChannel:
			k.Channel = channel
		}
	}
	return k
}

func (t *tally) row() *Row {
	return &Row{
		Key:                         t.key,
		CustodyEvents:               count(t.events),
		AssessmentsNotify:           count(t.notify),
		AssessmentsDoNotNotify:      count(t.doNotNotify),
		EventsBlockedForSecurity:    count(t.blocked),
		NoticesSent:                 count(t.sent),
		NoticesByLetter:             count(t.byChannel[rules.Letter]),
		NoticesByDigipost:           count(t.byChannel[rules.Digipost]),
		NoticesByPhone:              count(t.byChannel[rules.Phone]),
		NoticesViaPolice:            count(t.byChannel[rules.ViaPolice]),
		OnTimeRate:                  rate(t.onTime, t.timed),
		MedianLeadDays:              median(t.leadDays),
		LateNotices:                 count(t.late),
		LateNoticesJustified:        count(t.lateJustified),
		EscapesNotified:             count(t.escapesNotified),
		MedianHoursEscapeToNotice:   median(t.escapeHours),
		AppealsReceived:             count(t.appeals),
		AppealsUpheld:               count(t.upheld),
		AppealsOverturned:           count(t.overturned),
		PoliceRequests:              count(t.requests),
		MedianPoliceTurnaroundHours: median(t.turnaround),
		UndocumentedPhoneNotices:    count(t.undocumented),
		DecisionsPending:            count(t.pending),
	}
}

func count(n int) Count {
	if rules.Suppressed(n) {
		return Count{Suppressed: true}
	}
	return Count{Value: &n}
}

func rate(part, whole int) Figure {
	if whole == 0 {
		return Figure{}
	}
	if rules.Suppressed(whole) {
		return Figure{Suppressed: true}
	}
	r := float64(part) / float64(whole)
	return Figure{Value: &r}
}

func median(xs []float64) Figure {
	if len(xs) == 0 {
		return Figure{}
	}
	if rules.Suppressed(len(xs)) {
		return Figure{Suppressed: true}
	}
	m := rules.Median(xs)
	return Figure{Value: &m}
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// MarshalGQL writes a dimension as its GraphQL enum value.
func (d Dimension) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Quote(string(d))) }

// UnmarshalGQL reads a dimension from its GraphQL enum value.
func (d *Dimension) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok || !slices.Contains(d.Values(), s) {
		return fmt.Errorf("%v er ikke en gyldig gruppering", v)
	}
	*d = Dimension(s)
	return nil
}
