package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
	"varsel/delivery/digipost/digiposttest"
	"varsel/server"
	"varsel/server/devidp"
)

// process is a running `varsel serve --dev` of its own.
type process struct {
	t   *testing.T
	cmd *exec.Cmd
	url string
	env []string
}

// buildVarsel builds the real command once for the test.
func buildVarsel(t *testing.T) string {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	bin := filepath.Join(t.TempDir(), "varsel")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/varsel")
	cmd.Dir = filepath.Dir(filepath.Dir(here))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startProcess starts the command on its own port with env and waits until it is ready.
func startProcess(t *testing.T, bin string, env []string) *process {
	t.Helper()
	port := freePort(t)
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	p := &process{t: t, url: url, env: append(append([]string{}, env...), "VARSEL_ADDR=127.0.0.1:"+fmt.Sprint(port), "VARSEL_PUBLIC_URL="+url, "VARSEL_DEMO_HISTORY=off")}
	p.cmd = exec.Command(bin, "serve", "--dev")
	p.cmd.Env = append(os.Environ(), p.env...)
	var logs bytes.Buffer
	p.cmd.Stdout, p.cmd.Stderr = &logs, &logs
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.kill)
	deadline := time.Now().Add(60 * time.Second)
	for {
		if resp, err := http.Get(url + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return p
			}
		}
		if time.Now().After(deadline) || p.cmd.ProcessState != nil {
			t.Fatalf("process on %s never became ready:\n%s", url, logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// kill stops the process at once, as a crash would: no graceful shutdown.
func (p *process) kill() {
	if p.cmd.Process != nil && p.cmd.ProcessState == nil {
		p.cmd.Process.Kill()
		p.cmd.Wait()
	}
}

// as runs a GraphQL operation over HTTP as a seeded user of this process.
func (p *process) as(user, query string, vars map[string]any) map[string]any {
	p.t.Helper()
	env := map[string]string{}
	for _, kv := range p.env {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	cfg, err := server.LoadConfig(true, func(k string) string { return env[k] })
	if err != nil {
		p.t.Fatal(err)
	}
	cfg.ResolveDevURLs(nil)
	token, err := devidp.MintAccessToken(server.DevIDPConfig(cfg), user)
	if err != nil {
		p.t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest("POST", p.url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data   map[string]any `json:"data"`
		Errors []gqlError     `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
		p.t.Fatalf("%s on %s: %v %+v", user, p.url, err, out.Errors)
	}
	return out.Data
}

// escapeNotices registers an escape of Martin Berg and takes it to READY
// notices (an escape is notified at once: informing is impracticable).
func escapeNotices(p *process, minutesAgo int) []string {
	f := p.as("saksbehandler", opConvictFile, map[string]any{"name": "Martin Berg"})
	node := get(f, "convicts", "edges", 0, "node")
	ev := p.as("saksbehandler", opRegisterEvent, in(map[string]any{"convictId": get(node, "id"), "kind": "ESCAPE",
		"startsAt": rfc3339(time.Now().Add(-time.Duration(minutesAgo) * time.Minute))}))
	eventID := id(ev, "registerCustodyEvent", "id")
	p.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": eventID, "possibleRevengeRisk": false, "reasoning": "Ingen fare."}))
	for _, v := range get(node, "criminalCases", 0, "victims").([]any) {
		p.as("saksbehandler", opAssess, in(map[string]any{"custodyEventId": eventID, "victimId": get(v, "id"), "notify": true,
			"factors": factors(get(v, "name") == "Emma Solberg"), "reasoning": "Av betydning."}))
	}
	p.as("beslutter", opDecide, in(map[string]any{"custodyEventId": eventID, "reasoning": "Vilkårene for varsling er oppfylt."}))
	var ids []string
	for _, n := range get(p.as("saksbehandler", opPrepare, in(map[string]any{"custodyEventId": eventID})), "prepareNotices", "notices").([]any) {
		if get(n, "status") != "READY" {
			p.t.Fatalf("an escape notice is %v", get(n, "status"))
		}
		ids = append(ids, id(n, "id"))
	}
	return ids
}

// NT6 and the delivery issue: two server processes against one PostgreSQL
// never send a notice twice; a process killed after Digipost took a message
// but before it recorded it, is replaced, and the retry is recognised by
// Digipost — one letter, and the notice ends SENT.
func TestTwoProcessesAndACrashSendEachNoticeOnce(t *testing.T) {
	bin := buildVarsel(t)
	dp := digiposttest.New(t)
	dir := t.TempDir()
	env := append(dp.WriteFiles(t, dir),
		"DATABASE_URL="+dbtest.CreateDatabase(t, ""),
		"VARSEL_DATA_DIR="+dir,
		"VARSEL_WEB_DIR="+t.TempDir(),
		"VARSEL_JOB_RESCUE_AFTER=4s",
		"VARSEL_JOB_INTERVAL=1s",
		"VARSEL_LOG_LEVEL=warn",
	)
	a := startProcess(t, bin, env)
	b := startProcess(t, bin, env)

	var notices []string
	for i := range 4 {
		notices = append(notices, escapeNotices(a, 10+i)...)
	}
	for i, n := range notices {
		p := []*process{a, b}[i%2]
		p.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": n, "channel": "DIGIPOST"}))
		p.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": n, "channel": "DIGIPOST"})) // a client retry
	}
	sentAll := func(p *process, ids []string) bool {
		for _, n := range ids {
			if get(p.as("saksbehandler", opNoticeState, map[string]any{"id": n}), "node", "status") != "SENT" {
				return false
			}
		}
		return true
	}
	eventually(t, 60*time.Second, "every notice SENT", func() bool { return sentAll(a, notices) })
	time.Sleep(3 * time.Second) // let any duplicate job run, if there were one
	if got := len(dp.Delivered()); got != len(notices) || dp.Posts() != len(notices) || len(dp.Rejected()) > 0 {
		t.Fatalf("%d notices: Digipost got %d messages from %d requests, rejected %v", len(notices), got, dp.Posts(), dp.Rejected())
	}

	// The crash: Digipost takes the next message, then the processes die
	// before they hear back.
	crash := escapeNotices(a, 30)
	dp.HoldNext(1)
	posts := dp.Posts()
	a.as("saksbehandler", opDispatch, in(map[string]any{"noticeId": crash[0], "channel": "DIGIPOST"}))
	eventually(t, 30*time.Second, "Digipost receiving the message", func() bool { return dp.Posts() > posts })
	a.kill()
	b.kill()
	dp.Release()
	c := startProcess(t, bin, env)
	eventually(t, 60*time.Second, "the notice SENT after the crash", func() bool { return sentAll(c, crash[:1]) })
	delivered := map[string]int{}
	for _, d := range dp.Delivered() {
		delivered[d.MessageID]++
	}
	if len(dp.Delivered()) != len(notices)+1 || len(delivered) != len(notices)+1 || dp.Posts() < posts+2 {
		t.Fatalf("after the crash: %d messages (%d distinct) from %d requests; want %d, each once, and a retry",
			len(dp.Delivered()), len(delivered), dp.Posts(), len(notices)+1)
	}
}
