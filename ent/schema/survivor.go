package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"varsel/rules"
)

// Survivor is next of kin (etterlatt) of a deceased victim: spouse, cohabitant,
// child, parent or sibling (RC3).
type Survivor struct{ ent.Schema }

func (Survivor) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("relation").GoType(rules.FamilyRelation("")).Annotations(entgql.Type("FamilyRelation")),
		field.Bool("under_guardianship").Default(false).Comment("notified through the guardian (RC6)"),
		field.Int("victim_id").Immutable(),
	}
}

func (Survivor) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("victim", Victim.Type).Ref("survivors").Field("victim_id").Unique().Required().Immutable(),
		edge.To("guardians", Guardian.Type),
		// Conditions that directly concern this person (NT3); many to many.
		edge.From("conditions", Condition.Type).Ref("concerns_survivors"),
		// Reservations against further notices, and agreements on how often
		// to notify (RC10).
		edge.From("reservations", Reservation.Type).Ref("survivor"),
		edge.From("notification_agreements", NotificationAgreement.Type).Ref("survivor"),
	}
}

// A survivor is registered once per victim.
func (Survivor) Indexes() []ent.Index {
	return []ent.Index{index.Fields("victim_id", "national_identity_number").Unique()}
}

func (Survivor) Mixin() []ent.Mixin { return []ent.Mixin{PersonMixin{}, TimeMixin{}, InErrorMixin{}} }
