// `switchboard.context.exclude` has one default (src/core/context/defaultContextExclude.ts), used by the engine's
// matcher and the settings reader, and written again in package.json (what the Settings editor shows and edits).
// They must never drift apart: a secret the engine protects by default must be in the list a user sees and edits.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultContextExcludeSetting, defaultSettings } from '../../../src/core/config/switchboardSettings';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';

const root = path.resolve(__dirname, '..', '..', '..');

interface ManifestSetting {
  default?: unknown;
  scope?: string;
  type?: string;
}

function manifestSetting(id: string): ManifestSetting {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, ManifestSetting> } };
  };
  const setting = manifest.contributes.configuration.properties[id];
  assert.ok(setting, `package.json does not contribute ${id}`);
  return setting;
}

describe('switchboard.context.exclude default', () => {
  it('is the same list in package.json, the settings reader and the engine', () => {
    assert.deepEqual(manifestSetting('switchboard.context.exclude').default, [...defaultContextExclude]);
    // Inline completions never send these files either (switchboard.completions.exclude starts as the same list).
    assert.deepEqual(manifestSetting('switchboard.completions.exclude').default, [...defaultContextExclude]);
    assert.equal(manifestSetting('switchboard.completions.exclude').scope, 'application');
    assert.deepEqual([...defaultContextExcludeSetting], [...defaultContextExclude]);
    assert.deepEqual(defaultSettings.contextExclude, [...defaultContextExclude]);
  });

  it('excludes environment files and private keys with the default list', () => {
    const exclusion = createContextExclusion(defaultSettings.contextExclude);
    for (const file of ['.env', 'app/.env.local', 'certs/server.pem', 'deploy/id_ed25519', 'secrets/tls.key'])
      assert.equal(exclusion.isExcluded(file), true, file);
    assert.equal(exclusion.isExcluded('src/environment.ts'), false);
  });

  it('is application-scoped, like switchboard.context.projectInstructions (a repository cannot widen what is read)', () => {
    assert.equal(manifestSetting('switchboard.context.exclude').scope, 'application');
    assert.equal(manifestSetting('switchboard.context.exclude').type, 'array');
    assert.equal(manifestSetting('switchboard.context.projectInstructions').scope, 'application');
    assert.equal(manifestSetting('switchboard.context.projectInstructions').default, true);
  });
});
