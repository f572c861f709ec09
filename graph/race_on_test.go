//go:build race

package graph_test

// raceSlowdown: the race detector makes code 5–10 times slower (Go's own
// estimate), so CPU bounds in tests are scaled by it under -race; the 5 ms
// bound itself holds without the detector (go test ./graph -run Abusive).
const raceSlowdown = 10
