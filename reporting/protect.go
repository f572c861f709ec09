package reporting

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"varsel/rules"
)

// Complementary suppression (PR4, revised).
//
// Hiding the counts below 5 is not enough: a hidden count is the total minus
// the counts shown beside it, or one period minus an overlapping one. So:
//
//   - Periods are whole calendar months (Statistics widens a period to its
//     months): no two periods differ by less than a month.
//   - For each calendar year, every count any grouping can show — by unit,
//     region or the whole country; by event kind or all kinds; by channel or
//     all channels; by month or the whole year — is one table with all its
//     lines (units add up to their region and to the country, kinds to all
//     kinds, channels to the notices sent, months to the year), and
//     rules.Suppress hides the counts under 5 and as many more as it takes
//     for no hidden count of that year to be worked out from the others. A
//     year's pattern is the same whichever grouping or period is asked for,
//     so reports cannot be played against each other.
//   - A period is cut into the whole calendar years it covers and the single
//     months left over; a figure of the period is the sum of its pieces'
//     figures, and is hidden when any piece hides it. What is shown of a
//     period is then always a sum of pieces that are shown, and adds nothing
//     an attacker did not have: differencing adjacent or overlapping periods
//     yields only sums of shown pieces. A whole year shows what its table
//     shows; a period of months that are not a whole year (the last twelve
//     months, say) hides a unit's figure when any of its months hides it.
//     We chose suppression over rounding: rounding keeps more figures of
//     such periods but guarantees nothing (enough overlapping rounded sums
//     pin a value down), and it changes every figure a leader reads.
//   - A count of 0 is treated as known (it is still shown as «skjult»): a
//     hidden 0 never counts as protecting another hidden cell, since an
//     attacker may know it — there are no undocumented telephone notices
//     among the letters.
//   - A rate or median is hidden with the count it is drawn from (notices
//     sent; escapes notified; police requests), besides being hidden when
//     fewer than 5 cases lie behind it.
//   - Figures change as events are registered and corrected; two snapshots
//     of the same period taken at different times are not protected against
//     each other.

// measure is a count the tables protect.
type measure int

const (
	mEvents measure = iota
	mNotify
	mDoNotNotify
	mBlocked
	mSent // by channel: noticesByLetter … are the notices sent of one channel
	mLate
	mLateJustified
	mNotInformed
	mBeforeFinal
	mEscapesNotified
	mAppeals
	mUpheld
	mOverturned
	mRequests
	mUndocumented
	mPending
	measures
)

// byChannel: the counts of notices, which a channel splits.
func (m measure) byChannel() bool {
	switch m {
	case mSent, mLate, mLateJustified, mBeforeFinal, mUndocumented:
		return true
	}
	return false
}

func (t *tally) measure(m measure) int {
	switch m {
	case mEvents:
		return t.events
	case mNotify:
		return t.notify
	case mDoNotNotify:
		return t.doNotNotify
	case mBlocked:
		return t.blocked
	case mSent:
		return t.sent
	case mLate:
		return t.late
	case mLateJustified:
		return t.lateJustified
	case mNotInformed:
		return t.notInformed
	case mBeforeFinal:
		return t.beforeFinal
	case mEscapesNotified:
		return t.escapesNotified
	case mAppeals:
		return t.appeals
	case mUpheld:
		return t.upheld
	case mOverturned:
		return t.overturned
	case mRequests:
		return t.requests
	case mUndocumented:
		return t.undocumented
	case mPending:
		return t.pending
	}
	panic("unknown measure")
}

// all is the key of every value of a dimension in a cell.
const all = "*"

// cellKey is a count of one year's table: of a unit (or a region, or all),
// an event kind (or all), a channel (or all; "" is the notices without one),
// a month (or the whole year).
type cellKey struct {
	unit    int    // 0 unless the cell is a unit's
	region  string // all, a region, or "" when the cell is a unit's
	kind    string // all or an event kind
	channel string // all, "" or a channel
	month   string // all or YYYY-MM
	measure measure
}

// yearTable is one calendar year's counts and which of them are hidden. A
// count not in it is 0.
type yearTable struct {
	year   int
	index  map[cellKey]int
	values []int
	hidden []bool
}

// atom is the finest count the data has: a unit's, an event kind's and a
// channel's in one month.
type atom struct {
	month   string // YYYY-MM
	unit    int
	kind    rules.EventKind
	channel string
	counts  [measures]int
}

// protectYear builds one year's table from its atoms and suppresses it.
// regionOf gives each unit's region.
func protectYear(year int, atoms []atom, regionOf map[int]string) *yearTable {
	t := &yearTable{year: year, index: map[cellKey]int{}}
	// The same year gives the same pattern in every report: cells are
	// numbered in one order, and Suppress breaks ties by number.
	atoms = slices.Clone(atoms)
	slices.SortFunc(atoms, func(a, b atom) int {
		return cmp.Or(cmp.Compare(a.month, b.month), cmp.Compare(a.unit, b.unit), cmp.Compare(a.kind, b.kind), cmp.Compare(a.channel, b.channel))
	})
	add := func(k cellKey, v int) {
		i, ok := t.index[k]
		if !ok {
			i = len(t.values)
			t.index[k] = i
			t.values = append(t.values, 0)
		}
		t.values[i] += v
	}
	for _, a := range atoms {
		for m := range measures {
			v := a.counts[m]
			if v == 0 {
				continue // a 0 is known; see above
			}
			channels := []string{all}
			if m.byChannel() {
				channels = append(channels, a.channel)
			}
			for _, ch := range channels {
				for _, kind := range []string{string(a.kind), all} {
					for _, month := range []string{a.month, all} {
						add(cellKey{unit: a.unit, kind: kind, channel: ch, month: month, measure: m}, v)
						add(cellKey{region: regionOf[a.unit], kind: kind, channel: ch, month: month, measure: m}, v)
						add(cellKey{region: all, kind: kind, channel: ch, month: month, measure: m}, v)
					}
				}
			}
		}
	}
	// The lines: every cell whose dimension is "all" is the total of the
	// cells with each value of that dimension, the rest alike. A cell is
	// the total of several lines (the country of its units, and of its
	// regions), told apart by what they add up.
	type lineKey struct {
		total cellKey
		over  string
	}
	lines := map[lineKey][]int{}
	var order []lineKey // deterministic
	line := func(total cellKey, over string, part int) {
		if _, ok := t.index[total]; !ok {
			return
		}
		k := lineKey{total, over}
		if _, ok := lines[k]; !ok {
			order = append(order, k)
		}
		lines[k] = append(lines[k], part)
	}
	keys := make([]cellKey, len(t.values))
	for k, i := range t.index {
		keys[i] = k
	}
	for i, k := range keys {
		switch {
		case k.unit != 0:
			up := k
			up.unit, up.region = 0, regionOf[k.unit]
			line(up, "units of a region", i)
			up.region = all
			line(up, "units", i)
		case k.region != all:
			up := k
			up.region = all
			line(up, "regions", i)
		}
		if k.kind != all {
			up := k
			up.kind = all
			line(up, "kinds", i)
		}
		if k.channel != all {
			up := k
			up.channel = all
			line(up, "channels", i)
		}
		if k.month != all {
			up := k
			up.month = all
			line(up, "months", i)
		}
	}
	var ls []rules.TotalLine
	for _, k := range order {
		ls = append(ls, rules.TotalLine{Total: t.index[k.total], Parts: lines[k]})
	}
	// Lines never mix measures: suppress each measure's own, smaller system.
	byMeasure := make([][]rules.TotalLine, measures)
	for _, l := range ls {
		m := keys[l.Total].measure
		byMeasure[m] = append(byMeasure[m], l)
	}
	t.hidden = make([]bool, len(t.values))
	for m := range measures {
		var cells []int
		local := map[int]int{}
		for i, k := range keys {
			if k.measure == m {
				local[i] = len(cells)
				cells = append(cells, i)
			}
		}
		values := make([]int, len(cells))
		for j, i := range cells {
			values[j] = t.values[i]
		}
		mls := make([]rules.TotalLine, 0, len(byMeasure[m]))
		for _, l := range byMeasure[m] {
			parts := make([]int, len(l.Parts))
			for j, p := range l.Parts {
				parts[j] = local[p]
			}
			mls = append(mls, rules.TotalLine{Total: local[l.Total], Parts: parts})
		}
		for j, h := range rules.Suppress(values, mls) {
			t.hidden[cells[j]] = h
		}
	}
	return t
}

// cellHidden: whether the table hides k; a count it does not have is 0.
func (t *yearTable) cellHidden(k cellKey) bool {
	i, ok := t.index[k]
	return ok && t.hidden[i]
}

// piece is a part of a period: a whole calendar year (month all), or one
// month, with the table of its year.
type piece struct {
	table *yearTable
	month string
}

// pieces cuts [start, end) — whole months — into the whole years it covers
// and the months left over.
func pieces(tables map[int]*yearTable, start, end time.Time) []piece {
	var ps []piece
	for m := start; m.Before(end); {
		t := tables[m.Year()]
		if m.Month() == time.January && !m.AddDate(1, 0, 0).After(end) {
			ps = append(ps, piece{t, all})
			m = m.AddDate(1, 0, 0)
			continue
		}
		ps = append(ps, piece{t, m.Format("2006-01")})
		m = m.AddDate(0, 1, 0)
	}
	return ps
}

// protect hides, in every row of r and its total, what the pieces of the
// period hide (PR4). units are all units, for their regions; scope is the
// viewer's units (nil: the whole country).
func (r *Report) protect(ps []piece, units map[int]string, scope []int) {
	for _, row := range r.Rows {
		row.protect(ps, units, scope, r.grouped(ByChannel))
	}
	r.Total.protect(ps, units, scope, false)
}

func (r *Report) grouped(d Dimension) bool { return slices.Contains(r.GroupBy, d) }

// protect hides the counts of row that a piece of it hides.
func (row *Row) protect(ps []piece, units map[int]string, scope []int, byChannel bool) {
	if row.Month != nil {
		// A month row is that month of its year's table.
		y, _ := strconv.Atoi((*row.Month)[:4])
		var t *yearTable
		for _, p := range ps {
			if p.table.year == y {
				t = p.table
			}
		}
		ps = []piece{{t, *row.Month}}
	}
	// The unit cells the row is made of: one cell when it is a unit's, a
	// whole region's or the whole country's; else the viewer's units in it.
	var cells []cellKey
	switch {
	case row.UnitID != nil:
		cells = []cellKey{{unit: *row.UnitID}}
	default:
		region := all
		if row.Region != nil {
			region = *row.Region
		}
		var in, mine []int
		for id, rg := range units {
			if region == all || rg == region {
				in = append(in, id)
				if scope == nil || slices.Contains(scope, id) {
					mine = append(mine, id)
				}
			}
		}
		if len(mine) == len(in) {
			cells = []cellKey{{region: region}}
		} else {
			for _, id := range mine {
				cells = append(cells, cellKey{unit: id})
			}
		}
	}
	kind := all
	if row.EventKind != nil {
		kind = string(*row.EventKind)
	}
	channel := all
	if byChannel {
		channel = ""
		if row.Channel != nil {
			channel = string(*row.Channel)
		}
	}
	hidden := func(m measure, only rules.Channel) bool {
		ch := channel
		switch {
		case !m.byChannel():
			if ch != all && ch != "" {
				return true // a channel's row has no events: 0
			}
			ch = all
		case only != "" && ch == all:
			ch = string(only)
		case only != "" && ch != string(only):
			return true // another channel's notices: 0
		}
		for _, p := range ps {
			for _, c := range cells {
				c.kind, c.channel, c.month, c.measure = kind, ch, p.month, m
				if p.table.cellHidden(c) {
					return true
				}
			}
		}
		return false
	}
	for _, c := range []struct {
		count *Count
		m     measure
		only  rules.Channel
	}{
		{&row.CustodyEvents, mEvents, ""}, {&row.AssessmentsNotify, mNotify, ""}, {&row.AssessmentsDoNotNotify, mDoNotNotify, ""},
		{&row.EventsBlockedForSecurity, mBlocked, ""}, {&row.NoticesSent, mSent, ""},
		{&row.NoticesByLetter, mSent, rules.Letter}, {&row.NoticesByDigipost, mSent, rules.Digipost},
		{&row.NoticesByPhone, mSent, rules.Phone}, {&row.NoticesViaPolice, mSent, rules.ViaPolice},
		{&row.LateNotices, mLate, ""}, {&row.LateNoticesJustified, mLateJustified, ""},
		{&row.DecisionsNotInformed, mNotInformed, ""}, {&row.NoticesSentBeforeFinal, mBeforeFinal, ""},
		{&row.EscapesNotified, mEscapesNotified, ""}, {&row.AppealsReceived, mAppeals, ""},
		{&row.AppealsUpheld, mUpheld, ""}, {&row.AppealsOverturned, mOverturned, ""},
		{&row.PoliceRequests, mRequests, ""}, {&row.UndocumentedPhoneNotices, mUndocumented, ""},
		{&row.DecisionsPending, mPending, ""},
	} {
		if !c.count.Suppressed && hidden(c.m, c.only) {
			*c.count = Count{Suppressed: true}
		}
	}
	// A rate or median goes with the count it is drawn from.
	for _, f := range []struct {
		figure *Figure
		base   Count
	}{
		{&row.OnTimeRate, row.NoticesSent}, {&row.MedianLeadDays, row.NoticesSent},
		{&row.MedianHoursEscapeToNotice, row.EscapesNotified}, {&row.MedianPoliceTurnaroundHours, row.PoliceRequests},
	} {
		if f.base.Suppressed && f.figure.Value != nil {
			*f.figure = Figure{Suppressed: true}
		}
	}
}
