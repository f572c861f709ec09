package server

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"

	"varsel"
	"varsel/ent"
	"varsel/ent/policedistrict"
	"varsel/ent/staffmember"
	"varsel/ent/unit"
	"varsel/graph"
)

// signingAlgorithms are the only token algorithms accepted: no "none", no
// HMAC (which would let a public key be used as a shared secret).
var signingAlgorithms = []string{oidc.RS256, oidc.ES256}

// Authenticator turns a bearer token into the request's viewer. Tokens are
// verified with go-oidc against the issuer's discovered keys (providerKeys):
// signature, issuer, audience, expiry and not-before.
type Authenticator struct {
	verifier *oidc.IDTokenVerifier
	client   *ent.Client
	claims   OIDCConfig
	now      func() time.Time

	mu    sync.Mutex
	cache map[[32]byte]cachedViewer // by token hash: verify and look up once
}

type cachedViewer struct {
	viewer *varsel.Viewer
	until  time.Time
}

// viewerCacheTTL bounds how long a change in the staff registry (a person
// moved to another unit, deactivated) takes to reach signed-in sessions.
const viewerCacheTTL = 30 * time.Second

// NewAuthenticator discovers the issuer's configuration and keys. discoveryURL
// is where to fetch them when it differs from the issuer (dev mode fetches
// over loopback); empty means the issuer itself.
func NewAuthenticator(ctx context.Context, cfg OIDCConfig, discoveryURL string, client *ent.Client) (*Authenticator, error) {
	if discoveryURL != "" && discoveryURL != cfg.Issuer {
		ctx = oidc.InsecureIssuerURLContext(ctx, cfg.Issuer)
	} else {
		discoveryURL = cfg.Issuer
	}
	provider, err := oidc.NewProvider(ctx, discoveryURL)
	if err != nil {
		return nil, fmt.Errorf("OIDC issuer %s cannot be reached or is not an OIDC provider: %w", cfg.Issuer, err)
	}
	var meta struct {
		JWKSURL string `json:"jwks_uri"`
	}
	if err := provider.Claims(&meta); err != nil || meta.JWKSURL == "" {
		return nil, fmt.Errorf("OIDC issuer %s publishes no jwks_uri", cfg.Issuer)
	}
	a := &Authenticator{client: client, claims: cfg, now: time.Now, cache: map[[32]byte]cachedViewer{}}
	keys, err := newProviderKeys(ctx, meta.JWKSURL, func() time.Time { return a.now() })
	if err != nil {
		return nil, fmt.Errorf("OIDC issuer %s: %w", cfg.Issuer, err)
	}
	a.verifier = oidc.NewVerifier(cfg.Issuer, keys, &oidc.Config{
		ClientID:             cfg.Audience,
		SupportedSigningAlgs: signingAlgorithms,
		Now:                  func() time.Time { return a.now() },
	})
	return a, nil
}

// errUnauthenticated is what the client learns about a bad token: nothing
// more (the reason goes to the log).
var errUnauthenticated = errors.New("unauthenticated")

// Viewer verifies raw and returns the viewer it names.
func (a *Authenticator) Viewer(ctx context.Context, raw string) (*varsel.Viewer, error) {
	key := sha256.Sum256([]byte(raw))
	now := a.now()
	a.mu.Lock()
	c, ok := a.cache[key]
	a.mu.Unlock()
	if ok && now.Before(c.until) {
		return c.viewer, nil
	}
	tok, err := a.verifier.Verify(ctx, raw)
	if err != nil {
		slog.InfoContext(ctx, "bearer token refused", "reason", err.Error())
		return nil, errUnauthenticated
	}
	var claims map[string]any
	if err := tok.Claims(&claims); err != nil {
		return nil, errUnauthenticated
	}
	v, err := a.viewerFrom(ctx, tok.Subject, claims)
	if err != nil {
		return nil, err
	}
	until := now.Add(viewerCacheTTL)
	if tok.Expiry.Before(until) {
		until = tok.Expiry
	}
	a.mu.Lock()
	if len(a.cache) > 10_000 { // tokens of a working day; drop them all rather than grow
		clear(a.cache)
	}
	a.cache[key] = cachedViewer{viewer: v, until: until}
	a.mu.Unlock()
	return v, nil
}

// viewerFrom builds the viewer: roles from the token; name, unit and police
// district from the staff registry, or from the token for people not in it.
func (a *Authenticator) viewerFrom(ctx context.Context, subject string, claims map[string]any) (*varsel.Viewer, error) {
	sys := varsel.SystemContext(ctx)
	v := &varsel.Viewer{Subject: subject, Roles: rolesFrom(claims[a.claims.RolesClaim])}
	v.Name, _ = claims["name"].(string)
	if v.Name == "" {
		v.Name, _ = claims["preferred_username"].(string)
	}

	staff, err := a.client.StaffMember.Query().Where(staffmember.Subject(subject)).
		WithUnit().WithPoliceDistrict().Only(sys)
	switch {
	case ent.IsNotFound(err):
		if code, _ := claims[a.claims.UnitClaim].(string); code != "" {
			if u, err := a.client.Unit.Query().Where(unit.Code(code)).Only(sys); err == nil {
				v.UnitID = u.ID
			}
		}
		if code, _ := claims[a.claims.DistrictClaim].(string); code != "" {
			if d, err := a.client.PoliceDistrict.Query().Where(policedistrict.Code(code)).Only(sys); err == nil {
				v.PoliceDistrictID = d.ID
			}
		}
	case err != nil:
		return nil, err
	case !staff.Active:
		slog.InfoContext(ctx, "bearer token of a deactivated staff member refused", "staff_id", staff.ID)
		return nil, errUnauthenticated
	default:
		v.StaffID, v.Name = staff.ID, staff.Name
		if staff.Edges.Unit != nil {
			v.UnitID = staff.Edges.Unit.ID
		}
		if staff.Edges.PoliceDistrict != nil {
			v.PoliceDistrictID = staff.Edges.PoliceDistrict.ID
		}
	}
	if v.UnitID != 0 {
		if v.UnitIDs, err = unitScope(sys, a.client, v.UnitID); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// rolesFrom reads roles from a claim that is a list or a space-separated
// string, keeping only Varsel's roles.
func rolesFrom(claim any) []varsel.Role {
	var names []string
	switch c := claim.(type) {
	case []any:
		for _, x := range c {
			if s, ok := x.(string); ok {
				names = append(names, s)
			}
		}
	case string:
		names = strings.Fields(c)
	}
	var roles []varsel.Role
	for _, n := range names {
		if r := varsel.Role(strings.ToUpper(n)); r.Valid() {
			roles = append(roles, r)
		}
	}
	return roles
}

// unitScope returns the unit and every unit below it: a region sees its local
// units, the directorate all (PR5).
func unitScope(ctx context.Context, client *ent.Client, unitID int) ([]int, error) {
	units, err := client.Unit.Query().Select(unit.FieldID, unit.FieldParentID, unit.FieldKind).All(ctx)
	if err != nil {
		return nil, err
	}
	children := map[int][]int{}
	for _, u := range units {
		if u.ParentID != nil {
			children[*u.ParentID] = append(children[*u.ParentID], u.ID)
		}
	}
	scope := []int{unitID}
	for i := 0; i < len(scope); i++ {
		scope = append(scope, children[scope[i]]...)
	}
	return scope, nil
}

// Middleware requires a valid bearer token and puts its viewer in the
// request's context. Anything else is 401 with a GraphQL-shaped body.
func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || raw == "" {
			unauthenticated(w, "Du er ikke logget inn.")
			return
		}
		v, err := a.Viewer(r.Context(), strings.TrimSpace(raw))
		switch {
		case errors.Is(err, errUnauthenticated):
			unauthenticated(w, "Innloggingen er ugyldig eller utløpt. Logg inn på nytt.")
			return
		case varsel.Unavailable(err):
			slog.WarnContext(r.Context(), "database unavailable while building the viewer", "err", err)
			unavailable(w)
			return
		case err != nil:
			slog.ErrorContext(r.Context(), "building the viewer failed", "err", err)
			writeError(w, http.StatusInternalServerError, varsel.EINTERNAL, "Det oppstod en intern feil. Prøv igjen, og kontakt brukerstøtte hvis feilen vedvarer.")
			return
		}
		next.ServeHTTP(w, r.WithContext(varsel.NewContext(r.Context(), v)))
	})
}

func unauthenticated(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
	writeError(w, http.StatusUnauthorized, varsel.EUNAUTHENTICATED, msg)
}

// unavailable answers 503 while the database is away, with when to try again.
func unavailable(w http.ResponseWriter) {
	w.Header().Set("Retry-After", graph.RetryAfter)
	writeError(w, http.StatusServiceUnavailable, varsel.EUNAVAILABLE, graph.UnavailableMessage)
}

// writeError answers with a GraphQL-shaped error: a message people read and a code.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{
		"message":    msg,
		"extensions": map[string]any{"code": code},
	}}})
}
