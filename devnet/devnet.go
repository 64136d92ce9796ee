package devnet

import (
	"context"
	"crypto/ecdsa"
	crand "crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"net"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/internal/devchain"
)

// Devnet is a running AVS with a simulated coordinator, operators and
// aggregator.
type Devnet struct {
	cfg     Config
	log     *slog.Logger
	out     io.Writer
	rng     *rand.Rand
	keyRand io.Reader // BLS keys
	chain   *devchain.Chain

	store    *da.Store
	reader   *da.Client // how the operators read a round: from daSource
	daURL    string
	stopDA   context.CancelFunc
	daServed chan struct{}

	deployer    *ecdsa.PrivateKey // also the aggregator
	coordinator *ecdsa.PrivateKey
	ops         []*operatorSim // by index; a withdrawn operator's successor takes its place
	gen         *generator
	avs         common.Address
	forwarder   common.Address // deployed on first use (FaultForwarded)
	params      contracts.Params
	domain      contracts.Domain

	desc      Description
	rounds    map[uint64]*roundState
	next      uint64 // the next round to post
	lastRound uint64 // block of the last commitment
	scanned   uint64 // the last block scanned for availability challenges
	churn     []*operatorSim
}

// New checks cfg and makes keys; Start brings the devnet up.
func New(cfg Config) (*Devnet, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.Seed == 0 {
		var b [8]byte
		if _, err := crand.Read(b[:]); err != nil {
			return nil, err
		}
		cfg.Seed = binary.LittleEndian.Uint64(b[:])
	}
	d := &Devnet{
		cfg:     cfg,
		log:     cfg.Log,
		out:     cfg.Out,
		rng:     rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		keyRand: rand.NewChaCha8([32]byte(crypto.Keccak256(binary.LittleEndian.AppendUint64(nil, cfg.Seed)))),
		rounds:  map[uint64]*roundState{},
		next:    1,
	}
	if d.log == nil {
		d.log = slog.New(slog.DiscardHandler)
	}
	if d.out == nil {
		d.out = io.Discard
	}
	if d.deployer = cfg.Key; d.deployer == nil {
		d.deployer = d.newKey()
	}
	d.coordinator = d.newKey()
	for range cfg.Operators {
		o, err := d.newOperator()
		if err != nil {
			return nil, err
		}
		d.ops = append(d.ops, o)
	}
	d.gen = newGenerator(d.rng, &d.cfg)
	return d, nil
}

// newKey draws an account key from the devnet's seed.
func (d *Devnet) newKey() *ecdsa.PrivateKey {
	var b [32]byte
	for {
		for i := 0; i < 32; i += 8 {
			binary.LittleEndian.PutUint64(b[i:], d.rng.Uint64())
		}
		if k, err := crypto.ToECDSA(b[:]); err == nil {
			return k
		}
	}
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// Start starts or reaches the chain, funds the accounts, opens the DA store
// and its HTTP host, deploys the AVS and registers the operators.
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
		if err := d.fundRemote(ctx, accounts); err != nil {
			return err
		}
	}
	if err := d.startDA(ctx); err != nil {
		return err
	}
	return d.deploy(ctx)
}

// fundRemote funds the devnet's accounts on an existing node: from the
// node's unlocked account when no key was given, then from the deployer.
func (d *Devnet) fundRemote(ctx context.Context, accounts []common.Address) error {
	each := new(big.Int).Add(d.cfg.stake(), new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether)))
	extra := new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))
	if d.cfg.Key == nil {
		// Room for the operators churn brings in, a forwarder and gas.
		total := new(big.Int).Mul(each, big.NewInt(int64(2*len(accounts)+2)))
		total.Add(total, new(big.Int).Mul(extra, big.NewInt(int64(len(d.cfg.Fund)))))
		if err := d.chain.FundFromNode(ctx, total, []common.Address{addr(d.deployer)}); err != nil {
			return err
		}
	}
	if err := d.chain.Transfer(ctx, d.deployer, each, accounts); err != nil {
		return err
	}
	return d.chain.Transfer(ctx, d.deployer, extra, d.cfg.Fund)
}

// startDA opens the store and, with a DA port, serves it on 127.0.0.1.
func (d *Devnet) startDA(ctx context.Context) error {
	var err error
	if d.store, err = da.NewStore(d.cfg.DADir); err != nil {
		return fmt.Errorf("data-availability store: %w", err)
	}
	if d.cfg.DAPort == 0 {
		return d.newReader()
	}
	srv, err := da.Listen(da.ServerConfig{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(d.cfg.DAPort)), Store: d.store, Logger: d.log})
	if err != nil {
		return err
	}
	d.daURL = "http://" + srv.Addr().String()
	dactx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	d.stopDA, d.daServed = cancel, make(chan struct{})
	go func() {
		defer close(d.daServed)
		if err := srv.Run(dactx); err != nil {
			d.log.Error("the devnet's DA server stopped", "err", err)
		}
	}()
	return d.newReader()
}

// newReader makes the operators' da client. Its cool-down is short: the
// devnet's one source is absent objects' only source, and an absent object
// (a withheld one) must not slow the next round's reads.
func (d *Devnet) newReader() error {
	var err error
	d.reader, err = da.NewClient(da.Options{Sources: []string{d.daSource()}, CoolDown: 10 * time.Millisecond, MaxCoolDown: 100 * time.Millisecond, Logger: d.log})
	return err
}

// daSource is where operators read the round's objects: the HTTP host, or
// the store's directory when it is not served.
func (d *Devnet) daSource() string {
	if d.daURL != "" {
		return d.daURL
	}
	return d.store.Dir()
}

// deploy deploys the AVS, registers the operators and writes the description.
func (d *Devnet) deploy(ctx context.Context) error {
	d.params = d.cfg.params(addr(d.coordinator))
	opts := bind.NewKeyedTransactor(d.deployer, d.chain.ChainID)
	opts.Context = ctx
	avsAddr, tx, err := contracts.Deploy(opts, d.chain.Client, d.params)
	if err != nil {
		return err
	}
	r, err := d.chain.WaitSuccess(ctx, tx.Hash())
	if err != nil {
		return fmt.Errorf("deploy the AVS: %w", err)
	}
	d.avs, d.domain = avsAddr, contracts.Domain{ChainID: d.chain.ChainID, AVS: avsAddr}
	d.desc = d.describeDeployment(tx.Hash(), r.BlockNumber.Uint64())
	if err := d.register(ctx, d.ops); err != nil {
		return err
	}
	if err := d.desc.write(d.cfg.Describe); err != nil {
		return err
	}
	d.printStart()
	return nil
}

func (d *Devnet) describeDeployment(tx common.Hash, block uint64) Description {
	p := d.params
	return Description{
		Protocol: 2, RPCURL: d.chain.HTTPURL, WSURL: d.chain.WSURL, ChainID: d.chain.ChainID.Uint64(),
		AVS: d.avs, DeployTx: tx, StartBlock: block,
		Coordinator: addr(d.coordinator), Aggregator: addr(d.deployer),
		DA: DescribedDA{URL: d.daURL, Dir: d.store.Dir()},
		Params: DescribedParams{
			ChallengeWindow: p.ChallengeWindow, ResolveWindow: p.ResolveWindow, RevealWindow: p.RevealWindow,
			ExitDelay: p.ExitDelay, QuorumBps: p.QuorumBps, SlashBps: p.SlashBps, BountyBps: p.BountyBps,
			MinStake: p.MinStake.String(), AvailabilityBond: p.AvailabilityBond.String(),
		},
		Operators: []DescribedOperator{},
		Faults:    d.cfg.Faults.String(),
		Rounds:    []DescribedRound{},
	}
}

func (d *Devnet) printStart() {
	where := d.chain.HTTPURL
	if where == "" {
		where = "in-process (no RPC server)"
	}
	if d.chain.WSURL != "" {
		where += " and " + d.chain.WSURL
	}
	daWhere := d.daURL
	if daWhere == "" {
		daWhere = "not served"
	}
	fmt.Fprintf(d.out, "devnet: chain %s at %s; AVS %s (protocol v2) deployed in block %d; %d operators of %d ETH; windows %d/%d/%d blocks; DA %s (%s); rounds of %d providers x %d entries; faults: %s; seed %d\n",
		d.chain.ChainID, where, d.avs.Hex(), d.desc.StartBlock, len(d.ops), d.cfg.StakeEther,
		d.params.ChallengeWindow, d.params.ResolveWindow, d.params.RevealWindow, daWhere, d.store.Dir(),
		d.cfg.Providers, d.cfg.rowEntries(), orNone(d.desc.Faults), d.cfg.Seed)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// Run posts rounds, submits their batches, answers availability challenges,
// resubmits honest batches for rounds whose batch a proof voided, and
// finalizes rounds past their deadline. With Config.Rounds set it returns
// once every round is settled (finalized, or left without a batch because
// no honest one can be signed); otherwise it runs until ctx ends and
// returns ctx's error.
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
			return d.finish(ctx)
		}
		if _, err := d.chain.WaitBlock(ctx, head); err != nil {
			return err
		}
	}
}

// finish writes the description and checks it against the chain and the
// store, as anyone could (Description.Verify).
func (d *Devnet) finish(ctx context.Context) error {
	if err := d.desc.write(d.cfg.Describe); err != nil {
		return err
	}
	if err := d.desc.Verify(ctx, d.chain.Client); err != nil {
		return err
	}
	fmt.Fprintf(d.out, "devnet: all %d rounds done; the description matches the chain and the store\n", d.cfg.Rounds)
	return nil
}

func (d *Devnet) allSettled() bool {
	for _, r := range d.rounds {
		if !r.finalized && r.refused == "" {
			return false
		}
	}
	return len(d.churn) == 0
}

// Fork makes the embedded chain's canonical head the block with hash parent,
// so that the blocks after it are replaced by the ones sealed from now on (a
// reorganisation, for tests). Sealing is paused around the fork.
func (d *Devnet) Fork(parent common.Hash) error {
	return d.chain.ForkThen(parent, func() error { return nil })
}

// ForkThen is Fork, running then (which may send transactions for the new
// branch's first block) before sealing resumes.
func (d *Devnet) ForkThen(parent common.Hash, then func() error) error {
	return d.chain.ForkThen(parent, then)
}

// Client is the devnet's chain client (in-process for the embedded chain).
func (d *Devnet) Client() simulated.Client { return d.chain.Client }

// AVS is the deployed contract's address.
func (d *Devnet) AVS() common.Address { return d.avs }

// DASource is the HTTP base URL of the devnet's objects, or the store's
// directory when they are not served.
func (d *Devnet) DASource() string { return d.daSource() }

// Description returns the current description of the devnet. It is not
// safe to call while Run is running.
func (d *Devnet) Description() Description { return d.desc }

// Close stops the DA host and the embedded chain, or disconnects from the node.
func (d *Devnet) Close() {
	if d.stopDA != nil {
		d.stopDA()
		<-d.daServed
	}
	if d.chain != nil {
		d.chain.Close()
	}
}
