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
type PoliceReport struct{ ent.Schema }

func (PoliceReport) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").GoType(rules.PoliceReportKind("")).Immutable().Annotations(entgql.Type("PoliceReportKind")),
		field.Text("summary").NotEmpty().Immutable().Annotations(entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)),
		field.Time("reported_at").Immutable().Annotations(entgql.OrderField("REPORTED_AT")),
		field.Time("acknowledged_at").Optional().Nillable(),
		field.String("reported_by_name").NotEmpty().Immutable(),
		field.Int("convict_id").Immutable(),
		field.Int("unit_id").Comment("the convict's responsible unit; a report not yet acknowledged moves with the convict (transferConvict)"),
		field.Int("police_district_id").Immutable(),
	}
}

func (PoliceReport) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("convict", Convict.Type).Field("convict_id").Unique().Required().Immutable().Annotations(entgql.Skip()),
		edge.To("unit", Unit.Type).Field("unit_id").Unique().Required(),
		edge.To("police_district", PoliceDistrict.Type).Field("police_district_id").Unique().Required().Immutable(),
		edge.To("reported_by", StaffMember.Type).Unique().Immutable(),
		edge.To("acknowledged_by", StaffMember.Type).Unique(),
	}
}

func (PoliceReport) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id", "acknowledged_at"), index.Fields("police_district_id", "reported_at"), index.Fields("convict_id")}
}

func (PoliceReport) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (PoliceReport) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
