package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"varsel/rules"
)

// CriminalCase is a criminal case (straffesak) whose sentence the convict
// serves. Only its victims and their survivors can be notified (RC1, RC2).
type CriminalCase struct{ ent.Schema }

func (CriminalCase) Fields() []ent.Field {
	return []ent.Field{
		field.String("case_number").NotEmpty().Annotations(entgql.OrderField("CASE_NUMBER")),
		field.Time("judgment_date").SchemaType(dateType).Annotations(entgql.Type("Date")),
		field.JSON("offence_categories", []rules.OffenceCategory{}).
			Comment("weighed in the assessment (AS3)").
			Annotations(entgql.Type("[OffenceCategory!]")),
		field.Enum("status").GoType(rules.CaseStatus("")).Annotations(entgql.Type("CaseStatus")).Default(string(rules.Serving)),
		field.Time("status_changed_at").Optional().Nillable().
			Comment("when the status was last corrected: a victim of a case served again is a potential recipient from then (AS1)"),
		field.Text("court_reasoning").Optional().
			Comment("what the judgment says that matters for notification (AS3: domspremissene)"),
		field.Int("convict_id").Immutable(),
	}
}

func (CriminalCase) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("convict", Convict.Type).Ref("criminal_cases").Field("convict_id").Unique().Required().Immutable(),
		edge.To("victims", Victim.Type),
	}
}

func (CriminalCase) Indexes() []ent.Index {
	return []ent.Index{index.Fields("convict_id", "case_number").Unique()}
}

func (CriminalCase) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
