// Package accesslog records every read of a victim's, survivor's or
// guardian's identity or address: who, when, which person, for which case
// (RULEBOOK PR2). Entries hold identifiers only, never the data read.
//
// Reads are noted while a request is resolved and written together, in one
// insert, before the response leaves the server: if they cannot be written,
// the response is withheld.
package accesslog

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"varsel"
	"varsel/ent"
	"varsel/ent/accesslogentry"
	"varsel/ent/guardian"
	"varsel/ent/privacy"
	"varsel/ent/rule"
	"varsel/ent/survivor"
	"varsel/ent/victim"
)

// The kinds of person whose reads are logged.
const (
	Victim   = accesslogentry.PersonTypeVICTIM
	Survivor = accesslogentry.PersonTypeSURVIVOR
	Guardian = accesslogentry.PersonTypeGUARDIAN
)

// What was read.
type Part int

const (
	Identity Part = iota // name, identity number, birth date
	Address              // address lines, postal code and place, country
)

type person struct {
	typ accesslogentry.PersonType
	id  int
}

type parts struct{ identity, address bool }

// Collector gathers the reads of one request.
type Collector struct {
	mu       sync.Mutex
	reads    map[person]parts
	order    []person
	requests []int // police requests viewed, in order, once each
}

type collectorKey struct{}

// NewContext returns ctx with a fresh collector, and the collector.
func NewContext(ctx context.Context) (context.Context, *Collector) {
	c := &Collector{reads: map[person]parts{}}
	return context.WithValue(ctx, collectorKey{}, c), c
}

// ErrNoCollector is returned when personal data is read outside a request
// that logs its reads; the data must not be returned.
var ErrNoCollector = errors.New("accesslog: personal data read without an access log")

// Note records that the viewer read a part of a person's data. It fails when
// ctx carries no collector, so that no read goes unlogged.
func Note(ctx context.Context, typ accesslogentry.PersonType, id int, part Part) error {
	c := FromContext(ctx)
	if c == nil {
		return ErrNoCollector
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p := person{typ, id}
	r, seen := c.reads[p]
	if !seen {
		c.order = append(c.order, p)
	}
	switch part {
	case Identity:
		r.identity = true
	case Address:
		r.address = true
	}
	c.reads[p] = r
	return nil
}

// NoteRequestView records that the viewer saw a police request. Like Note,
// it fails when ctx carries no collector.
func NoteRequestView(ctx context.Context, id int) error {
	c := FromContext(ctx)
	if c == nil {
		return ErrNoCollector
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !slices.Contains(c.requests, id) {
		c.requests = append(c.requests, id)
	}
	return nil
}

// Len returns how many persons' data was read and police requests viewed.
func (c *Collector) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.order) + len(c.requests)
}

// Flush writes one entry per person read, as the viewer in ctx, naming the
// API operation. It looks up each person's criminal case, which the entry
// names, with at most one query per kind of person.
func (c *Collector) Flush(ctx context.Context, client *ent.Client, operation string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.order) == 0 && len(c.requests) == 0 {
		return nil
	}
	v := varsel.FromContext(ctx)
	if v == nil {
		return errors.New("accesslog: reads without a viewer")
	}
	cases, err := caseOf(privacy.DecisionContext(ctx, privacy.Allow), client, c.order)
	if err != nil {
		return fmt.Errorf("accesslog: finding the cases read: %w", err)
	}
	now := time.Now().UTC()
	builders := make([]*ent.AccessLogEntryCreate, 0, len(c.order))
	for _, p := range c.order {
		r := c.reads[p]
		b := client.AccessLogEntry.Create().
			SetOccurredAt(now).
			SetActor(v.Subject).
			SetPersonType(p.typ).
			SetPersonID(p.id).
			SetCriminalCaseID(cases[p]).
			SetIdentity(r.identity).
			SetAddress(r.address).
			SetOperation(operation)
		if v.StaffID != 0 {
			b.SetActorStaffID(v.StaffID)
		}
		builders = append(builders, b)
	}
	for _, id := range c.requests {
		b := client.AccessLogEntry.Create().
			SetOccurredAt(now).
			SetActor(v.Subject).
			SetPoliceRequestID(id).
			SetOperation(operation)
		if v.StaffID != 0 {
			b.SetActorStaffID(v.StaffID)
		}
		builders = append(builders, b)
	}
	if err := client.AccessLogEntry.CreateBulk(builders...).Exec(rule.AppendOnlyWriter(ctx)); err != nil {
		return fmt.Errorf("accesslog: writing %d entries: %w", len(builders), err)
	}
	c.reads, c.order, c.requests = map[person]parts{}, nil, nil
	return nil
}

// caseOf returns the criminal case of each person.
func caseOf(ctx context.Context, client *ent.Client, persons []person) (map[person]int, error) {
	ids := map[accesslogentry.PersonType][]int{}
	for _, p := range persons {
		ids[p.typ] = append(ids[p.typ], p.id)
	}
	cases := make(map[person]int, len(persons))
	if len(ids[Victim]) > 0 {
		vs, err := client.Victim.Query().Where(victim.IDIn(ids[Victim]...)).
			Select(victim.FieldID, victim.FieldCriminalCaseID).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, x := range vs {
			cases[person{Victim, x.ID}] = x.CriminalCaseID
		}
	}
	if len(ids[Survivor]) > 0 {
		ss, err := client.Survivor.Query().Where(survivor.IDIn(ids[Survivor]...)).
			WithVictim(func(q *ent.VictimQuery) { q.Select(victim.FieldID, victim.FieldCriminalCaseID) }).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, x := range ss {
			cases[person{Survivor, x.ID}] = x.Edges.Victim.CriminalCaseID
		}
	}
	if len(ids[Guardian]) > 0 {
		gs, err := client.Guardian.Query().Where(guardian.IDIn(ids[Guardian]...)).
			WithVictim(func(q *ent.VictimQuery) { q.Select(victim.FieldID, victim.FieldCriminalCaseID) }).
			WithSurvivor(func(q *ent.SurvivorQuery) { q.WithVictim() }).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, x := range gs {
			switch {
			case x.Edges.Victim != nil:
				cases[person{Guardian, x.ID}] = x.Edges.Victim.CriminalCaseID
			case x.Edges.Survivor != nil && x.Edges.Survivor.Edges.Victim != nil:
				cases[person{Guardian, x.ID}] = x.Edges.Survivor.Edges.Victim.CriminalCaseID
			}
		}
	}
	for _, p := range persons {
		if _, ok := cases[p]; !ok {
			return nil, fmt.Errorf("no case for %s %d", p.typ, p.id)
		}
	}
	return cases, nil
}

// FromContext returns the collector in ctx, or nil.
func FromContext(ctx context.Context) *Collector {
	c, _ := ctx.Value(collectorKey{}).(*Collector)
	return c
}
