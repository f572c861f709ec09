// Package model holds GraphQL types that are not ent entities.
package model

import (
	"varsel"
	"varsel/ent"
)

// Me is the GraphQL Viewer: the person logged in, with their unit or police
// district resolved for display.
type Me struct {
	Subject        string
	Name           string
	Roles          []varsel.Role
	Unit           *ent.Unit
	PoliceDistrict *ent.PoliceDistrict
}
