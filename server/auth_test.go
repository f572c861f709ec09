package server_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// devKey reads the dev identity provider's signing key, to forge tokens the
// way an attacker who knows the format (not the key) or a misconfigured
// provider would.
func devKey(t *testing.T, ts *testServer) *rsa.PrivateKey {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(ts.cfg.DataDir, "dev-oidc-key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(b)
	if block == nil {
		t.Fatal("no PEM block in the dev key file")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return k.(*rsa.PrivateKey)
}

// claimsOf decodes a JWT's payload without verifying it.
func claimsOf(t *testing.T, token string) map[string]any {
	t.Helper()
	parts := strings.Split(token, ".")
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var c map[string]any
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func sign(t *testing.T, alg jose.SignatureAlgorithm, key any, kid string, claims map[string]any) string {
	t.Helper()
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: key},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", kid))
	if err != nil {
		t.Fatal(err)
	}
	tok, err := jwt.Signed(signer).Claims(claims).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// unsigned builds a token with "alg": "none".
func unsigned(claims map[string]any) string {
	h, _ := json.Marshal(map[string]string{"alg": "none", "typ": "JWT"})
	c, _ := json.Marshal(claims)
	return base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(c) + "."
}

// kidOf returns the key id in a JWT's header.
func kidOf(t *testing.T, token string) string {
	t.Helper()
	b, _ := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[0])
	var h map[string]any
	json.Unmarshal(b, &h)
	kid, _ := h["kid"].(string)
	return kid
}

// PR5 and the platform issue: only valid tokens from the configured issuer,
// for Varsel's audience, signed with an allowed algorithm by the issuer's key,
// within their validity, reach the API. Everything else is 401.
func TestTokensAreVerified(t *testing.T) {
	ts := startServer(t, dialect.SQLite)
	good := ts.token("saksbehandler")
	key := devKey(t, ts)
	kid := kidOf(t, good)
	base := claimsOf(t, good)
	with := func(changes map[string]any) map[string]any {
		c := map[string]any{}
		for k, v := range base {
			c[k] = v
		}
		for k, v := range changes {
			c[k] = v
		}
		return c
	}
	now := time.Now()
	otherKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pubDER := x509.MarshalPKCS1PublicKey(&key.PublicKey)
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: pubDER})

	cases := []struct {
		name  string
		token string
	}{
		{"no token", ""},
		{"not a JWT", "not-a-token"},
		{"expired", sign(t, jose.RS256, key, kid, with(map[string]any{"exp": now.Add(-time.Minute).Unix(), "iat": now.Add(-time.Hour).Unix()}))},
		{"not yet valid", sign(t, jose.RS256, key, kid, with(map[string]any{"nbf": now.Add(time.Hour).Unix()}))},
		{"from another issuer", sign(t, jose.RS256, key, kid, with(map[string]any{"iss": "https://evil.example/oidc"}))},
		{"for another audience", sign(t, jose.RS256, key, kid, with(map[string]any{"aud": []string{"another-api"}}))},
		{"badly signed", sign(t, jose.RS256, otherKey, kid, base)},
		{"tampered payload", tamper(good)},
		{"alg none", unsigned(base)},
		{"HS256 signed with the public key", sign(t, jose.HS256, pubPEM, kid, base)},
		{"HS256 signed with the public key's DER", sign(t, jose.HS256, pubDER, kid, base)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.do(tc.token, `{ me { name } }`, nil)
			if r.Status != http.StatusUnauthorized || r.code() != "UNAUTHENTICATED" || r.Data != nil {
				t.Fatalf("got status %d code %q data %v, want 401 UNAUTHENTICATED without data", r.Status, r.code(), r.Data)
			}
		})
	}
	t.Run("a valid token", func(t *testing.T) {
		if name := get(ts.as("saksbehandler", `{ me { name } }`, nil), "me", "name"); name != "Sara Nilsen" {
			t.Fatalf("me.name = %v", name)
		}
	})
}

// tamper changes the payload of a signed token, keeping its signature.
func tamper(token string) string {
	parts := strings.Split(token, ".")
	b, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var c map[string]any
	json.Unmarshal(b, &c)
	c["roles"] = []string{"ADMIN", "AUDITOR", "CASEWORKER", "DECISION_MAKER"}
	b, _ = json.Marshal(c)
	parts[1] = base64.RawURLEncoding.EncodeToString(b)
	return strings.Join(parts, ".")
}
