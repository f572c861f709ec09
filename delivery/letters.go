// Package delivery gets READY notices to their recipients: it assembles the
// letters from the case, runs the durable job queue that sends Digipost
// notices exactly once, and the periodic jobs that release held notices and
// remind units of what is due.
package delivery

import (
	"context"
	"fmt"
	"strings"
	"time"

	"varsel"
	"varsel/accesslog"
	"varsel/ent"
	"varsel/ent/accesslogentry"
	"varsel/ent/convict"
	"varsel/ent/custodyevent"
	"varsel/ent/decision"
	"varsel/ent/notice"
	"varsel/ent/policerequest"
	"varsel/letters"
	"varsel/rules"
	"varsel/workflow"
)

// NoticeLetter gathers what a notice's letter says: sender, addressee (the
// guardian on behalf of a minor or ward), and the content decided when it
// was prepared. The reads of names and addresses are noted in the access
// log of ctx (PR2).
func NoticeLetter(ctx context.Context, client *ent.Client, id int) (letters.NoticeLetter, *ent.Notice, error) {
	n, err := client.Notice.Query().Where(notice.ID(id)).
		WithVictim(func(q *ent.VictimQuery) { q.WithCriminalCase() }).
		WithSurvivor(func(q *ent.SurvivorQuery) { q.WithVictim(func(q *ent.VictimQuery) { q.WithCriminalCase() }) }).
		WithAssessment(func(q *ent.AssessmentQuery) { q.WithAssessedBy() }).
		WithGuardian().WithCorrects().
		WithCustodyEvent(func(q *ent.CustodyEventQuery) {
			q.WithConvict(func(q *ent.ConvictQuery) { q.WithUnit() })
		}).Only(ctx)
	if err != nil {
		return letters.NoticeLetter{}, nil, err
	}
	u := n.Edges.CustodyEvent.Edges.Convict.Edges.Unit
	l := letters.NoticeLetter{
		Standard:  n.WrittenStandard,
		Unit:      sender(u),
		Reference: Reference("V", u.Code, n.CreatedAt, n.ID),
		Date:      time.Now(),
		ByPolice:  n.Route == rules.ThroughPolice,
		Content:   n.Content,
		Kind:      n.Kind,
	}
	// Which case it concerns, as the recipient knows it from the court; and
	// whom to ask for: the caseworker who assessed the notice.
	if v := n.Edges.Victim; v != nil && v.Edges.CriminalCase != nil {
		l.CaseNumber = v.Edges.CriminalCase.CaseNumber
	} else if s := n.Edges.Survivor; s != nil && s.Edges.Victim != nil && s.Edges.Victim.Edges.CriminalCase != nil {
		l.CaseNumber = s.Edges.Victim.Edges.CriminalCase.CaseNumber
	}
	if a := n.Edges.Assessment; a != nil && a.Edges.AssessedBy != nil {
		l.Caseworker = a.Edges.AssessedBy.Name
	}
	// A cancellation of an event that still happens: the decision to notify
	// was withdrawn (NT8).
	l.Withdrawn = n.Kind == rules.KindCancellation && n.Edges.CustodyEvent.Status != custodyevent.StatusCANCELLED
	if told := n.Edges.Corrects; told != nil { // a correction or cancellation says when the earlier notice went (NT8)
		l.Told = told.SentAt
	}
	if n.SentAt != nil {
		l.Date = *n.SentAt
	}
	concerned, concernedType := concernedPerson(n)
	if err := accesslog.Note(ctx, concernedType, concerned.id, accesslog.Identity); err != nil {
		return letters.NoticeLetter{}, nil, err
	}
	if g := n.Edges.Guardian; g != nil {
		l.To = letters.Addressee{Name: g.Name, Address: addressLines(g.AddressLine, g.PostalCode, g.PostalPlace, g.Country)}
		l.OnBehalfOf = concerned.name
		if err := noteAddressee(ctx, accesslog.Guardian, g.ID); err != nil {
			return letters.NoticeLetter{}, nil, err
		}
	} else {
		l.To = letters.Addressee{Name: concerned.name, Address: concerned.address}
		if err := accesslog.Note(ctx, concernedType, concerned.id, accesslog.Address); err != nil {
			return letters.NoticeLetter{}, nil, err
		}
	}
	if l.ByPolice {
		l.To.Address = nil
	}
	return l, n, nil
}

func noteAddressee(ctx context.Context, typ accesslogentry.PersonType, id int) error {
	if err := accesslog.Note(ctx, typ, id, accesslog.Identity); err != nil {
		return err
	}
	return accesslog.Note(ctx, typ, id, accesslog.Address)
}

// concerned is the victim or survivor a notice is about.
type concerned struct {
	id      int
	name    string
	address []string
	number  string
	birth   *time.Time
}

func concernedPerson(n *ent.Notice) (concerned, accesslogentry.PersonType) {
	if s := n.Edges.Survivor; s != nil {
		return concerned{s.ID, s.Name, addressLines(s.AddressLine, s.PostalCode, s.PostalPlace, s.Country), s.NationalIdentityNumber, s.BirthDate}, accesslog.Survivor
	}
	v := n.Edges.Victim
	return concerned{v.ID, v.Name, addressLines(v.AddressLine, v.PostalCode, v.PostalPlace, v.Country), v.NationalIdentityNumber, v.BirthDate}, accesslog.Victim
}

// addressLines writes an address as the lines of an envelope.
func addressLines(line, code, place, country string) []string {
	var out []string
	if line != "" {
		out = append(out, line)
	}
	if pc := strings.TrimSpace(code + " " + place); pc != "" {
		out = append(out, pc)
	}
	if country != "" {
		out = append(out, country)
	}
	return out
}

func sender(u *ent.Unit) letters.Unit {
	return letters.Unit{Name: u.Name, Address: u.PostalAddress, Phone: u.Phone}
}

// DecisionLetter gathers the convict's decision letter (DC3). It names how
// many victims and survivors are notified, never who they are or where they
// live.
func DecisionLetter(ctx context.Context, client *ent.Client, id int) (letters.DecisionLetter, error) {
	d, err := client.Decision.Query().Where(decision.ID(id)).
		WithAssessments().
		WithDecidingUnit(func(q *ent.UnitQuery) { q.WithParent() }).
		WithCustodyEvent(func(q *ent.CustodyEventQuery) {
			q.WithConvict(func(q *ent.ConvictQuery) { q.WithUnit() }).WithConditions(func(q *ent.ConditionQuery) {
				q.WithConcernsVictims().WithConcernsSurvivors()
			})
		}).Only(ctx)
	if err != nil {
		return letters.DecisionLetter{}, err
	}
	ev := d.Edges.CustodyEvent
	c := ev.Edges.Convict
	l := letters.DecisionLetter{
		Unit:        sender(c.Edges.Unit),
		Reference:   Reference("VT", c.Edges.Unit.Code, d.DecidedAt, d.ID),
		Date:        d.DecidedAt,
		ConvictName: c.Name,
		ConvictUnit: c.Edges.Unit.Name,
		DecidedAt:   d.DecidedAt,
		Deadline:    d.AppealDeadline,
	}
	// Reasons withheld under strgjfl § 7 letter d never reach the letter, not
	// even by mistake in a template (DC1, IX7).
	if d.ReasonsWithheld != nil {
		l.ReasonsWithheld = true
	} else {
		l.Reasoning = d.Reasoning
	}
	if p := d.Edges.DecidingUnit.Edges.Parent; p != nil {
		l.AppealBody = p.Name
	}
	notified := map[string]bool{}
	for _, a := range d.Edges.Assessments {
		if a.VictimID != nil {
			l.Victims++
			notified[fmt.Sprint("v", *a.VictimID)] = true
		} else {
			l.Survivors++
			notified[fmt.Sprint("s", *a.SurvivorID)] = true
		}
	}
	// The letter says whether conditions concerning a recipient are told,
	// not which (a residence area is already the convict's own condition).
	var conds []rules.ConditionFacts
	for _, cond := range ev.Edges.Conditions {
		f := rules.ConditionFacts{Kind: cond.Kind, Area: cond.Area, AreaLevel: cond.AreaLevel, Description: cond.Description}
		for _, v := range cond.Edges.ConcernsVictims {
			f.ConcernsRecipient = f.ConcernsRecipient || notified[fmt.Sprint("v", v.ID)]
		}
		for _, s := range cond.Edges.ConcernsSurvivors {
			f.ConcernsRecipient = f.ConcernsRecipient || notified[fmt.Sprint("s", s.ID)]
		}
		conds = append(conds, f)
	}
	l.Content = rules.NoticeContentFor(rules.EventFacts{Kind: ev.Kind, StartsAt: ev.StartsAt, EndsAt: ev.EndsAt, DateOnly: ev.DateOnly},
		ev.FullTermRelease, conds)
	return l, nil
}

// PoliceRequestLetter gathers a delivery request to the police with the
// notice it asks them to deliver (RC9).
func PoliceRequestLetter(ctx context.Context, client *ent.Client, id int) (letters.PoliceRequest, error) {
	pr, err := client.PoliceRequest.Query().Where(policerequest.ID(id), policerequest.KindEQ(policerequest.KindDELIVER_NOTICE)).
		WithPoliceDistrict().Only(ctx)
	if err != nil {
		return letters.PoliceRequest{}, err
	}
	if pr.NoticeID == nil {
		return letters.PoliceRequest{}, fmt.Errorf("delivery: police request %d has no notice", id)
	}
	if err := accesslog.NoteRequestView(ctx, pr.ID); err != nil {
		return letters.PoliceRequest{}, err
	}
	// The request was found under the viewer's policies — for the police,
	// only their district's — so the notice behind it is read on their
	// behalf: the police see a notice only through a request to deliver it.
	nl, n, err := NoticeLetter(varsel.OnBehalfOf(ctx), client, *pr.NoticeID)
	if err != nil {
		return letters.PoliceRequest{}, err
	}
	r := letters.PoliceRequest{
		Unit:      nl.Unit,
		Reference: Reference("P", n.Edges.CustodyEvent.Edges.Convict.Edges.Unit.Code, pr.CreatedAt, pr.ID),
		Date:      pr.CreatedAt,
		District:  pr.Edges.PoliceDistrict.Name,
		DueDate:   n.DueDate,
		Notice:    nl,
		Name:      nl.To.Name,
	}
	who, typ := concernedPerson(n)
	r.Protection = protectionOf(n)
	if g := n.Edges.Guardian; g != nil {
		r.IdentityNumber, r.BirthDate, r.OnBehalfOf = g.NationalIdentityNumber, g.BirthDate, who.name
	} else {
		r.IdentityNumber, r.BirthDate = who.number, who.birth
		if err := accesslog.Note(ctx, typ, who.id, accesslog.Identity); err != nil {
			return letters.PoliceRequest{}, err
		}
	}
	return r, nil
}

// protectionOf is the addressee's address protection.
func protectionOf(n *ent.Notice) rules.AddressProtection {
	switch {
	case n.Edges.Guardian != nil:
		return n.Edges.Guardian.AddressProtection
	case n.Edges.Survivor != nil:
		return n.Edges.Survivor.AddressProtection
	}
	return n.Edges.Victim.AddressProtection
}

// AccessList gathers the list of documents a convict may see (IX7). It
// lists the convict's documents through the workflow, which leaves out
// those marked as exempt from the convict's access.
func AccessList(ctx context.Context, client *ent.Client, wf *workflow.Service, convictID int) (letters.AccessList, error) {
	c, err := client.Convict.Query().Where(convict.ID(convictID)).WithUnit().Only(ctx)
	if err != nil {
		return letters.AccessList{}, err
	}
	list, err := wf.ConvictDocuments(ctx, client, convictID, true)
	if err != nil {
		return letters.AccessList{}, err
	}
	l := letters.AccessList{Unit: sender(c.Edges.Unit), Reference: Reference("I", c.Edges.Unit.Code, wf.Now(), c.ID),
		Date: wf.Now(), ConvictName: c.Name}
	for _, d := range list.Documents {
		l.Documents = append(l.Documents, letters.AccessDocument{Date: d.Date, Title: d.Title})
	}
	if list.WithheldNotice != nil {
		l.WithheldNotice = *list.WithheldNotice
	}
	return l, nil
}
