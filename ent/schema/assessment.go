package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"varsel/rules"
)

// Assessment is the recorded, concrete assessment of whether a notice of one
// custody event matters to one potential recipient (AS1, AS3–AS5). It is made
// before each event, and kept with the case whatever its outcome (notoritet).
// Exactly one of victim and survivor is set.
type Assessment struct{ ent.Schema }

func (Assessment) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("outcome").Values("NOTIFY", "DO_NOT_NOTIFY"),
		field.JSON("factors", rules.Factors{}).Annotations(entgql.Type("AssessmentFactors")),
		field.Text("reasoning").NotEmpty(),
		field.Bool("recipient_minor").Default(false).Comment("under 18 on the date of the notice: assessed particularly carefully (AS4)"),
		field.Text("several_survivors_reasoning").Optional().Comment("whether one or several survivors are notified, and why (RC4)"),
		field.Text("real_need_reasoning").Optional().Comment("the real need for a victim of a case that lapsed because of forvaring (RC2)"),
		field.Int("custody_event_id").Immutable(),
		field.Int("victim_id").Optional().Nillable().Immutable(),
		field.Int("survivor_id").Optional().Nillable().Immutable(),
	}
}

func (Assessment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("custody_event", CustodyEvent.Type).Ref("assessments").Field("custody_event_id").Unique().Required().Immutable(),
		edge.To("victim", Victim.Type).Field("victim_id").Unique().Immutable(),
		edge.To("survivor", Survivor.Type).Field("survivor_id").Unique().Immutable(),
		edge.To("assessed_by", StaffMember.Type).Unique(),
		edge.From("decisions", Decision.Type).Ref("assessments"),
	}
}

func (Assessment) Indexes() []ent.Index {
	// One assessment per event and potential recipient (AS1); a retried
	// mutation cannot create a second.
	return []ent.Index{
		index.Fields("custody_event_id", "victim_id").Unique(),
		index.Fields("custody_event_id", "survivor_id").Unique(),
		// The reports count outcomes by event from the index alone.
		index.Fields("custody_event_id", "outcome"),
	}
}

func (Assessment) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
