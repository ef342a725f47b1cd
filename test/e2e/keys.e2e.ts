import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { editor, fakeServers, invalidProviderEntry } from './harness/rootHooks';
import { userSetting } from './harness/userSettings';
import { notification, quickInput, quickPickRow, statusBarItem } from './harness/workbench';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return [];
    if (stat.isDirectory()) return filesUnder(full);
    return stat.isFile() ? [full] : []; // not sockets or pipes
  });
}

describe('keys, settings and the model picker in the real editor', () => {
  // Made up for this run; it only ever reaches the local fake server.
  const key = `sk-e2e-${randomBytes(16).toString('hex')}`;

  it('reports an invalid providers entry in one notification that names it', async () => {
    const { page, bridge } = editor();
    // The report came at startup; earlier suites may have closed its toast since (closing a toast removes the
    // notification). A changed list is reported again, as it would be after the user edits it: the broken entry is
    // moved to the front, so the problem (its index) is new.
    const providers = (await userSetting('switchboard.providers')) as { id: string }[];
    const moved = [invalidProviderEntry, ...providers.filter((entry) => entry.id !== invalidProviderEntry.id)];
    try {
      await bridge.setUserSetting('switchboard.providers', moved);
      const toast = notification(page, /switchboard\.providers\[0\]/);
      await toast.waitFor({ state: 'visible', timeout: 30_000 });
      const text = (await toast.textContent()) ?? '';
      assert.match(text, new RegExp(invalidProviderEntry.id));
      assert.match(text, /baseUrl/);
      assert.match(text, /everything else keeps working/);
      await saveScreenshot(editor(), 'invalid provider entry notification');
    } finally {
      await bridge.setUserSetting('switchboard.providers', providers);
    }
  });

  it('shows the model from the user settings in the status bar, not the workspace one', async () => {
    const item = statusBarItem(editor().page, 'fake-model-a');
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await statusBarItem(editor().page, 'workspace-model').count(), 0);
  });

  it('sets a key typed into the password box and checks it against the provider', async () => {
    const { page } = editor();
    const { user } = fakeServers();
    await runFromCommandPalette(page, 'Switchboard: Set API Key', { keepOpen: true });
    await quickInput(page).locator('input').fill('OpenAI');
    const row = quickPickRow(page, /OpenAI/);
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await row.textContent()) ?? '', /no key/);
    await page.keyboard.press('Enter');
    const password = page.locator('.quick-input-widget input[type="password"]');
    await password.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type(key);
    await page.keyboard.press('Enter');
    const works = notification(page, 'The OpenAI key works: 2 models available.');
    await works.waitFor({ state: 'visible', timeout: 30_000 });
    const check = user.requestsTo('/v1/models').find((request) => request.headers.authorization === `Bearer ${key}`);
    assert.ok(check, 'the key check did not reach the user-configured server with the key');
    await saveScreenshot(editor(), 'api key works notification');

    // The next step is offered: choosing one of that provider's models, which the status bar then shows.
    await works.locator('.monaco-button', { hasText: 'Choose a Model' }).click();
    await quickPickRow(page, 'OpenAI · fake-model-b').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await quickPickRow(page, /Local fake/).count(), 0, 'the picker after a key lists only that provider');
    assert.equal(await quickPickRow(page, /set key…/).count(), 0, 'the picker after a key lists only that provider');
    await quickPickRow(page, 'OpenAI · fake-model-b').click();
    await statusBarItem(page, 'fake-model-b').waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('lists models live, grouped by provider, and never asks the server a workspace setting names', async () => {
    const { page } = editor();
    const { user, workspace } = fakeServers();
    await runFromCommandPalette(page, 'Switchboard: Select Chat Model', { keepOpen: true });
    await quickPickRow(page, 'OpenAI · fake-model-b').waitFor({ state: 'visible', timeout: 30_000 });
    await quickPickRow(page, 'Local fake · fake-model-b').waitFor({ state: 'visible', timeout: 30_000 });
    const separators = await page.locator('.quick-input-widget .quick-input-list .quick-input-list-separator').allTextContents();
    assert.ok(
      separators.some((text) => text.includes('OpenAI')),
      `separators: ${separators.join(' | ')}`,
    );
    assert.ok(
      separators.some((text) => text.includes('Local fake')),
      `separators: ${separators.join(' | ')}`,
    );
    // A cloud provider without a key is a row that sets it, not missing from the list.
    await quickPickRow(page, 'Anthropic · set key…').waitFor({ state: 'visible', timeout: 15_000 });
    await saveScreenshot(editor(), 'model picker');
    await quickInput(page).locator('input').fill('fake-model-b');
    await quickPickRow(page, 'OpenAI · fake-model-b').click();
    await statusBarItem(page, 'fake-model-b').waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(user.requestsTo('/v1/models').length >= 2);
    assert.equal(workspace.requests.length, 0, `the workspace-configured server got: ${workspace.requests.map((r) => r.path).join(', ')}`);
  });

  it('still has the key after a window reload', async () => {
    const { user } = fakeServers();
    const before = user.requests.length;
    await editor().reloadWindow();
    const { page } = editor();
    await runFromCommandPalette(page, 'Switchboard: Select Chat Model', { keepOpen: true });
    await quickPickRow(page, 'fake-model-b').waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Escape');
    const withKey = user.requests.slice(before).filter((request) => request.headers.authorization === `Bearer ${key}`);
    assert.ok(withKey.length > 0, 'after the reload no request carried the stored key');
    assert.equal(fakeServers().workspace.requests.length, 0);
  });

  it('writes the key into no file of the profile or the workspace, and into no log', () => {
    const { dirs } = editor();
    const files = [...filesUnder(dirs.userData), ...filesUnder(dirs.workspace), ...filesUnder(dirs.extensions), dirs.logFile];
    assert.ok(files.length > 10, 'expected the profile to hold files');
    const holding = files.filter((file) => readFileSync(file).includes(key));
    assert.deepEqual(holding, [], 'files holding the key');
  });

  it('removes the key with switchboard.removeApiKey', async () => {
    const { page } = editor();
    await runFromCommandPalette(page, 'Switchboard: Remove API Key', { keepOpen: true });
    const row = quickPickRow(page, /OpenAI/);
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await row.textContent()) ?? '', /key stored/);
    await row.click();
    await notification(page, 'Removed the stored key of OpenAI.').waitFor({ state: 'visible', timeout: 15_000 });
    await runFromCommandPalette(page, 'Switchboard: Set API Key', { keepOpen: true });
    await quickInput(page).locator('input').fill('OpenAI');
    const after = quickPickRow(page, /OpenAI/);
    await after.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await after.textContent()) ?? '', /no key/);
    await page.keyboard.press('Escape');
  });
});
