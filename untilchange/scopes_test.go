package untilchange

import (
	"context"
	"strings"
	"testing"

	entsql "entgo.io/ent/dialect/sql"

	"varsel"
	"varsel/audit"
	"varsel/dbtest"
	"varsel/ent"
	"varsel/ent/policedistrict"
)

// A unit's key moves with the changes that touch it, and not with those at
// another unit; a change whose units cannot be told moves every key; a
// region's key moves with each of its units'.
func TestScopedKeyMovesOnlyWithItsUnits(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			db := dbtest.Open(t, d)
			client := ent.NewClient(ent.Driver(entsql.OpenDB(db.Dialect, db.DB.DB)))
			client.Use(audit.Hook(db.Dialect, dbtest.AuditKey))
			ctx := varsel.SystemContext(context.Background())
			// The changes are police districts named after the unit they
			// touch: "oslo-…" touches unit 1, "bergen-…" unit 2, anything else
			// cannot be told.
			touched := func(ctx context.Context, client *ent.Client, changes []Change) ([]int, bool, error) {
				var units []int
				for _, c := range changes {
					pd, err := client.PoliceDistrict.Query().Where(policedistrict.ID(c.EntityID)).Only(ctx)
					if err != nil {
						return nil, false, err
					}
					switch {
					case strings.HasPrefix(pd.Code, "oslo"):
						units = append(units, 1)
					case strings.HasPrefix(pd.Code, "bergen"):
						units = append(units, 2)
					default:
						return nil, true, nil
					}
				}
				return units, false, nil
			}
			var s Scopes
			viewer := func(units ...int) *varsel.Viewer {
				return &varsel.Viewer{Roles: []varsel.Role{varsel.RoleCaseworker}, UnitIDs: units}
			}
			oslo, bergen, region := viewer(1), viewer(2), viewer(1, 2, 3)
			key := func(v *varsel.Viewer) Key {
				t.Helper()
				k, err := s.Key(ctx, client, touched, v)
				if err != nil {
					t.Fatal(err)
				}
				return k
			}
			change := func(code string) {
				t.Helper()
				tx, err := client.Tx(ctx)
				if err != nil {
					t.Fatal(err)
				}
				tx.PoliceDistrict.Create().SetName(code).SetCode(code).ExecX(ctx)
				if err := tx.Commit(); err != nil {
					t.Fatal(err)
				}
			}
			o, b, r := key(oslo), key(bergen), key(region)
			change("bergen-1")
			if k := key(oslo); k != o {
				t.Errorf("a change at Bergen moved Oslo's key: %v → %v", o, k)
			}
			if k := key(bergen); k == b {
				t.Error("a change at Bergen left Bergen's key")
			}
			if k := key(region); k == r {
				t.Error("a change at Bergen left the region's key")
			}
			o, b = key(oslo), key(bergen)
			change("oslo-1")
			change("oslo-2")
			if k := key(oslo); k == o {
				t.Error("changes at Oslo left Oslo's key")
			}
			if k := key(bergen); k != b {
				t.Errorf("changes at Oslo moved Bergen's key: %v → %v", b, k)
			}
			o, b = key(oslo), key(bergen)
			change("directorate")
			if key(oslo) == o || key(bergen) == b {
				t.Error("a change that cannot be told left a unit's key")
			}
		})
	}
}
