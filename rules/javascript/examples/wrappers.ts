import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';

type Handler = (req: NextRequest) => Promise<Response>;
declare function currentUser(req: NextRequest): Promise<{ id: string; roles: string[] } | null>;

// expect: auth-wrapper-definition
export function withAuth(handler: Handler): Handler {
  return async (req) => {
    const user = await currentUser(req);
    if (!user) return NextResponse.redirect(new URL('/login', req.url));
    return handler(req);
  };
}

// expect: auth-wrapper-definition
export function requireRole(role: string) {
  return (handler: Handler): Handler => async (req) => {
    const user = await currentUser(req);
    return user?.roles.includes(role) ? handler(req) : new Response(null, { status: 403 });
  };
}

// expect: auth-wrapper-definition
export const authMiddleware = async (req: NextRequest) => ((await currentUser(req)) ? NextResponse.next() : NextResponse.redirect('/login'));

// expect: auth-wrapper-definition
export function protectedRoute(handler: Handler): Handler {
  return handler;
}

// Keyword bait: authors, layouts, theming and object protection.
// ok: auth-wrapper-definition
export function withAuthor(post: { title: string }, author: string) {
  return { ...post, author };
}

// ok: auth-wrapper-definition
export function withLayout(page: Handler): Handler {
  return page;
}

// ok: auth-wrapper-definition
export function protect<T extends object>(value: T): Readonly<T> {
  return Object.freeze(value);
}

// ok: auth-wrapper-definition
export function withTheme<T>(component: T): T {
  return component;
}
