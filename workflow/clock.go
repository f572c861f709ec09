package workflow

import (
	"context"
	"time"

	"varsel/ent"
)

// ClockHook dates the rows the service creates and changes by the
// service's clock rather than the wall clock. When the clock is moved — dev
// mode's VARSEL_DEV_CLOCK, or a test — "when was it recorded" and "when did
// the workflow say it happened" must be told on the same clock: a victim
// registered after the decision is after it (AS1), a reservation recorded
// after a notice went is after it (RC10). On the real clock it changes
// nothing. Register it with client.Use.
//
// ent fills created_at and updated_at with the wall clock before hooks run,
// so a value within a few seconds of the wall clock is taken as that default
// and replaced; a time set on purpose (the demo history's past) is kept.
func (s *Service) ClockHook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			wall := time.Now()
			byDefault := func(t time.Time) bool { return t.After(wall.Add(-5*time.Second)) && !t.After(wall) }
			now := s.Now()
			if c, ok := m.(interface {
				CreatedAt() (time.Time, bool)
				SetCreatedAt(time.Time)
			}); ok && m.Op().Is(ent.OpCreate) {
				if t, set := c.CreatedAt(); !set || byDefault(t) {
					c.SetCreatedAt(now)
				}
			}
			if u, ok := m.(interface {
				UpdatedAt() (time.Time, bool)
				SetUpdatedAt(time.Time)
			}); ok && m.Op().Is(ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne) {
				if t, set := u.UpdatedAt(); !set || byDefault(t) {
					u.SetUpdatedAt(now)
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}
