package graph

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"varsel"
	"varsel/rules"
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

// A refusal names the input field at fault, so that a form can mark it;
// one that concerns no single field names none.
func TestRefusalsNameTheField(t *testing.T) {
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, graphql.DefaultRecover)
	e := presentError(ctx, (&rules.Violation{Rule: "AS4", Provision: "p", Message: "m"}).On("factors.minorRecipient"))
	if e.Extensions["field"] != "factors.minorRecipient" || e.Extensions["rule"] != "AS4" {
		t.Errorf("violation: %v", e.Extensions)
	}
	e = presentError(ctx, varsel.Errorf(varsel.EINVALID, "m").On("reasoning"))
	if e.Extensions["field"] != "reasoning" || e.Extensions["code"] != varsel.EINVALID {
		t.Errorf("error: %v", e.Extensions)
	}
	if e = presentError(ctx, &rules.Violation{Rule: "AS2", Provision: "p", Message: "m"}); e.Extensions["field"] != nil {
		t.Errorf("no field: %v", e.Extensions)
	}
}
