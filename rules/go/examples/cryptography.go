// Examples for the go pack's cryptography rules: each marker applies to the next code line.
package examples

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/rc4"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/x509"
	"hash"
	"hash/crc32"
	"hash/fnv"
	"io"
	mrand "math/rand"
	"time"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/chacha20poly1305"
)

func legacySignature(body []byte) []byte {
	// expect: weak-hash-call
	sum := md5.Sum(body)
	return sum[:]
}

func apiKeyDigest(key string) []byte {
	// expect: weak-hash-call
	h := sha1.New()
	h.Write([]byte(key))
	return h.Sum(nil)
}

func etagFor(body []byte) string {
	// ok: weak-hash-call
	sum := md5.Sum(body)
	return string(sum[:])
}

func cacheKey(parts ...string) uint64 {
	// ok: weak-hash-call
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
	}
	return h.Sum64()
}

func checksumOf(body []byte) uint32 {
	// ok: weak-hash-call
	return crc32.ChecksumIEEE(body)
}

func strongDigest(body []byte) [32]byte {
	// ok: weak-hash-call
	return sha256.Sum256(body)
}

func legacyDecrypt(key []byte) (cipher.Block, error) {
	// expect: weak-cipher-call
	return des.NewTripleDESCipher(key)
}

func streamObfuscate(key []byte) {
	// expect: weak-cipher-call
	c, _ := rc4.NewCipher(key)
	_ = c
}

func modernBlock(key []byte) (cipher.Block, error) {
	// ok: weak-cipher-call
	// expect: symmetric-cipher-call
	return aes.NewCipher(key)
}

func sealField(block cipher.Block, plaintext []byte) ([]byte, error) {
	// expect: symmetric-cipher-call
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	// expect: secure-random-call
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, plaintext, nil), nil
}

func sealChaCha(key []byte) (cipher.AEAD, error) {
	// expect: symmetric-cipher-call
	return chacha20poly1305.NewX(key)
}

func checksumBlock(data []byte) uint32 {
	// ok: weak-cipher-call
	return crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli))
}

func fieldCipherName() string {
	// ok: symmetric-cipher-call
	return "AES-256-GCM"
}

func copyBlocks(dst, src io.Writer) {
	// ok: symmetric-cipher-call
	_ = io.MultiWriter(dst, src)
}

func webhookMAC(secretKey, body []byte) []byte {
	// expect: mac-call
	mac := hmac.New(sha256.New, secretKey)
	mac.Write(body)
	return mac.Sum(nil)
}

func signRequest(k, body []byte) []byte {
	// expect: mac-call
	m := hmac.New(sha256.New, k)
	m.Write(body)
	return m.Sum(nil)
}

func contentHash(body []byte) []byte {
	// ok: mac-call
	h := sha256.New()
	h.Write(body)
	return h.Sum(nil)
}

func lexerHash(tokens []string) uint64 {
	// ok: mac-call
	h := fnv.New64()
	for _, t := range tokens {
		h.Write([]byte(t))
	}
	return h.Sum64()
}

func macMatches(expected, got []byte) bool {
	// expect: constant-time-compare-call
	return hmac.Equal(expected, got)
}

func apiKeyMatches(stored, presented string) bool {
	// expect: constant-time-compare-call
	return subtle.ConstantTimeCompare([]byte(stored), []byte(presented)) == 1
}

func sameETag(a, b string) bool {
	// ok: constant-time-compare-call
	return a == b
}

func sameTokens(a, b []string) bool {
	// ok: constant-time-compare-call
	return len(a) == len(b)
}

func newResetToken() ([]byte, error) {
	b := make([]byte, 32)
	// expect: secure-random-call
	_, err := rand.Read(b)
	return b, err
}

func jitter() time.Duration {
	// ok: secure-random-call, insecure-random-for-secret
	return time.Duration(mrand.Intn(100)) * time.Millisecond
}

func shuffleProducts(ids []int) {
	// ok: secure-random-call, insecure-random-for-secret
	mrand.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
}

func generateSessionToken() string {
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 24)
	for i := range b {
		// expect: insecure-random-for-secret
		b[i] = letters[mrand.Intn(len(letters))]
	}
	return string(b)
}

func newOTP() int {
	// expect: insecure-random-for-secret
	return 100000 + mrand.Intn(900000)
}

func issuerKey() (*ecdsa.PrivateKey, error) {
	// expect: asymmetric-key-call, secure-random-call
	return ecdsa.GenerateKey(nil, rand.Reader)
}

func loadSigningKey(der []byte) (any, error) {
	// expect: asymmetric-key-call
	return x509.ParsePKCS8PrivateKey(der)
}

func loadCertificate(der []byte) (*x509.Certificate, error) {
	// ok: asymmetric-key-call
	return x509.ParseCertificate(der)
}

func primaryKeyOf(row map[string]int) int {
	// ok: asymmetric-key-call
	return row["id"]
}

func verifyRelease(pub *rsa.PublicKey, digest, sig []byte) error {
	// expect: signature-call
	return rsa.VerifyPKCS1v15(pub, 0, digest, sig)
}

func signReceipt(priv ed25519.PrivateKey, receipt []byte) []byte {
	// expect: signature-call
	return ed25519.Sign(priv, receipt)
}

func signOfBalance(balance int) int {
	// ok: signature-call
	if balance < 0 {
		return -1
	}
	return 1
}

func signUpURL(base string) string {
	// ok: signature-call
	return base + "/signup"
}

// expect: signing-definition
func VerifyWebhook(secret, payload []byte, header string) bool {
	return len(secret) > 0 && len(payload) > 0 && header != ""
}

type HS256 struct{}

// expect: signing-definition
func (HS256) Sign(signingString string, key interface{}) (string, error) {
	return signingString, nil
}

// ok: signing-definition
func SignUpHandler(name string, email string) string { return name + email }

// ok: signing-definition
func VerifyEmailFormat(address string) bool { return address != "" }

// expect: mac-call
func createMac(h hash.Hash, value []byte) []byte {
	h.Write(value)
	return h.Sum(nil)
}

// ok: mac-call
func isMacOS(platform string) bool { return platform == "darwin" }

func hashPassword(plain string) ([]byte, error) {
	// expect: password-hash-call
	return bcrypt.GenerateFromPassword([]byte(plain), 12)
}

func deriveKey(pass, salt []byte) []byte {
	// expect: password-hash-call
	return argon2.IDKey(pass, salt, 1, 64*1024, 4, 32)
}

func hashForShard(s string) uint32 {
	// ok: password-hash-call
	return crc32.ChecksumIEEE([]byte(s))
}

func passwordMinLength() int {
	// ok: password-hash-call
	return bcrypt.MinCost + 2
}
