// What the completion tests share: a request as the extension builds it, an engine configured like the extension's
// (its completions' time limit shortened for the stall tests), and waiting for a fake server to see a request.
import * as assert from 'node:assert/strict';
import type { LookupFunction } from 'node:net';
import type { CompletionRequest } from '../../../src/core/completions/completionTypes';
import type { ProviderSetting } from '../../../src/core/config/switchboardSettings';
import { ProviderEngine } from '../../../src/core/providerEngine';
import type { FakeHttpServer, RecordedRequest } from '../fakes/fakeHttpServer';

export function completionRequest(overrides: Partial<CompletionRequest> = {}): CompletionRequest {
  return {
    prefix: 'function add(a: number, b: number) {\n  return ',
    suffix: '\n}\n',
    languageId: 'typescript',
    path: 'src/math.ts',
    snippets: [],
    multiline: false,
    maxTokens: 64,
    ...overrides,
  };
}

export interface EngineSetup {
  keys?: Record<string, string>;
  /** The completions' time limit. */
  timeoutMs?: number;
  lookup?: LookupFunction;
}

export function completionEngine(providers: ProviderSetting[], setup: EngineSetup = {}): ProviderEngine {
  const engine = new ProviderEngine({
    credentials: (entry) => {
      const apiKey = setup.keys?.[entry.id];
      return Promise.resolve(apiKey !== undefined ? { apiKey } : {});
    },
  });
  engine.configure({
    providers,
    responseCache: false,
    http: { maxRetries: 2, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000, env: {}, ...(setup.lookup ? { lookup: setup.lookup } : {}) },
    ...(setup.timeoutMs !== undefined ? { completionTimeoutMs: setup.timeoutMs } : {}),
  });
  return engine;
}

/** Resolves once `server` has received `count` requests. */
export async function untilRequests(server: FakeHttpServer, count: number): Promise<void> {
  while (server.requests.length < count) await new Promise((resolve) => setTimeout(resolve, 2));
}

export function bodyOf(request: RecordedRequest | undefined): Record<string, unknown> {
  assert.ok(request !== undefined, 'the server saw no such request');
  return JSON.parse(request.body) as Record<string, unknown>;
}

/** The request `server` received `index`-th, which must exist. */
export function requestAt(server: FakeHttpServer, index: number): RecordedRequest {
  const request = server.requests[index];
  assert.ok(request !== undefined, `the server saw no request #${index + 1}`);
  return request;
}
