package schema

import (
	"entgo.io/contrib/entgql"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"varsel/rules"
)

// SecurityAssessment is the assessment, made first and on its own, of whether
// notifying could endanger the convict (AS2). A possible risk of revenge asks
// the police for a statement; a confirmed risk blocks every notice of the event.
type SecurityAssessment struct{ ent.Schema }

func (SecurityAssessment) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("outcome").GoType(rules.SecurityOutcome("")).Annotations(entgql.Type("SecurityOutcome")),
		field.Text("reasoning").NotEmpty(),
		field.Text("police_statement").Optional(),
		field.Time("assessed_at"),
		field.Int("custody_event_id").Immutable(),
	}
}

func (SecurityAssessment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("custody_event", CustodyEvent.Type).Ref("security_assessments").Field("custody_event_id").Unique().Required().Immutable(),
		edge.To("police_request", PoliceRequest.Type).Unique(),
		edge.To("assessed_by", StaffMember.Type).Unique(),
	}
}

// An event's security assessments are read with the event (worklist, decisions, reports).
func (SecurityAssessment) Indexes() []ent.Index {
	return []ent.Index{index.Fields("custody_event_id")}
}

func (SecurityAssessment) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
