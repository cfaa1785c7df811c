import * as oauth from 'oauth4webapi';

export async function startLogin(as: oauth.AuthorizationServer, client: oauth.Client, redirectUri: string) {
  // expect: auth-protocol-call
  const codeVerifier = oauth.generateRandomCodeVerifier();
  // expect: auth-protocol-call
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', client.client_id);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('code_challenge', codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return { url, codeVerifier };
}

export function authorizeUrl(base: string, clientId: string): string {
  const url = new URL('/authorize', base);
  // ok: auth-protocol-call
  url.searchParams.set('client_id', clientId);
  return url.toString();
}

export function runJob(job: { callback: () => void; verify: () => boolean }) {
  // ok: auth-protocol-call
  return job.verify() && job.callback();
}

export async function callApi(url: string, accessToken: string) {
  // ok: authorization-header-read
  const headers = new Headers({ Accept: 'application/json' });
  // expect: authorization-header-read
  headers.set('Authorization', `Bearer ${accessToken}`);
  return fetch(url, { headers });
}

export async function finishPasskeyLogin(provider: { simpleWebAuthn: any }, response: unknown, expectedChallenge: string) {
  // expect: auth-protocol-call
  return provider.simpleWebAuthn.verifyAuthenticationResponse({ response, expectedChallenge, expectedOrigin: 'https://shop.example.com' });
}
