package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"varsel"
)

// Convict is a person serving a sentence (domfelte), with what decides the
// level that decides on their custody events (DC2).
type Convict struct{ ent.Schema }

func (Convict) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME")),
		field.String("national_identity_number").NotEmpty().Sensitive().
			Comment("validated under PR1; compared with guardians' numbers so the convict is never a recipient (RC7)").
			Annotations(entgql.Skip(entgql.SkipOrderField)),
		field.Time("birth_date").Optional().Nillable().SchemaType(dateType).
			Annotations(entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField), entgql.Type("Date")),
		field.Bool("serving_preventive_detention").Default(false).Comment("idømt forvaring"),
		field.Bool("sentence_over_ten_years").Default(false).Comment("fengselsstraff på mer enn ti år"),
		field.Bool("infoflyt").Default(false).
			Comment("flagged for INFOFLYT (strgjfl chapter 1 B): ordinary disclosures are refused (IX6)"),
		field.Time("sentence_ended_on").Optional().Nillable().SchemaType(dateType).Annotations(entgql.Type("Date")).
			Comment("personal data is deleted at the latest 10 years after this date (IX8)"),
		field.Int("unit_id").Comment("the responsible unit"),
	}
}

func (Convict) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("unit", Unit.Type).Field("unit_id").Unique().Required(),
		edge.To("criminal_cases", CriminalCase.Type),
		edge.To("custody_events", CustodyEvent.Type).Annotations(entgql.RelayConnection()),
		edge.To("institution_stays", InstitutionStay.Type),
	}
}

func (Convict) Indexes() []ent.Index {
	return []ent.Index{
		// A unit's convicts from the index alone: the unit scope (PR5) of
		// every query of case data asks for them.
		index.Fields("unit_id", "id"),
		// One person is one convict: registering them twice is refused.
		index.Fields("national_identity_number").Unique(),
	}
}

func (Convict) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Convict) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField().Directives(hasRole(varsel.RoleCaseworker, varsel.RoleDecisionMaker))}
}
