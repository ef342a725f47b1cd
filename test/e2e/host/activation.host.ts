// Runs inside the real extension host (through the runner extension).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'switchboard.switchboard';

describe('Switchboard in the extension host', () => {
  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs: number }>(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    const api = await extension.activate();
    assert.equal(extension.isActive, true);
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(api.activationMs > 0, `activationMs was ${api.activationMs}`);
  });

  it('does not activate on everything', () => {
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as { activationEvents?: string[] };
    assert.ok(!(manifest.activationEvents ?? []).includes('*'));
  });

  it('registers every command its manifest contributes', async () => {
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
      contributes: { commands: { command: string }[] };
    };
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.includes('switchboard.openChat'));
    assert.ok(contributed.includes('switchboard.showLog'));
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('opens the chat view with switchboard.openChat', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('switchboard.openChat');
    // The chat view's focus command exists once the view is registered; opening it must not throw.
    await vscode.commands.executeCommand('switchboard.chatView.focus');
  });
});
