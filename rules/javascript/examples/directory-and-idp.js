'use strict';

const ldap = require('ldapjs');
const { SAML } = require('@node-saml/node-saml');
const { SignedXml } = require('xml-crypto');
const samlify = require('samlify');
const { ConfidentialClientApplication } = require('@azure/msal-node');
const { signInWithEmailAndPassword, getAuth } = require('firebase/auth');
const oauth2orize = require('oauth2orize');
const Stripe = require('stripe');
const twilio = require('twilio');
const argon2 = require('hash-wasm');
const Redis = require('ioredis');

function ldapLogin(dn, password) {
  // expect: credential-login-call
  const client = ldap.createClient({ url: 'ldaps://directory.internal' });
  // expect: credential-login-call
  client.bind(dn, password, (err) => err);
}

function adLogin(ad, username, pass) {
  // expect: credential-login-call
  return ad.authenticate(username, pass);
}

function connectCache(redis, options) {
  // expect: credential-login-call
  redis.auth(options.password);
}

function bindHandlers(handler, ctx) {
  // ok: credential-login-call
  const bound = handler.bind(ctx, 'password');
  // ok: credential-login-call
  return [bound, handler.bind(this)];
}

function analyticsLogin(tracker, user) {
  // ok: credential-login-call
  tracker.login(user.id, user.name);
}

async function acs(body, options) {
  // expect: saml-assertion-call
  const saml = new SAML(options);
  // expect: saml-assertion-call
  const { profile } = await saml.validatePostResponseAsync(body);
  // expect: saml-assertion-call
  const sig = new SignedXml();
  // expect: saml-assertion-call
  sig.checkSignature(body.xml);
  return profile;
}

function serviceProvider(metadata) {
  // expect: saml-assertion-call
  return samlify.ServiceProvider({ metadata });
}

function xmlHelpers(doc) {
  // ok: saml-assertion-call
  const parsed = parseXml(doc);
  // ok: saml-assertion-call
  return validateSchema(parsed);
}

async function msalCallback(req, config) {
  // expect: identity-provider-call
  const cca = new ConfidentialClientApplication(config);
  // expect: identity-provider-call
  return cca.acquireTokenByCode({ code: req.query.code, redirectUri: config.redirectUri });
}

async function firebaseLogin(email, secretWord) {
  // expect: identity-provider-call
  return signInWithEmailAndPassword(getAuth(), email, secretWord);
}

// expect: identity-provider-call
const server = oauth2orize.createServer();

function codeExchange(issue) {
  // expect: identity-provider-call
  return oauth2orize.exchange.code(issue);
}

function tokenCache(cache, key) {
  // ok: identity-provider-call
  const entry = cache.acquire(key);
  // ok: identity-provider-call
  return entry.handleResult();
}

function stripeWebhook(req, secret) {
  // expect: payment-api-call
  const stripe = new Stripe(process.env.STRIPE_KEY);
  // expect: webhook-signature-check
  return stripe.webhooks.constructEvent(req.rawBody, req.headers['stripe-signature'], secret);
}

function twilioHook(req, authToken) {
  // expect: webhook-signature-check
  return twilio.validateRequest(authToken, req.headers['x-twilio-signature'], req.url, req.body);
}

function registerHooks(bus) {
  // ok: webhook-signature-check
  bus.webhooks.register('push', handlePush);
  // ok: webhook-signature-check
  return bus.webhooks.list();
}

async function charge(order, key) {
  // expect: payment-api-call
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
  // expect: payment-api-call
  await stripe.paymentIntents.create({ amount: order.total, currency: order.currency }, { idempotencyKey: key });
  // expect: payment-api-call
  return stripe.refunds.create({ payment_intent: order.paymentIntent });
}

function listOrders(db) {
  // ok: payment-api-call
  const intents = db.paymentIntents.list();
  // ok: payment-api-call
  return db.charges.count(intents);
}

async function checkPassword(password, hash) {
  // expect: password-verify-call
  return argon2.argon2Verify({ password, hash });
}

function newCache() {
  // ok: credential-login-call
  return new Redis({ host: 'cache' });
}
