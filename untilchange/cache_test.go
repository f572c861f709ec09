package untilchange

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"varsel"
	"varsel/audit"
	"varsel/dbtest"
	"varsel/ent"
)

// Those who ask for a result while it is being computed wait for that one
// computation, and get what it got; the next ones get it kept.
func TestConcurrentMissesComputeOnce(t *testing.T) {
	var c Cache[[]string]
	k := Key{what: "oslo", version: version{seq: 7}}
	var computed atomic.Int32
	release := make(chan struct{})
	want := []string{"Varsel skal sendes"}
	compute := func() ([]string, error) {
		computed.Add(1)
		<-release
		return want, nil
	}
	var wg sync.WaitGroup
	got := make([][]string, 20)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			items, err := c.Get(context.Background(), k, compute)
			if err != nil {
				t.Error(err)
			}
			got[i] = items
		}()
	}
	// Let every goroutine reach the cache before the computation ends.
	for {
		c.mu.Lock()
		f := c.flights[k]
		c.mu.Unlock()
		if f != nil {
			break
		}
	}
	close(release)
	wg.Wait()
	for i, items := range got {
		if len(items) != 1 || items[0] != want[0] {
			t.Fatalf("request %d got %v", i, items)
		}
	}
	// Whenever each arrived — during the computation, or after it when the
	// worklist was kept — it was computed once.
	if items, _ := c.Get(context.Background(), k, compute); len(items) != 1 || computed.Load() != 1 {
		t.Fatalf("kept: %v, computed %d times", items, computed.Load())
	}
}

// A computation that fails is not kept, and those who waited for it compute
// their own instead of getting another request's error.
func TestWaitersComputeTheirOwnAfterAFailure(t *testing.T) {
	var c Cache[[]string]
	k := Key{what: "oslo", version: version{seq: 7}}
	started, release := make(chan struct{}), make(chan struct{})
	go c.Get(context.Background(), k, func() ([]string, error) {
		close(started)
		<-release
		return nil, context.Canceled
	})
	<-started
	done := make(chan error)
	go func() {
		items, err := c.Get(context.Background(), k, func() ([]string, error) {
			return []string{"egen"}, nil
		})
		if err == nil && (len(items) != 1 || items[0] != "egen") {
			err = errors.New("the waiter did not get its own result")
		}
		done <- err
	}()
	// Give the waiter time to reach the flight before it fails (arriving
	// later, it would compute its own anyway, and the test would show
	// nothing rather than fail falsely).
	time.Sleep(50 * time.Millisecond)
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// The key moves with every committed change, and only then: a transaction
// rolled back leaves it, and so does a read. Viewers of other scopes get
// other keys.
func TestKeyMovesWithEveryCommittedChange(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			db := dbtest.Open(t, d)
			client := ent.NewClient(ent.Driver(entsql.OpenDB(db.Dialect, db.DB.DB)))
			client.Use(audit.Hook(db.Dialect, dbtest.AuditKey))
			ctx := varsel.SystemContext(context.Background())
			oslo := &varsel.Viewer{Roles: []varsel.Role{varsel.RoleCaseworker}, UnitIDs: []int{2, 1}}
			key := func(v *varsel.Viewer) Key {
				t.Helper()
				k, err := NewKey(ctx, client, v, "2026-12-01")
				if err != nil {
					t.Fatal(err)
				}
				return k
			}
			change := func(commit bool) {
				t.Helper()
				tx, err := client.Tx(ctx)
				if err != nil {
					t.Fatal(err)
				}
				tx.PoliceDistrict.Create().SetName("Øst politidistrikt").SetCode(fmt.Sprint("ost-", commit)).ExecX(ctx)
				if commit {
					err = tx.Commit()
				} else {
					err = tx.Rollback()
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			before := key(oslo)
			if again := key(&varsel.Viewer{Roles: []varsel.Role{varsel.RoleCaseworker}, UnitIDs: []int{1, 2}}); again != before {
				t.Fatalf("the same scope in another order: %v, not %v", again, before)
			}
			if other := key(&varsel.Viewer{Roles: []varsel.Role{varsel.RoleCaseworker}, UnitIDs: []int{1}}); other == before {
				t.Fatal("another unit scope has the same key")
			}
			client.PoliceDistrict.Query().CountX(ctx)
			change(false)
			if k := key(oslo); k != before {
				t.Fatalf("after a read and a rollback the key moved: %v → %v", before, k)
			}
			change(true)
			if k := key(oslo); k == before {
				t.Fatal("after a committed change the key stands")
			}
		})
	}
}

// A newer version replaces the result of an older one for the same what, and
// the older one is not served again; other whats keep theirs.
func TestANewerVersionReplacesTheOlder(t *testing.T) {
	var c Cache[string]
	get := func(k Key, computed string) string {
		t.Helper()
		r, err := c.Get(context.Background(), k, func() (string, error) { return computed, nil })
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	oslo7, oslo8, bergen7 := Key{"oslo", version{seq: 7}}, Key{"oslo", version{seq: 8}}, Key{"bergen", version{seq: 7}}
	get(oslo7, "oslo at 7")
	get(bergen7, "bergen at 7")
	if r := get(oslo8, "oslo at 8"); r != "oslo at 8" {
		t.Fatalf("at 8: %q", r)
	}
	if r := get(oslo8.At("2026-12-01T12:01"), "oslo at 8, 12:01"); r != "oslo at 8, 12:01" {
		t.Fatalf("at another minute: %q", r)
	}
	if r := get(bergen7, "computed again"); r != "bergen at 7" {
		t.Fatalf("bergen: %q", r)
	}
	if len(c.entries) != 2 {
		t.Fatalf("%d results kept, want one for each of the two", len(c.entries))
	}
	// A computation for an older version that ends late (a slow request
	// started before the change) does not replace the newer result.
	if r := get(oslo7, "oslo at 7 again"); r != "oslo at 7 again" {
		t.Fatalf("the slow one gets what it computed: %q", r)
	}
	if r := get(oslo8.At("2026-12-01T12:01"), "computed again"); r != "oslo at 8, 12:01" {
		t.Fatalf("after the slow one: %q", r)
	}
}
