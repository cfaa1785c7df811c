'use strict';

const crypto = require('node:crypto');
const uid = require('uid-safe');

const ALLOWED = { ec: ['ES256', 'ES384'], rsa: ['RS256', 'PS256'] };

function checkKeyForAlgorithm(algorithm, key) {
  // expect: key-algorithm-check
  const keyType = key.asymmetricKeyType;
  if (!ALLOWED[keyType] || !ALLOWED[keyType].includes(algorithm)) {
    throw new Error(`key type ${keyType} cannot be used with ${algorithm}`);
  }
  // expect: key-algorithm-check
  if (keyType === 'ec' && key.asymmetricKeyDetails.namedCurve !== 'prime256v1') {
    throw new Error('wrong curve');
  }
}

function hmacSecretGuard(header, key) {
  // expect: key-algorithm-check
  if (header.alg.startsWith('HS') && key.type !== 'secret') {
    throw new Error('HMAC needs a secret key');
  }
  // expect: key-algorithm-check
  if (header.alg === 'none') throw new Error('unsigned token');
}

function jwkUsable(jwk) {
  // expect: key-algorithm-check
  return jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
}

function hashToken(token, secret) {
  // expect: secret-digest
  return crypto.createHash('sha256').update(`${token}${secret}`).digest('hex');
}

function storedApiKey(apiKey) {
  // expect: secret-digest
  const hash = crypto.createHash('sha256');
  // expect: secret-digest
  hash.update(apiKey);
  return hash.digest('base64url');
}

async function digestVerifier(verifier) {
  const data = new TextEncoder().encode(verifier);
  // expect: secret-digest
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)) && data;
}

function csrfSecret(length, callback) {
  // expect: secure-random-call
  return uid(length, callback);
}

function csrfSecretSync(length) {
  // expect: secure-random-call
  return uid.sync(length);
}

// Keyword bait: ETags, cache keys, file types and sorting algorithms.
function etagOf(body) {
  // ok: secret-digest
  return crypto.createHash('sha1').update(body).digest('base64');
}

function cacheKey(url, locale) {
  // ok: secret-digest
  return crypto.createHash('md5').update(url + locale).digest('hex');
}

function pickSorter(options) {
  // ok: key-algorithm-check
  return options.algorithm === 'quicksort' ? quick : merge;
}

function isImage(file) {
  // ok: key-algorithm-check
  return file.type === 'image/png';
}

function versionPrefix(release) {
  // ok: key-algorithm-check
  return release.tag.startsWith('v');
}

function quick(a) {
  return a;
}

function merge(a) {
  return a;
}

module.exports = { checkKeyForAlgorithm, hmacSecretGuard, jwkUsable, hashToken, storedApiKey, digestVerifier, csrfSecret, csrfSecretSync, etagOf, cacheKey, pickSorter, isImage, versionPrefix };
