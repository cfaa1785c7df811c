'use strict';

const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');
const jwt = require('jsonwebtoken');
const { jwtDecode } = require('jwt-decode');

const app = express();

app.use(
  // expect: session-middleware-call
  session({
    secret: [process.env.SESSION_SECRET],
    cookie: {
      // expect: cookie-security-flags
      httpOnly: true,
      // expect: cookie-security-flags
      secure: process.env.NODE_ENV === 'production',
      // expect: cookie-security-flags
      sameSite: 'lax',
    },
  }),
);

app.use(
  // expect: session-middleware-call
  cookieSession({
    name: 'shop',
    keys: [process.env.COOKIE_KEY_NEW, process.env.COOKIE_KEY_OLD],
    // expect: cookie-security-flags, cookie-flag-disabled
    httpOnly: false,
  }),
);

function rememberMe(res, token) {
  // expect: session-cookie-set-call
  res.cookie('remember_token', token, {
    maxAge: 30 * 24 * 3600 * 1000,
    // expect: cookie-security-flags, cookie-flag-disabled
    secure: false,
    // expect: cookie-security-flags, cookie-flag-disabled
    sameSite: 'none',
  });
}

function setSessionHeader(res, value) {
  // expect: session-cookie-set-call
  res.setHeader('Set-Cookie', `sid=${value}; Path=/`);
}

function rememberTheme(res, theme) {
  // ok: session-cookie-set-call, cookie-security-flags
  res.cookie('theme', theme, { maxAge: 31536000000 });
}

function cacheHeaders(res, tag) {
  // ok: session-cookie-set-call
  res.set('ETag', tag);
}

function sendMail(nodemailer) {
  // ok: cookie-security-flags, cookie-flag-disabled
  return nodemailer.createTransport({ host: 'smtp.example.com', port: 465, secure: true });
}

function authorizeUrl(params) {
  // ok: session-cookie-set-call
  params.set('access_token_type', 'bearer');
  return `https://auth.example.com/authorize?${params}`;
}

// expect: token-function-definition
function issueAccessToken(user) {
  // expect: jwt-sign-call
  return jwt.sign({ sub: user.id }, process.env.JWT_PRIVATE_KEY, { algorithm: 'RS256', expiresIn: '15m' });
}

// expect: token-function-definition
function verifyToken(token) {
  // expect: jwt-verify-call
  return jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'], audience: 'shop' });
}

function acceptAnything(token, key) {
  // expect: jwt-verify-call
  return jwt.verify(token, key, {
    // expect: jwt-unsafe-options
    ignoreExpiration: true,
    // expect: jwt-unsafe-options
    algorithms: ['HS256', 'none'],
  });
}

function displayName(idToken) {
  // expect: jwt-decode-call
  const claims = jwt.decode(idToken);
  return claims && claims.name;
}

function expiresSoon(accessToken) {
  // expect: jwt-decode-call
  const { exp } = jwtDecode(accessToken);
  return exp * 1000 - Date.now() < 60000;
}

function decodeCursor(cursor) {
  // ok: jwt-decode-call
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
}

function signPetition(petition, user) {
  // ok: jwt-sign-call
  return petition.sign(user.name);
}

function verifyAddress(geocoder, address) {
  // ok: jwt-verify-call, jwt-unsafe-options
  return geocoder.verify(address, { ignoreCase: true, algorithms: ['levenshtein'] });
}

class Lexer {
  // ok: token-function-definition
  nextToken() {
    return this.tokens[this.pos++];
  }

  // ok: token-function-definition
  getToken() {
    return this.tokens[this.pos];
  }
}

class TokenStore {
  // ok: token-function-definition
  getTokens(node, beforeCount) {
    return this.index.slice(node.range[0] - beforeCount, node.range[1]);
  }
}

// ok: token-function-definition
function tokenizeQuery(q) {
  return q.split(/\s+/);
}

// ok: token-function-definition
function buildLoginUrl(returnTo) {
  return `/login?returnTo=${encodeURIComponent(returnTo)}`;
}

async function login(req, user) {
  // expect: session-lifecycle-call
  await new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
  // expect: session-lifecycle-call
  req.login(user, () => {});
}

function logout(req, res) {
  // expect: session-lifecycle-call
  req.session.destroy(() => res.redirect('/'));
}

async function fetchWithSession(http) {
  const client = http.session();
  // ok: session-lifecycle-call
  return client.get('/orders');
}

function dbWork(db) {
  // ok: session-lifecycle-call
  return db.session.commit();
}

module.exports = { rememberMe, setSessionHeader, rememberTheme, cacheHeaders, sendMail, authorizeUrl, issueAccessToken, verifyToken, acceptAnything, displayName, expiresSoon, decodeCursor, signPetition, verifyAddress, Lexer, tokenizeQuery, buildLoginUrl, login, logout, fetchWithSession, dbWork };

// expect: session-cookie-set-call
async function clearAuthCookiesAtScopes(setAll, names) {
  await setAll(names.map((name) => ({ name, value: '', options: { maxAge: 0 } })));
}

// ok: session-cookie-set-call
function clearCookieBanner(el) {
  el.remove();
}

function fromHeader(sessionManager, token) {
  // expect: jwt-verify-call
  return sessionManager.validateAccessToken(token);
}

function fromForm(form) {
  // ok: jwt-verify-call
  return form.validateAddress(form.values);
}
