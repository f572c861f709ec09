package delivery

import (
	"strings"
	"time"

	"varsel/rules"
)

// crockford is Crockford's base-32 alphabet: no I, L, O or U, so a code
// read aloud on the phone or typed from paper is not mistaken.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// Reference is a letter's human reference: the unit, the year and a short
// code of the letter — «OSLO-FENGSEL 2026/V-2D» — instead of a database id
// (VARSEL-34359738445). kind is the letter's kind: V a notice, VT a
// decision, P a request to the police, I an access list. The code is the
// record's number within its kind (ent keeps the kind in the id's upper 32
// bits), so it is short, unique within the kind, and the same on every
// print of the letter.
func Reference(kind, unitCode string, at time.Time, id int) string {
	n := uint64(id) & 0xFFFFFFFF
	var code []byte
	for {
		code = append([]byte{crockford[n%32]}, code...)
		n /= 32
		if n == 0 {
			break
		}
	}
	return strings.ToUpper(unitCode) + " " + at.In(rules.Norway).Format("2006") + "/" + kind + "-" + string(code)
}
