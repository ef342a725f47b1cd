// The selection commands (docs/editor-commands.md): explain and ask go to the chat; refactor, fix and document stream a proposal
// into a diff view, with Accept / Reject on the diff itself (changeReviews.ts), and apply it as one undoable edit on
// accept; generate tests writes a new, unsaved test file
// next to the source. Every command takes an optional argument object, so keybindings and tests run it without
// prompts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChatEvent } from '../../core/chat/chatTypes';
import type { PromptTemplates } from '../../core/prompts/promptTemplate';
import type {
  EditCommand,
  PromptCommand,
  SelectionDiagnostic,
  SelectionPrompt,
  SelectionRequest,
} from '../../core/prompts/selectionRequest';
import { assertNever } from '../../shared/assertNever';
import type { ChatController } from '../chat/chatController';
import type { LastEditorTracker } from '../chat/lastEditorTracker';
import type { ChatViewProvider } from '../chatViewProvider';
import type { ChangeReviews } from '../edits/changeReviews';
import type { FileProposal } from '../edits/fileProposal';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import { startCommand } from '../startCommand';
import { resolveSelectionTarget, type RangeArgument, type SelectionTarget } from './selectionTarget';
import { errorDetail } from '../../core/errors/errorFactories';
import { describeError } from '../errors/describeError';

export interface SelectionCommandArgs {
  /** `providerId/modelId`: another model than the default for this run. */
  model?: string;
  /** refactor: what to do (no prompt is shown); others: an extra request. */
  instruction?: string;
  /** Work on this range of the active editor instead of the selection (0-based lines). */
  range?: RangeArgument;
  /** refactor / fix / document: accept or reject the proposal at once instead of waiting for Accept / Reject on the diff (tests, automation). */
  apply?: 'accept' | 'reject';
}

export type EditOutcome = 'applied' | 'rejected' | 'conflict' | 'no-code' | 'failed' | 'cancelled';

/** How often a streamed proposal is pushed into the diff view: often enough to look live, rarely enough to be cheap. */
const diffRefreshMs = 80;

export class SelectionCommands {
  constructor(
    private readonly host: ProviderEngineHost,
    private readonly settings: SettingsService,
    private readonly chat: ChatController,
    private readonly chatView: ChatViewProvider,
    private readonly editors: LastEditorTracker,
    private readonly reviews: ChangeReviews,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async explain(args?: SelectionCommandArgs): Promise<void> {
    const target = await this.target(args);
    const prompt = this.host.module().buildSelectionPrompt(this.request('explain', target, args), this.templates());
    await this.chatView.reveal();
    if (target.truncationNotice) this.chat.port.notice(target.truncationNotice, 'warning');
    await this.chat.actions.sendPrepared({
      display: args?.instruction
        ? vscode.l10n.t('Explain {0}: {1}', target.contextItem.label, args.instruction)
        : vscode.l10n.t('Explain {0}', target.contextItem.label),
      contexts: [target.contextItem],
      systemPrompt: prompt.systemPrompt,
      userContent: (prompt.messages[0]?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join(''),
      ...(args?.model ? { model: args.model } : {}),
    });
  }

  async ask(): Promise<void> {
    const target = await this.target();
    const item = target.contextItem;
    await this.chat.contexts.addRead(item, `selection:${item.path ?? item.label}#${item.startLine ?? 0}-${item.endLine ?? 0}`);
    await this.chatView.reveal({ focusInput: true });
  }

  refactor(args?: SelectionCommandArgs): Promise<EditOutcome> {
    return this.edit('refactor', args);
  }

  fix(args?: SelectionCommandArgs): Promise<EditOutcome> {
    return this.edit('fix', args);
  }

  document(args?: SelectionCommandArgs): Promise<EditOutcome> {
    return this.edit('document', args);
  }

  /** Writes tests into a new, unsaved editor next to the source (never over an existing file). */
  async generateTests(args?: SelectionCommandArgs): Promise<vscode.Uri | undefined> {
    const target = await this.target(args);
    if (target.truncationNotice) void vscode.window.showWarningMessage(target.truncationNotice);
    const testUri = await this.testFileFor(target.document);
    const request = this.request('generateTests', target, args);
    if (testUri) request.testConvention = { fileName: vscode.workspace.asRelativePath(testUri) };
    const prompt = this.host.module().buildSelectionPrompt(request, this.templates());

    // The editor opens at once and the tests stream into it.
    const document = testUri
      ? await vscode.workspace.openTextDocument(testUri)
      : await vscode.workspace.openTextDocument({ language: target.document.languageId, content: '' });
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    let shown = '';
    const show = async (code: string): Promise<void> => {
      if (code === shown || editor.document.isClosed) return;
      shown = code;
      const all = editor.document.validateRange(new vscode.Range(0, 0, editor.document.lineCount, 0));
      await editor.edit((builder) => builder.replace(all, code), { undoStopBefore: false, undoStopAfter: false });
    };
    const reply = await this.stream(prompt, args?.model, vscode.l10n.t('Writing tests for {0}…', target.contextItem.label), (text) =>
      show(this.host.module().extractCodeSoFar(text)),
    );
    if (reply === undefined) return undefined;
    const extracted = this.host.module().extractCodeFromReply(reply, target.document.languageId);
    if (extracted.kind === 'no-code') {
      await show('');
      this.reportNoCode(extracted.reason, reply);
      return undefined;
    }
    await show(extracted.code);
    if (extracted.note) void vscode.window.showWarningMessage(extracted.note);
    return editor.document.uri;
  }

  private async edit(command: EditCommand, args?: SelectionCommandArgs): Promise<EditOutcome> {
    const target = await this.target(args);
    let instruction = args?.instruction;
    if (command === 'refactor' && instruction === undefined) {
      instruction = await vscode.window.showInputBox({
        title: vscode.l10n.t('Refactor {0}', target.contextItem.label),
        prompt: vscode.l10n.t('What should change? (Empty: make it clearer without changing what it does.)'),
        placeHolder: vscode.l10n.t('e.g. extract a function, use async/await, rename for clarity'),
      });
      if (instruction === undefined) return 'cancelled';
    }
    if (target.truncationNotice) {
      // An edit of code the model only saw part of would lose the rest: refuse rather than apply a half.
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          '{0} The selection is too long to rewrite safely; select less, or raise switchboard.context.maxChars.',
          target.truncationNotice,
        ),
      );
      return 'cancelled';
    }
    const request = this.request(command, target, { ...args, ...(instruction ? { instruction } : {}) });
    if (command === 'fix') request.diagnostics = diagnosticsIn(target);
    const prompt = this.host.module().buildSelectionPrompt(request, this.templates());

    // The diff and its review come from the apply-code bundle (src/vscode/edits/loadApplyCode.ts).
    const proposal = this.reviews
      .load()
      .FileProposal.forDocument(
        this.reviews.documents,
        target.document,
        target.document.getText(),
        vscode.l10n.t('{0}: original ↔ proposal ({1})', path.basename(target.document.uri.path), commandTitle(command)),
      );
    await proposal.showDiff();
    let lastPush = 0;
    const reply = await this.stream(
      prompt,
      args?.model,
      vscode.l10n.t('{0} {1}…', commandTitle(command), target.contextItem.label),
      (text) => {
        const now = Date.now();
        if (now - lastPush < diffRefreshMs) return;
        lastPush = now;
        proposal.replaceRange(target.range, this.host.module().extractCodeSoFar(text));
      },
    );
    if (reply === undefined) {
      await this.discard(proposal);
      return 'cancelled';
    }
    const extracted = this.host.module().extractCodeFromReply(reply, target.document.languageId);
    if (extracted.kind === 'no-code') {
      await this.discard(proposal);
      this.reportNoCode(extracted.reason, reply);
      return 'no-code';
    }
    proposal.replaceRange(
      target.range,
      this.host.module().reindentToOriginal(extracted.code, target.text, {
        eol: target.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
        tabSize: Number(target.editor.options.tabSize) || 4,
      }),
    );
    if (extracted.note) void vscode.window.showWarningMessage(extracted.note);
    if (await proposal.changedSinceProposal()) {
      await this.discard(proposal);
      return this.reportConflict(command, args);
    }
    // Accept / Reject wait on the diff's title bar (and their keybindings) until the user decides.
    const review = await this.reviews.open([proposal], { title: proposal.title });
    if (args?.apply) await review.decide(args.apply, [proposal]);
    const [result] = await review.done;
    const outcome = result?.outcome ?? 'rejected';
    switch (outcome) {
      case 'applied':
      case 'rejected':
        return outcome;
      case 'conflict':
        return this.reportConflict(command, args);
      case 'failed':
        void vscode.window.showErrorMessage(vscode.l10n.t('VS Code could not apply the change.'));
        return 'failed';
      default:
        return assertNever(outcome, 'proposal outcome');
    }
  }

  /** Closes a proposal's diff that never became a review (cancelled, no code, or the file changed meanwhile). */
  private async discard(proposal: FileProposal): Promise<void> {
    await this.reviews
      .load()
      .closeProposalTabs([proposal.proposalUri])
      .catch((error: unknown) => this.log.warn(`Closing the proposal failed: ${errorDetail(error)}`));
    proposal.release();
  }

  /**
   * Streams the command's prompt; `onText` sees the whole reply so far after each chunk. Resolves to the full
   * reply, or undefined when the user cancelled or the request failed (the failure is shown).
   */
  private async stream(
    prompt: SelectionPrompt,
    model: string | undefined,
    title: string,
    onText: (text: string) => void | Promise<void>,
  ): Promise<string | undefined> {
    const settings = this.settings.settings;
    const chosen = model ?? settings.chatModel;
    if (!chosen) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No chat model is chosen yet. Pick one with “Switchboard: Select Chat Model”.'));
      return undefined;
    }
    const models = [chosen, ...settings.fallbackModels.filter((m) => m !== chosen)];
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        let text = '';
        let failure: ChatEvent | undefined;
        const systemPrompt = [prompt.systemPrompt, settings.systemPrompt].filter((part) => part).join('\n\n');
        for await (const event of this.host.get().chat(models, {
          messages: prompt.messages,
          systemPrompt,
          ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
          ...(settings.maxTokens !== undefined ? { maxTokens: settings.maxTokens } : {}),
          signal: controller.signal,
        })) {
          switch (event.type) {
            case 'text-delta':
              text += event.text;
              await onText(text);
              break;
            case 'model':
              progress.report({ message: `${event.provider}/${event.model}` });
              break;
            case 'rate-limit-wait':
              progress.report({ message: vscode.l10n.t('waiting {0} s for the rate limit', Math.ceil(event.waitMs / 1000)) });
              break;
            case 'retry':
              progress.report({
                message: vscode.l10n.t('retrying in {0} s: {1}', Math.ceil(event.delayMs / 1000), describeError(event.error)),
              });
              break;
            case 'fallback':
              progress.report({ message: vscode.l10n.t('trying {0}/{1}…', event.to.provider, event.to.model) });
              break;
            case 'notice':
              this.log.info(`${event.provider}/${event.model} refused the temperature setting; sent without it.`);
              progress.report({
                message: vscode.l10n.t('{0}/{1} does not accept a temperature; sent without it.', event.provider, event.model),
              });
              break;
            case 'error':
              failure = event;
              break;
            // No tools are offered to the selection commands, so no model calls one.
            case 'usage':
            case 'done':
            case 'tool-call-start':
            case 'tool-call':
              break;
          }
        }
        if (controller.signal.aborted) return undefined;
        if (failure?.type === 'error') {
          this.log.warn(`Selection command failed: ${failure.error.message}`);
          const setKey = vscode.l10n.t('Set API Key');
          const switchModel = vscode.l10n.t('Switch Model');
          void vscode.window
            .showErrorMessage(describeError(failure.error), ...(failure.error.kind === 'auth' ? [setKey] : []), switchModel)
            .then((choice) => {
              if (choice === setKey)
                startCommand('switchboard.setApiKey', { provider: failure?.type === 'error' ? failure.error.provider : undefined });
              if (choice === switchModel) startCommand('switchboard.selectModel');
            });
          return undefined;
        }
        return text;
      },
    );
  }

  private reportNoCode(reason: string, reply: string): void {
    const show = vscode.l10n.t('Show the Answer');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('Nothing was changed: {0}.', reason), show)
      .then(async (choice) => {
        if (choice === show)
          await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: reply }));
      })
      .then(undefined, (error: unknown) => this.log.warn(`Showing the answer failed: ${errorDetail(error)}`));
  }

  private reportConflict(command: EditCommand, args?: SelectionCommandArgs): EditOutcome {
    const again = vscode.l10n.t('Run Again');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          'The file changed while the proposal was being made, so nothing was overwritten. Run the command again on the current text?',
        ),
        again,
      )
      .then((choice) => {
        if (choice === again) startCommand(`switchboard.${command}Selection`, args ? { ...args, range: undefined } : undefined);
      });
    return 'conflict';
  }

  private async target(args?: SelectionCommandArgs): Promise<SelectionTarget> {
    const editor = this.editors.editor;
    if (!editor) throw new Error(vscode.l10n.t('Open a file and select some code first.'));
    return resolveSelectionTarget(this.host.module(), editor, args?.range);
  }

  private request(command: PromptCommand, target: SelectionTarget, args?: SelectionCommandArgs): SelectionRequest {
    return {
      command,
      code: target.sentText,
      languageId: target.document.languageId,
      relativePath: vscode.workspace.asRelativePath(target.document.uri),
      startLine: target.range.start.line + 1,
      endLine: target.range.start.line + 1 + (target.sentText.replace(/\r?\n$/, '').split(/\r?\n/).length - 1),
      ...(args?.instruction ? { instruction: args.instruction } : {}),
      ...(target.truncated ? { truncated: true } : {}),
    };
  }

  /** The default templates with the user's `switchboard.prompts` overrides; a bad override is reported, not used. */
  private templates(): PromptTemplates {
    const raw = vscode.workspace.getConfiguration('switchboard').inspect('prompts')?.globalValue;
    const engine = this.host.module();
    const { overrides, problems } = engine.readPromptOverrides(raw ?? {});
    const applied = engine.applyPromptOverrides(engine.defaultPromptTemplates, overrides);
    for (const problem of [...problems, ...applied.problems]) void vscode.window.showWarningMessage(problem.message);
    return applied.templates;
  }

  /** A free path for a test file next to the source, following the project's visible convention. */
  private async testFileFor(source: vscode.TextDocument): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(source.uri);
    if (!folder || source.uri.scheme !== 'file') return undefined;
    const relative = vscode.workspace.asRelativePath(source.uri, false);
    const siblings = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(source.uri, '..'))).map(([name]) => name);
    // Test files and some sources: the pairs between them show where this project puts its tests.
    const find = (glob: string): Thenable<vscode.Uri[]> =>
      vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), '**/node_modules/**', 200);
    const [tests, sources] = await Promise.all([find('**/*{test,spec,Test,Tests}*'), find(`**/*${path.extname(source.uri.path)}`)]);
    const sample = [...tests, ...sources].map((uri) => vscode.workspace.asRelativePath(uri, false));
    const plan = this.host.module().proposeTestFilePath(relative, siblings, sample);
    if (plan.kind === 'same-file') return undefined;
    const exists = async (candidate: string): Promise<boolean> => {
      try {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, candidate));
        return true;
      } catch {
        return false;
      }
    };
    // pickFreeTestFilePath asks synchronously and the file system answers asynchronously: each round takes the
    // first name not known to be taken and checks it on disk.
    const taken = new Set<string>();
    for (let index = 0; index < 20; index++) {
      const candidate = this.host.module().pickFreeTestFilePath(plan.path, (path) => taken.has(path));
      if (!candidate) return undefined;
      if (!(await exists(candidate))) return vscode.Uri.joinPath(folder.uri, candidate).with({ scheme: 'untitled' });
      taken.add(candidate);
    }
    return undefined;
  }
}

function diagnosticsIn(target: SelectionTarget): SelectionDiagnostic[] {
  return vscode.languages
    .getDiagnostics(target.document.uri)
    .filter((diagnostic) => diagnostic.range.intersection(target.range) !== undefined)
    .map((diagnostic) => ({
      message: diagnostic.message,
      severity: (['error', 'warning', 'info', 'hint'] as const)[diagnostic.severity] ?? 'error',
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      ...(diagnostic.source ? { source: diagnostic.source } : {}),
      ...(diagnostic.code !== undefined
        ? { code: typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : diagnostic.code }
        : {}),
    }));
}

function commandTitle(command: EditCommand): string {
  switch (command) {
    case 'refactor':
      return vscode.l10n.t('Refactor');
    case 'fix':
      return vscode.l10n.t('Fix');
    case 'document':
      return vscode.l10n.t('Document');
    default:
      return assertNever(command, 'edit command');
  }
}
