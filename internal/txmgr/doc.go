// Package txmgr signs, sends and follows the transactions of one key, for
// the challenger's executor: the key's nonce, EIP-1559
// fees, gas limits, replacements with the same nonce, broadcasts whose
// errors are classified against go-ethereum's exported errors (SendError),
// the challenger key's loading (LoadKey) and its balance against the price
// of a proof (ReadFunding). It keeps no record of its own: the caller
// stores each signed transaction before broadcasting it.
package txmgr
