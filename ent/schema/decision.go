package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"varsel/rules"
)

// Decision is the individual administrative decision (enkeltvedtak) to notify
// the recipients whose assessment says NOTIFY (DC1). The parties are the unit
// and the convict; the convict is informed and may appeal within 7 days (DC3, DC4).
type Decision struct{ ent.Schema }

func (Decision) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("status").Values("IN_FORCE", "OVERTURNED", "WITHDRAWN").Default("IN_FORCE").
			Comment("in force; overturned on appeal (DC7); or withdrawn by the unit (DC1, fvl § 35)"),
		field.Enum("level").GoType(rules.Level("")).Annotations(entgql.Type("Level")).Comment("the level that decided (DC2)"),
		field.Text("reasoning").NotEmpty().
			Comment("the reasons, always recorded (fvl §§ 24–25, DC1)"),
		field.Enum("reasons_withheld").GoType(rules.ExemptionGround("")).Optional().Nillable().Annotations(entgql.Type("ExemptionGround")).
			Comment("the exemption that leaves the reasons out of the letter to the convict (strgjfl § 7 letter d, IX7)"),
		field.Time("decided_at"),
		field.Time("convict_informed_at").Optional().Nillable(),
		field.Enum("convict_informed_how").Values("LETTER", "IN_PERSON", "ORAL").Optional().Nillable(),
		field.Text("informing_impracticable_reason").Optional().Comment("why the convict cannot be informed, e.g. an escape (DC3)"),
		field.Enum("oral_appeal_answer").Values("WANTS_TO_APPEAL", "DOES_NOT_APPEAL", "UNDECIDED").Optional().Nillable().
			Comment("the convict's answer when told orally and asked whether to appeal (DC6)"),
		field.Time("appeal_deadline").Optional().Nillable().SchemaType(dateType).Annotations(entgql.Type("Date")).
			Comment("the last day to appeal (DC4)"),
		field.Time("withdrawn_at").Optional().Nillable().Comment("when the decision was withdrawn (DC1, NT8)"),
		field.Text("withdraw_reason").Optional().Comment("why the decision was withdrawn (DC1, NT8)"),
		field.Int("custody_event_id").Immutable(),
		field.Int("deciding_unit_id").Immutable(),
	}
}

func (Decision) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("custody_event", CustodyEvent.Type).Ref("decisions").Field("custody_event_id").Unique().Required().Immutable(),
		edge.To("deciding_unit", Unit.Type).Field("deciding_unit_id").Unique().Required().Immutable(),
		edge.To("decided_by", StaffMember.Type).Unique(),
		edge.To("convict_informed_by", StaffMember.Type).Unique(),
		edge.To("withdrawn_by", StaffMember.Type).Unique(),
		edge.To("assessments", Assessment.Type).Comment("the assessments the decision rests on"),
		edge.To("appeals", Appeal.Type),
	}
}

func (Decision) Indexes() []ent.Index {
	// One decision in force per event: two decision makers deciding at once
	// cannot both win.
	return []ent.Index{
		index.Fields("custody_event_id").Unique().Annotations(entsql.IndexWhere("status = 'IN_FORCE'")),
		// Every decision of an event, overturned ones too (history, reports).
		index.Fields("custody_event_id").StorageKey("decision_custody_event"),
	}
}

func (Decision) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }
