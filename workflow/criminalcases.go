package workflow

import (
	"context"
	"slices"
	"strings"

	"varsel"
	"varsel/ent"
	"varsel/ent/auditevent"
	"varsel/ent/correction"
	"varsel/rules"
)

// CorrectCriminalCaseInput corrects a criminal case's status and what it
// covers; what is left out is unchanged.
type CorrectCriminalCaseInput struct {
	CriminalCaseID    int
	Status            *rules.CaseStatus
	OffenceCategories []rules.OffenceCategory
	CourtReasoning    *string
	Reason            string
}

// CorrectCriminalCase corrects a criminal case: whether the convict serves
// it, it lapsed because forvaring was imposed (RC2), or it is completed
// (RC1), and what it covers — the offences and the court's reasoning that
// the assessment weighs (AS3). A completed case is changed only by
// correcting its status, and a case purged under the retention rules not
// at all (rules.CheckCaseChange). What changed and why is recorded for the
// case history; then the notices of the convict's events follow: a victim
// of a case no longer served is no longer notified (NT8).
func (s *Service) CorrectCriminalCase(ctx context.Context, in CorrectCriminalCaseInput) (*ent.CriminalCase, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	cc, err := client.CriminalCase.Get(ctx, in.CriminalCaseID)
	if ent.IsNotFound(err) {
		// Deleted under the retention rules: the audit trail remembers (IX8).
		purged, err := client.AuditEvent.Query().Where(auditevent.EntityType(ent.TypeCriminalCase),
			auditevent.EntityID(in.CriminalCaseID), auditevent.ActionEQ(auditevent.ActionDELETE)).Exist(varsel.OnBehalfOf(ctx))
		if err != nil {
			return nil, err
		}
		if purged {
			return nil, rules.CheckCaseChange(rules.CaseChange{Purged: true})
		}
		return nil, notFound("saken")
	}
	if err != nil {
		return nil, err
	}
	reason := strings.TrimSpace(in.Reason)
	var changed []string
	if in.Status != nil && *in.Status != cc.Status {
		changed = append(changed, "caseStatus")
	}
	if in.OffenceCategories != nil && !sameOffences(in.OffenceCategories, cc.OffenceCategories) {
		changed = append(changed, "offenceCategories")
	}
	courtReasoning := cc.CourtReasoning
	if in.CourtReasoning != nil {
		courtReasoning = strings.TrimSpace(*in.CourtReasoning)
	}
	if courtReasoning != cc.CourtReasoning {
		changed = append(changed, "courtReasoning")
	}
	if err := rules.CheckCaseChange(rules.CaseChange{Was: cc.Status, Status: in.Status, Offences: in.OffenceCategories,
		Coverage: len(changed) > 0 && changed[len(changed)-1] != "caseStatus", Reason: reason}); err != nil {
		return nil, err
	}
	update := cc.Update().SetCourtReasoning(courtReasoning)
	if in.Status != nil && *in.Status != cc.Status {
		update.SetStatus(*in.Status).SetStatusChangedAt(s.Now())
	}
	if in.OffenceCategories != nil {
		update.SetOffenceCategories(in.OffenceCategories)
	}
	if cc, err = update.Save(ctx); err != nil {
		return nil, err
	}
	if err := recordCorrection(ctx, client, v, correction.SubjectCRIMINAL_CASE, cc.ID, cc.ConvictID, changed, reason); err != nil {
		return nil, err
	}
	return cc, s.followConvict(ctx, client, cc.ConvictID, "Straffesaken er rettet: "+reason)
}

func sameOffences(a, b []rules.OffenceCategory) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}
