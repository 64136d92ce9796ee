package recompute

import (
	"reflect"
	"runtime"
	"testing"
)

func equal(a, b any) bool {
	if av, ok := a.([]string); ok && len(av) == 0 {
		bv, ok := b.([]string)
		return ok && len(bv) == 0
	}
	if av, ok := a.([]int); ok && len(av) == 0 {
		bv, ok := b.([]int)
		return ok && len(bv) == 0
	}
	return reflect.DeepEqual(a, b)
}

func TestWorkersCapped(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	for _, tc := range []struct{ asked, providers, want int }{
		{0, 1024, min(procs, 1024)}, {-3, 1024, min(procs, 1024)}, {1, 1024, 1}, {7, 1024, 7},
		{1_000_000, 1024, MaxWorkers}, {1_000_000, 3, 3}, {5, 0, 1},
	} {
		if got := (Options{Workers: tc.asked}).workers(tc.providers); got != tc.want {
			t.Errorf("Workers %d, %d providers: %d goroutines, want %d", tc.asked, tc.providers, got, tc.want)
		}
	}
}
