// What Switchboard has learned this session about models that refuse part of a request: today, the models that
// reject any temperature but their default (OpenAI's reasoning models, recent Claude models). Providers are built
// per request, so this lives in the engine, which hands it to every client it builds; once a model has refused a
// temperature, the next request to it goes without one at once instead of failing first again. It also carries the
// session's Gemini thought signatures, which a later request must send back (thoughtSignatures.ts).
import { ThoughtSignatures } from './thoughtSignatures';

export class ModelQuirks {
  private readonly noTemperature = new Set<string>();
  private readonly noTools = new Set<string>();
  readonly thoughtSignatures = new ThoughtSignatures();

  /** Whether `model` of the provider entry `provider` is known to refuse a temperature. */
  refusesTemperature(provider: string, model: string): boolean {
    return this.noTemperature.size > 0 && this.noTemperature.has(key(provider, model));
  }

  /** Remembers that `model` of `provider` refused a temperature, for the rest of the session. */
  noteRefusesTemperature(provider: string, model: string): void {
    this.noTemperature.add(key(provider, model));
  }

  /** Whether `model` of `provider` is known to refuse tool definitions (a local model without tool support). */
  refusesTools(provider: string, model: string): boolean {
    return this.noTools.size > 0 && this.noTools.has(key(provider, model));
  }

  /** Remembers that `model` of `provider` refused tools, for the rest of the session. */
  noteRefusesTools(provider: string, model: string): void {
    this.noTools.add(key(provider, model));
  }
}

function key(provider: string, model: string): string {
  return `${provider}\u0000${model}`;
}
