// Moderation before sending, against real local HTTP fakes (fakes/moderationFakes.ts names the documents): OpenAI's
// `/moderations` and the Sydney gateway's `/v1/moderate`, which moderator is chosen, and the failures (401, 429, an
// answer that does not say whether the text was flagged) — which must be errors, never "nothing flagged".
import * as assert from 'node:assert/strict';
import { moderatePrompt, pickModerator } from '../../../src/core/moderation/moderatePrompt';
import type { ModerationOutcome, ModerationVerdict } from '../../../src/core/moderation/moderationTypes';
import type { ProviderCredentials } from '../../../src/core/keys/keyStore';
import { resolveProviderEntry, type ResolvedProviderEntry } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { openAiModerationAnswer, sydneyModerationAnswer } from '../fakes/moderationFakes';
import { openAiInvalidKey, openAiRateLimited } from '../fakes/openAiFake';
import { sydneyInvalidKey, sydneyRateLimited } from '../fakes/sydneyFake';

const openAiKey = 'sk-test-MODERATIONKEY0000000000';
const sydneyKey = 'ddosxd-api-fakekey0000';

describe('moderation (moderatePrompt)', () => {
  const fake = fakeServerPerTest();
  const entries = (...settings: ProviderEntry[]): ResolvedProviderEntry[] => settings.map((setting) => resolveProviderEntry(setting));
  const keys =
    (byId: Record<string, string>) =>
    (entry: ResolvedProviderEntry): Promise<ProviderCredentials> =>
      Promise.resolve(byId[entry.id] !== undefined ? { apiKey: byId[entry.id]! } : {});
  const openAi = (): ProviderEntry => ({ id: 'openai', baseUrl: `${fake.server.origin}/v1` });
  const sydney = (): ProviderEntry => ({ id: 'sydney', baseUrl: fake.server.origin });
  const verdictOf = (outcome: ModerationOutcome): ModerationVerdict => {
    assert.equal(outcome.kind, 'checked');
    return (outcome as { verdict: ModerationVerdict }).verdict;
  };

  describe('OpenAI', () => {
    const check = (text: string): Promise<ModerationOutcome> =>
      moderatePrompt(entries(openAi()), keys({ openai: openAiKey }), fake.client({ maxRetries: 0 }), text);

    it('posts {model: omni-moderation-latest, input} with the key and lists the flagged categories, highest score first', async () => {
      fake.server.enqueue(openAiModerationAnswer({ violence: 0.71, 'harassment/threatening': 0.93 }));
      const verdict = verdictOf(await check('a threatening prompt'));
      assert.deepEqual(verdict, {
        moderator: 'openai',
        flagged: true,
        categories: ['harassment/threatening', 'violence'],
        scores: { 'harassment/threatening': 0.93, violence: 0.71 },
      });
      const request = fake.server.requests[0]!;
      assert.equal(request.url, '/v1/moderations');
      assert.equal(request.headers.authorization, `Bearer ${openAiKey}`);
      assert.deepEqual(JSON.parse(request.body), { model: 'omni-moderation-latest', input: 'a threatening prompt' });
    });

    it('passes a clean prompt', async () => {
      fake.server.enqueue(openAiModerationAnswer());
      assert.deepEqual(verdictOf(await check('hello')), { moderator: 'openai', flagged: false, categories: [], scores: {} });
    });

    it('fails on a wrong key (401) and a rate limit (429) instead of passing the prompt', async () => {
      fake.server.enqueue(openAiInvalidKey(openAiKey));
      assert.equal((await expectProviderFailure(check('q'), [openAiKey])).kind, 'auth');
      fake.server.enqueue(openAiRateLimited({ model: 'omni-moderation-latest' }));
      assert.equal((await expectProviderFailure(check('q'))).kind, 'rate-limit');
    });
  });

  describe('the Sydney gateway', () => {
    const check = (text: string): Promise<ModerationOutcome> =>
      moderatePrompt(entries(sydney()), keys({ sydney: sydneyKey }), fake.client({ maxRetries: 0 }), text);

    it('posts {q} to /v1/moderate with the raw key and reads flagged with a list of categories', async () => {
      fake.server.enqueue(sydneyModerationAnswer({ flagged: true, categories: ['nsfw'] }));
      assert.deepEqual(verdictOf(await check('Привет, как дела?')), {
        moderator: 'sydney',
        flagged: true,
        categories: ['nsfw'],
        scores: {},
      });
      const request = fake.server.requests[0]!;
      assert.equal(request.url, '/v1/moderate');
      assert.equal(request.headers.authorization, sydneyKey);
      assert.deepEqual(JSON.parse(request.body), { q: 'Привет, как дела?' });
    });

    it('reads categories given as names to booleans or scores, and OpenAI’s shape passed on', async () => {
      fake.server.enqueue(sydneyModerationAnswer({ flagged: true, categories: { nsfw: true, политика: 0.8, nsfl: 0.1, spam: false } }));
      assert.deepEqual(verdictOf(await check('x')).categories, ['nsfw', 'политика']);
      fake.server.enqueue(sydneyModerationAnswer({ results: [{ flagged: false, categories: { violence: false } }] }));
      assert.equal(verdictOf(await check('y')).flagged, false);
    });

    it('refuses an answer that does not say whether the text was flagged', async () => {
      fake.server.enqueue(sydneyModerationAnswer({ ok: true, reply: 'fine' }));
      const error = await expectProviderFailure(check('z'));
      assert.equal(error.kind, 'invalid-response');
      assert.equal(error.messageId, 'moderation.unreadable');
    });

    it('fails on {error} with 200, on 401 and on 429', async () => {
      fake.server.enqueue(sydneyModerationAnswer({ error: 'Сервер ерор' }));
      assert.equal((await expectProviderFailure(check('z'), [sydneyKey])).messageId, 'moderation.gatewayError');
      fake.server.enqueue(sydneyInvalidKey());
      assert.equal((await expectProviderFailure(check('z'), [sydneyKey])).kind, 'auth');
      fake.server.enqueue(sydneyRateLimited());
      assert.equal((await expectProviderFailure(check('z'))).kind, 'rate-limit');
    });
  });

  describe('which moderator', () => {
    it('is OpenAI when it has a key, else the Sydney gateway, else none', async () => {
      const all = entries({ id: 'anthropic' }, sydney(), openAi());
      assert.equal((await pickModerator(all, keys({ openai: 'k1', sydney: 'k2', anthropic: 'k3' })))?.entry.id, 'openai');
      assert.equal((await pickModerator(all, keys({ sydney: 'k2', anthropic: 'k3' })))?.entry.id, 'sydney');
      assert.equal(await pickModerator(all, keys({ anthropic: 'k3' })), undefined);
      assert.deepEqual(await moderatePrompt(all, keys({}), fake.client(), 'q'), { kind: 'none' });
      assert.equal(fake.server.requests.length, 0);
    });

    it('counts an entry of its own at api.openai.com, but not another OpenAI-compatible server', async () => {
      const own = entries({ id: 'work', kind: 'openai', baseUrl: 'https://api.openai.com/v1' }, { id: 'groq' });
      assert.equal((await pickModerator(own, keys({ work: 'k', groq: 'k' })))?.entry.id, 'work');
      assert.equal(await pickModerator(entries({ id: 'groq' }), keys({ groq: 'k' })), undefined);
    });
  });
});
