// Switchboard's models in VS Code's model picker (vendor `switchboard`, docs/vscode-chat.md): every chat model of every
// provider with a usable key, as `providerId/modelId`, answered through Switchboard's engine (its keys, rate limits
// and errors). Other extensions reach them with `vscode.lm.selectChatModels({ vendor: 'switchboard' })`. The keys stay
// in Switchboard: nothing returned here carries one (model ids, names and error messages, which are redacted).
import * as vscode from 'vscode';
import type { ChatRequest, ToolChoice } from '../../core/chat/chatTypes';
import { estimateTokens } from '../../core/context/estimateTokens';
import { fromHostMessages } from '../../core/lm/fromHostMessages';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import { describeError } from '../errors/describeError';
import type { ModelCatalog } from '../models/modelCatalog';
import type { Pricing } from '../pricing/pricing';
import type { SettingsService } from '../settings/settingsService';
import { fromVscodeMessages } from './fromVscodeMessages';

export interface SwitchboardChatModelDeps {
  host: ProviderEngineHost;
  catalog: ModelCatalog;
  settings: SettingsService;
  /** Budgets and the spend ledger: another extension's requests through these models count like the chat's. */
  pricing: Pricing;
  log: vscode.LogOutputChannel;
}

/** What VS Code is told when a provider's list does not say: a window most chat models have today. */
const defaultInputTokens = 32_768;
const defaultOutputTokens = 8_192;

export class SwitchboardChatModelProvider implements vscode.LanguageModelChatProvider {
  /** What was logged already: VS Code asks for the models again after every change, and a failure repeats. */
  private readonly logged = new Set<string>();

  constructor(private readonly deps: SwitchboardChatModelDeps) {}

  private logOnce(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.deps.log.info(message);
  }

  async provideLanguageModelChatInformation(
    _options: vscode.PrepareLanguageModelChatModelOptions,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelChatInformation[]> {
    const out: vscode.LanguageModelChatInformation[] = [];
    const maxOutputTokens = this.deps.settings.settings.maxTokens ?? defaultOutputTokens;
    // VS Code's own models (kind `vscode-lm`) are not offered back to it, nor even listed: that would be a loop.
    const entries = await this.deps.catalog.chatProviders(false);
    const lists = await Promise.all(entries.map((entry) => this.deps.catalog.models(entry)));
    for (const { entry, models, error } of lists) {
      if (token.isCancellationRequested) return [];
      if (error) this.logOnce(`Language models: ${entry.id} was not listed: ${error.message}`);
      for (const model of models) {
        out.push({
          id: `${entry.id}/${model.id}`,
          name: model.name ?? model.id,
          family: model.id,
          version: model.id,
          detail: entry.label,
          tooltip: `${entry.label} · ${model.id}`,
          maxInputTokens: model.contextWindow ?? defaultInputTokens,
          maxOutputTokens,
          // Tool calls pass both ways; images are not read from VS Code's messages.
          capabilities: { toolCalling: entry.kind !== 'sydney', imageInput: false },
        });
      }
    }
    return out;
  }

  async provideLanguageModelChatResponse(
    model: vscode.LanguageModelChatInformation,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    if (token.isCancellationRequested) controller.abort();
    const settings = this.deps.settings.settings;
    const converted = fromHostMessages(fromVscodeMessages(messages));
    const tools = (options.tools ?? []).map((tool) => ({
      name: tool.name,
      description: tool.description,
      parameters: (tool.inputSchema as Record<string, unknown> | undefined) ?? { type: 'object', properties: {} },
    }));
    const toolChoice: ToolChoice = options.toolMode === vscode.LanguageModelChatToolMode.Required ? 'required' : 'auto';
    const request: Omit<ChatRequest, 'model'> = {
      messages: converted.messages,
      ...(converted.systemPrompt ? { systemPrompt: converted.systemPrompt } : {}),
      ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
      ...(settings.maxTokens !== undefined ? { maxTokens: settings.maxTokens } : {}),
      ...(tools.length > 0 ? { tools, toolChoice } : {}),
      signal: controller.signal,
    };
    // Budgets hold the request back and its cost is recorded, under the models' vendor in the spend view.
    const meter = this.deps.pricing.meter({
      id: 'switchboard-language-models',
      title: vscode.l10n.t('Other extensions (language models)'),
    });
    meter.start(request);
    try {
      // Only the model the caller picked: a fallback would answer with another model than the one it asked for.
      for await (const event of this.deps.host.get().chat([model.id], request, meter.options)) {
        meter.observe(event);
        switch (event.type) {
          case 'text-delta':
            progress.report(new vscode.LanguageModelTextPart(event.text));
            break;
          case 'tool-call':
            progress.report(new vscode.LanguageModelToolCallPart(event.call.id, event.call.name, parseArguments(event.call.arguments)));
            break;
          case 'usage':
            this.deps.log.debug(
              `Language model ${model.id}: ${event.usage.inputTokens ?? '?'} tokens in, ${event.usage.outputTokens ?? '?'} out`,
            );
            break;
          case 'error':
            if (controller.signal.aborted) return;
            throw languageModelError(event.error);
          case 'model':
          case 'tool-call-start':
          case 'rate-limit-wait':
          case 'retry':
          case 'fallback':
          case 'notice':
          case 'done':
            break;
        }
      }
    } finally {
      cancel.dispose();
      await meter.settle();
    }
  }

  provideTokenCount(
    _model: vscode.LanguageModelChatInformation,
    text: string | vscode.LanguageModelChatRequestMessage,
    _token: vscode.CancellationToken,
  ): Promise<number> {
    if (typeof text === 'string') return Promise.resolve(estimateTokens(text));
    const [message] = fromVscodeMessages([text]);
    const joined = (message?.parts ?? []).map((part) => (part.type === 'tool-call' ? JSON.stringify(part.input) : part.text)).join('\n');
    return Promise.resolve(estimateTokens(joined));
  }
}

/**
 * A Switchboard error as the API's error type where it has a matching one (a model that is not there: NotFound), else
 * a plain Error with the same words; either way the message is the one the chat would show, with no key in it.
 */
function languageModelError(error: { kind: string; messageId: string; params: unknown; message: string }): Error {
  const message = describeError(error);
  if (error.kind === 'not-found') return vscode.LanguageModelError.NotFound(message);
  return new Error(message);
}

function parseArguments(json: string): object {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}
