package server

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/reporting"
)

// statisticsRoutes serve the reporting figures as CSV, the same figures as
// the statistics query (PR4: aggregates only; a suppressed cell is written
// ":", Statistics Norway's sign for figures withheld for confidentiality).
func (s *Server) statisticsRoutes(mux *http.ServeMux) {
	mux.Handle("GET /statistics.csv", s.authenticated(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := varsel.FromContext(r.Context())
		if !v.HasAny(varsel.RoleAnalyst, varsel.RoleDecisionMaker) {
			http.Error(w, "Rollen din gir ikke tilgang til statistikk.", http.StatusForbidden)
			return
		}
		q := r.URL.Query()
		from, err1 := time.Parse(time.DateOnly, q.Get("from"))
		to, err2 := time.Parse(time.DateOnly, q.Get("to"))
		if err1 != nil || err2 != nil {
			http.Error(w, "Oppgi from og to som ÅÅÅÅ-MM-DD.", http.StatusBadRequest)
			return
		}
		var groupBy []reporting.Dimension
		for _, g := range strings.Split(q.Get("groupBy"), ",") {
			if g = strings.TrimSpace(g); g != "" {
				groupBy = append(groupBy, reporting.Dimension(strings.ToUpper(g)))
			}
		}
		report, err := reporting.Statistics(r.Context(), s.client, from, to, groupBy)
		if err != nil {
			if code := varsel.ErrorCode(err); code != varsel.EINTERNAL {
				http.Error(w, varsel.ErrorMessage(err), http.StatusBadRequest)
				return
			}
			failed(w, r, "statistics failed", "Statistikken kunne ikke lages.", err)
			return
		}
		units, err := s.client.Unit.Query().All(r.Context())
		if err != nil {
			failed(w, r, "statistics failed", "Statistikken kunne ikke lages.", err)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="varsel-statistikk-%s-%s.csv"`, q.Get("from"), q.Get("to")))
		w.Header().Set("Cache-Control", "no-store")
		writeStatisticsCSV(w, report, units)
	})))
}

// statisticsColumns are the CSV's figure columns, in the statistics query's
// field names.
var statisticsColumns = []struct {
	name  string
	count func(*reporting.Row) reporting.Count
	fig   func(*reporting.Row) reporting.Figure
}{
	{name: "custodyEvents", count: func(r *reporting.Row) reporting.Count { return r.CustodyEvents }},
	{name: "assessmentsNotify", count: func(r *reporting.Row) reporting.Count { return r.AssessmentsNotify }},
	{name: "assessmentsDoNotNotify", count: func(r *reporting.Row) reporting.Count { return r.AssessmentsDoNotNotify }},
	{name: "eventsBlockedForSecurity", count: func(r *reporting.Row) reporting.Count { return r.EventsBlockedForSecurity }},
	{name: "noticesSent", count: func(r *reporting.Row) reporting.Count { return r.NoticesSent }},
	{name: "noticesByLetter", count: func(r *reporting.Row) reporting.Count { return r.NoticesByLetter }},
	{name: "noticesByDigipost", count: func(r *reporting.Row) reporting.Count { return r.NoticesByDigipost }},
	{name: "noticesByPhone", count: func(r *reporting.Row) reporting.Count { return r.NoticesByPhone }},
	{name: "noticesViaPolice", count: func(r *reporting.Row) reporting.Count { return r.NoticesViaPolice }},
	{name: "onTimeRate", fig: func(r *reporting.Row) reporting.Figure { return r.OnTimeRate }},
	{name: "medianLeadDays", fig: func(r *reporting.Row) reporting.Figure { return r.MedianLeadDays }},
	{name: "lateNotices", count: func(r *reporting.Row) reporting.Count { return r.LateNotices }},
	{name: "lateNoticesJustified", count: func(r *reporting.Row) reporting.Count { return r.LateNoticesJustified }},
	{name: "escapesNotified", count: func(r *reporting.Row) reporting.Count { return r.EscapesNotified }},
	{name: "medianHoursEscapeToNotice", fig: func(r *reporting.Row) reporting.Figure { return r.MedianHoursEscapeToNotice }},
	{name: "appealsReceived", count: func(r *reporting.Row) reporting.Count { return r.AppealsReceived }},
	{name: "appealsUpheld", count: func(r *reporting.Row) reporting.Count { return r.AppealsUpheld }},
	{name: "appealsOverturned", count: func(r *reporting.Row) reporting.Count { return r.AppealsOverturned }},
	{name: "policeRequests", count: func(r *reporting.Row) reporting.Count { return r.PoliceRequests }},
	{name: "medianPoliceTurnaroundHours", fig: func(r *reporting.Row) reporting.Figure { return r.MedianPoliceTurnaroundHours }},
	{name: "undocumentedPhoneNotices", count: func(r *reporting.Row) reporting.Count { return r.UndocumentedPhoneNotices }},
	{name: "decisionsPending", count: func(r *reporting.Row) reporting.Count { return r.DecisionsPending }},
}

// writeStatisticsCSV writes one line per row and a last line for the total.
func writeStatisticsCSV(w http.ResponseWriter, report *reporting.Report, units []*ent.Unit) {
	unitName := map[int]string{}
	for _, u := range units {
		unitName[u.ID] = u.Name
	}
	out := csv.NewWriter(w)
	header := []string{"unit", "region", "eventKind", "month", "channel"}
	for _, c := range statisticsColumns {
		header = append(header, c.name)
	}
	out.Write(header)
	line := func(r *reporting.Row, total bool) {
		rec := make([]string, 0, len(header))
		if total {
			rec = append(rec, "I alt", "", "", "", "")
		} else {
			unit := ""
			if r.UnitID != nil {
				unit = unitName[*r.UnitID]
			}
			rec = append(rec, unit, str(r.Region), str(r.EventKind), str(r.Month), str(r.Channel))
		}
		for _, c := range statisticsColumns {
			switch {
			case c.count != nil:
				n := c.count(r)
				rec = append(rec, cell(n.Suppressed, n.Value, func(v int) string { return strconv.Itoa(v) }))
			default:
				f := c.fig(r)
				rec = append(rec, cell(f.Suppressed, f.Value, func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }))
			}
		}
		out.Write(rec)
	}
	for _, r := range report.Rows {
		line(r, false)
	}
	line(report.Total, true)
	out.Flush()
}

func cell[T any](suppressed bool, v *T, format func(T) string) string {
	switch {
	case suppressed:
		return ":"
	case v == nil:
		return ""
	}
	return format(*v)
}

func str[T ~string](p *T) string {
	if p == nil {
		return ""
	}
	return string(*p)
}
