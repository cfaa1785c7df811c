// Examples for the go pack's credential rules.
package examples

import "os"

const (
	// expect: hardcoded-secret
	awsKeyID = "AKIAIOSFODNN7EXAMPLE"
	// ok: hardcoded-secret
	sessionCookieName = "shop_session"
)

// expect: hardcoded-secret
var stripeSecretKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"

// ok: hardcoded-secret
const csrfHeaderName = "X-CSRF-Token"

func signingSecret() string {
	// ok: hardcoded-secret
	return os.Getenv("SIGNING_SECRET")
}

type Credentials struct {
	Username string
	// expect: credential-field
	Password string `json:"-"`
	// expect: credential-field
	APIKey string
	// ok: credential-field
	CacheKey string
	// ok: credential-field
	NextPageToken string
	// ok: credential-field
	PasswordMinLength int
}

type Lexer2 struct {
	// ok: credential-field
	Tokens []string
	// expect: credential-field
	RefreshToken string
}
