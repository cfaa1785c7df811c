// Examples for the go pack's session and token rules.
package examples

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
	"golang.org/x/oauth2"
)

type TokenService struct {
	key    []byte
	parser *jwt.Parser
}

func (s *TokenService) Subject(raw string) (string, error) {
	// expect: jwt-parse-call
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected method %v", t.Header["alg"])
		}
		return s.key, nil
		// expect: jwt-verification-option
	}, jwt.WithExpirationRequired())
	if err != nil {
		return "", err
	}
	return tok.Claims.GetSubject()
}

// expect: jwt-claims-parameter
func (s *TokenService) Claims(raw string) (*jwt.RegisteredClaims, error) {
	claims := &jwt.RegisteredClaims{}
	// expect: jwt-parse-call
	_, err := s.parser.ParseWithClaims(raw, claims, func(*jwt.Token) (interface{}, error) { return s.key, nil })
	return claims, err
}

func parseDuration(raw string) (time.Duration, error) {
	// ok: jwt-parse-call
	return time.ParseDuration(raw)
}

func lexTokens(src string) []string {
	// ok: jwt-parse-call
	return []string{src}
}

func (s *TokenService) Issue(subject string) (string, error) {
	// expect: jwt-sign-call
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: subject})
	// expect: jwt-sign-call
	return t.SignedString(s.key)
}

func newTokenizer(src string) []string {
	// ok: jwt-sign-call
	return append([]string{}, src)
}

func signedURL(path string) string {
	// ok: jwt-sign-call
	return path + "?signed=1"
}

func debugToken(subject string) (string, error) {
	// expect: jwt-unsigned-token, jwt-sign-call
	t := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": subject})
	// expect: jwt-unsigned-token, jwt-sign-call
	return t.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func hsMethod() jwt.SigningMethod {
	// ok: jwt-unsigned-token
	return jwt.SigningMethodHS256
}

func noneOption(r *http.Request) string {
	// ok: jwt-unsigned-token
	return r.URL.Query().Get("none")
}

type AccessClaims struct {
	Expires time.Time
}

// expect: token-claims-validation
func (c AccessClaims) Valid() error {
	if time.Now().After(c.Expires) {
		return fmt.Errorf("token expired")
	}
	return nil
}

type CSRFToken struct{ value string }

// expect: token-claims-validation
func (t *CSRFToken) Verify(presented string) bool { return t.value != "" && presented != "" }

type Date struct{ Y, M, D int }

// ok: token-claims-validation
func (d Date) Valid() bool { return d.M >= 1 && d.M <= 12 }

type Lexer struct{ pos int }

// ok: token-claims-validation
func (l *Lexer) Check() bool { return l.pos >= 0 }

// expect: jwt-claims-parameter
func keyFor(t *jwt.Token, keys map[string][]byte, fallback jwt.Keyfunc) (interface{}, error) {
	return fallback(t)
}

// expect: jwt-claims-parameter
func audienceOf(claims jwt.MapClaims) string {
	aud, _ := claims["aud"].(string)
	return aud
}

// ok: jwt-claims-parameter
func countTokens(tokens []string, limit int) int { return len(tokens) + limit }

// ok: jwt-claims-parameter
func cursorFor(page int, cursor string) string { return fmt.Sprint(page) + cursor }

func callback(ctx context.Context, conf *oauth2.Config, code string) (*oauth2.Token, error) {
	// expect: oauth2-token-call
	return conf.Exchange(ctx, code)
}

func client(ctx context.Context, conf *oauth2.Config, tok *oauth2.Token) *http.Client {
	// expect: oauth2-token-call
	src := conf.TokenSource(ctx, tok)
	// expect: oauth2-token-call
	return oauth2.NewClient(ctx, src)
}

func providerConfig(id string) *oauth2.Config {
	return &oauth2.Config{
		ClientID: id,
		// expect: oauth2-token-call
		ClientSecret: lookupSecret("oauth"),
		Scopes:       []string{"openid"},
	}
}

func lookupSecret(name string) string { return name }

func startLogin(w http.ResponseWriter, r *http.Request, conf *oauth2.Config) {
	// ok: oauth2-token-call
	http.Redirect(w, r, conf.AuthCodeURL("state", oauth2.AccessTypeOffline), http.StatusFound)
}

func withTx(db *sql.DB) error {
	// ok: oauth2-token-call, session-store-call
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	return tx.Commit()
}

func newStore(hashKey, blockKey []byte) *sessions.CookieStore {
	// expect: session-store-call
	return sessions.NewCookieStore(hashKey, blockKey)
}

func codec() *securecookie.SecureCookie {
	// expect: session-store-call, session-store-call
	return securecookie.New(securecookie.GenerateRandomKey(64), securecookie.GenerateRandomKey(32))
}

func dbSession(db *sql.DB) (*sql.Conn, error) {
	// ok: session-store-call
	return db.Conn(context.Background())
}

func sessionCookie(value string) *http.Cookie {
	return &http.Cookie{
		Name:  "sid",
		Value: value,
		Path:  "/",
		// expect: cookie-security-flags
		HttpOnly: true,
		// expect: cookie-security-flags
		Secure: true,
		// expect: cookie-security-flags
		SameSite: http.SameSiteLaxMode,
	}
}

func harden(store *sessions.CookieStore) {
	// expect: cookie-security-flags
	store.Options.Secure = true
}

func themeCookie(w http.ResponseWriter, theme string) {
	// ok: cookie-security-flags
	c := &http.Cookie{Name: "theme", Value: theme, MaxAge: 3600}
	// expect: cookie-set-call
	http.SetCookie(w, c)
}

func cacheHeaders(w http.ResponseWriter, etag string) {
	// ok: cookie-security-flags, cookie-set-call
	w.Header().Set("ETag", etag)
	// ok: cookie-set-call
	w.Header().Set("Cache-Control", "max-age=60")
}

func clearSession(w http.ResponseWriter) {
	// expect: cookie-set-call
	http.SetCookie(w, &http.Cookie{Name: "sid", MaxAge: -1})
}

// expect: token-verification-definition
func verifyExp(exp *time.Time, now time.Time, required bool) bool {
	if exp == nil {
		return !required
	}
	return now.Before(*exp)
}

// expect: token-verification-definition
func (p *TokenService) ParseUnverified(raw string) ([]string, error) { return []string{raw}, nil }

// ok: token-verification-definition
func checkTokens(tokens []string) bool { return len(tokens) > 0 }

// ok: token-verification-definition
func validateTokenizerConfig(mode string) bool { return mode == "words" }

type verifier struct {
	validMethods []string
	leeway       time.Duration
}

func WithValidMethods(methods []string) func(*verifier) {
	return func(v *verifier) {
		// expect: jwt-verification-option
		v.validMethods = methods
	}
}

func strictParser() *jwt.Parser {
	// expect: jwt-verification-option, jwt-parse-call
	return jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
}

func pageSize(v *verifier) int {
	// ok: jwt-verification-option
	limit := 50
	return limit
}

func retryDelay(v *verifier) time.Duration {
	// ok: jwt-verification-option
	delay := 2 * time.Second
	return delay
}

func bearer(r *http.Request) string {
	// expect: auth-header-access
	h := r.Header.Get("Authorization")
	return strings.TrimPrefix(h, "Bearer ")
}

func (t *oauthToken) SetAuthHeader(r *http.Request) {
	// expect: auth-header-access
	r.Header.Set("Authorization", "Bearer "+t.AccessToken)
}

type oauthToken struct{ AccessToken string }

func etagHeader(r *http.Request) string {
	// ok: auth-header-access
	return r.Header.Get("If-None-Match")
}

func contentType(w http.ResponseWriter) {
	// ok: auth-header-access
	w.Header().Set("Content-Type", "application/json")
}

func rotate(store map[string]string, user string) {
	// expect: token-variable
	refreshToken := user + "-r"
	// expect: token-variable
	csrfToken := user + "-c"
	store[refreshToken] = csrfToken
}

func lex(src string) []string {
	// ok: token-variable
	nextToken := strings.Fields(src)
	// ok: token-variable
	pageToken := ""
	return append(nextToken, pageToken)
}
