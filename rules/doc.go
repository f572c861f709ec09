// Package rules is the rulebook (RULEBOOK.md) as code: what the law and the
// correctional service's guidelines require when victims and survivors are
// notified of a convict's custody events (straffegjennomføringsloven § 7 b).
//
// One file per group of rules, named after the idea: events.go (EV, and who
// decides, DC2 and DC7), recipients.go (RC), assessment.go (AS), deadlines.go
// (the appeal deadline and when a notice is due, DC and NT2), content.go
// (NT: channels and what a notice says), identity.go (PR1: fødselsnummer and
// D-nummer) and synthetic.go (synthetic numbers for demo data and tests).
// Every exported function names its rule ID and the provision behind it.
//
// The functions are pure: no database, no HTTP, no logging, and no clock.
// The time a rule is judged at is passed in, and dates are counted in
// Norwegian time (Norway), so the same input always gives the same answer
// and a test can stand on any day. A refusal is a *Violation carrying the
// rule, the provision and a message in Norwegian Bokmål that the API shows
// the caseworker as it is.
package rules
