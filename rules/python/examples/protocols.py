"""Examples for round 3: directory and Kerberos logins, SSO, security policies, registered auth
callbacks, host-key and certificate trust, payments, webhooks, managed keys and service
credentials, redirect checks, password policy, and the idioms added to older rules."""

import hashlib
import hmac
import os
import secrets
import smtplib

import gssapi
import kerberos
import ldap
import ldap3
import paramiko
import stripe
import tornado.web
import aiohttp_security
from flask import request
from Crypto.Random import get_random_bytes
from Cryptodome.Cipher import DES
from django.contrib.auth.password_validation import validate_password
from django.utils.http import url_has_allowed_host_and_scheme
from flask_principal import Permission, RoleNeed
from OpenSSL import SSL
from onelogin.saml2.auth import OneLogin_Saml2_Auth
from pyramid.authorization import ACLHelper
from pyramid.security import remember
from requests.auth import HTTPBasicAuth
from saml2.client import Saml2Client
from signxml import XMLVerifier
from azure.identity import ClientSecretCredential


# --- directory-login-call ------------------------------------------------------------------------

def ldap_login(dn, password):
    # expect: directory-login-call
    conn = ldap.initialize("ldaps://directory.example")
    # expect: directory-login-call
    conn.simple_bind_s(dn, password)
    return conn


def ldap3_login(user_dn, bind_password):
    # expect: directory-login-call
    return ldap3.Connection("ldap.example", user=user_dn, password=bind_password, auto_bind=True)


def kerberos_accept(token):
    # expect: directory-login-call
    result, ctx = kerberos.authGSSServerInit("HTTP@web.example")
    # expect: directory-login-call
    sec = gssapi.SecurityContext(usage="accept")
    return ctx, sec, token


def send_mail(host, user, password, msg):
    server = smtplib.SMTP(host)
    # expect: directory-login-call
    server.login(user, password)
    server.send_message(msg)


def plain_bindings(widget, handler, signals):
    # ok: directory-login-call
    widget.bind("<Return>", handler)
    # ok: directory-login-call
    signals.login(widget.username)
    # ok: directory-login-call
    return widget.bind(handler, "token")


# --- sso-assertion-call --------------------------------------------------------------------------

def saml_acs(request_data, settings):
    # expect: sso-assertion-call
    auth = OneLogin_Saml2_Auth(request_data, settings)
    # expect: sso-assertion-call
    auth.process_response()
    return auth


def pysaml_acs(config, saml_response):
    # expect: sso-assertion-call
    client = Saml2Client(config)
    # expect: sso-assertion-call
    return client.parse_authn_request_response(saml_response, 2)


def xml_signature(doc, cert):
    # expect: sso-assertion-call
    return XMLVerifier().verify(doc, x509_cert=cert)


class TimingMiddleware:
    def __call__(self, request, middleware, response):
        # ok: sso-assertion-call
        response = middleware.process_response(request, response)
        # ok: sso-assertion-call
        return self.get_response(request)


# --- security-policy-method ----------------------------------------------------------------------

class TicketAuthenticationPolicy:
    # expect: security-policy-method
    def authenticated_userid(self, request):
        identity = self.helper.identify(request)
        return identity["userid"] if identity else None

    # expect: security-policy-method
    def effective_principals(self, request):
        principals = ["system.Everyone"]
        userid = self.authenticated_userid(request)
        if userid:
            principals += ["system.Authenticated", userid]
        return principals

    # expect: security-policy-method
    def remember(self, request, userid, **kw):
        return self.helper.remember(request, userid, **kw)

    # ok: security-policy-method
    def _log(self, msg, request):
        print(msg, request)


class IAuthenticationPolicy:
    # ok: security-policy-method
    def forget(self, request):
        """Return headers that forget the current user."""


class MemoryCache:
    # ok: security-policy-method
    def remember(self, key, value):
        self.store[key] = value

    # ok: security-policy-method
    def forget(self, key):
        self.store.pop(key, None)


# --- auth-callback-definition --------------------------------------------------------------------

# expect: auth-callback-definition
@login_manager.user_loader
# expect: authentication-function-definition
def load_user(user_id):
    return User.query.get(int(user_id))


# expect: auth-callback-definition
@basic_auth.verify_password
def check_basic(username, password):
    user = User.query.filter_by(username=username).first()
    return user if user and user.check_password(password) else None


# expect: auth-callback-definition
@jwt.token_in_blocklist_loader
def token_revoked(jwt_header, jwt_payload):
    return jwt_payload["jti"] in revoked_ids


# ok: auth-callback-definition
@app.route("/health")
def health():
    return "ok"


# ok: auth-callback-definition
@cache.memoize(timeout=60)
def user_count():
    return 42


class HTTPAuthLike:
    # ok: authentication-function-definition
    def verify_password(self, f):
        self.verify_password_callback = f
        return f

    # ok: token-function-definition
    def verify_token(self, f):
        """Register the token verification callback."""
        self.verify_token_callback = f
        return f

    # ok: secret-generation-definition
    def generate_nonce(self, f):
        self.generate_nonce_callback = f
        return f

    # expect: authentication-function-definition
    def get_auth_password(self, auth):
        return self.get_password_callback(auth.username)


# --- peer-trust-policy ---------------------------------------------------------------------------

def ssh_connect(host):
    client = paramiko.SSHClient()
    # expect: peer-trust-policy
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host)
    return client


def openssl_context():
    ctx = SSL.Context(SSL.TLS_METHOD)
    # expect: peer-trust-policy
    ctx.set_verify(SSL.VERIFY_PEER, lambda conn, cert, errno, depth, ok: True)
    # expect: peer-trust-policy
    ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)
    return ctx


def unrelated_options(parser, config):
    # ok: peer-trust-policy
    parser.set_option("verbose", True)
    # ok: peer-trust-policy
    config.set_verbose(True)


# --- payment-api-call ----------------------------------------------------------------------------

def charge(order):
    # expect: payment-api-call
    stripe.api_key = os.environ["STRIPE_KEY"]
    # expect: payment-api-call
    intent = stripe.PaymentIntent.create(amount=order.total, currency="gbp")
    # expect: payment-api-call
    stripe.Refund.create(payment_intent=intent.id)
    return intent


def payment_page(order, config):
    # ok: payment-api-call
    config.api_key = "public-demo"
    # ok: payment-api-call
    return stripe.util.convert_to_stripe_object(order)


# --- webhook-signature-call ----------------------------------------------------------------------

def stripe_webhook(payload, signature_header, endpoint_secret):
    # expect: webhook-signature-call
    return stripe.Webhook.construct_event(payload, signature_header, endpoint_secret)


def slack_events(verifier, body, headers):
    # expect: webhook-signature-call
    if not verifier.is_valid_request(body, headers):
        raise PermissionError("bad signature")


def event_builder(builder, data):
    # ok: webhook-signature-call
    event = builder.build_event(data)
    # ok: webhook-signature-call
    return builder.verify_schema(event)


# --- key-management-call -------------------------------------------------------------------------

def kms_decrypt(kms, blob):
    # expect: key-management-call
    return kms.decrypt(CiphertextBlob=blob)["Plaintext"]


def ssm_secret(ssm, name):
    # expect: key-management-call
    return ssm.get_parameter(Name=name, WithDecryption=True)


def graph_credential(tenant, client_id, client_secret):
    # expect: key-management-call
    return ClientSecretCredential(tenant, client_id, client_secret)


def call_api(session, url, user, token):
    # expect: key-management-call
    return session.get(url, auth=HTTPBasicAuth(user, token))


def plain_aws(s3, bucket):
    # ok: key-management-call
    s3.get_object(Bucket=bucket, Key="report.csv")
    # ok: key-management-call
    return s3.list_objects_v2(Bucket=bucket)


# --- redirect-target-check -----------------------------------------------------------------------

def after_login(request, next_url):
    # expect: redirect-target-check
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=True):
        return next_url
    return "/"


# expect: redirect-target-check
def is_safe_redirect(target, host):
    return target.startswith("/") and not target.startswith("//")


# ok: redirect-target-check
def build_redirect_response(url):
    return {"Location": url}


# ok: redirect-target-check
def paginate_next_url(page):
    return f"?page={page + 1}"


# --- password-policy-call ------------------------------------------------------------------------

def set_new_password(user, raw):
    # expect: password-policy-call
    validate_password(raw, user)
    user.set_password(raw)


def strength(raw):
    import zxcvbn
    # expect: password-policy-call
    return zxcvbn.zxcvbn(raw)["score"]


def validate_form(form):
    # ok: password-policy-call
    form.validate()
    # ok: password-policy-call
    return validate_email(form.email)


# --- idioms added to older rules -----------------------------------------------------------------

def mac_ticket(ip, timestamp, secret, userid):
    # expect: signature-function-definition
    return hashlib.sha256(ip.encode() + secret + userid).hexdigest()


# expect: signature-function-definition
def calculate_digest(ip, timestamp, secret, userid):
    # expect: weak-hash-call
    # expect: signature-function-definition
    inner = hashlib.md5(ip.encode() + secret + userid).hexdigest()
    # expect: weak-hash-call
    # expect: signature-function-definition
    return hashlib.md5(inner.encode() + secret).hexdigest()


# ok: signature-function-definition
def content_digest(data, chunk_size):
    return hashlib.sha256(data[:chunk_size]).hexdigest()


class AuthTicket:
    # expect: signature-function-definition
    def digest(self):
        return calculate_digest(self.ip, self.time, self.secret, self.userid)


def parse_cookie_ticket(expected, digest):
    # expect: constant-time-compare-call
    if strings_differ(expected, digest):
        raise ValueError("bad ticket")


def function_key_generator(namespace, fn):
    # ok: secret-generation-definition
    def generate_key(*args):
        return namespace + "|" + " ".join(map(str, args))

    return generate_key


# expect: secret-generation-definition
def generate_key():
    # expect: secure-random-token-call
    return secrets.token_bytes(32)


# ok: weak-hash-call
def sha1_mangle_key(key):
    return hashlib.sha1(key).hexdigest()


def iv_and_nonce():
    # expect: secure-random-token-call
    iv = get_random_bytes(16)
    # expect: weak-cipher-call
    # expect: secure-random-token-call
    legacy = DES.new(os.urandom(8), DES.MODE_CBC, iv)
    # expect: hmac-call
    tag = hashlib.blake2b(b"message", key=iv).hexdigest()
    # ok: hmac-call
    plain = hashlib.blake2b(b"message").hexdigest()
    return legacy, tag, plain


def jose_tables():
    # expect: digest-algorithm-check
    return {"HS256": hashlib.sha256, "HS512": hashlib.sha512}


def label_tables():
    # ok: digest-algorithm-check
    return {"HS256": "HMAC with SHA-256", "RS256": "RSA PKCS#1 with SHA-256"}


def pyramid_login(request, userid):
    # expect: login-session-call
    return remember(request, userid)


def pyramid_acl(context, principals):
    # expect: permission-check-call
    helper = ACLHelper()
    # expect: permission-check-call
    admin = Permission(RoleNeed("admin"))
    return helper.permits(context, principals, "edit"), admin


class Document:
    # expect: access-control-class-setting
    __acl__ = [("Allow", "group:editors", "edit")]
    # ok: access-control-class-setting
    __slots__ = ("title",)


# --- round 3 additions to older rules: HOTP truncation, Tornado, aiohttp-security, Basic auth ----

def code_for(key, counter):
    # expect: hmac-call
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    off = digest[19] & 15
    # expect: one-time-password-call
    return (int.from_bytes(digest[off:off + 4], "big") & 0x7FFFFFFF) % 1000000


def bucket(value):
    # ok: one-time-password-call
    return (hash(value) & 0x7FFFFFFF) % 64


class ProfileHandler:
    # expect: access-control-decorator
    @tornado.web.authenticated
    def get(self):
        # expect: cookie-security-flags
        uid = self.get_secure_cookie("user")
        # ok: cookie-security-flags
        theme = self.get_cookie("theme")
        return uid, theme


def make_app(settings):
    # expect: cookie-security-flags
    return tornado.web.Application([], cookie_secret=settings.secret, xsrf_cookies=True)


async def aiohttp_login(req, identity):
    # expect: login-session-call
    await aiohttp_security.remember(req, None, identity)
    # expect: permission-check-call
    await aiohttp_security.check_permission(req, "edit")


def basic_credentials():
    # expect: authorization-header-access
    auth = request.authorization
    # ok: authorization-header-access
    kind = document.authorization_kind
    return auth, kind
