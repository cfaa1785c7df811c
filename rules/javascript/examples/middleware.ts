import type { NextFunction, Request, Response } from 'express';
import { getServerSession } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { UnauthorizedException } from '@nestjs/common';
import passport from 'passport';

declare function verifySession(sid: string): Promise<{ id: string; roles: string[] } | null>;
declare const authOptions: object;
declare const firebaseAuth: { verifyIdToken(token: string): Promise<{ uid: string }> };

export async function sessionUser(req: Request & { user?: unknown }, res: Response, next: NextFunction) {
  const sid = req.signedCookies.sid;
  const user = sid ? await verifySession(sid) : null;
  if (!user) {
    // expect: auth-denial-response
    return res.status(401).json({ error: 'unauthenticated' });
  }
  // expect: request-identity-assignment
  req.user = user;
  return next();
}

export function adminOnly(req: Request & { user?: { roles: string[] } }, res: Response, next: NextFunction) {
  if (!req.user?.roles.includes('admin')) {
    // expect: auth-denial-response
    return res.sendStatus(403);
  }
  return next();
}

export async function koaAuth(ctx: { state: { user?: unknown }; session: { userId?: string }; throw(status: number): never }, next: () => Promise<void>) {
  // expect: auth-session-lookup
  const decoded = await firebaseAuth.verifyIdToken('');
  // expect: request-identity-assignment
  ctx.state.user = decoded;
  // expect: request-identity-assignment
  ctx.session.userId = decoded.uid;
  await next();
}

export async function pageData() {
  // expect: auth-session-lookup
  const session = await getServerSession(authOptions);
  if (!session) {
    // expect: auth-denial-response
    return new Response('Unauthorized', { status: 401 });
  }
  return session;
}

export async function apiToken(req: Request) {
  // expect: auth-session-lookup
  return getToken({ req: req as never, secret: process.env.NEXTAUTH_SECRET });
}

export function idToken(token: string) {
  // expect: auth-session-lookup
  return firebaseAuth.verifyIdToken(token);
}

export function nestGuard(allowed: boolean) {
  // expect: auth-denial-response
  if (!allowed) throw new UnauthorizedException();
  return true;
}

// expect: passport-strategy
passport.serializeUser((user: { id: string }, done) => done(null, user.id));

export class SessionSerializer {
  // expect: passport-strategy
  serializeUser(user: { id: string }, done: (err: Error | null, id?: string) => void) {
    done(null, user.id);
  }
}

// Keyword bait: HTTP clients, error classes, test assertions, view state.
export class AuthError extends Error {
  status: number;
  constructor(message: string) {
    super(message);
    // ok: auth-denial-response
    this.status = 401;
  }
}

export async function fetchProfile(res: globalThis.Response) {
  // ok: auth-denial-response
  if (res.status === 401) return null;
  return res.json();
}

export function notFound(res: Response) {
  // ok: auth-denial-response
  return res.status(404).send('missing');
}

export function viewState(state: { user?: string }, store: { user?: string }, name: string) {
  // ok: request-identity-assignment
  state.user = name;
  // ok: request-identity-assignment
  store.user = name;
  return state;
}

export function tagRequest(req: { requestId?: string; startedAt?: number }) {
  // ok: request-identity-assignment
  req.requestId = crypto.randomUUID();
  // ok: request-identity-assignment
  req.startedAt = Date.now();
}

export async function dbPing(sequelize: { authenticate(): Promise<void> }, cache: { getSession(id: string): unknown }) {
  // ok: auth-session-lookup
  await sequelize.authenticate();
  // ok: auth-session-lookup
  return cache.getSession('x');
}

export function serializeRow(row: { id: string }) {
  // ok: passport-strategy
  return JSON.stringify(row);
}

export function parseChallenge(response: globalThis.Response) {
  // ok: auth-denial-response
  return response.headers.get('www-authenticate');
}
