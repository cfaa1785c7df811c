/**
 * Turns the extension's settings into what the server receives.
 *
 * The server reads the `stakes` section both as `initializationOptions` and through
 * `workspace/configuration` (docs/protocol.md); both paths go through these functions so
 * the untrusted-workspace restriction cannot be bypassed by one of them.
 */
import * as path from 'node:path';

import { isLevel, type StakesLevel } from './protocol';

export const PROFILES = ['prototype', 'internal', 'production', 'critical'] as const;
export type Profile = (typeof PROFILES)[number];
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The raw values read from the `stakes` configuration section. */
export interface StakesSettings {
  profile: unknown;
  packs: unknown;
  severityOverrides: unknown;
  reviewer: unknown;
}

/** What the server gets as `initializationOptions` and as the `stakes` configuration section. */
export interface ServerOptionsPayload {
  profile: Profile | null;
  packs: string[];
  severityOverrides: Partial<Record<StakesLevel, Severity>>;
  reviewer?: string;
  trustedWorkspace: boolean;
}

function isProfile(value: unknown): value is Profile {
  return typeof value === 'string' && (PROFILES as readonly string[]).includes(value);
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Builds the payload; invalid values are dropped (VS Code does not enforce a setting's schema).
 * In an untrusted workspace extra packs are withheld, because a pack from the workspace is
 * content the user has not agreed to trust; the server also ignores `.stakes/rules/` then.
 */
export function buildServerOptions(settings: StakesSettings, trusted: boolean, workspaceFolder?: string): ServerOptionsPayload {
  const packs = trusted && Array.isArray(settings.packs)
    ? settings.packs
        .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
        .map((p) => resolvePath(p, workspaceFolder))
    : [];
  const severityOverrides: Partial<Record<StakesLevel, Severity>> = {};
  if (typeof settings.severityOverrides === 'object' && settings.severityOverrides !== null) {
    for (const [level, severity] of Object.entries(settings.severityOverrides as Record<string, unknown>)) {
      if (isLevel(level) && isSeverity(severity)) {
        severityOverrides[level] = severity;
      }
    }
  }
  const payload: ServerOptionsPayload = {
    profile: isProfile(settings.profile) ? settings.profile : null,
    packs,
    severityOverrides,
    trustedWorkspace: trusted,
  };
  if (typeof settings.reviewer === 'string' && settings.reviewer.trim() !== '') {
    payload.reviewer = settings.reviewer.trim();
  }
  return payload;
}

/**
 * Expands `~`, `${userHome}` and `${workspaceFolder}` and makes a relative path absolute
 * against the workspace folder, the way people expect from VS Code path settings.
 */
export function resolvePath(
  raw: string,
  workspaceFolder?: string,
  options: { home?: string; keepBareNames?: boolean } = {},
): string {
  const home = options.home ?? process.env.HOME ?? process.env.USERPROFILE ?? '';
  let value = raw.trim();
  value = value.replace(/\$\{userHome\}/g, home);
  if (workspaceFolder !== undefined) {
    value = value.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
    value = path.join(home, value.slice(1));
  }
  const bare = !/[\\/]/.test(value);
  if (!path.isAbsolute(value) && workspaceFolder !== undefined && !(bare && options.keepBareNames)) {
    // With keepBareNames, a name such as "stakes" is left alone so that it is looked up on PATH.
    value = path.join(workspaceFolder, value);
  }
  return value;
}

/** Settings whose change needs a server restart; the rest are handled by the client alone. */
export const RESTART_SETTINGS = ['stakes.profile', 'stakes.packs', 'stakes.severityOverrides', 'stakes.server.path', 'stakes.reviewer'] as const;
