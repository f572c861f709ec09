package server_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"entgo.io/ent/dialect"

	"varsel/dbtest"
)

// tcpProxy stands between the server and PostgreSQL, so that a test can take
// the database away (connections cut, new ones refused) and give it back.
type tcpProxy struct {
	t      *testing.T
	target string
	addr   string

	mu    sync.Mutex
	ln    net.Listener
	conns []net.Conn
}

func newTCPProxy(t *testing.T, target string) *tcpProxy {
	p := &tcpProxy{t: t, target: target}
	p.listen("127.0.0.1:0")
	p.addr = p.ln.Addr().String()
	t.Cleanup(p.down)
	return p
}

func (p *tcpProxy) listen(addr string) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		p.t.Fatal(err)
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
}

// down cuts every connection and refuses new ones.
func (p *tcpProxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// up accepts connections again, on the same address.
func (p *tcpProxy) up() { p.listen(p.addr) }

// With the database gone, clients get 503 with Retry-After and a Norwegian
// message, never the driver's "dial tcp … connection refused", whether the
// token is new (its viewer must be looked up), known (cached), or the
// request is a mutation (its transaction cannot begin); once the database is
// back, so is the service.
func TestDatabaseOutageIs503(t *testing.T) {
	direct := dbtest.CreateDatabase(t, "")
	u, err := url.Parse(direct)
	if err != nil {
		t.Fatal(err)
	}
	proxy := newTCPProxy(t, u.Host)
	u.Host = proxy.addr
	ts := startServer(t, dialect.Postgres, "DATABASE_URL="+u.String())
	known := ts.token("saksbehandler")
	ts.as("saksbehandler", `{ me { name } }`, nil) // caches the viewer of a token…
	if r := ts.do(known, `{ me { name } }`, nil); r.Status != http.StatusOK {
		t.Fatalf("before the outage: %d %+v", r.Status, r.Errors)
	}
	fresh := ts.token("beslutter")

	proxy.down()
	requests := []struct {
		name, token, query string
	}{
		{"a new token", fresh, `{ me { name } }`},
		{"a known token", known, `{ convicts(first: 1) { totalCount } }`},
		{"a mutation", known, `mutation { registerConvict(input: {name: "Ny Domfelt", nationalIdentityNumber: "02868841225"}) { id } }`},
	}
	t.Run("the print batch", func(t *testing.T) {
		req := httptest.NewRequest("GET", "/letters/print-batch", nil)
		req.Header.Set("Authorization", "Bearer "+known)
		rec := httptest.NewRecorder()
		ts.srv.Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || strings.Contains(rec.Body.String(), "dial") {
			t.Errorf("got %d, Retry-After %q: %s; want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
		}
	})
	for _, rq := range requests {
		t.Run(rq.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/graphql", strings.NewReader(string(mustJSON(map[string]any{"query": rq.query}))))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+rq.token)
			rec := httptest.NewRecorder()
			ts.srv.Handler().ServeHTTP(rec, req)
			body := rec.Body.String()
			if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
				t.Errorf("got %d, Retry-After %q: %s; want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"), body)
			}
			if !strings.Contains(body, `"code":"UNAVAILABLE"`) {
				t.Errorf("body %s, want the code UNAVAILABLE", body)
			}
			for _, detail := range []string{"dial", "tcp", "refused", "127.0.0.1", "pq:", "driver", "EOF", "transaction"} {
				if strings.Contains(body, detail) {
					t.Errorf("the client is told %q: %s", detail, body)
				}
			}
		})
	}

	proxy.up()
	eventually(t, 30e9, "the service recovering", func() bool {
		return ts.do(fresh, `{ me { name } }`, nil).Status == http.StatusOK
	})
}
