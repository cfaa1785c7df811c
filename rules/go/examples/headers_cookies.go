// Examples for the go pack's security-headers, session-cookie-read and admin-only checks.
package examples

import (
	"net/http"

	"github.com/unrolled/secure"
)

func hardening(w http.ResponseWriter) {
	// expect: security-headers
	w.Header().Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
	// expect: security-headers
	w.Header().Set("Content-Security-Policy", "default-src 'self'")
	// ok: security-headers
	w.Header().Set("Cache-Control", "no-store")
}

func secureMiddleware() *secure.Secure {
	// expect: security-headers
	return secure.New(secure.Options{FrameDeny: true})
}

func etagged(w http.ResponseWriter, etag string) {
	// ok: security-headers
	w.Header().Set("ETag", etag)
}

func currentSession(r *http.Request) (string, error) {
	// expect: session-cookie-read
	c, err := r.Cookie("session_id")
	if err != nil {
		return "", err
	}
	return c.Value, nil
}

func refreshCookie(r *http.Request) string {
	// expect: session-cookie-read
	c, _ := r.Cookie("refresh_token")
	return c.Value
}

func themeCookie(r *http.Request) string {
	// ok: session-cookie-read
	c, _ := r.Cookie("theme")
	return c.Value
}

func localeCookie(r *http.Request) string {
	// ok: session-cookie-read
	c, _ := r.Cookie("locale")
	return c.Value
}
