package workflow

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/condition"
	"varsel/ent/criminalcase"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/guardian"
	"varsel/ent/notice"
	"varsel/ent/notificationagreement"
	"varsel/ent/policerequest"
	"varsel/ent/reservation"
	"varsel/ent/securityassessment"
	"varsel/ent/survivor"
	"varsel/ent/victim"
	"varsel/rules"
)

// The invariants (rules.CheckInvariants) are checked before every commit
// that changed a case: a hook notes what each mutation touched, and before
// the transaction commits, the case of every event touched — directly, or
// through a person, a case or a convict — is read and checked. A breach
// stops the commit. The guards of the lifecycle should make a breach
// impossible; this is the second line, and the model-based test fails if it
// is ever reached.

// Touched collects what a transaction changed.
type Touched struct {
	now  time.Time
	mu   sync.Mutex
	refs map[ent.Op]map[string][]int // by operation, entity type: ids
}

type touchedKey struct{}

// WithInvariantCheck returns a context whose changes are collected for the
// check before commit.
func WithInvariantCheck(ctx context.Context) (context.Context, *Touched) {
	t := &Touched{refs: map[ent.Op]map[string][]int{}}
	return context.WithValue(ctx, touchedKey{}, t), t
}

func touchedFrom(ctx context.Context) *Touched {
	t, _ := ctx.Value(touchedKey{}).(*Touched)
	return t
}

func (t *Touched) add(op ent.Op, typ string, ids ...int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.refs[op] == nil {
		t.refs[op] = map[string][]int{}
	}
	t.refs[op][typ] = append(t.refs[op][typ], ids...)
}

// Empty reports whether nothing was touched.
func (t *Touched) Empty() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.refs) == 0
}

// watched are the entities whose changes can break an invariant.
var watched = []string{
	ent.TypeCustodyEvent, ent.TypeNotice, ent.TypeDecision, ent.TypeAppeal, ent.TypeAssessment,
	ent.TypeSecurityAssessment, ent.TypeCondition, ent.TypePoliceRequest, ent.TypeVictim, ent.TypeSurvivor,
	ent.TypeGuardian, ent.TypeReservation, ent.TypeNotificationAgreement, ent.TypeCriminalCase, ent.TypeConvict,
}

// InvariantHook notes, for the check before commit, which rows each
// mutation of a watched entity touched. Register it with client.Use. It does
// nothing where no check was asked for (WithInvariantCheck).
func InvariantHook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			t := touchedFrom(ctx)
			if t == nil || !slices.Contains(watched, m.Type()) || m.Op().Is(ent.OpDelete|ent.OpDeleteOne) {
				return next.Mutate(ctx, m)
			}
			var ids []int
			if m.Op().Is(ent.OpUpdate) {
				idm, ok := m.(interface {
					IDs(context.Context) ([]int, error)
				})
				if !ok {
					return nil, fmt.Errorf("workflow: %s mutation cannot list its rows", m.Type())
				}
				var err error
				if ids, err = idm.IDs(ctx); err != nil {
					return nil, err
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			if idm, ok := m.(interface{ ID() (int, bool) }); ok {
				if id, has := idm.ID(); has {
					ids = append(ids, id)
				}
			}
			t.add(m.Op(), m.Type(), ids...)
			return v, nil
		})
	}
}

// CheckInvariants reads the case of every event the transaction touched and
// refuses the commit when an invariant does not hold. The breach is logged
// with identifiers only (PR6).
func (s *Service) CheckInvariants(ctx context.Context, t *Touched) error {
	if t == nil || t.Empty() {
		return nil
	}
	client, err := tx(ctx)
	if err != nil {
		return err
	}
	t.now = s.Now()
	events, err := t.events(varsel.OnBehalfOf(ctx), client)
	if err != nil {
		return err
	}
	for _, id := range events {
		c, err := s.caseOf(ctx, client, id)
		if ent.IsNotFound(err) || varsel.ErrorCode(err) == varsel.ENOTFOUND {
			continue // deleted in this transaction (retention)
		}
		if err != nil {
			return err
		}
		if breaches := rules.CheckInvariants(c); len(breaches) > 0 {
			var lines []string
			for _, b := range breaches {
				lines = append(lines, b.String())
			}
			slog.ErrorContext(ctx, "a change would break the lifecycle's invariants; it is not committed",
				"event", id, "breaches", strings.Join(lines, "; "))
			b := breaches[0]
			return &varsel.Error{Code: varsel.EINTERNAL, Rule: b.Rule, Provision: provisionOf(b.Rule),
				Message: fmt.Sprintf("Endringen er ikke lagret fordi den ville brutt regel %s (%s). Dette er en feil i Varsel; kontakt brukerstøtte.", b.Rule, b.Invariant)}
		}
	}
	return nil
}

func provisionOf(id string) string {
	for _, r := range rules.Rulebook() {
		if r.ID == id {
			return r.Provision
		}
	}
	return ""
}

// events resolves what was touched to the events whose cases it concerns:
// an event's own records to the event, a person, a case or a convict to the
// convict's events.
func (t *Touched) events(ctx context.Context, client *ent.Client) ([]int, error) {
	t.mu.Lock()
	byType := map[string][]int{}
	for _, m := range t.refs {
		for typ, ids := range m {
			byType[typ] = append(byType[typ], ids...)
		}
	}
	t.mu.Unlock()

	events := map[int]bool{}
	convicts := map[int]bool{}
	into := func(set map[int]bool) func([]int, error) error {
		return func(ids []int, err error) error {
			for _, id := range ids {
				set[id] = true
			}
			return err
		}
	}
	for typ, ids := range byType {
		if len(ids) == 0 {
			continue
		}
		var err error
		switch typ {
		case ent.TypeCustodyEvent:
			err = into(events)(ids, nil)
		case ent.TypeNotice:
			err = into(events)(client.Notice.Query().Where(notice.IDIn(ids...)).Select(notice.FieldCustodyEventID).Ints(ctx))
		case ent.TypeDecision:
			err = into(events)(client.Decision.Query().Where(decision.IDIn(ids...)).Select(decision.FieldCustodyEventID).Ints(ctx))
		case ent.TypeAppeal:
			err = into(events)(client.Decision.Query().Where(decision.HasAppealsWith(appeal.IDIn(ids...))).Select(decision.FieldCustodyEventID).Ints(ctx))
		case ent.TypeAssessment:
			err = into(events)(client.Assessment.Query().Where(assessment.IDIn(ids...)).Select(assessment.FieldCustodyEventID).Ints(ctx))
		case ent.TypeSecurityAssessment:
			err = into(events)(client.SecurityAssessment.Query().Where(securityassessment.IDIn(ids...)).Select(securityassessment.FieldCustodyEventID).Ints(ctx))
		case ent.TypeCondition:
			err = into(events)(client.Condition.Query().Where(condition.IDIn(ids...)).Select(condition.FieldCustodyEventID).Ints(ctx))
		case ent.TypePoliceRequest:
			var evs []int
			evs, err = client.PoliceRequest.Query().Where(policerequest.IDIn(ids...), policerequest.CustodyEventIDNotNil()).
				Select(policerequest.FieldCustodyEventID).Ints(ctx)
			_ = into(events)(evs, nil)
		case ent.TypeConvict:
			err = into(convicts)(ids, nil)
		case ent.TypeCriminalCase:
			err = into(convicts)(client.CriminalCase.Query().Where(criminalcase.IDIn(ids...)).Select(criminalcase.FieldConvictID).Ints(ctx))
		case ent.TypeVictim:
			err = into(convicts)(client.CriminalCase.Query().Where(criminalcase.HasVictimsWith(victim.IDIn(ids...))).Select(criminalcase.FieldConvictID).Ints(ctx))
		case ent.TypeSurvivor:
			err = into(convicts)(client.CriminalCase.Query().
				Where(criminalcase.HasVictimsWith(victim.HasSurvivorsWith(survivor.IDIn(ids...)))).Select(criminalcase.FieldConvictID).Ints(ctx))
		case ent.TypeGuardian:
			err = into(convicts)(client.CriminalCase.Query().Where(criminalcase.HasVictimsWith(victim.Or(
				victim.HasGuardiansWith(guardian.IDIn(ids...)),
				victim.HasSurvivorsWith(survivor.HasGuardiansWith(guardian.IDIn(ids...))),
			))).Select(criminalcase.FieldConvictID).Ints(ctx))
		case ent.TypeReservation:
			err = into(convicts)(client.CriminalCase.Query().Where(criminalcase.HasVictimsWith(victim.Or(
				victim.HasReservationsWith(reservation.IDIn(ids...)),
				victim.HasSurvivorsWith(survivor.HasReservationsWith(reservation.IDIn(ids...))),
			))).Select(criminalcase.FieldConvictID).Ints(ctx))
		case ent.TypeNotificationAgreement:
			err = into(convicts)(client.CriminalCase.Query().Where(criminalcase.HasVictimsWith(victim.Or(
				victim.HasNotificationAgreementsWith(notificationagreement.IDIn(ids...)),
				victim.HasSurvivorsWith(survivor.HasNotificationAgreementsWith(notificationagreement.IDIn(ids...))),
			))).Select(criminalcase.FieldConvictID).Ints(ctx))
		}
		if err != nil {
			return nil, err
		}
	}
	if len(convicts) > 0 {
		ids := make([]int, 0, len(convicts))
		for id := range convicts {
			ids = append(ids, id)
		}
		// A change to a person or a case concerns the events still to come
		// or still sending; those long past with nothing unsent cannot change.
		evs, err := client.CustodyEvent.Query().Where(custodyevent.ConvictIDIn(ids...), custodyevent.Or(
			custodyevent.StartsAtGTE(t.now.AddDate(0, 0, -60)),
			custodyevent.HasNoticesWith(notice.StatusIn(rules.NoticeHeld, rules.NoticeReady, rules.NoticeSending)),
		)).IDs(ctx)
		if err := into(events)(evs, err); err != nil {
			return nil, err
		}
	}
	out := make([]int, 0, len(events))
	for id := range events {
		out = append(out, id)
	}
	slices.Sort(out)
	return out, nil
}
