package graph

import (
	"context"

	"varsel/accesslog"
	"varsel/ent/accesslogentry"
)

// personal returns a victim's, survivor's or guardian's personal data after
// noting the read in the request's access log (PR2). When the read cannot be
// noted, the data is not returned.
func personal[T any](ctx context.Context, typ accesslogentry.PersonType, id int, part accesslog.Part, v T) (T, error) {
	if err := accesslog.Note(ctx, typ, id, part); err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

// optional is an optional text field: empty is null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// requestText serves the text of a police request, writing the view to the
// access log first: every view of a request is logged.
func requestText(ctx context.Context, id int, text string) (*string, error) {
	if err := accesslog.NoteRequestView(ctx, id); err != nil {
		return nil, err
	}
	if text == "" {
		return nil, nil
	}
	return &text, nil
}
