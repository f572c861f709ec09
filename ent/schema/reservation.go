package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Reservation is a recipient's reservation (reservasjon) against further
// notices. While it is not lifted, no notice is prepared for them (RC10).
// Exactly one of victim and survivor is set.
type Reservation struct{ ent.Schema }

func (Reservation) Fields() []ent.Field {
	return []ent.Field{
		field.Time("reserved_at"),
		field.Enum("how").Values("LETTER", "DIGIPOST", "PHONE", "MEETING"),
		field.Time("lifted_at").Optional().Nillable(),
		field.Int("victim_id").Optional().Nillable().Immutable(),
		field.Int("survivor_id").Optional().Nillable().Immutable(),
	}
}

func (Reservation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("victim", Victim.Type).Field("victim_id").Unique().Immutable(),
		edge.To("survivor", Survivor.Type).Field("survivor_id").Unique().Immutable(),
		edge.To("recorded_by", StaffMember.Type).Unique(),
	}
}

func (Reservation) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
