package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Disclosure is one disclosure of information (utlevering av opplysninger)
// between the correctional service and the police or prosecution, recorded
// with its lawful basis (IX1, KO personal-data regulation §§ 4–5).
type Disclosure struct{ ent.Schema }

func (Disclosure) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("direction").Values("TO_POLICE", "FROM_POLICE").Immutable(),
		field.String("category").NotEmpty().Immutable(),
		field.Text("summary").NotEmpty().Comment("what was disclosed, in brief"),
		field.Text("purpose").NotEmpty(),
		field.String("recipient").NotEmpty().Comment("who received it"),
		field.String("legal_basis").NotEmpty().Immutable(),
		field.Time("decided_at"),
		field.Enum("form").Values("WRITTEN", "ORAL"),
		field.Bool("unverified").Default(false).Comment("unverified information is kept 4 months (IX8)"),
		field.String("source").Optional().Comment("where unverified information comes from"),
		field.Time("expires_at").Optional().Nillable(),
		field.Int("convict_id").Immutable(),
		field.Int("unit_id").Immutable(),
		field.Int("police_district_id").Immutable(),
	}
}

func (Disclosure) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("convict", Convict.Type).Field("convict_id").Unique().Required().Immutable(),
		edge.To("unit", Unit.Type).Field("unit_id").Unique().Required().Immutable(),
		edge.To("police_district", PoliceDistrict.Type).Field("police_district_id").Unique().Required().Immutable(),
		edge.To("decided_by", StaffMember.Type).Unique().Comment("the head of unit or their delegate (IX2)"),
		edge.To("recorded_by", StaffMember.Type).Unique(),
	}
}

func (Disclosure) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id", "decided_at"), index.Fields("police_district_id", "decided_at"), index.Fields("convict_id")}
}

func (Disclosure) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Disclosure) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
