'use strict';

const crypto = require('node:crypto');
const { createHash, createHmac, timingSafeEqual: safeEqual } = require('crypto');
const CryptoJS = require('crypto-js');

function legacyPasswordDigest(password, salt) {
  // expect: weak-hash-call
  return crypto.createHash('md5').update(salt + password).digest('hex');
}

function signLegacyRequest(body, key) {
  // expect: weak-hash-call, hmac-create-call
  return createHmac('sha1', key).update(body).digest('base64');
}

function oldClientSignature(payload, key) {
  // expect: weak-hash-call
  return CryptoJS.MD5(payload + key).toString();
}

function etag(body) {
  // ok: weak-hash-call
  return '"' + crypto.createHash('md5').update(body).digest('hex') + '"';
}

function cacheKey(query) {
  // ok: weak-hash-call
  return createHash('sha1').update(JSON.stringify(query)).digest('hex');
}

function contentAddress(blob) {
  // ok: weak-hash-call, hmac-create-call
  return createHash('sha256').update(blob).digest('hex');
}

function verifyWebhook(rawBody, header, secret) {
  // expect: hmac-create-call
  const expected = crypto.createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header, 'hex');
  // expect: constant-time-compare-call
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function sameDigest(a, b) {
  // expect: constant-time-compare-call
  return safeEqual(Buffer.from(a), Buffer.from(b));
}

function sameLength(a, b) {
  // ok: constant-time-compare-call
  return a.length === b.length;
}

function lexerTokensEqual(left, right) {
  // ok: constant-time-compare-call
  return left.every((token, i) => token.type === right[i].type);
}

function encryptField(key, plaintext) {
  // expect: secure-random-call
  const iv = crypto.randomBytes(12);
  // expect: cipher-create-call
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { iv, data, tag: cipher.getAuthTag() };
}

function decryptField(key, { iv, data, tag }) {
  // expect: cipher-create-call
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

function legacyEncrypt(password, text) {
  // expect: legacy-cipher-call
  const cipher = crypto.createCipher('aes192', password);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function legacyDecrypt(password, hex) {
  // expect: legacy-cipher-call
  const decipher = crypto.createDecipher('aes192', password);
  return decipher.update(hex, 'hex', 'utf8') + decipher.final('utf8');
}

function gzipBody(zlib, body) {
  // ok: cipher-create-call, legacy-cipher-call
  return zlib.createGzip().end(body);
}

function cipherSuiteLabel(suite) {
  // ok: cipher-create-call, legacy-cipher-call
  return `cipher: ${suite.name}`;
}

async function hashPasswordScrypt(password) {
  // expect: secure-random-call
  const salt = crypto.randomBytes(16);
  // expect: key-derivation-call
  const hash = crypto.scryptSync(password, salt, 64, { N: 2 ** 15 });
  return `${salt.toString('hex')}:${hash.toString('hex')}`;
}

function deriveLegacyKey(password, salt) {
  // expect: key-derivation-call
  return crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');
}

function deriveCssVariables(theme) {
  // ok: key-derivation-call, hmac-create-call
  return Object.fromEntries(Object.entries(theme).map(([k, v]) => [`--${k}`, v]));
}

function deriveStateFromProps(props) {
  // ok: key-derivation-call
  return { derived: props.items.length, hmac: false };
}

function generateSigningKeys() {
  // expect: key-material-call
  return crypto.generateKeyPairSync('ed25519');
}
// expect: key-material-call

function loadPrivateKey(pem) {
  // expect: key-material-call
  return crypto.createPrivateKey({ key: pem, format: 'pem' });
}

function isPkcs8(pem) {
  // expect: key-material-call
  return pem.startsWith('-----BEGIN PRIVATE KEY-----');
}

function generateCacheKey(parts) {
  // ok: key-material-call
  return parts.join(':');
}

function keyOf(row) {
  // ok: key-material-call
  const banner = '----- BEGIN REPORT -----';
  // ok: key-material-call
  return { key: row.id, banner };
}

function signManifest(manifest, privateKey) {
  // expect: signature-call
  return crypto.sign(null, Buffer.from(manifest), privateKey).toString('base64');
}

function verifyRelease(data, signature, publicKey) {
  // expect: signature-call
  const verifier = crypto.createVerify('SHA256');
  verifier.update(data);
  return verifier.verify(publicKey, signature, 'base64');
}

function signUpForm(form) {
  // ok: signature-call
  return form.sign();
}

function verifyEmailFormat(email) {
  // ok: signature-call
  return /^[^@\s]+@[^@\s]+$/.test(email);
}

function newResetToken() {
  // expect: secure-random-call
  return crypto.randomBytes(32).toString('base64url');
}

function sixDigitCode() {
  // expect: secure-random-call
  return String(crypto.randomInt(0, 1000000)).padStart(6, '0');
}

function requestId() {
  // ok: secure-random-call
  return crypto.randomUUID();
}

function jitter(ms) {
  // ok: secure-random-call, insecure-random-secret
  return ms + Math.floor(Math.random() * 100);
}

function generateToken() {
  // expect: insecure-random-secret
  return Math.random().toString(36).slice(2);
}

function inviteUser(email) {
  // expect: insecure-random-secret
  const inviteCode = Math.floor(Math.random() * 1e8).toString(16);
  return { email, inviteCode };
}

function tokenizeColour() {
  // ok: insecure-random-secret
  return `hsl(${Math.round(Math.random() * 360)}, 70%, 50%)`;
}

function shuffle(cards) {
  // ok: insecure-random-secret
  return cards.sort(() => Math.random() - 0.5);
}

module.exports = { legacyPasswordDigest, verifyWebhook, encryptField, decryptField };
