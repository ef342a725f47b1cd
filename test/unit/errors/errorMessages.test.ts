// Errors as data (issue 13): every ProviderError carries a message id and parameters, its English text comes from
// one table in core, and the VS Code layer translates every template of that table.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  answerLimitError,
  cancelledError,
  configurationError,
  errorDetail,
  timeoutError,
  toProviderError,
} from '../../../src/core/errors/errorFactories';
import { englishErrorText, errorText, readErrorText } from '../../../src/core/errors/errorText';
import { errorTemplates } from '../../../src/core/errors/errorTemplates';
import { ProviderError } from '../../../src/core/errors/providerError';

const root = path.resolve(__dirname, '..', '..', '..');
const subject = { provider: 'openai', model: 'gpt-4o' };
const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();

describe('error messages as data', () => {
  it('words the common errors as before, each with its id and parameters', () => {
    const stopped = cancelledError(subject);
    assert.equal(stopped.kind, 'cancelled');
    assert.equal(stopped.message, 'Stopped.');
    assert.equal(stopped.messageId, 'cancelled');
    assert.equal(cancelledError(subject, { while: 'rate-limit' }).message, 'The request was stopped while waiting for the rate limit.');

    const firstByte = timeoutError(subject, 'first-byte', {
      host: 'api.openai.com',
      durationMs: 30_000,
      setting: 'switchboard.requests.timeoutSeconds',
    });
    assert.equal(
      firstByte.message,
      'api.openai.com did not answer within 30 s. Check your network, or raise “switchboard.requests.timeoutSeconds”.',
    );
    assert.equal(firstByte.messageId, 'timeout.firstByte');
    assert.deepEqual(firstByte.params['duration'], { id: 'duration.s', params: { value: 30 } });
    assert.equal(firstByte.retryable, true);
    const deadline = timeoutError(subject, 'deadline', { host: 'h:1', durationMs: 600_000 });
    assert.equal(
      deadline.message,
      'h:1 did not finish within 10 min, the longest one answer may take (“switchboard.requests.deadlineSeconds”); Switchboard stopped it.',
    );
    assert.equal(deadline.retryable, false);
    assert.equal(
      timeoutError(subject, 'idle', { host: 'h:1', durationMs: 1500 }).message,
      'h:1 stopped sending for 1.5 s in the middle of the answer.',
    );

    const big = answerLimitError(subject, 'answer', 4_000_000);
    assert.equal(big.code, 'answer-too-large');
    assert.match(big.message, /^The answer of openai grew beyond 4,000,000 characters/);

    assert.equal(
      configurationError(subject, { type: 'missing-key', envVars: ['OPENAI_API_KEY'] }).message,
      'No API key is set for openai. Set one with “Switchboard: Set API Key” (or the OPENAI_API_KEY environment variable).',
    );
    assert.equal(
      configurationError({ provider: 'fusionbrain' }, { type: 'missing-key', what: 'secret key', envVars: ['A', 'B'] }).message,
      'No secret key is set for fusionbrain. Set one with “Switchboard: Set API Key” (or the A or B environment variables).',
    );
    assert.equal(configurationError({ provider: 'nope' }, { type: 'unknown-provider' }).kind, 'bad-request');
  });

  it('turns anything thrown into one ProviderError, stopped when the signal aborted', () => {
    const same = cancelledError(subject);
    assert.equal(toProviderError(same, subject), same);
    const controller = new AbortController();
    controller.abort();
    assert.equal(toProviderError(new Error('boom'), { ...subject, signal: controller.signal }).kind, 'cancelled');
    const bug = toProviderError(new TypeError('x is undefined'), subject);
    assert.equal(bug.kind, 'invalid-response');
    assert.equal(bug.message, 'The openai client failed unexpectedly: x is undefined');
    const reading = toProviderError('sk-secret-123 leaked', {
      ...subject,
      stage: 'reading',
      redact: (text) => text.replace('sk-secret-123', '[key]'),
    });
    assert.equal(reading.message, 'openai: reading the answer failed unexpectedly: [key] leaked');
    assert.ok(!JSON.stringify(reading.toJSON()).includes('sk-secret-123'));
    assert.equal(toProviderError(new Error('socket hang up'), { provider: 'groq', stage: 'request' }).kind, 'network');
    assert.equal(errorDetail(42), '42');
  });

  it('keeps a sentence built the old way under the id `text`', () => {
    const error = new ProviderError({ kind: 'server', provider: 'x', message: 'Old words.' });
    assert.equal(error.messageId, 'text');
    assert.deepEqual(error.params, { text: 'Old words.' });
    assert.equal(error.message, 'Old words.');
  });

  it('reads an error text back from stored data, and refuses what is not one', () => {
    const text = errorText('http.rateLimited', {
      provider: 'groq',
      status: ' (429)',
      wait: errorText('detail.askedToWait', { duration: errorText('duration.s', { value: 3 }) }),
      detail: '',
    });
    const stored: unknown = JSON.parse(JSON.stringify(text));
    const read = readErrorText((stored as { id: unknown }).id, (stored as { params: unknown }).params);
    assert.ok(read);
    assert.equal(englishErrorText(read), 'groq is rate-limiting requests (429); it asked to wait 3 s.');
    assert.equal(readErrorText('no.such.id', {}), undefined);
    assert.equal(readErrorText('http.auth', { provider: ['x'] }), undefined);
    assert.equal(readErrorText('http.auth', { provider: { id: 'no.such.id', params: {} } }), undefined);
  });

  it('has an English template for every id, and a Russian translation of every one of them', () => {
    const ru = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.ru.json'), 'utf8')) as Record<string, string>;
    for (const [id, template] of Object.entries(errorTemplates)) {
      assert.ok(template.length > 0, `${id} has no English text`);
      // `text` is an English sentence built before messages became data: there is nothing to translate.
      if (id === 'text') continue;
      const russian = ru[template];
      assert.ok(russian !== undefined, `no Russian translation of ${id}: ${template}`);
      assert.deepEqual(placeholders(russian), placeholders(template), `placeholders differ in ${id}`);
    }
  });
});
