package server

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/policedistrict"
	"varsel/ent/staffmember"
	"varsel/ent/unit"
	"varsel/rules"
	"varsel/server/devidp"
)

// DevPassword is every seeded dev user's password. Dev mode only.
const DevPassword = "varsel"

// devUser is a seeded dev-mode account and its place in the staff registry.
type devUser struct {
	devidp.User
	headOfUnit bool
}

// devUsers are the people a developer can log in as in dev mode.
var devUsers = []devUser{
	{User: devidp.User{Username: "saksbehandler", Name: "Sara Nilsen", Roles: []string{"CASEWORKER"}, Unit: "oslo-fengsel"}},
	{User: devidp.User{Username: "saksbehandler2", Name: "Bjørn Haugen", Roles: []string{"CASEWORKER"}, Unit: "bergen-fengsel"}},
	{User: devidp.User{Username: "beslutter", Name: "Berit Lunde", Roles: []string{"DECISION_MAKER"}, Unit: "oslo-fengsel"}, headOfUnit: true},
	{User: devidp.User{Username: "region", Name: "Rune Dahl", Roles: []string{"DECISION_MAKER"}, Unit: "region-ost"}, headOfUnit: true},
	{User: devidp.User{Username: "politi", Name: "Per Olsen", Roles: []string{"POLICE"}, PoliceDistrict: "oslo"}},
	{User: devidp.User{Username: "politi2", Name: "Vera Nes", Roles: []string{"POLICE"}, PoliceDistrict: "vest"}},
	{User: devidp.User{Username: "analytiker", Name: "Anne Berg", Roles: []string{"ANALYST"}, Unit: "kdi"}},
	{User: devidp.User{Username: "revisor", Name: "Rita Moe", Roles: []string{"AUDITOR"}, Unit: "kdi"}},
	{User: devidp.User{Username: "admin", Name: "Adam Holm", Roles: []string{"ADMIN"}, Unit: "kdi"}},
}

// DevIDPConfig is the built-in identity provider's configuration for cfg.
// The devtoken command uses it too, to mint tokens with the same key.
func DevIDPConfig(cfg Config) devidp.Config {
	users := make([]devidp.User, len(devUsers))
	for i, u := range devUsers {
		users[i] = u.User
	}
	return devidp.Config{
		Issuer:                 cfg.OIDC.Issuer,
		Audience:               cfg.OIDC.Audience,
		ClientID:               cfg.OIDC.SPAClientID,
		RedirectURIs:           []string{cfg.PublicURL + "/auth/callback"},
		PostLogoutRedirectURIs: []string{cfg.PublicURL + "/"},
		Users:                  users,
		Password:               DevPassword,
		KeyFile:                filepath.Join(cfg.DataDir, "dev-oidc-key.pem"),
		Claims: devidp.Claims{
			Roles:          cfg.OIDC.RolesClaim,
			Unit:           cfg.OIDC.UnitClaim,
			PoliceDistrict: cfg.OIDC.DistrictClaim,
		},
	}
}

// SeedDevData puts the dev users in the staff registry and, on an empty
// database, a few synthetic convicts with cases, victims and survivors —
// and, with history, a year of closed events elsewhere for the dashboard.
// Identity numbers are synthetic (month + 80), so they can never be a real
// person's.
func SeedDevData(ctx context.Context, client *ent.Client, history bool, now time.Time) error {
	ctx = varsel.SystemContext(ctx)
	return withTx(ctx, client, func(tx *ent.Tx) error {
		for _, u := range devUsers {
			exists, err := tx.StaffMember.Query().Where(staffmember.Subject(u.Username)).Exist(ctx)
			if err != nil || exists {
				if err != nil {
					return err
				}
				continue
			}
			create := tx.StaffMember.Create().SetSubject(u.Username).SetName(u.Name).SetHeadOfUnit(u.headOfUnit)
			if u.Unit != "" {
				id, err := tx.Unit.Query().Where(unit.Code(u.Unit)).OnlyID(ctx)
				if err != nil {
					return fmt.Errorf("dev user %s: unit %s: %w", u.Username, u.Unit, err)
				}
				create.SetUnitID(id)
			}
			if u.PoliceDistrict != "" {
				id, err := tx.PoliceDistrict.Query().Where(policedistrict.Code(u.PoliceDistrict)).OnlyID(ctx)
				if err != nil {
					return fmt.Errorf("dev user %s: police district %s: %w", u.Username, u.PoliceDistrict, err)
				}
				create.SetPoliceDistrictID(id)
			}
			if err := create.Exec(ctx); err != nil {
				return err
			}
		}
		if n, err := tx.Convict.Query().Count(ctx); err != nil || n > 0 {
			return err
		}
		if err := seedDemoCases(ctx, tx); err != nil || !history {
			return err
		}
		return seedDemoHistory(ctx, tx, &demoSeeder{ctx: ctx, tx: tx}, now)
	})
}

// seedDemoCases writes the demo cases with ent's panicking builders, which
// keep the data readable; a panic becomes the error, and the caller rolls back.
func seedDemoCases(ctx context.Context, tx *ent.Tx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("demo data: %v", r)
		}
	}()
	s := demoSeeder{ctx: ctx, tx: tx}
	oslo, bergen, ila := s.unit("oslo-fengsel"), s.unit("bergen-fengsel"), s.unit("ila-fengsel")
	osloPolice := s.district("oslo")

	// A violent offence with an adult victim and her minor daughter (RC5).
	berg := s.convict("Martin Berg", date(1985, 3, 14), oslo, false)
	c1 := s.criminalCase(berg, "23-041187MED-OTIR/06", date(2023, 11, 2), rules.Violence, rules.Threats)
	ingrid := tx.Victim.Create().SetCriminalCase(c1).SetName("Ingrid Solberg").
		SetNationalIdentityNumber(s.nin(date(1988, 6, 2), 412)).SetBirthDate(date(1988, 6, 2)).
		SetAddressLine("Storgata 12").SetPostalCode("0184").SetPostalPlace("Oslo").
		SaveX(ctx)
	emma := tx.Victim.Create().SetCriminalCase(c1).SetName("Emma Solberg").
		SetNationalIdentityNumber(s.nin(date(2013, 9, 21), 500)).SetBirthDate(date(2013, 9, 21)).
		SetAddressLine("Storgata 12").SetPostalCode("0184").SetPostalPlace("Oslo").
		SaveX(ctx)
	tx.Guardian.Create().SetVictim(emma).SetKind(rules.ParentalResponsibility).SetName(ingrid.Name).
		SetNationalIdentityNumber(ingrid.NationalIdentityNumber).SetBirthDate(*ingrid.BirthDate).
		SetAddressLine("Storgata 12").SetPostalCode("0184").SetPostalPlace("Oslo").ExecX(ctx)

	// A homicide: the victim's survivors, one of them with a strictly
	// confidential address, so the police deliver (RC3, RC9).
	eriksen := s.convict("Tor Eriksen", date(1979, 1, 30), oslo, true)
	c2 := s.criminalCase(eriksen, "19-150222MED-OTIR/02", date(2019, 5, 17), rules.Homicide, rules.Violence)
	lars := tx.Victim.Create().SetCriminalCase(c2).SetName("Lars Moen").SetDeceased(true).
		SetNationalIdentityNumber(s.nin(date(1975, 12, 1), 233)).SetBirthDate(date(1975, 12, 1)).
		SetAddressProtection(rules.UnknownAddress).SaveX(ctx)
	tx.Survivor.Create().SetVictim(lars).SetRelation(rules.Spouse).SetName("Anne Moen").
		SetNationalIdentityNumber(s.nin(date(1977, 4, 8), 318)).SetBirthDate(date(1977, 4, 8)).
		SetAddressProtection(rules.StrictlyConfidential).SetPoliceDistrictID(osloPolice).ExecX(ctx)
	tx.Survivor.Create().SetVictim(lars).SetRelation(rules.Parent).SetName("Kjell Moen").
		SetNationalIdentityNumber(s.nin(date(1950, 2, 19), 101)).SetBirthDate(date(1950, 2, 19)).
		SetAddressLine("Fjordveien 3").SetPostalCode("1363").SetPostalPlace("Høvik").
		SetWrittenStandard(rules.Nynorsk).ExecX(ctx)

	// Serving forvaring: the region decides (DC2).
	lie := tx.Convict.Create().SetName("Knut Lie").SetNationalIdentityNumber(s.nin(date(1970, 7, 7), 150)).
		SetBirthDate(date(1970, 7, 7)).SetUnitID(ila).SetServingPreventiveDetention(true).SaveX(ctx)
	c3 := s.criminalCase(lie, "15-088761MED-BORG/01", date(2015, 10, 9), rules.Sexual)
	tx.Victim.Create().SetCriminalCase(c3).SetName("Hanne Vik").
		SetNationalIdentityNumber(s.nin(date(1990, 1, 25), 277)).SetBirthDate(date(1990, 1, 25)).
		SetAddressProtection(rules.Confidential).SetAddressLine("Postboks 44").SetPostalCode("1601").SetPostalPlace("Fredrikstad").
		ExecX(ctx)

	// Flagged for INFOFLYT: ordinary disclosures about him are refused (IX6).
	s.convict("Ola Rud", date(1982, 8, 8), oslo, false).Update().SetInfoflyt(true).ExecX(ctx)

	// Another unit's convict, which Oslo's staff must never see (PR5).
	strand := s.convict("Geir Strand", date(1990, 11, 11), bergen, false)
	c4 := s.criminalCase(strand, "24-010203MED-BERG/03", date(2024, 2, 2), rules.Threats)
	tx.Victim.Create().SetCriminalCase(c4).SetName("Silje Dale").
		SetNationalIdentityNumber(s.nin(date(1995, 3, 3), 345)).SetBirthDate(date(1995, 3, 3)).
		SetAddressLine("Nygårdsgaten 5").SetPostalCode("5015").SetPostalPlace("Bergen").ExecX(ctx)
	return s.err
}

// demoSeeder keeps the demo data readable: lookups and the first error.
type demoSeeder struct {
	ctx context.Context
	tx  *ent.Tx
	err error
}

func (s *demoSeeder) unit(code string) int {
	return s.tx.Unit.Query().Where(unit.Code(code)).OnlyIDX(s.ctx)
}

func (s *demoSeeder) district(code string) int {
	return s.tx.PoliceDistrict.Query().Where(policedistrict.Code(code)).OnlyIDX(s.ctx)
}

func (s *demoSeeder) nin(birth time.Time, individual int) string {
	n, err := rules.SyntheticIdentityNumber(birth, individual)
	if err != nil && s.err == nil {
		s.err = err
	}
	return n
}

func (s *demoSeeder) convict(name string, birth time.Time, unitID int, overTen bool) *ent.Convict {
	return s.tx.Convict.Create().SetName(name).SetNationalIdentityNumber(s.nin(birth, 100)).
		SetBirthDate(birth).SetUnitID(unitID).SetSentenceOverTenYears(overTen).SaveX(s.ctx)
}

func (s *demoSeeder) criminalCase(c *ent.Convict, number string, judged time.Time, cats ...rules.OffenceCategory) *ent.CriminalCase {
	return s.tx.CriminalCase.Create().SetConvict(c).SetCaseNumber(number).SetJudgmentDate(judged).
		SetOffenceCategories(cats).SaveX(s.ctx)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
