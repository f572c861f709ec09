package server

import (
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// spa serves the built single-page app from dir: files as they are, and
// index.html for every other path so the app's own routes work on reload.
// Hashed assets are cached for good; index.html never.
func spa(dir, issuer string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	csp := contentSecurityPolicy(issuer)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		index := filepath.Join(dir, "index.html")
		if _, err := os.Stat(index); err != nil {
			http.Error(w, "Varsel's web app is not built: run `make run` (or `make frontend`), or set VARSEL_WEB_DIR.", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Security-Policy", csp)
		clean := path.Clean("/" + r.URL.Path)
		if clean != "/" {
			if info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(clean))); err == nil && !info.IsDir() {
				if strings.HasPrefix(clean, "/assets/") {
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				}
				files.ServeHTTP(w, r)
				return
			}
		}
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFile(w, r, index)
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
