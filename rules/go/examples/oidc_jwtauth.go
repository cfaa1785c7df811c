// Examples for the go pack's OIDC verifier and go-chi/jwtauth recognition.
package examples

import (
	"context"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/jwtauth/v5"
)

func idTokenVerifier(ctx context.Context, issuer, clientID string) (*oidc.IDTokenVerifier, error) {
	// expect: jwt-parse-call
	provider, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return nil, err
	}
	// expect: jwt-verification-option
	return provider.Verifier(&oidc.Config{ClientID: clientID}), nil
}

func protectedRoutes(r chi.Router, tokenAuth *jwtauth.JWTAuth) {
	// expect: jwt-parse-call
	r.Use(jwtauth.Verifier(tokenAuth))
	// expect: jwt-parse-call
	r.Use(jwtauth.Authenticator(tokenAuth))
}

func routeConfig() chi.Router {
	// ok: jwt-verification-option
	cfg := &Config{Name: "router"}
	_ = cfg
	// ok: jwt-parse-call
	return chi.NewRouter()
}

type Config struct{ Name string }

func providerName(p *oidcProviderInfo) string {
	// ok: jwt-verification-option
	return p.Config.Name
}

type oidcProviderInfo struct{ Config Config }

func devVerifier(provider *oidc.Provider) *oidc.IDTokenVerifier {
	// expect: jwt-verification-option
	return provider.Verifier(&oidc.Config{SkipClientIDCheck: true})
}
