package rules_test

import (
	"testing"

	"varsel/rules"
)

// AS2: security first; a possible revenge risk asks the police; a confirmed
// risk stops the notice.
func TestSecurityAssessment(t *testing.T) {
	if rules.SecurityOutcomeFor(true) != rules.AwaitingPolice || rules.SecurityOutcomeFor(false) != rules.NoRisk {
		t.Fatal("a possible risk of revenge must ask the police for a statement")
	}
	if rules.SecurityOutcomeAfterPolice(true) != rules.RiskConfirmed || rules.SecurityOutcomeAfterPolice(false) != rules.RiskRuledOut {
		t.Fatal("the police's statement decides the outcome")
	}
	cases := []struct {
		name     string
		security rules.Security
		want     string
	}{
		{"no security assessment yet: nothing may be decided", rules.SecurityNotAssessed, "AS2"},
		{"waiting for the police's statement", rules.SecurityAwaitingPolice, "AS2"},
		{"a confirmed risk: no notice", rules.SecurityRisk, "AS2"},
		{"cleared", rules.SecurityCleared, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wantRule(t, rules.CheckSecurity(tc.security), tc.want) })
	}
	wantRule(t, rules.CheckPoliceAsked(true, false), "AS2")
	wantRule(t, rules.CheckPoliceAsked(true, true), "")
	wantRule(t, rules.CheckPoliceAsked(false, false), "")
	wantRule(t, rules.CheckSecurityReasoning(""), "AS2")
	wantRule(t, rules.CheckSecurityReasoning("Ingen kjent konflikt mellom partene."), "")
}

func fullFactors() rules.Factors {
	return rules.Factors{
		OffenceSeriousness:  "Grov vold mot tidligere samboer.",
		NeedToPrepare:       "Fornærmede har uttrykt frykt for å møte domfelte.",
		Relationship:        "Tidligere samboere; ingen kontakt i dag.",
		LikelihoodOfMeeting: "Permisjonen er i samme by som fornærmede bor.",
	}
}

// AS3, AS4, AS5: the concrete assessment and what it must record.
func TestCheckSignificance(t *testing.T) {
	minorFactors := fullFactors()
	minorFactors.MinorRecipient = "Barnet er 12 år og var til stede; behovet for forberedelse er stort."
	noRelationship := fullFactors()
	noRelationship.Relationship = " "
	cases := []struct {
		name string
		s    rules.Significance
		want string
	}{
		{"a complete assessment to notify", rules.Significance{Notify: true, Factors: fullFactors(), Reasoning: "Varsel er av betydning."}, ""},
		{"an assessment must weigh the relationship", rules.Significance{Notify: true, Factors: noRelationship, Reasoning: "x"}, "AS3"},
		{"an assessment without the offence and the risk of meeting is refused", rules.Significance{Notify: true, Reasoning: "x"}, "AS3"},
		{"a minor recipient requires the particularly careful assessment", rules.Significance{Notify: true, Factors: fullFactors(), Reasoning: "x", RecipientMinor: true}, "AS4"},
		{"a minor's assessment with that factor addressed", rules.Significance{Notify: false, Factors: minorFactors, Reasoning: "Ikke av betydning nå.", RecipientMinor: true}, ""},
		{"a decision not to notify needs its reasons", rules.Significance{Notify: false, Factors: fullFactors()}, "AS5"},
		{"a decision to notify needs its reasons", rules.Significance{Notify: true, Factors: fullFactors()}, "AS3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wantRule(t, rules.CheckSignificance(tc.s), tc.want) })
	}
}

// AS6, AS7: information from the police, social services and child welfare
// with a purpose; never from the recipient before the decision is final.
func TestCheckInformationRequest(t *testing.T) {
	cases := []struct {
		name    string
		source  rules.InformationSource
		purpose string
		want    string
	}{
		{"the police, with a purpose", rules.PoliceSource, "Om domfelte har kontaktforbud.", ""},
		{"child welfare, with a purpose", rules.ChildWelfareSource, "Barnets situasjon.", ""},
		{"social services, with a purpose", rules.SocialServicesSource, "Bosituasjon.", ""},
		{"a request without a purpose is refused", rules.PoliceSource, "", "AS6"},
		{"the victim is not asked before the decision", rules.RecipientSource, "Hva mener du?", "AS7"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wantRule(t, rules.CheckInformationRequest(tc.source, tc.purpose), tc.want) })
	}
}
