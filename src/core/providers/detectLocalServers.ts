// Which local model servers (Ollama, LM Studio, vLLM) answer on this machine, for `npm start`'s keyless way to try
// the chat (README, "Getting started"). Each is asked its OpenAI-compatible `GET /v1/models` on its default port
// with a short timeout, all at once, so a machine with none of them costs one timeout and no more.
import * as z from 'zod/mini';
import { isChatModelId } from './chatModelFilter';
import { openAiModelListSchema } from './openAiSchemas';
import { providerPresets } from './providerPresets';

export interface LocalServerCandidate {
  /** The provider preset's id (`ollama`, `lmstudio`, `vllm`): the `<providerId>/` of `switchboard.chat.model`. */
  presetId: string;
  label: string;
  /** The preset's base URL, ending in `/v1`. */
  baseUrl: string;
}

export interface DetectedLocalServer extends LocalServerCandidate {
  /** The chat models it lists, in its order (embedding models are left out); empty when it has none. */
  models: string[];
}

/**
 * The presets that need no key, at 127.0.0.1 rather than `localhost`: Node tries `::1` first for `localhost`, and
 * Ollama and vLLM listen on IPv4 only by default.
 */
export const localServerCandidates: readonly LocalServerCandidate[] = providerPresets
  .filter((preset) => preset.chat && !preset.requiresKey)
  .map((preset) => ({ presetId: preset.id, label: preset.label, baseUrl: preset.baseUrl.replace('//localhost:', '//127.0.0.1:') }));

/**
 * Asks every candidate for its model list and returns those that answered with one, in the candidates' order. A
 * refused connection, a timeout, an error status or a body that is not a model list (another program on port 8000,
 * say) leave the candidate out; nothing throws.
 */
export async function detectLocalServers(
  candidates: readonly LocalServerCandidate[] = localServerCandidates,
  options: { timeoutMs?: number } = {},
): Promise<DetectedLocalServer[]> {
  const timeoutMs = options.timeoutMs ?? 1500;
  const answers = await Promise.all(candidates.map((candidate) => probe(candidate, timeoutMs)));
  return answers.filter((answer): answer is DetectedLocalServer => answer !== undefined);
}

/** The `switchboard.chat.model` value for the first detected server that has a chat model. */
export function pickLocalModel(servers: readonly DetectedLocalServer[]): { server: DetectedLocalServer; model: string } | undefined {
  const server = servers.find((each) => each.models.length > 0);
  const first = server?.models[0];
  return server && first !== undefined ? { server, model: `${server.presetId}/${first}` } : undefined;
}

async function probe(candidate: LocalServerCandidate, timeoutMs: number): Promise<DetectedLocalServer | undefined> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(`${candidate.baseUrl.replace(/\/+$/, '')}/models`, { signal, headers: { accept: 'application/json' } });
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    const parsed = z.safeParse(openAiModelListSchema, JSON.parse(await response.text()));
    if (!parsed.success) return undefined;
    const models = parsed.data.data.map((model) => model.id).filter((id) => isChatModelId(id, { openAi: false }));
    return { ...candidate, models };
  } catch {
    return undefined;
  }
}
