'use strict';

const crypto = require('node:crypto');

function etag(body) {
  // Content fingerprint for HTTP caching only.
  return '"' + crypto.createHash('md5').update(body).digest('hex') + '"';
}

function newApiKey() {
  return 'sk_live_' + crypto.randomBytes(24).toString('base64url');
}

function hashApiKey(apiKey) {
  return crypto.createHash('sha256').update(apiKey).digest('hex');
}

function verifyApiKey(presented, storedHash) {
  const a = Buffer.from(hashApiKey(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

module.exports = { etag, newApiKey, hashApiKey, verifyApiKey };
