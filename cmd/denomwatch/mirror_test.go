package main

import (
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/watcher"
)

// TestWatcherAsSource: a watcher whose only data-availability source is
// another watcher's API (http://HOST/v1/objects) judges every round of the
// audit devnet (an honest round, a wrong amount, a withheld row, malformed
// data signed) exactly as the first watcher did, from objects the first
// watcher verified, kept in its index and served; the second records the
// first as the source of what it fetched.
func TestWatcherAsSource(t *testing.T) {
	d, _ := auditDevnet(t)
	first := indexDevnet(t, d)
	mirror := serveIndex(t, first) + "/v1/objects"

	second, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	client, err := da.NewClient(da.Options{Sources: []string{mirror}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	desc := d.Description()
	w, err := watcher.New(t.Context(), watcher.Config{AVS: desc.AVS, StartBlock: desc.StartBlock, Log: slog.New(slog.DiscardHandler)},
		d.Client(), second, watcher.Objects{DA: client}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for caughtUp := false; !caughtUp; {
		if caughtUp, err = w.Step(t.Context()); err != nil {
			t.Fatal(err)
		}
	}

	want, err := first.Rounds(1, uint64(len(desc.Rounds)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := second.Rounds(1, uint64(len(desc.Rounds)))
	if err != nil || len(got) != len(want) || len(want) != len(desc.Rounds) {
		t.Fatalf("%d rounds from the mirror, %d from the devnet's store, %d committed (%v)", len(got), len(want), len(desc.Rounds), err)
	}
	served := 0
	for i := range want {
		if !reflect.DeepEqual(got[i].Judgement, want[i].Judgement) {
			t.Fatalf("round %d: %+v through the mirror, %+v from the devnet's store", want[i].Round, got[i].Judgement, want[i].Judgement)
		}
		refs, err := second.ObjectsOfRound(want[i].Round)
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range refs {
			_, prov, err := second.Object(ref.Kind, ref.Key)
			if err != nil {
				t.Fatal(err)
			}
			if prov.Origin == index.OriginSource {
				served++
				if !strings.HasPrefix(mirror, prov.Source) {
					t.Fatalf("round %d: %s %s recorded as served by %q, not the mirror %s", want[i].Round, ref.Kind, ref.Key.Hex(), prov.Source, mirror)
				}
			}
		}
	}
	if served == 0 {
		t.Fatal("nothing was served by the mirror")
	}
	t.Logf("%d rounds judged alike through the mirror, %d objects served by it", len(want), served)
}
