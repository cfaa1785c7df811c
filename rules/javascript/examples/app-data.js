'use strict';

// Owner-scoped queries, role administration and card handling as they appear in application code.

async function myOrders(req, res) {
  const orders = await req.db.orders.find({
    // expect: owner-scoped-query
    owner: req.user._id,
    status: 'open',
  });
  return res.json(orders);
}

async function findInvoice(ctx) {
  const { id } = ctx.params;
  return strapi.db.query('api::invoice.invoice').findOne({
    // expect: owner-scoped-query
    where: { id, user: ctx.state.user.id },
  });
}

async function listPosts(prisma, session) {
  return prisma.post.findMany({
    // expect: owner-scoped-query
    where: { userId: session.user.id },
  });
}

async function byCategory(req, db) {
  return db.products.find({
    // ok: owner-scoped-query
    category: req.query.category,
  });
}

async function bySlug(prisma, slug) {
  return prisma.page.findFirst({
    // ok: owner-scoped-query
    where: { slug },
  });
}

function renderProfile(res, req) {
  // ok: owner-scoped-query
  return res.render('profile', { user: req.user });
}

function logVisit(logger, req) {
  // ok: owner-scoped-query
  logger.info({ user: req.user.id, path: req.path });
}

async function adminLookup(db, userId) {
  return db.orders.find({
    // ok: owner-scoped-query
    userId: userId,
  });
}

// expect: role-permission-administration
async function createRole(params) {
  return db.roles.insert(params);
}

// expect: role-permission-administration
async function grantPermissionToRole(roleId, action) {
  return db.permissions.insert({ roleId, action });
}

async function promote(user, acl) {
  // expect: role-permission-administration
  await acl.assignRole(user.id, 'editor');
  // expect: role-permission-administration
  await enforcer.removeGroupingPolicy(user.id, 'admin');
}

async function addAction(roleId, actionID) {
  // expect: role-permission-administration
  return strapi.db.query('plugin::users-permissions.permission').create({ data: { action: actionID, role: roleId } });
}

// ok: role-permission-administration
function renderRoles(layout) {
  return layout.sections.map((s) => s.role);
}

// ok: role-permission-administration
function createRoleBadge(role) {
  return `<span class="badge">${role}</span>`;
}

async function savePost(data) {
  // ok: role-permission-administration
  return strapi.db.query('api::post.post').create({ data });
}

module.exports = { myOrders, findInvoice, listPosts, byCategory, bySlug, renderProfile, logVisit, adminLookup, createRole, grantPermissionToRole, promote, addAction, renderRoles, createRoleBadge, savePost };

// expect: payment-card-processing
function luhnCheck(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) sum += Number(digits[i]);
  return sum % 10 === 0;
}

// expect: payment-card-processing
const maskCardNumber = (n) => `**** ${n}`;

function storeCard(card) {
  // expect: payment-card-processing
  const last4 = card.number.slice(-4) && card.cardNumber.slice(-4);
  // expect: payment-card-processing
  delete card.cvv;
  return { last4 };
}

function checkout(form) {
  // expect: payment-card-processing
  return form.cardNumber.replace(/\d(?=\d{4})/g, '*');
}

function phoneHint(user) {
  // ok: payment-card-processing
  return user.phoneNumber.slice(-4);
}

function shortId(order) {
  // ok: payment-card-processing
  return order.id.slice(-4);
}

// ok: payment-card-processing
function getCardType(layout) {
  return layout.compact ? 'mini' : 'full';
}

function cleanup(draft) {
  // ok: payment-card-processing
  delete draft.title;
}

module.exports.cards = { luhnCheck, maskCardNumber, storeCard, checkout, phoneHint, shortId, getCardType, cleanup };

async function confirmEmail(userService, confirmationToken) {
  // expect: single-use-token-redemption
  const [user] = await userService.fetchAll({ filters: { confirmationToken } });
  // ok: single-use-token-redemption
  await userService.edit(user.id, { confirmed: true, confirmationToken: null });
  return user;
}

async function resetLookup(db, token) {
  return db.users.findOne({
    // expect: single-use-token-redemption
    where: { resetPasswordToken: token },
  });
}

function parseReset(security, token) {
  // expect: single-use-token-redemption
  return security.tokens.resetToken.extract({ token });
}

function emailLink(mailer, user) {
  // ok: single-use-token-redemption
  return mailer.send({ to: user.email, resetToken: user.pendingToken });
}

function csvRows(csv) {
  // ok: single-use-token-redemption
  return csv.tokens.parse(csv.text);
}

// expect: authentication-function-definition
const authenticateWithUrl = function (req, res, next) {
  return next();
};

// ok: authentication-function-definition
function authenticateWithinLimits(count) {
  return count < 10;
}

async function createSession(sessionService, req, res) {
  // expect: session-lifecycle-call
  await sessionService.createSessionForUser(req, res, req.user);
  // expect: session-lifecycle-call
  const verified = await sessionService.isVerifiedSession(req, res);
  // ok: session-lifecycle-call
  await analytics.createEvent(req, 'login');
  // ok: session-lifecycle-call
  return verified && res.session_count;
}

module.exports.tokens = { confirmEmail, resetLookup, parseReset, emailLink, csvRows, authenticateWithUrl, authenticateWithinLimits, createSession };
