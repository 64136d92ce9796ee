package index

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/recompute"
)

// crashObject is object i of the objects crash child: its kind turns with
// i, its size runs up to a largest row (every fourth object in the value
// log), and rounds i/3 and i/3+1 reference it.
func crashObject(i uint64) (recompute.ObjectKind, common.Hash, []byte) {
	kind := recompute.ObjectKinds[i%3]
	limit, _ := maxObjectSize(kind)
	size := int(i*7919) % (limit / 2)
	if i%4 == 0 {
		size = limit - int(i%64)
	}
	return kind, hashOf("crash-object", i, 0), testData("crash-object", i, 0, size)
}

// crashPruneEvery: after object i with i%crashPruneEvery == 0, the child
// releases the rounds below crashObjectCut(i): those of the objects before
// i-3 or so.
const crashPruneEvery = 5

func crashObjectCut(i uint64) uint64 { return max(i/3, 1) - 1 }

// objectsCrashChild puts objects from where the store left off, releasing
// old rounds every fifth object, printing i after each, until it is killed.
func objectsCrashChild(s *Store, fail func(int, ...any)) {
	rounds, err := s.ObjectRounds()
	if err != nil {
		fail(2, "object rounds:", err)
	}
	i := uint64(1)
	if n := len(rounds); n > 0 {
		i = max(1, 3*(rounds[n-1]-1)) // the last object put references the last round
	}
	for ; ; i++ {
		kind, key, data := crashObject(i)
		for _, r := range []uint64{i / 3, i/3 + 1} {
			if err := s.PutObject(kind, key, data, FromSource("https://da.example", at), r); err != nil {
				fail(3, "put:", err)
			}
		}
		if i%crashPruneEvery == 0 {
			cut := crashObjectCut(i)
			if _, err := s.PruneObjects(func(r uint64) bool { return r < cut }, 0); err != nil {
				fail(3, "prune:", err)
			}
		}
		fmt.Fprintln(os.Stdout, i)
	}
}

// TestObjectsCrashSafety kills a process putting and pruning objects at
// random moments and checks after each kill that every object put up to the
// last one reported is there, byte for byte, unless a prune may have
// released it, that none a finished prune released is, and that the store
// is consistent (no object torn from its provenance or references).
func TestObjectsCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	dir := t.TempDir()
	for kill := range 8 {
		last := runCrashChild(t, dir, "objects", rng)
		s := openDir(t, dir, 0)
		rounds, err := s.ObjectRounds()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("kill %d: last reported object %d; rounds %v hold objects", kill+1, last, rounds)
		mustCheck(t, s)
		checkCrashedObjects(t, s, last)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// checkCrashedObjects checks objects 1..last after a kill.
func checkCrashedObjects(t *testing.T, s *Store, last uint64) {
	t.Helper()
	done := crashObjectCut(last - last%crashPruneEvery)            // released for sure
	maybe := crashObjectCut((last + 1) - (last+1)%crashPruneEvery) // perhaps released by a prune cut short
	for j := uint64(1); j <= last; j++ {
		kind, key, data := crashObject(j)
		got, _, err := s.Object(kind, key)
		newest := j/3 + 1 // the later round referencing j
		switch {
		case newest >= maybe:
			if err != nil || string(got) != string(data) {
				t.Fatalf("object %d (%s %s): %d bytes, %v; want its %d bytes", j, kind, key.Hex(), len(got), err, len(data))
			}
		case newest < done:
			if !errors.Is(err, ErrObjectNotFound) {
				t.Fatalf("object %d, released, reads %d bytes, %v", j, len(got), err)
			}
		}
	}
}
