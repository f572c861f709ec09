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
// the police for a statement; a confirmed risk blocks every notice of the
// event. A decision maker's reasoned finding (kind DECISION_MAKER_FINDING) is
// the only other thing that lifts a risk or an awaited statement; a newer
// assessment saying "no risk" lifts nothing (rules.EffectiveSecurity).
type SecurityAssessment struct{ ent.Schema }

func (SecurityAssessment) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").GoType(rules.SecurityRecordKind("")).Default(string(rules.CaseworkerAssessment)).Immutable().
			Annotations(entgql.Type("SecurityRecordKind")).
			Comment("an assessment, or a decision maker's finding that lifts a risk or an awaited statement (AS2)"),
		field.Enum("outcome").GoType(rules.SecurityOutcome("")).Annotations(entgql.Type("SecurityOutcome")),
		field.Text("reasoning").NotEmpty().Immutable(),
		field.Text("police_statement").Optional(),
		field.Time("police_statement_at").Optional().Nillable().Comment("when the police's statement was recorded (AS2)"),
		field.Time("assessed_at").Immutable(),
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
