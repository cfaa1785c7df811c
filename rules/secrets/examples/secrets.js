const Stripe = require('stripe');

// expect: hard-coded-secret
const stripe = Stripe('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
// expect: hard-coded-secret
const config = { apiKey: 'Zx8vQ2mP9kL4rT7wB1nY5cH3jD6fG0sA' };
// ok: hard-coded-secret
const placeholderKey = { apiKey: '<your-api-key>' };
// ok: hard-coded-secret
const cursorToken = encodeCursor({ id: 42 });
// expect: hard-coded-password
const dbPassword = 'Winter2024';
// ok: hard-coded-password
const password = 'changeme';
// ok: hard-coded-password
const passwordHint = 'Use 12 characters or more';

function isPkcs8(pem) {
  // ok: hard-coded-secret
  return pem.indexOf('-----BEGIN PRIVATE KEY-----') === 0;
}

module.exports = { stripe, config, placeholderKey, cursorToken, dbPassword, password, passwordHint };
