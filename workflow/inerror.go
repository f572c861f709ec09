package workflow

import (
	"context"
	"strings"

	"varsel"
	"varsel/ent"
	"varsel/ent/alert"
	"varsel/ent/correction"
	"varsel/ent/custodyevent"
	"varsel/ent/guardian"
	"varsel/ent/policerequest"
	"varsel/ent/survivor"
	"varsel/ent/victim"
	"varsel/rules"
)

// MarkRegisteredInErrorInput marks exactly one custody event, victim,
// survivor or guardian as registered in error, with the reason.
type MarkRegisteredInErrorInput struct {
	CustodyEventID *int
	VictimID       *int
	SurvivorID     *int
	GuardianID     *int
	Reason         string
}

// MarkRegisteredInError records that a custody event, a victim, a survivor
// or a guardian was registered in error, and why. Nothing is deleted: the
// record leaves every list and worklist (the privacy rules hide it from
// staff), and stays in the audit trail and the case history (PR3). Its
// unsent notices stop (NT8). An event goes through the lifecycle's
// markRegisteredInError transition, which refuses it once a notice may
// have reached someone — that event is cancelled instead, so whoever was
// told gets a cancellation. For a person, every event of the convict
// follows: notices to them are cancelled, and those to a guardian
// registered in error are re-addressed to the guardians that remain (RC5).
// It returns the id of what was marked.
func (s *Service) MarkRegisteredInError(ctx context.Context, in MarkRegisteredInErrorInput) (int, error) {
	client, err := tx(ctx)
	if err != nil {
		return 0, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return 0, err
	}
	set := 0
	for _, id := range []*int{in.CustodyEventID, in.VictimID, in.SurvivorID, in.GuardianID} {
		if id != nil {
			set++
		}
	}
	if set != 1 {
		return 0, invalid("Oppgi én registrering som er gjort ved en feil: en hendelse, en fornærmet, en etterlatt eller en verge.")
	}
	reason := strings.TrimSpace(in.Reason)
	if err := rules.CheckChangeReason(reason); err != nil {
		return 0, err
	}
	now := s.Now()
	var convictID, subjectID int
	var subject correction.Subject
	switch {
	case in.CustodyEventID != nil:
		ev, err := found(client.CustodyEvent.Get(ctx, *in.CustodyEventID))("hendelsen")
		if err != nil {
			return 0, err
		}
		c, err := s.caseOf(ctx, client, ev.ID)
		if err != nil {
			return 0, err
		}
		if err := rules.Fire(rules.MarkEventInError, c, rules.Step{Reasoning: reason}); err != nil {
			return 0, err
		}
		why := "Hendelsen er registrert ved en feil: " + reason
		if err := s.cancelUnsent(ctx, client, c, why); err != nil {
			return 0, err
		}
		sys := varsel.OnBehalfOf(ctx)
		if err := client.PoliceRequest.Update().Where(policerequest.CustodyEventID(ev.ID),
			policerequest.StatusIn(policerequest.StatusOPEN, policerequest.StatusACKNOWLEDGED)).
			SetStatus(policerequest.StatusWITHDRAWN).SetWithdrawnAt(now).SetWithdrawReason(why).Exec(sys); err != nil {
			return 0, err
		}
		if err := client.Alert.Update().Where(alert.CustodyEventID(ev.ID), alert.ResolvedAtIsNil()).SetResolvedAt(now).Exec(sys); err != nil {
			return 0, err
		}
		if err := client.CustodyEvent.UpdateOneID(ev.ID).SetStatus(custodyevent.StatusREGISTERED_IN_ERROR).
			SetRegisteredInErrorAt(now).SetRegisteredInErrorReason(reason).Exec(ctx); err != nil {
			return 0, err
		}
		convictID, subject, subjectID = ev.ConvictID, correction.SubjectCUSTODY_EVENT, ev.ID
	case in.VictimID != nil:
		vic, err := found(client.Victim.Query().Where(victim.ID(*in.VictimID)).WithCriminalCase().Only(ctx))("fornærmede")
		if err != nil {
			return 0, err
		}
		if err := client.Victim.UpdateOneID(vic.ID).SetRegisteredInErrorAt(now).SetRegisteredInErrorReason(reason).Exec(ctx); err != nil {
			return 0, err
		}
		convictID, subject, subjectID = vic.Edges.CriminalCase.ConvictID, correction.SubjectVICTIM, vic.ID
	case in.SurvivorID != nil:
		sv, err := found(client.Survivor.Query().Where(survivor.ID(*in.SurvivorID)).
			WithVictim(func(q *ent.VictimQuery) { q.WithCriminalCase() }).Only(ctx))("den etterlatte")
		if err != nil {
			return 0, err
		}
		if err := client.Survivor.UpdateOneID(sv.ID).SetRegisteredInErrorAt(now).SetRegisteredInErrorReason(reason).Exec(ctx); err != nil {
			return 0, err
		}
		convictID, subject, subjectID = sv.Edges.Victim.Edges.CriminalCase.ConvictID, correction.SubjectSURVIVOR, sv.ID
	default:
		g, err := found(client.Guardian.Query().Where(guardian.ID(*in.GuardianID)).
			WithVictim(func(q *ent.VictimQuery) { q.WithCriminalCase() }).
			WithSurvivor(func(q *ent.SurvivorQuery) {
				q.WithVictim(func(q *ent.VictimQuery) { q.WithCriminalCase() })
			}).Only(ctx))("vergen")
		if err != nil {
			return 0, err
		}
		if err := client.Guardian.UpdateOneID(g.ID).SetRegisteredInErrorAt(now).SetRegisteredInErrorReason(reason).Exec(ctx); err != nil {
			return 0, err
		}
		if g.Edges.Victim != nil {
			convictID = g.Edges.Victim.Edges.CriminalCase.ConvictID
		} else {
			convictID = g.Edges.Survivor.Edges.Victim.Edges.CriminalCase.ConvictID
		}
		subject, subjectID = correction.SubjectGUARDIAN, g.ID
	}
	if err := recordCorrection(ctx, client, v, subject, subjectID, convictID, []string{"registeredInError"}, reason); err != nil {
		return 0, err
	}
	if subject == correction.SubjectCUSTODY_EVENT {
		return subjectID, nil
	}
	return subjectID, s.followConvict(ctx, client, convictID, "Mottakeren er registrert ved en feil: "+reason)
}
