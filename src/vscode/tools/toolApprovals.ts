// Who decides whether a tool call runs (issue 17, docs/chat.md "Tools"): the user, on the call's card in the chat.
// A call waits here until the card's Allow, "Always allow read-only tools here" or Deny comes back (or Stop ends the
// answer). "Always" is remembered for this workspace only (its workspace state) and covers tools that only look;
// a tool that proposes changes, or another extension's tool, asks every time. "Ask again" on a card, or the command
// `switchboard.resetToolApprovals`, forgets it.
import type * as vscode from 'vscode';
import type { ToolDecision } from '../../shared/webviewProtocol';

const alwaysReadOnlyKey = 'switchboard.tools.alwaysAllowReadOnly';

export type ApprovalAnswer = 'allow' | 'deny';

export class ToolApprovals {
  private readonly waiting = new Map<string, (decision: ToolDecision) => void>();

  constructor(
    /** This workspace's state: "always" never follows the user into another project. */
    private readonly state: vscode.Memento,
  ) {}

  /** Whether read-only tools run without asking in this workspace. */
  get readOnlyAlwaysAllowed(): boolean {
    return this.state.get<boolean>(alwaysReadOnlyKey, false);
  }

  /** The calls waiting for the user, by call id. */
  isWaiting(callId: string): boolean {
    return this.waiting.has(callId);
  }

  /**
   * Waits for the user's decision on `callId` (its card shows the buttons while it waits). "Always" is stored for a
   * read-only tool, then counts as Allow (for any other tool it is only Allow: its card never offers it). Resolves
   * `deny` at once when `signal` aborts (Stop): nothing runs after Stop.
   */
  async ask(callId: string, readOnly: boolean, signal: AbortSignal): Promise<ApprovalAnswer> {
    if (signal.aborted) return 'deny';
    const decision = await new Promise<ToolDecision>((resolve) => {
      const onAbort = (): void => {
        this.waiting.delete(callId);
        resolve('deny');
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(callId, (answer) => {
        signal.removeEventListener('abort', onAbort);
        this.waiting.delete(callId);
        resolve(answer);
      });
    });
    if (decision === 'allowAlways' && readOnly) await this.state.update(alwaysReadOnlyKey, true);
    return decision === 'deny' ? 'deny' : 'allow';
  }

  /** The card's answer; false when no call `callId` is waiting (a second click, a stale card). */
  decide(callId: string, decision: ToolDecision): boolean {
    const resolve = this.waiting.get(callId);
    if (resolve === undefined) return false;
    resolve(decision);
    return true;
  }

  /** Read-only tools ask again in this workspace. */
  async revoke(): Promise<void> {
    await this.state.update(alwaysReadOnlyKey, undefined);
  }

  /** Every waiting call is denied (the chat is closing). */
  denyAll(): void {
    for (const resolve of [...this.waiting.values()]) resolve('deny');
  }
}
