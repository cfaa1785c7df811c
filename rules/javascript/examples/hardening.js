'use strict';

const express = require('express');
const rateLimit = require('express-rate-limit');
const { RateLimiterRedis } = require('rate-limiter-flexible');
const nacl = require('tweetnacl');
const jwksClient = require('jwks-rsa');

const app = express();
// expect: tls-options-call
app.set('trust proxy', 1);

// expect: rate-limit-config
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5 });

function otpLimiter(redis) {
  // expect: rate-limit-config
  return new RateLimiterRedis({ storeClient: redis, points: 5, duration: 300 });
}

function rememberMe(res, sid) {
  // expect: cookie-security-flags
  res.cookie('remember', sid, { signed: true, maxAge: 86400000 });
}

function openSealed(box, nonce, key) {
  // expect: cipher-create-call
  return nacl.secretbox.open(box, nonce, key);
}

function checkSigned(message, signature, publicKey) {
  // expect: signature-call
  return nacl.sign.detached.verify(message, signature, publicKey);
}

function keySource() {
  // expect: key-material-call
  return jwksClient({ jwksUri: 'https://idp.example.com/.well-known/jwks.json', cache: true });
}

// Keyword bait: throttled UI work, plain cookies, other settings.
function throttleScroll(fn, wait) {
  let last = 0;
  // ok: rate-limit-config
  return (...args) => (Date.now() - last > wait ? ((last = Date.now()), fn(...args)) : undefined);
}

function consumeQuota(bucket, key) {
  // ok: rate-limit-config
  return bucket.consume(key);
}

function themeCookie(res, theme) {
  // ok: cookie-security-flags
  res.cookie('theme', theme, { maxAge: 31536000000 });
}

function viewEngine(server) {
  // ok: tls-options-call
  server.set('view engine', 'pug');
}

function signedNumber(n) {
  // ok: signature-call
  return Math.sign(n);
}

module.exports = { app, loginLimiter, otpLimiter, rememberMe, openSealed, checkSigned, keySource, throttleScroll, consumeQuota, themeCookie, viewEngine, signedNumber };
