// Package rule holds the privacy rules the ent schema's policies are made of
// (PR5: staff see only their own unit's cases, a region its units' cases, the
// police only what is addressed to their district, nobody more than the role
// needs). Scoping is done with filters, so it holds for lists, counts,
// node(id) and nested edges alike. Anything no rule allows is denied.
package rule

import (
	"context"

	"entgo.io/ent/entql"

	"varsel"
	"varsel/ent"
	"varsel/ent/privacy"
)

// DenyIfNoViewer denies any query or mutation without a viewer in the context.
func DenyIfNoViewer() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if varsel.FromContext(ctx) == nil {
			return privacy.Denyf("no viewer in context")
		}
		return privacy.Skip
	})
}

// AllowIfSystem allows the service's own work (start-up seeding, jobs).
func AllowIfSystem() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := varsel.FromContext(ctx); v != nil && v.System {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AllowIfAuthenticated allows any viewer; for reference data every role needs
// (units, police districts, staff names).
func AllowIfAuthenticated() privacy.QueryRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if varsel.FromContext(ctx) != nil {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// DenyAnalysts keeps analysts — who see aggregates only (PR4) — from
// personal data otherwise open to everyone signed in: staff names.
func DenyAnalysts() privacy.QueryRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		v := varsel.FromContext(ctx)
		if v != nil && !v.System && v.Has(varsel.RoleAnalyst) && len(v.Roles) == 1 {
			return privacy.Denyf("analysts see aggregates only")
		}
		return privacy.Skip
	})
}

// AllowRoles allows a viewer who holds one of roles, without scoping.
func AllowRoles(roles ...varsel.Role) privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if varsel.FromContext(ctx).HasAny(roles...) {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// correctionalRoles are the roles that work on the correctional service's cases.
var correctionalRoles = []varsel.Role{varsel.RoleCaseworker, varsel.RoleDecisionMaker}

// AllowUnitScope allows correctional service staff (caseworker, decision
// maker) and restricts them to the cases of the units in their scope (PR5).
func AllowUnitScope() privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := varsel.FromContext(ctx)
		if !v.HasAny(correctionalRoles...) {
			return privacy.Skip
		}
		if len(v.UnitIDs) == 0 {
			return privacy.Denyf("viewer has no unit")
		}
		p, ok := unitScope(f, v.UnitIDs)
		if !ok {
			return privacy.Denyf("no unit scope for %T", f)
		}
		f.Where(p)
		return privacy.Allow
	})
}

// AllowDistrictScope allows police liaison officers and restricts them to
// what is addressed to, or comes from, their police district (PR5).
func AllowDistrictScope() privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := varsel.FromContext(ctx)
		if !v.Has(varsel.RolePolice) {
			return privacy.Skip
		}
		if v.PoliceDistrictID == 0 {
			return privacy.Denyf("viewer has no police district")
		}
		switch f.(type) {
		case *ent.PoliceRequestFilter, *ent.DisclosureFilter, *ent.PoliceReportFilter:
			f.Where(entql.FieldEQ("police_district_id", v.PoliceDistrictID))
			return privacy.Allow
		}
		return privacy.Denyf("no district scope for %T", f)
	})
}

// unitScope returns the predicate that keeps rows belonging to a convict whose
// responsible unit is in unitIDs, following each entity's path to its convict.
func unitScope(f privacy.Filter, unitIDs []int) (entql.P, bool) {
	ids := make([]any, len(unitIDs))
	for i, id := range unitIDs {
		ids[i] = id
	}
	inUnits := entql.FieldIn("unit_id", ids...)
	convict := entql.HasEdgeWith("convict", inUnits)
	// What was registered in error leaves every list (NT8); the audit trail
	// and the case history keep it (PR3). The service itself still sees it.
	notInError := entql.FieldNil("registered_in_error_at")
	inError := entql.FieldNotNil("registered_in_error_at")
	victim := entql.And(entql.HasEdgeWith("criminal_case", convict), notInError)
	survivor := entql.And(entql.HasEdgeWith("victim", victim), notInError)
	person := entql.Or(entql.HasEdgeWith("victim", victim), entql.HasEdgeWith("survivor", survivor))
	custodyEvent := entql.And(convict, notInError)
	event := entql.HasEdgeWith("custody_event", custodyEvent)
	// Notices and assessments of a person registered in error leave the lists too.
	ofPerson := entql.And(entql.Not(entql.HasEdgeWith("victim", inError)), entql.Not(entql.HasEdgeWith("survivor", inError)))

	switch f.(type) {
	case *ent.ConvictFilter, *ent.PoliceRequestFilter, *ent.DisclosureFilter, *ent.DelegationFilter, *ent.AlertFilter,
		*ent.PoliceReportFilter:
		return inUnits, true
	case *ent.CriminalCaseFilter, *ent.InstitutionStayFilter, *ent.DocumentMarkFilter, *ent.CorrectionFilter:
		return convict, true
	case *ent.CustodyEventFilter:
		return custodyEvent, true
	case *ent.VictimFilter:
		return victim, true
	case *ent.SurvivorFilter:
		return survivor, true
	case *ent.GuardianFilter:
		return entql.And(person, notInError), true
	case *ent.ReservationFilter, *ent.NotificationAgreementFilter:
		return person, true
	case *ent.ConditionFilter, *ent.InformationRequestFilter, *ent.SecurityAssessmentFilter, *ent.DecisionFilter:
		return event, true
	case *ent.AssessmentFilter:
		return entql.And(event, ofPerson), true
	case *ent.NoticeFilter:
		return entql.And(event, ofPerson, entql.Not(entql.HasEdgeWith("guardian", inError))), true
	case *ent.AppealFilter:
		return entql.HasEdgeWith("decision", event), true
	}
	return nil, false
}

type appendOnlyWriterKey struct{}

// AppendOnlyWriter marks ctx as the audit trail's or the access log's own
// writer, the only code allowed to add rows to them (PR2, PR3).
func AppendOnlyWriter(ctx context.Context) context.Context {
	return context.WithValue(ctx, appendOnlyWriterKey{}, true)
}

// AllowAppendOnlyWriter allows creating audit and access-log rows from a
// context marked by AppendOnlyWriter. Updates and deletes are rejected by the
// schema's hooks and by the database.
func AllowAppendOnlyWriter() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		if ok, _ := ctx.Value(appendOnlyWriterKey{}).(bool); ok && m.Op().Is(ent.OpCreate) {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AllowNationalQueue allows administrators to read, and nobody else, the
// police reports and disclosures that reached no unit: those on a person who
// is no convict, or under INFOFLYT (IX6). They wait there to be handled by
// hand.
func AllowNationalQueue() privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		if !varsel.FromContext(ctx).Has(varsel.RoleAdmin) {
			return privacy.Skip
		}
		switch f.(type) {
		case *ent.PoliceReportFilter, *ent.DisclosureFilter:
		default:
			return privacy.Denyf("no national queue for %T", f)
		}
		f.Where(entql.FieldNil("unit_id"))
		return privacy.Allow
	})
}
