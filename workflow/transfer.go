package workflow

import (
	"context"
	"strings"

	"varsel"
	"varsel/ent"
	"varsel/ent/alert"
	"varsel/ent/convict"
	"varsel/ent/correction"
	"varsel/ent/custodyevent"
	"varsel/ent/notice"
	"varsel/ent/policereport"
	"varsel/ent/policerequest"
	"varsel/rules"
)

// TransferConvictInput moves a convict to another unit.
type TransferConvictInput struct {
	ConvictID int
	UnitID    int
	Reason    string
}

// TransferConvict moves a convict, the case and its open work to another
// local unit (PR5): from then on the new unit's staff see the case, its
// events, notices and worklist, and the old unit's no longer do. Only staff
// whose scope holds the convict's present unit may transfer. Open events
// are decided at the level the new unit calls for (DC2) — the region above
// a high-security unit — while decisions already made stand. Open police
// requests, unresolved alerts and police reports not yet acknowledged move
// with the convict. The transfer is recorded, with the reason, in the case
// history (PR3).
func (s *Service) TransferConvict(ctx context.Context, in TransferConvictInput) (*ent.Convict, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	sys := varsel.OnBehalfOf(ctx)
	c, err := found(client.Convict.Query().Where(convict.ID(in.ConvictID)).Only(sys))("domfelte")
	if err != nil {
		return nil, err
	}
	// Refused with the rule, not "not found": the caller is told why (PR5).
	if !v.SeesUnit(c.UnitID) {
		return nil, refuse("PR5", "Du kan bare overføre domfelte fra en enhet du arbeider for, eller fra en enhet under regionen din. Domfelte hører til en annen enhet.").On("convictId")
	}
	reason := strings.TrimSpace(in.Reason)
	if err := rules.CheckChangeReason(reason); err != nil {
		return nil, err
	}
	to, err := found(client.Unit.Get(sys, in.UnitID))("enheten")
	if err != nil {
		return nil, err
	}
	switch {
	case to.ID == c.UnitID:
		return nil, refuse("NT8", "Domfelte hører allerede til %s.", to.Name).On("unitId")
	case to.Kind != rules.LocalLevel:
		return nil, refuse("DC2", "Domfelte overføres til en lokal enhet, et fengsel eller et friomsorgskontor. %s er ikke en lokal enhet.", to.Name).On("unitId")
	}
	// DC2: the deciding level of every open event, with the new unit.
	profile := rules.ConvictProfile{SentenceOverTenYears: c.SentenceOverTenYears,
		ServingPreventiveDetention: c.ServingPreventiveDetention, HighSecurityUnit: to.HighSecurity}
	events, err := client.CustodyEvent.Query().Where(custodyevent.ConvictID(c.ID), custodyevent.StatusEQ(custodyevent.StatusOPEN)).All(sys)
	if err != nil {
		return nil, err
	}
	changed := []string{"unitId"}
	for _, ev := range events {
		level := rules.DecidingLevel(ev.Kind, profile)
		decidingUnit := to.ID
		if level == rules.RegionLevel {
			if to.ParentID == nil {
				return nil, refuse("DC2", "%s er ikke knyttet til en region, og vedtakene om domfeltes utganger skal treffes på regionalt nivå.", to.Name).On("unitId")
			}
			decidingUnit = *to.ParentID
		}
		if level != ev.DecidingLevel && len(changed) == 1 {
			changed = append(changed, "decidingLevel")
		}
		if err := client.CustodyEvent.UpdateOneID(ev.ID).SetDecidingLevel(level).SetDecidingUnitID(decidingUnit).Exec(sys); err != nil {
			return nil, err
		}
	}
	// The open work moves with the convict.
	theirs := custodyevent.ConvictID(c.ID)
	if err := client.PoliceRequest.Update().Where(policerequest.UnitID(c.UnitID), policerequest.HasCustodyEventWith(theirs),
		policerequest.StatusIn(policerequest.StatusOPEN, policerequest.StatusACKNOWLEDGED)).SetUnitID(to.ID).Exec(sys); err != nil {
		return nil, err
	}
	if err := client.Alert.Update().Where(alert.UnitID(c.UnitID), alert.ResolvedAtIsNil(), alert.Or(
		alert.HasCustodyEventWith(theirs), alert.HasNoticeWith(notice.HasCustodyEventWith(theirs)),
		alert.HasPoliceReportWith(policereport.ConvictID(c.ID)), alert.HasPoliceRequestWith(policerequest.HasCustodyEventWith(theirs)))).
		SetUnitID(to.ID).Exec(sys); err != nil {
		return nil, err
	}
	if err := client.PoliceReport.Update().Where(policereport.ConvictID(c.ID), policereport.AcknowledgedAtIsNil()).
		SetUnitID(to.ID).Exec(sys); err != nil {
		return nil, err
	}
	// Under the caller's own policies: they may change a convict of their unit.
	if err := client.Convict.UpdateOneID(c.ID).SetUnitID(to.ID).Exec(ctx); err != nil {
		return nil, err
	}
	if err := recordCorrection(ctx, client, v, correction.SubjectCONVICT, c.ID, c.ID, changed, reason); err != nil {
		return nil, err
	}
	return client.Convict.Get(sys, c.ID)
}
