package graph

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"varsel"
	"varsel/accesslog"
	"varsel/audit"
	"varsel/ent"
	"varsel/reporting"
	"varsel/workflow"
)

// NewHandler returns the GraphQL endpoint: POST with a JSON body only.
// Introspection and field suggestions are for dev mode only. The caller puts
// the authenticated viewer in each request's context. Given trusted
// documents, the endpoint runs them by their hash, and outside dev mode
// nothing else (the server always gives them in production).
func NewHandler(client *ent.Client, chain audit.Chain, wf *workflow.Service, dev bool, trusted ...TrustedDocuments) http.Handler {
	srv := handler.New(NewExecutableSchema(Config{
		Resolvers:  &Resolver{Client: client, Audit: chain, Workflow: wf, Reports: &reporting.Reports{}},
		Directives: DirectiveRoot{HasRole: hasRole},
	}))
	srv.AddTransport(postJSON{})
	cache := lru.New[*ast.QueryDocument](1000)
	srv.SetQueryCache(cache)
	srv.SetParserTokenLimit(MaxTokens)
	srv.SetDisableSuggestion(!dev)
	if dev {
		srv.Use(extension.Introspection{})
	}
	// Trusted documents first: in production nothing else is parsed.
	if len(trusted) > 0 {
		srv.Use(trustedOnly{docs: trusted[0], adHoc: dev})
	}
	// Limits before work: the document's shape before it is validated, its
	// cost before it runs.
	srv.Use(documentLimits{cache: cache})
	srv.Use(queryLimits{})
	srv.Use(&inputLimits{})
	// Registered before the transaction so that reads are logged after a
	// mutation commits, on their own connection.
	srv.Use(accessLogging{client: client})
	// Every mutation runs in one transaction with its audit rows (PR3).
	srv.Use(transaction{client: client})
	// Inside the transaction: the lifecycle's invariants hold before it commits.
	srv.Use(invariantCheck{wf: wf})
	srv.AroundRootFields(func(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
		return next(audit.WithOperation(ctx, graphql.GetRootFieldContext(ctx).Field.Name))
	})
	srv.AroundFields(defaultPageSize)
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(recoverPanic)
	return srv
}

// accessLogging gives each operation an access-log collector and writes what
// it collected before the response is returned (PR2). If the log cannot be
// written, the client gets an error instead of the data.
type accessLogging struct{ client *ent.Client }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = accessLogging{}

func (accessLogging) ExtensionName() string                   { return "AccessLogging" }
func (accessLogging) Validate(graphql.ExecutableSchema) error { return nil }

func (accessLogging) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	ctx, _ = accesslog.NewContext(ctx)
	return next(ctx)
}

func (a accessLogging) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	c := accesslog.FromContext(ctx)
	if c == nil || c.Len() == 0 {
		return resp
	}
	if err := c.Flush(ctx, a.client, rootFields(ctx)); err != nil {
		slog.ErrorContext(ctx, "access log not written; response withheld", "err", err)
		return &graphql.Response{Errors: gqlerror.List{{
			Message:    "Tilgangsloggen kunne ikke skrives, så opplysningene vises ikke. Prøv igjen.",
			Extensions: map[string]any{"code": varsel.EINTERNAL},
		}}}
	}
	return resp
}

// rootFields names an operation by its root fields, e.g. "convicts,me".
func rootFields(ctx context.Context) string {
	oc := graphql.GetOperationContext(ctx)
	var names []string
	for _, sel := range oc.Operation.SelectionSet {
		if f, ok := sel.(*ast.Field); ok {
			names = append(names, f.Name)
		}
	}
	return strings.Join(names, ",")
}
