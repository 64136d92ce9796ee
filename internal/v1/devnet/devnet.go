package devnet

import (
	"context"
	"crypto/ecdsa"
	crand "crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/internal/devchain"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// operatorSim is one simulated operator: its account and its BLS key.
type operatorSim struct {
	index int
	key   *ecdsa.PrivateKey
	addr  common.Address
	bls   *bls.SecretKey
}

// roundState is what the devnet tracks of a round it posted.
type roundState struct {
	n         uint64
	c         *recompute.Commitments
	res       *recompute.Result
	malformed bool
	forwarded bool   // batches go through the forwarder contract
	live      bool   // a batch is live
	deadline  uint64 // of the live batch
	voided    uint64 // batches voided so far, as last seen on chain
	finalized bool
	desc      int // index in Description.Rounds
}

// Devnet is a running AVS with simulated coordinator, operators and aggregator.
type Devnet struct {
	cfg   Config
	log   *slog.Logger
	out   io.Writer
	rng   *rand.Rand
	chain *devchain.Chain

	deployer    *ecdsa.PrivateKey
	coordinator *ecdsa.PrivateKey
	ops         []*operatorSim
	gen         *generator
	avs         common.Address
	forwarder   common.Address // deployed on first use (FaultForwarded)
	params      contracts.Params

	desc      Description
	rounds    map[uint64]*roundState
	next      uint64 // the next round to post
	lastRound uint64 // block of the last commitment
}

// New checks cfg and makes keys; Start brings the devnet up.
func New(cfg Config) (*Devnet, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	seed := cfg.Seed
	if seed == 0 {
		var b [8]byte
		if _, err := crand.Read(b[:]); err != nil {
			return nil, err
		}
		seed = binary.LittleEndian.Uint64(b[:])
	}
	cfg.Seed = seed
	d := &Devnet{
		cfg:    cfg,
		log:    cfg.Log,
		out:    cfg.Out,
		rng:    rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		rounds: map[uint64]*roundState{},
		next:   1,
	}
	if d.log == nil {
		d.log = slog.New(slog.DiscardHandler)
	}
	if d.out == nil {
		d.out = io.Discard
	}
	var err error
	if d.deployer = cfg.Key; d.deployer == nil {
		if d.deployer, err = d.newKey(); err != nil {
			return nil, err
		}
	}
	if d.coordinator, err = d.newKey(); err != nil {
		return nil, err
	}
	keyRand := rand.NewChaCha8([32]byte(crypto.Keccak256(binary.LittleEndian.AppendUint64(nil, seed))))
	for i := 0; i < cfg.Operators; i++ {
		k, err := d.newKey()
		if err != nil {
			return nil, err
		}
		sk, err := bls.GenerateKey(keyRand)
		if err != nil {
			return nil, err
		}
		d.ops = append(d.ops, &operatorSim{index: i, key: k, addr: crypto.PubkeyToAddress(k.PublicKey), bls: sk})
	}
	d.gen = newGenerator(d.rng, &d.cfg)
	return d, nil
}

func (d *Devnet) newKey() (*ecdsa.PrivateKey, error) {
	var b [32]byte
	for {
		binary.LittleEndian.PutUint64(b[0:], d.rng.Uint64())
		binary.LittleEndian.PutUint64(b[8:], d.rng.Uint64())
		binary.LittleEndian.PutUint64(b[16:], d.rng.Uint64())
		binary.LittleEndian.PutUint64(b[24:], d.rng.Uint64())
		if k, err := crypto.ToECDSA(b[:]); err == nil {
			return k, nil
		}
	}
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// Start starts or reaches the chain, funds the accounts, deploys the AVS and
// registers the operators.
func (d *Devnet) Start(ctx context.Context) error {
	accounts := []common.Address{addr(d.coordinator)}
	for _, o := range d.ops {
		accounts = append(accounts, o.addr)
	}
	var err error
	funded := append(append(accounts, addr(d.deployer)), d.cfg.Fund...)
	if d.chain, err = devchain.Start(ctx, d.cfg.chainConfig(), funded); err != nil {
		return err
	}
	if !d.chain.Embedded() {
		each := new(big.Int).Add(d.cfg.stake(), new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether)))
		extra := new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))
		if d.cfg.Key == nil {
			total := new(big.Int).Mul(each, big.NewInt(int64(len(accounts)+1)))
			total.Add(total, new(big.Int).Mul(extra, big.NewInt(int64(len(d.cfg.Fund)))))
			if err := d.chain.FundFromNode(ctx, total, []common.Address{addr(d.deployer)}); err != nil {
				return err
			}
		}
		if err := d.chain.Transfer(ctx, d.deployer, each, accounts); err != nil {
			return err
		}
		if err := d.chain.Transfer(ctx, d.deployer, extra, d.cfg.Fund); err != nil {
			return err
		}
	}
	return d.deploy(ctx)
}

func (d *Devnet) deploy(ctx context.Context) error {
	d.params = contracts.DefaultParams(addr(d.coordinator))
	d.params.ChallengeWindow = d.cfg.ChallengeWindow
	d.params.ExitDelay = 2*d.cfg.ChallengeWindow + 1
	d.params.MinStake = d.cfg.stake()
	opts := bind.NewKeyedTransactor(d.deployer, d.chain.ChainID)
	opts.Context = ctx
	avsAddr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.DenominatorAllocationAVSMetaData.Bin), d.chain.Client, contracts.ABI().PackConstructor(d.params.Binding()))
	if err != nil {
		return fmt.Errorf("deploy the AVS: %w", contracts.AsRevert(err))
	}
	r, err := d.chain.Wait(ctx, tx.Hash())
	if err != nil {
		return fmt.Errorf("deploy the AVS: %w", err)
	}
	d.avs = avsAddr
	d.desc = Description{
		RPCURL: d.chain.HTTPURL, WSURL: d.chain.WSURL, ChainID: d.chain.ChainID.Uint64(),
		AVS: avsAddr, DeployTx: tx.Hash(), StartBlock: r.BlockNumber.Uint64(),
		Coordinator: addr(d.coordinator), Aggregator: addr(d.deployer),
		Params: DescribedParams{
			ChallengeWindow: d.params.ChallengeWindow, ExitDelay: d.params.ExitDelay, QuorumBps: d.params.QuorumBps,
			SlashBps: d.params.SlashBps, BountyBps: d.params.BountyBps, MinStake: d.params.MinStake.String(),
		},
		Faults: d.cfg.Faults.String(),
		Rounds: []DescribedRound{},
	}
	// Each operator registers from its own account: all in one block, in
	// index order (one transaction each, sent in order, so the registry gives
	// operator i index i).
	regs := make([]common.Hash, len(d.ops))
	for i, o := range d.ops {
		pop := o.bls.ProvePossession(d.chain.ChainID, avsAddr, o.addr)
		data := contracts.ABI().PackRegisterOperator(contracts.G1(o.bls.PublicG1()), contracts.G2(o.bls.PublicG2()), contracts.G1(pop))
		if regs[i], err = d.chain.SendAsync(ctx, o.key, avsAddr, data, d.cfg.stake()); err != nil {
			return fmt.Errorf("register operator %d: %w", o.index, err)
		}
	}
	for i, o := range d.ops {
		rc, err := d.chain.WaitSuccess(ctx, regs[i])
		if err != nil {
			return fmt.Errorf("register operator %d: %w", o.index, err)
		}
		// At the registration's block: a node may answer "latest" from a
		// block before the one it just gave the receipt of.
		got, err := bind.Call(contracts.ABI().Instance(d.chain.Client, avsAddr), &bind.CallOpts{Context: ctx, BlockNumber: rc.BlockNumber}, contracts.ABI().PackOperatorIndex(o.addr), contracts.ABI().UnpackOperatorIndex)
		if err != nil {
			return fmt.Errorf("operator %d's index: %w", o.index, contracts.AsRevert(err))
		}
		if got.Int64() != int64(o.index) {
			// The block's order is the miner's: keep the registry's numbering.
			o.index = int(got.Int64())
		}
	}
	sort.Slice(d.ops, func(i, j int) bool { return d.ops[i].index < d.ops[j].index })
	for _, o := range d.ops {
		g1, g2 := o.bls.PublicG1().Words(), o.bls.PublicG2().Words()
		d.desc.Operators = append(d.desc.Operators, DescribedOperator{
			Index: o.index, Address: o.addr, Stake: d.cfg.stake().String(),
			PkG1: [2]string{g1[0].String(), g1[1].String()},
			PkG2: [4]string{g2[0].String(), g2[1].String(), g2[2].String(), g2[3].String()},
		})
	}
	if err := d.desc.write(d.cfg.Describe); err != nil {
		return err
	}
	where := d.chain.HTTPURL
	if where == "" {
		where = "in-process (no RPC server)"
	}
	if d.chain.WSURL != "" {
		where += " and " + d.chain.WSURL
	}
	fmt.Fprintf(d.out, "devnet: chain %s at %s; AVS %s deployed in block %d; %d operators of %d ETH; challenge window %d blocks; faults: %s; seed %d\n",
		d.chain.ChainID, where, avsAddr.Hex(), d.desc.StartBlock, len(d.ops), d.cfg.StakeEther, d.cfg.ChallengeWindow, orNone(d.desc.Faults), d.cfg.Seed)
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// Run posts rounds, submits their batches, resubmits honest batches for
// rounds whose batch a fraud proof voided, and finalizes rounds past their
// window. With Config.Rounds set it returns once every round is finalized
// (or, for malformed commitments, left without a batch); otherwise it runs
// until ctx ends and returns ctx's error.
func (d *Devnet) Run(ctx context.Context) error {
	for {
		head, err := d.chain.Client.BlockNumber(ctx)
		if err != nil {
			return fmt.Errorf("%w: block number: %w", ErrChain, err)
		}
		if (d.cfg.Rounds == 0 || d.next <= uint64(d.cfg.Rounds)) && (d.next == 1 || head >= d.lastRound+d.cfg.RoundEvery) {
			if err := d.postRound(ctx, d.next); err != nil {
				return fmt.Errorf("round %d: %w", d.next, err)
			}
			d.next++
		}
		if err := d.settle(ctx, head); err != nil {
			return err
		}
		if d.cfg.Rounds > 0 && d.next > uint64(d.cfg.Rounds) && d.allSettled() {
			fmt.Fprintf(d.out, "devnet: all %d rounds done\n", d.cfg.Rounds)
			return d.desc.write(d.cfg.Describe)
		}
		if _, err := d.chain.WaitBlock(ctx, head); err != nil {
			return err
		}
	}
}

func (d *Devnet) allSettled() bool {
	for _, r := range d.rounds {
		if !r.finalized && !r.malformed {
			return false
		}
	}
	return true
}

// postRound has the coordinator post round n, the operators check and sign
// it, and the aggregator submit the batch (the faulty one if n is scheduled).
func (d *Devnet) postRound(ctx context.Context, n uint64) error {
	fault, faulty := d.cfg.Faults[n]
	c := d.gen.round(n)
	dr := DescribedRound{Round: n, Batches: []DescribedBatch{}}
	if faulty {
		dr.Fault = fault.String()
	}
	if faulty && fault.Kind == FaultMalformedCommitments {
		dr.MalformedRule = string(malformed(c))
	}
	res, err := recompute.Compute(c, recompute.Options{})
	if err != nil {
		return fmt.Errorf("recompute the coordinator's own round: %w", err)
	}
	data := recompute.Encode(c)
	r, err := d.chain.Send(ctx, d.coordinator, d.avs, contracts.ABI().PackCommitRound(new(big.Int).SetUint64(n), res.CommitmentRoot, data), nil)
	if err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	d.lastRound = r.BlockNumber.Uint64()
	dr.CommitTx, dr.CommitBlock, dr.CommitmentRoot = r.TxHash, d.lastRound, res.CommitmentRoot
	dr.Providers, dr.Entries, dr.CorrectAllocationRoot = res.ProviderCount, res.EntryCount, res.AllocationRoot
	rs := &roundState{n: n, c: c, res: res, desc: len(d.desc.Rounds)}
	d.rounds[n] = rs
	d.desc.Rounds = append(d.desc.Rounds, dr)
	summary := fmt.Sprintf("round %d: %d providers, %d entries, commitment %s", n, res.ProviderCount, res.EntryCount, short(res.CommitmentRoot))

	// Every honest operator decodes the posted data and checks it.
	honest := d.honestSigners(n, data)
	if len(honest) == 0 {
		rs.malformed = true
		fmt.Fprintf(d.out, "%s; FAULT malformed-commitments (%s): the operators refuse to sign, no batch\n", summary, dr.MalformedRule)
		return d.desc.write(d.cfg.Describe)
	}
	if !faulty || fault.Kind == FaultForwarded {
		rs.forwarded = faulty
		if err := d.submit(ctx, rs, res.AllocTreeRoot, res.AllocationData, honest, true); err != nil {
			return err
		}
		how := ""
		if rs.forwarded {
			how = fmt.Sprintf("; FAULT forwarded: submitted through the forwarder contract %s, its data is not in the transaction's input", d.forwarder.Hex())
		}
		fmt.Fprintf(d.out, "%s; batch signed by %d/%d operators%s\n", summary, len(honest), len(d.ops), how)
		return d.desc.write(d.cfg.Describe)
	}
	wrong, root, at, err := wrongBatch(d.rng, fault, c, res)
	if err != nil {
		return err
	}
	if fault.Kind == FaultAmount || fault.Kind == FaultDenominator || fault.Kind == FaultConservation {
		d.desc.Rounds[rs.desc].FaultAt = &at
	}
	colluders, err := d.quorum(ctx)
	if err != nil {
		return err
	}
	if err := d.submit(ctx, rs, root, wrong, colluders, false); err != nil {
		return err
	}
	claimed := recompute.AllocationRoot(res.CommitmentRoot, root, crypto.Keccak256Hash(wrong))
	fmt.Fprintf(d.out, "%s; FAULT %s: batch signed by %d/%d colluding operators, claims %s, correct %s\n",
		summary, describeFault(fault, at), len(colluders), len(d.ops), short(claimed), short(res.AllocationRoot))
	return d.desc.write(d.cfg.Describe)
}

func describeFault(f Fault, at int) string {
	switch f.Kind {
	case FaultAmount:
		return fmt.Sprintf("amount at index %d", at)
	case FaultDenominator, FaultConservation:
		return fmt.Sprintf("%s of provider %d", f.Kind, at)
	}
	return string(f.Kind)
}

func short(h common.Hash) string { return h.Hex()[:10] + "…" }

// honestSigners returns the operators that, having decoded and validated the
// posted commitment data, sign the round (none if it is malformed).
func (d *Devnet) honestSigners(n uint64, data []byte) []*operatorSim {
	c, err := recompute.Decode(data)
	if err == nil {
		err = c.Validate(uint256.NewInt(n))
	}
	if err != nil {
		d.log.Info("operators refuse malformed commitments", "round", n, "rule", recompute.RuleOf(err), "err", err)
		return nil
	}
	return d.ops
}

// quorum returns the fewest operators, by index, whose stake meets the
// quorum as the contract counts it now: colluders slashed by earlier proofs
// weigh less, so more of them are needed.
func (d *Devnet) quorum(ctx context.Context) ([]*operatorSim, error) {
	stakes := make([]*big.Int, len(d.ops))
	active := new(big.Int)
	avs := contracts.ABI().Instance(d.chain.Client, d.avs)
	for i, o := range d.ops {
		v, err := bind.Call(avs, &bind.CallOpts{Context: ctx}, contracts.ABI().PackOperatorAt(big.NewInt(int64(o.index))), contracts.ABI().UnpackOperatorAt)
		if err != nil {
			return nil, fmt.Errorf("operator %d's stake: %w", o.index, contracts.AsRevert(err))
		}
		stakes[i] = v.Stake
		active.Add(active, v.Stake)
	}
	need := new(big.Int).Mul(active, big.NewInt(int64(d.params.QuorumBps)))
	signing := new(big.Int)
	for i := range d.ops {
		signing.Add(signing, stakes[i])
		if new(big.Int).Mul(signing, big.NewInt(10_000)).Cmp(need) >= 0 {
			return d.ops[:i+1], nil
		}
	}
	return d.ops, nil
}

// submit aggregates the signers' signatures over (treeRoot, data) and submits the batch.
func (d *Devnet) submit(ctx context.Context, rs *roundState, treeRoot common.Hash, data []byte, signers []*operatorSim, honest bool) error {
	b, allocationRoot, indices, err := d.signBatch(rs, treeRoot, data, signers)
	if err != nil {
		return err
	}
	to, calldata := d.avs, b.Calldata()
	if rs.forwarded {
		if to, err = d.deployForwarder(ctx); err != nil {
			return err
		}
		calldata = forwarderABI.PackExecute(d.avs, calldata)
	}
	r, err := d.chain.Send(ctx, d.deployer, to, calldata, nil)
	if err != nil {
		return fmt.Errorf("submit batch: %w", err)
	}
	rs.live, rs.deadline = true, r.BlockNumber.Uint64()+d.params.ChallengeWindow
	dr := &d.desc.Rounds[rs.desc]
	dr.Batches = append(dr.Batches, DescribedBatch{Tx: r.TxHash, Block: r.BlockNumber.Uint64(), AllocationRoot: allocationRoot, Signers: indices, Honest: honest})
	return nil
}

// signBatch has signers sign (treeRoot, data) for rs's round; it returns the
// batch, its allocation root and the signers' indices in ascending order.
func (d *Devnet) signBatch(rs *roundState, treeRoot common.Hash, data []byte, signers []*operatorSim) (*contracts.Batch, common.Hash, []int, error) {
	allocationRoot := recompute.AllocationRoot(rs.res.CommitmentRoot, treeRoot, crypto.Keccak256Hash(data))
	ss := make([]contracts.Signer, len(signers))
	indices := make([]int, len(signers))
	for i, o := range signers {
		ss[i], indices[i] = contracts.Signer{Index: o.index, Key: o.bls}, o.index
	}
	active := make(map[int]bls.G1Point, len(d.ops))
	for _, o := range d.ops {
		active[o.index] = o.bls.PublicG1()
	}
	b, err := contracts.SignBatch(d.chain.ChainID, d.avs, new(big.Int).SetUint64(rs.n), treeRoot, allocationRoot, data, ss, active)
	sort.Ints(indices)
	return b, allocationRoot, indices, err
}

// ReplaceBatch forks the embedded chain at parent (as Fork) and, before the
// new branch's first block, sends another batch for round n, which must be
// the last round posted, in place of the orphaned one: honest when fault is
// nil, else wrong as fault says (amount, denominator, conservation or
// publication). parent may lie below the round's commitment, which is then
// mined again in the new branch, before the new batch. It is a test hook for
// reorganisations that replace a batch; call it after Run has returned. It
// returns the new batch's transaction.
func (d *Devnet) ReplaceBatch(ctx context.Context, parent common.Hash, n uint64, fault *Fault) (common.Hash, error) {
	rs, ok := d.rounds[n]
	if !ok || rs.c == nil {
		return common.Hash{}, fmt.Errorf("round %d was not posted with a batch", n)
	}
	treeRoot, data, signers := rs.res.AllocTreeRoot, rs.res.AllocationData, d.ops
	if fault != nil {
		var err error
		if data, treeRoot, _, err = wrongBatch(d.rng, *fault, rs.c, rs.res); err != nil {
			return common.Hash{}, err
		}
		if signers, err = d.quorum(ctx); err != nil {
			return common.Hash{}, err
		}
	}
	b, _, _, err := d.signBatch(rs, treeRoot, data, signers)
	if err != nil {
		return common.Hash{}, err
	}
	// The node puts the orphaned transactions back in its pool: the old
	// batch would be mined again. A transfer from the aggregator with the
	// old batch's nonce (and a higher price) takes its place, and the new
	// batch comes from the coordinator with the nonce after the round's
	// commitment, so that it is mined after the commitment (which may be
	// orphaned and re-mined too) whatever the block order.
	dr := d.desc.Rounds[rs.desc]
	oldBatch, _, err := d.chain.Client.TransactionByHash(ctx, dr.Batches[len(dr.Batches)-1].Tx)
	if err != nil {
		return common.Hash{}, fmt.Errorf("round %d's batch: %w", n, err)
	}
	commit, _, err := d.chain.Client.TransactionByHash(ctx, dr.CommitTx)
	if err != nil {
		return common.Hash{}, fmt.Errorf("round %d's commitment: %w", n, err)
	}
	var h common.Hash
	err = d.chain.ForkThen(parent, func() error {
		head, err := d.chain.Client.HeaderByNumber(ctx, nil)
		if err != nil {
			return err
		}
		tip := big.NewInt(100 * params.GWei)
		feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
		signer := types.LatestSignerForChainID(d.chain.ChainID)
		deployer := addr(d.deployer)
		void, err := types.SignNewTx(d.deployer, signer, &types.DynamicFeeTx{
			ChainID: d.chain.ChainID, Nonce: oldBatch.Nonce(), GasTipCap: tip, GasFeeCap: feeCap, Gas: 21_000, To: &deployer,
		})
		if err != nil {
			return err
		}
		if err := SendAfterFork(ctx, d.chain.Client, void); err != nil {
			return fmt.Errorf("displace the old batch: %w", err)
		}
		tx, err := types.SignNewTx(d.coordinator, signer, &types.DynamicFeeTx{
			ChainID: d.chain.ChainID, Nonce: commit.Nonce() + 1, GasTipCap: tip, GasFeeCap: feeCap,
			Gas: 2_000_000, To: &d.avs, Data: b.Calldata(),
		})
		if err != nil {
			return err
		}
		h = tx.Hash()
		return SendAfterFork(ctx, d.chain.Client, tx)
	})
	return h, err
}

// SendAfterFork sends tx right after a fork: the node's pool is reset to the
// new head asynchronously, and until it is, it checks nonces against the
// old head ("nonce too low"); the send is retried for up to 5 seconds.
func SendAfterFork(ctx context.Context, c interface {
	SendTransaction(context.Context, *types.Transaction) error
}, tx *types.Transaction) error {
	deadline := time.Now().Add(5 * time.Second)
	for {
		err := c.SendTransaction(ctx, tx)
		if err == nil || !strings.Contains(err.Error(), "nonce too low") || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

var forwarderABI = bindings.NewForwarder()

// deployForwarder deploys, once, the forwarder contract owned by the
// aggregator, through which FaultForwarded batches are submitted.
func (d *Devnet) deployForwarder(ctx context.Context) (common.Address, error) {
	if d.forwarder != (common.Address{}) {
		return d.forwarder, nil
	}
	opts := bind.NewKeyedTransactor(d.deployer, d.chain.ChainID)
	opts.Context = ctx
	a, tx, err := bind.DeployContract(opts, common.FromHex(bindings.ForwarderMetaData.Bin), d.chain.Client, forwarderABI.PackConstructor(addr(d.deployer)))
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy the forwarder: %w", err)
	}
	if _, err := d.chain.WaitSuccess(ctx, tx.Hash()); err != nil {
		return common.Address{}, fmt.Errorf("deploy the forwarder: %w", err)
	}
	d.forwarder = a
	return a, nil
}

// settle resubmits honest batches for voided rounds and finalizes rounds
// whose window is past (the head past the deadline, so that gas estimation,
// which runs at the head, passes too).
func (d *Devnet) settle(ctx context.Context, head uint64) error {
	ns := make([]uint64, 0, len(d.rounds))
	for n, rs := range d.rounds {
		if rs.live {
			ns = append(ns, n)
		}
	}
	sort.Slice(ns, func(i, j int) bool { return ns[i] < ns[j] })
	for _, n := range ns {
		rs := d.rounds[n]
		v, err := bind.Call(contracts.ABI().Instance(d.chain.Client, d.avs), &bind.CallOpts{Context: ctx}, contracts.ABI().PackGetRound(new(big.Int).SetUint64(n)), contracts.ABI().UnpackGetRound)
		if err != nil {
			return fmt.Errorf("round %d status: %w", n, contracts.AsRevert(err))
		}
		if v.VoidedBatches.Uint64() > rs.voided {
			rs.voided, rs.live = v.VoidedBatches.Uint64(), false
			fmt.Fprintf(d.out, "round %d: batch voided by a fraud proof; the honest operators resubmit\n", n)
			if err := d.submit(ctx, rs, rs.res.AllocTreeRoot, rs.res.AllocationData, d.ops, true); err != nil {
				return fmt.Errorf("round %d: %w", n, err)
			}
			if err := d.desc.write(d.cfg.Describe); err != nil {
				return err
			}
			continue
		}
		if head <= rs.deadline {
			continue
		}
		r, err := d.chain.Send(ctx, d.deployer, d.avs, contracts.ABI().PackFinalizeRound(new(big.Int).SetUint64(n)), nil)
		if err != nil {
			if errors.Is(err, contracts.ErrReverted) && contracts.RevertName(err) == "NoLiveBatch" {
				continue // voided meanwhile: seen next block
			}
			return fmt.Errorf("round %d: finalize: %w", n, err)
		}
		rs.live, rs.finalized = false, true
		d.desc.Rounds[rs.desc].Finalized = true
		fmt.Fprintf(d.out, "round %d: finalized in block %d\n", n, r.BlockNumber)
		if err := d.desc.write(d.cfg.Describe); err != nil {
			return err
		}
	}
	return nil
}

// Fork makes the embedded chain's canonical head the block with hash parent,
// so that the blocks after it are replaced by the ones sealed from now on (a
// reorganisation, for tests). Sealing is paused around the fork.
func (d *Devnet) Fork(parent common.Hash) error {
	return d.chain.ForkThen(parent, func() error { return nil })
}

// ForkWith is Fork, running then after the fork and before the new
// branch's first block (to send transactions that must be in it, say).
func (d *Devnet) ForkWith(parent common.Hash, then func() error) error {
	return d.chain.ForkThen(parent, then)
}

// Client is the devnet's chain client (in-process for the embedded chain).
func (d *Devnet) Client() simulated.Client { return d.chain.Client }

// AVS is the deployed contract's address.
func (d *Devnet) AVS() common.Address { return d.avs }

// Description returns the current description of the devnet. It is not
// safe to call while Run is running.
func (d *Devnet) Description() Description { return d.desc }

// Close stops the embedded chain, or disconnects from the node.
func (d *Devnet) Close() {
	if d.chain != nil {
		d.chain.Close()
	}
}
