// Package dbtest gives tests real databases: a fresh SQLite file, or a fresh
// PostgreSQL database on the server named by TEST_DATABASE_URL or on an
// ephemeral cluster the test process starts itself. No mocks.
package dbtest
