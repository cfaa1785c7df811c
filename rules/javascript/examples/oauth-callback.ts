import * as client from 'openid-client';

interface Cookies {
  get(name: string): string | undefined;
}
declare const checks: {
  state: { create(o: object): Promise<string>; verify(c: Cookies): Promise<string> };
  pkce: { create(o: object): Promise<string>; use(c: Cookies): Promise<string> };
};

export async function startLogin(options: object) {
  // expect: oauth-flow-check
  const state = await checks.state.create(options);
  // expect: oauth-flow-check
  const challenge = await checks.pkce.create(options);
  // expect: oauth-flow-check
  return { state, params: { code_challenge: challenge, code_challenge_method: 'S256' } };
}

export async function finishLogin(query: URLSearchParams, cookies: Cookies) {
  const returnedState = query.get('state');
  // expect: oauth-flow-check
  if (returnedState !== cookies.get('oauth_state')) {
    throw new Error('state mismatch');
  }
  // expect: oauth-flow-check
  const verifier = await checks.pkce.use(cookies);
  // expect: oauth-flow-check
  await checks.state.verify(cookies);
  const body = new URLSearchParams({
    // expect: oauth-flow-check
    grant_type: 'authorization_code',
    code: query.get('code') ?? '',
    // expect: oauth-flow-check
    code_verifier: verifier,
  });
  return fetch('https://idp.example.com/token', { method: 'POST', body });
}

export function refreshBody(form: URLSearchParams, token: string) {
  // expect: oauth-flow-check
  form.set('grant_type', 'refresh_token');
  form.set('refresh_token', token);
  return form;
}

export function openidParams(oidc: { callbackParams(req: unknown): object }, req: unknown) {
  // expect: oauth-flow-check
  return oidc.callbackParams(req);
}

export function randomState() {
  return client.randomState();
}

// Keyword bait: UI state, state machines and auth-URL building.
export function nextState(state: { step: number }, action: { type: string }) {
  // ok: oauth-flow-check
  if (state.step === 2 && action.type === 'next') return { step: 3 };
  return state;
}

export function machine(fsm: { state: { use(plugin: object): void } }) {
  // ok: oauth-flow-check
  fsm.state.use({});
}

export function loginUrl(base: string, returnTo: string) {
  // ok: oauth-flow-check
  return `${base}/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export function grantLabel(grant: { kind: string }) {
  // ok: oauth-flow-check
  return grant.kind === 'admin' ? 'Administrator' : 'Member';
}
