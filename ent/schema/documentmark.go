package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"varsel/rules"
)

// DocumentMark marks one of a convict's documents as exempt from the
// convict's access — and the lawyer's, who is treated as the convict — for
// regard to another person, security or an investigation (IX7, strgjfl § 7
// letter c). A lifted mark no longer withholds the document.
type DocumentMark struct{ ent.Schema }

func (DocumentMark) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("document_kind").Values("DECISION", "SECURITY_ASSESSMENT", "ASSESSMENT", "INFORMATION_REQUEST",
			"DISCLOSURE", "POLICE_REPORT").Immutable(),
		field.Int("document_id").Immutable(),
		field.Enum("ground").GoType(rules.ExemptionGround("")).Immutable().Annotations(entgql.Type("ExemptionGround")),
		field.Text("reasoning").NotEmpty().Immutable(),
		field.Time("marked_at").Immutable(),
		field.Time("lifted_at").Optional().Nillable(),
		field.Int("convict_id").Immutable(),
	}
}

func (DocumentMark) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("convict", Convict.Type).Field("convict_id").Unique().Required().Immutable().Annotations(entgql.Skip()),
		edge.To("marked_by", StaffMember.Type).Unique().Immutable(),
		edge.To("lifted_by", StaffMember.Type).Unique(),
	}
}

func (DocumentMark) Indexes() []ent.Index {
	return []ent.Index{index.Fields("convict_id"), index.Fields("document_kind", "document_id")}
}

func (DocumentMark) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
