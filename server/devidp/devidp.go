// Package devidp is a real OpenID Connect provider for dev mode only, built on
// zitadel/oidc: discovery, keys, authorization code with PKCE, JWT access
// tokens, userinfo, logout, and a login page for the seeded users. Production
// uses the organisation's own identity provider; nothing here runs there.
package devidp

import (
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/zitadel/oidc/v3/pkg/crypto"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/text/language"
)

// User is a seeded dev-mode account. Its subject is its username.
type User struct {
	Username       string
	Name           string
	Roles          []string // e.g. "CASEWORKER", "POLICE"
	Unit           string   // unit code, or ""
	PoliceDistrict string   // police district code, or ""
}

// Claims are the names of the private claims Varsel reads.
type Claims struct{ Roles, Unit, PoliceDistrict string }

// Config configures the provider.
type Config struct {
	Issuer                 string // e.g. http://127.0.0.1:8080/oidc; the provider is served under its path
	Audience               string // the API audience put in access tokens
	ClientID               string // the SPA's public client (code + PKCE, no secret)
	RedirectURIs           []string
	PostLogoutRedirectURIs []string
	Users                  []User
	Password               string // one shared dev password for every user
	KeyFile                string // RSA signing key (PEM); created when missing, reused otherwise
	Claims                 Claims
	AccessTokenTTL         time.Duration // 1 hour when zero
}

// validateTokens checks what signing tokens needs; MintAccessToken needs no more.
func (c Config) validateTokens() error {
	u, err := url.Parse(c.Issuer)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(u.Path, "/"):
		// A trailing slash would make "iss" differ from the URL the API discovers.
		return fmt.Errorf("devidp: issuer %q must be an http(s) URL without query, fragment or trailing slash", c.Issuer)
	case c.Audience == "" || c.ClientID == "":
		return errors.New("devidp: audience and client id are required")
	case c.KeyFile == "":
		return errors.New("devidp: a key file is required")
	case c.Claims.Roles == "" || c.Claims.Unit == "" || c.Claims.PoliceDistrict == "":
		return errors.New("devidp: the roles, unit and police district claim names are required")
	}
	seen := map[string]bool{}
	for _, u := range c.Users {
		if u.Username == "" || seen[u.Username] {
			return fmt.Errorf("devidp: user names must be unique and not empty (%q)", u.Username)
		}
		seen[u.Username] = true
	}
	return nil
}

// validate checks the whole configuration a running provider needs.
func (c Config) validate() error {
	if err := c.validateTokens(); err != nil {
		return err
	}
	if len(c.RedirectURIs) == 0 || c.Password == "" {
		return errors.New("devidp: redirect URIs and the dev password are required")
	}
	return nil
}

func (c Config) ttl() time.Duration {
	if c.AccessTokenTTL > 0 {
		return c.AccessTokenTTL
	}
	return time.Hour
}

func (c Config) user(username string) (User, bool) {
	for _, u := range c.Users {
		if u.Username == username {
			return u, true
		}
	}
	return User{}, false
}

// audience is who access tokens are for: the API, and the SPA that holds them.
func (c Config) audience() []string { return []string{c.Audience, c.ClientID} }

// privateClaims are the claims an access token carries beyond the standard ones.
func (c Config) privateClaims(u User) map[string]any {
	claims := map[string]any{
		c.Claims.Roles:       u.Roles,
		"name":               u.Name,
		"preferred_username": u.Username,
	}
	if u.Unit != "" {
		claims[c.Claims.Unit] = u.Unit
	}
	if u.PoliceDistrict != "" {
		claims[c.Claims.PoliceDistrict] = u.PoliceDistrict
	}
	return claims
}

// bokmal is the login page's language; x/text has no named tag for it.
var bokmal = language.MustParse("nb")

// Provider is a running dev identity provider.
type Provider struct {
	cfg     Config
	prefix  string // the issuer's path, e.g. /oidc
	op      *op.Provider
	storage *storage
	handler http.Handler
}

// New creates the provider, loading or creating its signing key.
func New(cfg Config) (*Provider, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	key, err := loadOrCreateKey(cfg.KeyFile)
	if err != nil {
		return nil, err
	}
	issuer, _ := url.Parse(cfg.Issuer) // validated above
	p := &Provider{cfg: cfg, prefix: issuer.Path}
	p.storage = newStorage(cfg, key, p.prefix+"/login")
	// The key encrypts codes in flight; a fresh one per process is enough
	// because auth requests live in memory only.
	var cryptoKey [32]byte
	rand.Read(cryptoKey[:])
	p.op, err = op.NewOpenIDProvider(cfg.Issuer, &op.Config{
		CryptoKey:                cryptoKey,
		DefaultLogoutRedirectURI: p.prefix + "/logged-out",
		CodeMethodS256:           true,
		SupportedUILocales:       []language.Tag{bokmal},
	}, p.storage, op.WithAllowInsecure()) // plain http on loopback: dev mode only
	if err != nil {
		return nil, fmt.Errorf("devidp: %w", err)
	}
	// zitadel routes by paths relative to the issuer, so the issuer's path is
	// stripped here and the caller mounts the handler at that path unchanged.
	mux := http.NewServeMux()
	mux.HandleFunc("GET /login", p.loginPage)
	mux.Handle("POST /login", op.NewIssuerInterceptor(p.op.IssuerFromRequest).HandlerFunc(p.login))
	mux.HandleFunc("GET /logged-out", loggedOut)
	mux.Handle("/", p.op)
	p.handler = http.StripPrefix(p.prefix, mux)
	return p, nil
}

// Handler serves the whole provider. Mount it at the issuer's path, e.g.
// mux.Handle("/oidc/", p.Handler()); request paths keep that prefix.
func (p *Provider) Handler() http.Handler { return p.handler }

// MintAccessToken returns a signed access token for a seeded user with the
// same claims a token from the login flow carries. It loads the key from
// cfg.KeyFile, so a separate process (`varsel devtoken`) mints tokens the
// running server accepts.
func MintAccessToken(cfg Config, username string) (string, error) {
	if err := cfg.validateTokens(); err != nil {
		return "", err
	}
	u, ok := cfg.user(username)
	if !ok {
		return "", fmt.Errorf("devidp: no seeded user %q", username)
	}
	key, err := loadOrCreateKey(cfg.KeyFile)
	if err != nil {
		return "", err
	}
	claims := oidc.NewAccessTokenClaims(cfg.Issuer, u.Username, cfg.audience(),
		time.Now().Add(cfg.ttl()), randomID(), cfg.ClientID, 0)
	claims.Claims = cfg.privateClaims(u)
	signer, err := op.SignerFromKey(key)
	if err != nil {
		return "", err
	}
	return crypto.Sign(claims, signer)
}
