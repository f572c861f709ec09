package schema

import (
	"entgo.io/contrib/entgql"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"varsel/rules"
)

// NotificationAgreement is what was agreed with a recipient about how often
// to notify: at every event, or once (RC10), with its date and how it was made.
// Exactly one of victim and survivor is set.
type NotificationAgreement struct{ ent.Schema }

func (NotificationAgreement) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("frequency").GoType(rules.AgreementFrequency("")).Annotations(entgql.Type("AgreementFrequency")),
		field.Time("agreed_at"),
		field.Enum("how").Values("LETTER", "DIGIPOST", "PHONE", "MEETING"),
		field.Text("note").Optional(),
		field.Int("victim_id").Optional().Nillable().Immutable(),
		field.Int("survivor_id").Optional().Nillable().Immutable(),
	}
}

func (NotificationAgreement) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("victim", Victim.Type).Field("victim_id").Unique().Immutable(),
		edge.To("survivor", Survivor.Type).Field("survivor_id").Unique().Immutable(),
		edge.To("recorded_by", StaffMember.Type).Unique(),
	}
}

func (NotificationAgreement) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
