package varsel

// Code generation, in dependency order: the ent client and ent.graphql from
// ent/schema, then the GraphQL executable schema from schema.graphql and
// ent.graphql. Migrations are generated separately (make migrations) because
// they need a PostgreSQL server to diff against.
//go:generate go run -mod=mod ./ent/entc.go
//go:generate go run -mod=mod github.com/99designs/gqlgen
