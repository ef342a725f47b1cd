// The temperature each chat protocol accepts. `switchboard.chat.temperature` runs from 0 to 2 (OpenAI's and
// Gemini's range); Anthropic's Messages API accepts 0 to 1, so a higher setting is sent as 1 there (clamped, not
// scaled: 0.7 means the same on every protocol, as the setting's description says). The Sydney gateway takes no
// temperature at all.
import type { ProviderKind } from '../chat/chatTypes';

export interface TemperatureRange {
  readonly min: number;
  readonly max: number;
}

export type TemperatureProtocol = Extract<ProviderKind, 'openai' | 'anthropic' | 'gemini'>;

export const temperatureRanges: Readonly<Record<TemperatureProtocol, TemperatureRange>> = {
  openai: { min: 0, max: 2 },
  anthropic: { min: 0, max: 1 },
  gemini: { min: 0, max: 2 },
};

/** The user's temperature within `protocol`'s range; undefined (send none) when the user set none. */
export function temperatureFor(protocol: TemperatureProtocol, temperature: number | undefined): number | undefined {
  if (temperature === undefined || !Number.isFinite(temperature)) return undefined;
  const { min, max } = temperatureRanges[protocol];
  return Math.min(max, Math.max(min, temperature));
}
