package server_test

import (
	"strings"
	"testing"
	"time"

	"varsel/dbtest"
	"varsel/rules"
)

const (
	opRetention = `{ retentionReport { asOf applied unverifiedDisclosures { id expiresOn } convicts { id expiresOn } deletedRows } }`
	opDocuments = `query($id: ID!, $access: Boolean!) { convictDocuments(convictId: $id, forConvictAccess: $access) {
		documents { kind id title mark { ground reasoning } } withheld withheldNotice } }`
	opMark = `mutation($in: MarkDocumentExemptInput!) { markDocumentExempt(input: $in) { id ground liftedAt } }`
	opLift = `mutation($id: ID!) { liftDocumentMark(id: $id) { id liftedAt } }`
)

// retentionCase stores what IX8 deletes: an unverified disclosure from the
// police about Martin Berg, and a convict whose sentence ended ten years ago
// less three days, with a case, a victim and a verified disclosure.
func retentionCase(ts *testServer) (unverified, oldConvict string) {
	ts.t.Helper()
	unverified = id(ts.as("politi", opRecordDisclosure, in(map[string]any{"direction": "FROM_POLICE",
		"convictNationalIdentityNumber": convictNIN(ts, "Martin Berg"), "category": "POLICE_INFORMATION",
		"summary": "Tips om at domfelte skal ha truet en medinnsatt.", "purpose": "Sikkerhetsvurdering før permisjon.",
		"recipient": "Oslo fengsel", "legalBasis": "POLITIREGISTERLOVEN_27", "decidedByName": "Per Olsen",
		"decidedAt": rfc3339(ts.clock.Now()), "form": "ORAL", "unverified": true, "source": "Anonym tipser"})), "recordDisclosure", "id")

	ended := rules.DateOf(ts.clock.Now()).AddDate(-10, 0, 3)
	oldConvict = id(ts.as("saksbehandler", opRegisterConvict, in(map[string]any{"name": "Gammel Sak", "nationalIdentityNumber": nin(1960, 4, 4),
		"sentenceEndedOn": ended.Format(time.DateOnly)})), "registerConvict", "id")
	c := id(ts.as("saksbehandler", opAddCase, in(map[string]any{"convictId": oldConvict, "caseNumber": "14-000111MED-OTIR/01",
		"judgmentDate": "2014-01-10", "offenceCategories": []string{"VIOLENCE"}, "status": "COMPLETED"})), "addCriminalCase", "id")
	ts.as("saksbehandler", opAddVictim, in(map[string]any{"criminalCaseId": c, "person": person("Gammel Fornærmet", nil)}))
	ts.as("saksbehandler", opRecordDisclosure, toPolice(ts, map[string]any{"convictId": oldConvict,
		"summary": "Løslatelsesdato.", "purpose": "Politiets oppfølging etter løslatelse."}))
	return unverified, oldConvict
}

// IX8, dry run: the report shows what would go on the day it is due, by
// identifier only, and deletes nothing.
func TestRetentionDryRun(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d, "VARSEL_JOB_INTERVAL=1h") // the job runs once, at start
			unverified, old := retentionCase(ts)
			report := get(ts.as("admin", opRetention, nil), "retentionReport")
			if len(get(report, "unverifiedDisclosures").([]any)) != 0 || len(get(report, "convicts").([]any)) != 0 || get(report, "applied") != false {
				t.Fatalf("nothing is due yet: %v", report)
			}
			ts.failsWith("saksbehandler", "FORBIDDEN", opRetention, nil)

			ts.clock.advance(3 * 24 * time.Hour)
			report = get(ts.as("revisor", opRetention, nil), "retentionReport")
			convicts := get(report, "convicts").([]any)
			if len(convicts) != 1 || get(convicts, 0, "id") != old || len(get(report, "unverifiedDisclosures").([]any)) != 0 {
				t.Fatalf("ten years after the sentence ended, the report = %v", report)
			}
			ts.clock.advance(4 * 31 * 24 * time.Hour)
			report = get(ts.as("admin", opRetention, nil), "retentionReport")
			due := get(report, "unverifiedDisclosures").([]any)
			if len(due) != 1 || get(due, 0, "id") != unverified || get(report, "deletedRows") != 0.0 {
				t.Fatalf("four months on, the report = %v", report)
			}
			if strings.Contains(string(mustJSON(report)), "Gammel") {
				t.Fatal("the report shows personal data")
			}
			// A dry run: everything is still there.
			if n := get(ts.as("saksbehandler", opDisclosures, nil), "disclosures", "totalCount"); n != 2.0 {
				t.Fatalf("the dry run deleted disclosures: %v left", n)
			}
			ts.convictFile("saksbehandler", "Gammel Sak")
		})
	}
}

// IX8, PR3: the job deletes unverified information after 4 months and all
// of a convict's personal data 10 years after the sentence ended; the audit
// trail keeps the fact of each deletion, not the data, and stays intact.
func TestRetentionJob(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d, "VARSEL_JOB_INTERVAL=300ms")
			unverified, old := retentionCase(ts)
			time.Sleep(time.Second) // the job runs a few times: nothing is due
			if n := get(ts.as("saksbehandler", opDisclosures, nil), "disclosures", "totalCount"); n != 2.0 {
				t.Fatalf("%v disclosures before anything was due", n)
			}

			ts.clock.advance(3 * 24 * time.Hour)
			eventually(t, 15*time.Second, "deleting the old convict", func() bool {
				edges := get(ts.as("saksbehandler", `{ convicts(where: {name: "Gammel Sak"}) { totalCount } }`, nil), "convicts", "totalCount")
				return edges == 0.0
			})
			disclosures := get(ts.as("saksbehandler", opDisclosures, nil), "disclosures", "edges").([]any)
			if len(disclosures) != 1 || get(disclosures, 0, "node", "id") != unverified {
				t.Fatalf("after the old convict went, the register holds %v", disclosures)
			}

			ts.clock.advance(4 * 31 * 24 * time.Hour)
			eventually(t, 15*time.Second, "deleting unverified information", func() bool {
				return get(ts.as("saksbehandler", opDisclosures, nil), "disclosures", "totalCount") == 0.0
			})

			deletions := get(ts.as("revisor", `{ auditEvents(where: {action: DELETE}, first: 100) { totalCount edges { node { actor entityType entityID } } } }`, nil),
				"auditEvents")
			got := map[string]bool{}
			for _, e := range get(deletions, "edges").([]any) {
				got[get(e, "node", "entityType").(string)+"/"+idString(get(e, "node", "entityID"))] = true
			}
			for _, want := range []string{"Convict/" + old, "Disclosure/" + unverified} {
				if !got[want] {
					t.Errorf("the audit trail does not record deleting %s: %v", want, got)
				}
			}
			for _, kind := range []string{"CriminalCase", "Victim"} {
				found := false
				for k := range got {
					found = found || strings.HasPrefix(k, kind+"/")
				}
				if !found {
					t.Errorf("the convict's %s was not deleted with the convict", kind)
				}
			}
			if strings.Contains(string(mustJSON(deletions)), "Gammel") {
				t.Fatal("the audit trail keeps the deleted data")
			}
			if get(ts.as("revisor", `{ auditChainStatus { intact } }`, nil), "auditChainStatus", "intact") != true {
				t.Fatal("the audit chain is broken after retention")
			}
		})
	}
}

// IX8: what waits in the national queue — police reports and disclosures on
// a person who is no convict, or under INFOFLYT — is kept no longer than a
// convict's own data: 10 years from when it came in, and then deleted by the
// job like the rest.
func TestRetentionOfTheNationalQueue(t *testing.T) {
	const opQueue = `{ retentionReport { nationalQueueReports { id } nationalQueueDisclosures { id } } }`
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d, "VARSEL_JOB_INTERVAL=300ms")
			stranger := nin(1971, 3, 9)
			ts.as("politi", opReport, in(map[string]any{"convictNationalIdentityNumber": stranger, "kind": "FOREIGN_CONVICTION",
				"summary": "Dømt i Sverige for vold."}))
			ts.as("politi", opRecordDisclosure, in(map[string]any{"direction": "FROM_POLICE", "convictNationalIdentityNumber": convictNIN(ts, "Ola Rud"),
				"category": "POLICE_INFORMATION", "summary": "Kontakt med kriminelt miljø.", "purpose": "Sikkerhetsvurdering.",
				"recipient": "Kriminalomsorgen", "legalBasis": "POLITIREGISTERLOVEN_27", "decidedByName": "Per Olsen",
				"decidedAt": rfc3339(ts.clock.Now()), "form": "WRITTEN"}))
			queue := func() (reports, disclosures int) {
				r := get(ts.as("admin", opQueue, nil), "retentionReport")
				return len(get(r, "nationalQueueReports").([]any)), len(get(r, "nationalQueueDisclosures").([]any))
			}
			ts.clock.advance(10*365*24*time.Hour - 24*time.Hour)
			if r, d := queue(); r != 0 || d != 0 {
				t.Fatalf("before 10 years, %d reports and %d disclosures are due", r, d)
			}
			held := func() float64 {
				return get(ts.as("admin", `{ policeReports { totalCount } }`, nil), "policeReports", "totalCount").(float64) +
					get(ts.as("admin", `{ disclosures { totalCount } }`, nil), "disclosures", "totalCount").(float64)
			}
			if n := held(); n != 2 {
				t.Fatalf("the national queue holds %v, want a report and a disclosure", n)
			}
			ts.clock.advance(5 * 24 * time.Hour)
			eventually(t, 15*time.Second, "deleting the national queue", func() bool { return held() == 0 })
		})
	}
}

// IX7: a document marked as exempt is left out wherever the convict's
// documents are listed for the convict's access or exported, and counted
// with the provision; staff see it with the mark; lifting the mark shows it
// again.
func TestDocumentMarks(t *testing.T) {
	for _, d := range dbtest.Dialects {
		t.Run(d, func(t *testing.T) {
			ts := startServer(t, d)
			s := ts.freshLeave(30)
			ts.as("saksbehandler", opSecurity, in(map[string]any{"custodyEventId": s.event, "possibleRevengeRisk": false, "reasoning": "Ingen kjent konflikt."}))
			disclosure := id(ts.as("saksbehandler", opRecordDisclosure, toPolice(ts, nil)), "recordDisclosure", "id")
			convict := s.file["id"].(string)

			docs := func(user string, access bool) map[string]any {
				return get(ts.as(user, opDocuments, map[string]any{"id": convict, "access": access}), "convictDocuments").(map[string]any)
			}
			titles := func(l map[string]any) string {
				var ts []string
				for _, d := range l["documents"].([]any) {
					ts = append(ts, get(d, "title").(string))
				}
				return strings.Join(ts, " | ")
			}
			before := docs("saksbehandler", true)
			if !strings.Contains(titles(before), "Utlevering av opplysninger til politiet") || !strings.Contains(titles(before), "Sikkerhetsvurdering: permisjon") {
				t.Fatalf("documents = %s", titles(before))
			}
			mark := in(map[string]any{"convictId": convict, "documentKind": "DISCLOSURE", "documentId": disclosure, "ground": "INVESTIGATION",
				"reasoning": "Opplysningene kan skade politiets etterforskning av narkotikasaken."})
			ts.refused("saksbehandler", "IX7", opMark, in(map[string]any{"convictId": convict, "documentKind": "DISCLOSURE", "documentId": disclosure,
				"ground": "SECURITY", "reasoning": ""}))
			ts.failsWith("saksbehandler2", "NOT_FOUND", opMark, mark)
			m := get(ts.as("saksbehandler", opMark, mark), "markDocumentExempt")
			ts.failsWith("saksbehandler", "CONFLICT", opMark, mark)

			forConvict := docs("saksbehandler", true)
			if strings.Contains(titles(forConvict), "Utlevering") || forConvict["withheld"] != 1.0 ||
				forConvict["withheldNotice"] != "1 dokument er unntatt fra innsyn etter straffegjennomføringsloven § 7 bokstav c." {
				t.Fatalf("for the convict's access: %v", forConvict)
			}
			staff := docs("saksbehandler", false)
			marked := false
			for _, d := range staff["documents"].([]any) {
				marked = marked || (get(d, "id") == disclosure && get(d, "mark", "ground") == "INVESTIGATION")
			}
			if !marked || staff["withheldNotice"] != nil {
				t.Fatalf("staff do not see the document with its mark: %v", staff)
			}
			code, pdf := ts.get("saksbehandler", "/letters/convict-access/"+convict)
			text := pdfText(t, pdf)
			if code != 200 || strings.Contains(text, "Utlevering") || !strings.Contains(text, "Sikkerhetsvurdering: permisjon") ||
				!strings.Contains(text, "1 dokument er unntatt fra innsyn etter straffegjennomføringsloven § 7 bokstav c.") {
				t.Fatalf("the convict's access list (%d): %s", code, text)
			}
			if code, _ := ts.get("saksbehandler2", "/letters/convict-access/"+convict); code != 404 {
				t.Fatalf("Bergen exports Oslo's convict's documents: %d", code)
			}

			ts.as("saksbehandler", opLift, map[string]any{"id": get(m, "id")})
			if after := docs("saksbehandler", true); !strings.Contains(titles(after), "Utlevering") || after["withheld"] != 0.0 {
				t.Fatalf("after lifting the mark: %v", after)
			}
		})
	}
}
