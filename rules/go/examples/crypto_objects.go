// Examples for the go pack's crypto-object-parameter rule.
package examples

import (
	"crypto/cipher"
	"hash"
)

// expect: crypto-object-parameter
func encryptCookie(block cipher.Block, value []byte) []byte { return value }

type Signer func(data []byte) ([]byte, error)

// expect: crypto-object-parameter
func encodeWithSigner(payload []byte, sg Signer) ([]byte, error) { return sg(payload) }

// ok: crypto-object-parameter
func encodeBlock(block []byte, width int) string { return string(block[:width]) }

// ok: crypto-object-parameter
func hashRow(h hash.Hash64, row string) uint64 { h.Write([]byte(row)); return h.Sum64() }

