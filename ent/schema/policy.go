package schema

import (
	"entgo.io/ent"

	"varsel"
	"varsel/ent/hook"
	"varsel/ent/privacy"
	"varsel/ent/rule"
)

// casePolicy guards the correctional service's case data: caseworkers and
// decision makers, within their unit scope, and the service itself (PR5).
func casePolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(), rule.AllowUnitScope(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(), rule.AllowUnitScope(), privacy.AlwaysDenyRule()},
	}
}

// sharedWithPolicePolicy guards what the correctional service and the police
// both work on: each side sees its own unit's or district's rows (PR5).
func sharedWithPolicePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(),
			rule.AllowUnitScope(), rule.AllowDistrictScope(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(),
			rule.AllowUnitScope(), rule.AllowDistrictScope(), privacy.AlwaysDenyRule()},
	}
}

// referencePolicy guards reference data every signed-in person needs to read
// (units, police districts, staff names); only administrators change it.
func referencePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfAuthenticated()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(),
			rule.AllowRoles(varsel.RoleAdmin), privacy.AlwaysDenyRule()},
	}
}

// staffPolicy guards the staff registry: names every signed-in person needs
// to work together, except analysts, who see aggregates only (PR4).
func staffPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(), rule.DenyAnalysts(), rule.AllowIfAuthenticated()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(),
			rule.AllowRoles(varsel.RoleAdmin), privacy.AlwaysDenyRule()},
	}
}

// appendOnlyPolicy guards the audit trail and the access log: only their own
// writer adds rows, only auditors read them (PR2, PR3).
func appendOnlyPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(),
			rule.AllowRoles(varsel.RoleAuditor), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.AllowAppendOnlyWriter(), privacy.AlwaysDenyRule()},
	}
}

// appendOnlyHooks reject updates and deletes whatever the privacy decision:
// no role, not even the service itself, edits the audit trail (PR3).
func appendOnlyHooks() []ent.Hook {
	return []ent.Hook{hook.Reject(ent.OpUpdate | ent.OpUpdateOne | ent.OpDelete | ent.OpDeleteOne)}
}

func (Unit) Policy() ent.Policy           { return referencePolicy() }
func (PoliceDistrict) Policy() ent.Policy { return referencePolicy() }
func (StaffMember) Policy() ent.Policy    { return staffPolicy() }

func (Convict) Policy() ent.Policy               { return casePolicy() }
func (CriminalCase) Policy() ent.Policy          { return casePolicy() }
func (Victim) Policy() ent.Policy                { return casePolicy() }
func (Survivor) Policy() ent.Policy              { return casePolicy() }
func (Guardian) Policy() ent.Policy              { return casePolicy() }
func (CustodyEvent) Policy() ent.Policy          { return casePolicy() }
func (Condition) Policy() ent.Policy             { return casePolicy() }
func (InformationRequest) Policy() ent.Policy    { return casePolicy() }
func (SecurityAssessment) Policy() ent.Policy    { return casePolicy() }
func (Assessment) Policy() ent.Policy            { return casePolicy() }
func (Decision) Policy() ent.Policy              { return casePolicy() }
func (Appeal) Policy() ent.Policy                { return casePolicy() }
func (Notice) Policy() ent.Policy                { return casePolicy() }
func (Reservation) Policy() ent.Policy           { return casePolicy() }
func (NotificationAgreement) Policy() ent.Policy { return casePolicy() }
func (Delegation) Policy() ent.Policy            { return casePolicy() }
func (InstitutionStay) Policy() ent.Policy       { return casePolicy() }
func (Alert) Policy() ent.Policy                 { return casePolicy() }
func (DocumentMark) Policy() ent.Policy          { return casePolicy() }
func (Correction) Policy() ent.Policy            { return casePolicy() }

func (PoliceRequest) Policy() ent.Policy { return sharedWithPolicePolicy() }

// Disclosure and PoliceReport are shared with the police like the rest;
// administrators see the national queue, those that reached no unit.
func (Disclosure) Policy() ent.Policy   { return nationalQueuePolicy() }
func (PoliceReport) Policy() ent.Policy { return nationalQueuePolicy() }

func nationalQueuePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(),
			rule.AllowUnitScope(), rule.AllowDistrictScope(), rule.AllowNationalQueue(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(),
			rule.AllowUnitScope(), rule.AllowDistrictScope(), privacy.AlwaysDenyRule()},
	}
}

func (AuditEvent) Policy() ent.Policy     { return appendOnlyPolicy() }
func (AccessLogEntry) Policy() ent.Policy { return appendOnlyPolicy() }
func (AuditEvent) Hooks() []ent.Hook      { return appendOnlyHooks() }
func (AccessLogEntry) Hooks() []ent.Hook  { return appendOnlyHooks() }
