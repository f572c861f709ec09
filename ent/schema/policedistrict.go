package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
)

// PoliceDistrict is one of Norway's twelve police districts (politidistrikt).
type PoliceDistrict struct{ ent.Schema }

func (PoliceDistrict) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME")),
		field.String("code").NotEmpty().Unique().Comment("stable identifier, e.g. oslo"),
	}
}
