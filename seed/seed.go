// Package seed fills a PostgreSQL database with synthetic, realistic data at
// national scale, for the benchmark and for trying reports on years of data:
// convicts at the country's prisons and probation offices, their cases,
// victims, survivors and guardians, and years of custody events, each as far
// through the notification workflow as its time allows — security
// assessments and police statements, assessments, decisions, appeals,
// notices held, ready, sent and delivered, police requests. Events close to
// now are where the service's workflow would have them, so the caseworkers'
// worklists hold what a working day holds: events to assess, decisions to
// make, letters to post, telephone notices to document.
//
// All identity numbers are synthetic (PR1: month + 80), so never a real
// person's, and unique. Rows go in with COPY, table by table, parents first.
// Each convict's data is drawn from a random source seeded by its index, so
// every pass over the convicts sees the same plan and computes the same IDs
// without holding the data in memory. Bulk-loaded synthetic rows are not
// written to the audit trail: it records the changes made through the
// service.
package seed

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/lib/pq"

	"varsel/rules"
)

// Scale is how much to make: convicts, and the years of custody events
// before now.
type Scale struct {
	Convicts int
	Years    int
}

// National is about 100,000 convicts over the years asked for: with ten
// years, about 300,000 victims, survivors and guardians, 1,000,000 custody
// events, 500,000 assessments and 300,000 notices.
func National(years int) Scale { return Scale{Convicts: 100_000, Years: years} }

// Small is a quick scale for trying things out.
func Small(years int) Scale { return Scale{Convicts: 2_000, Years: years} }

// Counts are the rows written per table.
type Counts map[string]int

// Tables are the tables the seed writes, in the order it writes them.
var Tables = []string{"units", "convicts", "criminal_cases", "victims", "survivors", "guardians", "custody_events",
	"assessments", "decisions", "decision_assessments", "appeals", "notices", "police_requests", "security_assessments"}

// Run writes the data for sc, with now as the present. The database must be
// migrated, with the reference data (units, police districts) in place, and
// hold no convicts yet. progress, if set, is told of each table when it is
// written, and of the maintenance after (with rows -1).
func Run(ctx context.Context, db *sql.DB, sc Scale, now time.Time, progress func(table string, rows int, took time.Duration)) (Counts, error) {
	if sc.Convicts < 1 || sc.Years < 1 {
		return nil, fmt.Errorf("seed: scale %+v: at least one convict and one year", sc)
	}
	var existing int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM convicts`).Scan(&existing); err != nil {
		return nil, fmt.Errorf("seed: %w (is the database migrated?)", err)
	}
	if existing > 0 {
		return nil, fmt.Errorf("seed: the database already holds %d convicts; seed an empty database", existing)
	}
	now = now.UTC().Truncate(time.Second)
	counts := Counts{}
	start := time.Now()
	added, err := ensureUnits(ctx, db)
	if err != nil {
		return nil, err
	}
	counts["units"] = added
	if progress != nil {
		progress("units", added, time.Since(start))
	}
	e, err := newEnv(ctx, db, sc, now)
	if err != nil {
		return nil, err
	}
	base := counters{nins: map[[2]int]int{}}
	for _, t := range []struct {
		table string
		id    *int
	}{{"convicts", &base.convicts}, {"criminal_cases", &base.cases}, {"victims", &base.victims},
		{"survivors", &base.survivors}, {"guardians", &base.guardians}, {"custody_events", &base.events},
		{"security_assessments", &base.security}, {"assessments", &base.assessments}, {"decisions", &base.decisions},
		{"appeals", &base.appeals}, {"notices", &base.notices}, {"police_requests", &base.requests}} {
		// ent gives each table its own range of IDs (for node lookups): the
		// sequence starts at the bottom of the table's range.
		if err := db.QueryRowContext(ctx, fmt.Sprintf(`SELECT COALESCE(max(id) + 1, (SELECT start_value FROM pg_sequences WHERE sequencename = '%s_id_seq')) FROM %s`,
			t.table, t.table)).Scan(t.id); err != nil {
			return nil, fmt.Errorf("seed: %s: %w", t.table, err)
		}
	}
	// walk draws every convict's plan in order, the same in every pass; the
	// plans are drawn on one core while the rows go out on another.
	walk := func(fn func(p *plan) error) error {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		plans := make(chan *plan, 512)
		go func() {
			defer close(plans)
			c := base.clone()
			for i := range sc.Convicts {
				select {
				case plans <- e.planFor(i, &c):
				case <-ctx.Done():
					return
				}
			}
		}()
		for p := range plans {
			if err := fn(p); err != nil {
				cancel()
				for range plans {
				}
				return err
			}
		}
		return ctx.Err()
	}
	copyTable := func(table string, cols []string, fill func(emit func(vals ...any) error) error) error {
		start := time.Now()
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, cols...))
		if err != nil {
			return err
		}
		n := 0
		if err := fill(func(vals ...any) error {
			n++
			_, err := stmt.ExecContext(ctx, vals...)
			return err
		}); err != nil {
			return fmt.Errorf("seed: %s: %w", table, err)
		}
		if _, err := stmt.ExecContext(ctx); err != nil {
			return fmt.Errorf("seed: %s: %w", table, err)
		}
		if err := stmt.Close(); err != nil {
			return err
		}
		if cols[0] == "id" {
			// The next row the service makes gets the next ID.
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`SELECT setval('%s_id_seq', (SELECT max(id) FROM %s))`, table, table)); err != nil {
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		counts[table] = n
		if progress != nil {
			progress(table, n, time.Since(start))
		}
		return nil
	}
	each := func(fn func(p *plan, emit func(vals ...any) error) error) func(emit func(vals ...any) error) error {
		return func(emit func(vals ...any) error) error {
			return walk(func(p *plan) error { return fn(p, emit) })
		}
	}
	nin := func(n ninRef) (string, error) { return n.number(e.nins) }
	personCols := []string{"id", "created_at", "updated_at", "name", "national_identity_number", "birth_date",
		"address_line", "postal_code", "postal_place", "address_protection", "written_standard", "police_district_id"}
	personVals := func(p person, created time.Time) ([]any, error) {
		number, err := nin(p.nin)
		if err != nil {
			return nil, err
		}
		var line, code, place any
		if p.address != "" {
			line, code, place = p.address, p.place.code, p.place.name
		}
		return []any{p.id, created, created, p.name, number, p.birth, line, code, place, string(p.protection), string(p.standard), p.district}, nil
	}

	steps := []struct {
		table string
		cols  []string
		fill  func(p *plan, emit func(vals ...any) error) error
	}{
		{"convicts", []string{"id", "created_at", "updated_at", "name", "national_identity_number", "birth_date",
			"serving_preventive_detention", "sentence_over_ten_years", "infoflyt", "sentence_ended_on", "unit_id"},
			func(p *plan, emit func(...any) error) error {
				c := p.convict
				number, err := nin(c.nin)
				if err != nil {
					return err
				}
				return emit(c.id, c.createdAt, c.createdAt, c.name, number, c.birth, c.preventive, c.overTen, c.infoflyt, c.sentenceEndedOn, c.unitID)
			}},
		{"criminal_cases", []string{"id", "created_at", "updated_at", "case_number", "judgment_date", "offence_categories", "status", "court_reasoning", "convict_id"},
			func(p *plan, emit func(...any) error) error {
				for _, cs := range p.cases {
					cats, _ := json.Marshal(cs.categories)
					if err := emit(cs.id, p.convict.createdAt, p.convict.createdAt, cs.number, cs.judged, string(cats), string(cs.status), nullable(cs.reasoning), p.convict.id); err != nil {
						return err
					}
				}
				return nil
			}},
		{"victims", append(personCols, "deceased", "under_guardianship", "criminal_case_id"),
			func(p *plan, emit func(...any) error) error {
				for _, v := range p.victims {
					vals, err := personVals(v.person, p.convict.createdAt)
					if err != nil {
						return err
					}
					if err := emit(append(vals, v.deceased, v.underGuardianship, v.caseID)...); err != nil {
						return err
					}
				}
				return nil
			}},
		{"survivors", append(personCols, "relation", "victim_id"),
			func(p *plan, emit func(...any) error) error {
				for _, s := range p.survivors {
					vals, err := personVals(s.person, p.convict.createdAt)
					if err != nil {
						return err
					}
					if err := emit(append(vals, string(s.relation), s.victimID)...); err != nil {
						return err
					}
				}
				return nil
			}},
		{"guardians", append(personCols, "kind", "victim_id"),
			func(p *plan, emit func(...any) error) error {
				for _, g := range p.guardians {
					vals, err := personVals(g.person, p.convict.createdAt)
					if err != nil {
						return err
					}
					if err := emit(append(vals, string(g.kind), g.victimID)...); err != nil {
						return err
					}
				}
				return nil
			}},
		{"custody_events", []string{"id", "created_at", "updated_at", "kind", "legal_basis", "starts_at", "ends_at", "deciding_level",
			"full_term_release", "reporting_duty_until", "status", "convict_id", "deciding_unit_id"},
			func(p *plan, emit func(...any) error) error {
				for _, ev := range p.events {
					if err := emit(ev.id, ev.createdAt, ev.updatedAt, string(ev.kind), rules.LegalBasis(ev.kind), ev.startsAt, ev.endsAt,
						string(ev.level), ev.fullTermRelease, ev.reportingDutyUntil, ev.status, p.convict.id, ev.decidingUnitID); err != nil {
						return err
					}
				}
				return nil
			}},
		{"assessments", []string{"id", "created_at", "updated_at", "outcome", "factors", "reasoning", "recipient_minor",
			"several_survivors_reasoning", "custody_event_id", "victim_id", "survivor_id"},
			func(p *plan, emit func(...any) error) error {
				for _, a := range p.assessments {
					outcome, reasoning := "DO_NOT_NOTIFY", "Syntetisk: varsel er ikke av betydning for mottakeren nå."
					if a.notify {
						outcome, reasoning = "NOTIFY", "Syntetisk: varsel er av betydning for mottakeren."
					}
					f := factors
					if a.minor {
						f = minorFactors
					}
					var several any
					if a.several {
						several = "Syntetisk: alle de etterlatte varsles, fordi hver av dem har behov for å forberede seg."
					}
					if err := emit(a.id, a.assessedAt, a.assessedAt, outcome, f, reasoning, a.minor, several, a.eventID, a.victimID, a.survivorID); err != nil {
						return err
					}
				}
				return nil
			}},
		{"decisions", []string{"id", "created_at", "updated_at", "status", "level", "reasoning", "decided_at", "convict_informed_at",
			"convict_informed_how", "informing_impracticable_reason", "appeal_deadline", "custody_event_id", "deciding_unit_id"},
			func(p *plan, emit func(...any) error) error {
				for _, d := range p.decisions {
					if err := emit(d.id, d.decidedAt, d.updatedAt, d.status, string(d.level), "Syntetisk: vilkårene for varsling er oppfylt.",
						d.decidedAt, d.informedAt, nullable(d.informedHow), nullable(d.impracticable), d.deadline, d.eventID, d.decidingUnitID); err != nil {
						return err
					}
				}
				return nil
			}},
		{"decision_assessments", []string{"decision_id", "assessment_id"},
			func(p *plan, emit func(...any) error) error {
				for _, d := range p.decisions {
					for _, a := range d.assessments {
						if err := emit(d.id, a); err != nil {
							return err
						}
					}
				}
				return nil
			}},
		{"appeals", []string{"id", "created_at", "updated_at", "received_at", "grounds", "status", "decided_at", "reasoning", "appeal_deciding_unit", "decision_id"},
			func(p *plan, emit func(...any) error) error {
				for _, a := range p.appeals {
					updated := a.receivedAt
					var reasoning any
					if a.decidedAt != nil {
						updated, reasoning = *a.decidedAt, "Syntetisk: klageinstansen har vurdert saken."
					}
					if err := emit(a.id, a.receivedAt, updated, a.receivedAt, "Syntetisk: domfelte mener varsel ikke er nødvendig.",
						a.status, a.decidedAt, reasoning, nullID(a.decidingUnit), a.decisionID); err != nil {
						return err
					}
				}
				return nil
			}},
		{"notices", []string{"id", "created_at", "updated_at", "status", "route", "channel", "due_date", "late", "late_justification",
			"content", "written_standard", "dedupe_key", "sent_at", "delivered_at", "phone_reason", "phone_documented_at",
			"phone_documentation", "cancelled_at", "cancel_reason", "custody_event_id", "assessment_id", "victim_id", "survivor_id",
			"guardian_id", "police_district_id"},
			func(p *plan, emit func(...any) error) error {
				for _, n := range p.notices {
					content, err := json.Marshal(n.content)
					if err != nil {
						return err
					}
					var channel, documentation any
					if n.channel != nil {
						channel = string(*n.channel)
					}
					if n.documentedAt != nil {
						documentation = "Syntetisk: mottakeren ble varslet per telefon om tidspunktet for hendelsen."
					}
					if err := emit(n.id, n.createdAt, n.updatedAt, n.status, string(n.route), channel, n.due, n.late, nullable(n.justification),
						string(content), string(n.standard), n.dedupeKey, n.sentAt, n.deliveredAt, nullable(n.phoneReason), n.documentedAt,
						documentation, n.cancelledAt, nullable(n.cancelReason), n.eventID, n.assessmentID, n.victimID, n.survivorID,
						n.guardianID, n.district); err != nil {
						return err
					}
				}
				return nil
			}},
		{"police_requests", []string{"id", "created_at", "updated_at", "kind", "status", "question", "response", "risk_confirmed",
			"delivered_at", "delivery_manner", "acknowledged_at", "completed_at", "custody_event_id", "police_district_id", "unit_id", "notice_id"},
			func(p *plan, emit func(...any) error) error {
				for _, q := range p.requests {
					if err := emit(q.id, q.createdAt, q.updatedAt, q.kind, q.status, q.question, nullable(q.response), q.riskConfirmed,
						q.deliveredAt, nullable(q.deliveryManner), q.acknowledgedAt, q.completedAt, q.eventID, q.district, q.unitID, q.noticeID); err != nil {
						return err
					}
				}
				return nil
			}},
		{"security_assessments", []string{"id", "created_at", "updated_at", "outcome", "reasoning", "police_statement", "assessed_at",
			"custody_event_id", "security_assessment_police_request"},
			func(p *plan, emit func(...any) error) error {
				for _, s := range p.security {
					reasoning := "Syntetisk: ingen kjent konflikt som tilsier fare for hevnaksjoner."
					if s.requestID != nil {
						reasoning = "Syntetisk: mulig konflikt med fornærmedes familie; politiet er bedt om uttalelse."
					}
					if err := emit(s.id, s.assessedAt, s.updatedAt, string(s.outcome), reasoning, nullable(s.statement), s.assessedAt,
						s.eventID, s.requestID); err != nil {
						return err
					}
				}
				return nil
			}},
	}
	for _, s := range steps {
		if err := copyTable(s.table, s.cols, each(s.fill)); err != nil {
			return nil, err
		}
	}
	// The service writes events as they are registered, a few weeks before
	// they start, so its table is in about the order of the events' times;
	// the seed wrote them convict by convict. Put them in time order, as in
	// service, and leave the tables vacuumed and analysed, as autovacuum
	// would, so that the planner has statistics and index-only scans work.
	for _, stmt := range []string{`CLUSTER custody_events USING custodyevent_starts_at`, `VACUUM ANALYZE`} {
		start := time.Now()
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return nil, fmt.Errorf("seed: %s: %w", stmt, err)
		}
		if progress != nil {
			progress(strings.Fields(stmt)[0], -1, time.Since(start))
		}
	}
	return counts, nil
}

var (
	factors = mustJSON(rules.Factors{
		OffenceSeriousness:   "Syntetisk: alvorlig vold mot fornærmede.",
		NeedToPrepare:        "Syntetisk: fornærmede har behov for å vite når domfelte er ute.",
		Relationship:         "Syntetisk: tidligere bekjente, ingen kontakt i dag.",
		LikelihoodOfMeeting:  "Syntetisk: de bor i samme kommune.",
		TimeAndPlace:         "Syntetisk: utgangen er i nærheten av fornærmedes bosted.",
		AddressesAndDistance: "Syntetisk: om lag ti kilometer.",
	})
	minorFactors = mustJSON(rules.Factors{
		OffenceSeriousness:  "Syntetisk: alvorlig vold mot fornærmede.",
		NeedToPrepare:       "Syntetisk: barnet og de foresatte har behov for å forberede seg.",
		Relationship:        "Syntetisk: domfelte er en tidligere bekjent av familien.",
		LikelihoodOfMeeting: "Syntetisk: de bor i samme kommune.",
		MinorRecipient:      "Syntetisk: fornærmede er under 18 år; varsel gis til de foresatte, vurdert særlig nøye.",
	})
)

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullID(id int) any {
	if id == 0 {
		return nil
	}
	return id
}

// ensureUnits adds the local units of unitSpecs that are missing, under
// their regions, and returns how many it added.
func ensureUnits(ctx context.Context, db *sql.DB) (int, error) {
	added := 0
	for _, u := range unitSpecs {
		if u.name == "" {
			continue // in the service's own reference data
		}
		res, err := db.ExecContext(ctx, `INSERT INTO units (name, code, kind, region_code, high_security, parent_id)
			SELECT $1, $2, 'LOCAL', r.region_code, $3, r.id FROM units r WHERE r.code = $4
			ON CONFLICT (code) DO NOTHING`, u.name, u.code, u.highSecurity, u.region)
		if err != nil {
			return added, fmt.Errorf("seed: unit %s: %w", u.code, err)
		}
		n, _ := res.RowsAffected()
		added += int(n)
	}
	return added, nil
}

// newEnv reads the units and police districts the plans are drawn against.
func newEnv(ctx context.Context, db *sql.DB, sc Scale, now time.Time) (*env, error) {
	e := &env{now: now, spanFrom: now.AddDate(-sc.Years, 0, 0), districts: map[string]int{}, byRegion: map[string][]int{},
		nins: newNINCache(now)}
	rows, err := db.QueryContext(ctx, `SELECT id, code FROM police_districts`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			rows.Close()
			return nil, err
		}
		e.districts[code] = id
	}
	rows.Close()
	for _, pl := range places {
		if e.districts[pl.district] == 0 {
			return nil, fmt.Errorf("seed: police district %s is missing; start the server once, or run migrate, first", pl.district)
		}
	}
	rows, err = db.QueryContext(ctx, `SELECT u.id, u.code, COALESCE(u.region_code, ''), u.high_security, COALESCE(r.id, 0), COALESCE(r.parent_id, 0)
		FROM units u LEFT JOIN units r ON r.id = u.parent_id WHERE u.kind = 'LOCAL' ORDER BY u.id`)
	if err != nil {
		return nil, err
	}
	specs := map[string]unitSpec{}
	for _, s := range unitSpecs {
		specs[s.code] = s
	}
	total := 0.0
	for rows.Next() {
		var u unitInfo
		if err := rows.Scan(&u.id, &u.code, &u.region, &u.highSecurity, &u.regionID, &u.appealID); err != nil {
			rows.Close()
			return nil, err
		}
		s, ok := specs[u.code]
		if !ok {
			s = unitSpec{weight: 1} // a unit an administrator added
		}
		u.district = e.districts[s.district]
		if u.district == 0 {
			u.district = e.districts["oslo"]
		}
		e.units = append(e.units, u)
		total += s.weight
		e.cumWeight = append(e.cumWeight, total)
	}
	rows.Close()
	if len(e.units) == 0 || len(e.districts) == 0 {
		return nil, fmt.Errorf("seed: no units or police districts; start the server once, or run migrate, first")
	}
	regionOf := map[string]string{"oslo": "OST", "ost": "OST", "innlandet": "OST", "sor-ost": "SOR", "agder": "SOR",
		"sor-vest": "SORVEST", "vest": "VEST", "more-og-romsdal": "VEST", "trondelag": "NORD", "nordland": "NORD",
		"troms": "NORD", "finnmark": "NORD"}
	for i, pl := range places {
		e.byRegion[regionOf[pl.district]] = append(e.byRegion[regionOf[pl.district]], i)
	}
	return e, nil
}
