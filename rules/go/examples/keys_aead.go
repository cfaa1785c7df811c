// Examples for the go pack's key loading, AEAD, cryptographic-input and primitive-type rules, and
// the hashing-for-identifiers bait of weak-hash-call.
package examples

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha1"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"hash"
	"os"

	"github.com/google/uuid"
)

func loadVerifier(path string) (interface{}, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, errors.New("no PEM block")
	}
	// expect: key-loading-call
	return x509.ParsePKIXPublicKey(block.Bytes)
}

func exportKey(der []byte) []byte {
	// expect: key-loading-call
	return pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der})
}

func exportCertificate(der []byte) []byte {
	// ok: key-loading-call
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

func sortedKeys(m map[string]int) []string {
	// ok: key-loading-call
	return mapKeys(m)
}

func mapKeys(m map[string]int) []string { return nil }

// expect: crypto-input-parameter
func seal(gcm cipher.AEAD, nonce, msg []byte) []byte {
	// expect: aead-seal-open-call
	return gcm.Seal(nil, nonce, msg, nil)
}

// expect: crypto-input-parameter
func openRecord(aead cipher.AEAD, nonce, box, recordID []byte) ([]byte, error) {
	// expect: aead-seal-open-call
	return aead.Open(nil, nonce, box, recordID)
}

func readConfig(path string) (*os.File, error) {
	// ok: aead-seal-open-call
	return os.Open(path)
}

type envelope struct{ sealed bool }

func (e *envelope) Seal() { e.sealed = true }

func closeEnvelope(e *envelope) {
	// ok: aead-seal-open-call
	e.Seal()
}

// expect: crypto-input-parameter
func encryptBlock(key, plaintext []byte) ([]byte, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	_ = b
	return nil, nil
}

// expect: crypto-input-parameter
func deriveSubkey(secret []byte, salt []byte) []byte { return nil }

// ok: crypto-input-parameter
func formatRow(index int, value string) string { return value }

// ok: crypto-input-parameter
func paginate(cursor string, limit int) []string { return nil }

type kdf struct {
	expander hash.Hash
	counter  byte
}

// expect: crypto-primitive-method
func (k *kdf) Read(p []byte) (int, error) {
	k.counter++
	return len(p), nil
}

type streamCipher struct{ key []byte }

// expect: crypto-primitive-method
func (s *streamCipher) XOR(dst, src []byte) {}

// ok: crypto-primitive-method
func (s *streamCipher) String() string { return "stream cipher" }

type lexer struct{ pos int }

// ok: crypto-primitive-method
func (l *lexer) Read(p []byte) (int, error) { return 0, nil }

var websocketGUID = []byte("258EAFA5-E914-47DA-95CA-C5AB0DC85B11")

func computeAcceptKey(challenge string) string {
	// ok: weak-hash-call
	h := sha1.New()
	h.Write([]byte(challenge))
	h.Write(websocketGUID)
	return base64.StdEncoding.EncodeToString(h.Sum(nil))
}

func nameBasedID(space uuid.UUID, name []byte) uuid.UUID {
	// ok: weak-hash-call
	return uuid.NewHash(sha1.New(), space, name, 5)
}

func signLegacy(secret, payload []byte) []byte {
	// expect: weak-hash-call
	h := sha1.New()
	h.Write(secret)
	h.Write(payload)
	return h.Sum(nil)
}
