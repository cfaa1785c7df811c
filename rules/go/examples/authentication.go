// Examples for the go pack's authentication and credential-handling rules.
package examples

import (
	"crypto/subtle"
	"errors"
	"net/http"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/oauth2"
)

// ErrUnauthorized is an error value, not an authentication check.
var ErrUnauthorized = errors.New("unauthorized")

type Account struct {
	Email string
	Hash  []byte
}

// expect: authentication-definition
func Login(accounts map[string]Account, email string,
	// expect: credential-parameter
	password string) bool {
	acct, ok := accounts[email]
	if !ok {
		return false
	}
	// expect: password-hash-verify-call
	return bcrypt.CompareHashAndPassword(acct.Hash, []byte(password)) == nil
}

// expect: authentication-definition, credential-parameter
func (a Account) VerifyPassword(plainPassword string, pepper []byte) error {
	// expect: password-hash-verify-call
	return bcrypt.CompareHashAndPassword(a.Hash, append([]byte(plainPassword), pepper...))
}

// ok: authentication-definition, credential-parameter
func LoginURL(conf *oauth2.Config, state string) string {
	// ok: password-hash-verify-call
	return conf.AuthCodeURL(state)
}

// ok: authentication-definition
func (e *AuthError) Error() string { return e.Reason }

// AuthError is an error class (keyword bait).
type AuthError struct{ Reason string }

// ok: authentication-definition, credential-parameter
func LoginPage(w http.ResponseWriter, title string) {
	// ok: password-hash-verify-call
	_, _ = w.Write([]byte("<h1>" + title + "</h1>"))
}

// ok: credential-parameter
func cacheGet(cache map[string][]byte, key string) []byte { return cache[key] }

// ok: credential-parameter
func nextPage(cursor string, pageToken string) string { return cursor + pageToken }

// expect: authentication-definition
func RequireAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// expect: basic-auth-call
		user, pass, ok := r.BasicAuth()
		if !ok || subtle.ConstantTimeCompare([]byte(user+pass), []byte("x")) != 1 {
			http.Error(w, ErrUnauthorized.Error(), http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func callWarehouse(req *http.Request, user string,
	// expect: credential-parameter
	apiKey string) {
	// expect: basic-auth-call
	req.SetBasicAuth(user, apiKey)
}

func authHeaderName() string {
	// ok: basic-auth-call
	return "Authorization"
}

func hasAuthHeader(r *http.Request) bool {
	// ok: basic-auth-call
	return r.Header.Get("Authorization") != ""
}

// ok: credential-parameter
func setGPIO(pin int, high bool) bool { return pin > 0 && high }
