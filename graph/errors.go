package graph

import (
	"context"
	"errors"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"varsel"
	"varsel/ent"
	"varsel/ent/privacy"
	"varsel/rules"
)

// presentError maps every error to what a client may see: a code in
// extensions.code, a Norwegian message, and for refusals by a rule the rule's
// ID and legal provision. Anything not recognised is an internal error: the
// client sees a generic message and the full error goes to the log only.
// Errors never carry personal data, so the log stays free of it.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	var (
		verr *varsel.Error
		rv   *rules.Violation
		gqe  *gqlerror.Error
	)
	switch {
	case errors.As(err, &rv):
		gerr.Message = rv.Message
		setCode(gerr, varsel.EINVALID)
		gerr.Extensions["rule"] = rv.Rule
		gerr.Extensions["provision"] = rv.Provision
	case errors.As(err, &verr):
		gerr.Message = verr.Message
		setCode(gerr, verr.Code)
		if verr.Rule != "" {
			gerr.Extensions["rule"] = verr.Rule
			gerr.Extensions["provision"] = verr.Provision
		}
		if verr.Code == varsel.EINTERNAL {
			logInternal(ctx, err)
		}
	case ent.IsNotFound(err):
		gerr.Message = "Fant ikke det du ba om, eller du har ikke tilgang til det."
		setCode(gerr, varsel.ENOTFOUND)
	case errors.Is(err, privacy.Deny):
		gerr.Message = "Du har ikke tilgang til dette."
		setCode(gerr, varsel.EFORBIDDEN)
	case ent.IsConstraintError(err):
		// The database's message names the constraint, never the values.
		slog.InfoContext(ctx, "constraint refused a change", "err", err)
		gerr.Message = "Dette finnes allerede, eller noen andre endret det samtidig. Hent siden på nytt."
		setCode(gerr, varsel.ECONFLICT)
	case ent.IsValidationError(err):
		gerr.Message = "Ugyldig verdi: " + err.(*ent.ValidationError).Name
		setCode(gerr, varsel.EINVALID)
	case errors.As(err, &gqe) && gqe.Extensions["code"] != nil:
		// gqlgen's own parse and validation errors keep their codes.
	case ctx.Err() != nil:
		// The client went away or gave up, and the database stopped for it:
		// nothing is wrong with the service, so it is no internal error.
		slog.InfoContext(ctx, "GraphQL request cancelled", "cause", ctx.Err())
		gerr.Message = "Forespørselen ble avbrutt."
		setCode(gerr, varsel.ECANCELLED)
	default:
		logInternal(ctx, err)
		gerr.Message = "Det oppstod en intern feil. Prøv igjen, og kontakt brukerstøtte hvis feilen vedvarer."
		setCode(gerr, varsel.EINTERNAL)
	}
	return gerr
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

func logInternal(ctx context.Context, err error) {
	path := ""
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		path = fc.Path().String()
	}
	slog.ErrorContext(ctx, "internal error in GraphQL request", "path", path, "err", err)
}

// recoverPanic turns a panic in a resolver into an internal error.
func recoverPanic(ctx context.Context, p any) error {
	slog.ErrorContext(ctx, "panic in GraphQL request", "panic", p, "stack", string(debug.Stack()))
	return varsel.Errorf(varsel.EINTERNAL, "Det oppstod en intern feil.")
}

// hasRole is the @hasRole directive: the second layer over the ent privacy
// policies, so that a field meant for some roles fails early and clearly.
func hasRole(ctx context.Context, _ any, next graphql.Resolver, roles []varsel.Role) (any, error) {
	v := varsel.FromContext(ctx)
	if v == nil {
		return nil, varsel.Errorf(varsel.EUNAUTHENTICATED, "Du er ikke logget inn.")
	}
	if !v.HasAny(roles...) {
		return nil, varsel.Errorf(varsel.EFORBIDDEN, "Rollen din gir ikke tilgang til dette.")
	}
	return next(ctx)
}
