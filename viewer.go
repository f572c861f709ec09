package varsel

import (
	"context"
	"slices"
)

// Role is what a person may do in Varsel. Roles come from the identity
// provider's token (a configurable claim).
type Role string

const (
	RoleCaseworker    Role = "CASEWORKER"     // saksbehandler: prepares assessments and notices for the unit's convicts
	RoleDecisionMaker Role = "DECISION_MAKER" // beslutter: makes the decision (enkeltvedtak) at the deciding level
	RolePolice        Role = "POLICE"         // police liaison: handles requests to their police district
	RoleAnalyst       Role = "ANALYST"        // sees aggregate statistics only
	RoleAuditor       Role = "AUDITOR"        // revisor: reads the audit trail and the access log
	RoleAdmin         Role = "ADMIN"          // maintains units, police districts and staff
)

// Roles lists every role, in the order they are shown.
var Roles = []Role{RoleCaseworker, RoleDecisionMaker, RolePolice, RoleAnalyst, RoleAuditor, RoleAdmin}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Viewer is the authenticated person (or the system itself) a request runs as.
type Viewer struct {
	Subject string // the identity provider's subject; never a national identity number
	Name    string
	Roles   []Role

	StaffID int // the StaffMember row, 0 if the person is not in the registry

	// UnitID is the viewer's own unit. UnitIDs is every unit whose cases the
	// viewer may see: the unit itself, and for a region its local units (PR5).
	UnitID  int
	UnitIDs []int

	// PoliceDistrictID is set for police liaison officers (PR5).
	PoliceDistrictID int

	// System marks work the service does on its own behalf (seeding, jobs).
	System bool
}

// Has reports whether the viewer holds role r.
func (v *Viewer) Has(r Role) bool { return v != nil && slices.Contains(v.Roles, r) }

// HasAny reports whether the viewer holds at least one of roles.
func (v *Viewer) HasAny(roles ...Role) bool {
	return slices.ContainsFunc(roles, v.Has)
}

// SeesUnit reports whether unitID is within the viewer's unit scope (PR5).
func (v *Viewer) SeesUnit(unitID int) bool {
	return v != nil && slices.Contains(v.UnitIDs, unitID)
}

type viewerKey struct{}

// NewContext returns a context carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// FromContext returns the viewer in ctx, or nil.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(viewerKey{}).(*Viewer)
	return v
}

// SystemContext returns a context that runs as the service itself, for start-up
// seeding and background jobs. It never comes from a request.
func SystemContext(ctx context.Context) context.Context {
	return NewContext(ctx, &Viewer{Subject: "system", Name: "Varsel", System: true})
}

// OnBehalfOf returns a context in which the data policies let a step reach
// data the viewer's role does not see, while the audit trail and the access
// log still name the viewer. A workflow step uses it only after it has
// checked, under the viewer's own policies, that the step is theirs to take:
// the police completing a request addressed to their district, say, which
// updates the security assessment behind it.
func OnBehalfOf(ctx context.Context) context.Context {
	v := FromContext(ctx)
	if v == nil {
		return ctx
	}
	c := *v
	c.System = true
	return NewContext(ctx, &c)
}
