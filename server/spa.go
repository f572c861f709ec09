package server

import (
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
)

// spaRoutes are the web app's routes (frontend/src/App.tsx) in ServeMux's
// pattern syntax: a reload or a bookmark of one of them gets the app, and
// every other path that is not a file of the build answers 404 — so that a
// mistyped API path, /metrics or a missing script is not answered with the
// app's index.html and status 200. TestSPARoutesAreTheApps fails when this
// list and App.tsx differ.
var spaRoutes = []string{
	"/",
	"/auth/callback",
	"/min-side",
	"/arbeidsliste",
	"/utskrift",
	"/domfelte",
	"/domfelte/{id}",
	"/hendelser/{id}",
	"/politi",
	"/politi/anmodninger/{id}",
	"/politi/melding",
	"/utlevering",
	"/statistikk",
	"/revisjon",
	"/sletting",
	"/nasjonal-ko",
}

// spa serves the built single-page app from dir: its files as they are, and
// index.html for the app's own routes so that they work on reload. Hashed
// assets are cached for good; index.html never.
func spa(dir, issuer string) http.Handler {
	root := os.DirFS(dir) // refuses names that leave dir
	files := http.FileServerFS(root)
	csp := contentSecurityPolicy(issuer)
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := fs.Stat(root, "index.html"); err != nil {
			http.Error(w, "Varsel's web app is not built: run `make run` (or `make frontend`), or set VARSEL_WEB_DIR.", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFileFS(w, r, root, "index.html")
	})
	routes := http.NewServeMux()
	for _, p := range spaRoutes {
		if p == "/" {
			routes.Handle("GET /{$}", app)
			continue
		}
		routes.Handle("GET "+p, app)
		routes.Handle("GET "+p+"/{$}", app) // the router ignores a trailing slash
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if h, pattern := routes.Handler(r); pattern != "" {
			h.ServeHTTP(w, r)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if info, err := fs.Stat(root, name); err == nil && !info.IsDir() {
			w.Header().Set("Content-Security-Policy", csp)
			if strings.HasPrefix(name, "assets/") {
				w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			}
			files.ServeHTTP(w, r)
			return
		}
		http.Error(w, "Siden finnes ikke.", http.StatusNotFound)
	})
}

// contentSecurityPolicy lets the app talk only to this server and to the
// identity provider, and load nothing from anywhere else. Frames may show
// blob: URLs: the letters, fetched with the access token, are previewed so.
// No inline script or style: the build has none, and the design system
// (Aksel) sets its computed styles through React's style property, which
// React applies through the CSSOM, which the policy does not govern; the
// browser tests ran under this policy without a violation.
func contentSecurityPolicy(issuer string) string {
	idp := ""
	if u, err := url.Parse(issuer); err == nil && u.Host != "" {
		idp = " " + u.Scheme + "://" + u.Host
	}
	return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"font-src 'self'; connect-src 'self'" + idp + "; frame-src 'self' blob:" + idp + "; form-action 'self'" + idp +
		"; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
}
