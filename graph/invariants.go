package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"varsel/workflow"
)

// invariantCheck runs inside each mutation's transaction: it collects what
// the mutation changed and, before the transaction commits, checks the
// lifecycle's invariants on every case it touched (workflow.CheckInvariants).
// A breach turns the response into an error, and the transaction rolls back.
type invariantCheck struct{ wf *workflow.Service }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = invariantCheck{}

func (invariantCheck) ExtensionName() string                   { return "InvariantCheck" }
func (invariantCheck) Validate(graphql.ExecutableSchema) error { return nil }

func (i invariantCheck) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	op := graphql.GetOperationContext(ctx).Operation
	if op == nil || op.Operation != ast.Mutation {
		return next(ctx)
	}
	ctx, touched := workflow.WithInvariantCheck(ctx)
	resp := next(ctx)
	if resp == nil || len(resp.Errors) > 0 {
		return resp
	}
	if err := i.wf.CheckInvariants(ctx, touched); err != nil {
		return &graphql.Response{Errors: gqlerror.List{presentError(ctx, err)}}
	}
	return resp
}
