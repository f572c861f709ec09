// Package devidp is a real OpenID Connect provider for dev mode only, built on
// zitadel/oidc: discovery, keys, authorization code with PKCE, JWT access
// tokens, userinfo, logout, and a login page for the seeded users. Production
// uses the organisation's own identity provider; nothing here runs there.
package devidp

import (
	"context"
	stdcrypto "crypto"
	"crypto/rand"
	"crypto/rsa"
	_ "crypto/sha256" // for the key id thumbprint
	"crypto/subtle"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/crypto"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/text/language"
)

// User is a seeded dev-mode account. Its subject is its username.
type User struct {
	Username       string
	Name           string
	Roles          []string
	Unit           string // unit code, or ""
	PoliceDistrict string // police district code, or ""
}

// Claims are the names of the private claims Varsel reads.
type Claims struct{ Roles, Unit, PoliceDistrict string }

// Config configures the provider.
type Config struct {
	Issuer                 string // the provider is served under this URL's path
	Audience               string // the API audience put in access tokens
	ClientID               string // the SPA's public client (code + PKCE, no secret)
	RedirectURIs           []string
	PostLogoutRedirectURIs []string
	Users                  []User
	Password               string // one shared dev password
	KeyFile                string // RSA signing key (PEM); created when missing
	Claims                 Claims
	AccessTokenTTL         time.Duration // 1 hour when zero
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
	key, err := loadOrCreateKey(cfg.KeyFile)
	if err != nil {
		return nil, err
	}
	issuer, err := url.Parse(cfg.Issuer)
	if err != nil || issuer.Host == "" {
		return nil, fmt.Errorf("devidp: bad issuer %q", cfg.Issuer)
	}
	p := &Provider{cfg: cfg, prefix: strings.TrimSuffix(issuer.Path, "/")}
	p.storage = newStorage(cfg, key, p.prefix+"/login")
	var cryptoKey [32]byte
	if _, err := rand.Read(cryptoKey[:]); err != nil {
		return nil, err
	}
	p.op, err = op.NewOpenIDProvider(cfg.Issuer, &op.Config{
		CryptoKey:                cryptoKey,
		DefaultLogoutRedirectURI: p.prefix + "/logged-out",
		CodeMethodS256:           true,
		SupportedUILocales:       []language.Tag{language.Norwegian},
	}, p.storage, op.WithAllowInsecure()) // plain http on loopback: dev mode only
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	callback := op.NewIssuerInterceptor(p.op.IssuerFromRequest)
	mux.HandleFunc("GET /login", p.loginPage)
	mux.Handle("POST /login", callback.HandlerFunc(p.login))
	mux.HandleFunc("GET /logged-out", loggedOut)
	mux.Handle("/", p.op)
	p.handler = http.StripPrefix(p.prefix, mux)
	return p, nil
}

// Handler serves the provider. Mount it at the issuer's path, e.g.
// mux.Handle("/oidc/", p.Handler()); request paths keep that prefix.
func (p *Provider) Handler() http.Handler { return p.handler }

// MintAccessToken returns a signed access token for a seeded user with the
// same claims a token from the login flow carries. It loads the key from
// cfg.KeyFile, so a separate process (`varsel devtoken`) mints tokens the
// running server accepts.
func MintAccessToken(cfg Config, username string) (string, error) {
	u, ok := cfg.user(username)
	if !ok {
		return "", fmt.Errorf("devidp: no seeded user %q", username)
	}
	key, err := loadOrCreateKey(cfg.KeyFile)
	if err != nil {
		return "", err
	}
	claims := oidc.NewAccessTokenClaims(cfg.Issuer, u.Username, audience(cfg),
		time.Now().Add(cfg.ttl()), randomID(), cfg.ClientID, 0)
	claims.Claims = cfg.privateClaims(u)
	signer, err := op.SignerFromKey(key)
	if err != nil {
		return "", err
	}
	return crypto.Sign(claims, signer)
}

// audience is who access tokens are for: the API first, and the SPA.
func audience(cfg Config) []string { return []string{cfg.Audience, cfg.ClientID} }

// signingKey is the provider's RSA key, with a key id derived from it.
type signingKey struct {
	id  string
	key *rsa.PrivateKey
}

func (k *signingKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k *signingKey) Key() any                                    { return k.key }
func (k *signingKey) ID() string                                  { return k.id }

// publicKey is the key set's view of the signing key.
type publicKey struct{ *signingKey }

func (k publicKey) Algorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k publicKey) Use() string                        { return "sig" }
func (k publicKey) Key() any                           { return &k.key.PublicKey }

// loadOrCreateKey reads the PEM key at path, or creates one there.
func loadOrCreateKey(path string) (*signingKey, error) {
	b, err := os.ReadFile(path)
	var key *rsa.PrivateKey
	switch {
	case err == nil:
		block, _ := pem.Decode(b)
		if block == nil {
			return nil, fmt.Errorf("devidp: %s holds no PEM key", path)
		}
		parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("devidp: %s: %w", path, err)
		}
		var ok bool
		if key, ok = parsed.(*rsa.PrivateKey); !ok {
			return nil, fmt.Errorf("devidp: %s is not an RSA key", path)
		}
	case errors.Is(err, os.ErrNotExist):
		if key, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
			return nil, err
		}
		der, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, err
		}
		pemBytes := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
		if err := writeNew(path, pemBytes); err != nil {
			if !errors.Is(err, os.ErrExist) {
				return nil, err
			}
			return loadOrCreateKey(path) // another process wrote it first
		}
	default:
		return nil, err
	}
	thumb, err := (&jose.JSONWebKey{Key: &key.PublicKey}).Thumbprint(stdcrypto.SHA256)
	if err != nil {
		return nil, err
	}
	return &signingKey{id: base64.RawURLEncoding.EncodeToString(thumb), key: key}, nil
}

// writeNew writes a file that must not exist yet, readable by the owner only.
func writeNew(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func randomID() string {
	var b [16]byte
	rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// checkPassword compares in constant time.
func (p *Provider) checkPassword(username, password string) (User, bool) {
	u, known := p.cfg.user(username)
	ok := subtle.ConstantTimeCompare([]byte(password), []byte(p.cfg.Password)) == 1
	return u, known && ok
}

// storage is the provider's in-memory state: auth requests, codes, tokens.
type storage struct {
	cfg      Config
	key      *signingKey
	loginURL string

	mu       sync.Mutex
	requests map[string]*authRequest
	codes    map[string]string // code → auth request id
	tokens   map[string]token  // access token id → token
}

type token struct {
	subject, clientID string
	expires           time.Time
}

func newStorage(cfg Config, key *signingKey, loginURL string) *storage {
	return &storage{cfg: cfg, key: key, loginURL: loginURL,
		requests: map[string]*authRequest{}, codes: map[string]string{}, tokens: map[string]token{}}
}

var _ op.Storage = (*storage)(nil)

func (s *storage) CreateAuthRequest(_ context.Context, req *oidc.AuthRequest, userID string) (op.AuthRequest, error) {
	if len(req.Prompt) == 1 && req.Prompt[0] == oidc.PromptNone {
		return nil, oidc.ErrLoginRequired()
	}
	r := &authRequest{
		id: randomID(), created: time.Now(), clientID: req.ClientID, redirectURI: req.RedirectURI,
		state: req.State, nonce: req.Nonce, scopes: req.Scopes, responseType: req.ResponseType,
		responseMode: req.ResponseMode, subject: userID, audience: audience(s.cfg),
	}
	if req.CodeChallenge != "" {
		r.challenge = &oidc.CodeChallenge{Challenge: req.CodeChallenge, Method: req.CodeChallengeMethod}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[r.id] = r
	return r, nil
}

func (s *storage) AuthRequestByID(_ context.Context, id string) (op.AuthRequest, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.requests[id]
	if !ok || time.Since(r.created) > 15*time.Minute {
		return nil, errors.New("devidp: auth request not found or expired")
	}
	return r, nil
}

func (s *storage) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	s.mu.Lock()
	id, ok := s.codes[code]
	s.mu.Unlock()
	if !ok {
		return nil, errors.New("devidp: invalid code")
	}
	return s.AuthRequestByID(ctx, id)
}

func (s *storage) SaveAuthCode(_ context.Context, id, code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.codes[code] = id
	return nil
}

func (s *storage) DeleteAuthRequest(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.requests, id)
	for code, rid := range s.codes {
		if rid == id {
			delete(s.codes, code)
		}
	}
	return nil
}

// completeLogin marks the auth request as authenticated for the user.
func (s *storage) completeLogin(id, subject string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.requests[id]
	if !ok {
		return errors.New("devidp: auth request not found")
	}
	r.subject, r.done, r.authTime = subject, true, time.Now()
	return nil
}

func (s *storage) CreateAccessToken(_ context.Context, req op.TokenRequest) (string, time.Time, error) {
	clientID := s.cfg.ClientID
	if r, ok := req.(*authRequest); ok {
		clientID = r.clientID
	}
	id, exp := randomID(), time.Now().Add(s.cfg.ttl())
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[id] = token{subject: req.GetSubject(), clientID: clientID, expires: exp}
	return id, exp, nil
}

func (s *storage) CreateAccessAndRefreshTokens(context.Context, op.TokenRequest, string) (string, string, time.Time, error) {
	return "", "", time.Time{}, errors.New("devidp: refresh tokens are not issued")
}

func (s *storage) TokenRequestByRefreshToken(context.Context, string) (op.RefreshTokenRequest, error) {
	return nil, op.ErrInvalidRefreshToken
}

func (s *storage) TerminateSession(_ context.Context, userID, clientID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, t := range s.tokens {
		if t.subject == userID && t.clientID == clientID {
			delete(s.tokens, id)
		}
	}
	return nil
}

func (s *storage) GetRefreshTokenInfo(context.Context, string, string) (string, string, error) {
	return "", "", op.ErrInvalidRefreshToken
}

func (s *storage) RevokeToken(_ context.Context, tokenID, _, _ string) *oidc.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.tokens, tokenID)
	return nil
}

func (s *storage) SigningKey(context.Context) (op.SigningKey, error) { return s.key, nil }

func (s *storage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

func (s *storage) KeySet(context.Context) ([]op.Key, error) {
	return []op.Key{publicKey{s.key}}, nil
}

func (s *storage) GetClientByClientID(_ context.Context, clientID string) (op.Client, error) {
	if clientID != s.cfg.ClientID {
		return nil, fmt.Errorf("devidp: unknown client %q", clientID)
	}
	return &client{cfg: s.cfg, loginURL: s.loginURL}, nil
}

func (s *storage) AuthorizeClientIDSecret(context.Context, string, string) error {
	return errors.New("devidp: the SPA is a public client without a secret")
}

func (s *storage) SetUserinfoFromScopes(context.Context, *oidc.UserInfo, string, string, []string) error {
	return nil // superseded by SetUserinfoFromRequest
}

// SetUserinfoFromRequest fills the ID token's claims.
func (s *storage) SetUserinfoFromRequest(_ context.Context, info *oidc.UserInfo, req op.IDTokenRequest, scopes []string) error {
	return s.userinfo(info, req.GetSubject(), scopes)
}

func (s *storage) SetUserinfoFromToken(_ context.Context, info *oidc.UserInfo, tokenID, subject, _ string) error {
	s.mu.Lock()
	t, ok := s.tokens[tokenID]
	s.mu.Unlock()
	if !ok || time.Now().After(t.expires) {
		return errors.New("devidp: token not found or expired")
	}
	return s.userinfo(info, t.subject, []string{oidc.ScopeOpenID, oidc.ScopeProfile})
}

func (s *storage) userinfo(info *oidc.UserInfo, subject string, scopes []string) error {
	u, ok := s.cfg.user(subject)
	if !ok {
		return fmt.Errorf("devidp: no user %q", subject)
	}
	info.Subject = u.Username
	for _, scope := range scopes {
		if scope == oidc.ScopeProfile {
			info.Name, info.PreferredUsername = u.Name, u.Username
			info.Locale = oidc.NewLocale(language.Norwegian)
		}
	}
	return nil
}

func (s *storage) SetIntrospectionFromToken(_ context.Context, r *oidc.IntrospectionResponse, tokenID, subject, clientID string) error {
	s.mu.Lock()
	t, ok := s.tokens[tokenID]
	s.mu.Unlock()
	if !ok || time.Now().After(t.expires) {
		return nil // inactive
	}
	r.Active, r.Subject, r.ClientID = true, t.subject, t.clientID
	return nil
}

// GetPrivateClaimsFromScopes puts the roles, unit and police district into
// access tokens.
func (s *storage) GetPrivateClaimsFromScopes(_ context.Context, userID, _ string, _ []string) (map[string]any, error) {
	u, ok := s.cfg.user(userID)
	if !ok {
		return nil, fmt.Errorf("devidp: no user %q", userID)
	}
	return s.cfg.privateClaims(u), nil
}

func (s *storage) GetKeyByIDAndClientID(context.Context, string, string) (*jose.JSONWebKey, error) {
	return nil, errors.New("devidp: JWT profile grants are not supported")
}

func (s *storage) ValidateJWTProfileScopes(context.Context, string, []string) ([]string, error) {
	return nil, errors.New("devidp: JWT profile grants are not supported")
}

func (s *storage) Health(context.Context) error { return nil }

// authRequest is one authorization request, from /authorize to the code exchange.
type authRequest struct {
	id, clientID, redirectURI, state, nonce, subject string
	scopes                                           []string
	audience                                         []string
	responseType                                     oidc.ResponseType
	responseMode                                     oidc.ResponseMode
	challenge                                        *oidc.CodeChallenge
	created, authTime                                time.Time
	done                                             bool
}

func (r *authRequest) GetID() string                         { return r.id }
func (r *authRequest) GetACR() string                        { return "" }
func (r *authRequest) GetAMR() []string                      { return []string{"pwd"} }
func (r *authRequest) GetAudience() []string                 { return r.audience }
func (r *authRequest) GetAuthTime() time.Time                { return r.authTime }
func (r *authRequest) GetClientID() string                   { return r.clientID }
func (r *authRequest) GetCodeChallenge() *oidc.CodeChallenge { return r.challenge }
func (r *authRequest) GetNonce() string                      { return r.nonce }
func (r *authRequest) GetRedirectURI() string                { return r.redirectURI }
func (r *authRequest) GetResponseType() oidc.ResponseType    { return r.responseType }
func (r *authRequest) GetResponseMode() oidc.ResponseMode    { return r.responseMode }
func (r *authRequest) GetScopes() []string                   { return r.scopes }
func (r *authRequest) GetState() string                      { return r.state }
func (r *authRequest) GetSubject() string                    { return r.subject }
func (r *authRequest) Done() bool                            { return r.done }

// client is the SPA: a public browser client using the code flow with PKCE.
type client struct {
	cfg      Config
	loginURL string
}

func (c *client) GetID() string                       { return c.cfg.ClientID }
func (c *client) RedirectURIs() []string              { return c.cfg.RedirectURIs }
func (c *client) PostLogoutRedirectURIs() []string    { return c.cfg.PostLogoutRedirectURIs }
func (c *client) ApplicationType() op.ApplicationType { return op.ApplicationTypeUserAgent }
func (c *client) AuthMethod() oidc.AuthMethod         { return oidc.AuthMethodNone }
func (c *client) ResponseTypes() []oidc.ResponseType {
	return []oidc.ResponseType{oidc.ResponseTypeCode}
}
func (c *client) GrantTypes() []oidc.GrantType { return []oidc.GrantType{oidc.GrantTypeCode} }
func (c *client) LoginURL(id string) string {
	return c.loginURL + "?authRequestID=" + url.QueryEscape(id)
}
func (c *client) AccessTokenType() op.AccessTokenType { return op.AccessTokenTypeJWT }
func (c *client) IDTokenLifetime() time.Duration      { return c.cfg.ttl() }
func (c *client) DevMode() bool                       { return true } // http redirect URIs on loopback
func (c *client) IsScopeAllowed(string) bool          { return false }
func (c *client) IDTokenUserinfoClaimsAssertion() bool {
	return true // put name and username in the ID token: the SPA shows them
}
func (c *client) ClockSkew() time.Duration { return 0 }
func (c *client) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
func (c *client) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
