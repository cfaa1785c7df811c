// Examples for kinds added to existing rules: HOTP truncation, framework auth and CSRF
// middleware, key agreement, math/rand byte helpers and nonce-only URL options.
package examples

import (
	"crypto/ecdh"
	"encoding/binary"
	"math/rand"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/crypto/curve25519"
	"golang.org/x/oauth2"
)

func truncate(sum []byte, digits int) uint32 {
	// expect: otp-call
	offset := sum[len(sum)-1] & 0xf
	return binary.BigEndian.Uint32(sum[offset:]) & 0x7fffffff
}

func lowNibble(b []byte) byte {
	// ok: otp-call
	return b[0] & 0xf
}

func adminRoutes(r *gin.Engine) {
	// expect: basic-auth-call
	r.Group("/admin", gin.BasicAuth(gin.Accounts{"admin": "x"}))
	// ok: basic-auth-call
	r.Group("/public", gin.Logger())
}

func echoMiddleware(e Echo) {
	// expect: basic-auth-call
	e.Use(middleware.KeyAuth(validateKey))
	// expect: csrf-cors-middleware-call
	e.Use(middleware.CSRF())
	// ok: csrf-cors-middleware-call
	e.Use(middleware.Logger())
}

func shared(priv *ecdh.PrivateKey, peer *ecdh.PublicKey) ([]byte, error) {
	// expect: asymmetric-key-call
	return priv.ECDH(peer)
}

func x25519(scalar, point []byte) ([]byte, error) {
	// expect: asymmetric-key-call
	return curve25519.X25519(scalar, point)
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		// expect: insecure-random-for-secret
		b[i] = byte(rand.Intn(256))
	}
	return b
}

func shuffleColours(c []string) {
	// ok: insecure-random-for-secret
	rand.Shuffle(len(c), func(i, j int) { c[i], c[j] = c[j], c[i] })
}

// ok: crypto-input-parameter
func Nonce(nonce string) oauth2.AuthCodeOption {
	return oauth2.SetAuthURLParam("nonce", nonce)
}
