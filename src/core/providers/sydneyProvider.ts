// The Sydney gateway (docs/providers.md): raw `Authorization: <key>`, `POST /v1/chat {model, messages}` → `{reply}` and
// `POST /v1/prompt {model, prompt}` → `{reply}` (Claude-style prompts only). It does not stream: the stream is
// `model`, one `text-delta` with the whole reply, `done`. It has no model list; the documented models are listed.
// It has no image input and no tool calling: a message with an image or a tool part, and a request with tools or a
// required answer format, are refused by name before anything is sent (partsAsText).
import type { ChatRequest, ModelInfo } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { mapStreamError } from '../errors/mapStreamError';
import { parseJsonText, parseResponse } from '../validation/parseResponse';
import type { ChatEventQueue } from './chatEventQueue';
import { type ChatProviderConfig, HttpChatProvider } from './httpChatProvider';
import { messagesAsText, unsupportedFeature } from './partsAsText';
import { sydneyReplySchema } from './sydneySchemas';

/**
 * When to use `/v1/prompt`: `auto` (the default) uses it for a single user message without a system prompt to a
 * Claude model (the gateway's documentation limits that endpoint to Claude and advises `/v1/chat` otherwise);
 * `always` / `never` force the choice.
 */
export type SydneyPromptMode = 'auto' | 'always' | 'never';

export interface SydneyConfig extends ChatProviderConfig {
  promptMode?: SydneyPromptMode;
  /** The documented chat models, returned by listModels. */
  models?: readonly string[];
}

export class SydneyProvider extends HttpChatProvider {
  readonly kind = 'sydney' as const;
  private readonly promptMode: SydneyPromptMode;
  private readonly models: readonly string[];

  constructor(config: SydneyConfig) {
    super(config);
    this.promptMode = config.promptMode ?? 'auto';
    this.models = config.models ?? [];
  }

  protected async chat(request: ChatRequest, context: ErrorContext, sink: ChatEventQueue): Promise<void> {
    const target = { provider: this.id, model: request.model };
    // Tools the model may not call (`toolChoice: 'none'`) need no tool calling.
    if ((request.tools ?? []).length > 0 && request.toolChoice !== 'none') throw unsupportedFeature('tools', target);
    if (request.responseFormat !== undefined) throw unsupportedFeature('responseFormat', target);
    const usePrompt = this.usesPromptEndpoint(request);
    const body = usePrompt
      ? { model: request.model, prompt: claudePrompt(request, this.id) }
      : { model: request.model, messages: chatMessages(request, this.id) };
    const response = await this.open(
      {
        method: 'POST',
        // Billable: never sent again once it may have reached the server (HttpRequest.billable).
        billable: true,
        url: this.url(usePrompt ? '/v1/prompt' : '/v1/chat'),
        headers: this.headers({ 'content-type': 'application/json', accept: 'application/json' }),
        body: JSON.stringify(body),
        context,
        signal: sink.signal,
      },
      sink,
    );
    const text = await response.text();
    this.rejectHtml(text, response, context);
    const answer = parseResponse(sydneyReplySchema, parseJsonText(text, context, 'The answer'), context, 'The answer');
    if ('error' in answer) throw mapStreamError(text, context);
    if (answer.reply !== '') sink.push({ type: 'text-delta', text: answer.reply });
    sink.push({ type: 'done', finishReason: 'stop' });
  }

  /** The documented list needs no request, so no key either. */
  override listModels(): Promise<ModelInfo[]> {
    return this.fetchModels();
  }

  protected fetchModels(): Promise<ModelInfo[]> {
    return Promise.resolve(this.models.map((id) => ({ id })));
  }

  protected authHeaders(): Record<string, string> {
    const key = this.config.apiKey?.trim();
    // The gateway wants the key itself, with no `Bearer` scheme.
    return key ? { authorization: key } : {};
  }

  private usesPromptEndpoint(request: ChatRequest): boolean {
    switch (this.promptMode) {
      case 'always':
        return true;
      case 'never':
        return false;
      case 'auto':
        return (
          request.messages.length === 1 &&
          request.messages[0]?.role === 'user' &&
          (request.systemPrompt === undefined || request.systemPrompt.trim() === '') &&
          /^claude/i.test(request.model)
        );
    }
  }
}

function chatMessages(request: ChatRequest, provider: string): Array<{ role: string; content: string }> {
  const messages: Array<{ role: string; content: string }> = [];
  if (request.systemPrompt !== undefined && request.systemPrompt.trim() !== '') {
    messages.push({ role: 'system', content: request.systemPrompt });
  }
  for (const message of messagesAsText(request, provider)) {
    messages.push({ role: message.role === 'tool' ? 'user' : message.role, content: message.content });
  }
  return messages;
}

/** The legacy Claude completion format the gateway's `/v1/prompt` documents. */
function claudePrompt(request: ChatRequest, provider: string): string {
  const turns = messagesAsText(request, provider)
    .filter((m) => m.role !== 'system')
    .map((m) => `\n\n${m.role === 'assistant' ? 'Assistant' : 'Human'}: ${m.content}`)
    .join('');
  return `${turns}\n\nAssistant:`;
}
