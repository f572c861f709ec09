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

// PoliceReport is a message the police must give the correctional service
// (politiregisterforskriften § 10-5): an investigation opened against a
// convict, a breach of conditions, a foreign conviction, or a crime the
// convict will likely commit soon. It goes to the convict's responsible unit
// and stays on its worklist until someone there has read it (IX5).
//
// The police name the person by identity number, and the answer is the same
// whether or not the person is a convict (security issue: no oracle). A
// report that matches no convict, or one under INFOFLYT (IX6), has no unit:
// it waits in the national queue, with the number the police gave, for the
// administrators to handle.
type PoliceReport struct{ ent.Schema }

func (PoliceReport) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").GoType(rules.PoliceReportKind("")).Immutable().Annotations(entgql.Type("PoliceReportKind")),
		field.Text("summary").NotEmpty().Immutable().Annotations(entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)),
		field.Time("reported_at").Immutable().Annotations(entgql.OrderField("REPORTED_AT")),
		// Not a GraphQL field as it stands: whether a unit has read a report
		// would tell the police it reached one (PoliceReport.acknowledgedAt
		// in schema.graphql answers staff only).
		field.Time("acknowledged_at").Optional().Nillable().Annotations(entgql.Skip()),
		field.String("reported_by_name").NotEmpty().Immutable(),
		field.Int("convict_id").Optional().Nillable().Immutable().Annotations(entgql.Skip()),
		field.Int("unit_id").Optional().Nillable().Annotations(entgql.Skip()).
			Comment("the convict's responsible unit; none in the national queue; a report not yet acknowledged moves with the convict (transferConvict)"),
		field.Int("police_district_id").Immutable(),
		field.String("national_identity_number").Optional().Nillable().Immutable().Sensitive().Annotations(entgql.Skip()).
			Comment("the number the police gave, kept only in the national queue, where no convict holds it"),
		field.Enum("held").Values("UNKNOWN_PERSON", "INFOFLYT").Optional().Nillable().Immutable().
			Annotations(entgql.Skip()).Comment("why it waits in the national queue"),
	}
}

func (PoliceReport) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("convict", Convict.Type).Field("convict_id").Unique().Immutable().Annotations(entgql.Skip()),
		// Not a GraphQL edge: who receives a report is not for the police to
		// learn (PoliceReport.unit in schema.graphql answers staff only).
		edge.To("unit", Unit.Type).Field("unit_id").Unique().Annotations(entgql.Skip()),
		edge.To("police_district", PoliceDistrict.Type).Field("police_district_id").Unique().Required().Immutable(),
		edge.To("reported_by", StaffMember.Type).Unique().Immutable(),
		edge.To("acknowledged_by", StaffMember.Type).Unique().Annotations(entgql.Skip()),
	}
}

func (PoliceReport) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id", "acknowledged_at"), index.Fields("police_district_id", "reported_at"), index.Fields("convict_id")}
}

func (PoliceReport) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (PoliceReport) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
