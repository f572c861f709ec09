package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Correction records that something registered was corrected: which record,
// which of its fields (by name, never their values), why, and by whom
// (NT8, PR3). The record itself holds the new values; the audit trail holds
// when. A convict's case history shows it.
type Correction struct{ ent.Schema }

func (Correction) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("subject").Values("VICTIM", "SURVIVOR", "GUARDIAN", "CUSTODY_EVENT", "DECISION", "CONVICT", "CRIMINAL_CASE").Immutable(),
		field.Int("subject_id").Immutable(),
		field.JSON("changed", []string{}).Immutable().Comment("the API names of the fields that changed"),
		field.Text("reason").NotEmpty().Immutable(),
		field.Int("convict_id").Immutable(),
	}
}

func (Correction) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("convict", Convict.Type).Field("convict_id").Unique().Required().Immutable(),
		edge.To("recorded_by", StaffMember.Type).Unique().Immutable(),
	}
}

func (Correction) Indexes() []ent.Index { return []ent.Index{index.Fields("convict_id")} }

func (Correction) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Correction) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
