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
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"

	"varsel/server/devidp"
)

// password is deliberately unlike anything else on the login page, so the
// test can tell that the page does not show it.
const password = "hemmelig-utviklerpassord"

// provider serves a dev provider at its issuer's path on a real loopback server.
type provider struct {
	cfg       devidp.Config
	srv       *http.Client // a plain client for back-channel calls
	base      string
	discovery struct {
		Authorization string `json:"authorization_endpoint"`
		Token         string `json:"token_endpoint"`
		Userinfo      string `json:"userinfo_endpoint"`
		EndSession    string `json:"end_session_endpoint"`
	}
}

func start(t *testing.T, keyFile, path string) *provider {
	t.Helper()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg := devidp.Config{
		Issuer:                 srv.URL + path,
		Audience:               "varsel",
		ClientID:               "varsel-spa",
		RedirectURIs:           []string{srv.URL + "/auth/callback"},
		PostLogoutRedirectURIs: []string{srv.URL + "/"},
		Users: []devidp.User{
			{Username: "saksbehandler", Name: "Sara Nilsen", Roles: []string{"CASEWORKER"}, Unit: "oslo-fengsel"},
			{Username: "politi", Name: "Per Olsen", Roles: []string{"POLICE"}, PoliceDistrict: "oslo"},
		},
		Password: password,
		KeyFile:  keyFile,
		Claims:   devidp.Claims{Roles: "roles", Unit: "unit", PoliceDistrict: "police_district"},
	}
	p, err := devidp.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle(path+"/", p.Handler()) // mounted as the server mounts it: prefix kept
	pr := &provider{cfg: cfg, srv: srv.Client(), base: srv.URL}
	resp, err := http.Get(cfg.Issuer + "/.well-known/openid-configuration")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(body(t, resp)), &pr.discovery); err != nil || pr.discovery.Token == "" {
		t.Fatalf("discovery: %v %+v", err, pr.discovery)
	}
	return pr
}

// verifier checks tokens the way the API does: discovery, RS256/ES256 only,
// the given audience.
func (p *provider) verifier(t *testing.T, audience string) *oidc.IDTokenVerifier {
	t.Helper()
	op, err := oidc.NewProvider(context.Background(), p.cfg.Issuer)
	if err != nil {
		t.Fatal(err)
	}
	return op.Verifier(&oidc.Config{ClientID: audience, SupportedSigningAlgs: []string{oidc.RS256, oidc.ES256}})
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

// follow follows redirects until a page or a URL starting with stop.
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

func authorizeQuery(clientID, redirect string) url.Values {
	return url.Values{
		"client_id": {clientID}, "redirect_uri": {redirect}, "response_type": {"code"},
		"scope": {"openid profile"}, "state": {"st4te"}, "nonce": {"n0nce"},
		"code_challenge": {challenge()}, "code_challenge_method": {"S256"},
	}
}

// authorize starts a login as the SPA does and returns the page the browser
// lands on (nil if it was sent to redirect) and its URL.
func (p *provider) authorize(t *testing.T, b *browser, q url.Values) (*http.Response, string) {
	t.Helper()
	resp, err := b.c.Get(p.discovery.Authorization + "?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	return b.follow(resp, q.Get("redirect_uri"))
}

// login posts the login form found in page and returns where the browser ends up.
func (p *provider) login(t *testing.T, b *browser, page *http.Response, user, password string) (*http.Response, string) {
	t.Helper()
	html := body(t, page)
	i := strings.Index(html, `name="authRequestID" value="`)
	if i < 0 {
		t.Fatalf("no auth request in the login page:\n%s", html)
	}
	id := html[i+len(`name="authRequestID" value="`):]
	id = id[:strings.IndexByte(id, '"')]
	resp, err := b.c.PostForm(p.cfg.Issuer+"/login", url.Values{"authRequestID": {id}, "username": {user}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	return b.follow(resp, p.cfg.RedirectURIs[0])
}

func (p *provider) exchange(code string) (*http.Response, error) {
	return p.srv.PostForm(p.discovery.Token, url.Values{
		"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {p.cfg.RedirectURIs[0]},
		"client_id": {"varsel-spa"}, "code_verifier": {verifierString},
	})
}

// logIn runs the whole browser flow for user and returns the token response.
func (p *provider) logIn(t *testing.T, user string) map[string]any {
	t.Helper()
	b := newBrowser(t)
	page, _ := p.authorize(t, b, authorizeQuery("varsel-spa", p.cfg.RedirectURIs[0]))
	if page == nil || page.StatusCode != http.StatusOK {
		t.Fatal("no login page")
	}
	_, back := p.login(t, b, page, user, password)
	u, _ := url.Parse(back)
	code := u.Query().Get("code")
	if !strings.HasPrefix(back, p.cfg.RedirectURIs[0]+"?") || code == "" || u.Query().Get("state") != "st4te" {
		t.Fatalf("redirected to %s, want the SPA's callback with a code and the state", back)
	}
	resp, err := p.exchange(code)
	if err != nil {
		t.Fatal(err)
	}
	var tok map[string]any
	if err := json.Unmarshal([]byte(body(t, resp)), &tok); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("token endpoint: %d %v %v", resp.StatusCode, tok, err)
	}
	// The code is single use.
	if again, err := p.exchange(code); err != nil || again.StatusCode == http.StatusOK {
		t.Fatalf("a code was exchanged twice: %v", err)
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
// PKCE, and the API accepts the access token with the person's roles and
// unit. Deeper issuer paths are mounted the same way.
func TestLoginWithAuthorizationCodeAndPKCE(t *testing.T) {
	for _, path := range []string{"/oidc", "/dev/idp"} {
		t.Run(path, func(t *testing.T) {
			p := start(t, filepath.Join(t.TempDir(), "key.pem"), path)
			tok := p.logIn(t, "saksbehandler")
			access, err := p.verifier(t, "varsel").Verify(context.Background(), tok["access_token"].(string))
			if err != nil {
				t.Fatalf("the API would refuse the access token: %v", err)
			}
			c := claims(t, access)
			if access.Issuer != p.cfg.Issuer || access.Subject != "saksbehandler" || c["unit"] != "oslo-fengsel" ||
				c["police_district"] != nil || c["name"] != "Sara Nilsen" || c["preferred_username"] != "saksbehandler" ||
				!slices.Equal(toStrings(c["roles"]), []string{"CASEWORKER"}) || !slices.Contains(access.Audience, "varsel") ||
				c["nbf"] == nil || c["iat"] == nil {
				t.Fatalf("access token claims = %v", c)
			}
			if keyID(t, tok["access_token"].(string)) == "" {
				t.Fatal("access token without kid")
			}
			id, err := p.verifier(t, "varsel-spa").Verify(context.Background(), tok["id_token"].(string))
			if err != nil {
				t.Fatalf("the SPA would refuse the ID token: %v", err)
			}
			if c := claims(t, id); id.Nonce != "n0nce" || c["name"] != "Sara Nilsen" || c["preferred_username"] != "saksbehandler" {
				t.Fatalf("ID token claims = %v", c)
			}
		})
	}
}

// The login page is Norwegian, labelled, lists the seeded users and never
// shows the password.
func TestLoginPage(t *testing.T) {
	p := start(t, filepath.Join(t.TempDir(), "key.pem"), "/oidc")
	page, _ := p.authorize(t, newBrowser(t), authorizeQuery("varsel-spa", p.cfg.RedirectURIs[0]))
	if page == nil || page.StatusCode != http.StatusOK {
		t.Fatal("no login page")
	}
	html := body(t, page)
	for _, want := range []string{
		`<html lang="nb">`, "Varsel – innlogging (utviklingsmodus)",
		`<label for="username">Brukernavn</label>`, `<input id="username" name="username" autocomplete="username"`,
		`<label for="password">Passord</label>`, `<input id="password" type="password" name="password"`,
		`<button type="submit">Logg inn</button>`, "README",
		"<td>saksbehandler</td><td>Sara Nilsen</td><td>CASEWORKER</td>", "<td>politi</td>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the login page lacks %q", want)
		}
	}
	if strings.Contains(html, password) {
		t.Error("the login page shows the dev password")
	}
	if strings.Contains(html, "http://") || strings.Contains(html, "https://") {
		t.Error("the login page refers to external assets")
	}

	// A stale link says so instead of offering a form that cannot work.
	resp, err := http.Get(p.cfg.Issuer + "/login?authRequestID=gone")
	if err != nil {
		t.Fatal(err)
	}
	if html := body(t, resp); !strings.Contains(html, "utløpt") || strings.Contains(html, "<form") {
		t.Fatalf("login page for an unknown auth request:\n%s", html)
	}
}

func TestWrongPasswordIssuesNoCode(t *testing.T) {
	p := start(t, filepath.Join(t.TempDir(), "key.pem"), "/oidc")
	b := newBrowser(t)
	page, _ := p.authorize(t, b, authorizeQuery("varsel-spa", p.cfg.RedirectURIs[0]))
	for _, try := range [][2]string{{"saksbehandler", "feil"}, {"ukjent", password}} {
		resp, where := p.login(t, b, page, try[0], try[1])
		if resp == nil || resp.StatusCode != http.StatusOK || strings.Contains(where, "code=") {
			t.Fatalf("%s with a wrong password led to %s", try[0], where)
		}
		html := body(t, resp)
		if !strings.Contains(html, "Feil brukernavn eller passord.") || !strings.Contains(html, `lang="nb"`) {
			t.Fatalf("login page after a wrong password:\n%s", html)
		}
		// The page keeps the auth request, so the next attempt can succeed.
		page = &http.Response{Body: io.NopCloser(strings.NewReader(html))}
	}
	_, back := p.login(t, b, page, "saksbehandler", password)
	if !strings.Contains(back, "code=") {
		t.Fatalf("the right password after wrong ones led to %s", back)
	}
}

// An unregistered redirect URI or an unknown client never gets a login page,
// and the browser is never sent to the unregistered URI.
func TestUnknownClientOrRedirectIsRefused(t *testing.T) {
	p := start(t, filepath.Join(t.TempDir(), "key.pem"), "/oidc")
	for name, q := range map[string]url.Values{
		"unregistered redirect":  authorizeQuery("varsel-spa", "http://evil.example/callback"),
		"redirect with a suffix": authorizeQuery("varsel-spa", p.cfg.RedirectURIs[0]+"/x"),
		"unknown client":         authorizeQuery("someone-else", p.cfg.RedirectURIs[0]),
	} {
		b := newBrowser(t)
		resp, where := p.authorize(t, b, q)
		if resp == nil {
			t.Errorf("%s: the browser was sent to %s", name, where)
			continue
		}
		if html := body(t, resp); resp.StatusCode != http.StatusBadRequest || strings.Contains(html, `name="password"`) {
			t.Errorf("%s: status %d at %s", name, resp.StatusCode, where)
		}
	}
}

// The SPA must use PKCE with S256: without it, or with "plain", the browser
// goes back with an error and no code, before any login page.
func TestPKCEWithS256IsRequired(t *testing.T) {
	p := start(t, filepath.Join(t.TempDir(), "key.pem"), "/oidc")
	without := authorizeQuery("varsel-spa", p.cfg.RedirectURIs[0])
	without.Del("code_challenge")
	without.Del("code_challenge_method")
	plain := authorizeQuery("varsel-spa", p.cfg.RedirectURIs[0])
	plain.Set("code_challenge", verifierString)
	plain.Set("code_challenge_method", "plain")
	for name, q := range map[string]url.Values{"without PKCE": without, "plain PKCE": plain} {
		resp, where := p.authorize(t, newBrowser(t), q)
		u, _ := url.Parse(where)
		if resp != nil || u.Query().Get("error") != "invalid_request" || u.Query().Has("code") {
			t.Errorf("%s: ended at %s", name, where)
		}
	}
}

// Logging out ends the session at userinfo and returns to a registered URI
// only.
func TestLogout(t *testing.T) {
	p := start(t, filepath.Join(t.TempDir(), "key.pem"), "/oidc")
	tok := p.logIn(t, "politi")
	userinfo := func() (int, map[string]any) {
		req, _ := http.NewRequest(http.MethodGet, p.discovery.Userinfo, nil)
		req.Header.Set("Authorization", "Bearer "+tok["access_token"].(string))
		resp, err := p.srv.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var info map[string]any
		json.Unmarshal([]byte(body(t, resp)), &info)
		return resp.StatusCode, info
	}
	if status, info := userinfo(); status != http.StatusOK || info["sub"] != "politi" || info["name"] != "Per Olsen" {
		t.Fatalf("userinfo before logout: %d %v", status, info)
	}

	endSession := func(postLogout string) *http.Response {
		q := url.Values{"id_token_hint": {tok["id_token"].(string)}, "post_logout_redirect_uri": {postLogout}, "state": {"bye"}}
		resp, err := newBrowser(t).c.Get(p.discovery.EndSession + "?" + q.Encode())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := endSession("http://evil.example/"); resp.StatusCode == http.StatusFound {
		t.Fatalf("logout redirected to an unregistered URI: %s", resp.Header.Get("Location"))
	}
	resp := endSession(p.cfg.PostLogoutRedirectURIs[0])
	if want := p.cfg.PostLogoutRedirectURIs[0] + "?state=bye"; resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != want {
		t.Fatalf("logout: %d to %q, want a redirect to %q", resp.StatusCode, resp.Header.Get("Location"), want)
	}
	if status, _ := userinfo(); status == http.StatusOK {
		t.Fatal("userinfo still answers after logout")
	}
}

// MintAccessToken (varsel devtoken) gives the same claims as a login, and a
// provider restarted on the same key file still accepts it.
func TestMintedTokensMatchLoginTokensAndSurviveRestart(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "data", "dev", "key.pem") // directories made on demand
	first := start(t, keyFile, "/oidc")
	if fi, err := os.Stat(keyFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi, err)
	}
	tok, err := devidp.MintAccessToken(first.cfg, "politi")
	if err != nil {
		t.Fatal(err)
	}
	minted, err := first.verifier(t, "varsel").Verify(context.Background(), tok)
	if err != nil {
		t.Fatal(err)
	}
	loggedIn, err := first.verifier(t, "varsel").Verify(context.Background(), first.logIn(t, "politi")["access_token"].(string))
	if err != nil {
		t.Fatal(err)
	}
	c, l := claims(t, minted), claims(t, loggedIn)
	if minted.Subject != "politi" || c["police_district"] != "oslo" || c["unit"] != nil ||
		!slices.Equal(toStrings(c["roles"]), []string{"POLICE"}) || c["preferred_username"] != "politi" {
		t.Fatalf("minted claims = %v", c)
	}
	for name := range l {
		if _, ok := c[name]; !ok {
			t.Errorf("a minted token lacks %q", name)
		}
	}
	for _, name := range []string{"iss", "sub", "aud", "roles", "police_district", "name", "preferred_username", "client_id"} {
		if !equalJSON(c[name], l[name]) {
			t.Errorf("%s: minted %v, logged in %v", name, c[name], l[name])
		}
	}
	if len(c) != len(l) {
		t.Errorf("minted claims %v, logged in %v", c, l)
	}
	if _, err := devidp.MintAccessToken(first.cfg, "nobody"); err == nil {
		t.Fatal("minted a token for an unknown user")
	}

	second := start(t, keyFile, "/oidc")
	again, err := devidp.MintAccessToken(second.cfg, "politi")
	if err != nil {
		t.Fatal(err)
	}
	k1, k2 := keyID(t, tok), keyID(t, again)
	if k1 != k2 || k1 == "" {
		t.Fatalf("key ids %q and %q: the key was not reused", k1, k2)
	}
	if _, err := second.verifier(t, "varsel").Verify(context.Background(), again); err != nil {
		t.Fatal(err)
	}
}

func TestConfigIsChecked(t *testing.T) {
	good := devidp.Config{
		Issuer: "http://127.0.0.1:1/oidc", Audience: "varsel", ClientID: "varsel-spa",
		RedirectURIs: []string{"http://127.0.0.1:1/auth/callback"}, Password: password,
		KeyFile: filepath.Join(t.TempDir(), "key.pem"),
		Claims:  devidp.Claims{Roles: "roles", Unit: "unit", PoliceDistrict: "police_district"},
	}
	if _, err := devidp.New(good); err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(*devidp.Config){
		"trailing slash":    func(c *devidp.Config) { c.Issuer += "/" },
		"no scheme":         func(c *devidp.Config) { c.Issuer = "127.0.0.1/oidc" },
		"no audience":       func(c *devidp.Config) { c.Audience = "" },
		"no redirect":       func(c *devidp.Config) { c.RedirectURIs = nil },
		"no password":       func(c *devidp.Config) { c.Password = "" },
		"no roles claim":    func(c *devidp.Config) { c.Claims.Roles = "" },
		"duplicate user":    func(c *devidp.Config) { c.Users = []devidp.User{{Username: "a"}, {Username: "a"}} },
		"key file is a dir": func(c *devidp.Config) { c.KeyFile = t.TempDir() },
	} {
		cfg := good
		change(&cfg)
		if _, err := devidp.New(cfg); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func keyID(t *testing.T, token string) string {
	t.Helper()
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

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
