package graph

import (
	"context"

	"varsel"
	"varsel/audit"
	"varsel/ent"
	"varsel/graph/model"
)

// me is the viewer with their unit or police district, for display.
func me(ctx context.Context, client *ent.Client) (*model.Me, error) {
	v := varsel.FromContext(ctx)
	if v == nil {
		return nil, varsel.Errorf(varsel.EUNAUTHENTICATED, "Du er ikke logget inn.")
	}
	m := &model.Me{Subject: v.Subject, Name: v.Name, Roles: v.Roles}
	var err error
	if v.UnitID != 0 {
		if m.Unit, err = client.Unit.Get(ctx, v.UnitID); err != nil {
			return nil, err
		}
	}
	if v.PoliceDistrictID != 0 {
		if m.PoliceDistrict, err = client.PoliceDistrict.Get(ctx, v.PoliceDistrictID); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// auditChainStatus verifies the audit trail's chain with its key and against
// its checkpoints (PR3), as varsel audit verify does.
func auditChainStatus(ctx context.Context, chain audit.Chain) (*model.AuditChainStatus, error) {
	st, err := chain.Verify(ctx)
	if err != nil {
		return nil, err
	}
	res := &model.AuditChainStatus{Intact: st.Intact(), Checked: st.Checked}
	if !st.Intact() {
		res.Problem = &st.Problem
		if st.FirstBrokenSeq != 0 {
			seq := int(st.FirstBrokenSeq)
			res.FirstBrokenSeq = &seq
		}
	}
	return res, nil
}
