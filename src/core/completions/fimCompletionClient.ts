// Sends a fill-in-the-middle request in one of the FIM protocols (fimWire.ts) and reads the middle. Non-streamed
// (a completion is short), never retried (the next keystroke asks again: docs/completions.md), and cancelled with
// the caller's signal, which closes the connection so the server stops generating.
//
// When the server refuses `suffix` (vLLM; Ollama for a model without an insert template) and the model's family
// has a known FIM template (fimTemplates.ts), the request goes once more with the templated prompt — free, since the
// refusal did no work — and FimMemory remembers it for the model, so later completions go templated at once.
import type { ErrorContext } from '../errors/errorContext';
import { parseErrorBody } from '../errors/errorBodyInfo';
import { type HttpErrorResponse, mapErrorInfo, mapHttpError } from '../errors/mapHttpError';
import type { ProviderError } from '../errors/providerError';
import { HttpProviderBase, type HttpProviderBaseConfig } from '../providers/httpProviderBase';
import { parseJsonText } from '../validation/parseResponse';
import { noFimError, suffixRefusedError } from './completionErrors';
import type { CompletionInput } from './completionTypes';
import type { FimMemory } from './fimMemory';
import { type FimPrompt, fimPrompt } from './fimPrompt';
import { fimTemplateFor } from './fimTemplates';
import type { FimAnswer, FimWire } from './fimWire';

export interface FimClientConfig extends HttpProviderBaseConfig {
  wire: FimWire;
  /** The session's memory of models that need the template. */
  memory: FimMemory;
  /** Send the template from the first request (a server known never to take `suffix`: the vLLM preset). */
  templateFirst?: boolean;
  /** How a refused `suffix` is worded when no template is known: Ollama's refusal means the model cannot do it. */
  unknownTemplate: 'no-fim' | 'suffix-refused';
}

/** The most of an answer read: a completion is a few hundred characters; anything near this is not one. */
const maxAnswerBytes = 1024 * 1024;

export class FimCompletionClient extends HttpProviderBase<FimClientConfig> {
  constructor(config: FimClientConfig) {
    super(config, [config.apiKey]);
  }

  async complete(model: string, input: CompletionInput, maxTokens: number, signal: AbortSignal): Promise<FimAnswer> {
    const context = this.context('chat', model);
    if (this.config.requiresKey && (this.config.apiKey ?? '').trim() === '') {
      throw this.missingSecret(context, 'API key', this.config.keyEnvVars ?? []);
    }
    const template = fimTemplateFor(model);
    const { memory } = this.config;
    let templated = template !== undefined && (this.config.templateFirst === true || memory.usesTemplate(this.id, model));
    for (;;) {
      let refusedSuffix: ProviderError | undefined;
      const prompt = fimPrompt(input, templated ? template : undefined);
      try {
        return await this.send(model, prompt, maxTokens, context, signal, (response, mapped) => {
          const refusal = this.config.wire.refusal(response);
          if (refusal === 'model') return noFimError(mapped, model);
          if (refusal === 'suffix' && !templated) refusedSuffix = mapped;
          return mapped;
        });
      } catch (error) {
        if (refusedSuffix === undefined || signal.aborted) throw error;
        if (template === undefined) {
          throw this.config.unknownTemplate === 'no-fim' ? noFimError(refusedSuffix, model) : suffixRefusedError(refusedSuffix, model);
        }
        memory.noteUsesTemplate(this.id, model);
        templated = true;
      }
    }
  }

  protected authHeaders(): Record<string, string> {
    const key = this.config.apiKey?.trim();
    return key && this.config.wire.sendsKey ? { authorization: `Bearer ${key}` } : {};
  }

  private async send(
    model: string,
    prompt: FimPrompt,
    maxTokens: number,
    context: ErrorContext,
    signal: AbortSignal,
    refine: (response: HttpErrorResponse, mapped: ProviderError) => ProviderError,
  ): Promise<FimAnswer> {
    const response = await this.config.http.request({
      method: 'POST',
      url: this.url(this.config.wire.path),
      headers: this.headers({ 'content-type': 'application/json', accept: 'application/json' }),
      body: JSON.stringify(this.config.wire.body(model, prompt, maxTokens)),
      context,
      maxRetries: 0,
      signal,
      mapError: (answer) => refine(answer, mapHttpError(answer, context)),
    });
    const text = await response.text(maxAnswerBytes);
    // A proxy's or captive portal's page where the server's JSON was expected.
    const info = parseErrorBody(text, response.headers['content-type'] ?? '');
    if (info.format === 'html') throw mapErrorInfo(undefined, info, context);
    return this.config.wire.read(parseJsonText(text, context, 'The completion'), context);
  }
}
