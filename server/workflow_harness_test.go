package server_test

import (
	"fmt"
	"strings"
	"time"
)

// The GraphQL operations of the notification workflow, as the SPA sends them.
const (
	opConvictFile = `query($name: String!) { convicts(first: 10, where: {name: $name}) { edges { node {
		id name unit { name }
		criminalCases { id caseNumber status victims { id name deceased
			guardians { id name excludedAsConvict }
			survivors { id name relation guardians { id name } } } } } } } }`
	opRegisterConvict = `mutation($in: RegisterConvictInput!) { registerConvict(input: $in) { id name unit { name } } }`
	opAddCase         = `mutation($in: AddCriminalCaseInput!) { addCriminalCase(input: $in) { id status } }`
	opAddVictim       = `mutation($in: AddVictimInput!) { addVictim(input: $in) { id name } }`
	opAddSurvivor     = `mutation($in: AddSurvivorInput!) { addSurvivor(input: $in) { id relation } }`
	opAddGuardian     = `mutation($in: AddGuardianInput!) { addGuardian(input: $in) { guardian { id excludedAsConvict } warnings } }`
	opRegisterEvent   = `mutation($in: RegisterCustodyEventInput!) { registerCustodyEvent(input: $in) {
		id kind legalBasis decidingLevel decidingUnit { name } } }`
	opConditions = `mutation($in: RecordConditionsInput!) { recordConditions(input: $in) { id
		conditions { kind area areaLevel legalBasis } } }`
	opRequestInfo = `mutation($in: RequestInformationInput!) { requestInformation(input: $in) {
		id source purpose requestedAt policeRequest { kind status policeDistrict { name } } } }`
	opSecurity = `mutation($in: RecordSecurityAssessmentInput!) { recordSecurityAssessment(input: $in) {
		id outcome policeRequest { id kind status } } }`
	opPoliceStatement = `mutation($in: RecordPoliceStatementInput!) { recordPoliceStatement(input: $in) { id outcome } }`
	opAssess          = `mutation($in: RecordSignificanceAssessmentInput!) { recordSignificanceAssessment(input: $in) {
		id outcome recipientMinor } }`
	opDecide = `mutation($in: DecideNotificationInput!) { decideNotification(input: $in) {
		id status level informingImpracticableReason decidingUnit { name } assessments { id } } }`
	opInformed = `mutation($in: RecordConvictInformedInput!) { recordConvictInformed(input: $in) {
		id convictInformedAt convictInformedHow appealDeadline oralAppealAnswer } }`
	opRegisterAppeal = `mutation($in: RegisterAppealInput!) { registerAppeal(input: $in) { id status } }`
	opDecideAppeal   = `mutation($in: DecideAppealInput!) { decideAppeal(input: $in) { id status decidingUnit { name } } }`
	opReservation    = `mutation($in: RecordReservationInput!) { recordReservation(input: $in) { id } }`
	opAgreement      = `mutation($in: RecordNotificationAgreementInput!) { recordNotificationAgreement(input: $in) { id frequency } }`
	opPrepare        = `mutation($in: PrepareNoticesInput!) { prepareNotices(input: $in) { warnings notices {
		id status route channel dueDate late lateJustification earlyReleaseJustification writtenStandard
		victim { id } survivor { id } guardian { id } policeDistrict { name }
		content { eventKind legalBasis startsAt endsAt mayReserve conditions { kind area areaLevel description } } } } }`
	opRelease  = `mutation($in: ReleaseNoticeInput!) { releaseNotice(input: $in) { id status earlyReleaseJustification } }`
	opCancel   = `mutation($in: CancelNoticeInput!) { cancelNotice(input: $in) { id status cancelReason } }`
	opWorklist = `{ notificationWorklist { step title rule deadline overdue convict { name } custodyEvent { id kind } notice { id status } } }`
)

// file is a convict's case file as the API returns it.
type file map[string]any

// convictFile reads a convict's file by name, as the given user.
func (ts *testServer) convictFile(user, name string) file {
	ts.t.Helper()
	edges := get(ts.as(user, opConvictFile, map[string]any{"name": name}), "convicts", "edges").([]any)
	if len(edges) != 1 {
		ts.t.Fatalf("%s sees %d convicts named %s", user, len(edges), name)
	}
	return get(edges[0], "node").(map[string]any)
}

// id returns the ID at a path of a decoded value.
func id(v any, path ...any) string {
	s, ok := get(v, path...).(string)
	if !ok || s == "" {
		panic(fmt.Sprintf("no id at %v in %v", path, v))
	}
	return s
}

// victimNamed finds a victim in a file by name.
func (f file) victimNamed(name string) map[string]any {
	for _, c := range f["criminalCases"].([]any) {
		for _, v := range get(c, "victims").([]any) {
			if get(v, "name") == name {
				return v.(map[string]any)
			}
		}
	}
	panic("no victim " + name)
}

// survivorNamed finds a survivor in a file by name.
func (f file) survivorNamed(name string) map[string]any {
	for _, c := range f["criminalCases"].([]any) {
		for _, v := range get(c, "victims").([]any) {
			for _, s := range get(v, "survivors").([]any) {
				if get(s, "name") == name {
					return s.(map[string]any)
				}
			}
		}
	}
	panic("no survivor " + name)
}

// refused runs an operation that a rule must refuse, and checks that the
// client sees BAD_USER_INPUT with the rule's ID, a provision and a message
// in Norwegian; nothing may be returned.
func (ts *testServer) refused(user, rule, query string, vars map[string]any) gqlError {
	ts.t.Helper()
	r := ts.do(ts.token(user), query, vars)
	if len(r.Errors) != 1 {
		ts.t.Fatalf("want one refusal by %s, got errors %+v data %v", rule, r.Errors, r.Data)
	}
	e := r.Errors[0]
	if e.Extensions["code"] != "BAD_USER_INPUT" || e.Extensions["rule"] != rule || e.Extensions["provision"] == "" || e.Message == "" {
		ts.t.Fatalf("want BAD_USER_INPUT by %s with a provision, got %+v", rule, e)
	}
	return e
}

// failsWith runs an operation that must fail with the given code.
func (ts *testServer) failsWith(user, code, query string, vars map[string]any) gqlError {
	ts.t.Helper()
	r := ts.do(ts.token(user), query, vars)
	if r.code() != code {
		ts.t.Fatalf("want %s, got errors %+v data %v", code, r.Errors, r.Data)
	}
	return r.Errors[0]
}

func in(fields map[string]any) map[string]any { return map[string]any{"in": fields} }

// rfc3339 writes a time as GraphQL's Time.
func rfc3339(t time.Time) string { return t.Format(time.RFC3339) }

// factors is a complete assessment, with the particularly careful one for a minor.
func factors(minor bool) map[string]any {
	f := map[string]any{
		"offenceSeriousness":  "Grov vold og trusler mot fornærmede.",
		"needToPrepare":       "Fornærmede har sagt til politiet at hun er redd for å møte domfelte.",
		"relationship":        "Tidligere samboere; ingen kontakt i dag.",
		"likelihoodOfMeeting": "Permisjonen er i Drammen, der fornærmede arbeider.",
		"timeAndPlace":        "To døgn, med overnatting hos domfeltes mor.",
		"courtReasoning":      "Retten la vekt på at volden skjedde over lang tid.",
	}
	if minor {
		f["minorRecipient"] = "Barnet var til stede; behovet for forberedelse er stort, også om lovbruddet var mindre alvorlig."
	}
	return f
}

// contains reports whether a refusal's message mentions s.
func (e gqlError) says(s string) bool { return strings.Contains(e.Message, s) }
