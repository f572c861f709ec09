package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Appeal is the convict's appeal (klage) against a decision to notify. The
// next level up decides it; overturning cancels every notice not yet sent (DC7).
type Appeal struct{ ent.Schema }

func (Appeal) Fields() []ent.Field {
	return []ent.Field{
		field.Time("received_at"),
		field.Text("grounds").Optional(),
		field.Enum("status").Values("PENDING", "UPHELD", "OVERTURNED").Default("PENDING"),
		field.Time("decided_at").Optional().Nillable(),
		field.Text("reasoning").Optional(),
		field.String("representative_name").Optional().Sensitive().
			Comment("the convict's representative (fullmektig), if any; never an inmate, a person serving a sentence or an employee of the correctional service (DC8)"),
		field.Int("decision_id").Immutable(),
	}
}

func (Appeal) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("decision", Decision.Type).Ref("appeals").Field("decision_id").Unique().Required().Immutable(),
		edge.To("deciding_unit", Unit.Type).Unique(),
		edge.To("decided_by", StaffMember.Type).Unique(),
		edge.To("registered_by", StaffMember.Type).Unique(),
	}
}

// A decision's appeals are read with the decision.
func (Appeal) Indexes() []ent.Index {
	return []ent.Index{index.Fields("decision_id")}
}

func (Appeal) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
