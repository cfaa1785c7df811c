import jws from 'jws';

interface Session {
  access_token: string;
  expires_at: number;
}

export class AuthClient {
  private session: Session | null = null;

  // expect: authentication-function-definition
  async signInWithPassword(email: string, password: string) {
    return this.post('/token?grant_type=password', { email, password });
  }

  // expect: authentication-function-definition
  async verifyOtp(phone: string, code: string) {
    return this.post('/verify', { phone, code });
  }

  // expect: authentication-function-definition
  async resetPasswordForEmail(email: string) {
    return this.post('/recover', { email });
  }

  // expect: session-lifecycle-call
  private async saveSession(session: Session) {
    this.session = session;
  }

  // expect: session-lifecycle-call
  private async removeSession() {
    this.session = null;
  }

  isExpired(session: Session) {
    // expect: credential-expiry-check
    return session.expires_at * 1000 < Date.now() || this.tokenExpired(session);
  }

  tokenExpired(session: Session) {
    const payload = this.claims(session.access_token);
    // expect: credential-expiry-check
    return payload.exp <= Math.floor(Date.now() / 1000);
  }

  claims(jwt: string) {
    // expect: jwt-decode-call
    const [, body] = jwt.split('.');
    return JSON.parse(atob(body)) as { exp: number };
  }

  verifyCompact(signature: string, secretOrKey: string) {
    // expect: jwt-verify-call
    return jws.verify(signature, 'HS256', secretOrKey);
  }

  private async post(path: string, body: object) {
    return fetch(path, { method: 'POST', body: JSON.stringify(body) });
  }
}

// Keyword bait: HTTP client and browser sessions, caches, version strings, sign-up forms.
export class HttpSessionPool {
  // ok: session-lifecycle-call
  saveSession(id: string) {
    return id;
  }
}

export class Cache<T> {
  private entries = new Map<string, { value: T; expires: number }>();
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    // ok: credential-expiry-check
    if (!entry || entry.expires < Date.now()) return undefined;
    return entry.value;
  }
}

export function isFresh(file: { mtime: number }, maxAge: number) {
  // ok: credential-expiry-check
  return file.mtime + maxAge > Date.now();
}

export function majorVersion(version: string) {
  // ok: jwt-decode-call
  return version.split('.')[0];
}

// ok: authentication-function-definition
export function signupBanner(count: number) {
  return `${count} people joined this week`;
}

// ok: authentication-function-definition
export function registerServiceWorker(path: string) {
  return navigator.serviceWorker.register(path);
}

export function csrfFrom(req: { get(name: string): string | undefined; body: Record<string, string> }) {
  // expect: csrf-protection-config
  return req.get('x-csrf-token') ?? req.body['_csrf'];
}

export function themeHeader(res: { set(name: string, value: string): void }) {
  // ok: csrf-protection-config
  res.set('x-theme', 'dark');
}

export function authHeader(token: string) {
  // expect: authorization-header-read
  return { Authorization: `Bearer ${token}` };
}

// expect: authorization-header-read
const AUTH_HEADER = 'authorization';

export function parseBearer(value: string) {
  // expect: authorization-header-read
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  return match?.[1] ?? AUTH_HEADER;
}

export function secureCookieHeader(name: string, value: string) {
  // expect: cookie-security-flags
  return `${name}=${value}` + '; Secure';
}

export function bearBanner() {
  // ok: authorization-header-read
  return 'Bears are here';
}
