package reporting_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"varsel"
	"varsel/dbtest"
	"varsel/reporting"
	"varsel/rules"
	varselseed "varsel/seed"
	"varsel/server"
)

// PR4, revised: the attacker. On seeded data (500 convicts, two years), it
// asks for the statistics of month ranges around a whole calendar year (all
// of them with VARSEL_ATTACK_FULL=1), by every grouping the dashboard offers
// and some of their combinations, as the API asks (Reports), and keeps every
// count it is shown. Then it works out what it can: a total minus the
// parts shown beside it (the rows of a report and its total; a unit and its
// region; a count and its split by kind, month or channel; the notices sent
// and their channels), and a period minus an adjacent or overlapping one,
// repeated with each value it learns until it learns nothing more. No count
// the API hid may be among what it learns.
func TestTheAttackerRecoversNoHiddenCount(t *testing.T) {
	db := dbtest.Open(t, dialect.Postgres)
	ctx := context.Background()
	if err := server.EnsureReferenceData(ctx, db.Client); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, rules.Norway)
	if _, err := varselseed.Run(ctx, db.DB.DB, varselseed.Scale{Convicts: 500, Years: 2}, now, nil); err != nil {
		t.Fatal(err)
	}
	units, err := db.Client.Unit.Query().All(varsel.SystemContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	regionOf := map[int]string{}
	for _, u := range units {
		regionOf[u.ID] = u.RegionCode
	}

	// Months are numbered from December 2024 (0) to January 2026 (13).
	first := time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)
	month := func(i int) time.Time { return first.AddDate(0, i, 0) }
	U, R, K, M, C := reporting.ByUnit, reporting.ByRegion, reporting.ByEventKind, reporting.ByMonth, reporting.ByChannel
	groupings := [][]reporting.Dimension{{}, {U}, {R}, {K}, {M}, {C}, {U, K}, {R, M}, {U, K, M, C}}
	type span struct{ i, j int }
	var spans []span
	if os.Getenv("VARSEL_ATTACK_FULL") != "" {
		// Every range of the fourteen months, by more groupings: some
		// minutes.
		groupings = append(groupings, [][]reporting.Dimension{{U, M}, {U, C}, {R, K}, {K, C}}...)
		for i := range 14 {
			for j := i; j < 14; j++ {
				spans = append(spans, span{i, j})
			}
		}
	} else {
		// make test: every range of December 2024 – March 2025 (across a
		// year's end), every month of 2025 alone, and 2025 with and without
		// a month either side — so that a whole year can be played against
		// its months and its neighbours.
		for i := range 4 {
			for j := i; j < 4; j++ {
				spans = append(spans, span{i, j})
			}
		}
		for i := 4; i <= 12; i++ {
			spans = append(spans, span{i, i})
		}
		spans = append(spans, span{1, 12}, span{0, 12}, span{1, 13}, span{0, 13})
	}
	seeded := time.Now()
	a := newAttacker(regionOf)
	var reports reporting.Reports // as the API asks
	shown, hidden := 0, 0
	for _, sp := range spans {
		from, to := month(sp.i), month(sp.j+1).AddDate(0, 0, -1)
		for _, g := range groupings {
			if slices.Contains(g, M) && sp.i != sp.j && sp != (span{1, 12}) {
				// A month's row of a longer period is the month alone (the
				// attacker knows): the months by month only for the year.
				continue
			}
			r, err := reports.Statistics(analyst(), db.Client, from, to, g)
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range append(r.Rows, r.Total) {
				s, h := a.see(sp.i, sp.j, g, row, row == r.Total)
				shown, hidden = shown+s, hidden+h
			}
		}
	}
	if hidden == 0 || shown == 0 {
		t.Fatalf("%d counts shown and %d hidden: the seed does not exercise suppression", shown, hidden)
	}
	asked := time.Now()
	learnt, zeros, leaks := a.attack()
	t.Logf("asking took %v, the attack %v", asked.Sub(seeded), time.Since(asked))
	t.Logf("%d counts shown, %d hidden; the attacker worked out %d more, of them %d hidden zeros and %d other hidden counts", shown, hidden, learnt, zeros, len(leaks))
	for _, l := range leaks[:min(len(leaks), 10)] {
		t.Errorf("a hidden count is worked out: %s", l)
	}
}

// cell is a count the attacker has seen: of a field, a period (months i … j
// of the window) and a group. Any of unit, region, kind, month, channel is
// "*" for all; unit is "" when the group is a region's.
type cell struct {
	field                            string
	i, j                             int
	unit, region, kind, month, chann string
}

type attacker struct {
	asked    map[shape]bool // the reports asked for
	regionOf map[int]string
	value    map[cell]int  // what is known
	hidden   map[cell]bool // what the API hid
}

func newAttacker(regionOf map[int]string) *attacker {
	return &attacker{asked: map[shape]bool{}, regionOf: regionOf, value: map[cell]int{}, hidden: map[cell]bool{}}
}

// shape is a report a cell would be in: its period, and which dimensions
// it is grouped by.
type shape struct {
	i, j                 int
	unit                 string // "unit", "region" or "*"
	kind, month, channel bool
}

func shapeOf(c cell) shape {
	s := shape{i: c.i, j: c.j, unit: "*", kind: c.kind != "*", month: c.month != "*", channel: c.chann != "*"}
	switch {
	case c.unit != "*" && c.unit != "":
		s.unit = "unit"
	case c.unit == "" && c.region != "*":
		s.unit = "region"
	}
	return s
}

// see keeps a row's counts; it returns how many were shown and hidden.
func (a *attacker) see(i, j int, g []reporting.Dimension, row *reporting.Row, total bool) (shown, hidden int) {
	k := cell{i: i, j: j, unit: "*", region: "*", kind: "*", month: "*", chann: "*"}
	if row.UnitID != nil {
		k.unit, k.region = fmt.Sprint(*row.UnitID), a.regionOf[*row.UnitID]
	} else if row.Region != nil {
		k.unit, k.region = "", *row.Region
	}
	if row.EventKind != nil {
		k.kind = string(*row.EventKind)
	}
	if row.Month != nil {
		k.month = *row.Month
	}
	if !total && slices.Contains(g, reporting.ByChannel) {
		k.chann = "none"
		if row.Channel != nil {
			k.chann = string(*row.Channel)
		}
	}
	a.asked[shapeOf(k)] = true
	for field, c := range counts(row) {
		if k.chann != "*" && k.chann != "none" && !noticeField(field) {
			continue // a channel's row has no events: 0, known to all
		}
		k.field = field
		if c.Suppressed {
			a.hidden[k] = true
			hidden++
		} else {
			a.value[k] = *c.Value
			shown++
		}
	}
	return shown, hidden
}

func noticeField(f string) bool {
	return strings.HasPrefix(f, "notices") || f == "late" || f == "lateJustified" || f == "undocumented"
}

func counts(r *reporting.Row) map[string]reporting.Count {
	return map[string]reporting.Count{
		"events": r.CustodyEvents, "notify": r.AssessmentsNotify, "doNotNotify": r.AssessmentsDoNotNotify,
		"blocked": r.EventsBlockedForSecurity, "noticesSent": r.NoticesSent, "noticesByLetter": r.NoticesByLetter,
		"noticesByDigipost": r.NoticesByDigipost, "noticesByPhone": r.NoticesByPhone, "noticesViaPolice": r.NoticesViaPolice,
		"late": r.LateNotices, "lateJustified": r.LateNoticesJustified, "notInformed": r.DecisionsNotInformed,
		"noticesBeforeFinal": r.NoticesSentBeforeFinal, "escapes": r.EscapesNotified, "appeals": r.AppealsReceived,
		"upheld": r.AppealsUpheld, "overturned": r.AppealsOverturned, "requests": r.PoliceRequests,
		"undocumented": r.UndocumentedPhoneNotices, "pending": r.DecisionsPending,
	}
}

// parents are the cells c is a part of, by the dimension it splits.
func parents(c cell) map[string]cell {
	ps := map[string]cell{}
	switch {
	case c.unit != "*" && c.unit != "":
		p := c
		p.unit = ""
		ps["units of a region"] = p
		p.unit, p.region = "*", "*"
		ps["units"] = p
	case c.unit == "" && c.region != "*":
		p := c
		p.unit, p.region = "*", "*"
		ps["regions"] = p
	}
	if c.kind != "*" {
		p := c
		p.kind = "*"
		ps["kinds"] = p
	}
	if c.month != "*" {
		p := c
		p.month = "*"
		ps["months"] = p
	}
	if c.chann != "*" {
		p := c
		p.chann = "*"
		ps["channels"] = p
	}
	return ps
}

// line: total = Σ parts. A part the attacker never saw is a row no report
// had, 0 (a group without events has no row).
type line struct {
	total cell
	parts []cell
}

// attack builds every line among the cells seen and solves the ones with a
// single unknown until nothing changes. It returns how many counts it
// learnt, how many of them were hidden zeros, and the hidden counts other
// than 0 among them (and any contradiction).
//
// A hidden 0 may be learnt: a group with no events has no row, so the
// reports tell zeros anyway, and a 0 is about nobody; the protection treats
// every 0 as known (protect.go).
func (a *attacker) attack() (learnt, zeros int, leaks []string) {
	seen := map[cell]bool{}
	for c := range a.value {
		seen[c] = true
	}
	for c := range a.hidden {
		seen[c] = true
	}
	var lines []line
	// Splits of one dimension: a cell with "*" is the sum of the cells seen
	// with each value there, the rest alike.
	type split struct {
		total cell
		over  string
	}
	byParent := map[split][]cell{}
	for c := range seen {
		for over, p := range parents(c) {
			byParent[split{p, over}] = append(byParent[split{p, over}], c)
		}
	}
	for p, parts := range byParent {
		if seen[p.total] {
			lines = append(lines, line{p.total, parts})
		}
	}
	// The notices sent are the sum of the channels' counts.
	for c := range seen {
		if c.field == "noticesSent" && c.chann == "*" {
			l := line{total: c}
			for _, f := range []string{"noticesByLetter", "noticesByDigipost", "noticesByPhone", "noticesViaPolice"} {
				p := c
				p.field = f
				l.parts = append(l.parts, p)
			}
			lines = append(lines, l)
		}
	}
	// A month's row of a period is that month asked for alone.
	for c := range seen {
		if c.month != "*" {
			m, _ := time.Parse("2006-01", c.month)
			alone := c
			alone.month = "*"
			alone.i = int(m.Year()-2024)*12 + int(m.Month()) - 12
			alone.j = alone.i
			lines = append(lines, line{c, []cell{alone}})
		}
	}
	// A period is the sum of two adjacent ones that make it up.
	for c := range seen {
		if c.month != "*" {
			continue
		}
		for s := c.i; s < c.j; s++ {
			p, q := c, c
			p.j, q.i = s, s+1
			lines = append(lines, line{c, []cell{p, q}})
		}
	}
	known := func(c cell) (int, bool) {
		if v, ok := a.value[c]; ok {
			return v, true
		}
		if !seen[c] && a.asked[shapeOf(c)] {
			return 0, true // the report was asked for and had no such row
		}
		return 0, false
	}
	// Solve a line when all but one of its cells are known; each value
	// learnt wakes the lines it is in.
	linesOf := map[cell][]int{}
	for n, l := range lines {
		linesOf[l.total] = append(linesOf[l.total], n)
		for _, p := range l.parts {
			linesOf[p] = append(linesOf[p], n)
		}
	}
	queue := make([]int, len(lines))
	for n := range lines {
		queue[n] = n
	}
	for len(queue) > 0 {
		l := lines[queue[len(queue)-1]]
		queue = queue[:len(queue)-1]
		var unknown []cell
		sum := 0
		tv, tk := known(l.total)
		for _, p := range l.parts {
			if v, ok := known(p); ok {
				sum += v
			} else {
				unknown = append(unknown, p)
			}
		}
		var x cell
		var v int
		switch {
		case tk && len(unknown) == 1:
			x, v = unknown[0], tv-sum
		case !tk && len(unknown) == 0:
			x, v = l.total, sum
		default:
			continue
		}
		if v < 0 {
			// The figures contradict each other, or a line is wrong.
			leaks = append(leaks, fmt.Sprintf("%+v would be %d, from the line of %+v", x, v, l.total))
		}
		a.value[x] = v
		learnt++
		if a.hidden[x] && v == 0 {
			zeros++
		} else if a.hidden[x] {
			leaks = append(leaks, fmt.Sprintf("%+v = %d, from the line of %+v", x, v, l.total))
		}
		queue = append(queue, linesOf[x]...)
	}
	return learnt, zeros, leaks
}
