package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// StaffMember is a person who logs in to Varsel: correctional service staff or
// a police liaison officer. The unit or police district scopes what they see
// (PR5); roles come from the identity provider's token.
type StaffMember struct{ ent.Schema }

func (StaffMember) Fields() []ent.Field {
	return []ent.Field{
		field.String("subject").NotEmpty().Unique().Comment("the identity provider's subject"),
		field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME")),
		field.Bool("head_of_unit").Default(false).
			Comment("leder: decides disclosures to the police or delegates it (IX2)"),
		field.Bool("active").Default(true),
	}
}

func (StaffMember) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("unit", Unit.Type).Unique(),
		edge.To("police_district", PoliceDistrict.Type).Unique(),
	}
}

func (StaffMember) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (StaffMember) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField("staffMembers")}
}
