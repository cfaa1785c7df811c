// Examples for the go pack's origin checks, cookie construction, signed-cookie codecs and CSRF
// token handling.
package examples

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/websocket"
)

type corsPolicy struct {
	allowedOrigins []string
}

func (p *corsPolicy) allowed(origin string) bool {
	for _, allowedOrigin := range p.allowedOrigins {
		// expect: origin-check
		if allowedOrigin == origin {
			return true
		}
	}
	return false
}

// expect: origin-check
func checkSameOrigin(r *http.Request) bool {
	// expect: origin-check
	origin := r.Header["Origin"]
	if len(origin) == 0 {
		return true
	}
	u, err := url.Parse(origin[0])
	if err != nil {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}

func (p *corsPolicy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// expect: origin-check
	origin := r.Header.Get("Origin")
	// expect: origin-check
	if !p.isOriginAllowed(origin) {
		return
	}
}

// expect: origin-check
func (p *corsPolicy) isOriginAllowed(origin string) bool { return p.allowed(origin) }

func upgrader() *websocket.Upgrader {
	// expect: csrf-cors-middleware-call
	return &websocket.Upgrader{CheckOrigin: func(r *http.Request) bool { return false }}
}

// ok: origin-check
func originURL(base string) string {
	// ok: origin-check
	return base + "/origin"
}

type point struct{ X, Y int }

// ok: origin-check
func parseOrigin(s string) point {
	// ok: origin-check
	acceptLang := headerValue("Accept-Language")
	_ = acceptLang
	return point{}
}

func headerValue(name string) string { return name }

// expect: cookie-construction
func sessionCookie(name, value string, maxAge int) *http.Cookie {
	// expect: cookie-construction
	cookie := &http.Cookie{Name: name, Value: value, Path: "/"}
	if maxAge < 0 {
		// expect: cookie-construction
		cookie.Expires = time.Unix(1, 0)
	}
	return cookie
}

func themeResponse(w http.ResponseWriter, theme string) {
	// ok: cookie-construction
	w.Header().Set("X-Theme", theme)
}

func expiryOf(entry *cacheItem) {
	// ok: cookie-construction
	entry.Expires = time.Now()
}

type cacheItem struct{ Expires time.Time }

type ginContext interface {
	SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool)
	SetSameSite(s http.SameSite)
}

func logout(c ginContext, secure bool) {
	// expect: cookie-security-flags
	c.SetSameSite(http.SameSiteStrictMode)
	// expect: cookie-set-call
	c.SetCookie("jwt", "", -1, "/", "", secure, true)
}

type codecStore struct {
	sc   *securecookie.SecureCookie
	name string
}

func (s *codecStore) Get(r *http.Request) ([]byte, error) {
	// expect: session-cookie-read
	cookie, err := r.Cookie("csrf_token")
	if err != nil {
		return nil, err
	}
	var token []byte
	// expect: signed-cookie-codec
	err = s.sc.Decode(s.name, cookie.Value, &token)
	return token, err
}

// expect: signed-cookie-codec
func encodeAll(name string, value interface{}, codecs ...securecookie.Codec) (string, error) {
	for _, codec := range codecs {
		// expect: signed-cookie-codec
		if encoded, err := codec.Encode(name, value); err == nil {
			return encoded, nil
		}
	}
	return "", nil
}

// ok: csrf-token-handling
func nextToken(src string) (string, string) {
	return src, ""
}

// ok: csrf-token-handling
func readToken(lexer []string) string { return "" }

// expect: csrf-token-handling
func xorToken(a, b []byte) []byte {
	out := make([]byte, len(a))
	for i := range a {
		out[i] = a[i] ^ b[i]
	}
	return out
}

// expect: csrf-token-handling
func unmaskCSRFToken(issued []byte) []byte {
	// expect: token-variable
	otp := issued[32:]
	return xorToken(otp, issued[:32])
}

type csrfGuard struct{ header string }

// expect: csrf-token-handling
func (g *csrfGuard) requestToken(r *http.Request) string {
	return r.Header.Get(g.header)
}

// ok: csrf-token-handling
func (g *csrfGuard) Error() string { return "forbidden" }

// Allowed-host checks.

func hostOK(allowedHosts []string, r *http.Request) bool {
	for _, allowedHost := range allowedHosts {
		// expect: origin-check
		if strings.EqualFold(allowedHost, r.Host) {
			return true
		}
	}
	// expect: origin-check
	return canonicalHost == r.Host
}

var canonicalHost = "shop.example"

func sameFile(a, b string) bool {
	// ok: origin-check
	return strings.EqualFold(a, b)
}
