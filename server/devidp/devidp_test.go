package devidp_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"

	"varsel/server/devidp"
)

// provider serves a dev provider at /oidc on a real loopback server.
type provider struct {
	cfg devidp.Config
	srv *httptest.Server
}

func start(t *testing.T, keyFile string) *provider {
	t.Helper()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg := devidp.Config{
		Issuer:                 srv.URL + "/oidc",
		Audience:               "varsel",
		ClientID:               "varsel-spa",
		RedirectURIs:           []string{srv.URL + "/auth/callback"},
		PostLogoutRedirectURIs: []string{srv.URL + "/"},
		Users: []devidp.User{
			{Username: "saksbehandler", Name: "Sara Nilsen", Roles: []string{"CASEWORKER"}, Unit: "oslo-fengsel"},
			{Username: "politi", Name: "Per Olsen", Roles: []string{"POLICE"}, PoliceDistrict: "oslo"},
		},
		Password: "varsel",
		KeyFile:  keyFile,
		Claims:   devidp.Claims{Roles: "roles", Unit: "unit", PoliceDistrict: "police_district"},
	}
	p, err := devidp.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle("/oidc/", p.Handler())
	return &provider{cfg: cfg, srv: srv}
}

// verifier checks tokens the way the API does: discovery, RS256/ES256 only,
// audience "varsel".
func (p *provider) verifier(t *testing.T) *oidc.IDTokenVerifier {
	t.Helper()
	op, err := oidc.NewProvider(context.Background(), p.cfg.Issuer)
	if err != nil {
		t.Fatal(err)
	}
	return op.Verifier(&oidc.Config{ClientID: "varsel", SupportedSigningAlgs: []string{oidc.RS256, oidc.ES256}})
}

type browser struct {
	t *testing.T
	c *http.Client
}

func newBrowser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse // follow by hand, to see each hop
	}}}
}

// follow follows redirects until a page or a stop URL prefix is reached.
func (b *browser) follow(resp *http.Response, stop string) (*http.Response, string) {
	b.t.Helper()
	for resp.StatusCode == http.StatusFound || resp.StatusCode == http.StatusSeeOther {
		loc, err := resp.Location()
		if err != nil {
			b.t.Fatal(err)
		}
		resp.Body.Close()
		if strings.HasPrefix(loc.String(), stop) {
			return nil, loc.String()
		}
		if resp, err = b.c.Get(loc.String()); err != nil {
			b.t.Fatal(err)
		}
	}
	return resp, resp.Request.URL.String()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const verifierString = "a-pkce-code-verifier-that-is-long-enough-1234567890"

func challenge() string {
	sum := sha256.Sum256([]byte(verifierString))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// authorize starts a login as the SPA does and returns the login page.
func (p *provider) authorize(t *testing.T, b *browser, redirect string) (*http.Response, string) {
	t.Helper()
	q := url.Values{
		"client_id": {"varsel-spa"}, "redirect_uri": {redirect}, "response_type": {"code"},
		"scope": {"openid profile"}, "state": {"st4te"}, "nonce": {"n0nce"},
		"code_challenge": {challenge()}, "code_challenge_method": {"S256"},
	}
	resp, err := b.c.Get(p.cfg.Issuer + "/authorize?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	return b.follow(resp, redirect)
}

// login posts the login form and returns where the browser ends up.
func (p *provider) login(t *testing.T, b *browser, page *http.Response, user, password string) (*http.Response, string) {
	t.Helper()
	html := body(t, page)
	i := strings.Index(html, `name="authRequestID" value="`)
	if i < 0 {
		t.Fatalf("no auth request in the login page:\n%s", html)
	}
	id := html[i+len(`name="authRequestID" value="`):]
	id = id[:strings.IndexByte(id, '"')]
	resp, err := b.c.PostForm(p.srv.URL+"/oidc/login", url.Values{"authRequestID": {id}, "username": {user}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	return b.follow(resp, p.cfg.RedirectURIs[0])
}

func (p *provider) exchange(t *testing.T, code string) map[string]any {
	t.Helper()
	resp, err := http.PostForm(p.cfg.Issuer+"/oauth/token", url.Values{
		"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {p.cfg.RedirectURIs[0]},
		"client_id": {"varsel-spa"}, "code_verifier": {verifierString},
	})
	if err != nil {
		t.Fatal(err)
	}
	var tok map[string]any
	if err := json.Unmarshal([]byte(body(t, resp)), &tok); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("token endpoint: %d %v %v", resp.StatusCode, tok, err)
	}
	return tok
}

func claims(t *testing.T, tok *oidc.IDToken) map[string]any {
	t.Helper()
	var c map[string]any
	if err := tok.Claims(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

// A person logs in on the login page; the SPA gets a code, exchanges it with
// PKCE, and the API accepts the access token with the person's roles and unit.
func TestLoginWithAuthorizationCodeAndPKCE(t *testing.T) {
	p := start(t, filepath.Join(t.TempDir(), "key.pem"))
	b := newBrowser(t)
	page, _ := p.authorize(t, b, p.cfg.RedirectURIs[0])
	if page == nil || page.StatusCode != http.StatusOK {
		t.Fatal("no login page")
	}
	_, back := p.login(t, b, page, "saksbehandler", "varsel")
	u, _ := url.Parse(back)
	code := u.Query().Get("code")
	if !strings.HasPrefix(back, p.cfg.RedirectURIs[0]) || code == "" || u.Query().Get("state") != "st4te" {
		t.Fatalf("redirected to %s, want the SPA's callback with a code and the state", back)
	}
	tok := p.exchange(t, code)
	access, err := p.verifier(t).Verify(context.Background(), tok["access_token"].(string))
	if err != nil {
		t.Fatalf("the API would refuse the access token: %v", err)
	}
	c := claims(t, access)
	if access.Subject != "saksbehandler" || c["unit"] != "oslo-fengsel" || c["name"] != "Sara Nilsen" ||
		!slices.Equal(toStrings(c["roles"]), []string{"CASEWORKER"}) || !slices.Contains(access.Audience, "varsel") {
		t.Fatalf("access token claims = %v", c)
	}
	if _, ok := tok["id_token"].(string); !ok {
		t.Fatalf("no ID token: %v", tok)
	}
	// The code is single use.
	resp, _ := http.PostForm(p.cfg.Issuer+"/oauth/token", url.Values{
		"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {p.cfg.RedirectURIs[0]},
		"client_id": {"varsel-spa"}, "code_verifier": {verifierString},
	})
	if resp.StatusCode == http.StatusOK {
		t.Fatal("a code was exchanged twice")
	}
}

func TestWrongPasswordIssuesNoCode(t *testing.T) {
	p := start(t, filepath.Join(t.TempDir(), "key.pem"))
	b := newBrowser(t)
	page, _ := p.authorize(t, b, p.cfg.RedirectURIs[0])
	resp, where := p.login(t, b, page, "saksbehandler", "feil")
	if resp == nil || strings.Contains(where, "code=") {
		t.Fatalf("wrong password led to %s", where)
	}
	if html := body(t, resp); !strings.Contains(html, "Feil brukernavn eller passord.") || !strings.Contains(html, `lang="nb"`) {
		t.Fatalf("login page after a wrong password:\n%s", html)
	}
}

// An unregistered redirect URI or an unknown client never gets a login page.
func TestUnknownClientOrRedirectIsRefused(t *testing.T) {
	p := start(t, filepath.Join(t.TempDir(), "key.pem"))
	b := newBrowser(t)
	resp, where := p.authorize(t, b, "http://evil.example/callback")
	if resp != nil && strings.Contains(body(t, resp), `name="password"`) || strings.HasPrefix(where, "http://evil.example") {
		t.Fatalf("an unregistered redirect URI reached %s", where)
	}
	r, err := b.c.Get(p.cfg.Issuer + "/authorize?client_id=someone-else&response_type=code&scope=openid&redirect_uri=" +
		url.QueryEscape(p.cfg.RedirectURIs[0]))
	if err != nil {
		t.Fatal(err)
	}
	r, _ = b.follow(r, p.cfg.RedirectURIs[0]+"?code")
	if r != nil && strings.Contains(body(t, r), `name="password"`) {
		t.Fatal("an unknown client got a login page")
	}
}

// MintAccessToken (varsel devtoken) gives the same claims as a login, and a
// provider restarted on the same key file still accepts it.
func TestMintedTokensMatchLoginTokensAndSurviveRestart(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "key.pem")
	first := start(t, keyFile)
	tok, err := devidp.MintAccessToken(first.cfg, "politi")
	if err != nil {
		t.Fatal(err)
	}
	minted, err := first.verifier(t).Verify(context.Background(), tok)
	if err != nil {
		t.Fatal(err)
	}
	c := claims(t, minted)
	if minted.Subject != "politi" || c["police_district"] != "oslo" || c["unit"] != nil ||
		!slices.Equal(toStrings(c["roles"]), []string{"POLICE"}) || c["preferred_username"] != "politi" {
		t.Fatalf("minted claims = %v", c)
	}
	if _, err := devidp.MintAccessToken(first.cfg, "nobody"); err == nil {
		t.Fatal("minted a token for an unknown user")
	}

	second := start(t, keyFile)
	again, err := devidp.MintAccessToken(second.cfg, "politi")
	if err != nil {
		t.Fatal(err)
	}
	k1, k2 := keyID(t, tok), keyID(t, again)
	if k1 != k2 || k1 == "" {
		t.Fatalf("key ids %q and %q: the key was not reused", k1, k2)
	}
	if _, err := second.verifier(t).Verify(context.Background(), again); err != nil {
		t.Fatal(err)
	}
}

func keyID(t *testing.T, token string) string {
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[0])
	if err != nil {
		t.Fatal(err)
	}
	var h struct {
		Kid string `json:"kid"`
	}
	json.Unmarshal(b, &h)
	return h.Kid
}

func toStrings(v any) []string {
	var out []string
	l, _ := v.([]any)
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}
