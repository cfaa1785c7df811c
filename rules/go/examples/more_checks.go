// Examples for the go pack's secret-comparison, otp-call, credential-change-definition and
// policy-enforcement-call rules.
package examples

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"net/http"
	"time"

	"github.com/casbin/casbin/v2"
	"github.com/pquerna/otp/totp"
)

func webhookOK(secret, body []byte, r *http.Request) bool {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	expectedMAC := m.Sum(nil)
	signature := []byte(r.Header.Get("X-Signature"))
	// expect: secret-comparison
	return bytes.Equal(signature, expectedMAC)
}

func apiKeyOK(r *http.Request, storedKey string) bool {
	apiKey := r.URL.Query().Get("key")
	// expect: secret-comparison
	return apiKey == storedKey
}

func sameBody(a, b []byte) bool {
	// ok: secret-comparison
	return bytes.Equal(a, b)
}

func isCloseToken(tok string) bool {
	// ok: secret-comparison
	return tok == ")"
}

func nextStep(secret string) bool {
	// ok: secret-comparison
	return secret == ""
}

func checkSecondFactor(code, secret string) bool {
	// expect: otp-call
	return totp.Validate(code, secret)
}

func enrolCode(secret string) (string, error) {
	// expect: otp-call
	return totp.GenerateCode(secret, time.Now())
}

func validateZip(code string) bool {
	// ok: otp-call
	return len(code) == 5
}

func formatCode(code string) string {
	// ok: otp-call
	return "#" + code
}

// expect: credential-change-definition
func ResetPassword(w http.ResponseWriter, r *http.Request) {}

// expect: credential-change-definition
func (a *Account) ChangePassword(old, next string) error { return nil }

// ok: credential-change-definition
func ResetCache(w http.ResponseWriter, r *http.Request) {}

// ok: credential-change-definition
func PasswordRules() []string { return []string{"12 characters"} }

func canEdit(e *casbin.Enforcer, user, doc string) (bool, error) {
	// expect: policy-enforcement-call
	return e.Enforce(user, doc, "edit")
}

func loadPolicy() (*casbin.Enforcer, error) {
	// expect: policy-enforcement-call
	return casbin.NewEnforcer("model.conf", "policy.csv")
}

func policyFile(dir string) string {
	// ok: policy-enforcement-call
	return dir + "/policy.csv"
}

func enforceTimeout(d time.Duration) time.Duration {
	// ok: policy-enforcement-call
	return d
}
