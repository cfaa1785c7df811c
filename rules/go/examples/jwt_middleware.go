// Examples for the go pack's JWT middleware kinds: claims, algorithms and key loading through a
// package imported as `jwt` from a path ending in jwt-go.
package examples

import (
	"errors"
	"os"
	"time"

	"github.com/dgrijalva/jwt-go"
)

type AuthMiddleware struct {
	Algorithm string
	Key       []byte
	Timeout   time.Duration
	pubKeyPEM string
}

func (m *AuthMiddleware) init() error {
	if m.Algorithm == "" {
		// expect: jwt-algorithm-choice
		m.Algorithm = "HS256"
	}
	if m.Timeout == 0 {
		m.Timeout = time.Hour
	}
	return nil
}

func (m *AuthMiddleware) issue(subject string) (string, error) {
	// expect: jwt-sign-call, jwt-algorithm-choice
	tok := jwt.New(jwt.GetSigningMethod(m.Algorithm))
	claims := tok.Claims.(jwt.MapClaims)
	// expect: jwt-claim-access
	claims["exp"] = time.Now().Add(m.Timeout).Unix()
	// expect: jwt-claim-access
	claims["sub"] = subject
	// expect: jwt-sign-call
	return tok.SignedString(m.Key)
}

func (m *AuthMiddleware) parse(raw string) (*jwt.Token, error) {
	// expect: jwt-parse-call
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		// expect: jwt-algorithm-choice
		if jwt.GetSigningMethod(m.Algorithm) != t.Method {
			return nil, errors.New("unexpected signing method")
		}
		return m.Key, nil
	})
}

func expired(claims jwt.MapClaims, now time.Time) bool {
	// expect: jwt-claim-access
	return int64(claims["exp"].(float64)) < now.Unix()
}

func registered(subject string) *jwt.StandardClaims {
	return &jwt.StandardClaims{
		Subject: subject,
		// expect: jwt-claim-access
		ExpiresAt: time.Now().Add(15 * time.Minute).Unix(),
	}
}

func (m *AuthMiddleware) publicKey() error {
	data, err := os.ReadFile(m.pubKeyPEM)
	if err != nil {
		return err
	}
	// expect: key-loading-call
	_, err = jwt.ParseRSAPublicKeyFromPEM(data)
	return err
}

func (m *AuthMiddleware) readKeys() error {
	// expect: key-loading-call
	return m.publicKey()
}

func metrics(values map[string]float64, payload map[string]string) float64 {
	// ok: jwt-claim-access
	n := values["exp"]
	// ok: jwt-claim-access
	_ = payload["name"]
	return n
}

func cacheEntry(entries map[string]time.Time, key string) time.Time {
	// ok: jwt-claim-access
	return entries[key]
}

func chartLabel() string {
	// ok: jwt-algorithm-choice
	return "HS256 chart"
}

func cipherSuiteName() string {
	// ok: jwt-algorithm-choice
	return "AES256"
}

func tokenizer(src string) []string {
	// ok: jwt-parse-call
	return lexTokens(src)
}

func lexTokens(src string) []string { return nil }

func (m *AuthMiddleware) keyCount(keys map[string]string) int {
	// ok: key-loading-call
	return len(m.keysOf(keys))
}

func (m *AuthMiddleware) keysOf(keys map[string]string) []string { return nil }

type jsonCodec struct{}

func (jsonCodec) Decode(data []byte, v interface{}) error { return nil }

func decodeBody(r *http.Request, dst interface{}) error {
	dec := jsonCodec{}
	// ok: signed-cookie-codec
	return dec.Decode(nil, dst)
}

// ok: signed-cookie-codec
func marshalAll(values []string, codecName string) string { return codecName }
