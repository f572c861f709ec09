package workflow

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/notice"
	"varsel/ent/policerequest"
	"varsel/rules"
)

// Deliveries is the durable job queue that sends Digipost notices. It is
// told about a notice after the transaction that set it to SENDING commits;
// a periodic sweep enqueues any SENDING notice it was never told about, so a
// crash in between loses nothing.
type Deliveries interface {
	DigipostEnabled() bool
	EnqueueDigipost(ctx context.Context, noticeID int) error
}

// DispatchNoticeInput is how a READY notice is sent.
type DispatchNoticeInput struct {
	NoticeID int
	// Channel is LETTER, DIGIPOST, PHONE or VIA_POLICE; there is no other
	// (NT1).
	Channel rules.Channel
	// PhoneReason says why the exceptional telephone notice is used (NT1).
	PhoneReason *string
	// LateJustification says why the notice goes after its due date (NT2).
	LateJustification *string
}

// dispatchBy is the notice transition that sends by each channel.
var dispatchBy = map[rules.Channel]rules.NoticeTransition{
	rules.Letter:    rules.DispatchLetter,
	rules.Digipost:  rules.DispatchDigipost,
	rules.Phone:     rules.DispatchPhone,
	rules.ViaPolice: rules.DispatchPolice,
}

// DispatchNotice sends a READY notice by a lawful channel (NT1), once (NT6):
// by letter (it joins the unit's print batch until marked posted), by
// Digipost (queued), by telephone (done now, to be documented in writing),
// or through the police district (a delivery request; delivered when the
// police confirm, RC9). Every guard of sending is checked now, as things
// stand today: security (AS2), the appeal (DC5), the addressee (RC5–RC7),
// reservations (RC10), lateness (NT2) and the content (NT4). Dispatching
// again by the same channel changes nothing.
func (s *Service) DispatchNotice(ctx context.Context, in DispatchNoticeInput) (*ent.Notice, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	channel, err := rules.ParseChannel(string(in.Channel))
	if err != nil {
		return nil, err.(*rules.Violation).On("channel")
	}
	n, err := found(client.Notice.Query().Where(notice.ID(in.NoticeID)).
		WithVictim().WithSurvivor().WithGuardian().WithCustodyEvent().Only(ctx))("varselet")
	if err != nil {
		return nil, err
	}
	if n.Status == rules.NoticeSending || n.Status.Left() {
		if n.Channel != nil && *n.Channel == channel {
			return n, nil // sent once (NT6)
		}
	}
	c, err := s.caseOf(ctx, client, n.CustodyEventID)
	if err != nil {
		return nil, err
	}
	to := addresseeOf(n)
	lateJustification := strings.TrimSpace(text(in.LateJustification))
	next, err := rules.FireNotice(dispatchBy[channel], c, rules.Step{
		Notice: c.Notice(n.ID), Channel: channel, PhoneReason: strings.TrimSpace(text(in.PhoneReason)),
		PoliceDistrict: n.PoliceDistrictID != nil, AddressOnFile: to.AddressLine != "",
		Justification: lateJustification,
	})
	if err != nil {
		return nil, onLateField(err)
	}
	update := n.Update().SetChannel(channel).SetStatus(next)
	// Sent late: marked and justified (NT2) — also when it was made late
	// without a justification, as the release job makes a re-addressed
	// notice.
	if rules.IsLate(n.DueDate, s.Now()) && (!n.Late || strings.TrimSpace(n.LateJustification) == "") {
		update.SetLate(true).SetLateJustification(lateJustification)
	}
	switch channel {
	case rules.Digipost:
		if s.Deliveries == nil || !s.Deliveries.DigipostEnabled() {
			return nil, refuse("NT1", "Digipost er ikke satt opp for denne installasjonen. Send varselet som brev.").On("channel")
		}
		if to.NationalIdentityNumber == "" {
			return nil, refuse("NT1", "Digipost krever mottakerens fødselsnummer. Send varselet som brev.").On("channel")
		}
		if err := s.afterCommit(ctx, func(ctx context.Context) error { return s.Deliveries.EnqueueDigipost(ctx, n.ID) }); err != nil {
			return nil, err
		}
	case rules.Phone:
		update.SetSentAt(s.Now()).SetPhoneReason(strings.TrimSpace(text(in.PhoneReason)))
	case rules.ViaPolice:
		if err := s.askPoliceToDeliver(ctx, client, v, n); err != nil {
			return nil, err
		}
		update.SetSentAt(s.Now())
	}
	return update.Save(ctx)
}

// onLateField names the justification field in a lateness refusal (NT2).
func onLateField(err error) error {
	var v *rules.Violation
	if errors.As(err, &v) && v.Rule == "NT2" && v.Field == "" {
		return v.On("lateJustification")
	}
	return err
}

// askPoliceToDeliver puts a delivery request to the addressee's police
// district: who, and by when — nothing else of the case (RC9).
func (s *Service) askPoliceToDeliver(ctx context.Context, client *ent.Client, v *varsel.Viewer, n *ent.Notice) error {
	c, err := client.Convict.Get(ctx, n.Edges.CustodyEvent.ConvictID)
	if err != nil {
		return err
	}
	return client.PoliceRequest.Create().
		SetKind(policerequest.KindDELIVER_NOTICE).
		SetPoliceDistrictID(*n.PoliceDistrictID).
		SetUnitID(c.UnitID).
		SetCustodyEventID(n.CustodyEventID).
		SetNoticeID(n.ID).
		SetAnswerBy(n.DueDate).
		SetQuestion(fmt.Sprintf("Kriminalomsorgen ber politiet levere varsel om %s til en fornærmet eller etterlatt med skjermet eller ukjent adresse, senest %s.",
			n.Content.EventKind.Name(), n.DueDate.Format("02.01.2006"))).
		SetNillableRequestedByID(staffID(v)).
		Exec(ctx)
}

// MarkNoticePosted records that a letter from the print batch is posted
// (NT1). The guards of sending are checked again at this moment — the letter
// leaves now — and a letter posted after its due date needs the
// justification (NT2).
func (s *Service) MarkNoticePosted(ctx context.Context, id int, lateJustification *string) (*ent.Notice, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	n, err := found(client.Notice.Get(ctx, id))("varselet")
	if err != nil {
		return nil, err
	}
	switch {
	case n.Channel == nil || *n.Channel != rules.Letter:
		return nil, conflict("Varselet skal ikke sendes som brev.")
	case n.Status == rules.NoticeSent:
		return n, nil
	}
	c, err := s.caseOf(ctx, client, n.CustodyEventID)
	if err != nil {
		return nil, err
	}
	justification := strings.TrimSpace(text(lateJustification))
	next, err := rules.FireNotice(rules.MarkPosted, c, rules.Step{Notice: c.Notice(n.ID), Justification: justification})
	if err != nil {
		return nil, onLateField(err)
	}
	update := n.Update().SetStatus(next).SetSentAt(s.Now())
	if rules.IsLate(n.DueDate, s.Now()) && (!n.Late || n.LateJustification == "") {
		update.SetLate(true).SetLateJustification(justification)
	}
	return update.Save(ctx)
}

// DocumentPhoneNotice records in writing that a notice was given by
// telephone, as soon as possible after the call (NT1).
func (s *Service) DocumentPhoneNotice(ctx context.Context, id int, documentation string) (*ent.Notice, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	n, err := found(client.Notice.Get(ctx, id))("varselet")
	if err != nil {
		return nil, err
	}
	if n.Channel == nil || *n.Channel != rules.Phone || n.Status != rules.NoticeSent {
		return nil, conflict("Varselet er ikke gitt per telefon.")
	}
	if n.PhoneDocumentedAt != nil {
		return nil, conflict("Telefonvarselet er allerede dokumentert.")
	}
	if strings.TrimSpace(documentation) == "" {
		return nil, refuse("NT1", "Skriv hva som ble sagt, til hvem og når.").On("documentation")
	}
	c, err := s.caseOf(ctx, client, n.CustodyEventID)
	if err != nil {
		return nil, err
	}
	if _, err := rules.FireNotice(rules.DocumentPhone, c, rules.Step{Notice: c.Notice(n.ID)}); err != nil {
		return nil, err
	}
	return n.Update().SetPhoneDocumentedAt(s.Now()).SetPhoneDocumentation(strings.TrimSpace(documentation)).Save(ctx)
}

// CheckDigipostSend checks, at the moment the job queue is to hand a notice
// to Digipost, that it may still go (AS2, DC5, RC5, RC10, NT2, NT4). A
// notice that may not is held, and the answer says why; the job then does
// not send it. It returns true when the notice may go now.
func (s *Service) CheckDigipostSend(ctx context.Context, id int) (bool, error) {
	client, err := tx(ctx)
	if err != nil {
		return false, err
	}
	n, err := client.Notice.Get(ctx, id)
	if err != nil {
		return false, err
	}
	if n.Status != rules.NoticeSending || n.Channel == nil || *n.Channel != rules.Digipost {
		return false, nil // sent already, or no longer meant for Digipost
	}
	c, err := s.caseOf(ctx, client, n.CustodyEventID)
	if err != nil {
		return false, err
	}
	cn := c.Notice(n.ID)
	// Queued in time, sent late for want of Digipost: the service records why.
	step := rules.Step{Notice: cn, Justification: "Sendingen ble bestilt i tide, men Digipost tok ikke imot den før fristen."}
	if _, err := rules.FireNotice(rules.DigipostSent, c, step); err != nil {
		var v *rules.Violation
		if !errors.As(err, &v) {
			return false, err
		}
		slog.WarnContext(ctx, "a notice queued for Digipost may not go now; it is held", "notice", id, "rule", v.Rule)
		to, err := rules.FireNotice(rules.HoldNotice, c, rules.Step{Notice: cn})
		if err != nil {
			return false, err
		}
		return false, n.Update().SetStatus(to).Exec(ctx)
	}
	return true, nil
}

// MarkDigipostSent records that Digipost has a SENDING notice — delivered
// now, or already by an earlier attempt. The job queue calls it.
func (s *Service) MarkDigipostSent(ctx context.Context, id int) error {
	client, err := tx(ctx)
	if err != nil {
		return err
	}
	n, err := client.Notice.Get(ctx, id)
	if err != nil {
		return err
	}
	if n.Status != rules.NoticeSending || n.Channel == nil || *n.Channel != rules.Digipost {
		return nil
	}
	update := n.Update().SetStatus(rules.DigipostSent.To).SetSentAt(s.Now())
	if rules.IsLate(n.DueDate, s.Now()) && (!n.Late || n.LateJustification == "") {
		update.SetLate(true).SetLateJustification("Sendingen ble bestilt i tide, men Digipost tok ikke imot den før fristen.")
	}
	return update.Exec(ctx)
}

// MarkDigipostRejected puts a notice Digipost would not take back to READY,
// to be sent another way (NT1); it is never lost.
func (s *Service) MarkDigipostRejected(ctx context.Context, id int) error {
	client, err := tx(ctx)
	if err != nil {
		return err
	}
	n, err := client.Notice.Get(ctx, id)
	if err != nil {
		return err
	}
	c, err := s.caseOf(ctx, client, n.CustodyEventID)
	if err != nil {
		return err
	}
	to, err := rules.FireNotice(rules.DigipostRejected, c, rules.Step{Notice: c.Notice(n.ID)})
	if err != nil {
		return err
	}
	return n.Update().ClearChannel().SetStatus(to).Exec(ctx)
}

// confirmPoliceDelivery records that the police delivered a notice at a
// time: it is then DELIVERED (RC9). A notice no longer with the police — one
// withdrawn since — is not to be delivered.
func (s *Service) confirmPoliceDelivery(ctx context.Context, client *ent.Client, noticeID int, at time.Time) error {
	n, err := client.Notice.Get(ctx, noticeID)
	if err != nil {
		return err
	}
	c, err := s.caseOf(ctx, client, n.CustodyEventID)
	if err != nil {
		return err
	}
	if n.Channel == nil || *n.Channel != rules.ViaPolice || n.Status != rules.NoticeSent {
		return conflict("Varselet er ikke lenger til levering hos politiet; det kan være trukket tilbake.")
	}
	to, err := rules.FireNotice(rules.ConfirmDelivery, c, rules.Step{Notice: c.Notice(n.ID)})
	if err != nil {
		return err
	}
	return n.Update().SetStatus(to).SetDeliveredAt(at).Exec(ctx)
}

// afterCommit runs fn once the transaction in ctx commits, or at once when
// there is none.
func (s *Service) afterCommit(ctx context.Context, fn func(context.Context) error) error {
	t := ent.TxFromContext(ctx)
	if t == nil {
		return fn(ctx)
	}
	t.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(c context.Context, tx *ent.Tx) error {
			if err := next.Commit(c, tx); err != nil {
				return err
			}
			// Best effort: the sweep enqueues what this misses.
			if err := fn(context.WithoutCancel(c)); err != nil {
				logEnqueueFailure(c, err)
			}
			return nil
		})
	})
	return nil
}

// addresseeOf is the person a notice is written to: the guardian when there
// is one, otherwise the victim or survivor.
func addresseeOf(n *ent.Notice) person {
	switch {
	case n.Edges.Guardian != nil:
		g := n.Edges.Guardian
		return person{g.Name, g.NationalIdentityNumber, g.AddressLine, g.PostalCode, g.PostalPlace, g.Country}
	case n.Edges.Victim != nil && n.SurvivorID == nil:
		v := n.Edges.Victim
		return person{v.Name, v.NationalIdentityNumber, v.AddressLine, v.PostalCode, v.PostalPlace, v.Country}
	case n.Edges.Survivor != nil:
		sv := n.Edges.Survivor
		return person{sv.Name, sv.NationalIdentityNumber, sv.AddressLine, sv.PostalCode, sv.PostalPlace, sv.Country}
	}
	return person{}
}

// person is the part of a victim, survivor or guardian a letter needs.
type person struct {
	Name, NationalIdentityNumber, AddressLine, PostalCode, PostalPlace, Country string
}

// MayPrint keeps, of the letters waiting in a print batch, those that may
// still leave today: the guards of sending are checked at the print run as
// at every moment a notice leaves (AS2, DC5, RC5, RC10, NT4). A letter left
// out stays on the worklist until it is released, re-addressed or given a
// late justification when posted.
func (s *Service) MayPrint(ctx context.Context, client *ent.Client, ids []int) ([]int, error) {
	var out []int
	cases := map[int]*rules.Case{}
	for _, id := range ids {
		n, err := client.Notice.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		c := cases[n.CustodyEventID]
		if c == nil {
			if c, err = s.caseOf(ctx, client, n.CustodyEventID); err != nil {
				return nil, err
			}
			cases[n.CustodyEventID] = c
		}
		cn := *c.Notice(id)
		cn.LateJustification = "checked when posted" // lateness is judged when it is marked posted (NT2)
		if rules.CheckMaySend(c, &cn) == nil {
			out = append(out, id)
		}
	}
	return out, nil
}
