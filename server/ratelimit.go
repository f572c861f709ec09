package server

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"varsel"
)

// RateLimit is how many requests a signed-in person may make: Rate per
// second on average, Burst at once. A page of the web app makes a handful;
// a script that loops is held back to the rate, so that one user cannot
// take the server from the others. Zero Rate is no limit.
type RateLimit struct {
	Rate  float64
	Burst int
}

// DefaultRateLimit is 20 requests a second, 100 at once: far above what a
// person clicking does, far below what a loop sends.
var DefaultRateLimit = RateLimit{Rate: 20, Burst: 100}

// ParseRateLimit reads VARSEL_RATE_LIMIT: "off", or "RATE/s" with an
// optional burst, "20/s,100".
func ParseRateLimit(v string) (RateLimit, error) {
	if v == "off" {
		return RateLimit{}, nil
	}
	perSecond, burst, hasBurst := strings.Cut(v, ",")
	r, err := strconv.ParseFloat(strings.TrimSuffix(perSecond, "/s"), 64)
	if err != nil || !strings.HasSuffix(perSecond, "/s") || r <= 0 || math.IsInf(r, 0) {
		return RateLimit{}, fmt.Errorf("want off, or requests per second and a burst, like 20/s,100, not %q", v)
	}
	l := RateLimit{Rate: r, Burst: int(math.Ceil(r))}
	if hasBurst {
		if l.Burst, err = strconv.Atoi(burst); err != nil || l.Burst < 1 {
			return RateLimit{}, fmt.Errorf("want off, or requests per second and a burst, like 20/s,100, not %q", v)
		}
	}
	return l, nil
}

// userLimiter holds a token bucket (golang.org/x/time/rate) per person.
type userLimiter struct {
	limit RateLimit
	now   func() time.Time

	mu    sync.Mutex
	users map[string]*userBucket
	swept time.Time
}

type userBucket struct {
	lim  *rate.Limiter
	used time.Time
}

// idleAfter is when a person's bucket is forgotten: by then it is full again.
const idleAfter = 10 * time.Minute

func newUserLimiter(l RateLimit) *userLimiter {
	return &userLimiter{limit: l, now: time.Now, users: map[string]*userBucket{}}
}

// wait says how long the person must wait before the request is let
// through: zero when it may go now (and then it is counted).
func (u *userLimiter) wait(subject string) time.Duration {
	now := u.now()
	u.mu.Lock()
	defer u.mu.Unlock()
	if now.Sub(u.swept) > idleAfter {
		for s, b := range u.users {
			if now.Sub(b.used) > idleAfter {
				delete(u.users, s)
			}
		}
		u.swept = now
	}
	b := u.users[subject]
	if b == nil {
		b = &userBucket{lim: rate.NewLimiter(rate.Limit(u.limit.Rate), u.limit.Burst)}
		u.users[subject] = b
	}
	b.used = now
	if b.lim.AllowN(now, 1) {
		return 0
	}
	// A refused request takes nothing from the bucket; the next token comes
	// when the missing part of one has dripped in.
	missing := 1 - b.lim.TokensAt(now)
	return time.Duration(math.Max(missing, 0)/u.limit.Rate*float64(time.Second)) + time.Millisecond
}

// rateLimited answers 429 with Retry-After to a signed-in person over the
// limit, before the request does any work. It runs after authentication,
// keyed by the token's subject.
func (u *userLimiter) rateLimited(next http.Handler) http.Handler {
	if u == nil || u.limit.Rate == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := varsel.FromContext(r.Context())
		if v == nil {
			next.ServeHTTP(w, r)
			return
		}
		if d := u.wait(v.Subject); d > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(d.Seconds()))))
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{
				"message":    "For mange forespørsler på kort tid. Vent litt og prøv igjen.",
				"extensions": map[string]any{"code": varsel.ELIMIT, "limit": "rate"},
			}}})
			return
		}
		next.ServeHTTP(w, r)
	})
}
