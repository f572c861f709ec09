package workflow

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"varsel/ent"
	"varsel/ent/condition"
	"varsel/ent/convict"
	"varsel/ent/criminalcase"
	"varsel/ent/custodyevent"
	"varsel/ent/notice"
	"varsel/ent/survivor"
	"varsel/ent/victim"
	"varsel/rules"
)

// RegisterCustodyEvent registers an event and decides whether it may be
// notified, under which provision (EV1–EV6), and at which level it is decided
// (DC2). A non-notifiable event is refused with the reason, and not stored.
func (s *Service) RegisterCustodyEvent(ctx context.Context, in RegisterCustodyEventInput) (*ent.CustodyEvent, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	c, err := found(client.Convict.Query().Where(convict.ID(in.ConvictID)).WithUnit().Only(ctx))("domfelte")
	if err != nil {
		return nil, err
	}
	facts := rules.EventFacts{
		Kind:                       in.Kind,
		StartsAt:                   in.StartsAt,
		EndsAt:                     in.EndsAt,
		DateOnly:                   in.DateOnly,
		ServingPreventiveDetention: c.ServingPreventiveDetention,
		ProbationEndsOn:            in.ProbationEndsOn,
		FullTermRelease:            in.Kind == rules.Release && in.FullTermRelease,
		FromInstitution:            in.InstitutionStayID != nil,
	}
	if in.InstitutionStayID != nil {
		stay, err := found(client.InstitutionStay.Get(ctx, *in.InstitutionStayID))("institusjonsoppholdet")
		if err != nil {
			return nil, err
		}
		if stay.ConvictID != c.ID {
			return nil, notFound("institusjonsoppholdet")
		}
		facts.InstitutionNotifies = stay.NotifyOnLeaves
	}
	if err := rules.Fire(rules.RegisterEvent, &rules.Case{Now: s.Now()}, rules.Step{Event: &facts}); err != nil {
		return nil, err
	}
	basis := rules.LegalBasis(in.Kind)
	level := rules.DecidingLevel(in.Kind, rules.ConvictProfile{
		SentenceOverTenYears:       c.SentenceOverTenYears,
		ServingPreventiveDetention: c.ServingPreventiveDetention,
		HighSecurityUnit:           c.Edges.Unit.HighSecurity,
	})
	decidingUnit := c.UnitID
	if level == rules.RegionLevel {
		if c.Edges.Unit.ParentID == nil {
			return nil, refuse("DC2", "%s er ikke knyttet til en region, og vedtaket skal treffes på regionalt nivå.", c.Edges.Unit.Name)
		}
		decidingUnit = *c.Edges.Unit.ParentID
	}
	if in.Kind != rules.ResidenceChangeOnParole {
		in.ProbationEndsOn = nil
	}
	return client.CustodyEvent.Create().
		SetConvictID(c.ID).
		SetKind(in.Kind).
		SetLegalBasis(basis).
		SetStartsAt(in.StartsAt).
		SetNillableEndsAt(in.EndsAt).
		SetDateOnly(in.DateOnly).
		SetFullTermRelease(in.Kind == rules.Release && in.FullTermRelease).
		SetNillableProbationEndsOn(in.ProbationEndsOn).
		SetNillableInstitutionStayID(in.InstitutionStayID).
		SetDecidingLevel(level).
		SetDecidingUnitID(decidingUnit).
		SetNillableCreatedByID(staffID(v)).
		Save(ctx)
}

// RecordConditions sets the event's conditions, replacing any recorded
// before. A residence is an area only (NT4); each condition names the victims
// and survivors it directly concerns, since only they are told (NT3).
// Conditions cannot change once notices are prepared: cancel those first.
func (s *Service) RecordConditions(ctx context.Context, in RecordConditionsInput) (*ent.CustodyEvent, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	ev, err := s.openEvent(ctx, client, in.CustodyEventID)
	if err != nil {
		return nil, err
	}
	c0, err := s.caseOf(ctx, client, ev.ID)
	if err != nil {
		return nil, err
	}
	if err := rules.Fire(rules.RecordConditions, c0, rules.Step{}); err != nil {
		return nil, err
	}
	if n, err := client.Notice.Query().Where(notice.CustodyEventID(ev.ID), notice.StatusNEQ(rules.NoticeCancelled)).Count(ctx); err != nil {
		return nil, err
	} else if n > 0 {
		return nil, conflict("Varsler er allerede laget ut fra vilkårene. Avbryt varslene før vilkårene endres.")
	}
	victims, survivors, err := potentialRecipients(ctx, client, ev.ConvictID)
	if err != nil {
		return nil, err
	}
	if _, err := client.Condition.Delete().Where(condition.CustodyEventID(ev.ID)).Exec(ctx); err != nil {
		return nil, err
	}
	for i, c := range in.Conditions {
		field := func(name string) string { return fmt.Sprintf("conditions.%d.%s", i, name) }
		area := strings.TrimSpace(text(c.Area))
		if c.Kind == rules.Residence {
			if err := rules.CheckResidenceArea(area, c.AreaLevel); err != nil {
				return nil, err.(*rules.Violation).On(field("area"))
			}
		} else if area != "" || c.AreaLevel != nil {
			return nil, refuse("NT4", "Bare vilkår om oppholdssted har et område.").On(field("area"))
		}
		if err := rules.CheckPostalAddress(text(c.Description)); err != nil {
			return nil, err.(*rules.Violation).On(field("description"))
		}
		// The description reaches the recipient too: no address in it (NT4).
		if err := rules.CheckNoAddress(text(c.Description)); err != nil {
			return nil, err.(*rules.Violation).On(field("description"))
		}
		for _, id := range c.ConcernsVictimIDs {
			if !slices.ContainsFunc(victims, func(v *ent.Victim) bool { return v.ID == id }) {
				return nil, notFound("fornærmede som vilkåret gjelder")
			}
		}
		for _, id := range c.ConcernsSurvivorIDs {
			if !slices.ContainsFunc(survivors, func(v *ent.Survivor) bool { return v.ID == id }) {
				return nil, notFound("den etterlatte som vilkåret gjelder")
			}
		}
		create := client.Condition.Create().
			SetCustodyEventID(ev.ID).
			SetKind(c.Kind).
			SetDescription(strings.TrimSpace(text(c.Description))).
			SetLegalBasis(rules.ConditionBasis(c.Kind, ev.Kind)).
			AddConcernsVictimIDs(c.ConcernsVictimIDs...).
			AddConcernsSurvivorIDs(c.ConcernsSurvivorIDs...)
		if c.Kind == rules.Residence {
			create.SetArea(area).SetNillableAreaLevel(c.AreaLevel)
		}
		if err := create.Exec(ctx); err != nil {
			return nil, err
		}
	}
	return client.CustodyEvent.Get(ctx, ev.ID)
}

// openEvent loads an event that is still open for work.
func (s *Service) openEvent(ctx context.Context, client *ent.Client, id int) (*ent.CustodyEvent, error) {
	ev, err := found(client.CustodyEvent.Get(ctx, id))("utgangen")
	if err != nil {
		return nil, err
	}
	if ev.Status != custodyevent.StatusOPEN {
		return nil, conflict("Saken om denne utgangen er avsluttet.")
	}
	return ev, nil
}

// potentialRecipients are the victims of the criminal cases the convict
// serves (or whose sentences lapsed because of forvaring), and the survivors
// of those who died (RC1–RC3).
func potentialRecipients(ctx context.Context, client *ent.Client, convictID int) ([]*ent.Victim, []*ent.Survivor, error) {
	cases, err := client.CriminalCase.Query().
		Where(criminalcase.ConvictID(convictID), criminalcase.StatusNEQ(rules.Completed)).
		// Nobody registered in error is a recipient (NT8).
		WithVictims(func(q *ent.VictimQuery) {
			q.Where(victim.RegisteredInErrorAtIsNil()).
				WithSurvivors(func(q *ent.SurvivorQuery) { q.Where(survivor.RegisteredInErrorAtIsNil()) }).Order(ent.Asc("id"))
		}).
		Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return nil, nil, err
	}
	var victims []*ent.Victim
	var survivors []*ent.Survivor
	for _, c := range cases {
		for _, v := range c.Edges.Victims {
			v.Edges.CriminalCase = c
			victims = append(victims, v)
			for _, s := range v.Edges.Survivors {
				s.Edges.Victim = v
				survivors = append(survivors, s)
			}
		}
	}
	return victims, survivors, nil
}

// PotentialRecipient is one person a notice of an event may go to (RC1,
// RC2, RC3): a victim of a case the convict serves, or a survivor of a
// deceased one — with that person's significance assessment for the event,
// once made (AS1).
type PotentialRecipient struct {
	Victim       *ent.Victim
	Survivor     *ent.Survivor
	CriminalCase *ent.CriminalCase
	Assessment   *ent.Assessment
	// Survivors is how many survivors the deceased victim has; with several,
	// the assessment says whether one or several are notified (RC4).
	Survivors int
	// Minor: under 18 today, so assessed particularly carefully (AS4) and
	// written to through the guardians (RC5).
	Minor bool
}

// PotentialRecipients lists who must be assessed before the event (AS1):
// the living victims of the cases the convict serves, or whose sentence
// lapsed for forvaring (RC2), and the survivors of the deceased ones (RC3).
func (s *Service) PotentialRecipients(ctx context.Context, client *ent.Client, eventID int) ([]*PotentialRecipient, error) {
	ev, err := found(client.CustodyEvent.Query().Where(custodyevent.ID(eventID)).WithAssessments().Only(ctx))("hendelsen")
	if err != nil {
		return nil, err
	}
	victims, survivors, err := potentialRecipients(ctx, client, ev.ConvictID)
	if err != nil {
		return nil, err
	}
	assessed := func(victimID, survivorID *int) *ent.Assessment {
		var latest *ent.Assessment
		for _, a := range ev.Edges.Assessments {
			same := (victimID != nil && a.VictimID != nil && *a.VictimID == *victimID) ||
				(survivorID != nil && a.SurvivorID != nil && *a.SurvivorID == *survivorID)
			if same && (latest == nil || a.ID > latest.ID) {
				latest = a
			}
		}
		return latest
	}
	now := s.Now()
	minor := func(birth *time.Time) bool { return birth != nil && rules.IsMinor(*birth, now) }
	var out []*PotentialRecipient
	for _, v := range victims {
		if !v.Deceased {
			out = append(out, &PotentialRecipient{Victim: v, CriminalCase: v.Edges.CriminalCase, Assessment: assessed(&v.ID, nil),
				Minor: minor(v.BirthDate)})
		}
	}
	for _, sv := range survivors {
		v := sv.Edges.Victim
		if v.Deceased {
			out = append(out, &PotentialRecipient{Survivor: sv, CriminalCase: v.Edges.CriminalCase,
				Assessment: assessed(nil, &sv.ID), Survivors: len(v.Edges.Survivors), Minor: minor(sv.BirthDate)})
		}
	}
	return out, nil
}
