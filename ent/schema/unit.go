package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"varsel/rules"
)

// Unit is a unit of the correctional service: a local unit (prison or
// probation office), a region, or the directorate (KDI).
type Unit struct{ ent.Schema }

func (Unit) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME")),
		field.String("code").NotEmpty().Unique().Comment("stable identifier, e.g. oslo-fengsel"),
		field.Enum("kind").GoType(rules.Level("")).Annotations(entgql.Type("Level")),
		field.String("region_code").Optional().Comment("the region the unit belongs to, e.g. OST"),
		field.Bool("high_security").Default(false).
			Comment("avdeling med særlig høyt sikkerhetsnivå (strgjfl § 10 second paragraph): events of its convicts are decided by the region (strgjfl § 6 second paragraph, DC2)"),
		field.Int("parent_id").Optional().Nillable(),
		field.Strings("postal_address").Optional().Comment("the sender's address on letters, one line each"),
		field.String("phone").Optional().Comment("whom a recipient contacts, printed on letters"),
	}
}

func (Unit) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", Unit.Type).From("parent").Field("parent_id").Unique(),
		edge.From("staff", StaffMember.Type).Ref("unit"),
		edge.From("convicts", Convict.Type).Ref("unit").Annotations(entgql.RelayConnection()),
	}
}
