package server

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
)

// HSTS is sent when the request came over TLS, or when Varsel is told that
// people reach it over TLS (VARSEL_PUBLIC_URL is https), as behind a proxy
// that ends TLS; over plain HTTP it would mean nothing, and is not sent.
func TestHSTSOverTLSOnly(t *testing.T) {
	cases := []struct {
		name      string
		publicURL string
		tls       bool
		want      bool
	}{
		{"plain HTTP", "http://localhost:8080", false, false},
		{"served over TLS", "", true, true},
		{"behind a proxy that ends TLS", "https://varsel.example.no", false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := securityHeaders(Config{PublicURL: tc.publicURL}.BehindTLS(), http.NotFoundHandler())
			req := httptest.NewRequest("GET", "/", nil)
			if tc.tls {
				req.TLS = &tls.ConnectionState{}
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			got := rec.Header().Get("Strict-Transport-Security")
			if (got != "") != tc.want || tc.want && got != "max-age=63072000; includeSubDomains" {
				t.Errorf("Strict-Transport-Security %q, want it %v", got, tc.want)
			}
		})
	}
}
