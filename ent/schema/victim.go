package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Victim is the injured party (fornærmede) in a criminal case. When the victim
// is deceased, the survivors are notified instead (RC3).
type Victim struct{ ent.Schema }

func (Victim) Fields() []ent.Field {
	return []ent.Field{
		field.Bool("deceased").Default(false),
		field.Bool("under_guardianship").Default(false).
			Comment("an adult under guardianship is notified through the guardian (RC6, vergemålsloven chapter 4)"),
		field.Int("criminal_case_id").Immutable(),
	}
}

func (Victim) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("criminal_case", CriminalCase.Type).Ref("victims").Field("criminal_case_id").Unique().Required().Immutable(),
		edge.To("survivors", Survivor.Type),
		edge.To("guardians", Guardian.Type),
		// Conditions that directly concern this person (NT3); many to many.
		edge.From("conditions", Condition.Type).Ref("concerns_victims"),
		// Reservations against further notices, and agreements on how often
		// to notify (RC10).
		edge.From("reservations", Reservation.Type).Ref("victim"),
		edge.From("notification_agreements", NotificationAgreement.Type).Ref("victim"),
	}
}

// A victim is registered once per case (a retried mutation is refused).
func (Victim) Indexes() []ent.Index {
	return []ent.Index{index.Fields("criminal_case_id", "national_identity_number").Unique()}
}

func (Victim) Mixin() []ent.Mixin { return []ent.Mixin{PersonMixin{}, TimeMixin{}, InErrorMixin{}} }
