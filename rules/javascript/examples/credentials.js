'use strict';

const bcrypt = require('bcrypt');
const argon2 = require('argon2');
const jwt = require('jsonwebtoken');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const crypto = require('node:crypto');

// ok: hardcoded-secret-option
const tokenType = 'Bearer';
// ok: hardcoded-secret-option
const cacheKeys = { products: 'products:v2:list', orders: 'orders:v2:list' };
// ok: secret-env-read
const API_BASE = 'https://api.example.com/v1/payments/intents';

const app = require('express')();

app.use(
  session({
    // expect: hardcoded-secret-option
    secret: 'keyboard cat',
    resave: false,
  }),
);
// expect: hardcoded-secret-option
app.use(cookieParser('my cookie signing words'));

function issue(user) {
  // expect: hardcoded-secret-option
  return jwt.sign({ sub: user.id }, 'shhhhh', { expiresIn: '1h' });
}

function issueFromEnv(user) {
  // ok: hardcoded-secret-option
  // expect: secret-env-read
  return jwt.sign({ sub: user.id, role: 'user' }, process.env.JWT_SECRET, { algorithm: 'HS256' });
}

function sessionFromEnv() {
  // ok: hardcoded-secret-option
  // expect: secret-env-read
  return session({ secret: [process.env.SESSION_SECRET], name: 'sid' });
}

function cacheLookup(cache) {
  // ok: hardcoded-secret-option
  return cache.get({ key: 'orders', keys: ['a', 'b'] });
}

function hmacWithAlgorithmOnly(key) {
  // ok: hardcoded-secret-option
  return crypto.createHmac('sha256', key);
}

function loadConfig() {
  return {
    // expect: secret-env-read
    jwtSecret: process.env.JWT_SECRET,
    // expect: secret-env-read
    dbPassword: process.env.DATABASE_PASSWORD,
    // ok: secret-env-read
    port: process.env.PORT,
    // ok: secret-env-read
    tokenizerModel: process.env.SEARCH_TOKENIZER,
  };
}

// expect: credential-function-definition
async function hashPassword(plain) {
  // expect: password-hash-call
  return bcrypt.hash(plain, 12);
}

// expect: credential-function-definition
async function verifyPassword(user, plain) {
  return argon2.verify(user.passwordHash, plain);
}

// expect: credential-function-definition
const rotateApiKey = async (client) => client.keys.rotate();

class Account {
  // expect: credential-function-definition
  async setPassword(plain) {
    // expect: password-hash-call
    this.passwordHash = await argon2.hash(plain, { type: argon2.argon2id });
  }

  // ok: credential-function-definition
  passwordResetUrl(base) {
    return `${base}/reset?account=${this.id}`;
  }
}

// ok: credential-function-definition
function tokenizeSecretSantaNames(text) {
  return text.split(/\s+/);
}

// ok: credential-function-definition
function hashRoute(path) {
  return path.replace(/^#/, '');
}

function hashRouteParams(params) {
  // ok: password-hash-call
  return Object.keys(params).sort().join('&');
}

function hashFile(fileHasher, buf) {
  // ok: password-hash-call
  return fileHasher.hash(buf);
}

module.exports = { tokenType, cacheKeys, API_BASE, issue, issueFromEnv, sessionFromEnv, cacheLookup, hmacWithAlgorithmOnly, loadConfig, hashPassword, verifyPassword, rotateApiKey, Account, tokenizeSecretSantaNames, hashRoute, hashRouteParams, hashFile };
