// Whether the chat offers tools to a turn, and the way to them from activation code (issue 17, docs/chat.md
// "Tools"). Everything else of the tools — asking the user, running them, their cards — is in the lazily loaded
// chat-tools bundle (src/vscode/tools/loadChatTools.ts), required on the first turn with tools, or when a
// conversation with tool calls is shown.
import * as vscode from 'vscode';
import type { ConversationMessage } from '../../core/conversations/conversation';
import type { ToolCardView, ToolDecision } from '../../shared/webviewProtocol';
import type { ChatToolRunner, ChatToolRunnerDeps, ChatToolTurn } from '../tools/chatToolRunner';
import { loadChatTools } from '../tools/loadChatTools';
import type { ChatViewPort } from './chatViewPort';

export class ChatToolAccess {
  private runner: ChatToolRunner | undefined;
  private untrustedSaid = false;

  constructor(private readonly deps: ChatToolRunnerDeps & { port: ChatViewPort }) {}

  /**
   * The tools of the next answer, or undefined when it goes without: `switchboard.tools.enabled` is off, no folder
   * is open, or the workspace is not trusted (said once a session, in the chat).
   */
  forTurn(onChange: () => void): ChatToolTurn | undefined {
    if (!this.deps.settings.settings.toolsEnabled) return undefined;
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) return undefined;
    if (!vscode.workspace.isTrusted) {
      if (!this.untrustedSaid) {
        this.untrustedSaid = true;
        this.deps.log.info('Tools are not offered: the workspace is not trusted.');
        this.deps.port.notice(
          vscode.l10n.t('This workspace is not trusted, so the chat answers without tools (reading or searching files).'),
        );
      }
      return undefined;
    }
    return this.load().forTurn(onChange);
  }

  /** The cards of an answer's tool calls; undefined for a message without any (the bundle is not loaded for it). */
  cardsOf(message: ConversationMessage): ToolCardView[] | undefined {
    if (message.role !== 'assistant' || !message.parts.some((part) => part.type === 'tool-call')) return undefined;
    return this.load().cardsOf(message);
  }

  /** A card's Allow / Always allow / Deny. */
  decide(callId: string, decision: ToolDecision): void {
    if (this.runner?.approvals.decide(callId, decision) !== true) this.deps.log.info(`No tool call ${callId} waits for a decision.`);
  }

  /** Read-only tools ask again in this workspace. */
  async revoke(): Promise<void> {
    await this.load().approvals.revoke();
    this.deps.port.notice(vscode.l10n.t('Tools will ask before each run again in this workspace.'));
  }

  /** Stop or closing: nothing waits for the user any more. */
  denyWaiting(): void {
    this.runner?.approvals.denyAll();
  }

  private load(): ChatToolRunner {
    this.runner ??= new (loadChatTools().ChatToolRunner)(this.deps);
    return this.runner;
  }
}
