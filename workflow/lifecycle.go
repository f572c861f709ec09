package workflow

import (
	"context"
	"time"

	"varsel/ent"
	"varsel/rules"
)

// EventState is where an event stands in its lifecycle (rules.Case.State).
func (s *Service) EventState(ctx context.Context, client *ent.Client, eventID int) (rules.EventState, error) {
	c, err := s.caseOf(ctx, client, eventID)
	if err != nil {
		return "", err
	}
	return c.State(), nil
}

// DecisionWarnings are DC5's warnings for a decision: the appeal deadline —
// the one recorded, or, before the convict is informed, the one that would
// run if the convict were informed today — falls after the notices' due
// date, or after the event itself.
func (s *Service) DecisionWarnings(ctx context.Context, client *ent.Client, d *ent.Decision) ([]string, error) {
	ev, err := d.QueryCustodyEvent().Only(ctx)
	if err != nil {
		return nil, err
	}
	deadline := d.AppealDeadline
	if deadline == nil && d.InformingImpracticableReason == "" {
		dl := rules.AppealDeadline(s.today())
		deadline = &dl
	}
	return rules.DecisionTimingWarnings(ev.Kind, rules.NoticeDueDate(ev.Kind, ev.StartsAt, ev.CreatedAt), ev.StartsAt, deadline), nil
}

// AppealDeadlineFor says when the appeal deadline would end for a decision
// that reaches the convict on the day, and what it moved past (DC4).
func (s *Service) AppealDeadlineFor(informedOn time.Time) *AppealDeadlineInfo {
	day := rules.Date(informedOn.Date())
	deadline, moved := rules.AppealDeadlineExplained(day)
	if moved == nil {
		moved = []string{}
	}
	return &AppealDeadlineInfo{InformedOn: day, Deadline: deadline, MovedPast: moved}
}

// Clock is the time the service runs on.
func (s *Service) Clock() *Clock { return &Clock{Now: s.Now(), Simulated: s.Simulated} }
