package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"varsel/rules"
)

// Notice is one notice (varsel) of one custody event to one addressee: the
// victim or survivor, or their guardian on their behalf (RC5, RC6). It is sent
// once (NT6), in good time (NT2), in the addressee's written standard (NT7),
// directly or through the police (RC9).
type Notice struct{ ent.Schema }

func (Notice) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("status").GoType(rules.NoticeStatus("")).Default(string(rules.NoticeHeld)).
			Annotations(entgql.OrderField("STATUS"), entgql.Type("NoticeStatus")).
			Comment("changed only by a notice transition (rules.NoticeTransitions)"),
		field.Enum("kind").GoType(rules.NoticeKind("")).Default(string(rules.KindNotice)).Immutable().Annotations(entgql.Type("NoticeKind")).
			Comment("the notice of the event, or a correction or cancellation of one told before (NT8)"),
		field.Int("corrects_id").Optional().Nillable().Immutable().Comment("the notice a correction or cancellation follows (NT8)"),
		field.Enum("route").GoType(rules.Route("")).Annotations(entgql.Type("Route")).
			Comment("via the police for a protected or unknown address (RC9)"),
		field.Enum("channel").GoType(rules.Channel("")).Annotations(entgql.Type("Channel")).Optional().Nillable().Comment("chosen when the notice is sent (NT1)"),
		field.Time("due_date").SchemaType(dateType).Annotations(entgql.OrderField("DUE_DATE"), entgql.Type("Date")).
			Comment("the last day to send it: 14 days before the event, or at once for an escape (NT2)"),
		field.Bool("late").Default(false).Comment("prepared or sent after its due date (NT2)"),
		field.Text("late_justification").Optional(),
		field.Text("early_release_justification").Optional().Comment("why it was released before the appeal was settled (DC5)"),
		field.JSON("content", rules.NoticeContent{}),
		field.Enum("written_standard").GoType(rules.WrittenStandard("")).Annotations(entgql.Type("WrittenStandard")),
		field.String("dedupe_key").NotEmpty().Immutable().Annotations(entgql.Skip()).
			Comment("event, recipient and addressee: one notice that is not cancelled per addressee (NT6)"),
		field.Time("sent_at").Optional().Nillable(),
		field.Time("delivered_at").Optional().Nillable(),
		field.Text("phone_reason").Optional().Comment("why the exceptional telephone notice was used (NT1)"),
		field.Time("phone_documented_at").Optional().Nillable(),
		field.Text("phone_documentation").Optional().Comment("the written record of a telephone notice (NT1)"),
		field.Time("cancelled_at").Optional().Nillable(),
		field.Text("cancel_reason").Optional(),
		field.Int("custody_event_id").Immutable(),
		field.Int("assessment_id").Immutable(),
		field.Int("victim_id").Optional().Nillable().Immutable().Comment("the victim the notice concerns"),
		field.Int("survivor_id").Optional().Nillable().Immutable().Comment("the survivor the notice concerns"),
		field.Int("guardian_id").Optional().Nillable().Immutable().Comment("set when a guardian receives it on their behalf"),
		field.Int("police_district_id").Optional().Nillable().Comment("the addressee's police district, which delivers when the address is protected (RC9)"),
	}
}

func (Notice) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("custody_event", CustodyEvent.Type).Ref("notices").Field("custody_event_id").Unique().Required().Immutable(),
		edge.To("assessment", Assessment.Type).Field("assessment_id").Unique().Required().Immutable(),
		edge.To("victim", Victim.Type).Field("victim_id").Unique().Immutable(),
		edge.To("survivor", Survivor.Type).Field("survivor_id").Unique().Immutable(),
		edge.To("guardian", Guardian.Type).Field("guardian_id").Unique().Immutable(),
		edge.To("police_district", PoliceDistrict.Type).Field("police_district_id").Unique(),
		edge.To("follow_ups", Notice.Type).From("corrects").Field("corrects_id").Unique().Immutable(),
	}
}

func (Notice) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("status", "due_date"), index.Fields("custody_event_id"),
		// Preparing twice, or two at once, never makes a second notice to an
		// addressee (NT6); a cancelled one may be replaced.
		index.Fields("dedupe_key").Unique().StorageKey("notice_active_dedupe").
			Annotations(entsql.IndexWhere("status <> 'CANCELLED'")),
	}
}

func (Notice) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Notice) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
