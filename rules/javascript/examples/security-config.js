'use strict';

const express = require('express');
const helmet = require('helmet');
const cors = require('cors');
const https = require('node:https');
const tls = require('node:tls');
// expect: csrf-protection-config
const csrf = require('csurf');
// expect: csrf-protection-config
const { doubleCsrf } = require('csrf-csrf');
const axios = require('axios');

const app = express();

// expect: security-headers-config
app.use(helmet());
app.use(
  // expect: security-headers-config
  helmet({
    // expect: security-headers-config
    contentSecurityPolicy: false,
  }),
);

function manualHeaders(res) {
  // expect: security-headers-config
  res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
}

function referrer(res) {
  // expect: security-headers-config
  res.setHeader('Referrer-Policy', 'no-referrer');
}

const getDefaultDirectives = () => ({
  // expect: security-headers-config
  'default-src': ["'self'"],
  // expect: security-headers-config
  'object-src': ["'none'"],
});

function cacheHeaders(res, etag) {
  // ok: security-headers-config
  res.setHeader('Cache-Control', 'public, max-age=60');
  // ok: security-headers-config
  res.setHeader('ETag', etag);
}

function toggles() {
  // ok: security-headers-config
  return { contentSecurityPolicy: false, darkMode: true };
}

// expect: cors-config-call
app.use(cors({ origin: ['https://shop.example.com'], credentials: true }));

app.use(
  // expect: cors-config-call
  cors({
    // expect: cors-permissive-origin
    origin: '*',
  }),
);

function reflectOrigin(req, res) {
  // expect: cors-permissive-origin
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
}

function openApi(res) {
  // expect: cors-permissive-origin
  res.set('Access-Control-Allow-Origin', '*');
}

function exactOrigin(res) {
  // ok: cors-permissive-origin
  res.setHeader('Access-Control-Allow-Origin', 'https://shop.example.com');
}

function geometry(point) {
  // ok: cors-permissive-origin, cors-config-call
  return { origin: '*', x: point.x, corsFree: true };
}

function chart(draw) {
  // ok: cors-permissive-origin, cors-config-call
  return draw.line({ origin: true, y: 0 });
}

// expect: tls-options-call
const agent = new https.Agent({
  ca: process.env.INTERNAL_CA,
  // expect: tls-verification-disabled
  rejectUnauthorized: false,
});

function insecureClient() {
  // expect: tls-verification-disabled
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  return axios.create({ httpsAgent: agent });
}

function strictClient() {
  // ok: tls-verification-disabled
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
  // ok: tls-verification-disabled
  return axios.create({ validateStatus: false, decompress: false });
}

function formValidation(schema) {
  // ok: tls-verification-disabled
  return schema.validate({ insecurePassword: false }, { strict: false, reject: false });
}

function mtlsServer(handler) {
  // expect: tls-options-call
  return https.createServer(
    { key: process.env.TLS_KEY, cert: process.env.TLS_CERT, minVersion: 'TLSv1.2', requestCert: true },
    handler,
  );
}

function oldTls(host) {
  // expect: tls-options-call
  const legacy = tls.connect({ host, port: 443, minVersion: 'TLSv1' });
  // expect: tls-options-call
  return tls.connect({ host, port: 443, secureProtocol: 'TLSv1_method' }) || legacy;
}

function isSecure(req, trustProxy) {
  if (!trustProxy) {
    // expect: tls-options-call
    return req.secure === true;
  }
  // expect: tls-options-call
  const proto = (req.headers['x-forwarded-proto'] || '').split(',')[0].trim();
  // expect: tls-options-call
  return proto === 'https';
}

function isLink(url) {
  // ok: tls-options-call
  return url.startsWith('https://') || url.kind === 'link';
}

function plainAgent() {
  // ok: tls-options-call
  return new https.Agent({ keepAlive: true, maxSockets: 50 });
}

function plainServer(handler) {
  // ok: tls-options-call
  return require('node:http').createServer({ keepAliveTimeout: 5000 }, handler);
}

// expect: csrf-protection-config
const csrfProtection = csrf({ cookie: { httpOnly: true, sameSite: 'strict' } });
// expect: csrf-protection-config
const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });

function formFields(req) {
  // ok: csrf-protection-config
  return { csrfHeader: 'x-csrf-token', fields: req.body };
}

function tokenList(lexer) {
  // ok: csrf-protection-config
  return lexer.tokens();
}

module.exports = { referrer, getDefaultDirectives, isSecure, isLink, manualHeaders, cacheHeaders, toggles, reflectOrigin, openApi, exactOrigin, geometry, chart, insecureClient, strictClient, formValidation, mtlsServer, oldTls, plainAgent, plainServer, csrfProtection, doubleCsrfProtection, formFields, tokenList };
