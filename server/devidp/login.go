package devidp

import (
	"crypto/subtle"
	"html/template"
	"net/http"
	"strings"

	"github.com/zitadel/oidc/v3/pkg/op"
)

// loginTemplate is the dev provider's login page: Norwegian, self-contained
// (no assets from anywhere), with labels, visible focus and enough contrast.
var loginTemplate = template.Must(template.New("login").Funcs(template.FuncMap{
	"join": func(s []string) string { return strings.Join(s, ", ") },
}).Parse(`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Logg inn – Varsel (utviklingsmodus)</title>
<style>
  body { font-family: system-ui, "Segoe UI", Arial, sans-serif; margin: 0; background: #f1f1f1; color: #23262a; }
  main { max-width: 34rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { display: block; width: 100%; box-sizing: border-box; font-size: 1rem; padding: .6rem; margin-top: .3rem; border: 1px solid #6a6a6a; border-radius: 4px; }
  button { margin-top: 1.5rem; font-size: 1rem; font-weight: 600; padding: .7rem 1.5rem; border: 0; border-radius: 4px; background: #0056b4; color: #fff; cursor: pointer; }
  input:focus-visible, button:focus-visible { outline: 3px solid #00347d; outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
  .error { background: #fcebeb; border-left: 4px solid #c30000; padding: .75rem 1rem; margin-top: 1rem; }
  .note { background: #fff3cd; border-left: 4px solid #a35f00; padding: .75rem 1rem; }
  table { border-collapse: collapse; margin-top: 1rem; width: 100%; font-size: .95rem; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #c6c2bf; }
</style>
</head>
<body>
<main>
  <h1>Varsel – innlogging (utviklingsmodus)</h1>
  <p class="note">Dette er den innebygde innloggingen for utvikling. Passordet for alle brukerne står i README.</p>
  {{if .Error}}<p class="error" role="alert">{{.Error}}</p>{{end}}
  {{if not .Expired}}
  <form method="post" action="{{.Action}}">
    <input type="hidden" name="authRequestID" value="{{.ID}}">
    <label for="username">Brukernavn</label>
    <input id="username" name="username" autocomplete="username" value="{{.Username}}" required{{if not .Username}} autofocus{{end}}>
    <label for="password">Passord</label>
    <input id="password" type="password" name="password" autocomplete="current-password" required{{if .Username}} autofocus{{end}}>
    <button type="submit">Logg inn</button>
  </form>
  {{end}}
  <table>
    <caption>Brukere i utviklingsmodus</caption>
    <thead><tr><th scope="col">Brukernavn</th><th scope="col">Navn</th><th scope="col">Roller</th></tr></thead>
    <tbody>{{range .Users}}<tr><td>{{.Username}}</td><td>{{.Name}}</td><td>{{join .Roles}}</td></tr>{{end}}</tbody>
  </table>
</main>
</body>
</html>`))

type loginData struct {
	ID, Action, Username, Error string
	Expired                     bool // the auth request is gone: a form would not help
	Users                       []User
}

// Messages a person reads on the login page.
const (
	msgWrongPassword = "Feil brukernavn eller passord."
	msgExpired       = "Innloggingen er utløpt eller ugyldig. Gå tilbake til Varsel og logg inn på nytt."
)

func (p *Provider) render(w http.ResponseWriter, d loginData) {
	d.Action, d.Users = p.prefix+"/login", p.cfg.Users
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	// Only the inline style block; no scripts, no framing. form-action is left
	// open because the login redirects on to the SPA, which may be another origin.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")
	if err := loginTemplate.Execute(w, d); err != nil {
		http.Error(w, "login page failed", http.StatusInternalServerError)
	}
}

func (p *Provider) loginPage(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("authRequestID")
	if _, err := p.storage.AuthRequestByID(r.Context(), id); err != nil {
		p.render(w, loginData{Expired: true, Error: msgExpired})
		return
	}
	p.render(w, loginData{ID: id})
}

// login checks the form; on success the auth request completes and the
// browser goes back through the provider's callback to the SPA with a code.
func (p *Provider) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	id, username := r.PostFormValue("authRequestID"), strings.TrimSpace(r.PostFormValue("username"))
	u, ok := p.checkPassword(username, r.PostFormValue("password"))
	if !ok {
		p.render(w, loginData{ID: id, Username: username, Error: msgWrongPassword})
		return
	}
	if err := p.storage.completeLogin(id, u.Username); err != nil {
		p.render(w, loginData{Expired: true, Error: msgExpired})
		return
	}
	http.Redirect(w, r, op.AuthCallbackURL(p.op)(r.Context(), id), http.StatusFound)
}

// checkPassword compares the password in constant time.
func (p *Provider) checkPassword(username, password string) (User, bool) {
	u, known := p.cfg.user(username)
	ok := subtle.ConstantTimeCompare([]byte(password), []byte(p.cfg.Password)) == 1
	return u, known && ok
}

func loggedOut(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(`<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Logget ut – Varsel</title></head>` +
		`<body><main><h1>Du er logget ut</h1></main></body></html>`))
}
