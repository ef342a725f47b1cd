// Errors name a provider by its label (issue 22): "The OpenAI API key was rejected", in English and in Russian, while
// a model reference and a quoted `switchboard.providers` entry keep the id the person has to write.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { errorText, fillTemplate, renderErrorText, type ErrorTextRenderer } from '../../../src/core/errors/errorText';
import { errorTemplates } from '../../../src/core/errors/errorTemplates';
import { namesProviderByLabel, withProviderLabels } from '../../../src/core/errors/withProviderLabels';
import { mapHttpError } from '../../../src/core/errors/mapHttpError';
import { createRedactor } from '../../../src/core/errors/redactSecrets';
import { findProviderPreset } from '../../../src/core/providers/providerPresets';

const root = path.resolve(__dirname, '..', '..', '..');
const russianTable = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.ru.json'), 'utf8')) as Record<string, string>;
const english: ErrorTextRenderer = (id, params) => fillTemplate(errorTemplates[id], params);
const russian: ErrorTextRenderer = (id, params) => fillTemplate(russianTable[errorTemplates[id]] ?? errorTemplates[id], params);
/** The presets' labels, as the extension looks them up among the configured entries. */
const presetLabel = (id: string): string | undefined => findProviderPreset(id)?.label;

describe('errors name the provider by its label', () => {
  it('says "The OpenAI API key was rejected" for a 401 from openai, in English and in Russian', () => {
    const error = mapHttpError(
      {
        status: 401,
        headers: { 'content-type': 'application/json' },
        body: '{"error":{"message":"Incorrect API key provided: sk-abc","type":"invalid_request_error","code":"invalid_api_key"}}',
      },
      { provider: 'openai', model: 'gpt-4o', operation: 'chat', redact: createRedactor(['sk-abc']) },
    );
    const text = { id: error.messageId, params: error.params };
    assert.equal(error.params['provider'], 'openai', 'the error itself keeps the id');
    assert.match(renderErrorText(text, withProviderLabels(english, presetLabel)), /^The OpenAI API key was rejected/);
    const inRussian = renderErrorText(text, withProviderLabels(russian, presetLabel));
    assert.match(inRussian, /^API-ключ OpenAI отклонён/);
    assert.ok(!inRussian.includes('openai'), inRussian);
  });

  it('renames the provider inside a nested phrase too', () => {
    const text = errorText('billing.maybeCharged', {
      message: errorText('chat.circuitOpen', { provider: 'gemini', duration: errorText('duration.s', { value: 30 }) }),
      provider: 'gemini',
    });
    const rendered = renderErrorText(text, withProviderLabels(english, presetLabel));
    assert.equal(
      rendered,
      'Google Gemini failed several times in a row, so it is skipped for about 30 s. The request may have reached Google Gemini, which may still charge for it; Switchboard did not send it again.',
    );
  });

  it('keeps the id in a model reference and in a quoted settings entry', () => {
    assert.equal(namesProviderByLabel('chat.endedUnfinished'), false);
    assert.equal(namesProviderByLabel('config.noSuchProvider'), false);
    assert.equal(namesProviderByLabel('http.auth'), true);
    assert.equal(
      renderErrorText(errorText('chat.endedUnfinished', { provider: 'openai', model: 'gpt-4o' }), withProviderLabels(english, presetLabel)),
      'The answer from openai/gpt-4o ended without finishing.',
    );
    assert.match(
      renderErrorText(errorText('config.noSuchProvider', { provider: 'openai' }), withProviderLabels(english, presetLabel)),
      /^There is no provider “openai”/,
    );
  });

  it('keeps the id of a provider it has no label for', () => {
    const text = errorText('http.auth', { provider: 'my-server', status: ' (401)' });
    assert.match(renderErrorText(text, withProviderLabels(english, presetLabel)), /^The my-server API key was rejected \(401\)/);
  });
});
