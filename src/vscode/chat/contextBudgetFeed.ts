// The numbers behind the chat's context meter (docs/chat.md): what the next message would cost — the conversation so
// far as it would be sent again, the system prompt, the attached chips — against the chosen model's context window
// (from the provider's live model list where it says it, else Switchboard's dated table). Worked out again when the
// chips, the model or the conversation change; the webview adds its own estimate of the draft as the user types.
import type * as vscode from 'vscode';
import { estimateTokens } from '../../core/context/estimateTokens';
import { contextPart } from '../../core/conversations/messagePart';
import { partsTokens } from '../../core/conversations/partTokens';
import { toChatMessages } from '../../core/conversations/toChatMessages';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import type { ChatViewPort } from './chatViewPort';
import type { ContextTray } from './contextTray';
import type { OpenConversation } from './openConversation';

type ContextWindow = { tokens: number; source: 'provider' | 'table' } | undefined;

export class ContextBudgetFeed implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  private generation = 0;

  constructor(
    private readonly tray: ContextTray,
    private readonly open: OpenConversation,
    private readonly settings: SettingsService,
    private readonly host: ProviderEngineHost,
    private readonly port: ChatViewPort,
  ) {
    this.subscriptions = [tray.onDidChange(() => void this.refresh()), settings.onDidChange(() => void this.refresh())];
  }

  /** Works the budget out again and hands it to the tray, which posts it with the chips (only while a view shows it). */
  async refresh(): Promise<void> {
    // Nobody sees the meter, and the window comes from the engine bundle: the next attach works it out.
    if (!this.port.attached) return;
    const generation = ++this.generation;
    const model = this.settings.settings.chatModel;
    if (model === '') {
      this.tray.setBudget(undefined);
      return;
    }
    const contextTokens = partsTokens(this.tray.attachedPreviews.map(contextPart));
    const historyTokens = this.historyTokens();
    const window = await this.windowOf(model);
    // A later refresh (another chip, another model) has already started: its figures win.
    if (generation !== this.generation) return;
    this.tray.setBudget({
      model,
      historyTokens,
      contextTokens,
      ...(window ? { window: window.tokens, windowSource: window.source } : {}),
    });
  }

  /** A model's context window in tokens, when known. */
  async windowTokens(model: string): Promise<number | undefined> {
    return (await this.windowOf(model))?.tokens;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private historyTokens(): number {
    let tokens = estimateTokens(this.settings.settings.systemPrompt);
    for (const message of toChatMessages(this.open.current)) tokens += partsTokens(message.parts);
    return tokens;
  }

  /** The engine asks each provider at most once per session (and again after its settings change). */
  private windowOf(model: string): Promise<ContextWindow> {
    return this.host
      .get()
      .contextWindow(model, AbortSignal.timeout(10_000))
      .catch(() => undefined);
  }
}
