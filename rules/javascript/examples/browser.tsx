import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';

export function rememberLogin(accessToken: string) {
  // expect: browser-token-storage
  localStorage.setItem('access_token', accessToken);
}

export function currentJwt(): string | null {
  // expect: browser-token-storage
  return window.localStorage.getItem('authToken');
}

export function rememberTheme(theme: string) {
  // ok: browser-token-storage
  localStorage.setItem('theme', theme);
}

export function lastSearch(): string | null {
  // ok: browser-token-storage
  return sessionStorage.getItem('search:tokenizer-mode');
}

export function middleware(request: NextRequest) {
  // expect: authorization-header-read
  const session = request.cookies.get('session')?.value;
  return session ? NextResponse.next() : NextResponse.redirect(new URL('/login', request.url));
}

export async function currentUserId() {
  // expect: authorization-header-read
  const sid = (await cookies()).get('__Host-sid');
  return sid?.value ?? null;
}

export function preferredLocale(request: NextRequest) {
  // ok: authorization-header-read
  return request.cookies.get('locale')?.value ?? 'en-GB';
}
