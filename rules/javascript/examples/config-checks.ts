import { createHash } from 'node:crypto';

interface AuthOptions {
  secret?: string;
  url?: string;
}

export function assertOptions(options: AuthOptions): void {
  // expect: security-config-assertion
  if (!options.secret) {
    throw new Error('Set the AUTH_SECRET environment variable');
  }
  // expect: security-config-assertion
  if (options.secret.length < 32) {
    throw new Error('AUTH_SECRET must be at least 32 characters');
  }
}

export function loadSigningKey(env: Record<string, string | undefined>): string {
  const signingKey = env.SIGNING_KEY;
  // expect: security-config-assertion
  if (!signingKey || process.env.NODE_ENV === 'production') {
    return signingKey ?? '';
  }
  return signingKey;
}

// Keyword bait: caches, lists and pages.
export function readCache(cache: Map<string, string>, cacheKey: string): string {
  // ok: security-config-assertion
  if (!cacheKey) {
    throw new Error('cacheKey is required');
  }
  return cache.get(cacheKey) ?? '';
}

export function firstPage(items: string[], cursor?: string): string[] {
  // ok: security-config-assertion
  if (!cursor) return items.slice(0, 20);
  // ok: security-config-assertion
  if (cursor.length < 4) return [];
  return items;
}

export function digestOf(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}
