import * as assert from 'node:assert/strict';
import { buildContentSecurityPolicy, createNonce, renderWebviewDocument } from '../../../src/core/webviewDocument';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as [string, string[]];
    }),
  );
}

describe('webview document', () => {
  it('allows scripts only by nonce: no inline script, no eval, no remote origins', () => {
    const csp = directives(buildContentSecurityPolicy(cspSource, 'abc123'));
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), ["'nonce-abc123'"]);
    const all = [...csp.values()].flat();
    assert.ok(!all.includes("'unsafe-inline'"));
    assert.ok(!all.includes("'unsafe-eval'"));
    assert.ok(
      all.every((value) => value.startsWith("'") || value === cspSource || value === 'data:'),
      all.join(' '),
    );
  });

  it('renders the CSP meta tag and a nonce-carrying script tag, escaping attributes', () => {
    const html = renderWebviewDocument({
      cspSource,
      nonce: 'n0nce',
      scriptUri: 'https://x/dist/webview.js?a=1&b="2"',
      styleUris: ['https://x/media/chat.css'],
      lang: 'ru',
      title: 'Chat <1>',
    });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-n0nce';/);
    assert.match(html, /<script nonce="n0nce" src="https:\/\/x\/dist\/webview\.js\?a=1&amp;b=&quot;2&quot;"><\/script>/);
    assert.match(html, /<html lang="ru">/);
    assert.match(html, /<title>Chat &lt;1&gt;<\/title>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'exactly one script element');
  });

  it('carries the view strings as a JSON block that no value can break out of, and that has no nonce', () => {
    const strings = { send: 'Отправить', evil: '</script><script>alert(1)</script><!-- & \u2028', quote: '"\'' };
    const html = renderWebviewDocument({
      cspSource,
      nonce: 'n0nce',
      scriptUri: 'https://x/w.js',
      styleUris: [],
      lang: 'ru',
      title: 't',
      strings,
    });
    const block = /<script type="application\/json" id="strings">([^<]*)<\/script>/.exec(html);
    assert.ok(block, html);
    assert.deepEqual(JSON.parse(block[1] ?? ''), strings, 'the values come back exactly');
    assert.equal((html.match(/<\/script/gi) ?? []).length, 2, 'only the two elements end a script');
    assert.equal((html.match(/<script/gi) ?? []).length, 2);
    assert.ok(!html.includes('<!--'), 'no comment opened');
    assert.ok(html.indexOf('id="strings"') < html.indexOf('nonce="n0nce"'), 'before the script that reads it');
    assert.doesNotMatch(block[0], /nonce/, 'data needs no nonce to be read');
  });

  it('creates a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });
});
