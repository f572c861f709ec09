package main

import "testing"

// The profiler is served on this machine's loopback only.
func TestProfilerListensOnLoopbackOnly(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:6060": true, "[::1]:6060": true, "localhost:6060": true,
		":6060": false, "0.0.0.0:6060": false, "10.0.0.5:6060": false, "varsel.example:6060": false, "127.0.0.1": false,
	} {
		if err := checkProfilerAddr(addr); (err == nil) != ok {
			t.Errorf("%q: err %v, want accepted %v", addr, err, ok)
		}
	}
}
