//go:build race

package server_test

// raceDetector: the race detector makes the service 5–10 times slower, so
// the model test runs fewer sequences under it (make test runs it again
// without the detector at the full budget).
const raceDetector = true
