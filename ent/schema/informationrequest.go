package schema

import (
	"entgo.io/contrib/entgql"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"varsel/rules"
)

// InformationRequest is a request for information to the police, social
// services or child welfare before deciding on a notice, and its answer, each
// with date, source and purpose (AS6, fvl § 13 b first paragraph no. 5).
type InformationRequest struct{ ent.Schema }

func (InformationRequest) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("source").GoType(rules.InformationSource("")).Annotations(entgql.Type("InformationSource")),
		field.String("source_name").Optional().Comment("the office asked, e.g. NAV Grünerløkka"),
		field.Text("purpose").NotEmpty(),
		field.Time("requested_at"),
		field.Time("answered_at").Optional().Nillable(),
		field.Text("answer_summary").Optional(),
		field.Int("custody_event_id").Immutable(),
	}
}

func (InformationRequest) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("custody_event", CustodyEvent.Type).Ref("information_requests").Field("custody_event_id").Unique().Required().Immutable(),
		edge.To("police_request", PoliceRequest.Type).Unique(),
		edge.To("requested_by", StaffMember.Type).Unique(),
	}
}

// An event's requests for information are read with the event.
func (InformationRequest) Indexes() []ent.Index {
	return []ent.Index{index.Fields("custody_event_id")}
}

func (InformationRequest) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
