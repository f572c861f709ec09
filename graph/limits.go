package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"varsel"
)

// Limits on what one request may ask for. They are checked on the parsed
// operation, before any resolver runs and so before any SQL.
const (
	// MaxPageSize is the most items a connection returns at once; also the
	// page size when the client gives neither first nor last.
	MaxPageSize = 100
	// listFactor is the assumed size of a plain list field (a convict's
	// criminal cases, a case's victims), which has no first/last: a typical
	// case has one to three.
	listFactor = 3
	// MaxComplexity is the most fields (multiplied through lists and pages)
	// one request may resolve: a page of 100 convicts with their cases,
	// victims, survivors and guardians fits; a page of 100 convicts with a
	// page of 100 events each does not.
	MaxComplexity = 50_000
	// MaxDepth is the deepest nesting of fields, introspection excepted.
	MaxDepth = 12
)

// queryLimits refuses over-complex and over-deep operations and pages larger
// than MaxPageSize.
type queryLimits struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = queryLimits{}

func (queryLimits) ExtensionName() string                   { return "QueryLimits" }
func (queryLimits) Validate(graphql.ExecutableSchema) error { return nil }
func (queryLimits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	w := walker{vars: oc.Variables, doc: oc.Doc}
	cost, depth := w.selection(oc.Operation.SelectionSet, 1)
	switch {
	case w.err != nil:
		return w.err
	case depth > MaxDepth:
		return limitError(fmt.Sprintf("Spørringen er for dyp (%d nivåer, høyst %d).", depth, MaxDepth))
	case cost > MaxComplexity:
		return limitError(fmt.Sprintf("Spørringen er for omfattende (kostnad %d, høyst %d). Hent færre om gangen.", cost, MaxComplexity))
	}
	return nil
}

func limitError(msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": varsel.EINVALID}}
}

type walker struct {
	vars map[string]any
	doc  *ast.QueryDocument
	err  *gqlerror.Error
	seen map[string]bool // fragments on the current path, against cycles
}

// selection returns the cost and the depth of a selection set at the given depth.
func (w *walker) selection(set ast.SelectionSet, depth int) (cost, maxDepth int) {
	maxDepth = depth - 1
	for _, sel := range set {
		var c, d int
		switch s := sel.(type) {
		case *ast.Field:
			c, d = w.field(s, depth)
		case *ast.InlineFragment:
			c, d = w.selection(s.SelectionSet, depth)
		case *ast.FragmentSpread:
			if w.seen[s.Name] {
				continue
			}
			f := w.doc.Fragments.ForName(s.Name)
			if f == nil {
				continue
			}
			if w.seen == nil {
				w.seen = map[string]bool{}
			}
			w.seen[s.Name] = true
			c, d = w.selection(f.SelectionSet, depth)
			delete(w.seen, s.Name)
		}
		cost += c
		maxDepth = max(maxDepth, d)
	}
	return cost, maxDepth
}

func (w *walker) field(f *ast.Field, depth int) (int, int) {
	if strings.HasPrefix(f.Name, "__") {
		return 1, depth // introspection: dev mode only, and not data
	}
	if len(f.SelectionSet) == 0 {
		return 1, depth
	}
	childCost, childDepth := w.selection(f.SelectionSet, depth+1)
	factor := 1
	switch {
	case isConnection(f):
		n := MaxPageSize
		for _, arg := range []string{"first", "last"} {
			if v, ok := w.intArg(f, arg); ok {
				if v < 0 || v > MaxPageSize {
					w.fail(fmt.Sprintf("%s på %s må være mellom 0 og %d.", arg, f.Name, MaxPageSize))
				}
				n = v
			}
		}
		factor = n
	case f.ObjectDefinition != nil && strings.HasSuffix(f.ObjectDefinition.Name, "Connection"):
		// A connection's edges: the page size already counted them.
	case f.Definition != nil && f.Definition.Type.Elem != nil:
		factor = listFactor
	}
	return 1 + factor*childCost, childDepth
}

func isConnection(f *ast.Field) bool {
	return f.Definition != nil && strings.HasSuffix(f.Definition.Type.Name(), "Connection")
}

func (w *walker) intArg(f *ast.Field, name string) (int, bool) {
	a := f.Arguments.ForName(name)
	if a == nil {
		return 0, false
	}
	v, err := a.Value.Value(w.vars)
	if err != nil || v == nil {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		return int(n), true
	case int:
		return n, true
	case float64:
		return int(n), true
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	}
	return 0, false
}

func (w *walker) fail(msg string) {
	if w.err == nil {
		w.err = limitError(msg)
	}
}

// defaultPageSize gives a connection field without first and last a page of
// MaxPageSize, so no request returns an unbounded list.
func defaultPageSize(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc != nil && fc.Field.Definition != nil && fc.Args != nil &&
		fc.Field.Definition.Arguments.ForName("first") != nil && fc.Field.Definition.Arguments.ForName("last") != nil {
		first, _ := fc.Args["first"].(*int)
		last, _ := fc.Args["last"].(*int)
		if first == nil && last == nil {
			n := MaxPageSize
			fc.Args["first"] = &n
		}
	}
	return next(ctx)
}
