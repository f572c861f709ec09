package workflow

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// Those who ask for a worklist while it is being computed wait for that one
// computation, and get what it got; the next ones get it kept.
func TestWorklistCacheComputesOnceForConcurrentMisses(t *testing.T) {
	var c worklistCache
	var computed atomic.Int32
	release := make(chan struct{})
	want := []*WorklistItem{{Title: "Varsel skal sendes"}}
	compute := func() ([]*WorklistItem, error) {
		computed.Add(1)
		<-release
		return want, nil
	}
	var wg sync.WaitGroup
	got := make([][]*WorklistItem, 20)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			items, err := c.get(context.Background(), "k", compute)
			if err != nil {
				t.Error(err)
			}
			got[i] = items
		}()
	}
	// Let every goroutine reach the cache before the computation ends.
	for {
		c.mu.Lock()
		f := c.flights["k"]
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
	if items, _ := c.get(context.Background(), "k", compute); len(items) != 1 || computed.Load() != 1 {
		t.Fatalf("kept: %v, computed %d times", items, computed.Load())
	}
}

// A computation that fails is not kept, and those who waited for it compute
// their own instead of getting another request's error.
func TestWorklistCacheWaitersComputeTheirOwnAfterAFailure(t *testing.T) {
	var c worklistCache
	started, release := make(chan struct{}), make(chan struct{})
	go c.get(context.Background(), "k", func() ([]*WorklistItem, error) {
		close(started)
		<-release
		return nil, context.Canceled
	})
	<-started
	done := make(chan error)
	go func() {
		items, err := c.get(context.Background(), "k", func() ([]*WorklistItem, error) {
			return []*WorklistItem{{Title: "egen"}}, nil
		})
		if err == nil && (len(items) != 1 || items[0].Title != "egen") {
			err = errors.New("the waiter did not get its own worklist")
		}
		done <- err
	}()
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
