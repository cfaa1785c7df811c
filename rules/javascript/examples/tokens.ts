import { SignJWT, jwtVerify, decodeJwt, importJWK, createRemoteJWKSet, type JWK } from 'jose';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import session from 'express-session';
import { getIronSession } from 'iron-session';

// expect: key-material-call
const JWKS = createRemoteJWKSet(new URL('https://login.example.com/.well-known/jwks.json'));

// expect: token-function-definition
export async function mintSessionJwt(userId: string, key: Uint8Array): Promise<string> {
  // expect: jwt-sign-call
  return new SignJWT({ sub: userId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(key);
}

// expect: token-function-definition
export async function verifyIdToken(idToken: string) {
  // expect: jwt-verify-call
  const { payload } = await jwtVerify(idToken, JWKS, { issuer: 'https://login.example.com', audience: 'shop' });
  return payload;
}

export async function lenientVerify(idToken: string) {
  // expect: jwt-verify-call
  return jwtVerify(idToken, JWKS, {
    // expect: jwt-unsafe-options
    clockTolerance: 86400000,
  });
}

export function peekExpiry(token: string): number | undefined {
  // expect: jwt-decode-call
  return decodeJwt(token).exp;
}

export function decodeHtmlEntities(text: string): string {
  // ok: jwt-decode-call, jwt-verify-call
  return text.replace(/&amp;/g, '&');
}

export async function loadKey(jwk: JWK) {
  // expect: key-material-call
  return importJWK(jwk, 'ES256');
}

@Injectable()
export class AuthTokens {
  constructor(private readonly jwtService: JwtService) {}

  // expect: token-function-definition
  async createRefreshToken(userId: string): Promise<string> {
    // expect: jwt-sign-call
    return this.jwtService.signAsync({ sub: userId }, { expiresIn: '30d' });
  }

  // expect: token-function-definition
  async validateToken(token: string) {
    // expect: jwt-verify-call
    return this.jwtService.verifyAsync(token);
  }
}

export function signatureLine(doc: { sign: (by: string) => string }, name: string): string {
  // ok: jwt-sign-call
  return doc.sign(name);
}

export function tableOptions() {
  // ok: jwt-unsafe-options, cookie-flag-disabled
  return { clockTolerance: 5, algorithms: ['quicksort'], secure: false, sameSite: 'none' };
}

export function sessionMiddleware() {
  // expect: session-middleware-call
  return session({ secret: process.env.SESSION_SECRET!.split(','), resave: false, saveUninitialized: false });
}

export async function currentSession(req: Request, res: Response) {
  // expect: session-middleware-call
  return getIronSession(req, res, { password: process.env.IRON_PASSWORD!, cookieName: 'app_session' });
}

export function httpClient(fetchImpl: typeof fetch) {
  // ok: session-middleware-call, session-lifecycle-call
  const session = { fetch: fetchImpl, headers: new Headers() };
  return session;
}

export function dbSession(db: { session: () => unknown }) {
  // ok: session-middleware-call
  return db.session();
}

export function cookieForTheme(res: { cookie: (n: string, v: string, o: object) => void }) {
  // ok: cookie-flag-disabled, session-cookie-set-call
  res.cookie('theme', 'dark', { path: '/' });
}
