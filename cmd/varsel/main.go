// Command varsel runs the Varsel service and its maintenance commands.
//
//	varsel serve [--dev]        run the server (dev: SQLite, built-in login, demo data)
//	varsel devtoken [--dev] USER print an access token for a seeded dev user
//	varsel audit verify [--dev] verify the audit trail's chain with its key and checkpoints
//	varsel audit checkpoint [--dev] sign and store a checkpoint of the audit trail now
//	varsel migrate [--dev]      apply database migrations (as the schema's owner) and exit
//	varsel healthcheck          exit 0 when the local server answers /readyz (for containers)
//
// Configuration comes from the environment; see README.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"varsel/seed"
	"varsel/server"
	"varsel/server/database"
	"varsel/server/devidp"
)

const usage = `usage:
  varsel serve [--dev]          run the server
  varsel devtoken [--dev] USER  print an access token for a seeded dev user
  varsel audit verify [--dev]   verify the audit trail's chain with its key and checkpoints
  varsel audit checkpoint [--dev]
                                sign and store a checkpoint of the audit trail now
  varsel migrate [--dev]        apply database migrations (as the schema's owner) and exit
  varsel seed --scale national|small [--years 10]
                                fill the PostgreSQL database at DATABASE_URL with synthetic data
  varsel healthcheck            exit 0 when the local server answers /readyz`

func main() {
	// Instants are kept in UTC whatever the host's zone, so that SQLite,
	// which compares stored times as text, orders them rightly; Norwegian
	// dates are always computed explicitly (rules.Norway).
	time.Local = time.UTC
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		slog.Error(err.Error())
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%s", usage)
	}
	cmd, args := args[0], args[1:]
	if cmd == "healthcheck" {
		return healthcheck(ctx)
	}
	if cmd == "audit" {
		if len(args) == 0 || (args[0] != "verify" && args[0] != "checkpoint") {
			return fmt.Errorf("%s", usage)
		}
		cmd, args = "audit "+args[0], args[1:]
	}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	dev := fs.Bool("dev", false, "dev mode: SQLite under VARSEL_DATA_DIR, built-in identity provider, demo data")
	scale := fs.String("scale", "", "seed: national (about 100,000 convicts) or small (2,000)")
	years := fs.Int("years", 10, "seed: how many years of custody events")
	if err := fs.Parse(args); err != nil {
		return err
	}
	setupLogging(*dev)
	switch cmd {
	case "seed", "audit verify", "audit checkpoint", "migrate":
		// Only the database and the audit chain's key: no identity provider.
		dbc, err := server.LoadDatabaseConfig(*dev, os.Getenv)
		if err != nil {
			return err
		}
		return maintain(ctx, cmd, dbc, *scale, *years)
	}
	cfg, err := server.LoadConfig(*dev, os.Getenv)
	if err != nil {
		return err
	}
	switch cmd {
	case "serve":
		tuneGC(os.Getenv)
		s, err := server.Open(ctx, cfg)
		if err != nil {
			return err
		}
		if addr := os.Getenv("VARSEL_DEBUG_ADDR"); addr != "" {
			if err := checkProfilerAddr(addr); err != nil {
				return err
			}
			go serveProfiler(addr)
		}
		return s.Serve(ctx)
	case "devtoken":
		if !*dev || fs.NArg() != 1 {
			return fmt.Errorf("usage: varsel devtoken --dev USER (dev mode only)")
		}
		cfg.ResolveDevURLs(nil)
		tok, err := devidp.MintAccessToken(server.DevIDPConfig(cfg), fs.Arg(0))
		if err != nil {
			return err
		}
		fmt.Println(tok)
		return nil
	}
	return fmt.Errorf("unknown command %q\n%s", cmd, usage)
}

// maintain runs the commands that need the database and the audit chain's
// key only.
func maintain(ctx context.Context, cmd string, cfg server.DatabaseConfig, scale string, years int) error {
	switch cmd {
	case "migrate":
		n, err := cfg.Migrate(ctx)
		if err != nil {
			return err
		}
		fmt.Printf("%d migrations applied\n", n)
		return nil
	case "seed":
		return seedDatabase(ctx, cfg, scale, years)
	}
	db, err := cfg.OpenDatabase(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	chain, err := cfg.AuditChain(db)
	if err != nil {
		return err
	}
	if cmd == "audit checkpoint" {
		cp, _, err := chain.Checkpoint(ctx, true)
		if err != nil {
			return err
		}
		fmt.Printf("checkpoint signed: row %d, %s, key %s, in %s\n", cp.Seq, cp.Time.Format(time.RFC3339), chain.Key.ID(), chain.Checkpoints)
		return nil
	}
	st, err := chain.Verify(ctx)
	if err != nil {
		return err
	}
	if !st.Intact() {
		return fmt.Errorf("revisjonssporet er BRUTT (%d rader kontrollert, %d sjekkpunkter): %s", st.Checked, st.Checkpoints, st.Problem)
	}
	fmt.Printf("audit trail intact: %d rows checked with key %s, against %d checkpoints", st.Checked, chain.Key.ID(), st.Checkpoints)
	if st.Checkpoints > 0 {
		fmt.Printf(" (newest %s)", st.LastCheckpoint.Format(time.RFC3339))
	}
	fmt.Println()
	if st.Checkpoints == 0 && st.Checked > 0 {
		fmt.Fprintf(os.Stderr, "warning: no checkpoints in %s: rows cut off the end of the chain would not be noticed\n", chain.Checkpoints)
	}
	return nil
}

// setupLogging logs JSON in production and text in dev mode, at
// VARSEL_LOG_LEVEL (debug, info, warn, error; info by default).
func setupLogging(dev bool) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(strings.ToUpper(os.Getenv("VARSEL_LOG_LEVEL")))); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	var h slog.Handler = slog.NewJSONHandler(os.Stderr, opts)
	if dev {
		h = slog.NewTextHandler(os.Stderr, opts)
	}
	slog.SetDefault(slog.New(h))
}

// healthcheck asks the server on this machine's VARSEL_ADDR port whether it is
// ready; container images have no curl.
func healthcheck(ctx context.Context) error {
	addr := os.Getenv("VARSEL_ADDR")
	if addr == "" {
		addr = ":8080"
	}
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:"+port+"/readyz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("not ready: HTTP %d", resp.StatusCode)
	}
	return nil
}

// seedDatabase migrates the PostgreSQL database at DATABASE_URL, adds the
// reference data and fills it with synthetic data at the scale asked for,
// printing what it wrote.
func seedDatabase(ctx context.Context, cfg server.DatabaseConfig, scale string, years int) error {
	url := cfg.DatabaseURL
	if years < 1 || years > 20 {
		return fmt.Errorf("seed: --years must be 1–20")
	}
	var sc seed.Scale
	switch scale {
	case "national":
		sc = seed.National(years)
	case "small":
		sc = seed.Small(years)
	default:
		return fmt.Errorf("usage: varsel seed --scale national|small [--years N]")
	}
	if url == "" {
		return fmt.Errorf("seed: bulk loading needs PostgreSQL; set DATABASE_URL")
	}
	db, err := database.OpenPostgres(ctx, url)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return err
	}
	chain, err := cfg.AuditChain(db)
	if err != nil {
		return err
	}
	if err := server.EnsureReferenceData(ctx, db.Client(chain.Key)); err != nil {
		return err
	}
	fmt.Printf("seeding %d convicts, %d years of events\n", sc.Convicts, sc.Years)
	start := time.Now()
	counts, err := seed.Run(ctx, db.DB, sc, time.Now(), func(table string, rows int, took time.Duration) {
		if rows < 0 {
			fmt.Printf("%-28s %14s  %6.1fs\n", table, "", took.Seconds())
			return
		}
		fmt.Printf("%-28s %9d rows  %6.1fs\n", table, rows, took.Seconds())
	})
	if err != nil {
		return err
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	fmt.Printf("%-28s %9d rows  %6.1fs\n", "in all", total, time.Since(start).Seconds())
	fmt.Printf("%-28s %9d\n", "victims, survivors, guardians", counts["victims"]+counts["survivors"]+counts["guardians"])
	return nil
}

// checkProfilerAddr refuses a profiler address other than this machine's
// loopback: the profiler is never to be reached from outside.
func checkProfilerAddr(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || !(host == "localhost" || net.ParseIP(host).IsLoopback()) {
		return fmt.Errorf("VARSEL_DEBUG_ADDR: the profiler listens on this machine only (127.0.0.1:port), not %q", addr)
	}
	return nil
}

// serveProfiler serves Go's profiler (net/http/pprof) on addr, apart from
// the service's own address: for measuring the server under load (make
// bench), never to be reachable from outside the machine. Profiles hold no
// personal data, only where the time and memory went.
func serveProfiler(addr string) {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	slog.Warn("profiler listening", "addr", addr)
	if err := srv.ListenAndServe(); err != nil {
		slog.Error("profiler stopped", "err", err)
	}
}

// tuneGC has the garbage collector run a third as often as Go's default
// (GOGC=300), within a soft memory limit of 200 MiB (GOMEMLIMIT), unless
// either is set: most of what a request allocates is garbage by its end, and
// at the default the collector took a quarter of the server's CPU under load
// (make bench, BENCH_PROFILE).
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(300)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(200 << 20)
	}
}
