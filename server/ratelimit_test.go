package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"varsel/server"
)

func TestParseRateLimit(t *testing.T) {
	for v, want := range map[string]server.RateLimit{
		"off": {}, "20/s,100": {Rate: 20, Burst: 100}, "5/s": {Rate: 5, Burst: 5}, "0.5/s,3": {Rate: 0.5, Burst: 3},
	} {
		if got, err := server.ParseRateLimit(v); err != nil || got != want {
			t.Errorf("%q: %+v %v, want %+v", v, got, err, want)
		}
	}
	for _, v := range []string{"", "20", "20/m", "-1/s", "0/s", "20/s,0", "20/s,x", "Inf/s"} {
		if _, err := server.ParseRateLimit(v); err == nil {
			t.Errorf("%q accepted", v)
		}
	}
}

// Rate limits per user (security issue): a person who sends a loop of
// requests gets 429 with Retry-After for what is over the limit, and the
// others are served as before.
func TestOneAbusiveUserIsHeldBack(t *testing.T) {
	ts := startServer(t, dialect.SQLite, "VARSEL_RATE_LIMIT=5/s,10")
	abuser, other := ts.token("analytiker"), ts.token("saksbehandler")
	const me = `{ me { name } }`

	var (
		wg            sync.WaitGroup
		passed, held  atomic.Int64
		badRetryAfter atomic.Int64
		stop          = make(chan struct{})
		start         = time.Now()
	)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				r, retryAfter := ts.doHeader(abuser, me)
				switch r.Status {
				case http.StatusOK:
					passed.Add(1)
				case http.StatusTooManyRequests:
					held.Add(1)
					if retryAfter == "" || r.code() != "LIMIT_EXCEEDED" || r.Errors[0].Extensions["limit"] != "rate" {
						badRetryAfter.Add(1)
					}
				default:
					t.Errorf("abuser: status %d %+v", r.Status, r.Errors)
					return
				}
			}
		}()
	}
	// Meanwhile another person works as usual: every request answered.
	for range 10 {
		if r := ts.do(other, me, nil); r.Status != http.StatusOK || len(r.Errors) > 0 {
			t.Errorf("the other user got %d %+v while one abused the API", r.Status, r.Errors)
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	elapsed := time.Since(start)
	if held.Load() == 0 {
		t.Fatalf("no request of %d held back", passed.Load())
	}
	if most := 10 + int64(5*elapsed.Seconds()) + 1; passed.Load() > most {
		t.Errorf("%d requests let through in %s, want at most %d (burst 10, 5 a second)", passed.Load(), elapsed, most)
	}
	if badRetryAfter.Load() > 0 {
		t.Errorf("%d refusals without Retry-After or the code LIMIT_EXCEEDED", badRetryAfter.Load())
	}
}

// doHeader posts a GraphQL query and returns the answer with its Retry-After.
func (ts *testServer) doHeader(token, query string) (gqlResponse, string) {
	body, _ := json.Marshal(map[string]any{"query": query})
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	ts.srv.Handler().ServeHTTP(rec, req)
	var out struct {
		Errors []gqlError `json:"errors"`
	}
	json.Unmarshal(rec.Body.Bytes(), &out)
	return gqlResponse{Status: rec.Code, Errors: out.Errors}, rec.Header().Get("Retry-After")
}
