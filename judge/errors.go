package judge

import "errors"

// Errors of Judge: facts that no honest chain produces. The contract
// enforces what they contradict, so a watcher that meets one treats the node
// that reported the facts as lying. Each is wrapped together with
// ErrImpossible: errors.Is(err, ErrImpossible) tells them from a misuse.
var (
	// ErrImpossible: the facts contradict what the contract enforces.
	ErrImpossible = errors.New("facts no honest chain produces")
	// ErrCommitment: commitmentRoot is not keccak256(abi.encode(round,
	// providersRoot, P, E)), or P or E is outside what commitRound accepts.
	ErrCommitment = errors.New("the commitment does not hash to its root")
	// ErrBatch: the batch's providerAllocRoots are not P roots, or they do
	// not give its allocTreeRoot and allocationRoot (section 5).
	ErrBatch = errors.New("the batch's roots are inconsistent")
	// ErrReveal: a revealed manifest part or row that the contract would
	// not have accepted, or that contradicts an object verified by its key.
	ErrReveal = errors.New("a revealed object the contract would not accept")
)

// ErrWrongHoldings: the Holdings given to Judge were made for another round
// or another commitment: a misuse, not a lie of the chain.
var ErrWrongHoldings = errors.New("holdings of another round or commitment")

// Refusals of Holdings besides recompute's (ErrEncoding, ErrTooLarge,
// ErrKeyMismatch, ErrEntryCount, ErrNoPosition) and ErrReveal. An object
// refused is not held; nothing else changes.
var (
	// ErrNoManifest: a row or allocations object cannot be placed before
	// the manifest is held (its key names no provider yet).
	ErrNoManifest = errors.New("the manifest is not held")
	// ErrUnknownKey: no header of the round has that entriesRoot (with a
	// row object to fetch).
	ErrUnknownKey = errors.New("no header of the round names that row")
	// ErrNoRow: an allocations object is checked against its row, which is
	// not held.
	ErrNoRow = errors.New("the row is not held")
	// ErrPosition: no such provider in the round.
	ErrPosition = errors.New("no such provider in the round")
)
