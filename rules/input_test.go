package rules_test

import (
	"strings"
	"testing"
	"time"

	"varsel/rules"
)

func TestCheckText(t *testing.T) {
	cases := []struct {
		name string
		s    string
		kind rules.TextKind
		ok   bool
	}{
		{"a Norwegian name", "Åse Ødegård-Æsen", rules.Line, true},
		{"Sámi and Arabic script", "Máret Ánne Sara محمد", rules.Line, true},
		{"200 characters of æøå", strings.Repeat("æøå", 66) + "ab", rules.Line, true},
		{"201 characters", strings.Repeat("å", 201), rules.Line, false},
		{"a NUL byte", "a\x00b", rules.Paragraphs, false},
		{"a bell", "a\ab", rules.Paragraphs, false},
		{"C1 control", "a\u0085b", rules.Paragraphs, false},
		{"escape", "\x1b[31m", rules.Paragraphs, false},
		{"line breaks and tabs in reasoning", "Første linje.\r\n\tAndre linje.\u2028", rules.Paragraphs, true},
		{"a line break in a name", "Ola\nNordmann", rules.Line, false},
		{"a tab in a name", "Ola\tNordmann", rules.Line, false},
		{"right-to-left override", "abc\u202edef", rules.Paragraphs, false},
		{"left-to-right embedding", "abc\u202adef", rules.Line, false},
		{"first strong isolate", "abc\u2068def", rules.Line, false},
		{"right-to-left mark", "abc\u200fdef", rules.Line, false},
		{"Arabic letter mark", "abc\u061cdef", rules.Line, false},
		{"a noncharacter", "abc\uFFFEdef", rules.Line, false},
		{"not UTF-8", "abc\xffdef", rules.Line, false},
		{"4,000 characters of reasoning", strings.Repeat("x", 4000), rules.Paragraphs, true},
		{"4,001 characters of reasoning", strings.Repeat("x", 4001), rules.Paragraphs, false},
		{"an ID of 64", strings.Repeat("1", 64), rules.Identifier, true},
		{"an ID of 65", strings.Repeat("1", 65), rules.Identifier, false},
	}
	for _, tc := range cases {
		err := rules.CheckText("name", tc.s, tc.kind)
		if (err == nil) != tc.ok {
			t.Errorf("%s: CheckText = %v, want ok %v", tc.name, err, tc.ok)
			continue
		}
		if err != nil && (err.Field != "name" || strings.Contains(err.Message, tc.s)) {
			t.Errorf("%s: %+v names another field or quotes the text", tc.name, err)
		}
	}
}

func TestCheckYear(t *testing.T) {
	for _, d := range []string{"0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"} {
		at, _ := time.Parse(time.DateOnly, d)
		if rules.CheckYear(at) == nil {
			t.Errorf("%s accepted", d)
		}
	}
	for _, d := range []string{"1900-01-01", "1965-07-15", "2026-12-03", "2199-12-31"} {
		at, _ := time.Parse(time.DateOnly, d)
		if err := rules.CheckYear(at); err != nil {
			t.Errorf("%s refused: %v", d, err)
		}
	}
}
