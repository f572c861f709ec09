package server

import (
	"context"

	"varsel/audit"
	"varsel/ent"
)

// EntClient is the server's database client, for tests that read what was
// stored directly, past the API (the model-based test of the lifecycle).
func (s *Server) EntClient() *ent.Client { return s.client }

// ReleaseDue runs the periodic release job now, for tests that move the
// clock.
func (s *Server) ReleaseDue(ctx context.Context) error { return s.jobs.ReleaseDue(ctx) }

// AuditChain is the server's audit chain, with its key and checkpoints.
func (s *Server) AuditChain() audit.Chain { return s.audit }
