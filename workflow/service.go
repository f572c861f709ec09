// Package workflow carries a custody event from registration to notices that
// are ready to send, rule by rule (the rules package), recording everything
// (notoritet). Each exported method is one step a caseworker or a decision
// maker takes; the GraphQL mutations call them one to one.
//
// Methods use the ent client in the context (ent.FromContext), which the
// GraphQL layer opens as one transaction per mutation, so that each step and
// its audit rows commit together.
package workflow

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/rules"
	"varsel/untilchange"
)

// Service is the notification workflow.
type Service struct {
	// Now is the clock; tests set it.
	Now func() time.Time
	// Simulated: the clock is fixed or moved in dev mode (VARSEL_DEV_CLOCK).
	Simulated bool
	// Deliveries sends Digipost notices; nil when no job queue runs.
	Deliveries Deliveries

	worklists untilchange.Cache[[]*WorklistItem]
	// scopes versions the worklists by the units changes touch.
	scopes untilchange.Scopes
}

// New returns the workflow on the real clock.
func New() *Service { return &Service{Now: time.Now} }

// tx is the transaction-bound client in ctx.
func tx(ctx context.Context) (*ent.Client, error) {
	if c := ent.FromContext(ctx); c != nil {
		return c, nil
	}
	return nil, errors.New("workflow: no ent client in the context (run inside a transaction)")
}

// viewer is the person taking the step.
func viewer(ctx context.Context) (*varsel.Viewer, error) {
	v := varsel.FromContext(ctx)
	if v == nil {
		return nil, varsel.Errorf(varsel.EUNAUTHENTICATED, "Du er ikke logget inn.")
	}
	return v, nil
}

// staffID is the viewer's staff registry row, for "done by" edges; nil when
// the person is not in the registry.
func staffID(v *varsel.Viewer) *int {
	if v.StaffID == 0 {
		return nil
	}
	return &v.StaffID
}

func notFound(what string) error {
	return varsel.Errorf(varsel.ENOTFOUND, "Fant ikke %s, eller du har ikke tilgang til det.", what)
}

func conflict(format string, args ...any) *varsel.Error {
	return varsel.Errorf(varsel.ECONFLICT, format, args...)
}

func invalid(format string, args ...any) *varsel.Error {
	return varsel.Errorf(varsel.EINVALID, format, args...)
}

// refuse is a refusal by a rule of the rulebook: the client is told the
// rule and its provision, as with every refusal.
func refuse(rule, format string, args ...any) *varsel.Error {
	return &varsel.Error{Code: varsel.EINVALID, Rule: rule, Provision: provisionOf(rule), Message: fmt.Sprintf(format, args...)}
}

// found maps ent's not-found to a message naming what was looked for:
// found(client.X.Get(ctx, id))("domfelte").
func found[T any](v T, err error) func(what string) (T, error) {
	return func(what string) (T, error) {
		if ent.IsNotFound(err) {
			return v, notFound(what)
		}
		return v, err
	}
}

// text returns an optional text's value, or "".
func text(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// logEnqueueFailure notes a job that could not be queued after commit; the
// periodic sweep queues it later.
func logEnqueueFailure(ctx context.Context, err error) {
	slog.WarnContext(ctx, "could not queue a notice for sending; the sweep will", "err", err)
}

// today is the Norwegian date now.
func (s *Service) today() time.Time { return rules.DateOf(s.Now()) }
