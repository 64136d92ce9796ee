package devnet

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/recompute"
)

// roundState is what the devnet keeps of a round it posted.
type roundState struct {
	n     uint64
	fault *Fault
	// round is the data as the coordinator holds it (nil: unopenable) and
	// res its evaluation (the allocation only for a well-formed round).
	round    *recompute.Round
	res      *recompute.Result
	withheld []recompute.Object // kept back from the store
	commit   commitArgs

	attempt   uint64 // of the live batch
	live      bool
	calldata  []byte // the live batch's submitAllocationBatch call (for replay)
	finalized bool
	refused   string // why no honest batch can be signed; "" otherwise
	desc      int    // index in Description.Rounds
}

// commitArgs are commitRound's arguments and the root the contract makes of them.
type commitArgs struct {
	providersRoot  common.Hash
	providers      int
	entries        uint64
	commitmentRoot common.Hash
}

// postRound has the coordinator publish and commit round n, the operators
// check it, and the aggregator submit a batch: the honest one, or the
// colluders' when the round's fault says so.
func (d *Devnet) postRound(ctx context.Context, n uint64) error {
	start := time.Now()
	rs, err := d.prepare(n)
	if err != nil {
		return err
	}
	d.rounds[n] = rs
	if err := d.publish(rs); err != nil {
		return err
	}
	tm := &d.desc.Rounds[rs.desc].Timings
	tm.PublishMs, start = time.Since(start).Milliseconds(), time.Now()
	if err := d.commit(ctx, rs); err != nil {
		return err
	}
	tm.CommitMs = time.Since(start).Milliseconds()
	if rs.fault != nil && rs.fault.colluding() {
		err = d.submitColluding(ctx, rs)
	} else {
		err = d.submitHonest(ctx, rs)
	}
	if err != nil {
		return err
	}
	if rs.fault != nil && rs.fault.Kind == FaultChurn {
		if err := d.startChurn(ctx); err != nil {
			return err
		}
	}
	return d.desc.write(d.cfg.Describe)
}

// prepare makes round n's data as its fault says, and evaluates it as the
// coordinator (who holds all of it).
func (d *Devnet) prepare(n uint64) (*roundState, error) {
	rs := &roundState{n: n, desc: len(d.desc.Rounds)}
	dr := DescribedRound{Round: n, Published: []DescribedObject{}, Batches: []DescribedBatch{}}
	if f, ok := d.cfg.Faults[n]; ok {
		if f.P < 0 && f.locatable() {
			f.P = d.rng.IntN(d.cfg.Providers)
		}
		rs.fault, dr.Fault = &f, f.String()
	}
	var err error
	switch {
	case rs.fault != nil && rs.fault.Kind == FaultUnopenable:
		rs.commit = d.unopenable(n)
	case rs.fault != nil && rs.fault.Kind == FaultMalformed:
		if rs.round, err = d.gen.malformed(n, rs.fault.Rule); err != nil {
			return nil, err
		}
		dr.MalformedRule = string(rs.fault.Rule)
	default:
		rs.round = recompute.NewRound(uint256.NewInt(n), d.gen.round(n))
	}
	if rs.round != nil {
		rs.res = evaluateHeld(rs.round)
		root, P, commitment := rs.round.Manifest.CommitArgs()
		rs.commit = commitArgs{providersRoot: root, providers: P, entries: rs.round.Manifest.E.Uint64(), commitmentRoot: commitment}
		if rs.res.AllocTree != nil {
			dr.CorrectAllocationRoot = rs.res.AllocationRoot
		}
	}
	dr.CommitmentRoot, dr.ProvidersRoot = rs.commit.commitmentRoot, rs.commit.providersRoot
	dr.Providers, dr.Entries = rs.commit.providers, rs.commit.entries
	d.desc.Rounds = append(d.desc.Rounds, dr)
	return rs, nil
}

// unopenable makes commitRound arguments with a providers root no data opens.
func (d *Devnet) unopenable(n uint64) commitArgs {
	var root common.Hash
	for i := 0; i < len(root); i += 8 {
		u := d.rng.Uint64()
		for j := range 8 {
			root[i+j] = byte(u >> (8 * j))
		}
	}
	P, E := d.cfg.Providers, uint64(d.cfg.Providers*d.cfg.rowEntries())
	return commitArgs{providersRoot: root, providers: P, entries: E,
		commitmentRoot: recompute.CommitmentRoot(uint256.NewInt(n), root, P, uint256.NewInt(E))}
}

// evaluateHeld evaluates a round from the coordinator's own copy. Its
// Result holds the manifest, the providers tree and every row, whatever the
// data's faults, so that the coordinator can answer availability challenges;
// the allocation is there when the round is well formed.
func evaluateHeld(r *recompute.Round) *recompute.Result {
	objects := r.Objects()
	rows := make(map[common.Hash][]byte, len(objects))
	for _, o := range objects[1:] {
		rows[o.Key] = o.Data
	}
	res, v := recompute.EvaluateObjects(objects[0].Key, objects[0].Data, &r.Manifest.Round, func(k common.Hash) []byte { return rows[k] }, recompute.Options{})
	if v != nil {
		res = &recompute.Result{Manifest: &r.Manifest, ProvidersTree: recompute.ProvidersTree(r.Manifest.Headers), CommitmentRoot: objects[0].Key}
		res.ProvidersRoot = res.ProvidersTree.Root()
	}
	res.Rows = r.Rows
	return res
}

// publish puts the round's objects in the store, but for those its fault
// withholds.
func (d *Devnet) publish(rs *roundState) error {
	if rs.round == nil {
		return nil
	}
	dr := &d.desc.Rounds[rs.desc]
	for _, o := range rs.round.Objects() {
		p := rowOf(rs.round, o)
		obj := DescribedObject{Kind: string(o.Kind), Key: o.Key, Provider: p, TooLarge: len(o.Data) > da.MaxSize(o.Kind)}
		if obj.TooLarge {
			dr.Withheld = append(dr.Withheld, obj) // for good: no store takes it
			continue
		}
		if rs.withholds(o, p) {
			rs.withheld = append(rs.withheld, o)
			dr.Withheld = append(dr.Withheld, obj)
			continue
		}
		if err := d.store.Put(o.Kind, o.Key, o.Data); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		dr.Published = append(dr.Published, obj)
		dr.Timings.Bytes += int64(len(o.Data))
	}
	return nil
}

// withholds reports whether the round's fault keeps object o (row p) back.
// A withheld row is chosen now if the schedule left it to chance.
func (rs *roundState) withholds(o recompute.Object, p *int) bool {
	switch {
	case rs.fault == nil:
		return false
	case rs.fault.Kind == FaultWithheldManifest:
		return o.Kind == recompute.KindManifest
	case rs.fault.Kind == FaultWithheldRow:
		return p != nil && *p == rs.fault.P
	}
	return false
}

// rowOf returns the first provider whose row object o is (nil for others).
func rowOf(r *recompute.Round, o recompute.Object) *int {
	if o.Kind != recompute.KindRow {
		return nil
	}
	for p := range r.Manifest.Headers {
		if r.Manifest.Headers[p].EntriesRoot == o.Key {
			return &p
		}
	}
	return nil
}

// commit sends commitRound and records it.
func (d *Devnet) commit(ctx context.Context, rs *roundState) error {
	c := rs.commit
	r, err := d.chain.Send(ctx, d.coordinator, d.avs, contracts.ABI().PackCommitRound(new(big.Int).SetUint64(rs.n), c.providersRoot, big.NewInt(int64(c.providers)), new(big.Int).SetUint64(c.entries)), nil)
	if err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	d.lastRound = r.BlockNumber.Uint64()
	dr := &d.desc.Rounds[rs.desc]
	dr.CommitTx, dr.CommitBlock = r.TxHash, d.lastRound
	v, err := d.roundView(ctx, rs.n, r.BlockNumber)
	if err != nil {
		return err
	}
	if v.CommitmentRoot != c.commitmentRoot {
		return fmt.Errorf("the chain made commitment root %s of round %d, the coordinator %s", common.Hash(v.CommitmentRoot).Hex(), rs.n, c.commitmentRoot.Hex())
	}
	return nil
}
