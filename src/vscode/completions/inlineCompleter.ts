// One inline completion request (issue 18, docs/completions.md), on the extension's side: nothing is sent for an
// excluded file; the cache answers first (also while the user types what the last suggestion predicted); then the
// adaptive debounce waits, and a keystroke in between (VS Code cancels the token) means no request at all; the
// request is aborted when the user types on (the connection closes, so the server stops); the answer is cleaned and
// cached. Errors never pop up: the status item shows the last one, and a circuit breaker that opened pauses
// completions quietly.
import * as vscode from 'vscode';
import type { ContextExclusion } from '../../core/context/contextExclusion';
import type { CompletionResult } from '../../core/completions/completionTypes';
import type { Pricing } from '../pricing/pricing';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import { describeError } from '../errors/describeError';
import type { SettingsService } from '../settings/settingsService';
import type { CompletionsHealth } from './completionsHealth';

type Engine = ReturnType<ProviderEngineHost['module']>;

export interface InlineCompleterDeps {
  host: ProviderEngineHost;
  settings: SettingsService;
  log: vscode.LogOutputChannel;
  report(health: CompletionsHealth): void;
  /** A suggestion was shown (counted locally). */
  shown(): void;
  /** Where what each request cost is recorded (docs/spend.md): completions are cheap, but they count. */
  pricing?: Pricing;
}

/** ProviderError's `code` when the circuit breaker refused the request (core/chat/circuitBreaker.ts). */
const circuitOpenCode = 'circuit-open';

/** Tokens asked for: one line, or a block. */
const maxTokens = { line: 64, block: 256 } as const;

export class InlineCompleter implements vscode.Disposable {
  private readonly engine: Engine;
  private readonly cache: InstanceType<Engine['CompletionCache']>;
  private readonly debounce: InstanceType<Engine['AdaptiveDebounce']>;
  private readonly lastEdited = new Map<string, number>();
  /** Other open files' texts by version: `getText()` of each on every keystroke would copy them all again. */
  private readonly texts = new Map<string, { version: number; text: string }>();
  private readonly subscription: vscode.Disposable;
  private exclusion: { patterns: readonly string[]; matcher: ContextExclusion } | undefined;
  private inFlight: AbortController | undefined;

  constructor(private readonly deps: InlineCompleterDeps) {
    this.engine = deps.host.module();
    this.cache = new this.engine.CompletionCache();
    this.debounce = new this.engine.AdaptiveDebounce();
    // Recently edited files come first among the snippets; every change is also a keystroke for the debounce.
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      const now = Date.now();
      this.lastEdited.set(event.document.uri.toString(), now);
      if (event.document === vscode.window.activeTextEditor?.document) this.debounce.keystroke(now);
    });
  }

  async provide(
    document: vscode.TextDocument,
    position: vscode.Position,
    _context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionItem[] | undefined> {
    const path = vscode.workspace.asRelativePath(document.uri, false);
    // An excluded file is never sent, whatever else is open.
    if (this.excluded(path)) return undefined;
    const input = this.engine.buildCompletionInput(
      { text: document.getText(), offset: document.offsetAt(position), languageId: document.languageId, path },
      this.otherFiles(document),
    );
    const lineSuffix = document.lineAt(position.line).text.slice(position.character);
    const cached = this.cache.get(input);
    if (cached !== undefined) return this.items(cached, position);

    // Typing faster than the debounce sends nothing: VS Code cancels this token at the next keystroke.
    const wait = this.debounce.delayFor(Date.now());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (token.isCancellationRequested) return undefined;

    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const cancel = token.onCancellationRequested(() => controller.abort());
    const started = Date.now();
    try {
      const result = await this.deps.host.get().complete(this.deps.settings.settings.completionsModel, {
        ...input,
        maxTokens: input.multiline ? maxTokens.block : maxTokens.line,
        signal: controller.signal,
      });
      this.debounce.latency(Date.now() - started);
      this.deps.report({ kind: 'ok' });
      void this.recordCost(result, input.prefix.length + input.suffix.length);
      const text = this.engine.postProcessCompletion(result.text, input, { lineSuffix });
      if (text === undefined) return undefined;
      this.cache.set(input, text);
      if (token.isCancellationRequested) return undefined;
      return this.items(text, position);
    } catch (error) {
      if (controller.signal.aborted || token.isCancellationRequested) return undefined;
      this.reportFailure(error);
      return undefined;
    } finally {
      cancel.dispose();
      if (this.inFlight === controller) this.inFlight = undefined;
    }
  }

  /**
   * Records what a request cost: from its reported usage, else estimated from the characters sent and received
   * (about four a token; the snippets are left out of the estimate).
   */
  private async recordCost(result: CompletionResult, sentChars: number): Promise<void> {
    const pricing = this.deps.pricing;
    if (pricing === undefined) return;
    const prices = await this.deps.host
      .get()
      .prices(result.provider, result.model)
      .catch(() => undefined);
    const reported = result.usage?.inputTokens !== undefined || result.usage?.outputTokens !== undefined;
    const usage = reported
      ? (result.usage ?? {})
      : { inputTokens: Math.ceil(sentChars / 4), outputTokens: Math.ceil(result.text.length / 4) };
    pricing.record({
      at: Date.now(),
      kind: 'completion',
      provider: result.provider,
      model: result.model,
      usd: this.engine.usageCost(prices, usage),
      estimated: !reported,
      ...(usage.inputTokens !== undefined ? { inputTokens: usage.inputTokens } : {}),
      ...(usage.outputTokens !== undefined ? { outputTokens: usage.outputTokens } : {}),
    });
  }

  dispose(): void {
    this.inFlight?.abort();
    this.subscription.dispose();
  }

  private items(text: string, position: vscode.Position): vscode.InlineCompletionItem[] {
    this.deps.shown();
    return [
      new vscode.InlineCompletionItem(text, new vscode.Range(position, position), {
        title: vscode.l10n.t('Accept'),
        command: 'switchboard.completions.accepted',
      }),
    ];
  }

  /** Other open text files of the same language, with when they were last edited (snippets for the prompt). */
  private otherFiles(document: vscode.TextDocument): { path: string; languageId: string; text: string; lastEditedAt: number }[] {
    return vscode.workspace.textDocuments
      .filter((other) => other !== document && other.languageId === document.languageId && other.uri.scheme === 'file')
      .map((other) => ({ other, path: vscode.workspace.asRelativePath(other.uri, false) }))
      .filter(({ path }) => !this.excluded(path))
      .map(({ other, path }) => ({
        path,
        languageId: other.languageId,
        text: this.textOf(other),
        lastEditedAt: this.lastEdited.get(other.uri.toString()) ?? 0,
      }));
  }

  private textOf(document: vscode.TextDocument): string {
    const key = document.uri.toString();
    const known = this.texts.get(key);
    if (known?.version === document.version) return known.text;
    const text = document.getText();
    this.texts.set(key, { version: document.version, text });
    // Closed documents drop out: only what is open now is kept.
    if (this.texts.size > 64) {
      const open = new Set(vscode.workspace.textDocuments.map((doc) => doc.uri.toString()));
      for (const uri of this.texts.keys()) if (!open.has(uri)) this.texts.delete(uri);
    }
    return text;
  }

  private excluded(path: string): boolean {
    const patterns = this.deps.settings.settings.completionsExclude;
    if (this.exclusion?.patterns !== patterns) {
      this.exclusion = { patterns, matcher: this.engine.createContextExclusion(patterns) };
    }
    return this.exclusion.matcher.isExcluded(path.replace(/\\/g, '/'));
  }

  private reportFailure(error: unknown): void {
    const message = describeError(error);
    // Classes cross the bundle boundary: the code, not `instanceof`, says it is the circuit breaker's refusal.
    const code = (error as { code?: unknown }).code;
    this.deps.log.warn(`Inline completion failed: ${message}`);
    // An open circuit breaker (repeated failures) pauses completions until it lets a request through again.
    this.deps.report(code === circuitOpenCode ? { kind: 'paused', message } : { kind: 'error', message });
  }
}
