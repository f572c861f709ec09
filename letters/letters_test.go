package letters_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"varsel/letters"
	"varsel/rules"
)

// pdfText extracts a PDF's text with poppler's pdftotext, as a reader would
// copy it. With VARSEL_LETTER_PNG set to a directory, the pages are also
// written there as PNG images to look at.
func pdfText(t *testing.T, name string, pdf []byte) string {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", name)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "letter.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext (apt-get install poppler-utils): %v: %s", err, out)
	}
	if png := os.Getenv("VARSEL_LETTER_PNG"); png != "" {
		exec.Command("pdftoppm", "-png", "-r", "60", path, filepath.Join(png, name)).Run()
	}
	// Join lines that the layout wrapped, so phrases can be found whole.
	return strings.Join(strings.Fields(string(out)), " ")
}

func contains(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q in:\n%s", w, text)
		}
	}
}

func lacks(t *testing.T, text string, forbidden ...string) {
	t.Helper()
	for _, f := range forbidden {
		if strings.Contains(strings.ToLower(text), strings.ToLower(f)) {
			t.Errorf("must not contain %q:\n%s", f, text)
		}
	}
}

var (
	oslo  = letters.Unit{Name: "Oslo fengsel", Address: []string{"Postboks 4, Tøyen", "0608 Oslo"}, Phone: "23 00 00 00"}
	start = time.Date(2026, time.December, 22, 10, 0, 0, 0, rules.Norway)
	end   = start.Add(56 * time.Hour)
	town  = rules.Town
	leave = rules.NoticeContent{
		EventKind: rules.Leave, LegalBasis: "straffegjennomføringsloven § 36 tredje ledd", StartsAt: start, EndsAt: &end, MayReserve: true,
		Conditions: []rules.NoticeCondition{
			{Kind: rules.Residence, Area: "Drammen", AreaLevel: &town},
			{Kind: rules.NoContact, Description: "Ingen kontakt med fornærmede eller datteren."},
		},
	}
	ingrid = letters.Addressee{Name: "Ingrid Solberg", Address: []string{"Storgata 12", "0184 Oslo"}}
)

// NT3, NT4, NT5, NT7: the notice says what happens and when, the conditions
// that concern the recipient (a residence as an area only), that the
// recipient may reserve against more notices, and whom to contact — in the
// recipient's written standard, with Norwegian letters rendered correctly.
func TestNoticeLetter(t *testing.T) {
	told := time.Date(2026, time.December, 12, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		letter letters.NoticeLetter
		want   []string
		forbid []string
	}{
		{"Bokmål, to the victim", letters.NoticeLetter{Standard: rules.Bokmal, Unit: oslo, Reference: "OSLO-FENGSEL 2026/V-2D", CaseNumber: "24-123456MED-OTIR",
			Caseworker: "Sara Nilsen", Date: start.AddDate(0, 0, -20), To: ingrid, Content: leave},
			[]string{"Kriminalomsorgen", "Oslo fengsel", "Ingrid Solberg", "Storgata 12", "0184 Oslo", "Vår referanse: OSLO-FENGSEL 2026/V-2D",
				// Which case, whom to ask for and on which line.
				"Gjelder straffesak: 24-123456MED-OTIR", "Saksbehandler: Sara Nilsen",
				"kontakt saksbehandler Sara Nilsen ved Oslo fengsel på telefon 23 00 00 00. Oppgi vår referanse OSLO-FENGSEL 2026/V-2D.",
				// Victim support, by name, without a number we cannot vouch for.
				"Støttesenter for kriminalitetsutsatte (SKU) gir gratis råd og støtte", "Kontakt politiet eller SKU der du bor.",
				// What reserving means and how it is done (RC10).
				"Å reservere seg betyr at du ikke får flere varsler om domfelte i denne saken",
				"Du reserverer deg ved å ringe eller skrive til Oslo fengsel og oppgi referansen OSLO-FENGSEL 2026/V-2D",
				"Varsel om permisjon", "skal ha permisjon fra 22. desember 2026 kl. 10.00 til 24. desember 2026 kl. 18.00",
				"Oppholdssted: domfelte skal oppholde seg i Drammen (by).", "Forbud mot kontakt: Ingen kontakt med fornærmede eller datteren.",
				"straffegjennomføringsloven § 36 tredje ledd", "reservere deg mot flere varsler",
				// The confidentiality rests on fvl § 13 and strgjfl § 7 letter h; letter i is what lets it reach the victim.
				"Taushetsbelagt, jf. forvaltningsloven § 13 og straffegjennomføringsloven § 7 bokstav h", "(straffegjennomføringsloven § 7 bokstav i)", "telefon 23 00 00 00", "Dato: 2. desember 2026", "æ", "ø", "å"},
			[]string{"SMS", "e-post", "{{", "<no value>"}},
		{"Nynorsk, to a guardian on behalf of a child", letters.NoticeLetter{Standard: rules.Nynorsk, Unit: oslo, Reference: "VARSEL-2", Date: start.AddDate(0, 0, -20),
			To: letters.Addressee{Name: "Ingrid Solberg", Address: []string{"Storgata 12", "0184 Oslo"}}, OnBehalfOf: "Emma Solberg",
			Content: rules.NoticeContent{EventKind: rules.Leave, LegalBasis: leave.LegalBasis, StartsAt: start, EndsAt: &end, MayReserve: true,
				Conditions: []rules.NoticeCondition{{Kind: rules.NoContact, Description: "Ingen kontakt."}}}},
			[]string{"Kriminalomsorga", "som verje for Emma Solberg", "Varselet gjeld Emma Solberg", "Forbod mot kontakt", "reservere deg mot fleire varsel", "Med helsing",
				"Å reservere seg tyder at du ikkje får fleire varsel", "Du reserverer deg ved å ringje eller skrive til Oslo fengsel",
				"Støttesenter for kriminalitetsutsatte (SKU)", "Kontakt politiet eller SKU der du bur."},
			[]string{"Oppholdssted", "SMS"}},
		{"English courtesy translation of an escape", letters.NoticeLetter{Standard: rules.English, Unit: oslo, Reference: "VARSEL-3", Date: start,
			To: ingrid, Content: rules.NoticeContent{EventKind: rules.Escape, LegalBasis: "straffegjennomføringsloven § 40 siste ledd", StartsAt: start, MayReserve: true}},
			[]string{"Notice of an escape from the execution of the sentence", "has escaped", "The escape happened on 22 December 2026 at 10:00",
				"courtesy translation", "You can decline further notices", "112",
				"Declining means that you receive no further notices", "To decline, telephone or write to Oslo fengsel and quote the reference VARSEL-3",
				"Støttesenter for kriminalitetsutsatte (the support centre for victims of crime, SKU)", "Contact the police or the SKU where you live."},
			[]string{"will have", "Conditions that concern", "SMS"}},
		{"a release at full term says nothing of reserving", letters.NoticeLetter{Standard: rules.Bokmal, Unit: oslo, Reference: "VARSEL-4", Date: start,
			To: ingrid, Content: rules.NoticeContent{EventKind: rules.Release, LegalBasis: "straffegjennomføringsloven § 42 sjette og syvende ledd", StartsAt: start, DateOnly: true}},
			[]string{"Varsel om løslatelse", "skal ha løslatelse fra 22. desember 2026."},
			[]string{"reservere", "kl. 10.00"}},
		// NT8: a correction replaces the notice sent before, and says so; a
		// cancellation says the event will not happen, in every standard.
		{"Bokmål correction", letters.NoticeLetter{Standard: rules.Bokmal, Unit: oslo, Reference: "VARSEL-6", Date: start,
			To: ingrid, Content: leave, Kind: rules.KindCorrection, Told: &told},
			[]string{"Rettelse: ny tid for permisjon", "erstatter varselet vi sendte deg 12. desember 2026", "Tidspunktet er endret",
				"skal ha permisjon fra 22. desember 2026 kl. 10.00 til 24. desember 2026 kl. 18.00"},
			[]string{"Avlyst", "{{"}},
		{"Bokmål cancellation", letters.NoticeLetter{Standard: rules.Bokmal, Unit: oslo, Reference: "VARSEL-7", Date: start,
			To: ingrid, Content: leave, Kind: rules.KindCancellation, Told: &told},
			[]string{"Avlyst: permisjon", "Vi varslet deg 12. desember 2026", "skulle ha permisjon fra 22. desember 2026 kl. 10.00",
				"Dette er avlyst, og varselet gjelder ikke lenger", "Taushetsbelagt"},
			[]string{"Vilkår som gjelder", "reservere deg", "skal ha permisjon"}},
		{"Nynorsk correction", letters.NoticeLetter{Standard: rules.Nynorsk, Unit: oslo, Reference: "VARSEL-8", Date: start,
			To: ingrid, Content: leave, Kind: rules.KindCorrection, Told: &told},
			[]string{"Retting: ny tid for permisjon", "erstattar varselet vi sende deg 12. desember 2026", "Tidspunktet er endra"}, nil},
		{"Nynorsk cancellation", letters.NoticeLetter{Standard: rules.Nynorsk, Unit: oslo, Reference: "VARSEL-9", Date: start,
			To: ingrid, Content: leave, Kind: rules.KindCancellation, Told: &told},
			[]string{"Avlyst: permisjon", "Vi varsla deg 12. desember 2026", "varselet gjeld ikkje lenger"}, []string{"reservere"}},
		{"English correction", letters.NoticeLetter{Standard: rules.English, Unit: oslo, Reference: "VARSEL-10", Date: start,
			To: ingrid, Content: leave, Kind: rules.KindCorrection, Told: &told},
			[]string{"Correction: a new time for leave", "replaces the notice we sent you on 12 December 2026", "The time has changed"}, nil},
		{"English cancellation", letters.NoticeLetter{Standard: rules.English, Unit: oslo, Reference: "VARSEL-11", Date: start,
			To: ingrid, Content: leave, Kind: rules.KindCancellation, Told: &told},
			[]string{"Cancelled: leave", "On 12 December 2026 we notified you", "the notice no longer applies"}, []string{"You can decline"}},
		// NT8: a cancellation because the decision was withdrawn never says
		// the event is cancelled: it may still happen.
		{"Bokmål withdrawal", letters.NoticeLetter{Standard: rules.Bokmal, Unit: oslo, Reference: "VARSEL-12", Date: start,
			To: ingrid, Content: leave, Kind: rules.KindCancellation, Told: &told, Withdrawn: true},
			[]string{"Varselet er trukket tilbake: permisjon", "Vi varslet deg 12. desember 2026", "trukket tilbake vedtaket om å varsle"},
			[]string{"Avlyst", "er avlyst", "reservere deg"}},
		{"Nynorsk withdrawal", letters.NoticeLetter{Standard: rules.Nynorsk, Unit: oslo, Reference: "VARSEL-13", Date: start,
			To: ingrid, Content: leave, Kind: rules.KindCancellation, Told: &told, Withdrawn: true},
			[]string{"Varselet er trekt tilbake: permisjon", "trekt tilbake vedtaket om å varsle"}, []string{"Avlyst", "er avlyst"}},
		{"English withdrawal", letters.NoticeLetter{Standard: rules.English, Unit: oslo, Reference: "VARSEL-14", Date: start,
			To: ingrid, Content: leave, Kind: rules.KindCancellation, Told: &told, Withdrawn: true},
			[]string{"Notice withdrawn: leave", "withdrawn its decision to notify"}, []string{"Cancelled", "has been cancelled"}},
		{"delivered by the police: no address is printed", letters.NoticeLetter{Standard: rules.Bokmal, Unit: oslo, Reference: "VARSEL-5", Date: start,
			To: letters.Addressee{Name: "Anne Moen"}, ByPolice: true, Content: leave},
			[]string{"Anne Moen", "Leveres av politiet"},
			[]string{"Storgata"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pdf, err := letters.NoticePDF(tc.letter)
			if err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, "notice-"+string(tc.letter.Standard)+"-"+tc.letter.Reference, pdf)
			contains(t, text, tc.want...)
			lacks(t, text, tc.forbid...)
		})
	}
}

// DC3: the convict's decision letter states the right to appeal, the 7-day
// deadline, the appeal body and the right to see documents with the § 7 c
// limits — and never the recipient's name, address or contact details.
func TestDecisionLetter(t *testing.T) {
	deadline := rules.Date(2026, time.November, 30)
	pdf, err := letters.DecisionPDF(letters.DecisionLetter{
		Unit: oslo, Reference: "VEDTAK-34359738369", Date: start.AddDate(0, 0, -30), ConvictName: "Martin Berg", ConvictUnit: "Oslo fengsel",
		Content: leave, Victims: 2, Reasoning: "Fornærmede har et reelt behov for å forberede seg.",
		DecidedAt: start.AddDate(0, 0, -30), Deadline: &deadline, AppealBody: "Region øst",
	})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, "decision", pdf)
	contains(t, text, "Martin Berg", "Vedtak om varsling av fornærmede eller etterlatte", "2 fornærmede i straffesaken blir varslet om permisjon",
		"Du kan klage", "Klagefristen er 7 dager", "Fristen går ut 30. november 2026", "Region øst", "straffegjennomføringsloven § 7 bokstav c",
		"forvaltningsloven § 18", "straffegjennomføringsloven § 36 tredje ledd", "Fornærmede har et reelt behov",
		// The appeal right and its deadline, with the deadline's computation (DC4).
		"(forvaltningsloven § 28 første ledd)", "straffegjennomføringsloven § 7 bokstav e; forvaltningsloven § 30, jf. domstolloven §§ 148–149")
	// DC1: no exemption was recorded, so the letter does not claim one.
	lacks(t, text, "Ingrid", "Storgata", "0184", "Drammen (by)", "telefon 9", "§ 7 bokstav d", "ikke gjengitt")

	// DC1, IX7: reasons are printed unless an exemption was recorded; then the
	// letter says so, and the recorded reasons never reach it.
	withheld, err := letters.DecisionPDF(letters.DecisionLetter{Unit: oslo, Reference: "VEDTAK-2", Date: start, ConvictName: "Tor Eriksen",
		ConvictUnit: "Oslo fengsel", Content: leave, Survivors: 1, DecidedAt: start, AppealBody: "Region øst",
		ReasonsWithheld: true, Reasoning: "Opplysning fra politiet om trusler"})
	if err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, "decision-withheld", withheld)
	contains(t, text, "1 etterlatt i straffesaken", "Begrunnelsen er ikke gjengitt", "straffegjennomføringsloven § 7 bokstav d")
	lacks(t, text, "Opplysning fra politiet")
}

// RC9: the police get what they need to deliver — who, and by when — and
// the notice itself, and nothing else of the case.
func TestPoliceDeliveryRequest(t *testing.T) {
	birth := rules.Date(1977, time.April, 8)
	pdf, err := letters.PolicePDF(letters.PoliceRequest{
		Unit: oslo, Reference: "POLITI-1", Date: start.AddDate(0, 0, -20), District: "Oslo politidistrikt",
		Name: "Anne Moen", IdentityNumber: "08847700318", BirthDate: &birth, Protection: rules.StrictlyConfidential,
		DueDate: rules.Date(2026, time.December, 8),
		Notice: letters.NoticeLetter{Standard: rules.Bokmal, Unit: oslo, Reference: "VARSEL-9", Date: start.AddDate(0, 0, -20),
			To: letters.Addressee{Name: "Anne Moen"}, Content: leave},
	})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, "police", pdf)
	contains(t, text, "Oslo politidistrikt", "Anmodning om å besørge varsel", "Anne Moen", "08847700318", "8. april 1977",
		"strengt fortrolig", "bør leveres senest 8. desember 2026", "Leveres av politiet", "Varsel om permisjon")
	lacks(t, text, "vold", "assessment", "vurdering", "domfeltes navn")
}
