package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"varsel"
	"varsel/accesslog"
	"varsel/delivery"
	"varsel/ent"
	"varsel/ent/notice"
	"varsel/ent/privacy"
	"varsel/graph"
	"varsel/letters"
	"varsel/rules"
)

// letterRoutes serve the letters as PDF to signed-in people: a notice, the
// convict's decision letter, a police delivery request, and the unit's print
// batch. The data policies decide who sees what (PR5), and every read of a
// person's name or address is logged before the PDF is sent (PR2).
func (s *Server) letterRoutes(mux *http.ServeMux) {
	staff := []varsel.Role{varsel.RoleCaseworker, varsel.RoleDecisionMaker}
	mux.Handle("GET /letters/notices/{id}", s.authenticated(s.pdf(staff, func(ctx context.Context, id int) ([]byte, string, error) {
		l, _, err := delivery.NoticeLetter(ctx, s.client, id)
		if err != nil {
			return nil, "", err
		}
		pdf, err := letters.NoticePDF(l)
		return pdf, l.Reference, err
	})))
	mux.Handle("GET /letters/decisions/{id}", s.authenticated(s.pdf(staff, func(ctx context.Context, id int) ([]byte, string, error) {
		l, err := delivery.DecisionLetter(ctx, s.client, id)
		if err != nil {
			return nil, "", err
		}
		pdf, err := letters.DecisionPDF(l)
		return pdf, l.Reference, err
	})))
	police := append([]varsel.Role{varsel.RolePolice}, staff...)
	mux.Handle("GET /letters/police-requests/{id}", s.authenticated(s.pdf(police, func(ctx context.Context, id int) ([]byte, string, error) {
		r, err := delivery.PoliceRequestLetter(ctx, s.client, id)
		if err != nil {
			return nil, "", err
		}
		pdf, err := letters.PolicePDF(r)
		return pdf, r.Reference, err
	})))
	mux.Handle("GET /letters/convict-access/{id}", s.authenticated(s.pdf(staff, func(ctx context.Context, id int) ([]byte, string, error) {
		l, err := delivery.AccessList(ctx, s.client, s.workflow, id)
		if err != nil {
			return nil, "", err
		}
		pdf, err := letters.AccessPDF(l)
		return pdf, l.Reference, err
	})))
	mux.Handle("GET /letters/print-batch", s.authenticated(s.pdf(staff, func(ctx context.Context, _ int) ([]byte, string, error) {
		return s.printBatch(ctx)
	})))
}

// printBatch is every letter of the viewer's units waiting to be printed and
// posted, most urgent first, as one PDF.
func (s *Server) printBatch(ctx context.Context) ([]byte, string, error) {
	ids, err := s.client.Notice.Query().
		Where(notice.StatusEQ(rules.NoticeSending), notice.ChannelEQ(rules.Letter)).
		Order(ent.Asc(notice.FieldDueDate), ent.Asc(notice.FieldID)).IDs(ctx)
	if err != nil {
		return nil, "", err
	}
	if ids, err = s.workflow.MayPrint(ctx, s.client, ids); err != nil {
		return nil, "", err
	}
	if len(ids) == 0 {
		return nil, "", errNothingToPrint
	}
	batch := make([]letters.NoticeLetter, 0, len(ids))
	for _, id := range ids {
		l, _, err := delivery.NoticeLetter(ctx, s.client, id)
		if err != nil {
			return nil, "", err
		}
		batch = append(batch, l)
	}
	pdf, err := letters.NoticesPDF(batch)
	return pdf, fmt.Sprintf("utskrift-%d-brev", len(batch)), err
}

var errNothingToPrint = errors.New("nothing to print")

// pdf serves a PDF made by make for the {id} in the path.
func (s *Server) pdf(roles []varsel.Role, make func(ctx context.Context, id int) ([]byte, string, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := varsel.FromContext(r.Context())
		if !v.HasAny(roles...) {
			http.Error(w, "Rollen din gir ikke tilgang til dette brevet.", http.StatusForbidden)
			return
		}
		id, _ := strconv.Atoi(r.PathValue("id"))
		ctx, reads := accesslog.NewContext(r.Context())
		pdf, name, err := make(ctx, id)
		switch {
		case errors.Is(err, errNothingToPrint):
			http.Error(w, "Ingen brev venter på utskrift.", http.StatusNotFound)
			return
		case ent.IsNotFound(err), varsel.ErrorCode(err) == varsel.ENOTFOUND:
			http.Error(w, "Fant ikke brevet, eller du har ikke tilgang til det.", http.StatusNotFound)
			return
		case errors.Is(err, privacy.Deny):
			http.Error(w, "Du har ikke tilgang til dette brevet.", http.StatusForbidden)
			return
		case err != nil:
			failed(w, r, "making a letter failed", "Brevet kunne ikke lages.", err)
			return
		}
		if err := reads.Flush(ctx, s.client, r.URL.Path); err != nil {
			failed(w, r, "access log not written; letter withheld", "Tilgangsloggen kunne ikke skrives, så brevet vises ikke.", err)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		// The length lets the web app show how much of a print batch has come.
		w.Header().Set("Content-Length", strconv.Itoa(len(pdf)))
		w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="%s.pdf"`, name))
		w.Header().Set("Cache-Control", "no-store")
		w.Write(pdf)
	})
}

// failed answers a request that could not be served: 503 with Retry-After
// while the database is away, otherwise 500; msg is what the person is told,
// and the error goes to the log only.
func failed(w http.ResponseWriter, r *http.Request, what, msg string, err error) {
	if varsel.Unavailable(err) {
		slog.WarnContext(r.Context(), what+": database unavailable", "path", r.URL.Path, "err", err)
		w.Header().Set("Retry-After", graph.RetryAfter)
		http.Error(w, graph.UnavailableMessage, http.StatusServiceUnavailable)
		return
	}
	slog.ErrorContext(r.Context(), what, "path", r.URL.Path, "err", err)
	http.Error(w, msg, http.StatusInternalServerError)
}
