// Small fake Gemini and OpenRouter servers for the real-editor tests, started by a test and pointed at through a
// provider entry in the user settings. They answer keys as the live services do (the builders in test/unit/fakes
// name the documents they follow): Gemini refuses an unknown key with 400 API_KEY_INVALID, OpenRouter's model list
// is public and only `/api/v1/key` tells a good key from a bad one.
import { FakeHttpServer, type RecordedRequest, type ScriptedResponse } from '../../unit/fakes/fakeHttpServer';
import { geminiError, geminiModels, geminiStream } from '../../unit/fakes/geminiFake';
import { geminiInvalidKey } from '../../unit/fakes/geminiKeyErrors';
import { openRouterHandler, type OpenRouterFakeOptions } from '../../unit/fakes/openRouterKeyFake';

/** A Gemini API at `{origin}/v1beta` that knows one key. */
export async function startFakeGemini(goodKey: string): Promise<FakeHttpServer> {
  const server = await FakeHttpServer.start();
  return server.onRequest((request) => geminiAnswer(request, goodKey));
}

function geminiAnswer(request: RecordedRequest, goodKey: string): ScriptedResponse {
  const key = request.headers['x-goog-api-key'] ?? new URL(request.url, 'http://x').searchParams.get('key') ?? undefined;
  if (key === undefined) {
    return geminiError(
      403,
      'PERMISSION_DENIED',
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
    );
  }
  if (key !== goodKey) return geminiInvalidKey();
  const path = request.url.split('?')[0] ?? '';
  if (request.method === 'GET' && path === '/v1beta/models')
    return geminiModels([{ name: 'models/gemini-2.5-flash', methods: ['generateContent', 'countTokens'] }]);
  if (request.method === 'POST' && /^\/v1beta\/models\/[^/]+:streamGenerateContent$/.test(path))
    return geminiStream(['Hello from the fake Gemini.']);
  return geminiError(404, 'NOT_FOUND', `Method not found: ${path}`);
}

/** An OpenRouter API at `{origin}/api/v1` that knows one key. */
export async function startFakeOpenRouter(options: OpenRouterFakeOptions): Promise<FakeHttpServer> {
  const server = await FakeHttpServer.start();
  return server.onRequest(openRouterHandler(options));
}
