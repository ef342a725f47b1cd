import * as assert from 'node:assert/strict';
import { parseExtensionToWebviewMessage, parseWebviewToExtensionMessage } from '../../../src/shared/webviewProtocol';

describe('webview protocol', () => {
  it('accepts the messages the webview sends', () => {
    assert.deepEqual(parseWebviewToExtensionMessage({ type: 'ready' }), { ok: true, message: { type: 'ready' } });
    const report = parseWebviewToExtensionMessage({ type: 'reportError', message: 'boom' });
    assert.equal(report.ok, true);
  });

  it('rejects an unknown message type and says so', () => {
    const result = parseWebviewToExtensionMessage({ type: 'runShell', command: 'rm -rf /' });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, /type/);
  });

  it('names the field that is wrong', () => {
    const result = parseWebviewToExtensionMessage({ type: 'reportError', message: 42 });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, /^message: /);
  });

  it('rejects non-objects and oversized error reports', () => {
    assert.equal(parseWebviewToExtensionMessage('ready').ok, false);
    assert.equal(parseWebviewToExtensionMessage(null).ok, false);
    assert.equal(parseWebviewToExtensionMessage({ type: 'reportError', message: 'x'.repeat(4001) }).ok, false);
  });

  it('validates what the extension sends to the webview', () => {
    assert.equal(parseExtensionToWebviewMessage({ type: 'init', version: '1.0.0', locale: 'ru' }).ok, true);
    assert.equal(parseExtensionToWebviewMessage({ type: 'init', version: 1, locale: 'ru' }).ok, false);
  });
});
