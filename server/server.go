package server

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"

	"varsel/audit"
	"varsel/delivery"
	"varsel/delivery/digipost"
	"varsel/ent"
	_ "varsel/ent/runtime" // registers the schema's policies and hooks
	"varsel/graph"
	"varsel/server/database"
	"varsel/server/devidp"
	"varsel/workflow"
)

// Server is a running Varsel.
type Server struct {
	jobs     *delivery.Jobs
	jobsDB   *sql.DB
	cfg      Config
	db       *database.DB
	audit    audit.Chain
	client   *ent.Client
	workflow *workflow.Service
	auth     atomic.Pointer[Authenticator] // nil until the issuer's keys are known
	http     *http.Server
	handler  http.Handler
	ln       net.Listener
	limiter  *userLimiter // requests per person (VARSEL_RATE_LIMIT)
}

// Open connects to the database, applies migrations, ensures reference data
// (and in dev mode the dev users and demo data), and listens on cfg.Addr.
// In production the identity provider must answer before Open returns.
func Open(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.MigrateURL != "" {
		// As the schema's owner; the server's own role may not change it.
		n, err := cfg.Migrate(ctx)
		if err != nil {
			return nil, err
		}
		slog.Info("database migrated as its owner", "migrations_applied", n)
	}
	db, err := cfg.OpenDatabase(ctx)
	if err != nil {
		return nil, err
	}
	chain, err := cfg.AuditChain(db)
	if err != nil {
		db.Close()
		return nil, err
	}
	s := &Server{cfg: cfg, db: db, audit: chain, client: db.Client(chain.Key), workflow: workflow.New(), limiter: newUserLimiter(cfg.RateLimit)}
	// The lifecycle's invariants are checked before each commit (workflow.CheckInvariants).
	s.client.Use(workflow.InvariantHook())
	if cfg.Clock != nil {
		s.workflow.Now = cfg.Clock
		s.workflow.Simulated = cfg.ClockSimulated
		// Rows are dated by the same clock the workflow runs on.
		s.client.Use(s.workflow.ClockHook())
	}
	if err := s.prepare(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.startJobs(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if !cfg.Dev {
		a, err := NewAuthenticator(ctx, cfg.OIDC, "", s.client)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("refusing to start: %w", err)
		}
		s.auth.Store(a)
	}
	if s.ln, err = net.Listen("tcp", cfg.Addr); err != nil {
		db.Close()
		return nil, err
	}
	if cfg.Dev {
		s.cfg.ResolveDevURLs(s.ln.Addr())
	}
	handler, err := s.routes()
	if err != nil {
		s.ln.Close()
		db.Close()
		return nil, err
	}
	s.handler = handler
	s.http = &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	return s, nil
}

func (s *Server) prepare(ctx context.Context) error {
	if s.cfg.MigrateURL == "" {
		n, err := s.db.Migrate(ctx)
		if err != nil {
			return err
		}
		slog.Info("database ready", "dialect", s.db.Dialect, "migrations_applied", n)
	}
	if !s.cfg.Dev && !s.cfg.AllowOwner {
		if err := s.db.CheckApplicationRole(ctx); err != nil {
			return err
		}
	}
	if err := EnsureReferenceData(ctx, s.client); err != nil {
		return fmt.Errorf("reference data: %w", err)
	}
	if s.cfg.Dev {
		if err := SeedDevData(ctx, s.client, s.cfg.DemoHistory, s.workflow.Now()); err != nil {
			return fmt.Errorf("dev data: %w", err)
		}
	}
	s.checkpoint(ctx)
	return nil
}

// checkpoint signs the audit chain's head, when it moved since the newest
// checkpoint, and keeps it outside the database (PR3). A chain that does not
// verify is not signed: that is logged, by row number only, and the auditor's
// check shows it; the service goes on.
func (s *Server) checkpoint(ctx context.Context) {
	cp, written, err := s.audit.Checkpoint(ctx, false)
	switch {
	case err != nil:
		slog.Error("audit checkpoint", "err", err)
	case written:
		slog.Info("audit checkpoint written", "seq", cp.Seq)
	}
}

// checkpoints signs a checkpoint every AuditCheckpointEvery until ctx is done.
func (s *Server) checkpoints(ctx context.Context) {
	t := time.NewTicker(s.cfg.AuditCheckpointEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.checkpoint(ctx)
		}
	}
}

// startJobs starts the durable job queue: Digipost sends and the periodic
// release and reminder jobs.
func (s *Server) startJobs(ctx context.Context) error {
	var dp *digipost.Client
	if s.cfg.Digipost != nil {
		dp = digipost.New(*s.cfg.Digipost)
	}
	pool, err := s.db.JobsPool(ctx)
	if err != nil {
		return err
	}
	s.jobsDB = pool
	s.jobs, err = delivery.StartJobs(context.WithoutCancel(ctx), s.db.Dialect, pool, s.client, s.workflow, dp,
		delivery.Options{RescueAfter: s.cfg.JobRescueAfter, Interval: s.cfg.JobInterval})
	if err != nil {
		return fmt.Errorf("job queue: %w", err)
	}
	slog.Info("job queue started", "digipost", dp != nil)
	return nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Config is the configuration the server runs with, dev-mode URLs resolved.
func (s *Server) Config() Config { return s.cfg }

// Handler is the server's whole HTTP handler, for in-process tests.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve serves until ctx is done, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context) error {
	defer s.db.Close()
	defer func() {
		stop, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		s.jobs.Stop(stop)
		if s.jobsDB != s.db.DB {
			s.jobsDB.Close()
		}
	}()
	cpCtx, stopCheckpoints := context.WithCancel(ctx)
	cpDone := make(chan struct{})
	go func() { s.checkpoints(cpCtx); close(cpDone) }()
	defer func() {
		stopCheckpoints()
		<-cpDone
		// The last changes, signed before the process goes.
		final, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		s.checkpoint(final)
	}()
	errc := make(chan error, 1)
	go func() { errc <- s.http.Serve(s.ln) }()
	if s.cfg.Dev {
		// The built-in provider is served by this very server, so its keys
		// can be discovered only now that it listens.
		discovery := "http://" + s.Addr() + "/oidc"
		a, err := NewAuthenticator(ctx, s.cfg.OIDC, discovery, s.client)
		if err != nil {
			s.http.Close()
			return err
		}
		s.auth.Store(a)
		slog.Warn("DEV MODE: built-in identity provider, seeded users with a shared password, demo data, introspection. Never use dev mode for real data.",
			"url", s.cfg.PublicURL, "users", len(devUsers))
	}
	slog.Info("serving", "addr", s.Addr(), "public_url", s.cfg.PublicURL)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		return s.http.Shutdown(shutdown)
	}
}

func (s *Server) routes() (http.Handler, error) {
	mux := http.NewServeMux()
	// The web app's operations (trusted documents), from its build. In
	// production they are all the API runs; dev mode takes ad-hoc
	// documents besides.
	var trusted []graph.TrustedDocuments
	manifest := filepath.Join(s.cfg.WebDir, graph.ManifestFile)
	switch docs, err := graph.LoadTrustedDocuments(manifest); {
	case err == nil:
		trusted = append(trusted, docs)
	case !s.cfg.Dev:
		return nil, fmt.Errorf("refusing to start: the web app's trusted documents (%s) cannot be read — build the web app (make frontend) and point VARSEL_WEB_DIR at it: %w", manifest, err)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	gql := graph.NewHandler(s.client, s.audit, s.workflow, s.cfg.Dev, trusted...)
	mux.Handle("POST /graphql", s.authenticated(limitConcurrency(graphqlConcurrency, gql))) // the body's limit: graph.MaxRequestBody
	s.letterRoutes(mux)
	s.statisticsRoutes(mux)
	mux.HandleFunc("GET /config.json", s.spaConfig)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /readyz", s.ready)
	if s.cfg.Dev {
		idp, err := devidp.New(DevIDPConfig(s.cfg))
		if err != nil {
			return nil, fmt.Errorf("dev identity provider: %w", err)
		}
		mux.Handle("/oidc/", idp.Handler())
		mux.Handle("GET /playground", playground.Handler("Varsel (dev)", "/graphql"))
	}
	mux.HandleFunc("/graphql", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Allow", "POST")
		http.Error(w, "GraphQL is POST with a JSON body", http.StatusMethodNotAllowed)
	})
	mux.Handle("/", spa(s.cfg.WebDir, s.cfg.OIDC.Issuer))
	return logRequests(securityHeaders(s.cfg.BehindTLS(), mux)), nil
}

// graphqlConcurrency bounds the GraphQL requests executed at once; the rest
// wait their turn. A running request holds what it has read while it waits
// for a database connection, so without a bound a burst larger than the
// connection pool costs memory without end; with one, it costs waiting.
const graphqlConcurrency = 32

// limitConcurrency lets n requests through next at a time. A request whose
// client gives up while it waits is dropped.
func limitConcurrency(n int, next http.Handler) http.Handler {
	running := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case running <- struct{}{}:
		case <-r.Context().Done():
			return
		}
		defer func() { <-running }()
		next.ServeHTTP(w, r)
	})
}

// authenticated requires a valid bearer token once the issuer is known, and
// holds back a person over the rate limit (429) before the request does any
// work.
func (s *Server) authenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a := s.auth.Load()
		if a == nil {
			http.Error(w, "starting", http.StatusServiceUnavailable)
			return
		}
		a.Middleware(s.limiter.rateLimited(next)).ServeHTTP(w, r)
	})
}

// spaConfig tells the SPA where to log in, and whether Digipost is set up
// (the SPA offers it as a channel only then).
func (s *Server) spaConfig(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{
		"oidc": map[string]string{
			"authority": s.cfg.OIDC.Issuer,
			"client_id": s.cfg.OIDC.SPAClientID,
			"scope":     s.cfg.OIDC.Scope,
		},
		"dev":      s.cfg.Dev,
		"digipost": s.cfg.Digipost != nil,
	})
}

// ready answers 200 when the database answers, every migration is applied and
// the identity provider's keys are known.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	problem := ""
	if err := s.db.PingContext(ctx); err != nil {
		problem = "database unreachable"
	} else if pending, err := s.db.Pending(ctx); err != nil || pending {
		problem = "migrations not applied"
	} else if s.auth.Load() == nil {
		problem = "identity provider not ready"
	}
	if problem != "" {
		http.Error(w, problem, http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ready\n"))
}

type requestIDKey struct{}

// logRequests logs each request's method, path, status and duration, with a
// request id. Never bodies or query strings: they may hold personal data.
func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b [8]byte
		rand.Read(b[:])
		id := hex.EncodeToString(b[:])
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		rec.Header().Set("X-Request-Id", id)
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
		level := slog.LevelDebug
		if rec.status >= 500 && r.URL.Path != "/readyz" { // not ready yet is no error
			level = slog.LevelError
		} else if r.URL.Path == "/graphql" || rec.status >= 400 {
			level = slog.LevelInfo
		}
		slog.Log(r.Context(), level, "request", "id", id, "method", r.Method, "path", r.URL.Path,
			"status", rec.status, "ms", time.Since(start).Milliseconds())
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// securityHeaders are sent with every response. Nothing is stored by a
// browser or a proxy unless the handler says otherwise (the web app's files
// do): the API, the letters and the statistics hold personal data. HSTS when
// the request came over TLS or people reach Varsel over TLS (behindTLS);
// browsers ignore it over plain HTTP.
func securityHeaders(behindTLS bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", permissionsPolicy)
		if behindTLS || r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// permissionsPolicy turns off what the web app never uses, for it and for
// anything that might be injected into it.
const permissionsPolicy = "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
	"magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()"
