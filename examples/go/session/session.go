// Package session keeps the signed-in customer's cookie session.
package session

import (
	"net/http"
	"os"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
)

const cookieName = "shop_session"

type Manager struct {
	store *sessions.CookieStore
}

// NewManager reads the hash and block keys from the environment.
func NewManager() *Manager {
	hashKey := []byte(os.Getenv("SESSION_HASH_KEY"))
	blockKey := []byte(os.Getenv("SESSION_BLOCK_KEY"))
	if len(hashKey) == 0 {
		hashKey = securecookie.GenerateRandomKey(64)
		blockKey = securecookie.GenerateRandomKey(32)
	}
	store := sessions.NewCookieStore(hashKey, blockKey)
	store.Options = &sessions.Options{
		Path:     "/",
		MaxAge:   8 * 60 * 60,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	}
	return &Manager{store: store}
}

// SignIn stores the user id in a fresh session.
func (m *Manager) SignIn(w http.ResponseWriter, r *http.Request, userID int64) error {
	sess, err := m.store.Get(r, cookieName)
	if err != nil {
		return err
	}
	sess.Values["user_id"] = userID
	return sess.Save(r, w)
}

// UserID returns the signed-in user, or false.
func (m *Manager) UserID(r *http.Request) (int64, bool) {
	sess, err := m.store.Get(r, cookieName)
	if err != nil {
		return 0, false
	}
	id, ok := sess.Values["user_id"].(int64)
	return id, ok
}

// SignOut expires the cookie.
func (m *Manager) SignOut(w http.ResponseWriter, r *http.Request) error {
	sess, err := m.store.Get(r, cookieName)
	if err != nil {
		return err
	}
	sess.Options.MaxAge = -1
	return sess.Save(r, w)
}
