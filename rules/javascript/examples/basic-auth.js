'use strict';

const auth = require('basic-auth');
const { timingSafeEqual } = require('node:crypto');

function basicGate(req, res, next) {
  // expect: basic-auth-credentials
  const credentials = auth(req);
  if (!credentials || !sameSecret(credentials.pass, process.env.ADMIN_PASSWORD)) {
    // expect: auth-denial-response
    res.statusCode = 401;
    // expect: auth-denial-response
    res.setHeader('WWW-Authenticate', 'Basic realm="admin"');
    return res.end('Access denied');
  }
  return next();
}

// expect: basic-auth-credentials
function decodeBasic(header) {
  const encoded = header.slice(6);
  const userPass = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = userPass.indexOf(':');
  return colon === -1 ? undefined : { name: userPass.slice(0, colon), pass: userPass.slice(colon + 1) };
}

function basicHeader(name, pass) {
  // expect: basic-auth-credentials
  return 'Basic ' + Buffer.from(name + ':' + pass).toString('base64');
}

function tokenHeader(clientId, clientSecret) {
  // expect: basic-auth-credentials
  return `Basic ${btoa(`${clientId}:${clientSecret}`)}`;
}

function schemeOf(header) {
  const [scheme, value] = header.split(' ');
  // expect: basic-auth-credentials
  if (scheme.toLowerCase() !== 'basic') return undefined;
  return value;
}

// expect: basic-auth-credentials
const BASIC_RE = /^ *(?:[Bb][Aa][Ss][Ii][Cc]) +([A-Za-z0-9._~+/-]+=*) *$/;

function sameSecret(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

// Keyword bait: plans, times, host names and data URLs.
function planLabel(plan) {
  // ok: basic-auth-credentials
  return plan === 'basic' ? 'Basic plan' : 'Pro plan';
}

function filtered(response) {
  // ok: basic-auth-credentials
  return response.type === 'basic' ? response.body : null;
}

function parseClock(text) {
  // ok: basic-auth-credentials
  const [hours, minutes] = text.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function hostPort(host, port) {
  // ok: basic-auth-credentials
  return host + ':' + port;
}

function imageBytes(dataUrl) {
  // ok: basic-auth-credentials
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

// ok: basic-auth-credentials
const VERSION_RE = /^v(\d+)\.(\d+)$/;

module.exports = { basicGate, decodeBasic, basicHeader, tokenHeader, schemeOf, BASIC_RE, planLabel, filtered, parseClock, hostPort, imageBytes, VERSION_RE };
