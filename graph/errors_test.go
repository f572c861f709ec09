package graph

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

// A request the client gave up on is no internal error: it is logged as
// information, and an unknown error in a live request still is one.
func TestCancelledRequestsAreNotInternalErrors(t *testing.T) {
	var logged bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelInfo})))
	defer slog.SetDefault(prev)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	e := presentError(ctx, errors.New("pq: canceling statement due to user request"))
	if e.Extensions["code"] != "CANCELLED" || strings.Contains(logged.String(), "level=ERROR") {
		t.Errorf("cancelled: code %v, log %q", e.Extensions["code"], logged.String())
	}
	logged.Reset()
	e = presentError(context.Background(), errors.New("boom"))
	if e.Extensions["code"] != "INTERNAL" || strings.Contains(e.Message, "boom") || !strings.Contains(logged.String(), "level=ERROR") {
		t.Errorf("internal: code %v, message %q, log %q", e.Extensions["code"], e.Message, logged.String())
	}
}
