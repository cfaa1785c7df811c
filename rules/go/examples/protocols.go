// Examples for directory binds, protocol authentication, TLS set-up and key sets.
package examples

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/smtp"

	"github.com/Azure/go-ntlmssp"
	"github.com/gin-gonic/gin"
	"github.com/go-jose/go-jose/v4"
	"github.com/go-ldap/ldap/v3"
	"github.com/jcmturner/gokrb5/v8/client"
	"golang.org/x/crypto/ssh"
)

type DirConn struct{ isTLS bool }

// expect: directory-bind-authentication
func (l *DirConn) SimpleBind(req *SimpleBindRequest) error {
	if req.Password == "" && !req.AllowEmptyPassword {
		return errors.New("empty password")
	}
	return nil
}

// expect: directory-bind-authentication
func (l *DirConn) NTLMBindWithHash(domain, username, hash string) error { return nil }

// expect: directory-bind-authentication
func (l *DirConn) Bind(username, password string) error { return nil }

// ok: directory-bind-authentication
func (h *Handler) Bind(c *gin.Context, form any) error { return c.Bind(form) }

type Handler struct{}

type SimpleBindRequest struct {
	Username           string
	Password           string
	AllowEmptyPassword bool
}

// expect: directory-bind-authentication
func (req *SimpleBindRequest) appendTo(buf []byte) []byte {
	return append(append(buf, req.Username...), req.Password...)
}

// ok: directory-bind-authentication
func (req *SimpleBindRequest) String() string { return req.Username }

// expect: directory-bind-authentication
func (l *DirConn) UnauthenticatedBind(username string) error {
	req := &SimpleBindRequest{
		Username: username,
		// expect: directory-bind-authentication
		AllowEmptyPassword: true,
	}
	// expect: directory-bind-authentication
	return l.SimpleBind(req)
}

func loginWithDirectory(conn *ldap.Conn, dn, pw string) error {
	// expect: directory-bind-authentication
	return conn.Bind(dn, pw)
}

// ok: directory-bind-authentication
func bindRoutes(r *gin.Engine) { r.GET("/", nil) }

// expect: directory-password-change
func (l *DirConn) PasswordModify(req *PasswordModifyRequest) error { return nil }

type PasswordModifyRequest struct{ UserIdentity, OldPassword, NewPassword string }

// expect: directory-password-change
func (r *PasswordModifyRequest) appendTo(buf []byte) []byte { return append(buf, r.NewPassword...) }

func changeDirectoryPassword(conn *ldap.Conn, user, oldPw, newPw string) error {
	// expect: directory-password-change
	req := ldap.NewPasswordModifyRequest(user, oldPw, newPw)
	// expect: directory-password-change
	_, err := conn.PasswordModify(req)
	return err
}

// ok: directory-password-change
func (r *PasswordModifyRequest) String() string { return r.UserIdentity }

// ok: directory-password-change
func modifyProfile(name string) string { return name }

// expect: tls-connection-setup
func DialTLS(network, addr string, config *tls.Config) (net.Conn, error) {
	// expect: tls-connection-setup
	return tls.Dial(network, addr, config)
}

// expect: tls-connection-setup
func (l *DirConn) upgrade(c net.Conn, cfg *tls.Config) error {
	// expect: tls-connection-setup
	tc := tls.Client(c, cfg)
	// expect: tls-connection-setup
	return tc.HandshakeContext(context.Background())
}

// ok: tls-connection-setup
func Dial(network, addr string) (net.Conn, error) { return net.Dial(network, addr) }

// ok: tls-connection-setup
func describeTLS(state tls.ConnectionState) uint16 { return state.Version }

func verifyWithKeySet(keys []jose.JSONWebKey, jws *jose.JSONWebSignature, keyID string) ([]byte, error) {
	for _, key := range keys {
		// expect: key-set-verification
		if key.KeyID == keyID {
			// expect: key-set-verification
			if payload, err := jws.Verify(&key); err == nil {
				return payload, nil
			}
		}
	}
	return nil, errors.New("no key")
}

func loadKeys(body []byte) error {
	// expect: key-set-verification
	var keySet jose.JSONWebKeySet
	return json.Unmarshal(body, &keySet)
}

func cacheLookup(entries map[string]string, id string) string {
	// ok: key-set-verification
	if id == "" {
		return ""
	}
	// ok: key-set-verification
	return form.Verify(&id)
}

func sshServer(users map[string]string) *ssh.ServerConfig {
	return &ssh.ServerConfig{
		// expect: ssh-authentication
		PasswordCallback: func(c ssh.ConnMetadata, pass []byte) (*ssh.Permissions, error) {
			return nil, errors.New("denied")
		},
	}
}

func sshClient(user, pw string) *ssh.ClientConfig {
	return &ssh.ClientConfig{
		User: user,
		// expect: ssh-authentication
		Auth: []ssh.AuthMethod{ssh.Password(pw)},
	}
}

func sshBanner() *ssh.ServerConfig {
	// ok: ssh-authentication
	return &ssh.ServerConfig{ServerVersion: "SSH-2.0-x"}
}

// ok: ssh-authentication
func passwordCallbackName() string { return "PasswordCallback" }

func sendMail(host, user, pw string) error {
	// expect: auth-mechanism-call
	auth := smtp.PlainAuth("", user, pw, host)
	return smtp.SendMail(host+":587", auth, user, nil, nil)
}

func kerberosLogin(user, realm, pw string) *client.Client {
	// expect: auth-mechanism-call
	return client.NewWithPassword(user, realm, pw, nil)
}

func ntlmNegotiate(domain string) ([]byte, error) {
	// expect: auth-mechanism-call
	return ntlmssp.NewNegotiateMessage(domain, "")
}

func mailPlumbing(host string) error {
	// ok: auth-mechanism-call
	c, err := smtp.Dial(host)
	if err != nil {
		return err
	}
	// ok: auth-mechanism-call
	return c.Hello("localhost")
}
