package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Delegation is a head of unit's delegation of the authority to decide
// disclosures to the police (IX2). A revoked delegation no longer counts.
type Delegation struct{ ent.Schema }

func (Delegation) Fields() []ent.Field {
	return []ent.Field{
		field.Time("granted_at"),
		field.Time("revoked_at").Optional().Nillable(),
		field.Int("unit_id").Immutable(),
		field.Int("delegate_id").Immutable(),
	}
}

func (Delegation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("unit", Unit.Type).Field("unit_id").Unique().Required().Immutable(),
		edge.To("delegate", StaffMember.Type).Field("delegate_id").Unique().Required().Immutable(),
		edge.To("granted_by", StaffMember.Type).Unique(),
	}
}

func (Delegation) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
