package server

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"varsel/ent"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/decision"
	"varsel/ent/policerequest"
	"varsel/rules"
)

// demoHistoryUnits are where dev mode's synthetic history lies: units none
// of the seeded staff works at, so the demo cases of Oslo and Bergen stay as
// they are, while the analysts' dashboard has a year of figures to show.
var demoHistoryUnits = []string{"skien-fengsel", "stavanger-fengsel", "trondheim-fengsel", "tromso-fengsel"}

// demoFirstNames and demoLastNames make the synthetic people's names.
var (
	demoFirstNames = []string{"Anders", "Berit", "Camilla", "Dag", "Eva", "Frode", "Guro", "Henrik", "Ida", "Jonas", "Kari", "Leif"}
	demoLastNames  = []string{"Aas", "Bakke", "Dahl", "Foss", "Hagen", "Lund", "Moe", "Nygård", "Rønning", "Strand", "Vik", "Ødegård"}
)

// seedDemoHistory writes a year of closed custody events at the history
// units — security assessments, significance assessments, decisions,
// appeals, police requests and notices sent by every channel, some late —
// so that the reporting figures of dev mode are not all suppressed (PR4).
// Every row is synthetic and drawn from a fixed seed; the audit trail
// records it like any other change.
func seedDemoHistory(ctx context.Context, tx *ent.Tx, s *demoSeeder, now time.Time) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("demo history: %v", r)
		}
	}()
	r := rand.New(rand.NewPCG(7, 14))
	districts := tx.PoliceDistrict.Query().Order(ent.Asc("id")).IDsX(ctx)
	kinds := []rules.EventKind{rules.Leave, rules.Leave, rules.Leave, rules.DayRelease, rules.DayRelease, rules.Release, rules.ServingOutsidePrison, rules.Escape}
	n := 0
	for _, code := range demoHistoryUnits {
		unitID := s.unit(code)
		for range 10 {
			n++
			name := func(k int) string {
				return demoFirstNames[(n*5+k)%len(demoFirstNames)] + " " + demoLastNames[(n*7+k*3)%len(demoLastNames)]
			}
			birth := date(1960+r.IntN(40), time.Month(1+r.IntN(12)), 1+r.IntN(28))
			c := tx.Convict.Create().SetName(name(0)).SetNationalIdentityNumber(s.nin(birth, 600+n)).SetBirthDate(birth).
				SetUnitID(unitID).SaveX(ctx)
			k := s.criminalCase(c, fmt.Sprintf("%02d-%06dMED-DEMO/%02d", 18+r.IntN(7), 100000+n*37, 1+r.IntN(9)), date(2019+r.IntN(5), 3, 1+r.IntN(27)),
				rules.Violence, rules.Threats)
			vBirth := date(1965+r.IntN(40), time.Month(1+r.IntN(12)), 1+r.IntN(28))
			v := tx.Victim.Create().SetCriminalCase(k).SetName(name(1)).SetNationalIdentityNumber(s.nin(vBirth, 700+n)).SetBirthDate(vBirth).
				SetAddressLine(fmt.Sprintf("Demoveien %d", n)).SetPostalCode("3700").SetPostalPlace("Skien").SaveX(ctx)
			for e := range 2 + r.IntN(2) {
				kind := kinds[r.IntN(len(kinds))]
				startsAt := now.AddDate(0, 0, -(20 + r.IntN(330))).Truncate(time.Hour)
				seedDemoEvent(ctx, tx, r, demoEvent{convict: c, victim: v, unitID: unitID, kind: kind, startsAt: startsAt,
					district: districts[(n+e)%len(districts)], key: fmt.Sprintf("demo:%d:%d", n, e)})
			}
		}
	}
	return s.err
}

type demoEvent struct {
	convict  *ent.Convict
	victim   *ent.Victim
	unitID   int
	kind     rules.EventKind
	startsAt time.Time
	district int
	key      string
}

// seedDemoEvent writes one past event and what followed it.
func seedDemoEvent(ctx context.Context, tx *ent.Tx, r *rand.Rand, d demoEvent) {
	escape := d.kind == rules.Escape
	registered := d.startsAt.AddDate(0, 0, -(20 + r.IntN(25)))
	if escape {
		registered = d.startsAt.Add(time.Duration(1+r.IntN(3)) * time.Hour)
	}
	ev := tx.CustodyEvent.Create().SetConvict(d.convict).SetDecidingUnitID(d.unitID).SetKind(d.kind).
		SetLegalBasis(rules.LegalBasis(d.kind)).SetStartsAt(d.startsAt).SetDecidingLevel(rules.LocalLevel).
		SetStatus("CLOSED").SetCreatedAt(registered).SaveX(ctx)

	// Security first (AS2): now and then the police are asked, and once in a
	// while they confirm a risk, which stops the notices.
	security := rules.NoRisk
	if r.IntN(6) == 0 {
		asked := registered.Add(2 * time.Hour)
		confirmed := r.IntN(3) == 0
		security = rules.SecurityOutcomeAfterPolice(confirmed)
		tx.PoliceRequest.Create().SetKind(policerequest.KindSECURITY_STATEMENT).SetStatus(policerequest.StatusCOMPLETED).
			SetQuestion("Er det fare for hevnaksjoner eller lignende mot domfelte ved permisjonen?").
			SetResponse("Politiets vurdering er gitt.").SetRiskConfirmed(confirmed).
			SetCompletedAt(asked.Add(time.Duration(6+r.IntN(90)) * time.Hour)).SetCreatedAt(asked).
			SetCustodyEventID(ev.ID).SetPoliceDistrictID(d.district).SetUnitID(d.unitID).ExecX(ctx)
	}
	tx.SecurityAssessment.Create().SetCustodyEvent(ev).SetOutcome(security).SetAssessedAt(registered.Add(time.Hour)).
		SetReasoning("Syntetisk demovurdering.").ExecX(ctx)
	if security == rules.RiskConfirmed {
		return
	}
	notify := r.IntN(5) > 0
	outcome := assessment.OutcomeDO_NOT_NOTIFY
	if notify {
		outcome = assessment.OutcomeNOTIFY
	}
	a := tx.Assessment.Create().SetCustodyEvent(ev).SetVictim(d.victim).SetOutcome(outcome).
		SetFactors(rules.Factors{OffenceSeriousness: "Vold og trusler.", NeedToPrepare: "Syntetisk."}).
		SetReasoning("Syntetisk demobegrunnelse.").SetCreatedAt(registered.Add(3 * time.Hour)).SaveX(ctx)
	if !notify {
		return
	}
	decided := registered.Add(24 * time.Hour)
	dec := tx.Decision.Create().SetCustodyEvent(ev).SetDecidingUnitID(d.unitID).SetLevel(rules.LocalLevel).
		SetDecidedAt(decided).SetReasoning("Vilkårene for varsling er oppfylt.").AddAssessments(a)
	if escape {
		dec.SetInformingImpracticableReason("Domfelte har unndratt seg, og kan ikke underrettes.")
	} else {
		informed := decided.Add(24 * time.Hour)
		dec.SetConvictInformedAt(informed).SetConvictInformedHow(decision.ConvictInformedHowLETTER).SetAppealDeadline(rules.AppealDeadline(rules.DateOf(informed)))
	}
	made := dec.SaveX(ctx)
	if !escape && r.IntN(12) == 0 {
		status := appeal.StatusUPHELD
		if r.IntN(3) == 0 {
			status = appeal.StatusOVERTURNED
		}
		tx.Appeal.Create().SetDecision(made).SetReceivedAt(decided.AddDate(0, 0, 3)).SetStatus(status).
			SetDecidedAt(decided.AddDate(0, 0, 6)).SetReasoning("Syntetisk klageavgjørelse.").ExecX(ctx)
		if status == appeal.StatusOVERTURNED {
			made.Update().SetStatus(decision.StatusOVERTURNED).ExecX(ctx)
			return
		}
	}

	due := rules.NoticeDueDate(d.kind, d.startsAt, registered)
	sent := d.startsAt.AddDate(0, 0, -(15 + r.IntN(12)))
	late := false
	if escape {
		sent = registered.Add(time.Duration(1+r.IntN(8)) * time.Hour)
	} else if r.IntN(8) == 0 {
		sent, late = d.startsAt.AddDate(0, 0, -(3+r.IntN(9))), true
	}
	channel := []rules.Channel{rules.Letter, rules.Letter, rules.Letter, rules.Digipost, rules.Digipost, rules.Phone, rules.ViaPolice}[r.IntN(7)]
	if escape && channel == rules.Letter {
		channel = rules.Phone
	}
	route := rules.Direct
	if channel == rules.ViaPolice {
		route = rules.ThroughPolice
	}
	create := tx.Notice.Create().SetCustodyEvent(ev).SetAssessment(a).SetVictim(d.victim).SetStatus(rules.NoticeSent).
		SetRoute(route).SetChannel(channel).SetDueDate(due).SetLate(late).SetWrittenStandard(rules.Bokmal).
		SetContent(rules.NoticeContentFor(rules.EventFacts{Kind: d.kind, StartsAt: d.startsAt}, false, nil)).
		SetDedupeKey(d.key).SetSentAt(sent).SetCreatedAt(sent.Add(-time.Hour))
	if late && r.IntN(3) > 0 {
		create.SetLateJustification("Utgangen ble innvilget sent.")
	}
	switch channel {
	case rules.Phone:
		create.SetPhoneReason("Varselet måtte gis straks.")
		if r.IntN(4) > 0 {
			create.SetPhoneDocumentedAt(sent.Add(3 * time.Hour)).SetPhoneDocumentation("Samtalen er dokumentert.")
		}
	case rules.ViaPolice:
		create.SetStatus(rules.NoticeDelivered).SetDeliveredAt(sent.Add(30 * time.Hour)).SetPoliceDistrictID(d.district)
	}
	create.ExecX(ctx)
}
