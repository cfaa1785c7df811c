// Examples for the go pack's security configuration rules.
package examples

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"golang.org/x/crypto/ssh"

	"github.com/gorilla/csrf"
	"github.com/rs/cors"
)

func serverTLS(cert tls.Certificate) *tls.Config {
	// expect: tls-config-literal
	return &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{cert},
	}
}

func legacyClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		// expect: tls-config-literal
		TLSClientConfig: &tls.Config{
			// expect: tls-verification-disabled
			InsecureSkipVerify: true,
			// expect: tls-legacy-version
			MinVersion: tls.VersionTLS10,
		},
	}}
}

func relax(cfg *tls.Config) {
	// expect: tls-verification-disabled
	cfg.InsecureSkipVerify = true
}

func legacyMaxVersion() *tls.Config {
	// expect: tls-config-literal
	return &tls.Config{
		// expect: tls-legacy-version
		MaxVersion: tls.VersionTLS11,
	}
}

func strict(cfg *tls.Config) {
	// ok: tls-verification-disabled
	cfg.InsecureSkipVerify = false
	// ok: tls-legacy-version
	cfg.MinVersion = tls.VersionTLS13
}

type ServerConfig struct {
	Addr       string
	MinVersion string
}

func plainConfig() ServerConfig {
	// ok: tls-config-literal
	return ServerConfig{
		Addr: ":8080",
		// ok: tls-legacy-version
		MinVersion: "1.4.2",
	}
}

func httpClient() *http.Client {
	// ok: tls-config-literal, tls-verification-disabled
	return &http.Client{Transport: http.DefaultTransport}
}

func protect(authKey []byte, h http.Handler) http.Handler {
	// expect: csrf-cors-middleware-call
	return csrf.Protect(authKey, csrf.Secure(true))(h)
}

func corsFor(h http.Handler) http.Handler {
	// expect: csrf-cors-middleware-call
	c := cors.New(cors.Options{
		// expect: csrf-cors-middleware-call
		AllowedOrigins: []string{"https://shop.example"},
		// expect: csrf-cors-middleware-call
		AllowCredentials: true,
	})
	return c.Handler(h)
}

func templateField(r *http.Request) string {
	// ok: csrf-cors-middleware-call
	return r.FormValue("gorilla.csrf.Token")
}

// expect: csrf-cors-middleware-call
func sameOrigin(a, b string) bool { return a == b }

func originHeader(r *http.Request) string {
	// ok: csrf-cors-middleware-call
	return r.Header.Get("Origin")
}

type parserOptions struct {
	skipClaimsValidation bool
	DisableCSRF          bool
	SkipBlankLines       bool
	pretty               bool
}

// expect: security-check-toggle
func withoutClaimsValidation(p *parserOptions) {
	// expect: security-check-toggle
	p.skipClaimsValidation = true
}

func devOptions() parserOptions {
	return parserOptions{
		// expect: security-check-toggle
		DisableCSRF: true,
		// ok: security-check-toggle
		SkipBlankLines: true,
	}
}

func prettyPrint(p *parserOptions) {
	// ok: security-check-toggle
	p.pretty = true
}

type probeConfig struct {
	skipHealthCheck bool
	noteAuthor      string
}

func probes(c *probeConfig) {
	// ok: security-check-toggle
	c.skipHealthCheck = true
	// ok: security-check-toggle
	c.noteAuthor = "ops"
}

// ---- peer-verification-setup -------------------------------------------------------------

func mtlsServer(caPEM []byte) *tls.Config {
	// expect: peer-verification-setup
	pool := x509.NewCertPool()
	// expect: peer-verification-setup
	pool.AppendCertsFromPEM(caPEM)
	// expect: tls-config-literal
	return &tls.Config{
		// expect: peer-verification-setup
		ClientCAs: pool,
		// expect: peer-verification-setup
		ClientAuth: tls.RequireAndVerifyClientCert,
	}
}

func sshClient(user string) *ssh.ClientConfig {
	return &ssh.ClientConfig{
		User: user,
		// expect: peer-verification-setup
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
	}
}

type PoolOptions struct {
	MaxIdle int
	Name    string
}

func dbPool() PoolOptions {
	// ok: peer-verification-setup
	return PoolOptions{
		// ok: peer-verification-setup
		MaxIdle: 4,
		Name:    "certs",
	}
}

// ---- security-headers: policy values --------------------------

func cspHeader(nonce string) string {
	// expect: security-headers
	return "default-src 'self'; script-src 'nonce-" + nonce + "'"
}

func hstsValue() string {
	// expect: security-headers
	return "max-age=63072000; includeSubDomains"
}

func cacheHeaders(w http.ResponseWriter) {
	// ok: security-headers
	w.Header().Set("Cache-Control", "max-age=3600")
}
