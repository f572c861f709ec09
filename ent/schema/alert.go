package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Alert is a reminder the service raises for a unit on its own: a notice due
// within three days, a telephone notice not yet documented in writing, or an
// event whose notices will miss the 14-day lead time unless someone acts
// (NT1, NT2), a mandatory message from the police (IX5), or a police request
// the police declined. It is resolved when the situation is.
type Alert struct{ ent.Schema }

func (Alert) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values("NOTICE_DUE_SOON", "PHONE_UNDOCUMENTED", "LEAD_TIME_AT_RISK", "POLICE_REPORT", "POLICE_DECLINED").Immutable(),
		field.String("message").NotEmpty(),
		field.String("rule").NotEmpty(),
		field.Time("raised_at").Immutable(),
		field.Time("resolved_at").Optional().Nillable(),
		field.String("key").NotEmpty().Unique().Immutable().Annotations(entgql.Skip()).
			Comment("kind and subject: the job raises each alert once"),
		field.Int("unit_id").Comment("the unit that is to act; it moves with the convict (transferConvict)"),
		field.Int("custody_event_id").Optional().Nillable().Immutable(),
		field.Int("notice_id").Optional().Nillable().Immutable(),
		field.Int("police_report_id").Optional().Nillable().Immutable(),
		field.Int("police_request_id").Optional().Nillable().Immutable(),
	}
}

func (Alert) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("unit", Unit.Type).Field("unit_id").Unique().Required(),
		edge.To("custody_event", CustodyEvent.Type).Field("custody_event_id").Unique().Immutable(),
		edge.To("notice", Notice.Type).Field("notice_id").Unique().Immutable(),
		edge.To("police_report", PoliceReport.Type).Field("police_report_id").Unique().Immutable(),
		edge.To("police_request", PoliceRequest.Type).Field("police_request_id").Unique().Immutable(),
	}
}

func (Alert) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id", "resolved_at")}
}

func (Alert) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
