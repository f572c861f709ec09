package server

import (
	"context"
	"fmt"

	"varsel"
	"varsel/ent"
	"varsel/ent/policedistrict"
	"varsel/ent/unit"
	"varsel/rules"
)

// policeDistricts are Norway's twelve police districts (politidistrikter).
var policeDistricts = []struct{ code, name string }{
	{"oslo", "Oslo politidistrikt"},
	{"ost", "Øst politidistrikt"},
	{"innlandet", "Innlandet politidistrikt"},
	{"sor-ost", "Sør-Øst politidistrikt"},
	{"agder", "Agder politidistrikt"},
	{"sor-vest", "Sør-Vest politidistrikt"},
	{"vest", "Vest politidistrikt"},
	{"more-og-romsdal", "Møre og Romsdal politidistrikt"},
	{"trondelag", "Trøndelag politidistrikt"},
	{"nordland", "Nordland politidistrikt"},
	{"troms", "Troms politidistrikt"},
	{"finnmark", "Finnmark politidistrikt"},
}

type unitSpec struct {
	code, name, parent, region string
	level                      rules.Level
	highSecurity               bool
	address                    []string
	phone                      string
}

// correctionalUnits are the directorate, the five regions and a selection of
// local units. Administrators add the rest.
var correctionalUnits = []unitSpec{
	{code: "kdi", name: "Kriminalomsorgsdirektoratet", level: rules.DirectorateLevel},
	{code: "region-ost", name: "Region øst", parent: "kdi", region: "OST", level: rules.RegionLevel},
	{code: "region-sor", name: "Region sør", parent: "kdi", region: "SOR", level: rules.RegionLevel},
	{code: "region-vest", name: "Region vest", parent: "kdi", region: "VEST", level: rules.RegionLevel},
	{code: "region-sorvest", name: "Region sørvest", parent: "kdi", region: "SORVEST", level: rules.RegionLevel},
	{code: "region-nord", name: "Region nord", parent: "kdi", region: "NORD", level: rules.RegionLevel},
	{code: "oslo-fengsel", name: "Oslo fengsel", parent: "region-ost", region: "OST", level: rules.LocalLevel,
		address: []string{"Postboks 4243 Nydalen", "0401 Oslo"}, phone: "23 00 40 00"},
	{code: "ila-fengsel", name: "Ila fengsel og forvaringsanstalt", parent: "region-ost", region: "OST", level: rules.LocalLevel,
		address: []string{"Postboks 50", "1332 Østerås"}, phone: "67 16 40 00"},
	{code: "ringerike-fengsel", name: "Ringerike fengsel", parent: "region-sor", region: "SOR", level: rules.LocalLevel, highSecurity: true},
	{code: "oslo-friomsorgskontor", name: "Oslo friomsorgskontor", parent: "region-ost", region: "OST", level: rules.LocalLevel},
	{code: "skien-fengsel", name: "Skien fengsel", parent: "region-sor", region: "SOR", level: rules.LocalLevel},
	{code: "bergen-fengsel", name: "Bergen fengsel", parent: "region-vest", region: "VEST", level: rules.LocalLevel,
		address: []string{"Postboks 6064 Bedriftssenteret", "5892 Bergen"}, phone: "55 00 40 00"},
	{code: "stavanger-fengsel", name: "Stavanger fengsel", parent: "region-sorvest", region: "SORVEST", level: rules.LocalLevel},
	{code: "trondheim-fengsel", name: "Trondheim fengsel", parent: "region-nord", region: "NORD", level: rules.LocalLevel},
	{code: "tromso-fengsel", name: "Tromsø fengsel", parent: "region-nord", region: "NORD", level: rules.LocalLevel},
}

// EnsureReferenceData creates the police districts and units that are missing,
// as the service itself, in one transaction. Existing rows are left alone.
func EnsureReferenceData(ctx context.Context, client *ent.Client) error {
	ctx = varsel.SystemContext(ctx)
	return withTx(ctx, client, func(tx *ent.Tx) error {
		for _, d := range policeDistricts {
			exists, err := tx.PoliceDistrict.Query().Where(policedistrict.Code(d.code)).Exist(ctx)
			if err != nil {
				return err
			}
			if !exists {
				if err := tx.PoliceDistrict.Create().SetCode(d.code).SetName(d.name).Exec(ctx); err != nil {
					return err
				}
			}
		}
		ids := map[string]int{}
		for _, u := range correctionalUnits {
			existing, err := tx.Unit.Query().Where(unit.Code(u.code)).Only(ctx)
			if err == nil {
				ids[u.code] = existing.ID
				continue
			}
			if !ent.IsNotFound(err) {
				return err
			}
			create := tx.Unit.Create().SetCode(u.code).SetName(u.name).SetKind(u.level).SetHighSecurity(u.highSecurity).
				SetPostalAddress(u.address).SetPhone(u.phone)
			if u.region != "" {
				create.SetRegionCode(u.region)
			}
			if u.parent != "" {
				create.SetParentID(ids[u.parent])
			}
			created, err := create.Save(ctx)
			if err != nil {
				return fmt.Errorf("unit %s: %w", u.code, err)
			}
			ids[u.code] = created.ID
		}
		return nil
	})
}

// withTx runs fn in a transaction: every change is audited in the same
// transaction, and the audit hook refuses changes outside one.
func withTx(ctx context.Context, client *ent.Client, fn func(*ent.Tx) error) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
