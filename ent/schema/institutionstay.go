package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// InstitutionStay is a stay in an institution granted under strgjfl § 12
// (treatment, care). The stay itself is never notified; when it is granted,
// the need to notify at each leave from the institution is assessed, and the
// grant records whether notification was decided. Each such leave is then a
// LEAVE event that the institution reports in good time (EV5).
type InstitutionStay struct{ ent.Schema }

func (InstitutionStay) Fields() []ent.Field {
	return []ent.Field{
		field.String("institution").NotEmpty(),
		field.Time("from_date").SchemaType(dateType).Annotations(entgql.Type("Date")),
		field.Time("to_date").Optional().Nillable().SchemaType(dateType).Annotations(entgql.Type("Date")),
		field.Bool("notify_on_leaves").Comment("the grant decided that leaves from the institution are notified (EV5)"),
		field.Text("reasoning").NotEmpty().Comment("the assessment of the need to notify at leaves"),
		field.Int("convict_id").Immutable(),
	}
}

func (InstitutionStay) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("convict", Convict.Type).Ref("institution_stays").Field("convict_id").Unique().Required().Immutable(),
		edge.To("leaves", CustodyEvent.Type),
		edge.To("recorded_by", StaffMember.Type).Unique(),
	}
}

func (InstitutionStay) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
