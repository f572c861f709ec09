package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"varsel/ent"
)

// transaction runs every mutation in one transaction with its audit rows
// (PR3), its root fields one after another. It does what entgql's
// Transactioner does, except that a transaction that cannot begin or commit
// is answered through the error presenter, like every other error — 503 when
// the database is away — instead of with the driver's message.
type transaction struct{ client *ent.Client }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
	graphql.ResponseInterceptor
} = transaction{}

func (transaction) ExtensionName() string                   { return "Transaction" }
func (transaction) Validate(graphql.ExecutableSchema) error { return nil }

func isMutation(op *ast.OperationDefinition) bool {
	return op != nil && op.Operation == ast.Mutation
}

// MutateOperationContext runs a mutation's resolvers one at a time: they
// share the transaction.
func (transaction) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if isMutation(oc.Operation) {
		previous := oc.ResolverMiddleware
		var mu sync.Mutex
		oc.ResolverMiddleware = func(ctx context.Context, next graphql.Resolver) (any, error) {
			mu.Lock()
			defer mu.Unlock()
			return previous(ctx, next)
		}
	}
	return nil
}

func (t transaction) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !isMutation(graphql.GetOperationContext(ctx).Operation) {
		return next(ctx)
	}
	if len(graphql.GetErrors(ctx)) > 0 {
		// Refused before execution (a limit, bad input): gqlgen reports the
		// errors through the response handlers, and there is nothing to
		// run in a transaction — not even a BEGIN.
		return next(ctx)
	}
	txCtx, tx, err := t.client.OpenTx(ctx)
	if err != nil {
		return &graphql.Response{Errors: gqlerror.List{presentError(ctx, err)}}
	}
	defer func() {
		if r := recover(); r != nil {
			tx.Rollback()
			panic(r)
		}
	}()
	resp := next(txCtx)
	if len(resp.Errors) > 0 {
		tx.Rollback()
		return &graphql.Response{Errors: resp.Errors}
	}
	if err := tx.Commit(); err != nil {
		return &graphql.Response{Errors: gqlerror.List{presentError(ctx, err)}}
	}
	return resp
}
