module example.com/shop

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/gorilla/securecookie v1.1.2
	github.com/gorilla/sessions v1.2.2
	golang.org/x/crypto v0.24.0
)
