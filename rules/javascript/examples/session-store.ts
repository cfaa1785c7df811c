import { randomUUID } from 'node:crypto';
import Keygrip from 'keygrip';

const ONE_DAY = 24 * 60 * 60 * 1000;

// A hand-written session layer over a key-value store.
export class RequestSession {
  constructor(private ctx: any, private store: any, private opts: any) {}

  async loadFromStore() {
    // expect: session-store-access
    const sid = this.ctx.cookies.get(this.opts.key, { signed: true });
    if (!sid) return this.startFresh();
    // expect: session-store-access
    const data = await this.store.get(sid);
    return data;
  }

  startFresh() {
    // expect: session-store-access
    this.ctx.sid = this.opts.genid?.(this.ctx);
  }

  async destroy(sid: string) {
    // expect: session-store-access
    await this.store.destroy(sid);
  }

  async persist(sid: string, data: Record<string, unknown>) {
    data._expire = Date.now() + ONE_DAY;
    // expect: session-store-access
    await this.store.set(sid, data, ONE_DAY);
  }
}

export async function logoutEverywhere(req: any, userId: string) {
  // expect: session-store-access
  req.sessionStore.destroy(req.sessionID);
  // expect: session-store-access
  await auth.invalidateUserSessions(userId);
}

export function newSessionId() {
  // expect: session-store-access
  return generateSessionId();
}

// Bait: stores, caches and client sessions that hold no login state.
export class SettingsPanel {
  constructor(private store: any) {}
  theme() {
    // ok: session-store-access
    return this.store.get('theme');
  }
}

export class HttpSessionPool {
  constructor(private store: any) {}
  reuse(host: string) {
    // ok: session-store-access
    return this.store.get(host);
  }
}

export class SessionStorageCache {
  constructor(private store: Map<string, string>) {}
  read(key: string) {
    // ok: session-store-access
    return this.store.get(key);
  }
}

export async function runInTransaction(mongoClient: any) {
  // ok: session-store-access
  const txn = mongoClient.startSession();
  // ok: session-store-access
  const cdp = await page.target().createCDPSession();
  return [txn, cdp];
}

export function nextPageCursor(cursor: string) {
  // ok: session-store-access
  return cache.get(`cursor:${cursor}`);
}

// Signing a cookie value against a rotating key list.
export function readSignedCookie(req: any, keys: Keygrip, name: string) {
  const value = req.cookies[name];
  // expect: session-middleware-call
  const remote = req.cookies[name + '.sig'];
  // expect: session-middleware-call
  const index = keys.index(`${name}=${value}`, remote);
  // expect: session-middleware-call
  return index < 0 ? undefined : [value, index > 0 && keys.sign(`${name}=${value}`)];
}

export function objectFields(obj: object) {
  // ok: session-middleware-call
  const names = Object.keys(obj).sort();
  // ok: session-middleware-call
  return names.indexOf('.sig.json');
}

// Whether the request arrived over TLS (drives the Secure cookie flag and HTTPS redirects).
export function requestIsTls(req: any) {
  // expect: tls-options-call
  return req.socket ? req.socket.encrypted : req.connection.encrypted;
}

export function clientCertificateAccepted(req: any) {
  // expect: tls-options-call
  return req.socket.authorized === true;
}

export function encryptedPayloadSize(message: { encrypted: Uint8Array }) {
  // ok: tls-options-call
  return message.encrypted.byteLength;
}

// The CSRF secret kept in the session or a cookie.
export function readCsrfSecret(req: any, cookie?: { key: string }) {
  const bag = cookie ? req.signedCookies : req.session;
  // expect: csrf-protection-config
  return bag[cookie ? cookie.key : 'csrfSecret'];
}

export function csrfErrorCode() {
  // ok: csrf-protection-config
  return { code: 'EBADCSRFTOKEN', message: 'csrf secret missing' };
}

// Writing a raw Set-Cookie header.
export function appendCookieHeader(res: any, serialized: string) {
  const prev = res.getHeader('set-cookie') || [];
  // ok: session-cookie-set-call
  res.setHeader('set-cookie', [].concat(prev, serialized));
}

export function writeSessionHeader(res: any, sid: string) {
  // expect: session-cookie-set-call
  res.setHeader('Set-Cookie', `sid=${sid}; HttpOnly; Secure`);
}

export const uuid = randomUUID;
