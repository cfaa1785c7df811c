/**
 * Keeps package.json consistent with the code: every registered command is contributed (and
 * vice versa), the settings the issue asks for exist with descriptions, and no palette
 * command reuses a server command id (vscode-languageclient registers those itself).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

import { ServerCommand } from '../src/protocol';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string } };
  contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } };
};
const commandsSource = readFileSync(path.join(root, 'src', 'commands.ts'), 'utf8');

describe('package.json', () => {
  it('contributes exactly the commands the extension registers', () => {
    const registered = [...commandsSource.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, registered);
  });

  it('does not reuse the server command ids', () => {
    const serverIds = new Set<string>(Object.values(ServerCommand));
    for (const { command } of manifest.contributes.commands) {
      assert.equal(serverIds.has(command), false, command);
    }
  });

  it('describes every required setting', () => {
    for (const key of ['stakes.profile', 'stakes.packs', 'stakes.severityOverrides', 'stakes.decorations.enabled', 'stakes.server.path', 'stakes.trace.server', 'stakes.reviewer']) {
      const property = manifest.contributes.configuration.properties[key];
      assert.ok(property, `missing setting ${key}`);
      assert.ok((property.description ?? property.markdownDescription ?? '').length > 20, `${key} needs a description`);
    }
  });

  it('supports untrusted workspaces in limited mode and activates for every language', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const language of ['python', 'javascript', 'typescript', 'typescriptreact', 'javascriptreact', 'go', 'java']) {
      assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
    }
  });
});
