package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"

	"varsel/rules"
)

// dateType stores calendar dates as SQL dates where the database has them.
var dateType = map[string]string{dialect.Postgres: "date"}

// TimeMixin records when a row was created and last changed.
type TimeMixin struct{ mixin.Schema }

func (TimeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("updated_at").Default(time.Now).UpdateDefault(time.Now).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// PersonMixin is what Varsel knows of a victim, a survivor or a guardian: who
// they are and where a letter reaches them. Every read of these fields through
// the API is written to the access log (PR2). A strengt fortrolig (code 6)
// address is never stored (RC9): the address fields stay empty and the police
// deliver. None of these fields can be used in filters, so the API cannot be
// used to probe for a person; schema.graphql exposes them through resolvers
// that log each read.
type PersonMixin struct{ mixin.Schema }

func (PersonMixin) Fields() []ent.Field {
	noFilter := entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)
	return []ent.Field{
		field.String("name").NotEmpty().Sensitive().Annotations(noFilter),
		field.String("national_identity_number").Optional().Sensitive().
			Comment("fødselsnummer or D-nummer, validated under PR1").Annotations(noFilter),
		field.Time("birth_date").Optional().Nillable().SchemaType(dateType).Annotations(entgql.Skip()).
			Comment("stored on its own: never derived from the identity number (PR1)"),
		field.String("address_line").Optional().Sensitive().Annotations(noFilter),
		field.String("postal_code").Optional().Sensitive().Annotations(noFilter),
		field.String("postal_place").Optional().Sensitive().Annotations(noFilter),
		field.String("country").Optional().Sensitive().Annotations(noFilter),
		field.Enum("address_protection").GoType(rules.AddressProtection("")).Annotations(entgql.Type("AddressProtection")).Default(string(rules.Unprotected)),
		field.Enum("written_standard").GoType(rules.WrittenStandard("")).Annotations(entgql.Type("WrittenStandard")).Default(string(rules.Bokmal)),
		field.Int("police_district_id").Optional().Nillable(),
	}
}

func (PersonMixin) Edges() []ent.Edge {
	return []ent.Edge{
		// The police district that delivers a notice when the address is
		// protected or unknown (RC9).
		edge.To("police_district", PoliceDistrict.Type).Field("police_district_id").Unique(),
	}
}

// InErrorMixin marks a record as registered in error (registrert ved en
// feil): it leaves every list and worklist, stays in the audit trail and the
// case history, and is never physically deleted (PR3). Its unsent notices
// stop (NT8).
type InErrorMixin struct{ mixin.Schema }

func (InErrorMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("registered_in_error_at").Optional().Nillable().
			Comment("when it was marked as registered in error; it then leaves every list (NT8, PR3)"),
		field.Text("registered_in_error_reason").Optional().Comment("why it was registered in error"),
	}
}
