package varsel

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
)

// Error codes a client sees in the GraphQL error's `extensions.code`.
const (
	EUNAUTHENTICATED = "UNAUTHENTICATED" // no valid bearer token
	EFORBIDDEN       = "FORBIDDEN"       // the viewer's role or scope does not allow it
	ENOTFOUND        = "NOT_FOUND"       // does not exist, or is outside the viewer's scope
	EINVALID         = "BAD_USER_INPUT"  // refused by a rule or by validation
	ECONFLICT        = "CONFLICT"        // lost a race, or would duplicate something
	ECANCELLED       = "CANCELLED"       // the client went away, or its deadline passed, before the answer
	ELIMIT           = "LIMIT_EXCEEDED"  // the request is over a limit on its size or cost; extensions.limit says which
	EUNAVAILABLE     = "UNAVAILABLE"     // the database cannot be reached; try again later
	EINTERNAL        = "INTERNAL"        // anything else; details go to the log only
)

// Error is an error meant for the client. Message is Norwegian Bokmål, written
// for a caseworker. Rule and Provision say which rule of the rulebook refused
// the request and the legal provision behind it, where there is one; Field
// names the input field at fault (its GraphQL name, dotted for nested input,
// e.g. "factors.minorRecipient"), so that a form can mark it. Existing is
// the ID of the record that already holds what was to be registered, for a
// conflict the viewer may see (extensions.existing), so that the client can
// name and link it — the message itself never names anyone (PR6).
type Error struct {
	Code      string
	Message   string
	Rule      string
	Provision string
	Field     string
	Existing  int
}

// On returns a copy of e that names the input field at fault.
func (e *Error) On(field string) *Error {
	c := *e
	c.Field = field
	return &c
}

func (e *Error) Error() string {
	if e.Rule != "" {
		return fmt.Sprintf("varsel: %s (%s, %s): %s", e.Code, e.Rule, e.Provision, e.Message)
	}
	return fmt.Sprintf("varsel: %s: %s", e.Code, e.Message)
}

// Errorf returns an Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, which
// a person may read, or a general one.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Det oppstod en intern feil."
}

// Unavailable reports whether err says that the database cannot be reached
// or cannot take the request now — a refused or broken connection, a server
// shutting down or starting, too many connections — rather than that
// something is wrong with the request or the code: the client may try again.
func Unavailable(err error) bool {
	var (
		netErr *net.OpError
		state  interface{ SQLState() string }
	)
	switch {
	case err == nil:
		return false
	case errors.As(err, &netErr),
		errors.Is(err, driver.ErrBadConn),
		errors.Is(err, sql.ErrConnDone),
		errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE):
		return true
	case errors.As(err, &state):
		// PostgreSQL's connection exceptions (class 08), too many
		// connections, and shutting down or starting up.
		code := state.SQLState()
		return strings.HasPrefix(code, "08") || code == "53300" || code == "57P01" || code == "57P02" || code == "57P03"
	}
	return false
}
