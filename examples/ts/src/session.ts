import { jwtVerify, type JWTPayload } from 'jose';

export interface SessionClaims extends JWTPayload {
  sub: string;
  role: 'customer' | 'staff';
}

const SESSION_COOKIE = '__Host-shop_session';
const encoder = new TextEncoder();

function signingKey(): Uint8Array {
  const secret = process.env.SESSION_JWT_SECRET;
  if (!secret) {
    throw new Error('SESSION_JWT_SECRET is not set');
  }
  return encoder.encode(secret);
}

export async function readSession(token: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), {
      issuer: 'https://shop.example.com',
      audience: 'shop-web',
      algorithms: ['HS256'],
    });
    return payload as SessionClaims;
  } catch {
    return null;
  }
}

export function sessionCookieHeader(token: string, maxAgeSeconds: number): string {
  const attributes = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'Secure',
    'SameSite=Lax',
  ];
  return attributes.join('; ');
}

export class SessionStore {
  constructor(private readonly cookies: Map<string, string>) {}

  async current(): Promise<SessionClaims | null> {
    const token = this.cookies.get(SESSION_COOKIE);
    return token ? readSession(token) : null;
  }

  setCookieOptions() {
    return { httpOnly: true, secure: true, sameSite: 'lax' as const, path: '/' };
  }
}
