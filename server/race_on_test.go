//go:build race

package server_test

// raceDetector: the race detector makes the service 5–10 times slower, so
// the model test runs fewer sequences under it (make test runs the server's
// tests without the detector, and its concurrency tests with it).
const raceDetector = true
