package rules

import (
	"math"
	"slices"
)

// Complementary suppression (PR4, revised): hiding the counts below 5 is not
// enough when totals are shown, for a hidden count is then the total minus
// the counts shown beside it. Statistics offices therefore hide further
// cells ("secondary" or complementary suppression) until no hidden cell can
// be worked out from the figures that are shown.

// TotalLine is a total and the cells that add up to it: a row, a column, a
// region's units, a notice count split by channel. Cells are indices into
// the values given to Suppress. A total is a cell like any other.
type TotalLine struct {
	Total int
	Parts []int
}

// Suppress decides which of values are hidden (PR4): the counts below 5
// (primary suppression), and then, until nothing changes,
//   - in a line with exactly one hidden cell, the smallest cell shown beside
//     it, for otherwise the hidden cell is the total minus the others;
//   - in a line whose hidden cells are all 0, the smallest cell shown, for
//     otherwise the attacker, knowing counts are never negative, learns that
//     they are 0;
//   - for a hidden cell that the shown cells and totals still determine
//     through several lines at once (a chain of lines that closes on it), the
//     smallest cell shown in one of its lines (for groups of linked hidden
//     cells up to MaxDeterminedLines lines).
//
// The smallest cell is taken so that as little as possible is lost; a part
// before the total. The result is a pure function of values and lines.
func Suppress(values []int, lines []TotalLine) []bool {
	hidden := make([]bool, len(values))
	for i, v := range values {
		hidden[i] = Suppressed(v)
	}
	for {
		changed := false
		for _, l := range lines {
			if hideBeside(values, hidden, l) {
				changed = true
			}
		}
		if changed {
			continue
		}
		// Every line now has none or at least two hidden cells; a hidden cell
		// can still be determined by several lines together.
		if c, ok := Determined(values, hidden, lines); ok {
			if !hideNextTo(values, hidden, lines, c) {
				break // nothing left to hide beside it; cannot happen with totals shown
			}
			continue
		}
		return hidden
	}
	return hidden
}

// hideBeside applies the single-line rules to l and reports whether it hid a
// cell.
func hideBeside(values []int, hidden []bool, l TotalLine) bool {
	n, sum := 0, 0
	if hidden[l.Total] {
		n, sum = 1, values[l.Total]
	}
	for _, c := range l.Parts {
		if hidden[c] {
			n++
			sum += values[c]
		}
	}
	if n == 0 || (n >= 2 && sum > 0) {
		return false
	}
	if c, ok := smallestShown(values, hidden, l); ok {
		hidden[c] = true
		return true
	}
	return false
}

// smallestShown is the smallest cell of l that is shown: a part if any, else
// the total.
func smallestShown(values []int, hidden []bool, l TotalLine) (int, bool) {
	best := -1
	for _, c := range l.Parts {
		if !hidden[c] && (best < 0 || values[c] < values[best]) {
			best = c
		}
	}
	if best < 0 && !hidden[l.Total] {
		best = l.Total
	}
	return best, best >= 0
}

// hideNextTo hides the smallest shown cell of the lines through c.
func hideNextTo(values []int, hidden []bool, lines []TotalLine, c int) bool {
	best := -1
	for _, l := range lines {
		if l.Total != c && !slices.Contains(l.Parts, c) {
			continue
		}
		if s, ok := smallestShown(values, hidden, l); ok && (best < 0 || values[s] < values[best]) {
			best = s
		}
	}
	if best < 0 {
		return false
	}
	hidden[best] = true
	return true
}

// MaxDeterminedLines bounds the groups of linked hidden cells that
// Determined solves: the elimination is dense, cubic in the group's size,
// and a year of a rare count across the whole country can link thousands of
// small cells. Larger groups are protected by the single-line rules alone
// (no line with exactly one hidden cell, none whose hidden cells are all 0),
// which is the standard method, not the proof.
const MaxDeterminedLines = 300

// Determined returns a hidden cell that the shown cells and the lines
// determine — the linear-equation attacker's view (PR4): each line is an
// equation in the hidden cells, the shown cells being known, and a hidden
// cell is determined when its unit vector lies in the span of the
// equations. Hidden cells are solved in groups linked by shared lines, so
// the work follows the hidden cells, not the table.
func Determined(values []int, hidden []bool, lines []TotalLine) (int, bool) {
	// Link the hidden cells that share a line.
	parent := make(map[int]int)
	var find func(int) int
	find = func(x int) int {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	// A line says total − Σ parts = 0: an equation in its hidden cells.
	type term struct {
		cell int
		coef float64
	}
	var eqs [][]term
	for _, l := range lines {
		var ts []term
		if hidden[l.Total] {
			ts = append(ts, term{l.Total, 1})
		}
		for _, c := range l.Parts {
			if hidden[c] {
				ts = append(ts, term{c, -1})
			}
		}
		if len(ts) == 0 {
			continue
		}
		eqs = append(eqs, ts)
		for _, t := range ts[1:] {
			parent[find(t.cell)] = find(ts[0].cell)
		}
	}
	groups := map[int][]int{} // root → equations
	for i, ts := range eqs {
		r := find(ts[0].cell)
		groups[r] = append(groups[r], i)
	}
	roots := make([]int, 0, len(groups))
	for r := range groups {
		roots = append(roots, r)
	}
	slices.Sort(roots) // deterministic
	for _, r := range roots {
		if len(groups[r]) > MaxDeterminedLines {
			continue // see MaxDeterminedLines
		}
		var vars []int
		index := map[int]int{}
		for _, i := range groups[r] {
			for _, t := range eqs[i] {
				if _, ok := index[t.cell]; !ok {
					index[t.cell] = len(vars)
					vars = append(vars, t.cell)
				}
			}
		}
		rows := make([][]float64, 0, len(groups[r]))
		for _, i := range groups[r] {
			row := make([]float64, len(vars))
			for _, t := range eqs[i] {
				row[index[t.cell]] += t.coef
			}
			rows = append(rows, row)
		}
		if j, ok := firstDetermined(rows, len(vars)); ok {
			return vars[j], true
		}
	}
	return 0, false
}

// firstDetermined reduces rows (equations over n unknowns) to row echelon
// form and returns an unknown whose unit vector lies in their span: one that
// is the only unknown left in a reduced row.
func firstDetermined(rows [][]float64, n int) (int, bool) {
	const eps = 1e-9
	r := 0
	pivots := []int{}
	for col := 0; col < n && r < len(rows); col++ {
		p := -1
		for i := r; i < len(rows); i++ {
			if math.Abs(rows[i][col]) > eps && (p < 0 || math.Abs(rows[i][col]) > math.Abs(rows[p][col])) {
				p = i
			}
		}
		if p < 0 {
			continue
		}
		rows[r], rows[p] = rows[p], rows[r]
		pv := rows[r][col]
		for k := col; k < n; k++ {
			rows[r][k] /= pv
		}
		for i := range rows {
			if i != r && math.Abs(rows[i][col]) > eps {
				f := rows[i][col]
				for k := col; k < n; k++ {
					rows[i][k] -= f * rows[r][k]
				}
			}
		}
		pivots = append(pivots, col)
		r++
	}
	// In reduced row echelon form, an unknown is determined exactly when its
	// pivot row has no other non-zero entry.
	for i, col := range pivots {
		alone := true
		for k := col + 1; k < n; k++ {
			if math.Abs(rows[i][k]) > eps {
				alone = false
				break
			}
		}
		if alone {
			return col, true
		}
	}
	return 0, false
}
