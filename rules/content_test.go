package rules_test

import (
	"testing"
	"time"

	"varsel/rules"
)

// NT1: letter or Digipost, telephone exceptionally, the police; never SMS or
// e-mail, and no e-mail address or phone number as where a letter goes.
func TestChannels(t *testing.T) {
	for _, ok := range []string{"LETTER", "digipost", " PHONE ", "VIA_POLICE"} {
		if _, err := rules.ParseChannel(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for _, name := range []string{"SMS", "EMAIL", "E-POST", "PUSH", "WHATSAPP", ""} {
		t.Run(name+" is not a channel", func(t *testing.T) {
			_, err := rules.ParseChannel(name)
			wantRule(t, err, "NT1")
		})
	}
	cases := []struct{ line, want string }{
		{"Storgata 12", ""},
		{"Postboks 44", ""},
		{"ingrid@example.no", "NT1"},
		{"+47 912 34 567", "NT1"},
		{"91234567", "NT1"},
	}
	for _, tc := range cases {
		t.Run("address "+tc.line, func(t *testing.T) { wantRule(t, rules.CheckPostalAddress(tc.line), tc.want) })
	}
}

// NT4: a residence is an area — municipality, town or region — never an address.
func TestCheckResidenceArea(t *testing.T) {
	town, municipality, region := rules.Town, rules.Municipality, rules.RegionArea
	cases := []struct {
		area  string
		level *rules.AreaLevel
		want  string
	}{
		{"Drammen", &town, ""},
		{"Bærum", &municipality, ""},
		{"Nord-Norge", &region, ""},
		{"Storgata 12, Drammen", &town, "NT4"},
		{"Kirkeveien", &town, "NT4"},
		{"Strandvegen 3", &town, "NT4"},
		{"0184 Oslo", &town, "NT4"},
		{"Torgallmenningen plass", &town, "NT4"},
		{"Postboks 3 Bergen", &town, "NT4"},
		{"Drammen", nil, "NT4"},
		{"", &town, "NT4"},
	}
	for _, tc := range cases {
		t.Run(tc.area, func(t *testing.T) { wantRule(t, rules.CheckResidenceArea(tc.area, tc.level), tc.want) })
	}
}

// NT3, NT5: what a notice says — the time, only conditions that directly
// concern the recipient and that the law lets it carry, the reservation sentence.
func TestNoticeContent(t *testing.T) {
	town := rules.Town
	start := time.Date(2026, time.December, 20, 10, 0, 0, 0, rules.Norway)
	end := start.Add(48 * time.Hour)
	conditions := []rules.ConditionFacts{
		{Kind: rules.Residence, Area: "Drammen", AreaLevel: &town, Description: "Skal oppholde seg i Drammen.", ConcernsRecipient: true},
		{Kind: rules.NoContact, Description: "Ingen kontakt med fornærmede.", ConcernsRecipient: true},
		{Kind: rules.NoContact, Description: "Ingen kontakt med en annen person.", ConcernsRecipient: false},
		{Kind: rules.WorkOrTraining, Description: "Arbeid ved et verksted.", ConcernsRecipient: true},
		{Kind: rules.OtherCondition, Description: "Urinprøve før utgang.", ConcernsRecipient: true},
	}
	kinds := func(c rules.NoticeContent) []rules.ConditionKind {
		var ks []rules.ConditionKind
		for _, x := range c.Conditions {
			ks = append(ks, x.Kind)
		}
		return ks
	}
	cases := []struct {
		name       string
		event      rules.EventFacts
		fullTerm   bool
		conditions []rules.ConditionKind
		mayReserve bool
	}{
		{"a leave carries residence and no contact, not work", rules.EventFacts{Kind: rules.Leave, StartsAt: start, EndsAt: &end}, false, []rules.ConditionKind{rules.Residence, rules.NoContact}, true},
		{"parole also carries work or training", rules.EventFacts{Kind: rules.Release, StartsAt: start}, false, []rules.ConditionKind{rules.Residence, rules.NoContact, rules.WorkOrTraining}, true},
		{"a release at full term ends the notices: no reservation sentence", rules.EventFacts{Kind: rules.Release, StartsAt: start}, true, []rules.ConditionKind{rules.Residence, rules.NoContact, rules.WorkOrTraining}, false},
		{"day release carries no conditions", rules.EventFacts{Kind: rules.DayRelease, StartsAt: start}, false, nil, true},
		{"an escape says that and when, no conditions", rules.EventFacts{Kind: rules.Escape, StartsAt: start}, false, nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := rules.NoticeContentFor(tc.event, tc.fullTerm, conditions)
			if got := kinds(c); len(got) != len(tc.conditions) || (len(got) > 0 && !equalKinds(got, tc.conditions)) {
				t.Fatalf("conditions %v, want %v", got, tc.conditions)
			}
			if c.MayReserve != tc.mayReserve || !c.StartsAt.Equal(start) || c.EventKind != tc.event.Kind || c.LegalBasis == "" {
				t.Fatalf("content = %+v", c)
			}
			for _, x := range c.Conditions {
				if x.Kind != rules.Residence && x.Area != "" {
					t.Fatalf("an area on a %s condition", x.Kind)
				}
			}
		})
	}
	t.Run("parole from forvaring carries the conditions set under law or regulation", func(t *testing.T) {
		c := rules.NoticeContentFor(rules.EventFacts{Kind: rules.ParoleFromPreventiveDetention, StartsAt: start},
			false, []rules.ConditionFacts{{Kind: rules.Statutory, Description: "Meldeplikt hos politiet.", ConcernsRecipient: true}})
		if len(c.Conditions) != 1 || c.LegalBasis != "straffeloven § 45 syvende ledd" {
			t.Fatalf("content = %+v", c)
		}
	})
}

func equalKinds(a, b []rules.ConditionKind) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// NT7: Bokmål by default, Nynorsk on request, English as a courtesy.
func TestLetterStandard(t *testing.T) {
	for in, want := range map[rules.WrittenStandard]rules.WrittenStandard{
		"": rules.Bokmal, rules.Bokmal: rules.Bokmal, rules.Nynorsk: rules.Nynorsk, rules.English: rules.English, "SE": rules.Bokmal,
	} {
		if got := rules.LetterStandard(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
