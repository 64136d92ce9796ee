package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/urfave/cli/v2"
	"golang.org/x/sys/unix"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/internal/txmgr"
	"github.com/denomwatch/denomwatch/rpcpool"
)

// preflight is what looking at the environment found; the service is built
// from it. Nothing in it has changed anything: no file written, no port
// held, no transaction sent.
type preflight struct {
	key         *ecdsa.PrivateKey // nil: monitor-only
	keyWarnings []string
	webhooks    *alerts.Config // nil without --webhooks
	// pool and chainID: the node, with --rpc.
	pool    *rpcpool.Pool
	chainID uint64
}

// close releases what preflight opened (the RPC connections).
func (p *preflight) close() {
	if p != nil && p.pool != nil {
		p.pool.Close()
	}
}

// preflight checks the environment against the configuration before
// anything starts: the ports are free, the data directory writable with
// room to spare, the challenger key and the webhook configuration readable
// and valid, and (with --rpc) the node serves the expected chain, the AVS is
// there, and the key can pay for a proof. Every failure is a usage error
// (exit 2) naming the flag, except a node that cannot be reached (exit 1).
func (rc *runConfig) preflight(ctx context.Context, log *slog.Logger) (*preflight, error) {
	if err := rc.checkPorts(); err != nil {
		return nil, err
	}
	if err := checkDataDir(rc.DataDir, rc.MinFreeBytes); err != nil {
		return nil, usageError("--data-dir: %v", err)
	}
	p := &preflight{}
	var err error
	if p.key, p.keyWarnings, err = txmgr.LoadKey(rc.Key); err != nil {
		return nil, usageError("challenger key: %v", err)
	}
	if rc.Webhooks != "" {
		cfg, err := alerts.LoadConfig(rc.Webhooks)
		if err != nil {
			return nil, usageError("--webhooks: %v", err)
		}
		p.webhooks = &cfg
	}
	if rc.Devnet != nil {
		return p, nil
	}
	if err := rc.checkNode(ctx, p, log); err != nil {
		p.close()
		return nil, err
	}
	return p, nil
}

// checkPorts refuses a port another process holds: the API's, and the
// embedded chain's.
func (rc *runConfig) checkPorts() error {
	type port struct{ flag, addr string }
	var ports []port
	if rc.API.Addr != "" {
		ports = append(ports, port{"api-addr", rc.API.Addr})
	}
	if d := rc.Devnet; d != nil {
		if d.HTTPPort != 0 {
			ports = append(ports, port{"http-port", net.JoinHostPort("127.0.0.1", strconv.Itoa(d.HTTPPort))})
		}
		if d.WSPort != 0 {
			ports = append(ports, port{"ws-port", net.JoinHostPort("127.0.0.1", strconv.Itoa(d.WSPort))})
		}
		if d.DAPort != 0 {
			ports = append(ports, port{"da-port", net.JoinHostPort("127.0.0.1", strconv.Itoa(d.DAPort))})
		}
	}
	for _, p := range ports {
		ln, err := net.Listen("tcp", p.addr)
		if err != nil {
			return usageError("--%s %s: the address is not free (%v); another process holds it?", p.flag, p.addr, err)
		}
		if err := ln.Close(); err != nil {
			return usageError("--%s %s: %v", p.flag, p.addr, err)
		}
	}
	return nil
}

// checkAVS asks the contract at avs for its challenge window, which the
// v2 AVS answers: another contract (a v1 AVS, a token, a forwarder) is
// refused before anything starts rather than watched in silence.
func checkAVS(ctx context.Context, chain ethereum.ContractCaller, avs common.Address) error {
	abi := contracts.ABI()
	out, err := chain.CallContract(ctx, ethereum.CallMsg{To: &avs, Data: abi.PackChallengeWindow()}, nil)
	if err == nil {
		_, err = abi.UnpackChallengeWindow(out)
	}
	if err != nil {
		return fmt.Errorf("not the Denominator Allocation AVS of protocol v2 (challengeWindow() fails: %w)", contracts.AsRevert(err))
	}
	return nil
}

// checkDataDir checks that dir, or the nearest directory above it that
// exists (dir is created later), is a writable directory whose file system
// has at least minFree bytes free. It creates nothing.
func checkDataDir(dir string, minFree uint64) error {
	d, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	for {
		fi, err := os.Stat(d)
		if err == nil {
			if !fi.IsDir() {
				return fmt.Errorf("%s is not a directory", d)
			}
			break
		}
		if !errors.Is(err, os.ErrNotExist) && !errors.Is(err, unix.ENOTDIR) || filepath.Dir(d) == d {
			return err
		}
		d = filepath.Dir(d)
	}
	if err := unix.Access(d, unix.W_OK|unix.X_OK); err != nil {
		return fmt.Errorf("%s is not writable: %w", d, err)
	}
	var st unix.Statfs_t
	if err := unix.Statfs(d, &st); err != nil {
		return fmt.Errorf("free space of %s: %w", d, err)
	}
	if free := st.Bavail * uint64(st.Bsize); free < minFree {
		return fmt.Errorf("%s has %d MB free, less than --min-free-mb %d", d, free>>20, minFree>>20)
	}
	return nil
}

// checkNode dials the RPC endpoints and checks the chain id, the AVS's code
// and the challenger's funds.
func (rc *runConfig) checkNode(ctx context.Context, p *preflight, log *slog.Logger) error {
	var err error
	p.pool, err = rpcpool.Dial(ctx, rc.RPC, rpcpool.Options{Log: log, ChainID: rc.ChainID})
	if errors.Is(err, rpcpool.ErrChainMismatch) {
		if rc.ChainID != 0 {
			return usageError("--chain-id %d: %v", rc.ChainID, err)
		}
		return usageError("--rpc: %v", err)
	}
	if err != nil {
		return cli.Exit(fmt.Sprintf("--rpc: %v", err), exitIO)
	}
	id, err := p.pool.ChainID(ctx)
	if err != nil {
		return cli.Exit(fmt.Sprintf("--rpc: chain id: %v", err), exitIO)
	}
	if !id.IsUint64() || (rc.ChainID != 0 && id.Uint64() != rc.ChainID) {
		return usageError("--chain-id %d: the node serves chain %s", rc.ChainID, id)
	}
	p.chainID = id.Uint64()
	code, err := p.pool.CodeAt(ctx, rc.Contract, nil)
	if err != nil {
		return cli.Exit(fmt.Sprintf("--rpc: code of %s: %v", rc.Contract, err), exitIO)
	}
	if len(code) == 0 {
		return usageError("--contract %s: no contract there on chain %d", rc.Contract, p.chainID)
	}
	if err := checkAVS(ctx, p.pool, rc.Contract); err != nil {
		return usageError("--contract %s: %v", rc.Contract, err)
	}
	if p.key == nil || rc.Challenge.DryRun {
		return nil
	}
	return rc.checkFunding(ctx, p)
}

// checkFunding refuses a challenger key that cannot pay for one proof at
// the current fees: it would fail every proof it attempts.
func (rc *runConfig) checkFunding(ctx context.Context, p *preflight) error {
	addr := crypto.PubkeyToAddress(p.key.PublicKey)
	f, err := txmgr.ReadFunding(ctx, p.pool, addr, rc.ProofGas, rc.Challenge.MaxFeeCap)
	if err != nil {
		return cli.Exit(fmt.Sprintf("challenger funds: %v", err), exitIO)
	}
	if f.Balance.Cmp(f.ProofCost) < 0 {
		return usageError("challenger %s: its balance, %s ETH, cannot pay one proof (%d gas at %s gwei: %s ETH); fund it, or run without a key (monitor-only) or with --dry-run",
			addr, ether(f.Balance), f.ProofGas, gwei(f.FeeCap), ether(f.ProofCost))
	}
	return nil
}

// ether formats wei as ETH with up to 6 decimals.
func ether(wei *big.Int) string {
	f := new(big.Float).Quo(new(big.Float).SetInt(wei), big.NewFloat(params.Ether))
	return f.Text('f', 6)
}

// gwei formats wei as gwei with up to 3 decimals.
func gwei(wei *big.Int) string {
	f := new(big.Float).Quo(new(big.Float).SetInt(wei), big.NewFloat(params.GWei))
	return f.Text('f', 3)
}

// keyAddress is the key's address, zero without a key.
func keyAddress(k *ecdsa.PrivateKey) common.Address {
	if k == nil {
		return common.Address{}
	}
	return crypto.PubkeyToAddress(k.PublicKey)
}
