package rules_test

import (
	"testing"

	"varsel/rules"
)

// EV1–EV6: which custody events may be notified, under which provision.
func TestCheckEvent(t *testing.T) {
	cases := []struct {
		name      string
		event     rules.EventFacts
		wantRule  string
		wantBasis string
	}{
		{"a leave is notified under § 36 third paragraph", rules.EventFacts{Kind: rules.Leave, StartsAt: at(30)}, "", "straffegjennomføringsloven § 36 tredje ledd"},
		{"an interruption is notified under § 36 third paragraph", rules.EventFacts{Kind: rules.Interruption, StartsAt: at(30)}, "", "straffegjennomføringsloven § 36 tredje ledd"},
		{"serving outside prison is notified under § 16 sixth paragraph", rules.EventFacts{Kind: rules.ServingOutsidePrison, StartsAt: at(30)}, "", "straffegjennomføringsloven § 16 sjette ledd"},
		{"electronic monitoring is notified under § 16 a", rules.EventFacts{Kind: rules.ElectronicMonitoring, StartsAt: at(30)}, "", "straffegjennomføringsloven § 16 a tredje ledd, jf. § 16 sjette ledd"},
		{"day release cites the current § 20 third paragraph", rules.EventFacts{Kind: rules.DayRelease, StartsAt: at(30)}, "", "straffegjennomføringsloven § 20 tredje ledd"},
		{"an escape is notified after it happened", rules.EventFacts{Kind: rules.Escape, StartsAt: at(0).Add(-3 * 3600e9)}, "", "straffegjennomføringsloven § 40 siste ledd"},
		{"a release is notified under § 42", rules.EventFacts{Kind: rules.Release, StartsAt: at(60)}, "", "straffegjennomføringsloven § 42 sjette og syvende ledd"},
		{"parole from forvaring cites straffeloven § 45 seventh paragraph", rules.EventFacts{Kind: rules.ParoleFromPreventiveDetention, StartsAt: at(60), ServingPreventiveDetention: true}, "", "straffeloven § 45 syvende ledd"},
		{"a residence change during the probation period may be notified", rules.EventFacts{Kind: rules.ResidenceChangeOnParole, StartsAt: at(20), ProbationEndsOn: ptr(at(90))}, "", "straffegjennomføringsloven § 42 sjette ledd annet punktum"},
		{"a leave from an institution whose grant decided notification", rules.EventFacts{Kind: rules.Leave, StartsAt: at(20), FromInstitution: true, InstitutionNotifies: true}, "", "straffegjennomføringsloven § 36 tredje ledd"},

		{"an escorted appearance is not notifiable", rules.EventFacts{Kind: rules.EscortedAppearance, StartsAt: at(10)}, "EV2", ""},
		{"a hospital admission is not notifiable", rules.EventFacts{Kind: rules.HospitalAdmission, StartsAt: at(10)}, "EV2", ""},
		{"a stay in an institution as such is not notifiable", rules.EventFacts{Kind: rules.InstitutionStay, StartsAt: at(10)}, "EV2", ""},
		{"a transfer to another prison is not notifiable", rules.EventFacts{Kind: rules.TransferToOtherPrison, StartsAt: at(10)}, "EV2", ""},
		{"a transfer of sentence abroad is not notifiable", rules.EventFacts{Kind: rules.SentenceTransferAbroad, StartsAt: at(10)}, "EV2", ""},
		{"anything else is not notifiable", rules.EventFacts{Kind: rules.OtherEvent, StartsAt: at(10)}, "EV2", ""},
		{"release at the end of the forvaring time frame is not notifiable", rules.EventFacts{Kind: rules.ReleaseAtTimeFrameEnd, StartsAt: at(10), ServingPreventiveDetention: true}, "EV3", ""},
		{"a residence change on parole from forvaring is not notifiable", rules.EventFacts{Kind: rules.ResidenceChangeOnParole, StartsAt: at(20), ProbationEndsOn: ptr(at(90)), ServingPreventiveDetention: true}, "EV4", ""},
		{"a residence change without the end of the probation period is refused", rules.EventFacts{Kind: rules.ResidenceChangeOnParole, StartsAt: at(20)}, "EV1", ""},
		{"a residence change after the probation period ended is refused", rules.EventFacts{Kind: rules.ResidenceChangeOnParole, StartsAt: at(100), ProbationEndsOn: ptr(at(90))}, "EV1", ""},
		{"parole from forvaring for a convict not serving forvaring is refused", rules.EventFacts{Kind: rules.ParoleFromPreventiveDetention, StartsAt: at(60)}, "EV1", ""},
		{"an ordinary release of a forvaring convict is refused", rules.EventFacts{Kind: rules.Release, StartsAt: at(60), ServingPreventiveDetention: true}, "EV1", ""},
		{"a full-term release of a forvaring convict is the time frame running out, refused under EV3", rules.EventFacts{Kind: rules.Release, StartsAt: at(60), ServingPreventiveDetention: true, FullTermRelease: true}, "EV3", ""},
		{"a leave from an institution without a decision to notify is refused", rules.EventFacts{Kind: rules.Leave, StartsAt: at(20), FromInstitution: true}, "EV5", ""},
		{"only leaves from an institution are notified", rules.EventFacts{Kind: rules.DayRelease, StartsAt: at(20), FromInstitution: true, InstitutionNotifies: true}, "EV5", ""},
		{"an event without a time is refused", rules.EventFacts{Kind: rules.Leave}, "EV6", ""},
		{"a time frame that ends before it begins is refused", rules.EventFacts{Kind: rules.Leave, StartsAt: at(20), EndsAt: ptr(at(19))}, "EV6", ""},
		{"an escape in the future is refused", rules.EventFacts{Kind: rules.Escape, StartsAt: at(1)}, "EV6", ""},
		{"a leave that has already begun cannot be notified in advance", rules.EventFacts{Kind: rules.Leave, StartsAt: at(-1)}, "EV6", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			basis, err := rules.CheckEvent(tc.event, now)
			wantRule(t, err, tc.wantRule)
			if basis != tc.wantBasis && tc.wantRule == "" {
				t.Fatalf("legal basis = %q, want %q", basis, tc.wantBasis)
			}
		})
	}
}

// EV1: every notifiable kind has its legal basis; EV2: no other kind has one.
func TestEveryNotifiableKindHasALegalBasis(t *testing.T) {
	notifiable := 0
	for _, v := range rules.EventKind("").Values() {
		k := rules.EventKind(v)
		if rules.LegalBasis(k) != "" {
			notifiable++
		}
		if k.Name() == v {
			t.Errorf("%s has no Norwegian name", v)
		}
	}
	if notifiable != 9 {
		t.Fatalf("%d notifiable kinds, want the 9 of EV1", notifiable)
	}
	if rules.NotifiedInAdvance(rules.Escape) || !rules.NotifiedInAdvance(rules.Leave) {
		t.Fatal("an escape is notified after, everything else in advance (EV1)")
	}
}

// DC2: the level that decides the event decides the notification.
func TestDecidingLevel(t *testing.T) {
	cases := []struct {
		name    string
		kind    rules.EventKind
		profile rules.ConvictProfile
		want    rules.Level
	}{
		{"an ordinary convict's leave is decided locally", rules.Leave, rules.ConvictProfile{}, rules.LocalLevel},
		{"a convict serving more than ten years: the region decides", rules.Leave, rules.ConvictProfile{SentenceOverTenYears: true}, rules.RegionLevel},
		{"a convict serving forvaring: the region decides", rules.ParoleFromPreventiveDetention, rules.ConvictProfile{ServingPreventiveDetention: true}, rules.RegionLevel},
		{"a convict in a high-security unit: the region decides", rules.DayRelease, rules.ConvictProfile{HighSecurityUnit: true}, rules.RegionLevel},
		{"an escape is decided locally, even for forvaring", rules.Escape, rules.ConvictProfile{ServingPreventiveDetention: true}, rules.LocalLevel},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := rules.DecidingLevel(tc.kind, tc.profile); got != tc.want {
				t.Fatalf("got %s, want %s", got, tc.want)
			}
		})
	}
	t.Run("a local decision maker cannot decide for a forvaring convict", func(t *testing.T) {
		wantRule(t, rules.CheckDecider(rules.RegionLevel, rules.LocalLevel), "DC2")
	})
	t.Run("a region cannot decide what the local unit decides", func(t *testing.T) {
		wantRule(t, rules.CheckDecider(rules.LocalLevel, rules.RegionLevel), "DC2")
	})
	t.Run("the deciding level decides", func(t *testing.T) {
		wantRule(t, rules.CheckDecider(rules.RegionLevel, rules.RegionLevel), "")
	})
}

// DC7: an appeal is decided by the next level up.
func TestAppealLevel(t *testing.T) {
	cases := []struct {
		name             string
		decided, decider rules.Level
		wantRule         string
	}{
		{"a local decision is appealed to the region", rules.LocalLevel, rules.RegionLevel, ""},
		{"a regional decision is appealed to the directorate", rules.RegionLevel, rules.DirectorateLevel, ""},
		{"the local unit cannot decide an appeal of its own decision", rules.LocalLevel, rules.LocalLevel, "DC7"},
		{"the directorate cannot skip the region", rules.LocalLevel, rules.DirectorateLevel, "DC7"},
		{"there is no appeal above the directorate", rules.DirectorateLevel, rules.DirectorateLevel, "DC7"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wantRule(t, rules.CheckAppealDecider(tc.decided, tc.decider), tc.wantRule)
		})
	}
}

// EV1–EV3: the form explains each kind before a caseworker registers it —
// the notifiable kinds with their provision, the others with the very
// refusal registering them gives.
func TestEventKindsExplainEachKind(t *testing.T) {
	want := map[rules.EventKind]struct{ basis, rule string }{
		rules.Leave:                 {basis: "straffegjennomføringsloven § 36 tredje ledd"},
		rules.Escape:                {basis: "straffegjennomføringsloven § 40 siste ledd"},
		rules.TransferToOtherPrison: {rule: "EV2"},
		rules.InstitutionStay:       {rule: "EV2"},
		rules.ReleaseAtTimeFrameEnd: {rule: "EV3"},
		rules.OtherEvent:            {rule: "EV2"},
	}
	infos := rules.EventKinds()
	if len(infos) != len(rules.EventKind("").Values()) {
		t.Fatalf("%d kinds described, want every kind", len(infos))
	}
	for _, info := range infos {
		_, checkErr := rules.CheckEvent(rules.EventFacts{Kind: info.Kind, StartsAt: at(30)}, at(0))
		switch {
		case info.Notifiable() && (info.Refusal != nil || *info.LegalBasis != rules.LegalBasis(info.Kind)):
			t.Errorf("%s: notifiable with basis %q and refusal %v", info.Kind, *info.LegalBasis, info.Refusal)
		case !info.Notifiable() && (info.Refusal == nil || checkErr == nil || info.Refusal.Error() != checkErr.Error()):
			t.Errorf("%s: refusal %v, registering gives %v", info.Kind, info.Refusal, checkErr)
		case info.Name == "" || info.NotifiedInAdvance == (info.Kind == rules.Escape):
			t.Errorf("%s: name %q, in advance %v", info.Kind, info.Name, info.NotifiedInAdvance)
		}
		w, ok := want[info.Kind]
		if !ok {
			continue
		}
		if w.basis != "" && (info.LegalBasis == nil || *info.LegalBasis != w.basis) {
			t.Errorf("%s: basis %v, want %q", info.Kind, info.LegalBasis, w.basis)
		}
		if w.rule != "" && (info.Refusal == nil || info.Refusal.Rule != w.rule || info.Refusal.Provision == "" || info.Refusal.Message == "") {
			t.Errorf("%s: refusal %+v, want rule %s", info.Kind, info.Refusal, w.rule)
		}
	}
}
