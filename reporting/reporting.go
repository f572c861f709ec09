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
	"varsel/ent/unit"
	"varsel/rules"
	"varsel/untilchange"
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
	// Unit is the unit of a row grouped by unit, read once for the whole report.
	Unit                     *ent.Unit
	CustodyEvents            Count
	AssessmentsNotify        Count
	AssessmentsDoNotNotify   Count
	EventsBlockedForSecurity Count // a confirmed risk of revenge stopped the notices (AS2)
	NoticesSent              Count
	NoticesByLetter          Count
	NoticesByDigipost        Count
	NoticesByPhone           Count
	NoticesViaPolice         Count
	OnTimeRate               Figure // share of sent notices sent by their due date (NT2), escapes excepted
	MedianLeadDays           Figure // days from sending to the event, escapes excepted
	LateNotices              Count
	LateNoticesJustified     Count
	// Exceptions a decision maker justified (DC3, DC5): a decision the convict
	// of a non-escape event could not be told of, and notices sent before the
	// decision was final.
	DecisionsNotInformed        Count
	NoticesSentBeforeFinal      Count
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

// Reports computes statistics and keeps each report until the next change
// (untilchange): a year of national figures costs the database about a
// second, and the dashboards of many leaders ask for the same. The zero
// Reports is ready to use; keep one per database.
type Reports struct {
	kept untilchange.Cache[*Report]
	// years keeps each calendar year's suppression table (PR4) until the
	// next change: the periods and groupings of a dashboard share them.
	years untilchange.Cache[*yearTable]
}

// national is who a year's table is kept for: it is the whole country's,
// whoever asks.
var national = &varsel.Viewer{System: true}

// Statistics is the package's Statistics, kept until the next change.
func (r *Reports) Statistics(ctx context.Context, client *ent.Client, from, to time.Time, groupBy []Dimension) (*Report, error) {
	v := varsel.FromContext(ctx)
	if v == nil {
		return nil, varsel.Errorf(varsel.EUNAUTHENTICATED, "Du er ikke logget inn.")
	}
	from, to = Months(from, to)
	key, err := untilchange.NewKey(ctx, client, v, from.Format(time.DateOnly), to.Format(time.DateOnly), groupBy)
	if err != nil {
		return nil, err
	}
	return r.kept.Get(ctx, key, func() (*Report, error) {
		return statistics(ctx, client, from, to, groupBy, func(y int, regionOf map[int]string) (*yearTable, error) {
			key, err := untilchange.NewKey(ctx, client, national, "year", y)
			if err != nil {
				return nil, err
			}
			return r.years.Get(ctx, key, func() (*yearTable, error) { return yearOf(varsel.OnBehalfOf(ctx), client, y, regionOf) })
		})
	})
}

// Statistics computes the figures for events starting from from to to (both
// dates, inclusive), grouped by groupBy, over the viewer's scope: the whole
// country for an analyst, the viewer's units (a region's, for a region) for a
// decision maker. It reads as the service — analysts see no case data — and
// returns aggregates only.
func Statistics(ctx context.Context, client *ent.Client, from, to time.Time, groupBy []Dimension) (*Report, error) {
	return statistics(ctx, client, from, to, groupBy, func(y int, regionOf map[int]string) (*yearTable, error) {
		return yearOf(varsel.OnBehalfOf(ctx), client, y, regionOf)
	})
}

func statistics(ctx context.Context, client *ent.Client, from, to time.Time, groupBy []Dimension, year func(int, map[int]string) (*yearTable, error)) (*Report, error) {
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
	// PR4: whole calendar months, so that two periods never differ by less
	// than a month (see protect.go).
	from, to = Months(from, to)
	start := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, rules.Norway)
	end := time.Date(to.Year(), to.Month(), 1, 0, 0, 0, 0, rules.Norway).AddDate(0, 1, 0)
	q := &period{start: start, end: end, groupBy: groupBy}
	if !v.Has(varsel.RoleAnalyst) {
		if len(v.UnitIDs) == 0 {
			return nil, varsel.Errorf(varsel.EFORBIDDEN, "Du er ikke knyttet til en enhet.")
		}
		q.unitIDs = v.UnitIDs
	}
	groups, total, err := q.tally(varsel.OnBehalfOf(ctx), client)
	if err != nil {
		return nil, err
	}
	r := &Report{From: from, To: to, GroupBy: groupBy, Total: total.row(), Threshold: rules.SuppressionThreshold}
	for _, t := range groups {
		r.Rows = append(r.Rows, t.row())
	}
	ps, units, err := protectPeriod(varsel.OnBehalfOf(ctx), client, start, end, year)
	if err != nil {
		return nil, err
	}
	r.protect(ps, units, q.unitIDs)
	slices.SortFunc(r.Rows, func(a, b *Row) int {
		return cmp.Or(cmp.Compare(deref(a.UnitID), deref(b.UnitID)), cmp.Compare(deref(a.Region), deref(b.Region)),
			cmp.Compare(deref(a.Month), deref(b.Month)), cmp.Compare(deref(a.EventKind), deref(b.EventKind)),
			cmp.Compare(deref(a.Channel), deref(b.Channel)))
	})
	return r, r.withUnits(ctx, client)
}

// Months widens a period to whole calendar months: from the first day of
// from's month to the last day of to's (PR4).
func Months(from, to time.Time) (time.Time, time.Time) {
	first := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(to.Year(), to.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, -1)
	return first, last
}

// protectPeriod cuts [start, end) into pieces with the tables of the
// calendar years it touches, from year, and returns them with every unit's
// region.
func protectPeriod(ctx context.Context, client *ent.Client, start, end time.Time, year func(int, map[int]string) (*yearTable, error)) ([]piece, map[int]string, error) {
	units, err := client.Unit.Query().All(ctx)
	if err != nil {
		return nil, nil, err
	}
	regionOf := make(map[int]string, len(units))
	for _, u := range units {
		regionOf[u.ID] = u.RegionCode
	}
	tables := map[int]*yearTable{}
	for y := start.Year(); y <= end.AddDate(0, 0, -1).Year(); y++ {
		if tables[y], err = year(y, regionOf); err != nil {
			return nil, nil, err
		}
	}
	return pieces(tables, start, end), regionOf, nil
}

// yearOf suppresses calendar year y on the whole country's figures (PR4).
func yearOf(ctx context.Context, client *ent.Client, y int, regionOf map[int]string) (*yearTable, error) {
	q := &period{start: time.Date(y, time.January, 1, 0, 0, 0, 0, rules.Norway), end: time.Date(y+1, time.January, 1, 0, 0, 0, 0, rules.Norway),
		groupBy: []Dimension{ByUnit, ByEventKind, ByMonth, ByChannel}}
	groups, _, err := q.tally(ctx, client)
	if err != nil {
		return nil, err
	}
	atoms := make([]atom, 0, len(groups))
	for _, g := range groups {
		a := atom{month: deref(g.key.Month), unit: deref(g.key.UnitID), kind: deref(g.key.EventKind)}
		if g.key.Channel != nil {
			a.channel = string(*g.key.Channel)
		}
		for m := range measures {
			a.counts[m] = g.measure(m)
		}
		atoms = append(atoms, a)
	}
	return protectYear(y, atoms, regionOf), nil
}

// withUnits reads the units of the rows grouped by unit, in one query.
func (r *Report) withUnits(ctx context.Context, client *ent.Client) error {
	var ids []int
	for _, row := range r.Rows {
		if row.UnitID != nil {
			ids = append(ids, *row.UnitID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	units, err := client.Unit.Query().Where(unit.IDIn(ids...)).All(ctx)
	if err != nil {
		return err
	}
	byID := make(map[int]*ent.Unit, len(units))
	for _, u := range units {
		byID[u.ID] = u
	}
	for _, row := range r.Rows {
		if row.UnitID != nil {
			row.Unit = byID[*row.UnitID]
		}
	}
	return nil
}

// tally is a group's raw counts before suppression.
type tally struct {
	key                                                 Key
	events, notify, doNotNotify, blocked                int
	sent                                                int
	byChannel                                           map[rules.Channel]int
	onTime, timed                                       int
	leadDays                                            sample
	late, lateJustified                                 int
	notInformed, beforeFinal                            int
	escapesNotified                                     int
	escapeHours                                         sample
	appeals, upheld, overturned, requests, undocumented int
	turnaround                                          sample
	pending                                             int
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
		MedianLeadDays:              t.leadDays.median(),
		LateNotices:                 count(t.late),
		LateNoticesJustified:        count(t.lateJustified),
		DecisionsNotInformed:        count(t.notInformed),
		NoticesSentBeforeFinal:      count(t.beforeFinal),
		EscapesNotified:             count(t.escapesNotified),
		MedianHoursEscapeToNotice:   t.escapeHours.median(),
		AppealsReceived:             count(t.appeals),
		AppealsUpheld:               count(t.upheld),
		AppealsOverturned:           count(t.overturned),
		PoliceRequests:              count(t.requests),
		MedianPoliceTurnaroundHours: t.turnaround.median(),
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

// sample is what a median is drawn from: the values, or (from the database)
// the median and how many values lie behind it.
type sample struct {
	xs  []float64
	med *float64
	n   int
}

func (s *sample) add(x float64) { s.xs, s.n = append(s.xs, x), s.n+1 }

func (s sample) median() Figure {
	if s.n == 0 {
		return Figure{}
	}
	if rules.Suppressed(s.n) {
		return Figure{Suppressed: true}
	}
	m := s.med
	if m == nil {
		v := rules.Median(s.xs)
		m = &v
	}
	return Figure{Value: m}
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
