package delivery

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"entgo.io/ent/dialect"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"varsel"
	"varsel/accesslog"
	"varsel/delivery/digipost"
	"varsel/ent"
	"varsel/ent/notice"
	"varsel/letters"
	"varsel/rules"
	"varsel/workflow"
)

// Options tune the job queue; zero values are production defaults.
type Options struct {
	// RescueAfter is how long a job may look running before another process
	// takes it over (its process died). Digipost sends are idempotent, so a
	// rescued send never delivers twice.
	RescueAfter time.Duration
	// PollInterval is how often idle workers look for new jobs.
	PollInterval time.Duration
	// Interval, when set, runs every periodic job at this interval instead
	// of its own (tests use a second).
	Interval time.Duration
}

// every is a periodic job's interval: its own, unless opts say otherwise.
func (o Options) every(d time.Duration) time.Duration {
	if o.Interval > 0 {
		return o.Interval
	}
	return d
}

// Jobs is the durable job queue (River), on the service's own database —
// PostgreSQL or SQLite — so a job is never lost and never worked by two
// processes at once.
type Jobs struct {
	river    *river.Client[*sql.Tx]
	client   *ent.Client
	wf       *workflow.Service
	digipost *digipost.Client
}

// The service's own identity in the audit trail and the access log when a
// job changes or reads something.
var jobViewer = &varsel.Viewer{Subject: "varsel-utsending", Name: "Varsel (utsending)", System: true}

// StartJobs migrates River's tables, starts the workers and the periodic
// jobs, and tells the workflow where Digipost sends go. dp may be nil: then
// Digipost is unavailable. jobsDB is a pool for River on the same database
// (for SQLite a single connection, as its driver requires).
func StartJobs(ctx context.Context, dialectName string, jobsDB *sql.DB, client *ent.Client, wf *workflow.Service, dp *digipost.Client, opts Options) (*Jobs, error) {
	var driver riverdriver.Driver[*sql.Tx]
	switch dialectName {
	case dialect.Postgres:
		driver = riverdatabasesql.New(jobsDB)
	case dialect.SQLite:
		driver = riversqlite.New(jobsDB)
	default:
		return nil, fmt.Errorf("delivery: no job queue for %s", dialectName)
	}
	migrator, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: quietLogger()})
	if err != nil {
		return nil, err
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return nil, fmt.Errorf("delivery: migrating the job queue: %w", err)
	}
	j := &Jobs{client: client, wf: wf, digipost: dp}
	workers := river.NewWorkers()
	river.AddWorker(workers, &sendWorker{jobs: j})
	river.AddWorker(workers, &releaseWorker{jobs: j})
	river.AddWorker(workers, &remindWorker{jobs: j})
	river.AddWorker(workers, &sweepWorker{jobs: j})
	river.AddWorker(workers, &retentionWorker{jobs: j})
	cfg := &river.Config{
		Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 4}},
		Workers: workers,
		PeriodicJobs: []*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(opts.every(10*time.Minute)), func() (river.JobArgs, *river.InsertOpts) { return ReleaseHeldArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}),
			river.NewPeriodicJob(river.PeriodicInterval(opts.every(30*time.Minute)), func() (river.JobArgs, *river.InsertOpts) { return RemindArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}),
			river.NewPeriodicJob(river.PeriodicInterval(opts.every(time.Minute)), func() (river.JobArgs, *river.InsertOpts) { return SweepArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}),
			river.NewPeriodicJob(river.PeriodicInterval(opts.every(6*time.Hour)), func() (river.JobArgs, *river.InsertOpts) { return RetentionArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}),
		},
		JobTimeout:           2 * time.Minute,
		RescueStuckJobsAfter: opts.RescueAfter,
		FetchPollInterval:    opts.PollInterval,
		Logger:               quietLogger(),
		MaxAttempts:          25,
	}
	if cfg.RescueStuckJobsAfter != 0 && cfg.RescueStuckJobsAfter <= cfg.JobTimeout {
		cfg.JobTimeout = cfg.RescueStuckJobsAfter / 2
	}
	if j.river, err = river.NewClient(driver, cfg); err != nil {
		return nil, err
	}
	if err := j.river.Start(ctx); err != nil {
		return nil, err
	}
	wf.Deliveries = j
	return j, nil
}

// Stop finishes the jobs being worked and stops.
func (j *Jobs) Stop(ctx context.Context) error { return j.river.Stop(ctx) }

// DigipostEnabled reports whether Digipost is configured.
func (j *Jobs) DigipostEnabled() bool { return j.digipost != nil }

// EnqueueDigipost queues a notice for Digipost; queuing it again while the
// job exists does nothing.
func (j *Jobs) EnqueueDigipost(ctx context.Context, noticeID int) error {
	_, err := j.river.Insert(ctx, SendDigipostArgs{NoticeID: noticeID}, nil)
	return err
}

// quietLogger keeps River's routine chatter out of the log; warnings stay.
func quietLogger() *slog.Logger {
	return slog.New(levelFilter{slog.Default().Handler(), slog.LevelWarn})
}

type levelFilter struct {
	slog.Handler
	min slog.Level
}

func (f levelFilter) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= f.min && f.Handler.Enabled(ctx, l)
}

// inTx runs fn as the service in one transaction, as every change must be
// (the audit hook refuses anything else).
func (j *Jobs) inTx(ctx context.Context, fn func(ctx context.Context) error) error {
	ctx = varsel.NewContext(ctx, jobViewer)
	tx, err := j.client.Tx(ctx)
	if err != nil {
		return err
	}
	ctx, touched := workflow.WithInvariantCheck(ent.NewContext(ent.NewTxContext(ctx, tx), tx.Client()))
	if err := fn(ctx); err != nil {
		tx.Rollback()
		return err
	}
	// The lifecycle's invariants hold before a job's change commits too.
	if err := j.wf.CheckInvariants(ctx, touched); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// SendDigipostArgs sends one notice to the recipient's Digipost mailbox.
type SendDigipostArgs struct {
	NoticeID int `json:"notice_id"`
}

func (SendDigipostArgs) Kind() string { return "send_notice_digipost" }

// InsertOpts: one job per notice, whatever its state, so a notice is never
// queued twice.
func (SendDigipostArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

type sendWorker struct {
	river.WorkerDefaults[SendDigipostArgs]
	jobs *Jobs
}

// Work sends the notice if it is still waiting for Digipost. Digipost knows
// the message by an id derived from the notice, so a retry after a crash or
// a timeout is recognised and not delivered again (NT6).
func (w *sendWorker) Work(ctx context.Context, job *river.Job[SendDigipostArgs]) error {
	j := w.jobs
	if j.digipost == nil {
		return river.JobCancel(errors.New("Digipost is not configured"))
	}
	sys := varsel.NewContext(ctx, jobViewer)
	// The guards of sending are checked at the moment it leaves (AS2, DC5,
	// RC5, RC10, NT2, NT4): a notice that may no longer go is held instead.
	var mayGo bool
	if err := j.inTx(ctx, func(ctx context.Context) error {
		var err error
		mayGo, err = j.wf.CheckDigipostSend(ctx, job.Args.NoticeID)
		return err
	}); err != nil {
		return err
	}
	if !mayGo {
		return nil
	}
	n, err := j.client.Notice.Get(sys, job.Args.NoticeID)
	if err != nil {
		return err
	}
	logCtx, reads := accesslog.NewContext(sys)
	letter, n, err := NoticeLetter(logCtx, j.client, n.ID)
	if err != nil {
		return err
	}
	pdf, err := letters.NoticePDF(letter)
	if err != nil {
		return err
	}
	number, err := j.identityNumber(sys, n)
	if err != nil {
		return err
	}
	if err := reads.Flush(sys, j.client, "digipost"); err != nil {
		return err
	}
	_, err = j.digipost.Send(ctx, digipost.Message{
		ID: digipost.MessageID(n.ID), DocumentID: digipost.DocumentID(n.ID), IdentityNumber: number,
		Subject: "Varsel fra kriminalomsorgen", PDF: pdf,
	})
	if errors.Is(err, digipost.ErrRejected) {
		// The recipient cannot get Digipost: the notice goes back to READY for
		// another channel, and is never lost.
		slog.WarnContext(ctx, "Digipost rejected a notice; it is READY again", "notice", n.ID, "err", err)
		return river.JobCancel(j.inTx(ctx, func(ctx context.Context) error { return j.wf.MarkDigipostRejected(ctx, n.ID) }))
	}
	if err != nil {
		return err // retried with backoff
	}
	return j.inTx(ctx, func(ctx context.Context) error { return j.wf.MarkDigipostSent(ctx, n.ID) })
}

// identityNumber is the addressee's: the guardian's when there is one.
func (j *Jobs) identityNumber(ctx context.Context, n *ent.Notice) (string, error) {
	switch {
	case n.GuardianID != nil:
		g, err := j.client.Guardian.Get(ctx, *n.GuardianID)
		return g.NationalIdentityNumber, err
	case n.SurvivorID != nil:
		s, err := j.client.Survivor.Get(ctx, *n.SurvivorID)
		return s.NationalIdentityNumber, err
	}
	v, err := j.client.Victim.Get(ctx, *n.VictimID)
	return v.NationalIdentityNumber, err
}

// ReleaseHeldArgs releases held notices whose decision became final (DC5).
type ReleaseHeldArgs struct{}

func (ReleaseHeldArgs) Kind() string { return "release_held_notices" }

type releaseWorker struct {
	river.WorkerDefaults[ReleaseHeldArgs]
	jobs *Jobs
}

func (w *releaseWorker) Work(ctx context.Context, _ *river.Job[ReleaseHeldArgs]) error {
	return w.jobs.ReleaseDue(ctx)
}

// ReleaseDue does now what the periodic release job does: brings waiting
// notices in line with the facts and releases those whose decision became
// final. Tests that move the clock call it, as the job would run.
func (j *Jobs) ReleaseDue(ctx context.Context) error {
	return j.inTx(ctx, func(ctx context.Context) error {
		_, err := j.wf.ReleaseDue(ctx)
		return err
	})
}

// RemindArgs raises and resolves the units' alerts (NT1, NT2).
type RemindArgs struct{}

func (RemindArgs) Kind() string { return "remind_units" }

type remindWorker struct {
	river.WorkerDefaults[RemindArgs]
	jobs *Jobs
}

func (w *remindWorker) Work(ctx context.Context, _ *river.Job[RemindArgs]) error {
	return w.jobs.inTx(ctx, func(ctx context.Context) error {
		_, err := w.jobs.wf.Remind(ctx)
		return err
	})
}

// RetentionArgs deletes what may no longer be kept: unverified information
// after 4 months, a convict's personal data 10 years after the sentence
// ended (IX8). The audit trail keeps the fact of each deletion, not the data.
type RetentionArgs struct{}

func (RetentionArgs) Kind() string { return "retention" }

type retentionWorker struct {
	river.WorkerDefaults[RetentionArgs]
	jobs *Jobs
}

func (w *retentionWorker) Work(ctx context.Context, _ *river.Job[RetentionArgs]) error {
	return w.jobs.inTx(ctx, func(ctx context.Context) error {
		report, err := w.jobs.wf.Retention(ctx, ent.FromContext(ctx), true)
		if err != nil {
			return err
		}
		if report.DeletedRows > 0 {
			rule, provision := rules.RetentionRule()
			slog.InfoContext(ctx, "retention deleted what may no longer be kept", "rule", rule, "provision", provision,
				"unverified_disclosures", len(report.UnverifiedDisclosures), "convicts", len(report.Convicts), "rows", report.DeletedRows)
		}
		return nil
	})
}

// SweepArgs queues every notice waiting for Digipost, so that one whose job
// was never queued (the process stopped right after the dispatch committed)
// is sent all the same.
type SweepArgs struct{}

func (SweepArgs) Kind() string { return "sweep_digipost_notices" }

type sweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	jobs *Jobs
}

func (w *sweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	ids, err := w.jobs.client.Notice.Query().
		Where(notice.StatusEQ(rules.NoticeSending), notice.ChannelEQ(rules.Digipost)).
		IDs(varsel.NewContext(ctx, jobViewer))
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := w.jobs.EnqueueDigipost(ctx, id); err != nil {
			return err
		}
	}
	return nil
}
