// Package scalar holds the GraphQL scalars Varsel adds to gqlgen's own.
package scalar

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// dateLayout is how a Date travels: a calendar date without time or zone.
const dateLayout = time.DateOnly

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
		return time.Time{}, fmt.Errorf("en dato må skrives som ÅÅÅÅ-MM-DD")
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q er ikke en gyldig dato (ÅÅÅÅ-MM-DD)", s)
	}
	return t, nil
}
