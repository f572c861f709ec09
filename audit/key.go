package audit

import (
	"crypto/ed25519"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// KeySize is the least length of the audit secret, in bytes.
const KeySize = 32

// Key is the audit trail's secret, kept outside the database
// (VARSEL_AUDIT_KEY or VARSEL_AUDIT_KEY_FILE). Two keys are derived from it:
// the HMAC key of the chain, so that nobody without it can compute a row's
// hash, and the Ed25519 key that signs checkpoints. One secret to keep
// instead of two; the checkpoints' public key can still be handed out.
//
// Keys are rotated by starting the server with a new key and the old ones as
// retired (VARSEL_AUDIT_RETIRED_KEYS): new rows and checkpoints are written
// with the new key, and the older ones still verify with the key they name
// — but only in the order the keys were used, so that whoever holds a
// retired key cannot write rows after the new key took over (see WithRetired).
type Key struct {
	mac    []byte
	signer ed25519.PrivateKey
	id     string
	// retired are the keys used before this one, oldest first: they verify
	// what was written with them, and write nothing.
	retired []*Key
}

// NewKey derives the chain's keys from secret (at least KeySize bytes).
func NewKey(secret []byte) (*Key, error) {
	if len(secret) < KeySize {
		return nil, fmt.Errorf("audit: the key must be at least %d bytes, got %d", KeySize, len(secret))
	}
	mac, err := hkdf.Key(sha256.New, secret, nil, "varsel audit chain hmac-sha256 v1", 32)
	if err != nil {
		return nil, err
	}
	seed, err := hkdf.Key(sha256.New, secret, nil, "varsel audit checkpoint ed25519 v1", ed25519.SeedSize)
	if err != nil {
		return nil, err
	}
	signer := ed25519.NewKeyFromSeed(seed)
	sum := sha256.Sum256(signer.Public().(ed25519.PublicKey))
	return &Key{mac: mac, signer: signer, id: hex.EncodeToString(sum[:4])}, nil
}

// ParseKey reads a secret written as hex or base64.
func ParseKey(s string) (*Key, error) {
	s = strings.TrimSpace(s)
	for _, dec := range []func(string) ([]byte, error){
		hex.DecodeString, base64.StdEncoding.DecodeString, base64.RawStdEncoding.DecodeString,
		base64.URLEncoding.DecodeString, base64.RawURLEncoding.DecodeString,
	} {
		if b, err := dec(s); err == nil {
			return NewKey(b)
		}
	}
	return nil, errors.New("audit: the key must be hex or base64")
}

// LoadKeyFile reads the secret from a file (hex or base64).
func LoadKeyFile(path string) (*Key, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := ParseKey(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// EnsureKeyFile reads the secret at path, or creates it with a new random
// secret when there is none (dev mode keeps its key in the data directory).
func EnsureKeyFile(path string) (*Key, error) {
	if _, err := os.Stat(path); err == nil {
		return LoadKeyFile(path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	secret := make([]byte, KeySize)
	rand.Read(secret)
	// Written aside and linked into place, so that a second process starting
	// at the same time reads either no file or the whole of it.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".audit-key-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(hex.EncodeToString(secret) + "\n"); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, os.ErrExist) { // another process was first
			return LoadKeyFile(path)
		}
		return nil, err
	}
	return NewKey(secret)
}

// WithRetired returns the key k with the keys used before it, oldest first:
// the chain's rows and checkpoints written with them verify, and a row
// written with a key older than one before it is refused. It refuses a
// retired key that is k itself or named twice.
func (k *Key) WithRetired(retired ...*Key) (*Key, error) {
	seen := map[string]bool{k.id: true}
	for _, r := range retired {
		if seen[r.id] {
			return nil, fmt.Errorf("audit: the key %s is named twice among the current and retired keys", r.id)
		}
		seen[r.id] = true
	}
	c := *k
	c.retired = make([]*Key, len(retired))
	for i, r := range retired {
		plain := *r
		plain.retired = nil
		c.retired[i] = &plain
	}
	return &c, nil
}

// named is the key with the given ID among k and its retired keys, and its
// rank in the order they were used (the oldest retired key 0, k the last);
// nil when k knows no such key.
func (k *Key) named(id string) (*Key, int) {
	for i, r := range k.retired {
		if r.id == id {
			return r, i
		}
	}
	if id == k.id {
		return k, len(k.retired)
	}
	return nil, -1
}

// ID names the key in rows and messages: the first bytes of the SHA-256 of
// its public checkpoint key. It reveals nothing of the secret.
func (k *Key) ID() string { return k.id }

// PublicKey is the key that verifies checkpoints.
func (k *Key) PublicKey() ed25519.PublicKey { return k.signer.Public().(ed25519.PublicKey) }

func (k *Key) sum(msg []byte) string {
	m := hmac.New(sha256.New, k.mac)
	m.Write(msg)
	return hex.EncodeToString(m.Sum(nil))
}
