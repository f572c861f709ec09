package rules

import (
	"fmt"
	"io"
	"slices"
	"strconv"
)

// The enums of this package travel as GraphQL enum values: their names are
// their values. These methods are the gqlgen Marshaler/Unmarshaler pair.

func marshalEnum(w io.Writer, s string) { io.WriteString(w, strconv.Quote(s)) }

func unmarshalEnum[T ~string](v any, values []string, dst *T) error {
	s, ok := v.(string)
	if !ok || !slices.Contains(values, s) {
		return fmt.Errorf("%v er ikke en gyldig verdi", v)
	}
	*dst = T(s)
	return nil
}

func (k EventKind) MarshalGQL(w io.Writer)         { marshalEnum(w, string(k)) }
func (k *EventKind) UnmarshalGQL(v any) error      { return unmarshalEnum(v, k.Values(), k) }
func (l Level) MarshalGQL(w io.Writer)             { marshalEnum(w, string(l)) }
func (l *Level) UnmarshalGQL(v any) error          { return unmarshalEnum(v, l.Values(), l) }
func (p AddressProtection) MarshalGQL(w io.Writer) { marshalEnum(w, string(p)) }
func (p *AddressProtection) UnmarshalGQL(v any) error {
	return unmarshalEnum(v, p.Values(), p)
}
func (s WrittenStandard) MarshalGQL(w io.Writer)        { marshalEnum(w, string(s)) }
func (s *WrittenStandard) UnmarshalGQL(v any) error     { return unmarshalEnum(v, s.Values(), s) }
func (r FamilyRelation) MarshalGQL(w io.Writer)         { marshalEnum(w, string(r)) }
func (r *FamilyRelation) UnmarshalGQL(v any) error      { return unmarshalEnum(v, r.Values(), r) }
func (k GuardianKind) MarshalGQL(w io.Writer)           { marshalEnum(w, string(k)) }
func (k *GuardianKind) UnmarshalGQL(v any) error        { return unmarshalEnum(v, k.Values(), k) }
func (c OffenceCategory) MarshalGQL(w io.Writer)        { marshalEnum(w, string(c)) }
func (c *OffenceCategory) UnmarshalGQL(v any) error     { return unmarshalEnum(v, c.Values(), c) }
func (s CaseStatus) MarshalGQL(w io.Writer)             { marshalEnum(w, string(s)) }
func (s *CaseStatus) UnmarshalGQL(v any) error          { return unmarshalEnum(v, s.Values(), s) }
func (k ConditionKind) MarshalGQL(w io.Writer)          { marshalEnum(w, string(k)) }
func (k *ConditionKind) UnmarshalGQL(v any) error       { return unmarshalEnum(v, k.Values(), k) }
func (l AreaLevel) MarshalGQL(w io.Writer)              { marshalEnum(w, string(l)) }
func (l *AreaLevel) UnmarshalGQL(v any) error           { return unmarshalEnum(v, l.Values(), l) }
func (c Channel) MarshalGQL(w io.Writer)                { marshalEnum(w, string(c)) }
func (c *Channel) UnmarshalGQL(v any) error             { return unmarshalEnum(v, c.Values(), c) }
func (o SecurityOutcome) MarshalGQL(w io.Writer)        { marshalEnum(w, string(o)) }
func (o *SecurityOutcome) UnmarshalGQL(v any) error     { return unmarshalEnum(v, o.Values(), o) }
func (s InformationSource) MarshalGQL(w io.Writer)      { marshalEnum(w, string(s)) }
func (s *InformationSource) UnmarshalGQL(v any) error   { return unmarshalEnum(v, s.Values(), s) }
func (r Route) MarshalGQL(w io.Writer)                  { marshalEnum(w, string(r)) }
func (r *Route) UnmarshalGQL(v any) error               { return unmarshalEnum(v, r.Values(), r) }
func (f AgreementFrequency) MarshalGQL(w io.Writer)     { marshalEnum(w, string(f)) }
func (f *AgreementFrequency) UnmarshalGQL(v any) error  { return unmarshalEnum(v, f.Values(), f) }
func (d DisclosureDirection) MarshalGQL(w io.Writer)    { marshalEnum(w, string(d)) }
func (d *DisclosureDirection) UnmarshalGQL(v any) error { return unmarshalEnum(v, d.Values(), d) }
func (c DisclosureCategory) MarshalGQL(w io.Writer)     { marshalEnum(w, string(c)) }
func (c *DisclosureCategory) UnmarshalGQL(v any) error  { return unmarshalEnum(v, c.Values(), c) }
func (b DisclosureBasis) MarshalGQL(w io.Writer)        { marshalEnum(w, string(b)) }
func (b *DisclosureBasis) UnmarshalGQL(v any) error     { return unmarshalEnum(v, b.Values(), b) }
func (f DisclosureForm) MarshalGQL(w io.Writer)         { marshalEnum(w, string(f)) }
func (f *DisclosureForm) UnmarshalGQL(v any) error      { return unmarshalEnum(v, f.Values(), f) }
func (k PoliceReportKind) MarshalGQL(w io.Writer)       { marshalEnum(w, string(k)) }
func (k *PoliceReportKind) UnmarshalGQL(v any) error    { return unmarshalEnum(v, k.Values(), k) }
func (g ExemptionGround) MarshalGQL(w io.Writer)        { marshalEnum(w, string(g)) }
func (g *ExemptionGround) UnmarshalGQL(v any) error     { return unmarshalEnum(v, g.Values(), g) }
func (k NoticeKind) MarshalGQL(w io.Writer)             { marshalEnum(w, string(k)) }
func (k *NoticeKind) UnmarshalGQL(v any) error          { return unmarshalEnum(v, k.Values(), k) }
func (s NoticeStatus) MarshalGQL(w io.Writer)           { marshalEnum(w, string(s)) }
func (s *NoticeStatus) UnmarshalGQL(v any) error        { return unmarshalEnum(v, s.Values(), s) }
func (k SecurityRecordKind) MarshalGQL(w io.Writer)     { marshalEnum(w, string(k)) }
func (k *SecurityRecordKind) UnmarshalGQL(v any) error  { return unmarshalEnum(v, k.Values(), k) }
func (s EventState) MarshalGQL(w io.Writer)             { marshalEnum(w, string(s)) }
func (s *EventState) UnmarshalGQL(v any) error          { return unmarshalEnum(v, s.Values(), s) }
