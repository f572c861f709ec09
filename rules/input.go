package rules

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"
)

// The limits on what a person may type. They are no rule of the rulebook
// but of sound input: a name of 900 KB, a NUL byte, or a bidi override that
// makes a letter read «Ola Nordmann» while it holds something else, are
// refused before anything is stored, with the field named. Letters (NT4,
// NT5) print what is stored, so what reaches a letter must be plain text.

// TextKind is the kind of a text field, which decides its limits.
type TextKind int

const (
	// Line is one line: a name, an address part, a case number, a search.
	// At most MaxLine characters, and no control character at all.
	Line TextKind = iota
	// Paragraphs is written reasoning or a description: line breaks and
	// tabs are allowed, other control characters are not. At most
	// MaxParagraphs characters.
	Paragraphs
	// Identifier is an ID the API gave out: at most MaxIdentifier characters.
	Identifier
)

const (
	// MaxLine is the most characters in one line: room for the longest
	// names and address lines in the population register, with margin.
	MaxLine = 200
	// MaxParagraphs is the most characters of written reasoning: more than
	// a page of a letter.
	MaxParagraphs = 4000
	// MaxIdentifier is the most characters of an ID.
	MaxIdentifier = 64
)

// Max is the most characters a text of kind k may have.
func (k TextKind) Max() int {
	switch k {
	case Paragraphs:
		return MaxParagraphs
	case Identifier:
		return MaxIdentifier
	}
	return MaxLine
}

// InputError is a refusal of what was typed, naming the field by its API
// name. Its message never quotes the value, which may be personal data
// (PR6).
type InputError struct {
	Field   string
	Message string
}

func (e *InputError) Error() string { return e.Field + ": " + e.Message }

// CheckText refuses a text of kind k that is longer than the kind allows,
// is not valid UTF-8, or holds a character that must not be stored: a
// control character (in Paragraphs only line feed, carriage return and tab
// are allowed), a bidirectional embedding, override or isolate (U+202A–
// U+202E, U+2066–U+2069) or mark (U+200E, U+200F, U+061C), a line or
// paragraph separator in a Line, or a noncharacter. Those can hide what a
// letter or a list really says, or break what reads it. It never looks at
// what the text means.
func CheckText(field, s string, k TextKind) *InputError {
	if !utf8.ValidString(s) {
		return &InputError{field, "Teksten er ikke gyldig UTF-8."}
	}
	if n := utf8.RuneCountInString(s); n > k.Max() {
		return &InputError{field, fmt.Sprintf("Teksten er for lang: %d tegn, høyst %d.", n, k.Max())}
	}
	for i, r := range s {
		if why := refusedRune(r, k); why != "" {
			return &InputError{field, fmt.Sprintf("Teksten har et tegn som ikke kan lagres (%s, U+%04X, tegn nummer %d).", why, r, utf8.RuneCountInString(s[:i])+1)}
		}
	}
	return nil
}

// refusedRune says why r may not be in a text of kind k, or "".
func refusedRune(r rune, k TextKind) string {
	switch {
	case r == '\n' || r == '\r' || r == '\t':
		if k == Paragraphs {
			return ""
		}
		return "linjeskift eller tabulator i et felt på én linje"
	case unicode.Is(unicode.Cc, r):
		return "kontrolltegn"
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return "tegn som snur skriveretningen"
	case r == 0x2028 || r == 0x2029:
		if k == Paragraphs {
			return ""
		}
		return "linjeskift i et felt på én linje"
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return "ikke-tegn"
	}
	return ""
}

// The years a date may lie in. Nobody registered in Varsel was born before
// FirstYear, and nothing it plans lies after LastYear: 0001-01-01 and
// 9999-12-31 are typing errors or probes, not dates.
const (
	FirstYear = 1900
	LastYear  = 2199
)

// CheckYear refuses an instant or date outside FirstYear–LastYear.
func CheckYear(t time.Time) *InputError {
	if y := t.Year(); y < FirstYear || y > LastYear {
		return &InputError{Message: fmt.Sprintf("Året må ligge mellom %d og %d.", FirstYear, LastYear)}
	}
	return nil
}
