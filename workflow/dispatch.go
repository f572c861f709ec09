package workflow

import (
	"context"
	"fmt"
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
	// Channel is LETTER, DIGIPOST, PHONE or VIA_POLICE; anything else, SMS
	// and e-mail included, is refused (NT1).
	Channel string
	// PhoneReason says why the exceptional telephone notice is used (NT1).
	PhoneReason *string
}

// DispatchNotice sends a READY notice by a lawful channel (NT1), once (NT6):
// by letter (it joins the unit's print batch until marked posted), by
// Digipost (queued), by telephone (done now, to be documented in writing),
// or through the police district (a delivery request; delivered when the
// police confirm, RC9). Dispatching again by the same channel changes
// nothing.
func (s *Service) DispatchNotice(ctx context.Context, in DispatchNoticeInput) (*ent.Notice, error) {
	client, err := tx(ctx)
	if err != nil {
		return nil, err
	}
	v, err := viewer(ctx)
	if err != nil {
		return nil, err
	}
	channel, err := rules.ParseChannel(in.Channel)
	if err != nil {
		return nil, err
	}
	n, err := found(client.Notice.Query().Where(notice.ID(in.NoticeID)).
		WithVictim().WithSurvivor().WithGuardian().WithCustodyEvent().Only(ctx))("varselet")
	if err != nil {
		return nil, err
	}
	switch n.Status {
	case notice.StatusSENDING, notice.StatusSENT, notice.StatusDELIVERED:
		if n.Channel != nil && *n.Channel == channel {
			return n, nil // sent once (NT6)
		}
		return nil, conflict("Varselet er allerede sendt som %s.", strings.ToLower(string(*n.Channel)))
	case notice.StatusHELD:
		return nil, &rules.Violation{Rule: "DC5", Provision: rules.ReleaseProvision,
			Message: "Varselet holdes tilbake til klagefristen er ute eller klagen er avgjort."}
	case notice.StatusCANCELLED:
		return nil, conflict("Varselet er avbrutt.")
	}
	if n.Route == rules.ThroughPolice && channel != rules.ViaPolice {
		return nil, &rules.Violation{Rule: "RC9", Provision: "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5",
			Message: "Mottakerens adresse er skjermet eller ukjent. Politiet skal besørge varselet."}
	}
	to := addresseeOf(n)
	update := n.Update().SetChannel(channel)
	switch channel {
	case rules.Letter:
		if to.AddressLine == "" {
			return nil, invalid("Mottakeren har ingen postadresse. Send varselet via Digipost eller politiet.")
		}
		update.SetStatus(notice.StatusSENDING) // in the print batch until posted
	case rules.Digipost:
		if s.Deliveries == nil || !s.Deliveries.DigipostEnabled() {
			return nil, invalid("Digipost er ikke satt opp for denne installasjonen. Send varselet som brev.")
		}
		if to.NationalIdentityNumber == "" {
			return nil, invalid("Digipost krever mottakerens fødselsnummer. Send varselet som brev.")
		}
		update.SetStatus(notice.StatusSENDING)
		if err := s.afterCommit(ctx, func(ctx context.Context) error { return s.Deliveries.EnqueueDigipost(ctx, n.ID) }); err != nil {
			return nil, err
		}
	case rules.Phone:
		reason := strings.TrimSpace(text(in.PhoneReason))
		if reason == "" {
			return nil, &rules.Violation{Rule: "NT1", Provision: "retningslinjer til straffegjennomføringsloven § 7 b, punkt 7b.5",
				Message: "Varsel per telefon gis bare unntaksvis. Skriv hvorfor det er nødvendig her; samtalen må dokumenteres skriftlig etterpå."}
		}
		update.SetStatus(notice.StatusSENT).SetSentAt(s.Now()).SetPhoneReason(reason)
	case rules.ViaPolice:
		if n.PoliceDistrictID == nil {
			return nil, invalid("Oppgi politidistriktet for mottakeren før varselet sendes via politiet (RC9).")
		}
		if err := s.askPoliceToDeliver(ctx, client, v, n); err != nil {
			return nil, err
		}
		update.SetStatus(notice.StatusSENT).SetSentAt(s.Now())
	}
	return update.Save(ctx)
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
		SetQuestion(fmt.Sprintf("Kriminalomsorgen ber politiet levere varsel om %s til en fornærmet eller etterlatt med skjermet eller ukjent adresse, senest %s.",
			n.Content.EventKind.Name(), n.DueDate.Format("02.01.2006"))).
		SetNillableRequestedByID(staffID(v)).
		Exec(ctx)
}

// MarkNoticePosted records that a letter from the print batch is posted (NT1).
func (s *Service) MarkNoticePosted(ctx context.Context, id int) (*ent.Notice, error) {
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
	case n.Status == notice.StatusSENT:
		return n, nil
	case n.Status != notice.StatusSENDING:
		return nil, conflict("Varselet er ikke klart for utskrift (status %s).", n.Status)
	}
	return n.Update().SetStatus(notice.StatusSENT).SetSentAt(s.Now()).Save(ctx)
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
	if n.Channel == nil || *n.Channel != rules.Phone || n.Status != notice.StatusSENT {
		return nil, conflict("Varselet er ikke gitt per telefon.")
	}
	if n.PhoneDocumentedAt != nil {
		return nil, conflict("Telefonvarselet er allerede dokumentert.")
	}
	if strings.TrimSpace(documentation) == "" {
		return nil, invalid("Skriv hva som ble sagt, til hvem og når (NT1).")
	}
	return n.Update().SetPhoneDocumentedAt(s.Now()).SetPhoneDocumentation(strings.TrimSpace(documentation)).Save(ctx)
}

// MarkDigipostSent records that Digipost has a SENDING notice — delivered
// now, or already by an earlier attempt. The job queue calls it.
func (s *Service) MarkDigipostSent(ctx context.Context, id int) error {
	client, err := tx(ctx)
	if err != nil {
		return err
	}
	_, err = client.Notice.Update().
		Where(notice.ID(id), notice.StatusEQ(notice.StatusSENDING), notice.ChannelEQ(rules.Digipost)).
		SetStatus(notice.StatusSENT).SetSentAt(s.Now()).Save(ctx)
	return err
}

// confirmPoliceDelivery records that the police delivered a notice at a
// time: it is then DELIVERED (RC9). A notice no longer with the police — one
// cancelled since — is not to be delivered.
func (s *Service) confirmPoliceDelivery(ctx context.Context, client *ent.Client, noticeID int, at time.Time) error {
	n, err := client.Notice.Update().
		Where(notice.ID(noticeID), notice.StatusEQ(notice.StatusSENT), notice.ChannelEQ(rules.ViaPolice)).
		SetStatus(notice.StatusDELIVERED).SetDeliveredAt(at).Save(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		return conflict("Varselet er ikke lenger til levering hos politiet; det kan være trukket tilbake.")
	}
	return nil
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
