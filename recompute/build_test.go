package recompute

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/holiman/uint256"
)

// TestNewRoundMatchesRoundFile: NewRound lays a round out exactly as the
// whole-round file determines it (offsets, E, entries roots, objects).
func TestNewRoundMatchesRoundFile(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, sizes := range [][]int{{1}, {0}, {3, 0, 5}, {1024, 1, 0, 2}} {
		providers := make([]ProviderRow, len(sizes))
		for p, k := range sizes {
			entries := make([]Entry, k)
			for j := range entries {
				entries[j].Recipient[0], entries[j].Recipient[19] = byte(j>>8)+1, byte(j)
				entries[j].MR.SetUint64(1 + rng.Uint64N(1000))
				entries[j].Residual.SetUint64(rng.Uint64())
			}
			providers[p] = ProviderRow{Row: NewRow(entries)}
			providers[p].Provider[0] = byte(p + 1)
			providers[p].Capacity.SetUint64(rng.Uint64())
		}
		built := NewRound(uint256.NewInt(9), providers)
		decoded, err := DecodeRoundFile(EncodeRoundFile(built))
		if err != nil {
			t.Fatalf("%v: %v", sizes, err)
		}
		if !bytes.Equal(EncodeManifest(&built.Manifest), EncodeManifest(&decoded.Manifest)) {
			t.Errorf("%v: the manifests differ", sizes)
		}
		got, want := built.Objects(), decoded.Objects()
		if len(got) != len(want) {
			t.Fatalf("%v: %d objects, the round file gives %d", sizes, len(got), len(want))
		}
		for i := range got {
			if got[i].Key != want[i].Key || !bytes.Equal(got[i].Data, want[i].Data) {
				t.Errorf("%v: object %d differs", sizes, i)
			}
		}
		root, P, commitment := built.Manifest.CommitArgs()
		if P != len(sizes) || commitment != want[0].Key || root != ProvidersTree(built.Manifest.Headers).Root() {
			t.Errorf("%v: CommitArgs %s %d %s", sizes, root, P, commitment)
		}
	}
}
