// Package graph is Varsel's GraphQL layer: thin resolvers over the ent client
// and the domain packages, the @hasRole directive, the error presenter and the
// server's guards (complexity, page size, access logging).
package graph

import (
	"database/sql"

	"varsel/ent"
	"varsel/reporting"
	"varsel/workflow"
)

// Resolver holds what resolvers need. It is built once, in server.
type Resolver struct {
	Client *ent.Client
	// DB is the database behind Client, for work ent does not model
	// (verifying the audit chain).
	DB *sql.DB
	// Workflow carries custody events from registration to notices.
	Workflow *workflow.Service
	// Reports computes the dashboards' statistics.
	Reports *reporting.Reports
}
