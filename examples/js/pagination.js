'use strict';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

function encodeCursor(row) {
  return Buffer.from(JSON.stringify({ id: row.id })).toString('base64url');
}

function decodeCursor(cursor) {
  if (!cursor) return null;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')).id;
  } catch {
    return null;
  }
}

function parsePageParams(query) {
  const limit = Math.min(Number.parseInt(query.limit, 10) || DEFAULT_LIMIT, MAX_LIMIT);
  return { cursor: query.cursor || null, limit };
}

async function paginate(collection, cursor, limit) {
  const afterId = decodeCursor(cursor);
  const rows = await collection.list({ afterId, limit: limit + 1 });
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(items[items.length - 1]) : null };
}

module.exports = { paginate, parsePageParams, encodeCursor, decodeCursor };
