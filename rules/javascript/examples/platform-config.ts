import { createClient } from '@supabase/supabase-js';
import { PublicClientApplication } from '@azure/msal-browser';
import { BrowserWindow, app, session } from 'electron';
import https from 'https';
import { X509Certificate } from 'crypto';
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import keytar from 'keytar';
import aws4 from 'aws4';
import axios from 'axios';
import Cookies from 'js-cookie';
import { setCookie } from 'nookies';
import { sign as honoSign, verify as honoVerify } from 'hono/jwt';
import { useSession } from 'h3';
import { shield, rule } from 'graphql-shield';
import * as iam from 'aws-cdk-lib/aws-iam';

export function supabaseBrowser(url: string, anonKey: string) {
  return createClient(url, anonKey, {
    auth: {
      // expect: auth-client-options
      flowType: 'pkce',
      // expect: auth-client-options
      persistSession: true,
    },
  });
}

export const msal = new PublicClientApplication({
  auth: { clientId: 'app' },
  // expect: auth-client-options
  cache: { cacheLocation: 'localStorage' },
});

export function download(url: string) {
  // ok: auth-client-options
  return axios.get(url, { responseType: 'json', timeout: 5000 });
}

export function pageSettings() {
  // ok: auth-client-options
  return { persist: true, flow: 'horizontal' };
}

export function openWindow() {
  return new BrowserWindow({
    webPreferences: {
      // expect: electron-security-setting
      nodeIntegration: true,
      // expect: electron-security-setting
      contextIsolation: false,
      // ok: electron-security-setting
      sandbox: true,
    },
  });
}

export function permissions() {
  // expect: electron-security-setting
  session.defaultSession.setPermissionRequestHandler((wc, permission, cb) => cb(permission === 'notifications'));
}

export function layout() {
  // ok: electron-security-setting
  return { integration: true, isolation: false };
}

export function trustHandlers() {
  // expect: certificate-trust-check
  app.on('certificate-error', (event, wc, url, error, cert, callback) => callback(false));
  // ok: certificate-trust-check
  app.on('window-all-closed', () => app.quit());
}

export function pinnedAgent(pinned: string) {
  return new https.Agent({
    // expect: certificate-trust-check
    checkServerIdentity: (host, cert) => (cert.fingerprint256 === pinned ? undefined : new Error('pin')),
  });
}

export function checkCert(pem: string, host: string) {
  // expect: certificate-trust-check
  return new X509Certificate(pem).checkHost(host);
}

export function fingerprintOfFile(a: { fingerprint: string }, b: string) {
  // ok: certificate-trust-check
  return a.fingerprint.length > b.length;
}

export async function dbPassword(client: SecretsManagerClient) {
  // expect: secret-store-call
  const out = await client.send(new GetSecretValueCommand({ SecretId: 'db' }));
  // expect: secret-store-call
  await keytar.setPassword('app', 'db', out.SecretString ?? '');
  return out;
}

export async function readSettings(store: Map<string, string>) {
  // ok: secret-store-call
  return store.get('theme');
}

export function preferences(prefs: { getItem(k: string): string }) {
  // ok: secret-store-call
  return prefs.getItem('language');
}

export async function uploadUrl(s3: any, cmd: any) {
  // expect: request-signing-call
  return getSignedUrl(s3, cmd, { expiresIn: 300 });
}

export function signedFetch(opts: object, creds: object) {
  // expect: request-signing-call
  return aws4.sign(opts, creds);
}

export function publicUrl(cdn: { url(p: string): string }, path: string) {
  // ok: request-signing-call
  return cdn.url(path);
}

export function signatureOfForm(form: { signUp(): void }) {
  // ok: request-signing-call
  return form.signUp();
}

export function rememberToken(token: string) {
  // expect: session-cookie-set-call
  Cookies.set('access_token', token, { secure: true, sameSite: 'strict' });
  // ok: session-cookie-set-call
  Cookies.set('theme', 'dark');
}

export function serverCookie(ctx: any, sid: string) {
  // expect: session-cookie-set-call
  setCookie(ctx, 'session', sid, { httpOnly: true });
  // expect: session-cookie-set-call
  document.cookie = 'session_id=' + sid + '; Secure';
  // ok: session-cookie-set-call
  document.cookie = 'lang=en; path=/';
}

export async function honoTokens(payload: object, key: string, tok: string) {
  // expect: jwt-sign-call
  const t = await honoSign(payload, key);
  // expect: jwt-verify-call
  return [t, await honoVerify(tok, key)];
}

export async function nuxtSession(event: any, pw: string) {
  // expect: session-middleware-call
  return useSession(event, { password: pw });
}

// expect: role-or-permission-check
export const permissionsLayer = shield({
  // expect: role-or-permission-check
  Query: { me: rule()(async (_p: unknown, _a: unknown, ctx: any) => ctx.user !== null) },
});

export function bucketPolicy(bucket: any) {
  // expect: role-or-permission-check
  bucket.addToResourcePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }));
}

export function authorizerResult(principal: string, resource: string) {
  return {
    // expect: role-or-permission-check
    principalId: principal,
    // expect: role-or-permission-check
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }] },
  };
}

export function chartPolicy(chart: any) {
  // ok: role-or-permission-check
  return chart.addSeries({ effect: 'fade', principal: 'x' });
}
