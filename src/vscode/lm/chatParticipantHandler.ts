// `@switchboard` in VS Code's own Chat view (docs/vscode-chat.md): answers through Switchboard's providers, keys,
// fallbacks and rate limits. The references VS Code passes (files, the selection) go in as context chips would; the
// slash commands /explain, /fix, /doc and /tests use the editor commands' prompts (docs/editor-commands.md) and /image
// saves into the project like “Switchboard: Generate Image”. Loaded with the lazily loaded vscodeLm bundle.
import * as vscode from 'vscode';
import type { ChatEvent, ChatMessage } from '../../core/chat/chatTypes';
import type { ContextItem } from '../../core/conversations/conversation';
import type { MessagePart } from '../../core/conversations/messagePart';
import type { PromptCommand, SelectionDiagnostic, SelectionRequest } from '../../core/prompts/selectionRequest';
import type { LastEditorTracker } from '../chat/lastEditorTracker';
import { fileContext, rangeContext } from '../chat/editorContext';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import { describeError } from '../errors/describeError';
import type { ImageFeature } from '../images/imageFeature';
import type { Pricing } from '../pricing/pricing';
import { resolveSelectionTarget } from '../selection/selectionTarget';
import type { SettingsService } from '../settings/settingsService';
import { participantCommand, type ParticipantCommand } from './participantCommand';
import { participantId, switchboardVendor } from './vscodeChatIds';

export interface ChatParticipantDeps {
  host: ProviderEngineHost;
  settings: SettingsService;
  images: ImageFeature;
  editors: LastEditorTracker;
  pricing: Pricing;
  log: vscode.LogOutputChannel;
}

/** What a result remembers, for the follow-ups (chatParticipantFollowups.ts) and the next turn's history. */
export interface ParticipantResultMetadata {
  command?: ParticipantCommand;
  /** `providerId/modelId` that answered. */
  model?: string;
  /** No chat model was configured: the reply said how to choose one. */
  noModel?: true;
}

/** A context item and the document it was read from. */
interface CodeContext {
  item: ContextItem;
  uri: vscode.Uri;
}

export class ChatParticipantHandler {
  constructor(private readonly deps: ChatParticipantDeps) {}

  async handle(
    request: vscode.ChatRequest,
    context: vscode.ChatContext,
    stream: vscode.ChatResponseStream,
    token: vscode.CancellationToken,
  ): Promise<vscode.ChatResult> {
    const command = participantCommand(request.command);
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    if (token.isCancellationRequested) controller.abort();
    try {
      if (command === 'image') return await this.image(request.prompt, stream, controller.signal);
      const models = this.models(request);
      if (models.length === 0) return this.noModel(stream, command);
      const prompt = await this.prompt(request, context, command, stream);
      if (prompt === undefined) return { metadata: { ...(command ? { command } : {}) } satisfies ParticipantResultMetadata };
      return await this.answer(models, prompt, stream, controller.signal, command);
    } finally {
      cancel.dispose();
    }
  }

  /**
   * The model of the Chat view's picker when it is one of Switchboard's (vendor `switchboard`, id `providerId/modelId`),
   * else `switchboard.chat.model`; then the fallbacks.
   */
  private models(request: vscode.ChatRequest): string[] {
    const { chatModel, fallbackModels } = this.deps.settings.settings;
    // `request.model` is there from VS Code 1.95 on; typed as possibly missing for the editors `engines` admits.
    const picked = (request as { model?: vscode.LanguageModelChat }).model;
    const chosen = picked?.vendor === switchboardVendor && picked.id.includes('/') ? picked.id : chatModel;
    if (!chosen) return [];
    return [chosen, ...fallbackModels.filter((model) => model !== chosen)];
  }

  private noModel(stream: vscode.ChatResponseStream, command: ParticipantCommand | undefined): vscode.ChatResult {
    stream.markdown(
      vscode.l10n.t(
        'No chat model is chosen for Switchboard yet. Pick one with “Switchboard: Select Chat Model” (models of every provider with a key are listed), then ask again.',
      ),
    );
    stream.button({ command: 'switchboard.selectModel', title: vscode.l10n.t('Select Chat Model') });
    return { metadata: { noModel: true, ...(command ? { command } : {}) } satisfies ParticipantResultMetadata };
  }

  /** The request as Switchboard sends it: history, the command's prompt or the question with its references. */
  private async prompt(
    request: vscode.ChatRequest,
    context: vscode.ChatContext,
    command: Exclude<ParticipantCommand, 'image'> | undefined,
    stream: vscode.ChatResponseStream,
  ): Promise<{ systemPrompt: string; messages: ChatMessage[] } | undefined> {
    const contexts = await this.referenceContexts(request.references);
    const history = historyMessages(context.history);
    const userSystem = this.deps.settings.settings.systemPrompt;
    if (command === undefined) {
      const parts: MessagePart[] = [
        ...contexts.map(({ item }) => ({ type: 'context' as const, context: item })),
        { type: 'text', text: request.prompt },
      ];
      return { systemPrompt: userSystem, messages: [...history, { role: 'user', parts }] };
    }
    const found = contexts[0] ?? (await this.selectionContext());
    if (found === undefined) {
      stream.markdown(vscode.l10n.t('Select some code in an editor, or attach a file with #, then run /{0} again.', command));
      return undefined;
    }
    const { item: code, uri } = found;
    const engine = this.deps.host.module();
    const selection: SelectionRequest = {
      command: promptCommandOf(command),
      code: code.text,
      languageId: code.language ?? 'plaintext',
      relativePath: code.path ?? code.label,
      startLine: code.startLine ?? 1,
      endLine: code.endLine ?? (code.startLine ?? 1) + code.text.split('\n').length - 1,
      ...(request.prompt.trim() ? { instruction: request.prompt.trim() } : {}),
      ...(code.truncated ? { truncated: true } : {}),
    };
    if (command === 'fix') selection.diagnostics = diagnosticsOf(uri, code);
    const raw = vscode.workspace.getConfiguration('switchboard').inspect('prompts')?.globalValue;
    const templates = engine.applyPromptOverrides(engine.defaultPromptTemplates, engine.readPromptOverrides(raw ?? {}).overrides).templates;
    const built = engine.buildSelectionPrompt(selection, templates);
    stream.reference(
      code.startLine === undefined
        ? uri
        : new vscode.Location(uri, new vscode.Range(code.startLine - 1, 0, (code.endLine ?? code.startLine) - 1, 0)),
    );
    return {
      systemPrompt: [built.systemPrompt, userSystem].filter((part) => part).join('\n\n'),
      messages: [...history, ...built.messages],
    };
  }

  /** Streams the answer into the Chat view; errors become the result's error, a stop ends quietly. */
  private async answer(
    models: string[],
    prompt: { systemPrompt: string; messages: ChatMessage[] },
    stream: vscode.ChatResponseStream,
    signal: AbortSignal,
    command: ParticipantCommand | undefined,
  ): Promise<vscode.ChatResult> {
    const settings = this.deps.settings.settings;
    let answered: string | undefined;
    let failure: Extract<ChatEvent, { type: 'error' }> | undefined;
    const request = {
      messages: prompt.messages,
      ...(prompt.systemPrompt ? { systemPrompt: prompt.systemPrompt } : {}),
      ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
      ...(settings.maxTokens !== undefined ? { maxTokens: settings.maxTokens } : {}),
      signal,
    };
    // Budgets hold its requests back and its cost is recorded, as for an answer in Switchboard's own chat.
    const meter = this.deps.pricing.meter({ id: participantId, title: vscode.l10n.t('VS Code Chat') });
    meter.start(request);
    for await (const event of this.deps.host.get().chat(models, request, meter.options)) {
      meter.observe(event);
      switch (event.type) {
        case 'model':
          answered = `${event.provider}/${event.model}`;
          break;
        case 'text-delta':
          stream.markdown(event.text);
          break;
        case 'rate-limit-wait':
          stream.progress(
            vscode.l10n.t('Waiting {0} s for the rate limit of {1}/{2}…', Math.ceil(event.waitMs / 1000), event.provider, event.model),
          );
          break;
        case 'retry':
          stream.progress(vscode.l10n.t('Retrying in {0} s: {1}', Math.ceil(event.delayMs / 1000), describeError(event.error)));
          break;
        case 'fallback':
          stream.progress(
            vscode.l10n.t('{0}/{1} failed; trying {2}/{3}…', event.from.provider, event.from.model, event.to.provider, event.to.model),
          );
          break;
        case 'error':
          failure = event;
          break;
        // No tools are offered here, so no model calls one; usage is the provider's to report, not the Chat view's.
        case 'notice':
        case 'usage':
        case 'tool-call-start':
        case 'tool-call':
        case 'done':
          break;
      }
    }
    await meter.settle();
    const metadata: ParticipantResultMetadata = { ...(command ? { command } : {}), ...(answered ? { model: answered } : {}) };
    if (failure && !signal.aborted) {
      this.deps.log.warn(`@switchboard: ${failure.error.message}`);
      return { errorDetails: { message: describeError(failure.error) }, metadata };
    }
    return { metadata };
  }

  /** `/image <prompt>`: generated and saved like “Switchboard: Generate Image”, the files shown as references. */
  private async image(prompt: string, stream: vscode.ChatResponseStream, signal: AbortSignal): Promise<vscode.ChatResult> {
    const metadata: ParticipantResultMetadata = { command: 'image' };
    if (!prompt.trim()) {
      stream.markdown(vscode.l10n.t('Describe the picture after /image, for example: /image a lighthouse at dusk, watercolour.'));
      return { metadata };
    }
    stream.progress(vscode.l10n.t('Generating the image…'));
    try {
      const result = await this.deps.images.generator.forChat(prompt.trim(), signal);
      const uris = result.paths.map((file) => vscode.Uri.file(file));
      stream.markdown(
        vscode.l10n.t('Saved {0} image(s) from {1}/{2}:', uris.length, result.provider, result.model) +
          '\n\n' +
          uris.map((uri) => `- \`${vscode.workspace.asRelativePath(uri, false)}\``).join('\n') +
          '\n',
      );
      for (const uri of uris) stream.reference(uri);
      return { metadata: { ...metadata, model: `${result.provider}/${result.model}` } };
    } catch (error) {
      if (signal.aborted) return { metadata };
      this.deps.log.warn(`@switchboard /image: ${describeError(error)}`);
      return { errorDetails: { message: describeError(error) }, metadata };
    }
  }

  /** The references VS Code passes (a file, a range, the selection) as context items; other kinds are left out. */
  private async referenceContexts(references: readonly vscode.ChatPromptReference[]): Promise<CodeContext[]> {
    const items: CodeContext[] = [];
    // VS Code lists them last-in-prompt first; the model reads them in the order they were written.
    for (const reference of [...references].reverse()) {
      const value = reference.value;
      try {
        if (value instanceof vscode.Location) {
          const document = await vscode.workspace.openTextDocument(value.uri);
          items.push({ item: rangeContext(document, value.range, 'selection'), uri: value.uri });
        } else if (value instanceof vscode.Uri) {
          if ((await vscode.workspace.fs.stat(value)).type & vscode.FileType.Directory) continue;
          items.push({ item: fileContext(await vscode.workspace.openTextDocument(value)), uri: value });
        }
      } catch (error) {
        this.deps.log.warn(`@switchboard: could not read the reference ${reference.id}: ${describeError(error)}`);
      }
    }
    return items;
  }

  /** The active editor's selection (or the code around the cursor), as the editor commands take it. */
  private async selectionContext(): Promise<CodeContext | undefined> {
    const editor = this.deps.editors.editor;
    if (!editor) return undefined;
    return { item: (await resolveSelectionTarget(this.deps.host.module(), editor)).contextItem, uri: editor.document.uri };
  }
}

function promptCommandOf(command: Exclude<ParticipantCommand, 'image'>): PromptCommand {
  switch (command) {
    case 'explain':
      return 'explain';
    case 'fix':
      return 'fix';
    case 'doc':
      return 'document';
    case 'tests':
      return 'generateTests';
  }
}

/** Earlier turns with `@switchboard` as prior messages: what was asked, and the Markdown that was answered. */
function historyMessages(history: vscode.ChatContext['history']): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const turn of history) {
    if (turn.participant !== participantId) continue;
    if (turn instanceof vscode.ChatRequestTurn) {
      const text = turn.command ? `/${turn.command} ${turn.prompt}` : turn.prompt;
      out.push({ role: 'user', parts: [{ type: 'text', text }] });
    } else if (turn instanceof vscode.ChatResponseTurn) {
      const text = turn.response
        .map((part) => (part instanceof vscode.ChatResponseMarkdownPart ? part.value.value : ''))
        .join('')
        .trim();
      if (text) out.push({ role: 'assistant', parts: [{ type: 'text', text }] });
    }
  }
  return out;
}

/** The diagnostics of the code's file that touch its lines, for /fix. */
function diagnosticsOf(uri: vscode.Uri, item: ContextItem): SelectionDiagnostic[] {
  const first = (item.startLine ?? 1) - 1;
  const last = (item.endLine ?? Number.MAX_SAFE_INTEGER) - 1;
  const severities = ['error', 'warning', 'info', 'hint'] as const;
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.range.end.line >= first && diagnostic.range.start.line <= last)
    .map((diagnostic) => ({
      message: diagnostic.message,
      severity: severities[diagnostic.severity] ?? 'error',
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      ...(diagnostic.source ? { source: diagnostic.source } : {}),
      ...(typeof diagnostic.code === 'string' || typeof diagnostic.code === 'number' ? { code: diagnostic.code } : {}),
    }));
}
