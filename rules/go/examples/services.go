// Examples for passkeys and SAML, secret managers, webhooks, payments, identity resolution,
// session identity and digests of secrets.
package examples

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/crewjam/saml/samlsp"
	"github.com/go-webauthn/webauthn/webauthn"
	"github.com/gorilla/sessions"
	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/refund"
	"github.com/stripe/stripe-go/v76/webhook"
)

func passkeyLogin(w *webauthn.WebAuthn, user webauthn.User, r *http.Request) error {
	// expect: webauthn-saml-call
	_, err := w.FinishLogin(user, sessionData(r), r)
	return err
}

func newPasskeys(cfg *webauthn.Config) (*webauthn.WebAuthn, error) {
	// expect: webauthn-saml-call
	return webauthn.New(cfg)
}

func samlMiddleware(opts samlsp.Options) (*samlsp.Middleware, error) {
	// expect: webauthn-saml-call
	return samlsp.New(opts)
}

func parseConfig(data []byte) (Config, error) {
	// ok: webauthn-saml-call
	return ParseConfig(data)
}

func pageOne() string {
	// ok: webauthn-saml-call
	return renderLoginPage("welcome")
}

func dbPassword(ctx context.Context, c *secretsmanager.Client, id string) (string, error) {
	// expect: secret-manager-call
	out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: &id})
	if err != nil {
		return "", err
	}
	return *out.SecretString, nil
}

func gcpSecret(ctx context.Context, c SecretClient, name string) ([]byte, error) {
	// expect: secret-manager-call
	resp, err := c.AccessSecretVersion(ctx, name)
	return resp, err
}

func readConfigValue(cfg map[string]string) string {
	// ok: secret-manager-call
	return cfg["secret_name"]
}

func decodeBody(d Decoder, b []byte) error {
	// ok: secret-manager-call
	return d.Decrypt(b)
}

func stripeEvent(payload []byte, sig, secret string) (stripe.Event, error) {
	// expect: webhook-signature-call
	return webhook.ConstructEvent(payload, sig, secret)
}

func githubEvent(r *http.Request, secret []byte) ([]byte, error) {
	// expect: webhook-signature-call
	return github.ValidatePayload(r, secret)
}

func buildEvent(name string) Event {
	// ok: webhook-signature-call
	return NewEvent(name)
}

func registerHook(mux *http.ServeMux) {
	// ok: webhook-signature-call
	mux.HandleFunc("/webhooks/stripe", nil)
}

func refundOrder(o Order) error {
	// expect: payment-operation-call
	stripe.Key = o.APIKey
	// expect: payment-operation-call
	_, err := refund.New(&stripe.RefundParams{PaymentIntent: stripe.String(o.PaymentID)})
	return err
}

func orderTotal(o Order) int64 {
	// ok: payment-operation-call
	o.Key = "total"
	// ok: payment-operation-call
	return sum(o.Lines)
}

// expect: principal-resolution-definition
func GetUserRoles(ctx context.Context, userID string) ([]string, error) { return nil, nil }

// expect: principal-resolution-definition
func UserFromContext(ctx context.Context) (*User, bool) { return nil, false }

// expect: principal-resolution-definition
func (a *Authz) CurrentUser(r *http.Request) *User { return nil }

// ok: principal-resolution-definition
func ListRolesPage(cursor string) []string { return nil }

// ok: principal-resolution-definition
func GetUserAvatar(ctx context.Context, userID string) string { return "" }

func login(store *sessions.CookieStore, w http.ResponseWriter, r *http.Request, uid string) error {
	sess, _ := store.Get(r, "app")
	// expect: session-identity-access
	sess.Values["user_id"] = uid
	// ok: session-identity-access
	sess.Values["theme"] = "dark"
	return sess.Save(r, w)
}

func (app *App) afterLogin(ctx context.Context, uid int) error {
	// expect: session-identity-access
	if err := app.sessionManager.RenewToken(ctx); err != nil {
		return err
	}
	// expect: session-identity-access
	app.sessionManager.Put(ctx, "authenticatedUserID", uid)
	// ok: session-identity-access
	app.cache.Put(ctx, "user_id", uid)
	return nil
}

func storeAPIKey(apiKey string) []byte {
	// expect: secret-digest-call
	sum := sha256.Sum256([]byte(apiKey))
	return sum[:]
}

func hashResetToken(t Token) [32]byte {
	// expect: secret-digest-call
	return sha256.Sum256(t.ResetToken)
}

func contentETag(body []byte) [32]byte {
	// ok: secret-digest-call
	return sha256.Sum256(body)
}

func cacheKey(parts string) [32]byte {
	// ok: secret-digest-call
	return sha256.Sum256([]byte(parts))
}

func chainCheck(cert, issuer *x509.Certificate) error {
	// expect: signature-call
	return cert.CheckSignatureFrom(issuer)
}
