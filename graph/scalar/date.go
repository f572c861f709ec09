// Package scalar holds the GraphQL scalars Varsel adds to gqlgen's own.
package scalar

import (
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"varsel"
	"varsel/rules"
)

// dateLayout is how a Date travels: a calendar date without time or zone.
const dateLayout = time.DateOnly

var (
	errDate = varsel.Errorf(varsel.EINVALID, "En dato skrives ÅÅÅÅ-MM-DD, for eksempel 2026-12-20.")
	errTime = varsel.Errorf(varsel.EINVALID, "Et tidspunkt skrives etter RFC 3339, for eksempel 2026-12-20T10:00:00+01:00.")
)

// MarshalDate writes a calendar date as "YYYY-MM-DD". Dates are stored as
// midnight UTC, so the UTC calendar day is the date.
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(t.UTC().Format(dateLayout)))
	})
}

// UnmarshalDate reads "YYYY-MM-DD" into midnight UTC.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, errDate
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, errDate // never the value: it may be anything (PR6)
	}
	if err := rules.CheckYear(t); err != nil {
		return time.Time{}, varsel.Errorf(varsel.EINVALID, "%s", err.Message)
	}
	return t, nil
}

// MarshalTime writes an instant as RFC 3339 in UTC, as it is stored.
func MarshalTime(t time.Time) graphql.Marshaler {
	return graphql.MarshalTime(t.UTC())
}

// UnmarshalTime reads an RFC 3339 instant, in any offset, as UTC. Instants
// are stored in UTC on both databases, so that SQLite, which compares them
// as text, orders them rightly; a time sent with Norway's +01:00 is the same
// instant stored as 09:00Z for 10:00+01:00.
func UnmarshalTime(v any) (time.Time, error) {
	t, err := graphql.UnmarshalTime(v)
	if err != nil {
		return time.Time{}, errTime
	}
	if err := rules.CheckYear(t.UTC()); err != nil {
		return time.Time{}, varsel.Errorf(varsel.EINVALID, "%s", err.Message)
	}
	return t.UTC(), nil
}
