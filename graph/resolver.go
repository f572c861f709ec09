// Package graph is Varsel's GraphQL layer: thin resolvers over the ent client
// and the domain packages, the @hasRole directive, the error presenter and the
// server's guards (complexity, page size, access logging).
package graph

import (
	"context"
	"varsel/audit"

	"varsel/ent"
	"varsel/reporting"
	"varsel/workflow"
)

// Resolver holds what resolvers need. It is built once, in server.
type Resolver struct {
	Client *ent.Client
	// Audit is the audit chain in the database behind Client, with its key
	// and checkpoints, for the auditor's check.
	Audit audit.Chain
	// Workflow carries custody events from registration to notices.
	Workflow *workflow.Service
	// Reports computes the dashboards' statistics.
	Reports *reporting.Reports
}

// clientIn is the client a field resolver reads with: inside a mutation, the
// mutation's transaction, so that what it returns shows the change it made
// (an event's state after it was cancelled); otherwise the shared client.
func (r *Resolver) clientIn(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return r.Client
}
