import crypto from 'node:crypto';

// Calling the application's own verification helpers.
export async function requireUser(req: any) {
  const bearer = req.headers.authorization?.slice(7);
  // expect: jwt-verify-call
  const claims = await verifyAccessToken(bearer);
  return claims.sub;
}

export function onSignatureReady(stream: any) {
  // expect: jwt-verify-call
  const valid = jwsVerify(stream.signature, stream.algorithm, stream.key);
  stream.emit('done', valid);
}

export class ExpressionLexer {
  next() {
    // ok: jwt-verify-call
    return this.verifyToken(this.peek());
  }
}

export function checkEmailLink(user: any) {
  // ok: jwt-verify-call
  return verifyEmailAddress(user.email);
}

// JWT expiry against a local clock variable.
export function validateExp(exp: number) {
  const timeNow = Math.floor(Date.now() / 1000);
  // expect: credential-expiry-check
  if (exp <= timeNow) throw new Error('JWT has expired');
}

export function sessionStillValid(session: { expiresAt: number }, nowMs: number) {
  // expect: credential-expiry-check
  return session.expiresAt > nowMs;
}

export function nextRetry(attempt: number, now: number) {
  const delay = 2 ** attempt;
  // ok: credential-expiry-check
  return delay < now;
}

export function paginate(cursor: { expiry: string }, knownSize: number) {
  // ok: credential-expiry-check
  return cursor.expiry.length > knownSize;
}

// Mapping a JWS alg to verification parameters.
export function getAlgorithm(alg: string) {
  switch (alg) {
    // expect: key-algorithm-check
    case 'RS256':
      // expect: key-algorithm-check
      return { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } };
    // expect: key-algorithm-check
    case 'ES256':
      // expect: key-algorithm-check
      return { name: 'ECDSA', namedCurve: 'P-256', hash: { name: 'SHA-256' } };
    default:
      throw new Error('unsupported alg');
  }
}

export function tokenKind(token: { type: string }) {
  switch (token.type) {
    // ok: key-algorithm-check
    case 'RS256':
      return 'lexer token named like an algorithm';
    default:
      // ok: key-algorithm-check
      return { name: 'HMAC-report', label: 'ETag' };
  }
}

// PKCE helpers.
async function sha256(randomString: string) {
  const data = new TextEncoder().encode(randomString);
  // expect: secret-digest
  const digest = await crypto.subtle.digest('SHA-256', data);
  return String.fromCharCode(...new Uint8Array(digest));
}

// expect: oauth-flow-check
export async function generatePKCEChallenge(verifier: string) {
  const hashed = await sha256(verifier);
  return btoa(hashed).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// expect: oauth-flow-check
export async function createCodeVerifier() {
  return crypto.randomBytes(32).toString('base64url');
}

// ok: oauth-flow-check
export const pkceVerifierSlotKey = (storageKey: string, flowId: string) => `${storageKey}-flow-${flowId}`;

// ok: oauth-flow-check
export function getChallengeScore(game: { points: number }) {
  return game.points;
}

export async function fileChecksum(contents: Uint8Array) {
  // ok: secret-digest
  return crypto.subtle.digest('SHA-256', contents);
}

export function etagFor(body: string, cacheKey: string) {
  // ok: secret-digest
  return crypto.createHash('sha256').update(body + cacheKey).digest('base64');
}

// MD5 and SHA-1 wrappers: the wrapper itself is plain, its callers decide.
function md5(bytes: Uint8Array | string) {
  // ok: weak-hash-call
  return crypto.createHash('md5').update(bytes).digest();
}

export function nameBasedUuid(namespace: string, name: string) {
  // ok: weak-hash-call
  const bytes = crypto.createHash('sha1').update(namespace + name).digest();
  return bytes.subarray(0, 16);
}

export function legacyPasswordDigest(password: string) {
  // expect: weak-hash-call
  return md5(password);
}

export function sessionChanged(sess: object, previous: string) {
  const str = JSON.stringify(sess);
  // ok: weak-hash-call
  return crypto.createHash('sha1').update(str, 'utf8').digest('hex') !== previous;
}

export function signJsonBody(body: object, secret: string) {
  const str = JSON.stringify(body) + secret;
  // expect: weak-hash-call, secret-digest
  return crypto.createHash('md5').update(str).digest('hex');
}

export function legacySignature(payload: string) {
  // expect: weak-hash-call
  return crypto.createHash('sha1').update(payload).digest('hex');
}
