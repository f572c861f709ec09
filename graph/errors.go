package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
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
		rf   *rules.Refusal
		gqe  *gqlerror.Error
	)
	switch {
	case inArguments(ctx):
		presentInputError(ctx, gerr, err)
	case varsel.Unavailable(err):
		// The database is away: nothing wrong with the request, and nothing
		// of the driver's message for the client.
		slog.WarnContext(ctx, "database unavailable", "err", err)
		gerr.Message = UnavailableMessage
		setCode(gerr, varsel.EUNAVAILABLE)
		gerr.Err = unavailableError{gerr.Err}
	case introspectionDisabled(err):
		// Production answers no introspection: a refusal, not a fault.
		slog.InfoContext(ctx, "introspection refused in production")
		gerr.Message = "Skjemaet kan bare hentes i utviklingsmodus."
		setCode(gerr, varsel.EFORBIDDEN)
	case errors.As(err, &rf) && rf.Conflict:
		// The step is taken already, or the state moved on: a conflict, with
		// the rule that says why.
		gerr.Message = rf.Message
		setCode(gerr, varsel.ECONFLICT)
		gerr.Extensions["rule"] = rf.Rule
		gerr.Extensions["provision"] = rf.Provision
	case errors.As(err, &rv):
		gerr.Message = rv.Message
		setCode(gerr, varsel.EINVALID)
		gerr.Extensions["rule"] = rv.Rule
		gerr.Extensions["provision"] = rv.Provision
		if rv.Field != "" {
			gerr.Extensions["field"] = rv.Field
		}
	case errors.As(err, &verr):
		gerr.Message = verr.Message
		setCode(gerr, verr.Code)
		if verr.Rule != "" {
			gerr.Extensions["rule"] = verr.Rule
			gerr.Extensions["provision"] = verr.Provision
		}
		if verr.Field != "" {
			gerr.Extensions["field"] = verr.Field
		}
		if verr.Existing != 0 {
			gerr.Extensions["existing"] = strconv.Itoa(verr.Existing)
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
	case errors.As(err, &gqe) && strings.HasSuffix(gqe.Message, "is not a valid Channel"):
		// There is no SMS, e-mail or other electronic channel: asking for
		// one is refused by NT1, with the rule, as any refusal is.
		gerr.Message = nt1.Message
		setCode(gerr, varsel.EINVALID)
		gerr.Extensions["rule"], gerr.Extensions["provision"], gerr.Extensions["field"] = nt1.Rule, nt1.Provision, "channel"
	case errors.As(err, &gqe) && gqe.Extensions["code"] != nil:
		// gqlgen's own parse and validation errors keep their codes, but
		// not the values they quote (PR6).
		withoutValues(gerr)
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

// nt1 is the refusal of a channel that does not exist (SMS, e-mail …).
var nt1 = func() *rules.Violation {
	_, err := rules.ParseChannel("SMS")
	return err.(*rules.Violation)
}()

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

// UnavailableMessage is what a client is told while the database is away.
const UnavailableMessage = "Tjenesten får ikke kontakt med databasen akkurat nå. Prøv igjen om litt."

// RetryAfter is how many seconds a client is asked to wait before it tries
// again when the database is away (the Retry-After header).
const RetryAfter = "5"

// unavailableError marks an error that says the database is away, so that
// the transport can answer 503.
type unavailableError struct{ err error }

func (e unavailableError) Error() string { return e.err.Error() }
func (e unavailableError) Unwrap() error { return e.err }

// errBadInput marks (in gqlerror.Error.Err, which the client never sees) an
// error in a request's input, so that the transport can answer 400 when
// nothing else went wrong.
var errBadInput = errors.New("bad input")

type inputError struct{ err error }

func (e inputError) Error() string        { return e.err.Error() }
func (e inputError) Unwrap() error        { return e.err }
func (e inputError) Is(target error) bool { return target == errBadInput }

// inArguments reports whether an error arose while a field's arguments were
// read (a value that is no date, no ID, no cursor …), before its resolver ran:
// gqlgen sets the field's arguments only once they are all read.
func inArguments(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	return fc != nil && fc.Args == nil && fc.Field.Field != nil && fc.Field.Definition != nil &&
		len(fc.Field.Definition.Arguments) > 0
}

// presentInputError answers a value that could not be read as the argument's
// type. The underlying error may quote the value, which may be personal data
// (PR6): neither the client nor the log sees it, only Varsel's own message
// when there is one. The field is named, dotted from the argument
// ("input.birthDate").
func presentInputError(ctx context.Context, gerr *gqlerror.Error, err error) {
	field := argumentField(ctx, gerr.Path)
	msg := fmt.Sprintf("Ugyldig verdi i feltet «%s».", field)
	var (
		verr *varsel.Error
		rv   *rules.Violation
	)
	switch {
	case errors.As(err, &rv):
		msg += " " + rv.Message
		gerr.Extensions = map[string]any{"rule": rv.Rule, "provision": rv.Provision}
	case errors.As(err, &verr) && verr.Code == varsel.EINVALID:
		msg += " " + verr.Message
	}
	gerr.Message = msg
	setCode(gerr, varsel.EINVALID)
	gerr.Extensions["field"] = field
	gerr.Err = inputError{gerr.Err} // gerr may be err itself: wrap what it wraps
	slog.InfoContext(ctx, "GraphQL argument refused", "field", field)
}

// argumentField is the argument's path below its field, without list
// indexes, and below the argument "input" by the input's field names:
// ["registerConvict", "input", "birthDate"] → "birthDate".
func argumentField(ctx context.Context, path ast.Path) string {
	n := 0
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		n = len(fc.Path())
	}
	var names []string
	for i, p := range path {
		if name, ok := p.(ast.PathName); ok && i >= n {
			names = append(names, string(name))
		}
	}
	return fieldName(strings.Join(names, "."))
}

var (
	// Parse errors quote the token they stopped at: `found String "…"`.
	quotedToken = regexp.MustCompile(`(found \w+) ".*"`)
	// Validation of literal values quotes the value.
	wrongType = regexp.MustCompile(`^(?:Expected value of type "([^"]+)", found .*|Enum "([^"]+)" cannot represent non-enum value: .*|(\w+) cannot represent a non[ -]\w+ value: .*)$`)
	// Validation of variables quotes an enum value.
	notValid = regexp.MustCompile(`^.* is not a valid (\w+)$`)
	// The rest of gqlparser's messages about variables, in Norwegian.
	variableMessages = map[string]string{
		"unknown field":   "Ukjent felt.",
		"must be defined": "Mangler.",
		"cannot be null":  "Kan ikke være null.",
	}
)

// withoutValues takes the client's values out of a parse or validation error:
// a string that does not parse, a literal of the wrong type, a variable that
// is not one of its enum's values, a field name that is not in the input
// type, an operation name that is not in the document.
func withoutValues(e *gqlerror.Error) {
	switch e.Extensions["code"] {
	case errcode.ParseFailed:
		e.Message = quotedToken.ReplaceAllString(e.Message, "$1")
	case errcode.ValidationFailed:
		if m := wrongType.FindStringSubmatch(e.Message); m != nil {
			e.Message = fmt.Sprintf("Verdien har feil type; ventet %s.", m[1]+m[2]+m[3])
		}
		if len(e.Path) >= 2 && e.Path[0] == ast.PathName("variable") {
			if m := notValid.FindStringSubmatch(e.Message); m != nil {
				e.Message = fmt.Sprintf("Verdien er ikke en gyldig %s.", m[1])
			}
			if e.Message == "unknown field" {
				e.Path = e.Path[:len(e.Path)-1] // the unknown name is the client's
			}
			if no, ok := variableMessages[e.Message]; ok {
				e.Message = no
			}
			e.Message = fmt.Sprintf("Variabelen «$%v»: %s", e.Path[1], lowerFirst(e.Message))
		}
		if strings.HasPrefix(e.Message, "operation ") && strings.HasSuffix(e.Message, " not found") {
			e.Message = "Dokumentet har ingen operasjon med navnet i «operationName»."
		}
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// introspectionDisabled reports whether err is gqlgen's refusal of
// __schema or __type when introspection is off (production).
func introspectionDisabled(err error) bool {
	for ; err != nil; err = errors.Unwrap(err) {
		if err.Error() == "introspection disabled" {
			return true
		}
	}
	return false
}
