package workflow

import (
	"context"

	"varsel/ent"
	"varsel/ent/alert"
	"varsel/ent/appeal"
	"varsel/ent/assessment"
	"varsel/ent/auditevent"
	"varsel/ent/condition"
	"varsel/ent/convict"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/informationrequest"
	"varsel/ent/notice"
	"varsel/ent/policerequest"
	"varsel/ent/securityassessment"
	"varsel/untilchange"
)

// touchedUnits names the units whose worklists a batch of committed changes
// may have moved (untilchange.Scopes): for a change to an event or to what
// hangs on it, the convict's unit and the deciding unit; for a police
// request or an alert, its unit too. Anything else — a change to a convict
// (who may have moved from another unit), a victim, a deletion, a kind of
// change not listed here — touches every unit: a worklist is never kept
// past a change that may move it.
func touchedUnits(ctx context.Context, client *ent.Client, changes []untilchange.Change) ([]int, bool, error) {
	byType := map[string][]int{}
	for _, c := range changes {
		if c.Action == auditevent.ActionDELETE {
			return nil, true, nil // gone: nothing left to look up
		}
		byType[c.EntityType] = append(byType[c.EntityType], c.EntityID)
	}
	var events, units []int
	eventsOf := func(ids []int, q func([]int) ([]int, error)) error {
		if len(ids) == 0 {
			return nil
		}
		evs, err := q(ids)
		events = append(events, evs...)
		return err
	}
	for typ, ids := range byType {
		var err error
		switch typ {
		case ent.TypeCustodyEvent:
			events = append(events, ids...)
		case ent.TypeNotice:
			err = eventsOf(ids, func(ids []int) ([]int, error) {
				return client.Notice.Query().Where(notice.IDIn(ids...)).Select(notice.FieldCustodyEventID).Ints(ctx)
			})
		case ent.TypeAssessment:
			err = eventsOf(ids, func(ids []int) ([]int, error) {
				return client.Assessment.Query().Where(assessment.IDIn(ids...)).Select(assessment.FieldCustodyEventID).Ints(ctx)
			})
		case ent.TypeSecurityAssessment:
			err = eventsOf(ids, func(ids []int) ([]int, error) {
				return client.SecurityAssessment.Query().Where(securityassessment.IDIn(ids...)).Select(securityassessment.FieldCustodyEventID).Ints(ctx)
			})
		case ent.TypeDecision:
			err = eventsOf(ids, func(ids []int) ([]int, error) {
				return client.Decision.Query().Where(decision.IDIn(ids...)).Select(decision.FieldCustodyEventID).Ints(ctx)
			})
		case ent.TypeCondition:
			err = eventsOf(ids, func(ids []int) ([]int, error) {
				return client.Condition.Query().Where(condition.IDIn(ids...)).Select(condition.FieldCustodyEventID).Ints(ctx)
			})
		case ent.TypeInformationRequest:
			err = eventsOf(ids, func(ids []int) ([]int, error) {
				return client.InformationRequest.Query().Where(informationrequest.IDIn(ids...)).Select(informationrequest.FieldCustodyEventID).Ints(ctx)
			})
		case ent.TypeAppeal:
			err = eventsOf(ids, func(ids []int) ([]int, error) {
				return client.Decision.Query().Where(decision.HasAppealsWith(appeal.IDIn(ids...))).Select(decision.FieldCustodyEventID).Ints(ctx)
			})
		case ent.TypePoliceRequest:
			rs, qerr := client.PoliceRequest.Query().Where(policerequest.IDIn(ids...)).All(ctx)
			for _, r := range rs {
				units = append(units, r.UnitID)
				if r.CustodyEventID != nil {
					events = append(events, *r.CustodyEventID)
				}
			}
			err = qerr
		case ent.TypeAlert:
			as, qerr := client.Alert.Query().Where(alert.IDIn(ids...)).All(ctx)
			for _, a := range as {
				units = append(units, a.UnitID)
			}
			err = qerr
		default:
			return nil, true, nil
		}
		if err != nil {
			return nil, false, err
		}
	}
	if len(events) > 0 {
		evs, err := client.CustodyEvent.Query().Where(custodyevent.IDIn(events...)).
			WithConvict(func(q *ent.ConvictQuery) { q.Select(convict.FieldUnitID) }).All(ctx)
		if err != nil {
			return nil, false, err
		}
		if len(evs) < len(uniq(events)) {
			return nil, true, nil // one is gone
		}
		for _, ev := range evs {
			units = append(units, ev.DecidingUnitID, ev.Edges.Convict.UnitID)
		}
	}
	return units, false, nil
}

func uniq(ids []int) map[int]bool {
	m := make(map[int]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
