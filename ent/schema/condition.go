package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"varsel/rules"
)

// Condition is a condition (vilkår) set for a custody event. A residence
// condition is stored only as an area (NT4); a condition goes into a notice
// only to the recipients it directly concerns (NT3).
type Condition struct{ ent.Schema }

func (Condition) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").GoType(rules.ConditionKind("")).Annotations(entgql.Type("ConditionKind")),
		field.String("area").Optional().Comment("municipality, town or region; never an address (NT4)"),
		field.Enum("area_level").GoType(rules.AreaLevel("")).Annotations(entgql.Type("AreaLevel")).Optional().Nillable(),
		field.Text("description").Optional().Comment("what the condition says, without addresses"),
		field.String("legal_basis").Optional(),
		field.Int("custody_event_id").Immutable(),
	}
}

func (Condition) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("custody_event", CustodyEvent.Type).Ref("conditions").Field("custody_event_id").Unique().Required().Immutable(),
		edge.To("concerns_victims", Victim.Type),
		edge.To("concerns_survivors", Survivor.Type),
	}
}

// An event's conditions are read with the event.
func (Condition) Indexes() []ent.Index {
	return []ent.Index{index.Fields("custody_event_id")}
}

func (Condition) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
