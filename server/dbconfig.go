package server

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"varsel/audit"
	"varsel/server/database"
)

// DatabaseConfig is what the server and the maintenance commands (migrate,
// audit verify, seed) need of the database and the audit chain; nothing of
// the identity provider.
type DatabaseConfig struct {
	DataDir     string // VARSEL_DATA_DIR: dev mode's SQLite file, signing key, audit key and checkpoints
	DatabaseURL string // DATABASE_URL: PostgreSQL (required in production), as the application's role
	// MigrateURL (DATABASE_MIGRATE_URL) is PostgreSQL as the role that owns
	// the schema, for migrations; when empty, DatabaseURL migrates.
	MigrateURL string
	// AllowInsecure (VARSEL_DB_ALLOW_INSECURE=1) accepts a connection to
	// PostgreSQL that does not verify the server's certificate, for a
	// database on the same host.
	AllowInsecure bool
	// AllowOwner (VARSEL_DB_ALLOW_OWNER=1) lets the server run as a role that
	// owns the tables or is a superuser, which could switch the audit
	// trail's guards off; refused in production otherwise.
	AllowOwner bool

	// AuditKey is the audit chain's secret (VARSEL_AUDIT_KEY or
	// VARSEL_AUDIT_KEY_FILE); nil in dev mode until AuditChain makes or
	// reads the one in the data directory.
	AuditKey *audit.Key
	// AuditCheckpointDir (VARSEL_AUDIT_CHECKPOINT_DIR) keeps the signed
	// checkpoints: in production a write-once store outside the database.
	AuditCheckpointDir string
	// AuditCheckpointEvery (VARSEL_AUDIT_CHECKPOINT_INTERVAL, 10 minutes by
	// default) is how often the server signs a checkpoint of a chain that grew.
	AuditCheckpointEvery time.Duration

	dev bool
}

// LoadDatabaseConfig reads the configuration of the database and the audit
// chain only: for varsel migrate and varsel audit verify, which need no
// identity provider. In production it refuses, naming what is missing.
func LoadDatabaseConfig(dev bool, getenv func(string) string) (DatabaseConfig, error) {
	var c DatabaseConfig
	if !dev && strings.TrimSpace(getenv("DATABASE_URL")) == "" && strings.TrimSpace(getenv("DATABASE_MIGRATE_URL")) == "" {
		return c, errors.New("DATABASE_URL er ikke satt (for dev-databasen under ./data: legg til --dev)")
	}
	err := c.read(dev, getenv)
	return c, err
}

// read fills c from getenv and, in production, checks it: PostgreSQL over a
// verified TLS connection, and the audit chain's key and checkpoint directory.
func (c *DatabaseConfig) read(dev bool, getenv func(string) string) error {
	get := func(key, def string) string {
		if v := strings.TrimSpace(getenv(key)); v != "" {
			return v
		}
		return def
	}
	c.dev = dev
	c.DataDir = get("VARSEL_DATA_DIR", "data")
	c.DatabaseURL = get("DATABASE_URL", "")
	c.MigrateURL = get("DATABASE_MIGRATE_URL", "")
	c.AllowInsecure = get("VARSEL_DB_ALLOW_INSECURE", "") == "1"
	c.AllowOwner = get("VARSEL_DB_ALLOW_OWNER", "") == "1"
	c.AuditCheckpointDir = get("VARSEL_AUDIT_CHECKPOINT_DIR", "")
	c.AuditCheckpointEvery = 10 * time.Minute
	if v := get("VARSEL_AUDIT_CHECKPOINT_INTERVAL", ""); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return fmt.Errorf("VARSEL_AUDIT_CHECKPOINT_INTERVAL: ønsker en varighet som 10m eller 1h, ikke %q", v)
		}
		c.AuditCheckpointEvery = d
	}
	var err error
	switch key, file := get("VARSEL_AUDIT_KEY", ""), get("VARSEL_AUDIT_KEY_FILE", ""); {
	case key != "" && file != "":
		return errors.New("VARSEL_AUDIT_KEY og VARSEL_AUDIT_KEY_FILE er begge satt: velg én")
	case key != "":
		if c.AuditKey, err = audit.ParseKey(key); err != nil {
			return fmt.Errorf("VARSEL_AUDIT_KEY: %w", err)
		}
	case file != "":
		if c.AuditKey, err = audit.LoadKeyFile(file); err != nil {
			return fmt.Errorf("VARSEL_AUDIT_KEY_FILE: %w", err)
		}
	}
	if err := c.loadRetiredAuditKeys(get); err != nil {
		return err
	}
	if dev {
		return nil
	}
	for _, u := range []struct{ name, url string }{{"DATABASE_URL", c.DatabaseURL}, {"DATABASE_MIGRATE_URL", c.MigrateURL}} {
		if u.url == "" {
			continue
		}
		if !strings.HasPrefix(u.url, "postgres://") && !strings.HasPrefix(u.url, "postgresql://") {
			return fmt.Errorf("refusing to start: %s must be a postgres:// URL in production", u.name)
		}
		if !c.AllowInsecure {
			if err := checkTLS(u.name, u.url, getenv); err != nil {
				return err
			}
		}
	}
	return nil
}

// loadRetiredAuditKeys reads the keys the audit chain was written with
// before the current one, oldest first (VARSEL_AUDIT_RETIRED_KEYS, separated
// by commas or white space, or VARSEL_AUDIT_RETIRED_KEYS_FILE, one a line):
// rows and checkpoints written with them still verify after a rotation.
func (c *DatabaseConfig) loadRetiredAuditKeys(get func(string, string) string) error {
	list, file := get("VARSEL_AUDIT_RETIRED_KEYS", ""), get("VARSEL_AUDIT_RETIRED_KEYS_FILE", "")
	name := "VARSEL_AUDIT_RETIRED_KEYS"
	switch {
	case list == "" && file == "":
		return nil
	case list != "" && file != "":
		return errors.New("VARSEL_AUDIT_RETIRED_KEYS og VARSEL_AUDIT_RETIRED_KEYS_FILE er begge satt: velg én")
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("VARSEL_AUDIT_RETIRED_KEYS_FILE: %w", err)
		}
		list, name = string(b), "VARSEL_AUDIT_RETIRED_KEYS_FILE"
	}
	if c.AuditKey == nil {
		return fmt.Errorf("%s er satt, men ikke VARSEL_AUDIT_KEY: de gamle nøklene kontrollerer bare det som ble skrevet før den nye", name)
	}
	var retired []*audit.Key
	for i, field := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		k, err := audit.ParseKey(field)
		if err != nil {
			return fmt.Errorf("%s, nøkkel nr. %d: %w", name, i+1, err)
		}
		retired = append(retired, k)
	}
	k, err := c.AuditKey.WithRetired(retired...)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	c.AuditKey = k
	return nil
}

// requireAudit refuses, in production, to run without the audit chain's key
// and checkpoint directory: a key made on the spot would be lost with the
// process, and checkpoints kept beside the database protect nothing.
func (c *DatabaseConfig) requireAudit() error {
	if c.dev {
		return nil
	}
	if c.AuditKey == nil {
		return errors.New("nekter å starte i produksjon: VARSEL_AUDIT_KEY eller VARSEL_AUDIT_KEY_FILE er ikke satt. " +
			"Revisjonssporet (PR3) kjedes med HMAC med en nøkkel som holdes utenfor databasen; lag en med `openssl rand -hex 32` " +
			"og ta vare på den (se README, Audit chain)")
	}
	if c.AuditCheckpointDir == "" {
		return errors.New("nekter å starte i produksjon: VARSEL_AUDIT_CHECKPOINT_DIR er ikke satt. " +
			"Signerte sjekkpunkter av revisjonssporet skrives dit, utenfor databasen: bruk objektlagring med oppbevaringslås (se README, Audit chain)")
	}
	return nil
}

// checkTLS refuses a PostgreSQL URL whose connection would not verify the
// server's certificate: sslmode disable, allow or prefer (no TLS, or none
// when the server declines), and require — also lib/pq's default when the URL
// and PGSSLMODE set none — which encrypts but accepts any certificate, so
// that whoever sits between can read and change everything, the audit trail
// included.
func checkTLS(name, dsn string, getenv func(string) string) error {
	u, err := url.Parse(dsn)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	mode, from := u.Query().Get("sslmode"), "sslmode="
	if mode == "" {
		mode, from = strings.TrimSpace(getenv("PGSSLMODE")), "PGSSLMODE="
	}
	switch mode {
	case "verify-full", "verify-ca":
		return nil
	case "":
		return fmt.Errorf("nekter å starte: %s har ingen sslmode, og lib/pq bruker da require: kryptert, men uten kontroll av databasens sertifikat. "+
			"Bruk sslmode=verify-full (med sslrootcert=sti til CA-sertifikatet), eller sett VARSEL_DB_ALLOW_INSECURE=1 for en database på samme maskin", name)
	}
	return fmt.Errorf("nekter å starte: %s har %s%s, som ikke kontrollerer databasens sertifikat. "+
		"Bruk sslmode=verify-full (med sslrootcert=sti til CA-sertifikatet), eller sett VARSEL_DB_ALLOW_INSECURE=1 for en database på samme maskin", name, from, mode)
}

// AuditChain returns the audit chain on db with its key and checkpoint
// directory. In dev mode, without VARSEL_AUDIT_KEY(_FILE), the key is the one
// in the data directory, made the first time; the checkpoints lie there too
// unless VARSEL_AUDIT_CHECKPOINT_DIR says otherwise. Production has no such
// defaults.
func (c *DatabaseConfig) AuditChain(db *database.DB) (audit.Chain, error) {
	if err := c.requireAudit(); err != nil {
		return audit.Chain{}, err
	}
	if c.AuditKey == nil {
		k, err := audit.EnsureKeyFile(filepath.Join(c.DataDir, "audit.key"))
		if err != nil {
			return audit.Chain{}, fmt.Errorf("the audit chain's key in the data directory: %w", err)
		}
		c.AuditKey = k
	}
	dir := c.AuditCheckpointDir
	if dir == "" {
		dir = filepath.Join(c.DataDir, "audit-checkpoints")
	}
	return audit.Chain{DB: db.DB, Key: c.AuditKey, Checkpoints: audit.CheckpointDir(dir)}, nil
}

// OpenDatabase opens PostgreSQL as the application's role when DATABASE_URL
// is set, otherwise (dev mode only) SQLite under the data directory.
func (c DatabaseConfig) OpenDatabase(ctx context.Context) (*database.DB, error) {
	if c.DatabaseURL != "" {
		return database.OpenPostgres(ctx, c.DatabaseURL)
	}
	return database.OpenSQLite(ctx, filepath.Join(c.DataDir, "varsel.db"))
}

// Migrate applies the migrations, of the schema and of the job queue, as the
// schema's owner: over DATABASE_MIGRATE_URL when set, otherwise over the
// database the server uses.
func (c DatabaseConfig) Migrate(ctx context.Context) (int, error) {
	open := c.OpenDatabase
	if c.MigrateURL != "" {
		open = func(ctx context.Context) (*database.DB, error) { return database.OpenPostgres(ctx, c.MigrateURL) }
	}
	db, err := open(ctx)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	return db.Migrate(ctx)
}
