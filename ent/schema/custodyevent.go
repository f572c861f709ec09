package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"varsel/rules"
)

// CustodyEvent is a notifiable event (utgang mv.): leave, release, escape …
// It has a time: a date, a date and time, or a time frame (EV6). Only kinds
// that EV1 allows are ever stored.
type CustodyEvent struct{ ent.Schema }

func (CustodyEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").GoType(rules.EventKind("")).Annotations(entgql.Type("EventKind")).Immutable().Annotations(entgql.OrderField("KIND")),
		field.String("legal_basis").NotEmpty().Immutable().Comment("the provision that allows notifying this kind (EV1)"),
		field.Time("starts_at").Annotations(entgql.OrderField("STARTS_AT")).
			Comment("when it happens; for an escape, when it happened"),
		field.Time("ends_at").Optional().Nillable().Comment("the end of a time frame (tidsramme)"),
		field.Bool("date_only").Default(false).Comment("the time is a date; the time of day is not known or not given"),
		field.Enum("deciding_level").GoType(rules.Level("")).Annotations(entgql.Type("Level")).Comment("the level that decides the event and the notification (DC2)"),
		field.Bool("from_institution").Default(false).
			Comment("a leave from an institution stay under strgjfl § 12, reported by the institution (EV5)"),
		field.Bool("full_term_release").Default(false).
			Comment("a release at the end of the sentence, not parole: no further notices follow (NT5)"),
		field.Time("probation_ends_on").StorageKey("reporting_duty_until").Optional().Nillable().SchemaType(dateType).Annotations(entgql.Type("Date")).
			Comment("for a residence change on parole: the last day of the probation period (prøvetiden, EV1)"),
		field.Enum("status").Values("OPEN", "CLOSED", "CANCELLED", "REGISTERED_IN_ERROR").Default("OPEN"),
		field.Time("cancelled_at").Optional().Nillable().Comment("when the event was cancelled (NT8)"),
		field.Text("cancel_reason").Optional().Comment("why the event was cancelled (NT8)"),
		field.Time("moved_at").Optional().Nillable().Comment("when the event's time was last changed (NT8)"),
		field.Text("move_reason").Optional().Comment("why the event's time was last changed (NT8)"),
		field.Int("convict_id").Immutable(),
		field.Int("deciding_unit_id"),
		field.Int("institution_stay_id").Optional().Nillable().Immutable(),
	}
}

func (CustodyEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("convict", Convict.Type).Ref("custody_events").Field("convict_id").Unique().Required().Immutable(),
		edge.To("deciding_unit", Unit.Type).Field("deciding_unit_id").Unique().Required(),
		edge.To("conditions", Condition.Type),
		edge.To("information_requests", InformationRequest.Type),
		edge.To("security_assessments", SecurityAssessment.Type),
		edge.To("assessments", Assessment.Type),
		edge.To("decisions", Decision.Type),
		edge.To("notices", Notice.Type),
		edge.To("police_requests", PoliceRequest.Type),
		edge.To("created_by", StaffMember.Type).Unique(),
		edge.From("institution_stay", InstitutionStay.Type).Ref("leaves").Field("institution_stay_id").Unique().Immutable(),
	}
}

func (CustodyEvent) Indexes() []ent.Index {
	// The same event is registered once: a retried registration is refused.
	return []ent.Index{index.Fields("convict_id", "kind", "starts_at").Unique(), index.Fields("starts_at")}
}

func (CustodyEvent) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, InErrorMixin{}} }

func (CustodyEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
