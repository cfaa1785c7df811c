'use strict';

const crypto = require('crypto');

// expect: otp-computation
function hotpGenerate(secret, counter, digits) {
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64BE(BigInt(counter));
  const digest = crypto.createHmac('sha1', secret).update(buf).digest();
  const offset = digest[digest.length - 1] & 0xf;
  // expect: otp-computation
  const code = (digest[offset] & 0x7f) << 24 | (digest[offset + 1] & 0xff) << 16 | (digest[offset + 2] & 0xff) << 8 | (digest[offset + 3] & 0xff);
  return String(code % 10 ** digits).padStart(digits, '0');
}

function truncate(mac) {
  const o = mac[19] & 0xf;
  // expect: otp-computation
  return mac.readUInt32BE(o) & 0x7fffffff;
}

// expect: otp-computation
function totpVerifyDelta(options) {
  for (let i = -options.window; i <= options.window; i++) {
    if (hotpGenerate(options.secret, options.counter + i, 6) === options.token) return { delta: i };
  }
  return undefined;
}

function provisioningUri(label, secret) {
  // expect: otp-computation
  return `otpauth://totp/${encodeURIComponent(label)}?secret=${secret}`;
}

function readWord(bytes, i) {
  // ok: otp-computation
  return (bytes[i] & 0x7f) << 7 | bytes[i + 1];
}

function stringHash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  // ok: otp-computation
  return h & 0x7fffffff;
}

// ok: otp-computation
function hotpath(route) {
  return route.startsWith('/hot');
}

const otp = { hotp: {} };
otp.hotp.check = function hotpCheck(options) {
  // expect: otp-computation
  return otp.hotp.verifyDelta(options) != null;
};

function hotReload(module) {
  // ok: otp-computation
  return module.hot.accept();
}
