'use strict';

const crypto = require('node:crypto');

function validateIssuer(claims, expectedIssuer) {
  // expect: jwt-claim-check
  if (claims.iss !== expectedIssuer) throw new Error('unexpected issuer');
  return claims;
}

function checkNonce(idToken, session) {
  // expect: jwt-claim-check
  return idToken.nonce === session.nonce;
}

function checkCallback(params, expectedState) {
  // expect: jwt-claim-check
  if (params.get('state') !== expectedState) throw new Error('state mismatch');
}

function rejectNone(header) {
  // expect: jwt-claim-check
  return header.alg === 'none';
}

function sameKind(event, payload) {
  // ok: jwt-claim-check
  return payload.type === event.type;
}

function isLastPage(page) {
  // ok: jwt-claim-check
  return page.nextCursor === null;
}

class Lexer {
  // ok: jwt-claim-check
  isKeyword(token) {
    return token.type === 'keyword';
  }
}

// expect: crypto-operation-definition
function encryptField(key, plaintext) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

class CompactSign {
  // expect: crypto-operation-definition
  async sign(key, options) {
    return this.signer(key, options);
  }
}

// expect: crypto-operation-definition
const jwtDecrypt = async (jwt, key) => key.decrypt(jwt);

// expect: crypto-operation-definition
function checkCryptoKey(key, expected) {
  return key.algorithm.name === expected.name;
}

// expect: crypto-operation-definition, constant-time-compare-call
const signatureMatches = (a, b) => crypto.timingSafeEqual(a, b);

// ok: crypto-operation-definition
function checkKeyboardShortcut(event) {
  return event.ctrlKey && event.key === 'k';
}

// ok: crypto-operation-definition
function sign(x) {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

class Petition {
  // ok: crypto-operation-definition
  sign(name) {
    this.names.push(name);
  }
}

// ok: crypto-operation-definition
function encryptionStatusLabel(enabled) {
  return enabled ? 'Encrypted' : 'Not encrypted';
}

// expect: constant-time-compare-call
function safeStringCompare(known, unknown) {
  let diff = known.length ^ unknown.length;
  for (let i = 0; i < known.length; ++i) diff |= known.charCodeAt(i) ^ unknown.charCodeAt(i);
  return diff === 0;
}

// ok: constant-time-compare-call
function compareVersions(a, b) {
  return a.localeCompare(b);
}

module.exports = { checkCryptoKey, signatureMatches, checkKeyboardShortcut, validateIssuer, checkNonce, checkCallback, rejectNone, sameKind, isLastPage, Lexer, encryptField, CompactSign, jwtDecrypt, sign, Petition, encryptionStatusLabel, safeStringCompare, compareVersions };
