package rules_test

import (
	"slices"
	"testing"
	"time"

	"varsel/rules"
)

// RC1, RC2: only victims of the cases the convict serves; a lapsed case's
// victims by analogy, with a recorded real need.
func TestCheckVictimCase(t *testing.T) {
	cases := []struct {
		name     string
		status   rules.CaseStatus
		realNeed string
		want     string
	}{
		{"a victim of a case the convict serves", rules.Serving, "", ""},
		{"a victim of a case whose sentence is served is refused", rules.Completed, "", "RC1"},
		{"a victim of a case that lapsed because forvaring was imposed needs an assessment of real need", rules.LapsedByPreventiveDetention, "", "RC2"},
		{"with the real need recorded, a lapsed case's victim may be notified", rules.LapsedByPreventiveDetention, "Fornærmede bor fortsatt i samme by og er redd.", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wantRule(t, rules.CheckVictimCase(tc.status, tc.realNeed), tc.want) })
	}
}

// RC3: survivors are spouse, cohabitant, children, parents or siblings of a
// deceased victim.
func TestCheckSurvivor(t *testing.T) {
	cases := []struct {
		relation rules.FamilyRelation
		deceased bool
		want     string
	}{
		{rules.Spouse, true, ""}, {rules.Cohabitant, true, ""}, {rules.Child, true, ""},
		{rules.Parent, true, ""}, {rules.Sibling, true, ""},
		{rules.Cousin, true, "RC3"}, {rules.Grandparent, true, "RC3"}, {rules.Grandchild, true, "RC3"},
		{rules.AuntOrUncle, true, "RC3"}, {rules.NieceOrNephew, true, "RC3"}, {rules.Friend, true, "RC3"},
		{rules.OtherRelation, true, "RC3"},
		{rules.Spouse, false, "RC3"}, // a living victim has no survivors
	}
	for _, tc := range cases {
		name := string(tc.relation)
		if !tc.deceased {
			name += " of a living victim"
		}
		t.Run(name, func(t *testing.T) { wantRule(t, rules.CheckSurvivor(tc.relation, tc.deceased), tc.want) })
	}
}

// RC4: with several survivors, the assessment says whether one or several
// are notified, and why.
func TestCheckSeveralSurvivors(t *testing.T) {
	wantRule(t, rules.CheckSeveralSurvivors(1, ""), "")
	wantRule(t, rules.CheckSeveralSurvivors(3, ""), "RC4")
	wantRule(t, rules.CheckSeveralSurvivors(3, "Enken og begge barna bor nær fengselet; alle varsles."), "")
}

// RC5, RC6, RC7: to whom the notice is written.
func TestAddressees(t *testing.T) {
	const convict = "01019000083"
	noticeDay := rules.Date(2026, time.November, 23)
	adult := rules.Date(1980, time.May, 5)
	turns18Tomorrow := rules.Date(2008, time.November, 24)
	turned18Today := rules.Date(2008, time.November, 23)
	mother := rules.Guardian{ID: 10, IdentityNumber: "55078500181"}
	father := rules.Guardian{ID: 11, IdentityNumber: "29020000064"}
	convictAsFather := rules.Guardian{ID: 12, IdentityNumber: convict}

	cases := []struct {
		name      string
		person    rules.Person
		guardians []rules.Guardian
		direct    bool
		to        []int
		warnings  int
		wantRule  string
	}{
		{"an adult victim is written to directly", rules.Person{BirthDate: &adult}, nil, true, nil, 0, ""},
		{"a minor victim is notified through both parents", rules.Person{BirthDate: &turns18Tomorrow}, []rules.Guardian{mother, father}, false, []int{10, 11}, 0, ""},
		{"a survivor who turns 18 today is written to directly", rules.Person{BirthDate: &turned18Today}, []rules.Guardian{mother}, true, nil, 0, ""},
		{"a minor survivor without a registered guardian is refused", rules.Person{BirthDate: &turns18Tomorrow}, nil, false, nil, 0, "RC5"},
		{"a minor whose father is the convict: only the mother, with a warning", rules.Person{BirthDate: &turns18Tomorrow}, []rules.Guardian{convictAsFather, mother}, false, []int{10}, 1, ""},
		{"a minor whose only guardian is the convict is refused", rules.Person{BirthDate: &turns18Tomorrow}, []rules.Guardian{convictAsFather}, false, nil, 1, "RC5"},
		{"an adult under guardianship is notified through the guardian", rules.Person{BirthDate: &adult, UnderGuardianship: true}, []rules.Guardian{father}, false, []int{11}, 0, ""},
		{"an adult under guardianship without a guardian is refused", rules.Person{BirthDate: &adult, UnderGuardianship: true}, nil, false, nil, 0, "RC6"},
		{"the convict is never a recipient, not even as a victim", rules.Person{BirthDate: &adult, IdentityNumber: convict}, nil, false, nil, 0, "RC7"},
		{"without a birth date the age cannot be known", rules.Person{}, nil, false, nil, 0, "RC5"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			direct, to, warnings, err := rules.Addressees(tc.person, tc.guardians, convict, noticeDay)
			wantRule(t, err, tc.wantRule)
			if direct != tc.direct || !slices.Equal(to, tc.to) || len(warnings) != tc.warnings {
				t.Fatalf("direct %v to %v warnings %v; want %v %v %d", direct, to, warnings, tc.direct, tc.to, tc.warnings)
			}
		})
	}
}

// RC7: a guardian registered with the convict's identity number is excluded,
// with a visible warning.
func TestGuardianWhoIsTheConvictIsExcluded(t *testing.T) {
	excluded, warning := rules.CheckGuardianIsNotConvict("01019000083", "01019000083")
	if !excluded || warning == "" {
		t.Fatal("a guardian with the convict's number was not excluded with a warning")
	}
	if excluded, _ := rules.CheckGuardianIsNotConvict("55078500181", "01019000083"); excluded {
		t.Fatal("another guardian was excluded")
	}
}

// RC8: nobody but the police, the victim, the survivors and their guardians
// receives anything about a notification.
func TestMayReceive(t *testing.T) {
	for _, k := range []rules.RecipientKind{rules.VictimRecipient, rules.SurvivorRecipient, rules.GuardianRecipient, rules.PoliceDeliverer} {
		wantRule(t, rules.MayReceive(k), "")
	}
	for _, k := range []rules.RecipientKind{"CONVICT", "LAWYER", "EMPLOYER", "PRESS", ""} {
		t.Run(string(k), func(t *testing.T) { wantRule(t, rules.MayReceive(k), "RC8") })
	}
}

// RC9: protected or unknown addresses go through the police; code 6 is never stored.
func TestDeliveryRouteAndAddressStorage(t *testing.T) {
	full := rules.AddressParts{Line: "Storgata 1", PostalCode: "0150", Place: "Oslo"}
	none := rules.AddressParts{}
	cases := []struct {
		name       string
		protection rules.AddressProtection
		address    rules.AddressParts
		route      rules.Route
		want       string
	}{
		{"an ordinary address: the unit sends it", rules.Unprotected, full, rules.Direct, ""},
		{"an address abroad needs no Norwegian postal code", rules.Unprotected, rules.AddressParts{Line: "Storgatan 1", Place: "Stockholm", Country: "Sverige"}, rules.Direct, ""},
		{"a fortrolig (code 7) address is stored and used", rules.Confidential, full, rules.Direct, ""},
		{"a strengt fortrolig (code 6) address goes through the police", rules.StrictlyConfidential, none, rules.ThroughPolice, ""},
		{"strengt fortrolig utland goes through the police", rules.StrictlyConfidentialAbroad, none, rules.ThroughPolice, ""},
		{"an unknown address goes through the police", rules.UnknownAddress, none, rules.ThroughPolice, ""},
		{"a code 6 address is never stored", rules.StrictlyConfidential, full, rules.ThroughPolice, "RC9"},
		{"not even the postal code of a code 6 address is stored", rules.StrictlyConfidential, rules.AddressParts{PostalCode: "0150"}, rules.ThroughPolice, "RC9"},
		{"not even the place of a code 6 address is stored", rules.StrictlyConfidential, rules.AddressParts{Place: "Oslo"}, rules.ThroughPolice, "RC9"},
		{"not even the country of a code 6 abroad address is stored", rules.StrictlyConfidentialAbroad, rules.AddressParts{Country: "Sverige"}, rules.ThroughPolice, "RC9"},
		{"an address cannot be both unknown and given", rules.UnknownAddress, rules.AddressParts{PostalCode: "0150"}, rules.ThroughPolice, "RC9"},
		{"an unprotected address must be given", rules.Unprotected, none, rules.Direct, "RC9"},
		{"a Norwegian address needs its postal code and place", rules.Unprotected, rules.AddressParts{Line: "Storgata 1"}, rules.Direct, "RC9"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := rules.DeliveryRoute(tc.protection); got != tc.route {
				t.Fatalf("route %s, want %s", got, tc.route)
			}
			wantRule(t, rules.CheckAddressStorage(tc.protection, tc.address), tc.want)
		})
	}
}

// RC10, AS1: a reservation stops notices; an agreement to be notified once
// settles later events.
func TestReservationsAndAgreements(t *testing.T) {
	wantRule(t, rules.CheckNotReserved(true), "RC10")
	wantRule(t, rules.CheckNotReserved(false), "")
	once, every := rules.OnlyOnce, rules.EveryEvent
	cases := []struct {
		name      string
		agreement *rules.AgreementFrequency
		sent      int
		assess    bool
	}{
		{"no agreement: assess before each event", nil, 3, true},
		{"notify at every event: assess before each", &every, 3, true},
		{"notify once, not yet notified: assess", &once, 0, true},
		{"notify once, already notified: no new assessment", &once, 1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := rules.AssessmentRequired(tc.agreement, tc.sent); got != tc.assess {
				t.Fatalf("assessment required = %v, want %v", got, tc.assess)
			}
		})
	}
}

// RC5, AS4: age on a date, leap days included.
func TestAgeOn(t *testing.T) {
	leapling := rules.Date(2008, time.February, 29)
	if rules.AgeOn(leapling, rules.Date(2026, time.February, 28)) != 17 || rules.AgeOn(leapling, rules.Date(2026, time.March, 1)) != 18 {
		t.Fatal("someone born on 29 February turns 18 on 1 March in a common year")
	}
}

// RC5, RC6, NT8: a follow-up goes to whoever is written to on the day — the
// guardian while the recipient is a minor, the recipient once 18, and every
// linked addressee while that is not settled (no birth date).
func TestRC5WrittenToToday(t *testing.T) {
	birth := rules.Date(2008, time.November, 24)
	mother := rules.AddresseeKey{Kind: rules.GuardianRecipient, ID: 10}
	self := rules.AddresseeKey{Kind: rules.VictimRecipient, ID: 1}
	r := &rules.CaseRecipient{Kind: rules.VictimRecipient, ID: 1, Person: rules.Person{BirthDate: &birth},
		Guardians: []rules.CaseGuardian{{ID: 10, IdentityNumber: "55078500181"}}}
	for _, tc := range []struct {
		day              time.Time
		toMother, toSelf bool
	}{
		{rules.Date(2026, time.November, 23), true, false},
		{rules.Date(2026, time.November, 24), false, true},
	} {
		c := &rules.Case{Now: tc.day.Add(9 * time.Hour), ConvictIdentityNumber: "01019000083"}
		if got := c.WrittenToToday(r, mother); got != tc.toMother {
			t.Errorf("%s: the mother is written to: %v, want %v", tc.day.Format(time.DateOnly), got, tc.toMother)
		}
		if got := c.WrittenToToday(r, self); got != tc.toSelf {
			t.Errorf("%s: the recipient is written to: %v, want %v", tc.day.Format(time.DateOnly), got, tc.toSelf)
		}
	}
	unknown := &rules.CaseRecipient{Kind: rules.VictimRecipient, ID: 1}
	if !(&rules.Case{Now: time.Now()}).WrittenToToday(unknown, mother) {
		t.Error("with the age not known, a linked guardian is not counted")
	}
}
