package graph

import (
	"context"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"varsel"
	"varsel/rules"
)

// inputLimits refuses, once the document is valid and its variables known,
// an argument text that is too long or holds characters that must not be
// stored (rules.CheckText), naming the field — before any resolver runs, so
// nothing is half-stored and no SQL is spent on it. Every text of every
// argument is checked, in the document or in variables, at any depth, by
// its type in the schema.
type inputLimits struct{ schema *ast.Schema }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = (*inputLimits)(nil)

func (*inputLimits) ExtensionName() string { return "InputLimits" }

func (l *inputLimits) Validate(es graphql.ExecutableSchema) error {
	l.schema = es.Schema()
	return nil
}

func (l *inputLimits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	c := inputChecker{schema: l.schema, doc: oc.Doc, vars: oc.Variables, seen: map[string]bool{}}
	c.selection(oc.Operation.SelectionSet)
	if c.err == nil {
		return nil
	}
	slog.InfoContext(ctx, "GraphQL argument refused", "field", c.err.Field) // the field, never the value (PR6)
	return &gqlerror.Error{
		Message:    "Ugyldig verdi i feltet «" + c.err.Field + "». " + c.err.Message,
		Extensions: map[string]any{"code": varsel.EINVALID, "field": c.err.Field},
	}
}

// lineFields are the input fields and arguments that hold one line; every
// other String is written reasoning or a description (rules.Paragraphs).
var lineFields = map[string]bool{
	"name": true, "nationalIdentityNumber": true, "convictNationalIdentityNumber": true,
	"addressLine": true, "postalCode": true, "postalPlace": true, "country": true,
	"caseNumber": true, "institution": true, "decidedByName": true, "sourceName": true,
	"source": true, "register": true, "recipient": true, "area": true, "relationship": true,
}

// textKind is the kind of a String under key, an argument's or an input
// field's name. (IDs and cursors are told by their types, in checkScalar.)
func textKind(key string) rules.TextKind {
	if lineFields[key] {
		return rules.Line
	}
	return rules.Paragraphs
}

type inputChecker struct {
	schema *ast.Schema
	doc    *ast.QueryDocument
	vars   map[string]any
	seen   map[string]bool // fragments visited
	err    *rules.InputError
}

func (c *inputChecker) selection(set ast.SelectionSet) {
	for _, s := range set {
		if c.err != nil {
			return
		}
		switch s := s.(type) {
		case *ast.Field:
			for _, arg := range s.Arguments {
				v, err := arg.Value.Value(c.vars)
				if err != nil || arg.Value.ExpectedType == nil {
					continue // validation has refused what does not resolve
				}
				c.value(arg.Name, arg.Name, v, arg.Value.ExpectedType)
			}
			c.selection(s.SelectionSet)
		case *ast.InlineFragment:
			c.selection(s.SelectionSet)
		case *ast.FragmentSpread:
			if c.seen[s.Name] {
				continue
			}
			c.seen[s.Name] = true
			if f := c.doc.Fragments.ForName(s.Name); f != nil {
				c.selection(f.SelectionSet)
			}
		}
	}
}

// value checks v of type typ, found under key at path (dotted, list
// indexes included: conditions.0.description).
func (c *inputChecker) value(path, key string, v any, typ *ast.Type) {
	if c.err != nil || v == nil {
		return
	}
	if typ.Elem != nil {
		if list, ok := v.([]any); ok {
			for i, e := range list {
				c.value(path+"."+strconv.Itoa(i), key, e, typ.Elem)
			}
		} else {
			c.value(path, key, v, typ.Elem) // one value given for a list
		}
		return
	}
	switch v := v.(type) {
	case map[string]any:
		def := c.schema.Types[typ.NamedType]
		if def == nil || def.Kind != ast.InputObject {
			return
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys) // the first fault by name, the same every time
		for _, k := range keys {
			if f := def.Fields.ForName(k); f != nil {
				c.value(path+"."+k, k, v[k], f.Type)
			}
		}
	case string:
		c.err = checkScalar(fieldName(path), key, typ.NamedType, v)
	}
}

// checkScalar checks a text of the named scalar type: the years of dates
// and times (so that they are refused before any SQL, as the scalars would
// refuse them later), the length and characters of every other text.
func checkScalar(field, key, typeName, v string) *rules.InputError {
	var (
		t   time.Time
		err error
	)
	switch typeName {
	case "Date":
		t, err = time.Parse(time.DateOnly, v)
	case "Time":
		t, err = time.Parse(time.RFC3339Nano, v)
	case "ID":
		return rules.CheckText(field, v, rules.Identifier)
	case "Cursor":
		return rules.CheckText(field, v, rules.Line)
	case "String":
		return rules.CheckText(field, v, textKind(key))
	default:
		return nil // enums and the rest: validated against the schema already
	}
	if err != nil {
		return nil // the scalar refuses it with its own message
	}
	if e := rules.CheckYear(t.UTC()); e != nil {
		e.Field = field
		return e
	}
	return nil
}

// fieldName is how refusals name an argument's field: below the argument
// "input", by the input's own field names ("person.name"), as the rules'
// refusals do; other arguments by their names.
func fieldName(path string) string {
	if rest, ok := strings.CutPrefix(path, "input."); ok {
		return rest
	}
	return path
}
