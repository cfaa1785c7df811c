'use strict';

const passport = require('passport');
const LocalStrategy = require('passport-local').Strategy;
const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
const bcrypt = require('bcryptjs');
const { authenticator } = require('otplib');
const speakeasy = require('speakeasy');
const crypto = require('node:crypto');

// expect: passport-strategy
passport.use(
  // expect: passport-strategy
  new LocalStrategy(async (username, password, done) => {
    const user = await findUser(username);
    // expect: password-verify-call
    const ok = user && (await bcrypt.compare(password, user.passwordHash));
    return ok ? done(null, user) : done(null, false);
  }),
);

// expect: passport-strategy
passport.use(
  // expect: passport-strategy
  new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_PUBLIC_KEY }, (payload, done) =>
    done(null, { id: payload.sub }),
  ),
);

function findUser(username) {
  return Promise.resolve({ username, passwordHash: '' });
}

function checkLegacy(user, plain) {
  // expect: password-verify-call
  return bcrypt.compareSync(plain, user.legacyHash);
}

function compareVersions(a, b) {
  // ok: password-verify-call
  return a.localeCompare(b, undefined, { numeric: true });
}

function sortStrategy(items) {
  const strategy = new SortStrategy('asc');
  // ok: passport-strategy
  return strategy.use(items);
}

class SortStrategy {
  constructor(direction) {
    this.direction = direction;
  }

  use(items) {
    return [...items].sort();
  }
}

function lruCache(cache, key) {
  // ok: password-verify-call, passport-strategy
  return cache.compare(key) && cache.use(key);
}

// expect: authentication-function-definition
async function authenticate(req) {
  // expect: authorization-header-read
  const header = req.headers.authorization || '';
  // expect: authorization-header-read
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

// expect: authentication-function-definition
function requireAuth(req, res, next) {
  return req.user ? next() : res.status(401).end();
}

// expect: authentication-function-definition
function verifyWebhookSignature(rawBody, signature, secret) {
  const expected = crypto.createHmac('sha256', secret).update(rawBody).digest('hex');
  return expected.length === signature.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}

// ok: authentication-function-definition
function getLoginUrl(returnTo) {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}

// ok: authentication-function-definition
function LoginPage() {
  return null;
}

// ok: authentication-function-definition
class AuthError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AuthError';
  }
}

// ok: authentication-function-definition
function isAuthError(err) {
  return err instanceof AuthError;
}

// expect: authentication-function-definition
function checkTotp(user, code) {
  // expect: auth-protocol-call
  return authenticator.verify({ token: code, secret: user.totpSecret });
}

function checkSpeakeasy(user, code) {
  // expect: auth-protocol-call
  return speakeasy.totp.verify({ secret: user.totpSecret, encoding: 'base32', token: code, window: 1 });
}

function verifyCoupon(couponService, code) {
  // ok: auth-protocol-call
  return couponService.verify({ token: code });
}

function bearerFrom(req) {
  // expect: authorization-header-read
  const header = req.get('Authorization') || '';
  // expect: authorization-header-read
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

function basicFrom(req) {
  // expect: authorization-header-read
  return Buffer.from((req.headers.authorization || '').replace(/^Basic /, ''), 'base64').toString();
}

function contentType(req) {
  // ok: authorization-header-read
  return req.get('Content-Type');
}

function authorizationHeaderDocs() {
  // ok: authorization-header-read
  return { header: 'Authorization', description: 'Bearer token' };
}

function nextLexeme(lexer) {
  // ok: auth-protocol-call
  return lexer.totp ? lexer.next() : null;
}

module.exports = { bearerFrom, basicFrom, contentType, authorizationHeaderDocs, checkLegacy, compareVersions, sortStrategy, lruCache, authenticate, requireAuth, verifyWebhookSignature, getLoginUrl, LoginPage, AuthError, isAuthError, checkTotp, checkSpeakeasy, verifyCoupon, nextLexeme };

async function localLogin(userService, params, user) {
  // expect: password-verify-call
  const ok = await userService.validatePassword(params.password, user.password);
  return ok;
}

async function strength(policy, params) {
  // ok: password-verify-call
  return policy.validatePasswordStrength(params.password);
}
