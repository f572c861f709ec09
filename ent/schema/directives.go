package schema

import (
	"entgo.io/contrib/entgql"
	"github.com/vektah/gqlparser/v2/ast"

	"varsel"
)

// hasRole is the @hasRole directive (schema.graphql) for generated query
// fields: a second layer over the privacy policies, failing early with
// FORBIDDEN for a role that has no business there.
func hasRole(roles ...varsel.Role) entgql.Directive {
	list := &ast.Value{Kind: ast.ListValue}
	for _, r := range roles {
		list.Children = append(list.Children, &ast.ChildValue{Value: &ast.Value{Kind: ast.EnumValue, Raw: string(r)}})
	}
	return entgql.NewDirective("hasRole", &ast.Argument{Name: "roles", Value: list})
}
