// Package auth implements login and bearer-token checks for the shop API.
package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"
)

// ErrInvalidCredentials hides whether the email or the password was wrong.
var ErrInvalidCredentials = errors.New("invalid email or password")

type User struct {
	ID           int64
	Email        string
	PasswordHash []byte
}

type UserStore interface {
	ByEmail(email string) (*User, error)
}

type Server struct {
	Users      UserStore
	SigningKey []byte
	Issuer     string
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// Login checks the password and answers with a short-lived access token.
func (s *Server) Login(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	user, err := s.Users.ByEmail(strings.ToLower(req.Email))
	if err != nil || user == nil {
		http.Error(w, ErrInvalidCredentials.Error(), http.StatusUnauthorized)
		return
	}
	if err := bcrypt.CompareHashAndPassword(user.PasswordHash, []byte(req.Password)); err != nil {
		http.Error(w, ErrInvalidCredentials.Error(), http.StatusUnauthorized)
		return
	}
	token, err := s.issueToken(user)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"access_token": token})
}

func (s *Server) issueToken(user *User) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   fmt.Sprint(user.ID),
		Issuer:    s.Issuer,
		IssuedAt:  jwt.NewNumericDate(time.Now()),
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.SigningKey)
}

// ParseToken validates a bearer token and returns its subject.
func (s *Server) ParseToken(raw string) (string, error) {
	token, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return s.SigningKey, nil
	}, jwt.WithIssuer(s.Issuer), jwt.WithExpirationRequired())
	if err != nil {
		return "", err
	}
	return token.Claims.GetSubject()
}

// HashPassword is used at sign-up and on password change.
func HashPassword(plain string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(plain), 12)
}
