package rules

import (
	"fmt"
	"strings"
)

// Violation is a refusal by a rule of the rulebook: which rule, the legal
// provision behind it, and a message a caseworker understands (Norwegian
// Bokmål). The API shows all three.
type Violation struct {
	Rule      string // the rulebook's ID, e.g. "EV2"
	Provision string // e.g. "strgjfl. § 7 b"
	Message   string
	// Field is the input field at fault, by its API name (dotted for nested
	// input, e.g. "factors.minorRecipient"), or "" when no single field is.
	Field string
}

// On returns a copy of v that names the input field at fault.
func (v *Violation) On(field string) *Violation {
	c := *v
	c.Field = field
	return &c
}

// Error reads "rule (provision): message", e.g. "PR1 (folkeregisterloven
// § 2-2, Skatteetatens regler for fødselsnummer): Fødselsnummeret må ha 11
// sifre.", so that a log line tells why as well as what.
func (v *Violation) Error() string {
	return fmt.Sprintf("%s (%s): %s", v.Rule, v.Provision, v.Message)
}

// violate returns a Violation of rule under provision with a formatted message.
func violate(rule, provision, format string, args ...any) *Violation {
	return &Violation{Rule: rule, Provision: provision, Message: fmt.Sprintf(format, args...)}
}

// blank reports whether a written reason is missing.
func blank(s string) bool { return strings.TrimSpace(s) == "" }
