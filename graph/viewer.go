package graph

import (
	"context"

	"varsel"
	"varsel/audit"
	"varsel/ent"
	"varsel/graph/model"

	"database/sql"
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

// auditChainStatus verifies the audit trail's hash chain (PR3).
func auditChainStatus(ctx context.Context, db *sql.DB) (*model.AuditChainStatus, error) {
	st, err := audit.Verify(ctx, db)
	if err != nil {
		return nil, err
	}
	res := &model.AuditChainStatus{Intact: st.Intact(), Checked: st.Checked}
	if !st.Intact() {
		seq := int(st.FirstBrokenSeq)
		res.FirstBrokenSeq, res.Problem = &seq, &st.Problem
	}
	return res, nil
}
