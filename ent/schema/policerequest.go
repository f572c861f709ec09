package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// PoliceRequest is something the correctional service asks of a police
// district: deliver a notice (RC9), give a statement on the risk of revenge
// (AS2), or give information (AS6). The police see only requests addressed to
// their district (PR5).
type PoliceRequest struct{ ent.Schema }

func (PoliceRequest) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values("DELIVER_NOTICE", "SECURITY_STATEMENT", "INFORMATION").Immutable(),
		field.Enum("status").Values("OPEN", "ACKNOWLEDGED", "COMPLETED", "DECLINED", "WITHDRAWN").Default("OPEN").
			Annotations(entgql.OrderField("STATUS")),
		// Sensitive: the API serves these through resolvers that log the view.
		field.Text("question").Optional().Sensitive().Comment("what the police are asked, without more of the case than they need"),
		field.Text("response").Optional().Sensitive(),
		field.Bool("risk_confirmed").Optional().Nillable().Comment("the statement confirms a risk of revenge or similar (AS2)"),
		field.Time("delivered_at").Optional().Nillable(),
		field.String("delivery_manner").Optional(),
		field.Text("decline_reason").Optional(),
		field.Time("acknowledged_at").Optional().Nillable(),
		field.Time("completed_at").Optional().Nillable(),
		field.Time("declined_at").Optional().Nillable(),
		field.Time("withdrawn_at").Optional().Nillable().Comment("the correctional service withdrew the request: the notice is not to be delivered"),
		field.Text("withdraw_reason").Optional(),
		field.Time("answer_by").Optional().Nillable().SchemaType(dateType).Annotations(entgql.Type("Date"), entgql.OrderField("ANSWER_BY")).
			Comment("answer by this day: the day the event's notices are due (NT2), so that the wait does not eat the lead time"),
		field.Int("police_district_id").Immutable(),
		field.Int("unit_id").Comment("the unit that asks; an open request moves with the convict (transferConvict)"),
		field.Int("custody_event_id").Optional().Nillable().Immutable().Annotations(entgql.Skip()),
		field.Int("notice_id").Optional().Nillable().Immutable().Annotations(entgql.Skip()),
	}
}

func (PoliceRequest) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("police_district", PoliceDistrict.Type).Field("police_district_id").Unique().Required().Immutable(),
		edge.To("unit", Unit.Type).Field("unit_id").Unique().Required(),
		// The police reach no case data through a request: what a delivery
		// needs comes from PoliceRequest.delivery, which logs the read (RC9, PR2).
		edge.From("custody_event", CustodyEvent.Type).Ref("police_requests").Field("custody_event_id").Unique().Immutable().
			Annotations(entgql.Skip()),
		edge.To("notice", Notice.Type).Field("notice_id").Unique().Immutable().Annotations(entgql.Skip()),
		edge.To("requested_by", StaffMember.Type).Unique(),
		edge.To("handled_by", StaffMember.Type).Unique(),
	}
}

func (PoliceRequest) Indexes() []ent.Index {
	return []ent.Index{index.Fields("police_district_id", "status"), index.Fields("unit_id"), index.Fields("notice_id"),
		index.Fields("custody_event_id")}
}

func (PoliceRequest) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (PoliceRequest) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
