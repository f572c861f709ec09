// Command bench is Varsel's load generator. It uses an open model: requests
// are sent at a fixed rate whatever the server's pace, and each latency is
// measured from the moment the request was due, so a slow server cannot hide
// its slowness by making the client wait (no coordinated omission).
//
// It runs each scenario against a running server on a database seeded with
// `varsel seed`, then the same reads as hand-written SQL through
// database/sql on the server's database, and prints throughput, p50, p95,
// p99 and errors of each, the ratio of the GraphQL p99 to the SQL p99, and
// where the machine's CPU went while the scenario ran: the generator itself,
// the server, and the rest (PostgreSQL, and anything else running). At the
// end it prints the server's peak memory (VmHWM).
//
//	go run ./cmd/bench -url http://127.0.0.1:8080 -database-url "$DATABASE_URL" -server-pid PID
//
// scripts/bench (make bench) seeds a national database and starts the server
// first. Tokens are minted like `varsel devtoken --dev`, so the environment
// must match the server's (VARSEL_DATA_DIR). The mutations add events, so
// they run last; run the benchmark on a freshly seeded database.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"varsel/server"
	"varsel/server/devidp"
)

type scenario struct {
	name     string
	rate     int // requests per second
	target   string
	user     string
	query    func(i int) (string, map[string]any)
	baseline func(ctx context.Context, db *sql.DB, i int) error
	// check looks at one response, to make sure the scenario reads what it
	// should (a worklist that is not empty, say).
	check func(body []byte) error
	// changes is how many workflow mutations a second are sent alongside,
	// not measured: reads that must see every change as it is committed.
	changes int
}

type result struct {
	sent, errors int
	took         time.Duration
	lat          []time.Duration
	cpu          cpuShare
}

func (r result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	s := slices.Clone(r.lat)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

func main() {
	url := flag.String("url", "http://127.0.0.1:8080", "the running server")
	dbURL := flag.String("database-url", os.Getenv("DATABASE_URL"), "the server's PostgreSQL, for the SQL baseline")
	pid := flag.Int("server-pid", 0, "the server's process, for its CPU time and memory")
	seconds := flag.Int("seconds", 10, "how long each scenario runs (statistics: three times as long)")
	warmup := flag.Duration("warmup", 2*time.Second, "how long each scenario runs before it is measured")
	profile := flag.String("profile", "", "a directory: save the server's CPU profile of each GraphQL scenario there (needs -debug-url)")
	debugURL := flag.String("debug-url", "", "the server's profiler (VARSEL_DEBUG_ADDR), e.g. http://127.0.0.1:18081")
	only := flag.String("only", "", "run only the scenarios whose name contains one of these (comma-separated)")
	rates := flag.String("rates", "", "other rates than the targets', e.g. worklist=25,statistics=1 (by the start of the scenario's name)")
	flag.Parse()

	cfg, err := server.LoadConfig(true, os.Getenv)
	if err != nil {
		log.Fatal(err)
	}
	cfg.ResolveDevURLs(nil)
	tokens := map[string]string{}
	for _, u := range []string{"saksbehandler", "analytiker"} {
		if tokens[u], err = devidp.MintAccessToken(server.DevIDPConfig(cfg), u); err != nil {
			log.Fatal(err)
		}
	}
	db, err := sql.Open("postgres", *dbURL)
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
	ctx := context.Background()

	// Sara Nilsen's unit, and its convicts, for lookups that find something.
	var unitID int
	if err := db.QueryRowContext(ctx, `SELECT id FROM units WHERE code = 'oslo-fengsel'`).Scan(&unitID); err != nil {
		log.Fatal(err)
	}
	var convicts []int
	rows, err := db.QueryContext(ctx, `SELECT id FROM convicts WHERE unit_id = $1 ORDER BY id`, unitID)
	if err != nil {
		log.Fatal(err)
	}
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			log.Fatal(err)
		}
		convicts = append(convicts, id)
	}
	rows.Close()
	var nConvicts, nEvents, nOpen int
	if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM convicts), (SELECT count(*) FROM custody_events),
		(SELECT count(*) FROM custody_events e JOIN convicts c ON c.id = e.convict_id
		 WHERE c.unit_id = $1 AND e.status = 'OPEN' AND e.starts_at >= now() - interval '30 days')`, unitID).
		Scan(&nConvicts, &nEvents, &nOpen); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("database: %d convicts, %d custody events; Oslo fengsel has %d convicts and %d open events on its worklist's horizon\n",
		nConvicts, nEvents, len(convicts), nOpen)
	if len(convicts) == 0 {
		log.Fatal("no convicts at the unit: seed first (varsel seed --scale national)")
	}
	fmt.Printf("machine: %d cores, load average %s\n", cores(), loadavg())
	convict := func(i int) int { return convicts[(i*7919)%len(convicts)] }
	now := time.Now()
	from, to := now.AddDate(-1, 0, 1).Format(time.DateOnly), now.Format(time.DateOnly)
	runStart := now.AddDate(0, 0, 60).Truncate(time.Hour)

	var worklistItems atomic.Int64
	scenarios := []scenario{
		{name: "worklist (Oslo fengsel)", rate: 300, target: "p99 < 50 ms", user: "saksbehandler",
			query: func(int) (string, map[string]any) {
				return `{ notificationWorklist { step title rule deadline overdue convict { id name } custodyEvent { id kind startsAt }
					decision { id appealDeadline } notice { id status dueDate } } }`, nil
			},
			check: func(b []byte) error {
				var r struct {
					Data struct{ NotificationWorklist []json.RawMessage }
				}
				if err := json.Unmarshal(b, &r); err != nil {
					return err
				}
				if len(r.Data.NotificationWorklist) == 0 {
					return fmt.Errorf("the worklist is empty")
				}
				worklistItems.Store(int64(len(r.Data.NotificationWorklist)))
				return nil
			},
			baseline: func(ctx context.Context, db *sql.DB, _ int) error {
				// The best hand-written SQL for the same state, in one round
				// trip and on the same indexes (custody_events.starts_at,
				// convicts (unit_id, id)): the unit's open events on the
				// horizon, and cancelled ones with notices still to go (NT8),
				// each with its latest security assessment, its assessments,
				// the decisions in force with their pending appeals, the
				// notices not cancelled and the convict's victims and
				// survivors, aggregated in the database.
				return drain(db.QueryContext(ctx, `SELECT e.id, e.kind, e.starts_at, e.created_at, c.id, c.name,
					(SELECT sa.outcome FROM security_assessments sa WHERE sa.custody_event_id = e.id ORDER BY sa.assessed_at DESC, sa.id DESC LIMIT 1),
					(SELECT json_agg(json_build_array(a.victim_id, a.survivor_id, a.outcome)) FROM assessments a WHERE a.custody_event_id = e.id),
					(SELECT json_agg(json_build_array(d.id, d.convict_informed_at, d.informing_impracticable_reason, d.appeal_deadline,
						(SELECT count(*) FROM appeals p WHERE p.decision_id = d.id AND p.status = 'PENDING')))
						FROM decisions d WHERE d.custody_event_id = e.id AND d.status = 'IN_FORCE'),
					(SELECT json_agg(json_build_array(n.id, n.status, n.channel, n.due_date, n.sent_at, n.phone_documented_at) ORDER BY n.id)
						FROM notices n WHERE n.custody_event_id = e.id AND n.status <> 'CANCELLED'),
					(SELECT json_agg(json_build_array(k.status, v.id, v.deceased, (SELECT json_agg(s.id) FROM survivors s WHERE s.victim_id = v.id)))
						FROM criminal_cases k JOIN victims v ON v.criminal_case_id = k.id WHERE k.convict_id = c.id)
					FROM custody_events e JOIN convicts c ON c.id = e.convict_id
					WHERE e.starts_at >= now() - interval '30 days' AND c.unit_id = $1
						AND (e.status = 'OPEN' OR e.status = 'CANCELLED' AND EXISTS (SELECT 1 FROM notices x
							WHERE x.custody_event_id = e.id AND x.status IN ('HELD', 'READY', 'SENDING')))
					ORDER BY e.starts_at`, unitID))
			}},
		{name: "convict, depth 3", rate: 300, target: "p99 < 50 ms", user: "saksbehandler",
			query: func(i int) (string, map[string]any) {
				return `query($id: ID!) { node(id: $id) { ... on Convict { name criminalCases { caseNumber victims { id deceased } }
					custodyEvents(first: 10) { edges { node { kind startsAt notices { status channel } } } } } } }`, map[string]any{"id": strconv.Itoa(convict(i))}
			},
			check: nodeFound,
			baseline: func(ctx context.Context, db *sql.DB, i int) error {
				id := convict(i)
				if err := drain(db.QueryContext(ctx, `SELECT name FROM convicts WHERE id = $1`, id)); err != nil {
					return err
				}
				if err := drain(db.QueryContext(ctx, `SELECT k.case_number, v.id, v.deceased FROM criminal_cases k
					LEFT JOIN victims v ON v.criminal_case_id = k.id WHERE k.convict_id = $1`, id)); err != nil {
					return err
				}
				return drain(db.QueryContext(ctx, `SELECT e.kind, e.starts_at, n.status, n.channel
					FROM (SELECT id, kind, starts_at FROM custody_events WHERE convict_id = $1 ORDER BY id LIMIT 10) e
					LEFT JOIN notices n ON n.custody_event_id = e.id`, id))
			}},
		{name: "node lookup", rate: 1500, target: "p99 < 15 ms", user: "saksbehandler",
			query: func(i int) (string, map[string]any) {
				return `query($id: ID!) { node(id: $id) { id ... on Convict { name } } }`, map[string]any{"id": strconv.Itoa(convict(i))}
			},
			check: nodeFound,
			baseline: func(ctx context.Context, db *sql.DB, i int) error {
				return drain(db.QueryContext(ctx, `SELECT id, name FROM convicts WHERE id = $1`, convict(i)))
			}},
		{name: "statistics, 1 year by unit", rate: 4, target: "p95 < 300 ms", user: "analytiker",
			query: func(int) (string, map[string]any) {
				return `query($from: Date!, $to: Date!) { statistics(from: $from, to: $to, groupBy: [UNIT]) {
					rows { unit { name } custodyEvents { value suppressed } assessmentsNotify { value } noticesSent { value }
						onTimeRate { value } medianLeadDays { value } appealsReceived { value } decisionsPending { value } }
					total { custodyEvents { value } noticesSent { value } onTimeRate { value } } } }`,
					map[string]any{"from": from, "to": to}
			},
			baseline: func(ctx context.Context, db *sql.DB, _ int) error {
				// The best hand-written SQL for the same figures, in one
				// statement: the period's events (on custody_events.starts_at)
				// with their unit, then the assessments to notify and the sent
				// notices — counted, on time, median lead time — of those
				// events only, grouped by unit. Whole months, as the API
				// widens the period to.
				return drain(db.QueryContext(ctx, `WITH ev AS (
						SELECT e.id, e.kind, e.starts_at, c.unit_id FROM custody_events e JOIN convicts c ON c.id = e.convict_id
						WHERE e.starts_at >= date_trunc('month', $1::date)::timestamp AT TIME ZONE 'Europe/Oslo'
							AND e.starts_at < (date_trunc('month', $2::date) + interval '1 month')::timestamp AT TIME ZONE 'Europe/Oslo'
							AND e.registered_in_error_at IS NULL),
					events AS (SELECT unit_id, count(*) AS n FROM ev GROUP BY unit_id),
					notify AS (SELECT ev.unit_id, count(*) AS n FROM assessments a JOIN ev ON ev.id = a.custody_event_id
						WHERE a.outcome = 'NOTIFY' GROUP BY ev.unit_id),
					sent AS (SELECT ev.unit_id, count(*) AS n,
							avg(CASE WHEN (n.sent_at AT TIME ZONE 'Europe/Oslo')::date <= n.due_date THEN 1 ELSE 0 END) FILTER (WHERE ev.kind <> 'ESCAPE') AS on_time,
							percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ev.starts_at - n.sent_at) / 86400) FILTER (WHERE ev.kind <> 'ESCAPE') AS lead
						FROM notices n JOIN ev ON ev.id = n.custody_event_id WHERE n.sent_at IS NOT NULL GROUP BY ev.unit_id)
					SELECT events.unit_id, events.n, notify.n, sent.n, sent.on_time, sent.lead FROM events
						LEFT JOIN notify ON notify.unit_id = events.unit_id LEFT JOIN sent ON sent.unit_id = events.unit_id`, from, to))
			}},
		{name: "mutation + audit row", rate: 100, target: "p99 < 50 ms", user: "saksbehandler",
			query: func(i int) (string, map[string]any) {
				return `mutation($in: RegisterCustodyEventInput!) { registerCustodyEvent(input: $in) { id legalBasis decidingLevel } }`,
					map[string]any{"in": map[string]any{"convictId": strconv.Itoa(convict(i)), "kind": "LEAVE",
						"startsAt": runStart.Add(time.Duration(i) * time.Minute).Format(time.RFC3339)}}
			}},
	}

	// The worklist and the statistics again while events are registered:
	// every change makes the kept results stale (untilchange), so these are
	// the figures as they are computed afresh. They run after the others,
	// so as not to disturb them, but before the mutations, which add 1,200
	// events to the worklist.
	register := scenarios[len(scenarios)-1].query
	for _, c := range []struct {
		prefix, name string
		changes      int
	}{{"worklist", "worklist, 5 changes/s", 5}, {"statistics", "statistics, 1 change/s", 1}} {
		i := slices.IndexFunc(scenarios, func(s scenario) bool { return strings.HasPrefix(s.name, c.prefix) })
		changing := scenarios[i]
		// The baseline is the same SQL at the same rate, on a database that
		// is not changing meanwhile: it has nothing to keep.
		changing.name, changing.changes = c.name, c.changes
		scenarios = slices.Insert(scenarios, len(scenarios)-1, changing)
	}

	for _, kv := range strings.Split(*rates, ",") {
		name, rate, ok := strings.Cut(kv, "=")
		n, err := strconv.Atoi(rate)
		if !ok || err != nil || n < 1 {
			if kv != "" {
				log.Fatalf("-rates: %q is not name=rate", kv)
			}
			continue
		}
		for i := range scenarios {
			if strings.HasPrefix(scenarios[i].name, name) {
				scenarios[i].rate = n
			}
		}
	}

	// Seeding and the server's start-up jobs leave the machine busy for a
	// while: wait for it to settle before the first scenario.
	settle(5 * time.Minute)
	fmt.Printf("machine at the start: load average %s\n", loadavg())

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 1024}, Timeout: 10 * time.Second}
	fmt.Printf("\n%-27s %6s %7s %8s %8s %8s %6s  %-13s %8s %8s %6s  %4s %4s %4s\n", "scenario", "rate/s", "done/s", "p50", "p95", "p99", "errors",
		"target", "SQL p50", "SQL p99", "ratio", "gen", "srv", "rest")
	call := 0 // every request a new index, warm-ups included: mutations never repeat
	for _, s := range scenarios {
		if *only != "" && !slices.ContainsFunc(strings.Split(*only, ","), func(o string) bool { return strings.Contains(s.name, o) }) {
			continue
		}
		dur := time.Duration(*seconds) * time.Second
		if s.rate < 10 {
			dur *= 3 // enough samples for a percentile
		}
		gql := func(i int) error {
			q, vars := s.query(call + i)
			body, err := post(client, *url, tokens[s.user], q, vars)
			if err == nil && s.check != nil {
				err = s.check(body)
			}
			return err
		}
		open(s.rate, *warmup, *pid, gql)
		call += s.rate * int(warmup.Seconds()+1)
		idle(*pid)
		var changes sync.WaitGroup
		if s.changes > 0 {
			first := call + s.rate*int(dur.Seconds()+1)
			call = first + s.changes*int(dur.Seconds()+1)
			changes.Go(func() {
				c := open(s.changes, dur, 0, func(i int) error {
					q, vars := register(first + i)
					_, err := post(client, *url, tokens["saksbehandler"], q, vars)
					return err
				})
				if c.errors > 0 {
					log.Printf("%s: %d of the changes failed", s.name, c.errors)
				}
			})
		}
		var profiled sync.WaitGroup
		if *profile != "" {
			profiled.Go(func() { saveProfile(*debugURL, filepath.Join(*profile, slug(s.name)+".pprof"), dur) })
		}
		g := open(s.rate, dur, *pid, gql)
		changes.Wait()
		profiled.Wait()
		call += s.rate * int(dur.Seconds()+1)
		line := fmt.Sprintf("%-27s %6d %7.0f %8s %8s %8s %6d  %-13s", s.name, s.rate, float64(g.sent-g.errors)/g.took.Seconds(),
			ms(g.pct(0.50)), ms(g.pct(0.95)), ms(g.pct(0.99)), g.errors, s.target)
		cpu := g.cpu
		if s.baseline != nil {
			idle(*pid)
			b := open(s.rate, dur, *pid, func(i int) error { return s.baseline(ctx, db, i) })
			line += fmt.Sprintf(" %8s %8s %5.1fx", ms(b.pct(0.50)), ms(b.pct(0.99)), float64(g.pct(0.99))/float64(max(b.pct(0.99), time.Microsecond)))
			if b.errors > 0 {
				line += fmt.Sprintf(" (%d SQL errors)", b.errors)
			}
		} else {
			line += fmt.Sprintf(" %8s %8s %6s", "–", "–", "–")
		}
		line += fmt.Sprintf("  %3.0f%% %3.0f%% %3.0f%%", cpu.generator, cpu.server, cpu.rest)
		fmt.Println(line)
		idle(*pid)
	}
	if n := worklistItems.Load(); n > 0 {
		fmt.Printf("\nthe worklist had %d items\n", n)
	}
	fmt.Println("gen, srv, rest: CPU used while the GraphQL scenario ran, in % of the machine: this generator, the server, everything else (PostgreSQL and other processes)")
	if *pid != 0 {
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", *pid))
		if err == nil {
			for _, l := range strings.Split(string(status), "\n") {
				if strings.HasPrefix(l, "VmHWM") || strings.HasPrefix(l, "VmRSS") {
					f := strings.Fields(l)
					kb, _ := strconv.Atoi(f[1])
					fmt.Printf("server memory %s %.0f MiB (target: under 300 MiB)\n", strings.TrimSuffix(f[0], ":"), float64(kb)/1024)
				}
			}
		}
	}
	fmt.Printf("load average after the run: %s\n", loadavg())
}

// open sends rate × d requests, each at its own due time, and measures each
// from that time: an open model. It waits for the last to finish.
func open(rate int, d time.Duration, pid int, do func(i int) error) result {
	n := int(float64(rate) * d.Seconds())
	interval := time.Second / time.Duration(rate)
	var mu sync.Mutex
	var errs atomic.Int64
	lat := make([]time.Duration, 0, n)
	var wg sync.WaitGroup
	before := sample(pid)
	start := time.Now()
	for i := range n {
		due := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(due))
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := do(i); err != nil {
				if errs.Add(1) <= 3 {
					log.Printf("error: %.300v", err)
				}
			}
			l := time.Since(due)
			mu.Lock()
			lat = append(lat, l)
			mu.Unlock()
		}()
	}
	wg.Wait()
	took := time.Since(start)
	return result{sent: n, errors: int(errs.Load()), took: took, lat: lat, cpu: sample(pid).since(before)}
}

// idle waits, up to ten seconds, for the server to have nothing left to do:
// requests the generator gave up on are not counted against the next
// scenario.
func idle(pid int) {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		a := sample(pid)
		time.Sleep(250 * time.Millisecond)
		if c := sample(pid).since(a); c.server < 5 && c.server+c.rest < 15 {
			return
		}
	}
}

// settle waits, up to max, until the machine is quiet: under 10% busy for
// two seconds, and a load average over the last minute below 0.7.
func settle(max time.Duration) {
	deadline := time.Now().Add(max)
	for time.Now().Before(deadline) {
		a := sample(0)
		time.Sleep(2 * time.Second)
		load, _ := strconv.ParseFloat(strings.Fields(loadavg())[0], 64)
		if c := sample(0).since(a); c.rest+c.generator < 10 && load < 0.7 {
			return
		}
	}
}

func post(c *http.Client, url, token, query string, vars map[string]any) ([]byte, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest("POST", url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 || bytes.Contains(b, []byte(`"errors"`)) {
		return nil, fmt.Errorf("%d %.300s", resp.StatusCode, b)
	}
	return b, nil
}

// saveProfile saves the server's CPU profile over d to file.
func saveProfile(debugURL, file string, d time.Duration) {
	resp, err := http.Get(fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", debugURL, int(d.Seconds())))
	if err != nil {
		log.Printf("profile: %v", err)
		return
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != 200 {
		err = fmt.Errorf("%s: %.200s", resp.Status, b)
	}
	if err == nil {
		err = os.WriteFile(file, b, 0o644)
	}
	if err != nil {
		log.Printf("profile: %v", err)
	}
}

// slug is a scenario's name as a file name: "worklist (Oslo fengsel)" is
// worklist-oslo-fengsel.
func slug(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	return strings.Join(words, "-")
}

func nodeFound(b []byte) error {
	if bytes.Contains(b, []byte(`"node":null`)) {
		return fmt.Errorf("node not found: %.200s", b)
	}
	return nil
}

func drain(rows *sql.Rows, err error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }

// CPU accounting from /proc: this process, the server, and the machine.
type cpuSample struct {
	at                      time.Time
	self, server, busy, all float64 // seconds of CPU
}

type cpuShare struct{ generator, server, rest float64 } // % of the whole machine

func sample(pid int) cpuSample {
	s := cpuSample{at: time.Now(), self: procCPU("self")}
	if pid != 0 {
		s.server = procCPU(strconv.Itoa(pid))
	}
	if b, err := os.ReadFile("/proc/stat"); err == nil {
		// user nice system idle iowait irq softirq steal (guest time is
		// counted in user already)
		f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0])[1:]
		for i, v := range f[:min(8, len(f))] {
			x, _ := strconv.ParseFloat(v, 64)
			s.all += x / 100
			if i != 3 && i != 4 { // idle, iowait
				s.busy += x / 100
			}
		}
	}
	return s
}

func (s cpuSample) since(a cpuSample) cpuShare {
	all := s.all - a.all
	if all <= 0 {
		return cpuShare{}
	}
	pct := func(x float64) float64 { return 100 * x / all }
	gen, srv := s.self-a.self, s.server-a.server
	return cpuShare{generator: pct(gen), server: pct(srv), rest: pct(max(0, s.busy-a.busy-gen-srv))}
}

// procCPU is a process's user and system time, in seconds (clock ticks are
// 1/100 s on Linux).
func procCPU(pid string) float64 {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseFloat(f[11], 64)
	k, _ := strconv.ParseFloat(f[12], 64)
	return (u + k) / 100
}

func cores() int {
	b, _ := os.ReadFile("/proc/cpuinfo")
	return strings.Count(string(b), "\nprocessor") + boolInt(strings.HasPrefix(string(b), "processor"))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
