// Package server runs Varsel over HTTP: configuration, authentication with
// OIDC bearer tokens, the GraphQL endpoint, health checks, the SPA, and in
// dev mode a built-in identity provider and demo data.
package server

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"varsel/delivery/digipost"
)

// Config is Varsel's configuration, read from the environment (see README).
type Config struct {
	// Dev runs with SQLite under DataDir (unless DatabaseURL is set), the
	// built-in OIDC provider with seeded users, demo data, introspection and
	// the devtoken command. Never in production.
	Dev bool

	Addr      string // VARSEL_ADDR: where to listen
	PublicURL string // VARSEL_PUBLIC_URL: the URL people open; dev mode's issuer lives under it
	WebDir    string // VARSEL_WEB_DIR: the built SPA

	// DatabaseConfig is the database and the audit chain's key and
	// checkpoints (dbconfig.go).
	DatabaseConfig

	OIDC OIDCConfig

	// Digipost is the Digipost sender (DIGIPOST_*); nil when not configured,
	// and then the channel is unavailable.
	Digipost *digipost.Config

	// JobRescueAfter (VARSEL_JOB_RESCUE_AFTER) is how long a job may look
	// running before another process takes it over; River's default if 0.
	JobRescueAfter time.Duration
	// JobInterval (VARSEL_JOB_INTERVAL) runs the periodic jobs this often
	// instead of their own intervals; for tests.
	JobInterval time.Duration

	// RateLimit (VARSEL_RATE_LIMIT, e.g. "20/s,100" or "off") is how many
	// requests one signed-in person may make; DefaultRateLimit if unset.
	RateLimit RateLimit

	// DemoHistory (VARSEL_DEMO_HISTORY, dev mode only, "on" by default)
	// adds a year of synthetic closed events at four units without seeded
	// staff, so that the dashboard has figures to show; "off" leaves only the
	// demo cases.
	DemoHistory bool

	// Clock replaces the wall clock of the workflow: tests, and dev mode's
	// VARSEL_DEV_CLOCK.
	Clock func() time.Time
	// ClockSimulated: the workflow runs on a simulated clock
	// (VARSEL_DEV_CLOCK), and the web app shows a banner.
	ClockSimulated bool
}

// OIDCConfig says whose tokens Varsel accepts and how to read them.
type OIDCConfig struct {
	Issuer        string // OIDC_ISSUER: discovery at Issuer/.well-known/openid-configuration
	Audience      string // OIDC_AUDIENCE: must be in the token's aud
	SPAClientID   string // OIDC_SPA_CLIENT_ID: the SPA's public client at the provider
	Scope         string // OIDC_SCOPE: what the SPA asks for
	RolesClaim    string // OIDC_ROLES_CLAIM: the claim holding Varsel roles
	UnitClaim     string // OIDC_UNIT_CLAIM: the unit code, for staff not in the registry
	DistrictClaim string // OIDC_DISTRICT_CLAIM: the police district code, likewise
}

// LoadConfig reads the configuration from getenv. In production it refuses to
// start without a database and an identity provider, naming what is missing,
// with a database connection that does not verify the server's certificate,
// or without the audit chain's key and checkpoint directory.
func LoadConfig(dev bool, getenv func(string) string) (Config, error) {
	get := func(key, def string) string {
		if v := strings.TrimSpace(getenv(key)); v != "" {
			return v
		}
		return def
	}
	c := Config{
		Dev:    dev,
		Addr:   get("VARSEL_ADDR", ":8080"),
		WebDir: get("VARSEL_WEB_DIR", filepath.Join("frontend", "dist")),
		OIDC: OIDCConfig{
			Issuer:        get("OIDC_ISSUER", ""),
			Audience:      get("OIDC_AUDIENCE", "varsel"),
			SPAClientID:   get("OIDC_SPA_CLIENT_ID", "varsel-spa"),
			Scope:         get("OIDC_SCOPE", "openid profile"),
			RolesClaim:    get("OIDC_ROLES_CLAIM", "roles"),
			UnitClaim:     get("OIDC_UNIT_CLAIM", "unit"),
			DistrictClaim: get("OIDC_DISTRICT_CLAIM", "police_district"),
		},
	}
	var err error
	if c.Digipost, err = digipost.ConfigFromEnv(getenv); err != nil {
		return c, err
	}
	for _, d := range []struct {
		key string
		dst *time.Duration
	}{{"VARSEL_JOB_RESCUE_AFTER", &c.JobRescueAfter}, {"VARSEL_JOB_INTERVAL", &c.JobInterval}} {
		if v := get(d.key, ""); v != "" {
			if *d.dst, err = time.ParseDuration(v); err != nil {
				return c, fmt.Errorf("%s: %w", d.key, err)
			}
		}
	}
	c.RateLimit = DefaultRateLimit
	if v := get("VARSEL_RATE_LIMIT", ""); v != "" {
		if c.RateLimit, err = ParseRateLimit(v); err != nil {
			return c, fmt.Errorf("VARSEL_RATE_LIMIT: %w", err)
		}
	}
	if v := get("VARSEL_DEV_CLOCK", ""); v != "" {
		if !dev {
			return c, errors.New("refusing to start: VARSEL_DEV_CLOCK moves the service's clock and is for dev mode only (varsel serve --dev)")
		}
		if c.Clock, err = ParseDevClock(v, time.Now); err != nil {
			return c, fmt.Errorf("VARSEL_DEV_CLOCK: %w", err)
		}
		c.ClockSimulated = true
	}
	switch h := get("VARSEL_DEMO_HISTORY", "on"); {
	case !dev:
	case h == "on":
		c.DemoHistory = true
	case h != "off":
		return c, fmt.Errorf("VARSEL_DEMO_HISTORY: want on or off, not %q", h)
	}
	if dev {
		// The public URL defaults to the listening address (see devURLs);
		// the built-in identity provider lives under it.
		c.Addr = get("VARSEL_ADDR", "localhost:8080")
		c.PublicURL = strings.TrimSuffix(get("VARSEL_PUBLIC_URL", ""), "/")
		if c.OIDC.Issuer != "" {
			return c, errors.New("OIDC_ISSUER is set, but dev mode runs its own identity provider: unset it or run without --dev")
		}
		return c, c.DatabaseConfig.read(dev, getenv)
	}
	c.PublicURL = strings.TrimSuffix(get("VARSEL_PUBLIC_URL", ""), "/")
	var missing []string
	for _, kv := range [][2]string{{"DATABASE_URL", get("DATABASE_URL", "")}, {"OIDC_ISSUER", c.OIDC.Issuer}} {
		if kv[1] == "" {
			missing = append(missing, kv[0])
		}
	}
	if len(missing) > 0 {
		return c, fmt.Errorf("refusing to start in production mode: %s not set (see README, Configuration; for a local try-out use `varsel serve --dev`)", strings.Join(missing, " and "))
	}
	if u, err := url.Parse(c.OIDC.Issuer); err != nil || u.Scheme != "https" {
		return c, fmt.Errorf("refusing to start: OIDC_ISSUER must be an https URL, got %q", c.OIDC.Issuer)
	}
	if err := c.DatabaseConfig.read(dev, getenv); err != nil {
		return c, err
	}
	return c, c.requireAudit()
}

// ResolveDevURLs completes a dev-mode configuration: the public URL defaults
// to http://HOST:PORT of VARSEL_ADDR (with the port the server actually
// listens on, addr, when it was 0), and the issuer lives under it. The
// devtoken command, which does not listen, passes a nil addr.
func (c *Config) ResolveDevURLs(addr net.Addr) {
	if c.PublicURL == "" {
		host, port, err := net.SplitHostPort(c.Addr)
		if (err != nil || port == "0" || port == "") && addr != nil {
			_, port, _ = net.SplitHostPort(addr.String())
		}
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "localhost"
		}
		c.PublicURL = "http://" + net.JoinHostPort(host, port)
	}
	c.OIDC.Issuer = c.PublicURL + "/oidc"
}

// ParseDevClock reads VARSEL_DEV_CLOCK: a moment the clock starts at and
// runs on from ("2027-03-24", "2027-03-24T09:30" in Norwegian time, or
// RFC 3339), or an offset from the real time ("+14d", "-2d12h", "+36h").
// A trainer or an end-to-end test plays a case on the dates it concerns.
func ParseDevClock(v string, wall func() time.Time) (func() time.Time, error) {
	oslo, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		return nil, err
	}
	if v[0] == '+' || v[0] == '-' {
		sign, rest := time.Duration(1), v[1:]
		if v[0] == '-' {
			sign = -1
		}
		var days time.Duration
		if i := strings.IndexByte(rest, 'd'); i >= 0 {
			var n int
			if _, err := fmt.Sscanf(rest[:i], "%d", &n); err != nil || n < 0 {
				return nil, fmt.Errorf("want an offset like +14d or -2d12h, not %q", v)
			}
			days, rest = time.Duration(n)*24*time.Hour, rest[i+1:]
		}
		var more time.Duration
		if rest != "" {
			if more, err = time.ParseDuration(rest); err != nil {
				return nil, fmt.Errorf("want an offset like +14d or -2d12h, not %q", v)
			}
		}
		offset := sign * (days + more)
		return func() time.Time { return wall().Add(offset) }, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		var start time.Time
		if layout == time.RFC3339 {
			start, err = time.Parse(layout, v)
		} else {
			start, err = time.ParseInLocation(layout, v, oslo)
		}
		if err == nil {
			offset := start.Sub(wall())
			return func() time.Time { return wall().Add(offset) }, nil
		}
	}
	return nil, fmt.Errorf("want a date (2027-03-24), a time (2027-03-24T09:30) or an offset (+14d), not %q", v)
}

// BehindTLS reports whether people reach Varsel over TLS — VARSEL_PUBLIC_URL
// is https — though it may itself serve plain HTTP behind a proxy that ends
// TLS: then its responses carry HSTS.
func (c Config) BehindTLS() bool { return strings.HasPrefix(c.PublicURL, "https://") }
