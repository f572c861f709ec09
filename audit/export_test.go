package audit

import "time"

// LegacyHash is a row's plain SHA-256, as the chain had it before its key —
// and as anyone who has read this code but lacks the key can compute it.
func LegacyHash(seq int64, occurredAt time.Time, actor string, staffID int, operation, action, entityType string, entityID int, prevHash string) string {
	return link{seq, occurredAt, actor, staffID, operation, action, entityType, entityID, prevHash}.legacyHash()
}

// KeyedHash is a row's hash written with key — as whoever holds the key,
// retired or not, can compute it.
func KeyedHash(key *Key, seq int64, occurredAt time.Time, actor string, staffID int, operation, action, entityType string, entityID int, prevHash string) string {
	return link{seq, occurredAt, actor, staffID, operation, action, entityType, entityID, prevHash}.hash(key)
}
