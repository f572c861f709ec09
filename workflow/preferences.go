package workflow

import (
	"context"
	"slices"
	"strings"

	"varsel/ent"
	"varsel/ent/custodyevent"
	"varsel/ent/notice"
	"varsel/ent/predicate"
	"varsel/rules"
)

// RecordReservation records that a victim or survivor reserves against
// further notices: none is given until the reservation is lifted, and notices
// not yet sent to them (or to their guardians) are cancelled (RC10).
func (s *Service) RecordReservation(ctx context.Context, in RecordReservationInput) (*ent.Reservation, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	whose, err := s.person(ctx, client, in.VictimID, in.SurvivorID)
	if err != nil {
		return nil, err
	}
	r, err := client.Reservation.Create().
		SetNillableVictimID(in.VictimID).
		SetNillableSurvivorID(in.SurvivorID).
		SetReservedAt(in.ReservedAt).
		SetHow(in.How).
		SetNillableRecordedByID(staffID(v)).
		Save(ctx)
	if err != nil {
		return nil, err
	}
	return r, s.cancelForRecipient(ctx, client, whose, "Mottakeren har reservert seg mot flere varsler (RC10).")
}

// LiftReservation lifts a reservation; notices may be given again (RC10).
func (s *Service) LiftReservation(ctx context.Context, id int) (*ent.Reservation, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	r, err := found(client.Reservation.Get(ctx, id))("reservasjonen")
	if err != nil {
		return nil, err
	}
	if r.LiftedAt != nil {
		return nil, conflict("Reservasjonen er allerede opphevet.")
	}
	if r, err = r.Update().SetLiftedAt(s.Now()).Save(ctx); err != nil {
		return nil, err
	}
	// The recipient is notified again: in every open event they were told
	// of, what changed while they were reserved is corrected (NT8).
	whose := notice.VictimIDEQ(0)
	switch {
	case r.VictimID != nil:
		whose = notice.VictimID(*r.VictimID)
	case r.SurvivorID != nil:
		whose = notice.SurvivorID(*r.SurvivorID)
	}
	events, err := client.Notice.Query().
		Where(whose, notice.StatusIn(rules.NoticeSending, rules.NoticeSent, rules.NoticeDelivered), notice.HasCustodyEventWith(custodyevent.StatusEQ(custodyevent.StatusOPEN))).
		GroupBy(notice.FieldCustodyEventID).Ints(ctx)
	if err != nil {
		return nil, err
	}
	for _, ev := range events {
		if err := s.followEvent(ctx, client, ev, "Reservasjonen er opphevet."); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// RecordNotificationAgreement records what was agreed with a victim or
// survivor about how often to notify — at every event, or once — with its
// date and how it was made (RC10).
func (s *Service) RecordNotificationAgreement(ctx context.Context, in RecordNotificationAgreementInput) (*ent.NotificationAgreement, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := s.person(ctx, client, in.VictimID, in.SurvivorID); err != nil {
		return nil, err
	}
	return client.NotificationAgreement.Create().
		SetNillableVictimID(in.VictimID).
		SetNillableSurvivorID(in.SurvivorID).
		SetFrequency(in.Frequency).
		SetAgreedAt(in.AgreedAt).
		SetHow(in.How).
		SetNote(strings.TrimSpace(text(in.Note))).
		SetNillableRecordedByID(staffID(v)).
		Save(ctx)
}

// cancelForRecipient cancels every notice to a recipient that has not
// reached them, in every event, and withdraws those the police hold (RC10).
func (s *Service) cancelForRecipient(ctx context.Context, client *ent.Client, whose predicate.Notice, reason string) error {
	events, err := client.Notice.Query().Where(whose, notice.StatusIn(rules.NoticeHeld, rules.NoticeReady, rules.NoticeSending, rules.NoticeSent)).
		GroupBy(notice.FieldCustodyEventID).Ints(ctx)
	if err != nil {
		return err
	}
	ids, err := client.Notice.Query().Where(whose).IDs(ctx)
	if err != nil {
		return err
	}
	for _, ev := range events {
		c, err := s.caseOf(ctx, client, ev)
		if err != nil {
			return err
		}
		if err := s.cancelMatching(ctx, client, c, func(n rules.CaseNotice) bool { return slices.Contains(ids, n.ID) }, reason); err != nil {
			return err
		}
	}
	return nil
}

// person checks that exactly one of a victim and a survivor is given and
// visible, and returns the predicate for the notices concerning them.
func (s *Service) person(ctx context.Context, client *ent.Client, victimID, survivorID *int) (predicate.Notice, error) {
	switch {
	case (victimID == nil) == (survivorID == nil):
		return nil, refuse("RC10", "Oppgi enten en fornærmet eller en etterlatt.")
	case victimID != nil:
		if _, err := found(client.Victim.Get(ctx, *victimID))("fornærmede"); err != nil {
			return nil, err
		}
		return notice.VictimID(*victimID), nil
	}
	if _, err := found(client.Survivor.Get(ctx, *survivorID))("den etterlatte"); err != nil {
		return nil, err
	}
	return notice.SurvivorID(*survivorID), nil
}
