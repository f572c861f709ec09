package server

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The server answers the web app's routes with the app and every other
// path with 404, so its list of the app's routes must be the app's own:
// a route added to App.tsx and not here would answer 404 on reload.
func TestSPARoutesAreTheApps(t *testing.T) {
	app, err := os.ReadFile("../frontend/src/App.tsx")
	if err != nil {
		t.Fatal(err)
	}
	auth, err := os.ReadFile("../frontend/src/auth.ts")
	if err != nil {
		t.Fatal(err)
	}
	callback := regexp.MustCompile(`callbackPath = '([^']+)'`).FindSubmatch(auth)
	if callback == nil {
		t.Fatal("no callbackPath in frontend/src/auth.ts")
	}
	param := regexp.MustCompile(`:([a-zA-Z]+)`)
	got := map[string]bool{}
	for _, m := range regexp.MustCompile(`<Route\s+(index|path=(?:"([^"]+)"|\{callbackPath\}))`).FindAllSubmatch(app, -1) {
		switch {
		case string(m[1]) == "index":
			got["/"] = true
		case strings.HasPrefix(string(m[1]), "path={callbackPath}"):
			got[string(callback[1])] = true
		case string(m[2]) != "*": // the app's own "not found", for what the server lets through
			got[param.ReplaceAllString(string(m[2]), "{$1}")] = true
		}
	}
	var app2 []string
	for p := range got {
		app2 = append(app2, p)
	}
	slices.Sort(app2)
	ours := slices.Sorted(slices.Values(spaRoutes))
	if !slices.Equal(app2, ours) {
		t.Errorf("App.tsx's routes are\n  %v\nserver/spa.go's spaRoutes are\n  %v\nmake spaRoutes the app's", app2, ours)
	}
}
