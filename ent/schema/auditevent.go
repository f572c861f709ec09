package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"varsel"
)

// AuditEvent is one row of the audit trail: who changed what, when. Rows are
// written in the same transaction as the change, never updated or deleted, and
// hash-chained: each row's hash covers its content and the previous row's hash,
// so an edited or deleted row breaks the chain (PR3). The database refuses
// UPDATE and DELETE on the table (see the migrations).
type AuditEvent struct{ ent.Schema }

func (AuditEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Int64("seq").Unique().Immutable().Comment("position in the chain, from 1 without gaps").
			Annotations(entgql.OrderField("SEQ")),
		field.Time("occurred_at").Immutable(),
		field.String("actor").NotEmpty().Immutable().Comment("the identity provider's subject, or system"),
		field.Int("actor_staff_id").Optional().Immutable(),
		field.String("operation").Optional().Immutable().Comment("the API operation, e.g. registerCustodyEvent"),
		field.Enum("action").Values("CREATE", "UPDATE", "DELETE").Immutable(),
		field.String("entity_type").NotEmpty().Immutable(),
		field.Int("entity_id").Immutable(),
		field.String("prev_hash").Immutable(),
		field.String("hash").NotEmpty().Immutable(),
	}
}

func (AuditEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("entity_type", "entity_id"), index.Fields("occurred_at")}
}

func (AuditEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField().Directives(hasRole(varsel.RoleAuditor))}
}
