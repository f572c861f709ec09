package varsel

import (
	"errors"
	"fmt"
)

// Error codes a client sees in the GraphQL error's `extensions.code`.
const (
	EUNAUTHENTICATED = "UNAUTHENTICATED" // no valid bearer token
	EFORBIDDEN       = "FORBIDDEN"       // the viewer's role or scope does not allow it
	ENOTFOUND        = "NOT_FOUND"       // does not exist, or is outside the viewer's scope
	EINVALID         = "BAD_USER_INPUT"  // refused by a rule or by validation
	ECONFLICT        = "CONFLICT"        // lost a race, or would duplicate something
	ECANCELLED       = "CANCELLED"       // the client went away, or its deadline passed, before the answer
	EINTERNAL        = "INTERNAL"        // anything else; details go to the log only
)

// Error is an error meant for the client. Message is Norwegian Bokmål, written
// for a caseworker. Rule and Provision say which rule of the rulebook refused
// the request and the legal provision behind it, where there is one.
type Error struct {
	Code      string
	Message   string
	Rule      string
	Provision string
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
