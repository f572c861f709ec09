package rules_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"varsel/rules"
)

var noon = time.Date(2026, 11, 22, 12, 0, 0, 0, rules.Norway)

// oralToPolice is a complete, lawful record of an oral disclosure from the
// correctional service to the police.
func oralToPolice() rules.DisclosureRecord {
	return rules.DisclosureRecord{
		Direction: rules.ToPolice, Category: rules.CustodyInformation,
		Summary: "Dato for permisjon 12. desember.", Purpose: "Politiets planlegging av kontroll i området.",
		Recipient: "Oslo politidistrikt, etterretningsseksjonen", Basis: rules.FVL13b5,
		DecidedBy: "Berit Lunde", DecidedAt: noon.Add(-time.Hour), Form: rules.Oral,
	}
}

// IX1: every disclosure is recorded with direction, what, purpose, recipient,
// basis, who decided, when, written or oral, and the source of unverified
// information.
func TestDisclosureRecord(t *testing.T) {
	cases := []struct {
		name   string
		change func(*rules.DisclosureRecord)
		want   string
	}{
		{"a complete record", func(*rules.DisclosureRecord) {}, ""},
		{"no direction", func(d *rules.DisclosureRecord) { d.Direction = "" }, "IX1"},
		{"nothing said about what was disclosed", func(d *rules.DisclosureRecord) { d.Summary = "  " }, "IX1"},
		{"no purpose", func(d *rules.DisclosureRecord) { d.Purpose = "" }, "IX1"},
		{"no recipient", func(d *rules.DisclosureRecord) { d.Recipient = "" }, "IX1"},
		{"nobody decided", func(d *rules.DisclosureRecord) { d.DecidedBy = "" }, "IX1"},
		{"no time of decision", func(d *rules.DisclosureRecord) { d.DecidedAt = time.Time{} }, "IX1"},
		{"decided in the future", func(d *rules.DisclosureRecord) { d.DecidedAt = noon.Add(time.Minute) }, "IX1"},
		{"decided this instant", func(d *rules.DisclosureRecord) { d.DecidedAt = noon }, ""},
		{"neither written nor oral", func(d *rules.DisclosureRecord) { d.Form = "EMAIL" }, "IX1"},
		{"unverified without a source", func(d *rules.DisclosureRecord) { d.Unverified = true }, "IX1"},
		{"unverified with its source", func(d *rules.DisclosureRecord) { d.Unverified, d.Source = true, "Medinnsatt" }, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := oralToPolice()
			tc.change(&d)
			wantRule(t, rules.CheckDisclosureRecord(d, noon), tc.want)
		})
	}
}

// IX3: the fixed list of current lawful bases, each for its direction;
// criminal records name their register; communication-control material only
// to avert an offence punishable by imprisonment.
func TestDisclosureBasis(t *testing.T) {
	fromPolice := func(b rules.DisclosureBasis, c rules.DisclosureCategory) func(*rules.DisclosureRecord) {
		return func(d *rules.DisclosureRecord) { d.Direction, d.Basis, d.Category = rules.FromPolice, b, c }
	}
	cases := []struct {
		name   string
		change func(*rules.DisclosureRecord)
		want   string
	}{
		{"fvl § 13 b no. 5 to the police", func(*rules.DisclosureRecord) {}, ""},
		{"fvl § 13 b no. 6: offences, suspicion is enough", func(d *rules.DisclosureRecord) { d.Basis, d.Category = rules.FVL13b6, rules.OffenceInformation }, ""},
		{"fvl § 13 b no. 5 is no basis for the police's disclosures", func(d *rules.DisclosureRecord) { d.Direction = rules.FromPolice }, "IX3"},
		{"politiregisterloven § 26 from the police", fromPolice(rules.Politiregisterloven26, rules.PoliceInformation), ""},
		{"politiregisterloven § 27 from the police", fromPolice(rules.Politiregisterloven27, rules.PoliceInformation), ""},
		{"politiregisterloven § 30 from the police", fromPolice(rules.Politiregisterloven30, rules.PoliceInformation), ""},
		{"politiregisterforskriften § 9-6 no. 10", fromPolice(rules.Politiregisterforskriften9610, rules.PoliceInformation), ""},
		{"politiregisterloven § 27 is no basis for the correctional service's disclosures", func(d *rules.DisclosureRecord) { d.Basis = rules.Politiregisterloven27 }, "IX3"},
		{"a repealed reference (strpl § 61 c) is not on the list", func(d *rules.DisclosureRecord) { d.Basis = "STRPL_61C" }, "IX3"},
		{"criminal record without its register", fromPolice(rules.Politiregisterloven9, rules.CriminalRecord), "IX3"},
		{"criminal record from the police with its register", func(d *rules.DisclosureRecord) {
			fromPolice(rules.Politiregisterloven9, rules.CriminalRecord)(d)
			d.Register = "Reaksjonsregisteret"
		}, ""},
		{"criminal record on another basis", fromPolice(rules.Politiregisterloven26, rules.CriminalRecord), "IX3"},
		{"communication control to avert an escape", func(d *rules.DisclosureRecord) {
			fromPolice(rules.Straffeprosessloven216i, rules.CommunicationControl)(d)
			d.AvertsImprisonableOffence = true
		}, ""},
		{"communication control for any other purpose", fromPolice(rules.Straffeprosessloven216i, rules.CommunicationControl), "IX3"},
		{"communication control on another basis", func(d *rules.DisclosureRecord) {
			fromPolice(rules.Politiregisterloven27, rules.CommunicationControl)(d)
			d.AvertsImprisonableOffence = true
		}, "IX3"},
		{"§ 216 i for something that is not communication control", fromPolice(rules.Straffeprosessloven216i, rules.PoliceInformation), "IX3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := oralToPolice()
			tc.change(&d)
			wantRule(t, rules.CheckDisclosureBasis(d), tc.want)
		})
	}
	for _, b := range rules.DisclosureBasis("").Values() {
		if p := rules.DisclosureBasis(b).Provision(); p == b || !strings.Contains(p, "lov") && !strings.Contains(p, "forskrift") {
			t.Errorf("basis %s cites %q, want a current provision", b, p)
		}
	}
}

// IX3: the refusal names the provision a caseworker can look up — the
// current one, straffeprosessloven § 216 i first paragraph letter f (the
// circular said letter d).
func TestCommunicationControlRefusalNamesProvision(t *testing.T) {
	d := oralToPolice()
	d.Direction, d.Basis, d.Category = rules.FromPolice, rules.Straffeprosessloven216i, rules.CommunicationControl
	var v *rules.Violation
	if !errors.As(rules.CheckDisclosureBasis(d), &v) {
		t.Fatal("communication control without the purpose of averting an offence was accepted")
	}
	if v.Provision != "straffeprosessloven § 216 i første ledd bokstav f" || !strings.Contains(v.Message, "frihetsstraff") {
		t.Fatalf("violation = %+v", v)
	}
}

// IX4: health information learnt as a helper to health personnel is never
// disclosed to the police.
func TestHealthInformationNotDisclosed(t *testing.T) {
	wantRule(t, rules.CheckNotHealthInformation(rules.ToPolice, rules.HealthInformation), "IX4")
	wantRule(t, rules.CheckNotHealthInformation(rules.ToPolice, rules.CustodyInformation), "")
	wantRule(t, rules.CheckNotHealthInformation(rules.FromPolice, rules.HealthInformation), "")
}

// IX6: an INFOFLYT convict is excluded from ordinary disclosures, and the
// refusal names the INFOFLYT procedure.
func TestInfoflyt(t *testing.T) {
	wantRule(t, rules.CheckNotInfoflyt(false), "")
	err := rules.CheckNotInfoflyt(true)
	wantRule(t, err, "IX6")
	if !strings.Contains(err.Error(), "INFOFLYT-rutinen") || !strings.Contains(err.Error(), "kapittel 1 B") {
		t.Fatalf("refusal = %v, want it to name the INFOFLYT procedure and its provision", err)
	}
}

// IX2: the head of the unit or their delegate decides; nobody else; only a
// head delegates, and not to themselves.
func TestDisclosureDecider(t *testing.T) {
	wantRule(t, rules.CheckDisclosureDecider(rules.DisclosureDecider{HeadOfUnit: true}), "")
	wantRule(t, rules.CheckDisclosureDecider(rules.DisclosureDecider{Delegate: true}), "")
	wantRule(t, rules.CheckDisclosureDecider(rules.DisclosureDecider{}), "IX2")
	wantRule(t, rules.CheckDelegator(true, false), "")
	wantRule(t, rules.CheckDelegator(false, false), "IX2")
	wantRule(t, rules.CheckDelegator(true, true), "IX2")
}

// IX5: a mandatory message from the police says what it is and what happened.
func TestPoliceReport(t *testing.T) {
	for _, k := range rules.PoliceReportKind("").Values() {
		wantRule(t, rules.CheckPoliceReport(rules.PoliceReportKind(k), "Anmeldt for trusler 20.11."), "")
		if rules.PoliceReportKind(k).Name() == k {
			t.Errorf("%s has no Norwegian name", k)
		}
	}
	wantRule(t, rules.CheckPoliceReport(rules.ImminentOffence, " "), "IX5")
	wantRule(t, rules.CheckPoliceReport("GOSSIP", "Noe"), "IX5")
}

// IX7: exemption from the convict's access on a ground of § 7 letter c, with
// reasons; the convict is told how many documents are withheld, not which.
func TestExemptionFromAccess(t *testing.T) {
	wantRule(t, rules.CheckExemption(rules.OtherPersonGround, "Opplysningene kan røpe fornærmedes bosted."), "")
	wantRule(t, rules.CheckExemption(rules.SecurityGround, ""), "IX7")
	wantRule(t, rules.CheckExemption("CONVENIENCE", "Fordi"), "IX7")
	if rules.VisibleToConvict(true) || !rules.VisibleToConvict(false) {
		t.Fatal("an exempt document must be withheld from the convict, and only it")
	}
	if got := rules.ExemptionNotice(0); got != "" {
		t.Fatalf("nothing withheld, notice = %q", got)
	}
	if got, want := rules.ExemptionNotice(1), "1 dokument er unntatt fra innsyn etter straffegjennomføringsloven § 7 bokstav c."; got != want {
		t.Fatalf("notice = %q, want %q", got, want)
	}
	if got := rules.ExemptionNotice(3); !strings.HasPrefix(got, "3 dokumenter er unntatt") {
		t.Fatalf("notice = %q", got)
	}
}

// IX8: unverified information goes after 4 months; personal data at the
// latest 10 years after the sentence ended; counted in Norwegian dates.
func TestRetention(t *testing.T) {
	cases := []struct {
		name      string
		got, want time.Time
	}{
		{"4 months", rules.UnverifiedExpiresOn(time.Date(2026, 3, 15, 9, 0, 0, 0, rules.Norway)), rules.Date(2026, 7, 15)},
		{"31 October + 4 months is the end of February", rules.UnverifiedExpiresOn(time.Date(2027, 10, 31, 9, 0, 0, 0, rules.Norway)), rules.Date(2028, 2, 29)},
		{"recorded 00:30 on 1 July in Oslo (22:30 UTC on 30 June)", rules.UnverifiedExpiresOn(time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC)), rules.Date(2026, 11, 1)},
		{"10 years", rules.PersonalDataExpiresOn(rules.Date(2016, 11, 22)), rules.Date(2026, 11, 22)},
		{"10 years from 29 February", rules.PersonalDataExpiresOn(rules.Date(2016, 2, 29)), rules.Date(2026, 2, 28)},
	}
	for _, tc := range cases {
		if !tc.got.Equal(tc.want) {
			t.Errorf("%s: %s, want %s", tc.name, tc.got.Format(time.DateOnly), tc.want.Format(time.DateOnly))
		}
	}
	expires := rules.Date(2026, 11, 22)
	if rules.Expired(expires, time.Date(2026, 11, 21, 23, 59, 0, 0, rules.Norway)) {
		t.Error("deleted a minute before its day")
	}
	if !rules.Expired(expires, time.Date(2026, 11, 22, 0, 0, 0, 0, rules.Norway)) {
		t.Error("kept past the start of its day")
	}
	if id, provision := rules.RetentionRule(); id != "IX8" || !strings.Contains(provision, "§ 6") {
		t.Errorf("retention cites %s %s", id, provision)
	}
}

// PR4: counts below 5 are hidden; medians and on-time are counted as stated.
func TestReportingRules(t *testing.T) {
	for n, want := range map[int]bool{0: true, 1: true, 4: true, 5: false, 120: false} {
		if rules.Suppressed(n) != want {
			t.Errorf("Suppressed(%d) = %v, want %v (PR4)", n, !want, want)
		}
	}
	if id, p := rules.ReportingRule(); id != "PR4" || p == "" {
		t.Errorf("reporting cites %s %q", id, p)
	}
	if m := rules.Median([]float64{9, 1, 5}); m != 5 {
		t.Errorf("median of 9, 1, 5 = %v", m)
	}
	if m := rules.Median([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Errorf("median of 4, 1, 3, 2 = %v", m)
	}
	if rules.Median(nil) != 0 {
		t.Error("median of nothing")
	}
	due := rules.Date(2026, 12, 6)
	if !rules.OnTime(time.Date(2026, 12, 6, 22, 30, 0, 0, time.UTC), due) { // 23:30 in Oslo, still the 6th
		t.Error("sent on the due date, Norwegian time, is on time (NT2)")
	}
	if rules.OnTime(time.Date(2026, 12, 6, 23, 30, 0, 0, time.UTC), due) { // 00:30 on the 7th in Oslo
		t.Error("sent the day after the due date is late (NT2)")
	}
}
