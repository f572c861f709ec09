package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"varsel/rules"
)

// Guardian is a parent with parental responsibility or an appointed guardian
// (foresatt / verge) who receives the notice for a minor (RC5) or for an adult
// under guardianship (RC6). Exactly one of victim and survivor is set.
type Guardian struct{ ent.Schema }

func (Guardian) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").GoType(rules.GuardianKind("")).Annotations(entgql.Type("GuardianKind")),
		field.Bool("excluded_as_convict").Default(false).
			Comment("the guardian has the convict's identity number and never receives anything (RC7)"),
		field.Int("victim_id").Optional().Nillable().Immutable(),
		field.Int("survivor_id").Optional().Nillable().Immutable(),
	}
}

func (Guardian) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("victim", Victim.Type).Ref("guardians").Field("victim_id").Unique().Immutable(),
		edge.From("survivor", Survivor.Type).Ref("guardians").Field("survivor_id").Unique().Immutable(),
	}
}

func (Guardian) Indexes() []ent.Index {
	// A guardian is registered once per ward.
	return []ent.Index{index.Fields("victim_id", "national_identity_number").Unique(), index.Fields("survivor_id", "national_identity_number").Unique()}
}

func (Guardian) Mixin() []ent.Mixin { return []ent.Mixin{PersonMixin{}, TimeMixin{}, InErrorMixin{}} }
