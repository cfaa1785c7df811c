'use strict';

const { defineAbility } = require('@casl/ability');

async function getOrder(req, res) {
  const order = await req.db.orders.findById(req.params.id);
  // expect: owner-comparison
  if (!order || order.userId !== req.user.id) {
    return res.status(404).end();
  }
  return res.json(order);
}

function canSeeDocument(doc, currentUserId) {
  // expect: owner-comparison
  return doc.ownerId === currentUserId;
}

function sameRow(a, b) {
  // ok: owner-comparison
  return a.id === b.id;
}

function isLastPage(page, cursor) {
  // ok: owner-comparison
  return page.nextCursor === cursor.id;
}

function adminOnly(req, res, next) {
  // expect: role-or-permission-check
  if (req.user.role !== 'admin') return res.status(403).end();
  return next();
}

function canExport(user) {
  // expect: role-or-permission-check
  return user.permissions.includes('orders:export');
}

function isButton(el) {
  // ok: role-or-permission-check
  return el.role === 'button';
}

function hasTag(post) {
  // ok: role-or-permission-check
  return post.tags.includes('featured');
}

// expect: authorization-function-definition
function checkPermission(user, action) {
  return Boolean(user && user.grants && user.grants[action]);
}

// expect: authorization-function-definition
const isAuthorized = (req) => Boolean(req.user);

// expect: authorization-function-definition
function canEditPost(user, post) {
  return user.isEditor && !post.locked;
}

// ok: authorization-function-definition
function authorizeUrl(clientId, redirectUri) {
  return `https://auth.example.com/authorize?client_id=${clientId}&redirect_uri=${encodeURIComponent(redirectUri)}`;
}

// ok: authorization-function-definition
function canScroll(el) {
  return el.scrollHeight > el.clientHeight;
}

// ok: authorization-function-definition
class AuthError extends Error {}

function abilityFor(user) {
  // expect: role-or-permission-check
  return defineAbility((can) => {
    can('read', 'Order', { userId: user.id });
  });
}

// expect: authorization-function-definition
function mayRefund(ability, order) {
  // expect: role-or-permission-check
  return ability.can('refund', order);
}

function canvasFor(doc) {
  // ok: role-or-permission-check
  return doc.canvas.getContext('2d');
}

function featureCheck(flags) {
  // ok: role-or-permission-check
  return flags.can('newCheckout');
}

module.exports = { getOrder, canSeeDocument, sameRow, isLastPage, adminOnly, canExport, isButton, hasTag, checkPermission, isAuthorized, canEditPost, authorizeUrl, canScroll, AuthError, abilityFor, mayRefund, canvasFor, featureCheck };

class ReportsController {
  // expect: auth-guard-decorator
  @Roles('finance')
  export() {
    return [];
  }

  // ok: auth-guard-decorator
  @Get('summary')
  summary() {
    return {};
  }
}

module.exports.ReportsController = ReportsController;

// Linter rules decide about syntax nodes, not people.
// ok: authorization-function-definition
function canRemoveSemicolon(node) {
  return node.parent.type !== 'ForStatement';
}

// ok: authorization-function-definition
function checkScopeAccess(astNode) {
  return astNode.scope.type === 'module';
}
