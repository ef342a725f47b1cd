// Whether a chat model takes images (issue 16), for the chat's warning before an image is sent to a model that
// cannot see it (docs/providers.md, "Images"). The first that knows answers:
//   1. the provider entry's `vision: true | false` (the person knows their server best);
//   2. the provider, where its live list says it: OpenRouter's `architecture.input_modalities`, Ollama's
//      `capabilities` from `/api/show` (ModelInfo.vision);
//   3. the dated table (visionTable.ts);
// and otherwise nobody knows (`vision: undefined`): the chat sends, and the provider answers.
import type { ModelInfo } from '../chat/chatTypes';
import type { ResolvedProviderEntry } from './createChatProvider';
import { visionFromTable, type VisionHost } from './visionTable';

export interface VisionAnswer {
  /** Undefined: unknown. */
  vision: boolean | undefined;
  /** Who said it: the entry's setting, the provider's list or model information, or the dated table. */
  source: 'setting' | 'provider' | 'table';
}

/** The parts of a provider entry the answer depends on (a ResolvedProviderEntry has them all). */
export type VisionEntry = Pick<ResolvedProviderEntry, 'id' | 'kind'> &
  Partial<Pick<ResolvedProviderEntry, 'vision' | 'baseUrl' | 'preset'>>;

/**
 * The answer for `model` on `entry`, given what its list (or Ollama's model information) said about that model, if
 * anything. Never asks anyone: ProviderEngine.vision finds `listed`.
 */
export function modelSeesImages(entry: VisionEntry, model: string, listed?: ModelInfo): VisionAnswer {
  if (typeof entry.vision === 'boolean') return { vision: entry.vision, source: 'setting' };
  if (typeof listed?.vision === 'boolean') return { vision: listed.vision, source: 'provider' };
  return { vision: visionFromTable(model, visionHost(entry)), source: 'table' };
}

/** Where the entry's models run, as far as the table cares (visionTable.VisionHost). */
export function visionHost(entry: VisionEntry): VisionHost {
  if (entry.kind === 'sydney') return 'sydney';
  if (entry.kind === 'gemini') return 'gemini';
  if (entry.kind === 'openai' && (entry.id === 'groq' || entry.preset?.id === 'groq' || hostOf(entry.baseUrl) === 'api.groq.com')) {
    return 'groq';
  }
  return 'other';
}

function hostOf(baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined) return undefined;
  try {
    return new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
