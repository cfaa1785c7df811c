'use strict';

const ALLOWED_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];

function corsHeaders(req, res, next) {
  // expect: cors-origin-policy
  const requestOrigin = req.headers.origin;
  // expect: cors-origin-policy
  if (ALLOWED_ORIGINS.includes(requestOrigin)) {
    // expect: cors-origin-policy
    res.setHeader('Access-Control-Allow-Origin', requestOrigin);
    // expect: cors-origin-policy
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  // ok: cors-origin-policy
  res.setHeader('Vary', 'Origin');
  next();
}

function originMatches(origin, allowed) {
  // expect: cors-origin-policy
  return origin === allowed.origin;
}

function credentialsHeader(options) {
  if (options.credentials === true) {
    // expect: cors-origin-policy
    return { key: 'Access-Control-Allow-Credentials', value: 'true' };
  }
  return null;
}

function onMessage(event) {
  // expect: cors-origin-policy
  if (event.origin !== 'https://checkout.example.com') return;
  handle(event.data);
}

function fromFetchHeaders(request) {
  // expect: cors-origin-policy
  return request.headers.get('Origin');
}

function createSocketServer(WebSocketServer) {
  // expect: cors-origin-policy
  return new WebSocketServer({ port: 8080, verifyClient: (info) => ALLOWED_ORIGINS.includes(info.origin) });
}

function handle(data) {
  return data;
}

// Keyword bait: geometry, maps and plain headers.
function translate(shape, point) {
  // ok: cors-origin-policy
  return { x: shape.origin.x + point.x, y: shape.origin.y + point.y };
}

function sameCorner(a, b) {
  // ok: cors-origin-policy
  return a.corner === b.corner;
}

function contentHeaders(res) {
  // ok: cors-origin-policy
  res.setHeader('Access-Control-Max-Age', '600');
  // ok: cors-origin-policy
  res.setHeader('Content-Type', 'application/json');
}

// expect: cors-origin-policy
function preflight(options, req, res, next) {
  if (req.method === 'OPTIONS') {
    res.statusCode = 204;
    return res.end();
  }
  return next();
}

function poolFor(pools, upstreamOrigin) {
  // ok: cors-origin-policy
  return pools.find((pool) => pool.origin === upstreamOrigin);
}

function hasBody(method) {
  // ok: cors-origin-policy
  return method !== 'OPTIONS' && method !== 'HEAD';
}

function gitRemote(remotes) {
  // ok: cors-origin-policy
  return remotes.find((r) => r.name === 'upstream');
}
