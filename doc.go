// Package varsel holds the ideas every layer of Varsel shares: who the viewer
// is (viewer.go) and how errors are classified for clients (error.go).
//
// Varsel is the correctional service's (kriminalomsorgen) system for notifying
// victims and survivors about a convict's leave, release, escape and similar
// custody events (straffegjennomføringsloven § 7 b), and for recording every
// disclosure of information between the correctional service and the police.
// The legal rules themselves live in package rules.
package varsel
