package challenge

import (
	"bytes"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// testCommitments is a round of providers with the given row sizes.
func testCommitments(round uint64, rows ...int) *recompute.Commitments {
	c := &recompute.Commitments{}
	c.Round.SetUint64(round)
	for p, n := range rows {
		prov := recompute.Provider{Address: common.BigToAddress(big.NewInt(int64(0x1000 + p)))}
		prov.Capacity.SetUint64(1_000_000_007 * uint64(p+1))
		for j := 0; j < n; j++ {
			e := recompute.Entry{Recipient: common.BigToAddress(big.NewInt(int64(0x100 + j)))}
			e.MR.SetUint64(uint64(3 + j*7 + p))
			e.Residual.SetUint64(uint64(1000 + 13*j)) // the same residual for a recipient in every row
			prov.Entries = append(prov.Entries, e)
		}
		c.Providers = append(c.Providers, prov)
	}
	return c
}

// withAmounts returns a copy of data with amount k increased by one for each k.
func withAmounts(data []byte, ks ...int) []byte {
	out := bytes.Clone(data)
	for _, k := range ks {
		var a uint256.Int
		a.SetBytes32(out[32*k : 32*k+32])
		a.AddUint64(&a, 1)
		a.PutUint256(out[32*k : 32*k+32])
	}
	return out
}

// batchOf is the target batch publishing data under treeRoot (nil: data's own tree).
func batchOf(t *testing.T, res *recompute.Result, round uint64, data []byte, treeRoot *common.Hash) Target {
	t.Helper()
	root := common.Hash{}
	if treeRoot != nil {
		root = *treeRoot
	} else {
		tree, err := recompute.AllocTreeFromData(data, 1)
		if err != nil {
			t.Fatal(err)
		}
		root = tree.Root()
	}
	return Target{Round: round, CommitmentRoot: res.CommitmentRoot, Batch: index.Batch{
		TxHash: common.HexToHash("0xba7c4"), AllocTreeRoot: root, DataHash: crypto.Keccak256Hash(data),
		AllocationRoot: recompute.AllocationRoot(res.CommitmentRoot, root, crypto.Keccak256Hash(data)),
		Status:         index.BatchLive, DataAvailable: true,
	}}
}

func TestBuildProofs(t *testing.T) {
	const round = 7
	c := testCommitments(round, 5, 2, 7, 3) // offsets 0, 5, 7, 14; E = 17
	res, err := recompute.Compute(c, recompute.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cdata := recompute.Encode(c)
	honest := res.AllocationData
	E := res.EntryCount
	otherTree := func() *common.Hash {
		tr, _ := recompute.AllocTreeFromData(withAmounts(honest, 3), 1)
		h := tr.Root()
		return &h
	}()
	type want struct {
		kind  string
		index uint64
		row   int
	}
	tests := []struct {
		name      string
		published []byte
		treeRoot  *common.Hash
		max       int
		target    func(Target) Target
		cdata     []byte
		want      []want
		err       error
	}{
		{"one wrong amount", withAmounts(honest, 9), nil, 4, nil, nil,
			[]want{{index.KindBadAllocation, 9, 7}}, nil},
		{"several rows wrong: smallest rows first", withAmounts(honest, 1, 3, 6, 15, 16), nil, 4, nil, nil,
			[]want{{index.KindBadAllocation, 6, 2}, {index.KindBadAllocation, 15, 3}, {index.KindBadAllocation, 1, 5}}, nil},
		{"several rows wrong: at most max", withAmounts(honest, 1, 6, 15), nil, 2, nil, nil,
			[]want{{index.KindBadAllocation, 6, 2}, {index.KindBadAllocation, 15, 3}}, nil},
		{"last amount wrong", withAmounts(honest, E-1), nil, 4, nil, nil,
			[]want{{index.KindBadAllocation, uint64(E - 1), 3}}, nil},
		{"one amount short", honest[:32*(E-1)], nil, 4, nil, nil,
			[]want{{index.KindBadPublication, uint64(E - 1), 32 * (E - 1)}}, nil},
		{"one amount long", append(bytes.Clone(honest), make([]byte, 32)...), nil, 4, nil, nil,
			[]want{{index.KindBadPublication, uint64(E + 1), 32 * (E + 1)}}, nil},
		{"not whole amounts", honest[:32*E-5], otherTree, 4, nil, nil,
			[]want{{index.KindBadPublication, uint64(E - 1), 32*E - 5}}, nil},
		{"withheld: no data", []byte{}, &res.AllocTreeRoot, 4, nil, nil,
			[]want{{index.KindBadPublication, 0, 0}}, nil},
		{"data under another tree", honest, otherTree, 4, nil, nil,
			[]want{{index.KindBadPublication, uint64(E), 32 * E}}, nil},
		{"honest batch", honest, nil, 4, nil, nil, nil, ErrNotProvable},
		{"stored data is not the batch's", withAmounts(honest, 2), nil, 4, func(t Target) Target {
			t.Batch.AllocationRoot = common.HexToHash("0x01")
			return t
		}, nil, nil, ErrNotProvable},
		{"commitment data of another root", withAmounts(honest, 2), nil, 4, func(t Target) Target {
			t.CommitmentRoot = common.HexToHash("0x02")
			return t
		}, nil, nil, ErrNotProvable},
		{"commitment data does not decode", withAmounts(honest, 2), nil, 4, nil, []byte{1, 2, 3}, nil, ErrNotProvable},
		{"commitment data of another round", withAmounts(honest, 2), nil, 4, func(t Target) Target {
			t.Round = round + 1
			return t
		}, nil, nil, ErrNotProvable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg := batchOf(t, res, round, tt.published, tt.treeRoot)
			if tt.target != nil {
				tg = tt.target(tg)
			}
			cd := cdata
			if tt.cdata != nil {
				cd = tt.cdata
			}
			proofs, err := BuildProofs(tg, cd, tt.published, tt.max)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(proofs) != len(tt.want) {
				t.Fatalf("%d proofs, want %d: %+v", len(proofs), len(tt.want), proofs)
			}
			for i, p := range proofs {
				if p.Kind != tt.want[i].kind || p.Index != tt.want[i].index || p.RowSize != tt.want[i].row {
					t.Errorf("proof %d: %s at %d (row %d), want %+v", i, p.Kind, p.Index, p.RowSize, tt.want[i])
				}
				checkCalldata(t, p, tg, res, tt.published)
			}
		})
	}
}

// checkCalldata decodes a proof's call and checks it opens the round and,
// for a bad allocation, proves the published amount against the batch's
// tree while the row gives another.
func checkCalldata(t *testing.T, p Proof, tg Target, res *recompute.Result, published []byte) {
	t.Helper()
	parsed := contracts.ABI().GetABI()
	m, err := parsed.MethodById(p.Calldata[:4])
	if err != nil {
		t.Fatal(err)
	}
	args, err := m.Inputs.Unpack(p.Calldata[4:])
	if err != nil {
		t.Fatal(err)
	}
	if args[0].(*big.Int).Uint64() != tg.Round {
		t.Errorf("calldata names round %v", args[0])
	}
	switch p.Kind {
	case index.KindBadPublication:
		if m.Name != "proveBadPublication" || !bytes.Equal(args[1].([]byte), published) {
			t.Errorf("%s: not the published data", m.Name)
		}
	case index.KindBadAllocation:
		if m.Name != "proveBadAllocation" {
			t.Fatalf("method %s", m.Name)
		}
		amount := args[5].(*big.Int)
		proof := args[6].([][32]byte)
		sib := make([]common.Hash, len(proof))
		for i := range proof {
			sib[i] = proof[i]
		}
		k := int(p.Index)
		a, _ := uint256.FromBig(amount)
		if !recompute.VerifyProof(tg.Batch.AllocTreeRoot, recompute.AllocLeaf(k, a), k, len(published)/32, sib) {
			t.Errorf("the amount proof of %d does not verify against the batch's tree", k)
		}
		correct := res.Amount(k)
		if correct.Eq(a) {
			t.Errorf("the proven amount %s at %d is the correct one", a, k)
		}
	}
}

func TestTargetOf(t *testing.T) {
	live := index.Batch{TxHash: common.HexToHash("0x1"), Status: index.BatchLive, DataAvailable: true}
	tests := []struct {
		name string
		r    *index.Round
		ok   bool
	}{
		{"fraud, live batch", &index.Round{Verdict: index.VerdictFraud, Batches: []index.Batch{live}}, true},
		{"nil", nil, false},
		{"valid", &index.Round{Verdict: index.VerdictValid, Batches: []index.Batch{live}}, false},
		{"fraud without batch", &index.Round{Verdict: index.VerdictFraud}, false},
		{"voided", &index.Round{Verdict: index.VerdictFraud, Batches: []index.Batch{{Status: index.BatchVoided, DataAvailable: true}}}, false},
		{"finalized", &index.Round{Verdict: index.VerdictFraud, Batches: []index.Batch{{Status: index.BatchFinalized, DataAvailable: true}}}, false},
		{"data unavailable", &index.Round{Verdict: index.VerdictFraud, Batches: []index.Batch{{Status: index.BatchLive}}}, false},
		{"an earlier batch live is not the target", &index.Round{Verdict: index.VerdictFraud, Batches: []index.Batch{live, {Status: index.BatchVoided, DataAvailable: true}}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg, ok := TargetOf(tt.r)
			if ok != tt.ok || ok && tg.Batch.TxHash != live.TxHash {
				t.Fatalf("TargetOf = %+v, %v; want ok %v", tg, ok, tt.ok)
			}
		})
	}
}
