import * as assert from 'node:assert/strict';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';

describe('context exclusion (switchboard.context.exclude)', () => {
  const defaults = createContextExclusion(defaultContextExclude);

  it('excludes environment files, keys, certificates and token files by default, at any depth', () => {
    for (const file of [
      '.env',
      '.env.local',
      'apps/web/.env.production',
      'deploy/prod.env',
      '.envrc',
      'certs/server.pem',
      'certs/server.key',
      'tls/site.crt',
      'android/app/release.keystore',
      'android/app/release.jks',
      'signing/cert.p12',
      'signing/cert.pfx',
      'home/.ssh/id_rsa',
      'home/.ssh/id_ed25519.pub',
      '.npmrc',
      'packages/a/.npmrc',
      '.pypirc',
      '.netrc',
      '.git-credentials',
      '.aws/credentials',
      'gcp/credentials.json',
      'infra/terraform.tfstate',
      'infra/terraform.tfstate.backup',
      'infra/prod.tfvars',
    ]) {
      assert.equal(defaults.isExcluded(file), true, file);
    }
  });

  it('leaves ordinary source files alone', () => {
    for (const file of [
      'src/app.ts',
      'README.md',
      'package.json',
      'src/environment.ts',
      'docs/keys.md',
      'src/key.ts',
      'monkey.txt',
      'src/envelope.js',
    ]) {
      assert.equal(defaults.isExcluded(file), false, file);
    }
  });

  it('ignores case, as the file systems of Windows and macOS do', () => {
    assert.equal(defaults.isExcluded('.ENV'), true);
    assert.equal(defaults.isExcluded('Certs/Server.PEM'), true);
    assert.equal(defaults.isExcluded('ID_RSA'), true);
  });

  it('matches a pattern without a slash against every name on the path, so a matching folder excludes what is inside', () => {
    const exclusion = createContextExclusion(['secrets', '*.log']);
    assert.equal(exclusion.isExcluded('secrets'), true);
    assert.equal(exclusion.isExcluded('config/secrets/db.json'), true);
    assert.equal(exclusion.isExcluded('logs/today.log'), true);
    assert.equal(exclusion.isExcluded('config/secret.json'), false);
  });

  it('matches a pattern with a slash against the whole path (a leading slash anchors it)', () => {
    const exclusion = createContextExclusion(['config/private/**', '/build', 'docs/*.draft.md']);
    assert.equal(exclusion.isExcluded('config/private/a/b.json'), true);
    assert.equal(exclusion.isExcluded('other/config/private/a.json'), false);
    assert.equal(exclusion.isExcluded('build/out.js'), true);
    assert.equal(exclusion.isExcluded('src/build/out.js'), false);
    assert.equal(exclusion.isExcluded('docs/plan.draft.md'), true);
    assert.equal(exclusion.isExcluded('docs/sub/plan.draft.md'), false);
  });

  it('accepts Windows separators and ./ in paths, and skips blank patterns', () => {
    const exclusion = createContextExclusion(['', '   ', './private/**', 'keys/']);
    assert.equal(exclusion.isExcluded('private\\a.txt'), true);
    assert.equal(exclusion.isExcluded('./keys/a.txt'), true);
    assert.equal(exclusion.isExcluded('src/a.txt'), false);
    assert.deepEqual(exclusion.invalidPatterns, []);
  });

  it('reports a pattern picomatch cannot compile instead of failing, and keeps the others', () => {
    const tooLong = `*${'a'.repeat(70_000)}`;
    const exclusion = createContextExclusion([tooLong, '*.pem']);
    assert.deepEqual(exclusion.invalidPatterns, [tooLong]);
    assert.equal(exclusion.isExcluded('a.pem'), true);
  });
});
