package reporting

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/convict"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/notice"
	"varsel/ent/policerequest"
	"varsel/ent/securityassessment"
	"varsel/ent/unit"
	"varsel/rules"
)

// period is what a report is drawn from: the custody events that start in
// [start, end), of convicts at unitIDs (nil: the whole country), grouped by
// groupBy.
//
// The counts are made by the database, grouped, so that a year of the whole
// country (some 100,000 events) is not read row by row. Only sent notices and
// police requests are read one by one, for the medians, the on-time rate
// (which needs the send date in Norwegian time) and the escapes' first
// notice.
type period struct {
	start, end time.Time
	unitIDs    []int
	groupBy    []Dimension
}

func (q *period) grouped(d Dimension) bool {
	for _, g := range q.groupBy {
		if g == d {
			return true
		}
	}
	return false
}

// groupKey is a group as the database returns it: a dimension not grouped
// by is NULL.
type groupKey struct {
	Unit   sql.NullInt64
	Region sql.NullString
	Kind   sql.NullString
	Month  sql.NullString
}

func (k groupKey) key(channel *rules.Channel) Key {
	var out Key
	if k.Unit.Valid {
		id := int(k.Unit.Int64)
		out.UnitID = &id
	}
	if k.Region.Valid {
		out.Region = &k.Region.String
	}
	if k.Kind.Valid {
		kind := rules.EventKind(k.Kind.String)
		out.EventKind = &kind
	}
	if k.Month.Valid {
		out.Month = &k.Month.String
	}
	out.Channel = channel
	return out
}

// frame joins a fact's custody event (e: the event table itself, or joined
// to the fact on the column eventOf), its convict and the convict's unit; keeps the
// events of the period and the scope; and selects the group keys followed
// by cols, grouping by the keys when group is set.
func (q *period) frame(s *entsql.Selector, eventOf string, group bool, cols ...string) {
	q.frameWith(s, eventOf, frameOptions{group: group}, cols...)
}

// frameOptions: group by the keys; with sets, also in all (PostgreSQL's
// GROUPING SETS: the total's row has every key NULL); channel, if set, is
// the notice's channel column, a key too when grouping by channel.
type frameOptions struct {
	group, sets bool
	channel     string
}

func (q *period) frameWith(s *entsql.Selector, eventOf string, o frameOptions, cols ...string) {
	e := s.Table()
	if eventOf != "" {
		e = entsql.Table(custodyevent.Table).As("e")
		s.Join(e).On(eventOf, e.C(custodyevent.FieldID))
	}
	c := entsql.Table(convict.Table).As("c")
	u := entsql.Table(unit.Table).As("u")
	s.Join(c).On(e.C(custodyevent.FieldConvictID), c.C(convict.FieldID))
	s.Join(u).On(c.C(convict.FieldUnitID), u.C(unit.FieldID))
	// An event registered in error is not counted (NT8).
	where := []*entsql.Predicate{entsql.GTE(e.C(custodyevent.FieldStartsAt), q.start), entsql.LT(e.C(custodyevent.FieldStartsAt), q.end),
		entsql.IsNull(e.C(custodyevent.FieldRegisteredInErrorAt))}
	if q.unitIDs != nil {
		ids := make([]any, len(q.unitIDs))
		for i, id := range q.unitIDs {
			ids[i] = id
		}
		where = append(where, entsql.In(c.C(convict.FieldUnitID), ids...))
	}
	s.Where(entsql.And(where...))

	var groupBy []string
	key := func(d Dimension, expr, as string) {
		if q.grouped(d) {
			s.AppendSelectExprAs(entsql.Raw(expr), as)
			groupBy = append(groupBy, as)
		} else {
			s.AppendSelectExprAs(entsql.Raw("NULL"), as)
		}
	}
	s.Select()
	key(ByUnit, c.C(convict.FieldUnitID), "g_unit")
	key(ByRegion, fmt.Sprintf("COALESCE(%s, '')", u.C(unit.FieldRegionCode)), "g_region")
	key(ByEventKind, e.C(custodyevent.FieldKind), "g_kind")
	if q.grouped(ByMonth) {
		s.AppendSelectExprAs(q.monthOf(e.C(custodyevent.FieldStartsAt)), "g_month")
		groupBy = append(groupBy, "g_month")
	} else {
		s.AppendSelectExprAs(entsql.Raw("NULL"), "g_month")
	}
	if o.channel != "" {
		key(ByChannel, fmt.Sprintf("COALESCE(%s, '')", o.channel), "g_channel")
	}
	for _, col := range cols {
		s.AppendSelectExpr(entsql.Raw(col))
	}
	switch {
	case !o.group || len(groupBy) == 0:
	case o.sets:
		s.GroupBy("GROUPING SETS ((" + strings.Join(groupBy, ", ") + "), ())")
	default:
		s.GroupBy(groupBy...)
	}
}

// monthOf is the Norwegian month (YYYY-MM) of the instant in column, as a
// CASE over the months of the period: the same in every SQL dialect.
func (q *period) monthOf(column string) entsql.Querier {
	return entsql.ExprFunc(func(b *entsql.Builder) {
		b.WriteString("CASE")
		m := time.Date(q.start.In(rules.Norway).Year(), q.start.In(rules.Norway).Month(), 1, 0, 0, 0, 0, rules.Norway)
		for ; m.Before(q.end); m = m.AddDate(0, 1, 0) {
			b.WriteString(" WHEN " + column + " < ").Arg(m.AddDate(0, 1, 0)).WriteString(" THEN ").Arg(m.Format("2006-01"))
		}
		b.WriteString(" END")
	})
}

// tally counts the period's figures, by group and in all.
func (q *period) tally(ctx context.Context, client *ent.Client) (map[keyValue]*tally, *tally, error) {
	t := &tallies{q: q, groups: map[keyValue]*tally{}, total: &tally{byChannel: map[rules.Channel]int{}}}
	var dialectName string
	if err := q.events(ctx, client, t, &dialectName); err != nil {
		return nil, nil, err
	}
	if dialectName == dialect.Postgres {
		// PostgreSQL counts the notices and police requests and draws the
		// medians itself, per group and in all, in one pass each.
		if err := q.noticeFigures(ctx, client, t); err != nil {
			return nil, nil, err
		}
		if err := q.requestFigures(ctx, client, t); err != nil {
			return nil, nil, err
		}
	} else if err := q.noticeRows(ctx, client, t); err != nil {
		return nil, nil, err
	}
	if err := q.escapes(ctx, client, t); err != nil {
		return nil, nil, err
	}
	return t.groups, t.total, nil
}

// tallies are a report's groups and its total as they are counted.
type tallies struct {
	q      *period
	groups map[keyValue]*tally
	total  *tally
}

// of is the tallies a row of the groups counts for: its group and the total.
func (t *tallies) of(k groupKey, channel *rules.Channel) []*tally {
	key := k.key(nil)
	if t.q.grouped(ByChannel) {
		key.Channel = channel
	}
	id := valueOf(key)
	g, ok := t.groups[id]
	if !ok {
		g = &tally{key: key, byChannel: map[rules.Channel]int{}}
		t.groups[id] = g
	}
	return []*tally{g, t.total}
}

// add counts a row of the database's grouped figures, from a query grouped
// by the keys and in all: the total's row (every key NULL) counts for the
// total, the others for their groups; without groups, the one row is both.
//
// A query without a channel (hasChannel false) grouped by channel alone has
// no keys at all: its one row is the total's and the row without a channel.
func (q *period) add(t *tallies, k groupKey, channel sql.NullString, hasChannel bool, fn func(*tally)) {
	keyed := slices.ContainsFunc(q.groupBy, func(d Dimension) bool { return d != ByChannel || hasChannel })
	if !keyed {
		for _, x := range t.of(k, nil) {
			fn(x)
		}
		return
	}
	if !k.Unit.Valid && !k.Region.Valid && !k.Kind.Valid && !k.Month.Valid && !channel.Valid {
		fn(t.total)
		return
	}
	var ch *rules.Channel
	if channel.Valid && channel.String != "" {
		c := rules.Channel(channel.String)
		ch = &c
	}
	fn(t.of(k, ch)[0])
}

// inPeriod restricts the custody event table ev to the period.
func (q *period) inPeriod(ev *entsql.SelectTable) *entsql.Predicate {
	return entsql.And(entsql.GTE(ev.C(custodyevent.FieldStartsAt), q.start), entsql.LT(ev.C(custodyevent.FieldStartsAt), q.end),
		entsql.IsNull(ev.C(custodyevent.FieldRegisteredInErrorAt)))
}

// events counts the events, with what was assessed, decided and appealed
// about each: one statement, so that the events of the period are joined to
// their units once. Events still waiting for a decision are open, undecided
// and not stopped for security (AS2).
func (q *period) events(ctx context.Context, client *ent.Client, t *tallies, dialectName *string) error {
	var rows []struct {
		Unit       sql.NullInt64  `sql:"g_unit"`
		Region     sql.NullString `sql:"g_region"`
		Kind       sql.NullString `sql:"g_kind"`
		Month      sql.NullString `sql:"g_month"`
		N          int            `sql:"n"`
		Pending    int            `sql:"pending"`
		Blocked    int            `sql:"blocked"`
		Assessed   int            `sql:"assessed"`
		Notify     int            `sql:"notify"`
		Appeals    int            `sql:"appeals"`
		Upheld     int            `sql:"upheld"`
		Overturned int            `sql:"overturned"`
		NotInfo    int            `sql:"not_informed"`
	}
	if err := client.CustodyEvent.Query().Modify(func(s *entsql.Selector) {
		*dialectName = s.Dialect()
		b := entsql.Dialect(s.Dialect())
		count := func(cond string) string { return "SUM(CASE WHEN " + cond + " THEN 1 ELSE 0 END)" }
		// What belongs to the period's events, each counted per event.
		of := func(table, alias string) (*entsql.SelectTable, *entsql.SelectTable) {
			x := entsql.Table(table).As(alias)
			ev := entsql.Table(custodyevent.Table).As(alias + "e")
			return x, ev
		}
		a, ae := of(assessment.Table, "ax")
		as := b.Select(entsql.As(a.C(assessment.FieldCustodyEventID), "ev"), "COUNT(*) AS n",
			count(fmt.Sprintf("%s = '%s'", a.C(assessment.FieldOutcome), assessment.OutcomeNOTIFY))+" AS notify").
			From(a).Join(ae).On(a.C(assessment.FieldCustodyEventID), ae.C(custodyevent.FieldID)).Where(q.inPeriod(ae)).
			GroupBy(a.C(assessment.FieldCustodyEventID)).As("a")
		// Few events are stopped for security, or appealed: those are read
		// whole; the assessments, many, only for the period's events.
		sa := entsql.Table(securityassessment.Table).As("sx")
		blocked := b.Select(entsql.As(sa.C(securityassessment.FieldCustodyEventID), "ev")).Distinct().From(sa).
			Where(entsql.EQ(sa.C(securityassessment.FieldOutcome), string(rules.RiskConfirmed))).As("b")
		ap, pd := entsql.Table(appeal.Table).As("px"), entsql.Table(decision.Table).As("pd")
		appeals := b.Select(entsql.As(pd.C(decision.FieldCustodyEventID), "ev"), "COUNT(*) AS n",
			count(fmt.Sprintf("%s = '%s'", ap.C(appeal.FieldStatus), appeal.StatusUPHELD))+" AS upheld",
			count(fmt.Sprintf("%s = '%s'", ap.C(appeal.FieldStatus), appeal.StatusOVERTURNED))+" AS overturned").
			From(ap).Join(pd).On(ap.C(appeal.FieldDecisionID), pd.C(decision.FieldID)).
			GroupBy(pd.C(decision.FieldCustodyEventID)).As("p")
		// DC3: decisions on a non-escape event the convict could not be told of.
		ni := entsql.Table(decision.Table).As("nx")
		notInformed := b.Select(entsql.As(ni.C(decision.FieldCustodyEventID), "ev"), "COUNT(*) AS n").From(ni).
			Where(entsql.And(entsql.NotNull(ni.C(decision.FieldInformingImpracticableReason)), entsql.NEQ(ni.C(decision.FieldInformingImpracticableReason), ""))).
			GroupBy(ni.C(decision.FieldCustodyEventID)).As("ni")
		id := s.C(custodyevent.FieldID)
		s.LeftJoin(notInformed).On(id, notInformed.C("ev"))
		s.LeftJoin(as).On(id, as.C("ev"))
		s.LeftJoin(blocked).On(id, blocked.C("ev"))
		s.LeftJoin(appeals).On(id, appeals.C("ev"))
		// Only open events can be pending; only they are looked up.
		undecided := fmt.Sprintf("NOT EXISTS (SELECT 1 FROM %s WHERE %s.%s = %s)", decision.Table, decision.Table, decision.FieldCustodyEventID, id)
		q.frame(s, "", true, "COUNT(*) AS n",
			"COALESCE("+count(fmt.Sprintf("%s = 'OPEN' AND %s IS NULL AND %s", s.C(custodyevent.FieldStatus), blocked.C("ev"), undecided))+", 0) AS pending",
			fmt.Sprintf("COUNT(%s) AS blocked", blocked.C("ev")),
			fmt.Sprintf("COALESCE(SUM(%s), 0) AS assessed", as.C("n")),
			fmt.Sprintf("COALESCE(SUM(%s), 0) AS notify", as.C("notify")),
			fmt.Sprintf("COALESCE(SUM(%s), 0) AS appeals", appeals.C("n")),
			fmt.Sprintf("COALESCE(SUM(%s), 0) AS upheld", appeals.C("upheld")),
			fmt.Sprintf("COALESCE(SUM(%s), 0) AS overturned", appeals.C("overturned")),
			fmt.Sprintf("COALESCE(SUM(CASE WHEN %s <> '%s' THEN %s ELSE 0 END), 0) AS not_informed", s.C(custodyevent.FieldKind), rules.Escape, notInformed.C("n")))
	}).Scan(ctx, &rows); err != nil {
		return err
	}
	for _, r := range rows {
		for _, x := range t.of(groupKey{r.Unit, r.Region, r.Kind, r.Month}, nil) {
			x.events += r.N
			x.pending += r.Pending
			x.blocked += r.Blocked
			x.notify += r.Notify
			x.doNotNotify += r.Assessed - r.Notify
			x.appeals += r.Appeals
			x.upheld += r.Upheld
			x.overturned += r.Overturned
			x.notInformed += r.NotInfo
		}
	}
	return nil
}

// noticeFigures has PostgreSQL count the sent notices and draw the median
// lead time: the on-time rate needs the day each was sent in Norwegian time.
func (p *period) noticeFigures(ctx context.Context, client *ent.Client, t *tallies) error {
	var rows []struct {
		Unit         sql.NullInt64   `sql:"g_unit"`
		Region       sql.NullString  `sql:"g_region"`
		Kind         sql.NullString  `sql:"g_kind"`
		Month        sql.NullString  `sql:"g_month"`
		Channel      sql.NullString  `sql:"g_channel"`
		Sent         int             `sql:"sent"`
		Letter       int             `sql:"letter"`
		Digipost     int             `sql:"digipost"`
		Phone        int             `sql:"phone"`
		ViaPolice    int             `sql:"via_police"`
		Timed        int             `sql:"timed"`
		OnTime       int             `sql:"on_time"`
		LeadMedian   sql.NullFloat64 `sql:"lead_median"`
		Late         int             `sql:"late"`
		Justified    int             `sql:"justified"`
		Early        int             `sql:"early"`
		Undocumented int             `sql:"undocumented"`
	}
	if err := client.Notice.Query().Where(notice.SentAtNotNil()).Modify(func(s *entsql.Selector) {
		count := func(cond string) string { return "COALESCE(SUM(CASE WHEN " + cond + " THEN 1 ELSE 0 END), 0)" }
		timed := fmt.Sprintf("e.%s <> '%s'", custodyevent.FieldKind, rules.Escape)
		channel, sent, due := s.C(notice.FieldChannel), s.C(notice.FieldSentAt), s.C(notice.FieldDueDate)
		p.frameWith(s, s.C(notice.FieldCustodyEventID), frameOptions{group: true, sets: true, channel: channel}, "COUNT(*) AS sent",
			count(fmt.Sprintf("%s = '%s'", channel, rules.Letter))+" AS letter",
			count(fmt.Sprintf("%s = '%s'", channel, rules.Digipost))+" AS digipost",
			count(fmt.Sprintf("%s = '%s'", channel, rules.Phone))+" AS phone",
			count(fmt.Sprintf("%s = '%s'", channel, rules.ViaPolice))+" AS via_police",
			count(timed)+" AS timed",
			count(fmt.Sprintf("%s AND (%s AT TIME ZONE '%s')::date <= %s", timed, sent, rules.Norway, due))+" AS on_time",
			fmt.Sprintf("percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.%s - %s) / 86400) FILTER (WHERE %s) AS lead_median",
				custodyevent.FieldStartsAt, sent, timed),
			count(s.C(notice.FieldLate))+" AS late",
			count(fmt.Sprintf("%[1]s AND %[2]s IS NOT NULL AND %[2]s <> ''", s.C(notice.FieldLate), s.C(notice.FieldLateJustification)))+" AS justified",
			count(fmt.Sprintf("%[1]s IS NOT NULL AND %[1]s <> ''", s.C(notice.FieldEarlyReleaseJustification)))+" AS early",
			count(fmt.Sprintf("%s = '%s' AND %s IS NULL", channel, rules.Phone, s.C(notice.FieldPhoneDocumentedAt)))+" AS undocumented")
	}).Scan(ctx, &rows); err != nil {
		return err
	}
	for _, r := range rows {
		p.add(t, groupKey{r.Unit, r.Region, r.Kind, r.Month}, r.Channel, true, func(x *tally) {
			x.sent += r.Sent
			x.byChannel[rules.Letter] += r.Letter
			x.byChannel[rules.Digipost] += r.Digipost
			x.byChannel[rules.Phone] += r.Phone
			x.byChannel[rules.ViaPolice] += r.ViaPolice
			x.timed += r.Timed
			x.onTime += r.OnTime
			x.late += r.Late
			x.lateJustified += r.Justified
			x.beforeFinal += r.Early
			x.undocumented += r.Undocumented
			if r.LeadMedian.Valid {
				x.leadDays = sample{med: &r.LeadMedian.Float64, n: r.Timed}
			}
		})
	}
	return nil
}

// requestFigures has PostgreSQL count the police requests and draw the
// median turnaround.
func (p *period) requestFigures(ctx context.Context, client *ent.Client, t *tallies) error {
	var rows []struct {
		Unit   sql.NullInt64   `sql:"g_unit"`
		Region sql.NullString  `sql:"g_region"`
		Kind   sql.NullString  `sql:"g_kind"`
		Month  sql.NullString  `sql:"g_month"`
		N      int             `sql:"n"`
		Done   int             `sql:"done"`
		Median sql.NullFloat64 `sql:"median"`
	}
	if err := client.PoliceRequest.Query().Modify(func(s *entsql.Selector) {
		done := s.C(policerequest.FieldCompletedAt)
		p.frameWith(s, s.C(policerequest.FieldCustodyEventID), frameOptions{group: true, sets: true}, "COUNT(*) AS n", fmt.Sprintf("COUNT(%s) AS done", done),
			fmt.Sprintf("percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM %s - %s) / 3600) FILTER (WHERE %s IS NOT NULL) AS median",
				done, s.C(policerequest.FieldCreatedAt), done))
	}).Scan(ctx, &rows); err != nil {
		return err
	}
	for _, r := range rows {
		p.add(t, groupKey{r.Unit, r.Region, r.Kind, r.Month}, sql.NullString{}, false, func(x *tally) {
			x.requests += r.N
			if r.Median.Valid {
				x.turnaround = sample{med: &r.Median.Float64, n: r.Done}
			}
		})
	}
	return nil
}

// noticeRows reads the sent notices and the police requests one by one and
// counts them here: for SQLite, which has no time zones or medians.
func (q *period) noticeRows(ctx context.Context, client *ent.Client, t *tallies) error {
	var requests []struct {
		Unit        sql.NullInt64  `sql:"g_unit"`
		Region      sql.NullString `sql:"g_region"`
		Kind        sql.NullString `sql:"g_kind"`
		Month       sql.NullString `sql:"g_month"`
		CreatedAt   time.Time      `sql:"created_at"`
		CompletedAt sql.NullTime   `sql:"completed_at"`
	}
	if err := client.PoliceRequest.Query().Modify(func(s *entsql.Selector) {
		q.frame(s, s.C(policerequest.FieldCustodyEventID), false,
			s.C(policerequest.FieldCreatedAt)+" AS created_at", s.C(policerequest.FieldCompletedAt)+" AS completed_at")
	}).Scan(ctx, &requests); err != nil {
		return err
	}
	for _, r := range requests {
		for _, x := range t.of(groupKey{r.Unit, r.Region, r.Kind, r.Month}, nil) {
			x.requests++
			if r.CompletedAt.Valid {
				x.turnaround.add(r.CompletedAt.Time.Sub(r.CreatedAt).Hours())
			}
		}
	}
	var notices []struct {
		Unit       sql.NullInt64  `sql:"g_unit"`
		Region     sql.NullString `sql:"g_region"`
		Kind       sql.NullString `sql:"g_kind"`
		Month      sql.NullString `sql:"g_month"`
		Escape     bool           `sql:"is_escape"`
		StartsAt   time.Time      `sql:"starts_at"`
		Channel    sql.NullString `sql:"channel"`
		SentAt     time.Time      `sql:"sent_at"`
		DueDate    time.Time      `sql:"due_date"`
		Late       bool           `sql:"late"`
		Justified  bool           `sql:"justified"`
		Early      bool           `sql:"early"`
		Documented bool           `sql:"documented"`
	}
	if err := client.Notice.Query().Where(notice.SentAtNotNil()).Modify(func(s *entsql.Selector) {
		q.frame(s, s.C(notice.FieldCustodyEventID), false,
			fmt.Sprintf("CASE WHEN e.%s = '%s' THEN 1 ELSE 0 END AS is_escape", custodyevent.FieldKind, rules.Escape),
			"e."+custodyevent.FieldStartsAt+" AS starts_at",
			s.C(notice.FieldChannel)+" AS channel",
			s.C(notice.FieldSentAt)+" AS sent_at",
			s.C(notice.FieldDueDate)+" AS due_date",
			s.C(notice.FieldLate)+" AS late",
			fmt.Sprintf("CASE WHEN %[1]s IS NOT NULL AND %[1]s <> '' THEN 1 ELSE 0 END AS justified", s.C(notice.FieldLateJustification)),
			fmt.Sprintf("CASE WHEN %[1]s IS NOT NULL AND %[1]s <> '' THEN 1 ELSE 0 END AS early", s.C(notice.FieldEarlyReleaseJustification)),
			fmt.Sprintf("CASE WHEN %s IS NOT NULL THEN 1 ELSE 0 END AS documented", s.C(notice.FieldPhoneDocumentedAt)))
	}).Scan(ctx, &notices); err != nil {
		return err
	}
	for _, n := range notices {
		var channel *rules.Channel
		if n.Channel.Valid {
			c := rules.Channel(n.Channel.String)
			channel = &c
		}
		for _, x := range t.of(groupKey{n.Unit, n.Region, n.Kind, n.Month}, channel) {
			x.sent++
			if channel != nil {
				x.byChannel[*channel]++
			}
			if !n.Escape {
				x.timed++
				if rules.OnTime(n.SentAt, n.DueDate) {
					x.onTime++
				}
				x.leadDays.add(n.StartsAt.Sub(n.SentAt).Hours() / 24)
			}
			if n.Early {
				x.beforeFinal++
			}
			if n.Late {
				x.late++
				if n.Justified {
					x.lateJustified++
				}
			}
			if channel != nil && *channel == rules.Phone && !n.Documented {
				x.undocumented++
			}
		}
	}
	return nil
}

// escapes counts the escapes that were notified, and how long after each
// escape its first notice went (NT2: as soon as possible).
func (q *period) escapes(ctx context.Context, client *ent.Client, t *tallies) error {
	var rows []struct {
		Unit     sql.NullInt64  `sql:"g_unit"`
		Region   sql.NullString `sql:"g_region"`
		Kind     sql.NullString `sql:"g_kind"`
		Month    sql.NullString `sql:"g_month"`
		Event    int            `sql:"event"`
		StartsAt time.Time      `sql:"starts_at"`
		SentAt   time.Time      `sql:"sent_at"`
	}
	if err := client.Notice.Query().Where(notice.SentAtNotNil()).Modify(func(s *entsql.Selector) {
		q.frame(s, s.C(notice.FieldCustodyEventID), false,
			"e."+custodyevent.FieldID+" AS event", "e."+custodyevent.FieldStartsAt+" AS starts_at", s.C(notice.FieldSentAt)+" AS sent_at")
		s.Where(entsql.EQ(entsql.Table(custodyevent.Table).As("e").C(custodyevent.FieldKind), string(rules.Escape)))
	}).Scan(ctx, &rows); err != nil {
		return err
	}
	type escape struct {
		key             groupKey
		startsAt, first time.Time
	}
	escapes := map[int]*escape{}
	for _, r := range rows {
		if x, ok := escapes[r.Event]; !ok {
			escapes[r.Event] = &escape{key: groupKey{r.Unit, r.Region, r.Kind, r.Month}, startsAt: r.StartsAt, first: r.SentAt}
		} else if r.SentAt.Before(x.first) {
			x.first = r.SentAt
		}
	}
	for _, x := range escapes {
		for _, y := range t.of(x.key, nil) {
			y.escapesNotified++
			y.escapeHours.add(x.first.Sub(x.startsAt).Hours())
		}
	}
	return nil
}

// keyValue is a group's identity: the values of its keys.
type keyValue struct {
	unit    int
	region  string
	kind    rules.EventKind
	month   string
	channel rules.Channel
}

func valueOf(k Key) keyValue {
	return keyValue{unit: deref(k.UnitID), region: deref(k.Region), kind: deref(k.EventKind), month: deref(k.Month), channel: deref(k.Channel)}
}
