package rules

import (
	"fmt"
	"math/big"
	"testing"

	"pgregory.net/rapid"
)

// PR4: the leak — Stavanger's notices split by channel, where the
// letters (3) were the total minus the channels shown (19 − 6 − 5 − 5).
func TestSuppressHidesACellBesideTheOnlyHiddenOne(t *testing.T) {
	// cells: 0 total, 1 letter, 2 Digipost, 3 phone, 4 police
	values := []int{19, 3, 6, 5, 5}
	lines := []TotalLine{{Total: 0, Parts: []int{1, 2, 3, 4}}}
	hidden := Suppress(values, lines)
	want := []bool{false, true, false, true, false} // the letters, and the smallest beside them (phone, the first 5)
	if fmt.Sprint(hidden) != fmt.Sprint(want) {
		t.Fatalf("hidden = %v, want %v", hidden, want)
	}
	if c, ok := recoverable(values, hidden, lines); ok {
		t.Fatalf("cell %d can still be worked out", c)
	}
}

func TestSuppressTable(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values []int
		lines  []TotalLine
		want   []bool
	}{
		{"nothing under 5: everything shown", []int{30, 10, 20}, []TotalLine{{0, []int{1, 2}}}, []bool{false, false, false}},
		{"two small cells protect each other", []int{14, 3, 1, 10}, []TotalLine{{0, []int{1, 2, 3}}}, []bool{false, true, true, false}},
		{"two zeros would be known to be zeros: one more is hidden", []int{10, 0, 0, 10}, []TotalLine{{0, []int{1, 2, 3}}}, []bool{false, true, true, true}},
		{"a small total is hidden, and a part beside it", []int{4, 2, 2}, []TotalLine{{0, []int{1, 2}}}, []bool{true, true, true}},
		{"a line of one hidden part and a shown total hides the total", []int{9, 3, 6}, []TotalLine{{0, []int{1, 2}}}, []bool{false, true, true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Suppress(tc.values, tc.lines); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("hidden = %v, want %v", got, tc.want)
			}
		})
	}
}

// The attacker below must be able to win, or the property test proves
// nothing: with primary suppression only, a 2 × 2 table with margins gives
// its one small cell away.
func TestTheAttackerWinsAgainstPrimarySuppressionOnly(t *testing.T) {
	tab := newTable([][]int{{3, 10}, {12, 20}}, []int{0, 0})
	hidden := make([]bool, len(tab.values))
	for i, v := range tab.values {
		hidden[i] = Suppressed(v)
	}
	if _, ok := recoverable(tab.values, hidden, tab.lines); !ok {
		t.Fatal("the attacker does not see that 3 = row total − 10")
	}
	// Two small cells on a diagonal, each alone in its row and column but
	// protected by neither: rows and columns close a chain on them.
	tab = newTable([][]int{{3, 10, 10}, {10, 3, 10}, {10, 10, 30}}, []int{0, 0, 0})
	hidden = make([]bool, len(tab.values))
	for i, v := range tab.values {
		hidden[i] = Suppressed(v)
	}
	if _, ok := recoverable(tab.values, hidden, tab.lines); !ok {
		t.Fatal("the attacker does not see the diagonal")
	}
}

// PR4: after Suppress, no hidden cell of a table with row, column, group
// (region) and grand totals can be worked out by a linear-equation attacker
// from the cells and totals shown: no line has exactly one hidden cell, no
// line's hidden cells are all known to be zero, and no hidden cell lies in
// the span of the lines' equations (checked with exact arithmetic, apart
// from Suppress's own check). Every cell under 5 is hidden.
func TestSuppressLeavesNothingToWorkOut(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rows := rapid.IntRange(1, 5).Draw(t, "rows")
		cols := rapid.IntRange(1, 4).Draw(t, "cols")
		groups := make([]int, rows)
		ngroups := rapid.IntRange(1, rows).Draw(t, "groups")
		for r := range groups {
			groups[r] = rapid.IntRange(0, ngroups-1).Draw(t, fmt.Sprint("group", r))
		}
		cells := make([][]int, rows)
		for r := range cells {
			cells[r] = make([]int, cols)
			for c := range cells[r] {
				// Mostly small counts, so that suppression has work to do.
				cells[r][c] = rapid.IntRange(0, 30).Draw(t, fmt.Sprint("cell", r, c)) / rapid.IntRange(1, 4).Draw(t, fmt.Sprint("div", r, c))
			}
		}
		tab := newTable(cells, groups)
		hidden := Suppress(tab.values, tab.lines)
		for i, v := range tab.values {
			if Suppressed(v) && !hidden[i] {
				t.Fatalf("cell %d = %d is shown", i, v)
			}
		}
		for _, l := range tab.lines {
			n, sum, shown := 0, 0, 0
			for _, c := range append([]int{l.Total}, l.Parts...) {
				if hidden[c] {
					n, sum = n+1, sum+tab.values[c]
				} else {
					shown++
				}
			}
			if n == 1 {
				t.Fatalf("line %v has one hidden cell", l)
			}
			if n > 0 && sum == 0 && shown > 0 {
				t.Fatalf("line %v: its hidden cells are all 0, and the shown cells tell", l)
			}
		}
		if c, ok := recoverable(tab.values, hidden, tab.lines); ok {
			t.Fatalf("hidden cell %d (= %d) can be worked out; values %v hidden %v", c, tab.values[c], tab.values, hidden)
		}
	})
}

// table is a two-way table with its margins and a grouping of its rows
// (units in regions), as cells and lines.
type table struct {
	values []int
	lines  []TotalLine
}

func newTable(cells [][]int, groups []int) table {
	var tab table
	cell := func(v int) int { tab.values = append(tab.values, v); return len(tab.values) - 1 }
	rows, cols := len(cells), len(cells[0])
	// Number the groups that have rows 0, 1, …: a region has units.
	dense := map[int]int{}
	groups = append([]int(nil), groups...)
	for r, g := range groups {
		if _, ok := dense[g]; !ok {
			dense[g] = len(dense)
		}
		groups[r] = dense[g]
	}
	ngroups := len(dense)
	// idx[r][c], with c == cols the row's total; r == rows the column totals.
	idx := make([][]int, rows+1)
	colSum := make([]int, cols+1)
	groupSum := make([][]int, ngroups)
	for g := range groupSum {
		groupSum[g] = make([]int, cols+1)
	}
	for r := range rows {
		idx[r] = make([]int, cols+1)
		total := 0
		for c := range cols {
			idx[r][c] = cell(cells[r][c])
			total += cells[r][c]
			colSum[c] += cells[r][c]
			groupSum[groups[r]][c] += cells[r][c]
		}
		idx[r][cols] = cell(total)
		colSum[cols] += total
		groupSum[groups[r]][cols] += total
	}
	idx[rows] = make([]int, cols+1)
	for c := range cols + 1 {
		idx[rows][c] = cell(colSum[c])
	}
	gidx := make([][]int, ngroups)
	for g := range ngroups {
		gidx[g] = make([]int, cols+1)
		for c := range cols + 1 {
			gidx[g][c] = cell(groupSum[g][c])
		}
	}
	for r := range rows + 1 {
		tab.lines = append(tab.lines, TotalLine{Total: idx[r][cols], Parts: idx[r][:cols]})
	}
	for g := range ngroups {
		tab.lines = append(tab.lines, TotalLine{Total: gidx[g][cols], Parts: gidx[g][:cols]})
	}
	for c := range cols + 1 {
		var units, regions []int
		for r := range rows {
			units = append(units, idx[r][c])
		}
		for g := range ngroups {
			regions = append(regions, gidx[g][c])
			var members []int
			for r := range rows {
				if groups[r] == g {
					members = append(members, idx[r][c])
				}
			}
			tab.lines = append(tab.lines, TotalLine{Total: gidx[g][c], Parts: members})
		}
		tab.lines = append(tab.lines, TotalLine{Total: idx[rows][c], Parts: units}, TotalLine{Total: idx[rows][c], Parts: regions})
	}
	return tab
}

// recoverable is the attacker: every line is an equation in the hidden
// cells (the shown ones are known); a hidden cell is worked out when its unit
// vector is in the span of the equations. Exact arithmetic, over all hidden
// cells at once.
func recoverable(values []int, hidden []bool, lines []TotalLine) (int, bool) {
	var vars []int
	index := map[int]int{}
	for i, h := range hidden {
		if h {
			index[i] = len(vars)
			vars = append(vars, i)
		}
	}
	n := len(vars)
	var rows [][]*big.Rat
	for _, l := range lines {
		row := make([]*big.Rat, n)
		for k := range row {
			row[k] = new(big.Rat)
		}
		any := false
		if hidden[l.Total] {
			row[index[l.Total]].Add(row[index[l.Total]], big.NewRat(1, 1))
			any = true
		}
		for _, c := range l.Parts {
			if hidden[c] {
				row[index[c]].Sub(row[index[c]], big.NewRat(1, 1))
				any = true
			}
		}
		if any {
			rows = append(rows, row)
		}
	}
	// Reduced row echelon form.
	r := 0
	var pivots []int
	for col := 0; col < n && r < len(rows); col++ {
		p := -1
		for i := r; i < len(rows); i++ {
			if rows[i][col].Sign() != 0 {
				p = i
				break
			}
		}
		if p < 0 {
			continue
		}
		rows[r], rows[p] = rows[p], rows[r]
		inv := new(big.Rat).Inv(rows[r][col])
		for k := range n {
			rows[r][k].Mul(rows[r][k], inv)
		}
		for i := range rows {
			if i != r && rows[i][col].Sign() != 0 {
				f := new(big.Rat).Set(rows[i][col])
				for k := range n {
					rows[i][k].Sub(rows[i][k], new(big.Rat).Mul(f, rows[r][k]))
				}
			}
		}
		pivots = append(pivots, col)
		r++
	}
	for i, col := range pivots {
		alone := true
		for k := range n {
			if k != col && rows[i][k].Sign() != 0 {
				alone = false
				break
			}
		}
		if alone {
			return vars[col], true
		}
	}
	return 0, false
}
