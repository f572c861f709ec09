package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"varsel/rules"
)

// Disclosure is one disclosure of information (utlevering av opplysninger)
// between the correctional service and the police or prosecution, recorded
// with its lawful basis (IX1, KO personal-data regulation §§ 4–5; the police
// keep the same record under politiregisterloven § 27).
//
// The police record what they disclosed by the person's identity number, and
// the answer is the same whether or not the person is a convict (security
// issue: no oracle). One that names no convict, or one under INFOFLYT (IX6),
// reaches no unit: it waits in the national queue, with the number, for the
// administrators to handle.
type Disclosure struct{ ent.Schema }

func (Disclosure) Fields() []ent.Field {
	noFilter := entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)
	return []ent.Field{
		field.Enum("direction").GoType(rules.DisclosureDirection("")).Immutable().
			Annotations(entgql.Type("DisclosureDirection")),
		field.Enum("category").GoType(rules.DisclosureCategory("")).Immutable().
			Annotations(entgql.Type("DisclosureCategory")),
		field.Text("summary").NotEmpty().Immutable().Comment("what was disclosed, in brief").Annotations(noFilter),
		field.Text("purpose").NotEmpty().Immutable().Annotations(noFilter),
		field.String("recipient").NotEmpty().Immutable().Comment("who received it").Annotations(noFilter),
		field.Enum("legal_basis").GoType(rules.DisclosureBasis("")).Immutable().
			Annotations(entgql.Type("DisclosureBasis")),
		field.String("register").Optional().Immutable().
			Comment("the register criminal record information came from (politiregisterloven § 9)").Annotations(noFilter),
		field.Bool("averts_imprisonable_offence").Default(false).Immutable().
			Comment("used to avert an offence punishable by imprisonment: the only lawful use of communication-control material (IX3)"),
		field.String("decided_by_name").NotEmpty().Immutable().
			Comment("who decided: the head of unit or their delegate (IX2), or the police officer").Annotations(noFilter),
		field.Time("decided_at").Immutable().Annotations(entgql.OrderField("DECIDED_AT")),
		field.Enum("form").GoType(rules.DisclosureForm("")).Immutable().Annotations(entgql.Type("DisclosureForm")),
		field.Bool("unverified").Default(false).Immutable().Comment("unverified information is to be verified, and is kept 4 months unless it is (IX8)"),
		field.Time("verified_at").Optional().Nillable().Comment("when unverified information was verified (IX8)"),
		field.Text("verification").Optional().Annotations(noFilter).Comment("how it was verified"),
		field.Text("decision_basis").Optional().Annotations(noFilter).
			Comment("the individual decision that rests on unverified information, which keeps it (IX8, § 6)"),
		field.String("source").Optional().Immutable().Comment("where unverified information comes from").Annotations(noFilter),
		field.Time("expires_on").Optional().Nillable().Immutable().SchemaType(dateType).Annotations(entgql.Type("Date")).
			Comment("unverified information is deleted on this day (IX8)"),
		field.Int("convict_id").Optional().Nillable().Immutable().
			Comment("none in the national queue: the police named no convict, or one under INFOFLYT"),
		field.Int("unit_id").Optional().Nillable().Immutable().Annotations(entgql.Skip()).
			Comment("the convict's responsible unit; none in the national queue"),
		field.Int("police_district_id").Immutable(),
		field.Int("police_report_id").Optional().Nillable().Immutable(),
		field.String("national_identity_number").Optional().Nillable().Immutable().Sensitive().Annotations(entgql.Skip()).
			Comment("the number the police named the person by, when they recorded the disclosure themselves"),
		field.Enum("held").Values("UNKNOWN_PERSON", "INFOFLYT").Optional().Nillable().Immutable().
			Annotations(entgql.Skip()).Comment("why it waits in the national queue"),
	}
}

func (Disclosure) Edges() []ent.Edge {
	// The convict is not a GraphQL edge: the police see the disclosures they
	// took part in, not the convict's file. convictName says who it was about.
	// Nor is the unit: a disclosure the police recorded by identity number
	// must not tell them whether, or where, the person serves a sentence
	// (Disclosure.unit in schema.graphql answers by who asks).
	return []ent.Edge{
		edge.To("convict", Convict.Type).Field("convict_id").Unique().Immutable().Annotations(entgql.Skip()),
		edge.To("unit", Unit.Type).Field("unit_id").Unique().Immutable().Annotations(entgql.Skip()),
		edge.To("police_district", PoliceDistrict.Type).Field("police_district_id").Unique().Required().Immutable(),
		edge.To("police_report", PoliceReport.Type).Field("police_report_id").Unique().Immutable().Annotations(entgql.Skip()),
		edge.To("decided_by", StaffMember.Type).Unique().Immutable().Comment("the head of unit or their delegate (IX2)"),
		edge.To("recorded_by", StaffMember.Type).Unique().Immutable(),
		edge.To("verified_by", StaffMember.Type).Unique(),
	}
}

func (Disclosure) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id", "decided_at"), index.Fields("police_district_id", "decided_at"),
		index.Fields("convict_id"), index.Fields("expires_on")}
}

func (Disclosure) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Disclosure) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
