import { hkdf } from '@panva/hkdf';

// expect: credential-binding
export async function login(email: string, password: string) {
  // expect: credential-binding
  return fetch('/api/login', { method: 'POST', body: JSON.stringify({ email, password }) });
}

// expect: credential-binding
export function deriveKey(keyMaterial: Uint8Array, salt: string) {
  // expect: key-derivation-call
  return hkdf('sha256', keyMaterial, salt, 'app encryption key', 32);
}

export function loadSettings(env: Record<string, string>) {
  // expect: credential-binding
  const clientSecret = env.OAUTH_CLIENT_SECRET;
  return { clientId: env.OAUTH_CLIENT_ID, hasSecret: Boolean(clientSecret) };
}

// expect: credential-binding
export async function sealState(encode: (o: object) => Promise<string>, value: string, jwtOptions: { secret: string }) {
  return encode({
    // expect: credential-binding
    secret: jwtOptions.secret,
    token: value,
  });
}

// ok: credential-binding
export function nextToken(token: string, tokens: string[]) {
  return tokens[tokens.indexOf(token) + 1];
}

// ok: credential-binding
export function cacheGet(cache: Map<string, string>, key: string) {
  return cache.get(key);
}

export async function getJson(url: string) {
  // ok: credential-binding
  const res = await fetch(url, { credentials: 'include', cache: 'no-store' });
  return res.json();
}

export function pageAfter(cursor: string | null) {
  // ok: credential-binding
  const nextCursor = cursor ? atob(cursor) : null;
  return nextCursor;
}

export class UserEntity {
  id!: string;
  email!: string;
  // expect: credential-binding
  passwordHash!: string;
  // ok: credential-binding
  tokenCount = 0;
}
