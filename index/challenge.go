package index

import (
	"encoding/json"
	"errors"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
)

// Challenges: the challenger's record of each fraud proof it builds, sends
// and follows, keyed by round and the batch it proves wrong.
//
//	| v1/challenge/<8-byte round>/<32-byte batch tx hash> | JSON challenge record |

func challengeKey(round uint64, batchTx common.Hash) []byte {
	k := appendU64(withPrefix(prefixChallenge, 8+1+common.HashLength), round)
	k = append(k, '/')
	return append(k, batchTx[:]...)
}

// challenge checks a challenge record.
func (c *checker) challenge(item *badger.Item, k []byte) {
	if len(k) != len(prefixChallenge)+8+1+common.HashLength || k[len(prefixChallenge)+8] != '/' {
		c.addf("malformed key %q", k)
		return
	}
	if err := item.Value(func(v []byte) error {
		if !json.Valid(v) {
			return errors.New("not JSON")
		}
		return nil
	}); err != nil {
		c.addf("challenge record %q: %v", k, err)
	}
}
