// Examples for the go pack's HTTP authentication wrappers, credential providers and
// browser/host security-policy rules.
package examples

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"regexp"
	"strings"
)

type Lexer struct{ kind string }

type Token struct{ TokenType string }

// ---- auth-scheme-check -------------------------------------------------------------------

func bearerFrom(r *http.Request) string {
	h := r.Header.Get("X-Upstream")
	// expect: auth-scheme-check
	if !strings.HasPrefix(h, "Bearer ") {
		return ""
	}
	return h[7:]
}

func basicPair(header string) (string, string, bool) {
	parts := strings.SplitN(header, " ", 2)
	// expect: auth-scheme-check
	if len(parts) != 2 || parts[0] != "Basic" {
		return "", "", false
	}
	raw, err := base64.StdEncoding.DecodeString(parts[1])
	if err != nil {
		return "", "", false
	}
	user, pass, ok := strings.Cut(string(raw), ":")
	return user, pass, ok
}

func tokenKind(t Token) string {
	// ok: auth-scheme-check
	if strings.EqualFold(t.TokenType, "bearer") {
		return "Bearer"
	}
	return t.TokenType
}

func planLabel(plan string) string {
	// ok: auth-scheme-check
	if plan == "basic" {
		return "Basic plan"
	}
	return "Pro plan"
}

func (l *Lexer) isKeyword(word string) bool {
	// ok: auth-scheme-check
	return strings.HasPrefix(word, "let ")
}

// ---- auth-gate-call, auth-middleware-definition -------------------------------------------

type BasicAuth struct {
	Realm   string
	Secrets SecretProvider
}

type SecretProvider func(user, realm string) string

func (a *BasicAuth) CheckAuth(r *http.Request) string { return "" }

func (a *BasicAuth) challenge(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Basic realm="`+a.Realm+`"`)
	w.WriteHeader(http.StatusUnauthorized)
}

// expect: auth-middleware-definition
func (a *BasicAuth) Wrap(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// expect: auth-gate-call
		if user := a.CheckAuth(r); user == "" {
			a.challenge(w)
			return
		}
		next(w, r)
	}
}

type Session struct{ UserID string }

func (s *Session) IsAuthenticated() bool { return s.UserID != "" }

func dashboard(s *Session, w http.ResponseWriter) {
	// expect: auth-gate-call
	if !s.IsAuthenticated() {
		http.Error(w, "login required", http.StatusUnauthorized)
		return
	}
	_, _ = w.Write([]byte("hello"))
}

type Authenticator interface {
	Wrap(http.HandlerFunc) http.HandlerFunc
}

// expect: auth-middleware-definition
func Protected(auth Authenticator, h http.HandlerFunc) http.HandlerFunc {
	return auth.Wrap(h)
}

// expect: auth-middleware-definition
func RequireAPIKey(next http.Handler) http.Handler {
	return next
}

// Logging and compression wrappers return handlers too (bait).
// ok: auth-middleware-definition
func WithLogging(next http.Handler) http.Handler {
	// ok: auth-gate-call
	logRequest(next)
	return next
}

func logRequest(h http.Handler) {}

type Author struct{ Name string }

// ok: auth-middleware-definition
func (a *Author) Handler() http.Handler { return http.NotFoundHandler() }

// ok: auth-gate-call
func (l *Lexer) checkAuthorName(name string) bool { return l.isKeyword(name) }

// ---- credential-provider ----------------------------------------------------------------

// expect: credential-provider
func HtpasswdProvider(path string) SecretProvider {
	users := map[string]string{}
	return func(user, realm string) string { return users[user] }
}

// expect: credential-provider
func NewAuthenticator(realm string, secrets SecretProvider) *BasicAuth {
	return &BasicAuth{Realm: realm, Secrets: secrets}
}

type CacheProvider func(key string) []byte

// ok: credential-provider
func MemoryCache(entries map[string][]byte) CacheProvider {
	return func(key string) []byte { return entries[key] }
}

// ok: credential-provider
func etagFor(body []byte) string { return base64.StdEncoding.EncodeToString(body[:8]) }

// ---- password-hash-format ----------------------------------------------------------------

type CryptEntry struct{ Magic, Salt, Hash []byte }

func parseCryptEntry(e string) *CryptEntry {
	// expect: password-hash-format
	parts := strings.SplitN(e, "$", 4)
	if len(parts) != 4 {
		return nil
	}
	return &CryptEntry{Magic: []byte(parts[1]), Salt: []byte(parts[2]), Hash: []byte(parts[3])}
}

func isLegacySHA(stored []byte) bool {
	// expect: password-hash-format
	return bytes.HasPrefix(stored, []byte("{SHA}"))
}

func isApacheMD5(stored string) bool {
	// expect: password-hash-format
	return strings.HasPrefix(stored, "$apr1$")
}

var backref = regexp.MustCompile(`(\w+)-(\w+)`)

func swapWords(s string) string {
	// ok: password-hash-format
	return backref.ReplaceAllString(s, "$2$1")
}

func priceParts(s string) []string {
	// ok: password-hash-format
	return strings.Split(s, ",")
}

// ---- request-tls-detection ----------------------------------------------------------------

func isHTTPS(r *http.Request, trustProxy bool) bool {
	// expect: request-tls-detection
	if r.TLS != nil {
		return true
	}
	// expect: request-tls-detection
	return trustProxy && r.Header.Get("X-Forwarded-Proto") == "https"
}

func redirectToHTTPS(w http.ResponseWriter, r *http.Request, host string) {
	u := *r.URL
	// expect: request-tls-detection
	u.Scheme = "https"
	u.Host = host
	http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
}

func docsLink(r *http.Request) string {
	// ok: request-tls-detection
	if r.URL.Path == "/https" {
		return "/docs/tls"
	}
	// ok: request-tls-detection
	return r.Header.Get("X-Request-Id")
}

// ---- security-policy-field, wildcard-origin-match -----------------------------------------

type corsRules struct {
	allowedMethods   []string
	allowedHeaders   []string
	allowCredentials bool
	Debug            bool
}

func (c *corsRules) methodAllowed(method string) bool {
	// expect: security-policy-field
	for _, m := range c.allowedMethods {
		if m == method {
			return true
		}
	}
	return false
}

type SecureOptions struct {
	AllowedHosts          []string
	ContentSecurityPolicy string
	PageSize              int
}

func hostAllowed(o SecureOptions, host string) bool {
	// expect: security-policy-field
	for _, h := range o.AllowedHosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

func pageSize(o SecureOptions, c *corsRules) int {
	// ok: security-policy-field
	if c.Debug {
		return 10
	}
	// ok: security-policy-field
	return o.PageSize
}

type wildcardOrigin struct{ prefix, suffix string }

func (w wildcardOrigin) match(origin string) bool {
	// expect: wildcard-origin-match
	ok := len(origin) >= len(w.prefix)+len(w.suffix) && strings.HasPrefix(origin, w.prefix)
	// expect: wildcard-origin-match
	return ok && strings.HasSuffix(origin, w.suffix)
}

func sameSite(host string) bool {
	// expect: wildcard-origin-match
	return strings.HasSuffix(host, ".shop.example")
}

func isImage(filename string) bool {
	// ok: wildcard-origin-match
	return strings.HasSuffix(filename, ".png")
}

type pathPattern struct{ prefix string }

func (p pathPattern) match(path string) bool {
	// ok: wildcard-origin-match
	return strings.HasPrefix(path, p.prefix)
}
