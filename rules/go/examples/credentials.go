// Examples for the go pack's credential rules.
package examples

type Credentials struct {
	Username string
	// expect: credential-field
	Password string `json:"-"`
	// expect: credential-field
	APIKey string
	// expect: credential-field
	JWTSecret []byte
	// ok: credential-field
	SecretaryName string
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
