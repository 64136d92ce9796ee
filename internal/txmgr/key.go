package txmgr

import (
	"crypto/ecdsa"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
)

// KeySource says where the challenger's key is. At most one of Env, File
// and Keystore may be set; none means no key (monitor-only).
type KeySource struct {
	// Env is the name of an environment variable holding the key, hex.
	Env string
	// File is a file holding the key, hex (surrounding whitespace ignored).
	File string
	// Keystore is a go-ethereum keystore (V3 JSON) file, unlocked with the
	// password in PasswordFile (one trailing newline ignored).
	Keystore     string
	PasswordFile string
}

// maxKeyFile bounds what is read from a key, keystore or password file.
const maxKeyFile = 64 << 10

// LoadKey loads the challenger key from src. With no source it returns a
// nil key and no error (monitor-only). Every failure wraps ErrKey and never
// quotes the key material. warnings lists files readable by group or world
// (the caller logs them); the key is still returned.
func LoadKey(src KeySource) (key *ecdsa.PrivateKey, warnings []string, err error) {
	n := 0
	for _, s := range []string{src.Env, src.File, src.Keystore} {
		if s != "" {
			n++
		}
	}
	switch {
	case n == 0 && src.PasswordFile != "":
		return nil, nil, fmt.Errorf("%w: a password file without a keystore", ErrKey)
	case n == 0:
		return nil, nil, nil
	case n > 1:
		return nil, nil, fmt.Errorf("%w: give one key source (environment variable, key file or keystore), not %d", ErrKey, n)
	}
	switch {
	case src.Env != "":
		v, ok := os.LookupEnv(src.Env)
		if !ok || strings.TrimSpace(v) == "" {
			return nil, nil, fmt.Errorf("%w: environment variable %s is not set or empty", ErrKey, src.Env)
		}
		key, err = parseHexKey(v)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: environment variable %s: %w", ErrKey, src.Env, err)
		}
		return key, nil, nil
	case src.File != "":
		b, warn, err := readSecretFile(src.File, "key file")
		if err != nil {
			return nil, nil, err
		}
		warnings = append(warnings, warn...)
		if key, err = parseHexKey(string(b)); err != nil {
			return nil, nil, fmt.Errorf("%w: key file %s: %w", ErrKey, src.File, err)
		}
		return key, warnings, nil
	default:
		if src.PasswordFile == "" {
			return nil, nil, fmt.Errorf("%w: keystore %s needs a password file", ErrKey, src.Keystore)
		}
		js, warn, err := readSecretFile(src.Keystore, "keystore")
		if err != nil {
			return nil, nil, err
		}
		warnings = append(warnings, warn...)
		pw, warn, err := readSecretFile(src.PasswordFile, "password file")
		if err != nil {
			return nil, nil, err
		}
		warnings = append(warnings, warn...)
		password := strings.TrimSuffix(strings.TrimSuffix(string(pw), "\n"), "\r")
		k, err := keystore.DecryptKey(js, password)
		if err != nil {
			// DecryptKey's errors name no secret ("could not decrypt key
			// with given password", JSON errors).
			return nil, nil, fmt.Errorf("%w: keystore %s: %v", ErrKey, src.Keystore, err)
		}
		return k.PrivateKey, warnings, nil
	}
}

// readSecretFile reads a small file holding a secret, and warns when group
// or world may read it.
func readSecretFile(path, what string) ([]byte, []string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %w", ErrKey, what, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%w: %s %s is not a regular file", ErrKey, what, path)
	}
	if fi.Size() > maxKeyFile {
		return nil, nil, fmt.Errorf("%w: %s %s is %d bytes, too large", ErrKey, what, path, fi.Size())
	}
	var warnings []string
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		warnings = append(warnings, fmt.Sprintf("%s %s has permissions %#o: group or others may read it; use chmod 600", what, path, perm))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %w", ErrKey, what, err)
	}
	return b, warnings, nil
}

// parseHexKey parses a 32-byte secp256k1 key in hex, 0x optional. Its
// errors say what is wrong, never what the input was.
func parseHexKey(s string) (*ecdsa.PrivateKey, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(s) != 64 {
		return nil, fmt.Errorf("not a 32-byte hex key (%d hex digits, want 64)", len(s))
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("not a hex key (a character is not a hex digit)")
	}
	k, err := crypto.ToECDSA(b)
	if err != nil {
		return nil, fmt.Errorf("not a valid secp256k1 key")
	}
	return k, nil
}
