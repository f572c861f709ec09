package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"varsel"
)

// AccessLogEntry records one read of a victim's, survivor's or guardian's
// identity or address: who, when, which person, for which case (PR2); or one
// view of a police request (the police liaison portal logs every view). It
// holds identifiers only, never the data that was read. Like the audit trail
// it is append-only.
type AccessLogEntry struct{ ent.Schema }

func (AccessLogEntry) Fields() []ent.Field {
	return []ent.Field{
		field.Time("occurred_at").Immutable().Annotations(entgql.OrderField("OCCURRED_AT")),
		field.String("actor").NotEmpty().Immutable(),
		field.Int("actor_staff_id").Optional().Immutable(),
		field.Enum("person_type").Values("VICTIM", "SURVIVOR", "GUARDIAN").Optional().Nillable().Immutable(),
		field.Int("person_id").Optional().Nillable().Immutable(),
		field.Int("criminal_case_id").Optional().Nillable().Immutable(),
		field.Int("police_request_id").Optional().Nillable().Immutable().Comment("the police request viewed"),
		field.Bool("identity").Default(false).Immutable().Comment("name, identity number or birth date was read"),
		field.Bool("address").Default(false).Immutable().Comment("the address was read"),
		field.String("operation").Optional().Immutable(),
	}
}

func (AccessLogEntry) Indexes() []ent.Index {
	return []ent.Index{index.Fields("person_type", "person_id"), index.Fields("police_request_id"), index.Fields("occurred_at"), index.Fields("actor")}
}

func (AccessLogEntry) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField("accessLog").Directives(hasRole(varsel.RoleAuditor))}
}
