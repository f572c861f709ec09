package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"varsel"
)

// Limits on what one request may ask for. Each is checked before the work it
// bounds: the body's size while it is read; tokens while the document is
// parsed; the document's shape (fragments, fields, aliases, directives, root
// fields, depth) on the parsed document before it is validated against the
// schema, whose rules are not linear in the document's size; the cost,
// pages and lists once the document is valid and its variables known. All of
// it before any resolver runs and so before any SQL. The web app's operations
// fit well within them (TestTheWebAppsOperationsFitTheLimits).
const (
	// MaxRequestBody is the largest request body read, in bytes: the
	// largest form, an assessment with its reasoning and five factors of
	// 4,000 characters each, is under 50 KiB. Decoding a body this large
	// takes a few milliseconds.
	MaxRequestBody = 128 << 10
	// MaxTokens is the most lexical tokens a document may have; the web
	// app's largest has about 240.
	MaxTokens = 2_000
	// MaxFragments is the most fragment definitions a document may have.
	MaxFragments = 20
	// MaxFields is the most fields an operation may select, counted with
	// its fragments expanded wherever they are spread; the web app's largest
	// selects about 150.
	MaxFields = 2_000
	// MaxRepeats is the most times one field (by the name it is answered
	// under) may be asked for at one level, fragments included: gqlgen's
	// validation compares such fields pairwise, so 200 of them took 16 ms
	// and 1,900 over a second.
	MaxRepeats = 10
	// MaxAliases is the most aliased fields, counted likewise: aliases are how
	// one request asks for the same expensive field many times.
	MaxAliases = 15
	// MaxDirectives is the most directives, counted likewise.
	MaxDirectives = 10
	// MaxRootFields is the most fields at an operation's top level.
	MaxRootFields = 10
	// MaxDepth is the deepest nesting of fields; the web app's deepest is 7.
	MaxDepth = 8
	// MaxPageSize is the most items a connection returns at once; also the
	// page size when the client gives neither first nor last.
	MaxPageSize = 100
	// MaxIDs is the most IDs one nodes(ids:) may look up.
	MaxIDs = 100
	// listFactor is the assumed size of a plain list field (a convict's
	// criminal cases, a case's victims), which has no first/last: a typical
	// case has one to three.
	listFactor = 3
	// MaxComplexity is the most fields (multiplied through lists and pages,
	// and weighted by what they cost) one request may resolve. The web app's
	// costliest page asks for about 5,000 (without the weighted fields); a
	// page of 10 convicts with their cases, victims, survivors and guardians
	// is about 4,200; a page of 100 of them, or a page of 100 convicts with
	// a page of 100 events each, does not fit.
	MaxComplexity = 20_000
)

// fieldWeights are the costs of fields that cost far more than reading a
// row: each counts as this many fields. Verifying the audit chain reads the
// whole trail, so a request can ask for it once; the statistics aggregate a
// period's events and notices, so a request can ask for two; the worklist,
// which is also the print batch, computes the state of each open event; a
// case's history reads up to 500 audit rows.
var fieldWeights = map[string]int{
	"Query.auditChainStatus":     MaxComplexity/2 + 1,
	"Query.statistics":           MaxComplexity/3 + 1,
	"Query.notificationWorklist": 1_000,
	"Query.notificationAlerts":   1_000,
	"Query.convictHistory":       500,
}

// Codes of the limits, in extensions.limit beside the code LIMIT_EXCEEDED.
const (
	limitBody       = "body"
	limitTokens     = "tokens"
	limitFragments  = "fragments"
	limitFields     = "fields"
	limitRepeats    = "repeats"
	limitAliases    = "aliases"
	limitDirectives = "directives"
	limitRootFields = "rootFields"
	limitDepth      = "depth"
	limitComplexity = "complexity"
	limitPageSize   = "pageSize"
	limitIDs        = "ids"
)

// limitError refuses a request that is over a limit: a Norwegian message
// that says which limit and what is allowed, the code LIMIT_EXCEEDED, and
// the limit and its maximum in extensions.
func limitError(limit string, maximum int, format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{
		Message:    fmt.Sprintf(format, args...),
		Extensions: map[string]any{"code": varsel.ELIMIT, "limit": limit, "max": maximum},
	}
}

// documentLimits parses the document with a bound on its tokens and refuses
// one whose shape is over a limit, before gqlgen validates it. A document the
// query cache holds has passed already; one that does not parse is left for
// gqlgen to report.
type documentLimits struct {
	cache graphql.Cache[*ast.QueryDocument]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = documentLimits{}

func (documentLimits) ExtensionName() string                   { return "DocumentLimits" }
func (documentLimits) Validate(graphql.ExecutableSchema) error { return nil }

func (l documentLimits) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	if _, ok := l.cache.Get(ctx, params.Query); ok {
		return nil
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: params.Query}, MaxTokens)
	if err != nil {
		if gerr, ok := err.(*gqlerror.Error); ok && strings.HasPrefix(gerr.Message, "exceeded token limit") {
			return limitError(limitTokens, MaxTokens, "Spørringen er for lang (høyst %d ord og tegn). Del den opp.", MaxTokens)
		}
		return nil
	}
	if err := checkShape(doc); err != nil {
		return err
	}
	return checkNodes(doc, params.Variables)
}

// checkNodes refuses a nodes(ids:) at an operation's top level with more
// than MaxIDs, given in the document or in a variable, before the variables
// are validated, which takes time in proportion to their size. (queryLimits
// checks again once the document is valid.)
func checkNodes(doc *ast.QueryDocument, vars map[string]any) *gqlerror.Error {
	for _, op := range doc.Operations {
		for _, sel := range op.SelectionSet {
			f, ok := sel.(*ast.Field)
			if !ok || f.Name != "nodes" {
				continue
			}
			a := f.Arguments.ForName("ids")
			if a == nil || a.Value == nil {
				continue
			}
			n := len(a.Value.Children)
			if a.Value.Kind == ast.Variable {
				l, _ := vars[a.Value.Raw].([]any)
				n = len(l)
			}
			if n > MaxIDs {
				return idsError(n)
			}
		}
	}
	return nil
}

func idsError(n int) *gqlerror.Error {
	return limitError(limitIDs, MaxIDs, "nodes kan slå opp høyst %d ID-er om gangen, ikke %d.", MaxIDs, n)
}

// checkShape refuses a document over the limits on its shape.
func checkShape(doc *ast.QueryDocument) *gqlerror.Error {
	if n := len(doc.Fragments); n > MaxFragments {
		return limitError(limitFragments, MaxFragments, "Spørringen har for mange fragmenter (%d, høyst %d).", n, MaxFragments)
	}
	s := shaper{doc: doc, fragments: map[string]*shape{}}
	for _, op := range doc.Operations {
		sh := s.selection(op.SelectionSet)
		sh.directives = add(sh.directives, len(op.Directives))
		for _, v := range op.VariableDefinitions {
			sh.directives = add(sh.directives, len(v.Directives))
		}
		switch {
		case sh.fields > MaxFields:
			return limitError(limitFields, MaxFields, "Spørringen ber om for mange felt (%s, høyst %d).", count(sh.fields), MaxFields)
		case sh.repeats > MaxRepeats:
			return limitError(limitRepeats, MaxRepeats, "Spørringen ber om det samme feltet for mange ganger på samme nivå (%s, høyst %d).", count(sh.repeats), MaxRepeats)
		case sh.aliases > MaxAliases:
			return limitError(limitAliases, MaxAliases, "Spørringen har for mange alias (%s, høyst %d).", count(sh.aliases), MaxAliases)
		case sh.directives > MaxDirectives:
			return limitError(limitDirectives, MaxDirectives, "Spørringen har for mange direktiver (%s, høyst %d).", count(sh.directives), MaxDirectives)
		case sh.top > MaxRootFields:
			return limitError(limitRootFields, MaxRootFields, "Spørringen ber om for mange ting på øverste nivå (%s felt, høyst %d).", count(sh.top), MaxRootFields)
		case sh.depth > MaxDepth:
			return limitError(limitDepth, MaxDepth, "Spørringen er for dyp (%d nivåer, høyst %d).", sh.depth, MaxDepth)
		}
	}
	return nil
}

// shape is what a selection set asks for, its fragments expanded: fields,
// aliased fields and directives in all, fields at its own level, depth, the
// names answered at its own level, and the most times a name is repeated at
// one level anywhere in it.
type shape struct {
	fields, aliases, directives, top, depth, repeats int
	names                                            map[string]int
}

// shaper measures selection sets, each fragment once however often it is
// spread, so that the work is linear in the document's size even when the
// counts it finds are not (they saturate instead of overflowing).
type shaper struct {
	doc       *ast.QueryDocument
	fragments map[string]*shape // measured, or nil while being measured (a cycle)
}

func (s *shaper) selection(set ast.SelectionSet) shape {
	sh := shape{names: map[string]int{}}
	for _, sel := range set {
		var child shape
		switch f := sel.(type) {
		case *ast.Field:
			child = s.selection(f.SelectionSet)
			sh.fields = add(sh.fields, 1)
			sh.top = add(sh.top, 1)
			name := f.Alias
			if name == "" {
				name = f.Name
			}
			sh.names[name] = add(sh.names[name], 1)
			if f.Alias != "" && f.Alias != f.Name {
				sh.aliases = add(sh.aliases, 1)
			}
			sh.directives = add(sh.directives, len(f.Directives))
			child.top = 0
			child.names = nil // its own level, not this one
			child.depth++
			if strings.HasPrefix(f.Name, "__") {
				child.depth = 1 // introspection (dev mode only) is as deep as it is
			}
		case *ast.InlineFragment:
			child = s.selection(f.SelectionSet)
			sh.directives = add(sh.directives, len(f.Directives))
		case *ast.FragmentSpread:
			child = s.fragment(f.Name)
			sh.directives = add(sh.directives, len(f.Directives))
		}
		sh.fields = add(sh.fields, child.fields)
		sh.aliases = add(sh.aliases, child.aliases)
		sh.directives = add(sh.directives, child.directives)
		sh.top = add(sh.top, child.top)
		sh.depth = max(sh.depth, child.depth)
		sh.repeats = max(sh.repeats, child.repeats)
		for name, n := range child.names {
			sh.names[name] = add(sh.names[name], n)
		}
	}
	for _, n := range sh.names {
		sh.repeats = max(sh.repeats, n)
	}
	return sh
}

func (s *shaper) fragment(name string) shape {
	if sh, seen := s.fragments[name]; seen {
		if sh == nil {
			return shape{} // a cycle: validation refuses it
		}
		return *sh
	}
	f := s.doc.Fragments.ForName(name)
	if f == nil {
		return shape{}
	}
	s.fragments[name] = nil
	sh := s.selection(f.SelectionSet)
	sh.directives = add(sh.directives, len(f.Directives))
	s.fragments[name] = &sh
	return sh
}

// saturated is where counts stop growing: far above every limit.
const saturated = 1 << 30

func add(a, b int) int { return min(a+b, saturated) }

func count(n int) string {
	if n >= saturated {
		return "over en milliard"
	}
	return fmt.Sprint(n)
}

// queryLimits refuses, once the document is valid and its variables are
// known, an operation that would cost too much, a page larger than
// MaxPageSize and a nodes(ids:) with more than MaxIDs.
type queryLimits struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = queryLimits{}

func (queryLimits) ExtensionName() string                   { return "QueryLimits" }
func (queryLimits) Validate(graphql.ExecutableSchema) error { return nil }
func (queryLimits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	w := walker{vars: oc.Variables, doc: oc.Doc}
	cost := w.selection(oc.Operation.SelectionSet)
	switch {
	case w.err != nil:
		return w.err
	case cost > MaxComplexity:
		return limitError(limitComplexity, MaxComplexity, "Spørringen er for omfattende (kostnad %s, høyst %d). Hent færre om gangen.", count(cost), MaxComplexity)
	}
	return nil
}

type walker struct {
	vars map[string]any
	doc  *ast.QueryDocument
	err  *gqlerror.Error
	seen map[string]bool // fragments on the current path, against cycles
}

// selection returns the cost of a selection set.
func (w *walker) selection(set ast.SelectionSet) (cost int) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			cost = add(cost, w.field(s))
		case *ast.InlineFragment:
			cost = add(cost, w.selection(s.SelectionSet))
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
			cost = add(cost, w.selection(f.SelectionSet))
			delete(w.seen, s.Name)
		}
	}
	return cost
}

func (w *walker) field(f *ast.Field) int {
	if strings.HasPrefix(f.Name, "__") {
		return 1 // introspection: dev mode only, and not data
	}
	weight := 1
	if f.ObjectDefinition != nil {
		if n, ok := fieldWeights[f.ObjectDefinition.Name+"."+f.Name]; ok {
			weight = n
		}
	}
	if f.Name == "nodes" && f.ObjectDefinition != nil && f.ObjectDefinition.Name == "Query" {
		if n := w.listLen(f, "ids"); n > MaxIDs {
			w.fail(idsError(n))
		}
	}
	if len(f.SelectionSet) == 0 {
		return weight
	}
	childCost := w.selection(f.SelectionSet)
	factor := 1
	switch {
	case isConnection(f):
		n := MaxPageSize
		for _, arg := range []string{"first", "last"} {
			if v, ok := w.intArg(f, arg); ok {
				switch {
				case v < 0:
					w.fail(&gqlerror.Error{
						Message:    fmt.Sprintf("%s på %s må være mellom 0 og %d.", arg, f.Name, MaxPageSize),
						Extensions: map[string]any{"code": varsel.EINVALID, "field": arg},
					})
				case v > MaxPageSize:
					w.fail(limitError(limitPageSize, MaxPageSize, "%s på %s må være mellom 0 og %d.", arg, f.Name, MaxPageSize))
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
	return add(weight, min(factor*childCost, saturated))
}

func isConnection(f *ast.Field) bool {
	return f.Definition != nil && strings.HasSuffix(f.Definition.Type.Name(), "Connection")
}

func (w *walker) intArg(f *ast.Field, name string) (int, bool) {
	v, ok := w.arg(f, name)
	if !ok {
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

// listLen is the length of a list argument, 0 when it is none.
func (w *walker) listLen(f *ast.Field, name string) int {
	v, _ := w.arg(f, name)
	l, _ := v.([]any)
	return len(l)
}

func (w *walker) arg(f *ast.Field, name string) (any, bool) {
	a := f.Arguments.ForName(name)
	if a == nil {
		return nil, false
	}
	v, err := a.Value.Value(w.vars)
	if err != nil || v == nil {
		return nil, false
	}
	return v, true
}

func (w *walker) fail(err *gqlerror.Error) {
	if w.err == nil {
		w.err = err
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
