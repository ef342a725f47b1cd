// The chat's tools for one answer (issue 17, docs/chat.md "Tools"): which tools the model is offered (Switchboard's
// seven, then other extensions' ones where VS Code has them), and what happens to each call the loop in core has
// checked: its card asks the user (read-only tools run unasked once "always" was chosen in this workspace), then the
// call runs, and its card follows it. Proposed edits and new files are gathered and open in one review when the answer
// ends; nothing is written before the user accepts there.
import * as vscode from 'vscode';
import type { AssistantMessage } from '../../core/conversations/conversation';
import type { CheckedToolCall, ToolOutcome, ToolSpec } from '../../core/tools/toolTypes';
import type { TurnTools } from '../../core/turns/turnTypes';
import type { ToolCardView } from '../../shared/webviewProtocol';
import type { ChangeReviews } from '../edits/changeReviews';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import { createBuiltinToolExecutor, type ToolContextSources } from './builtinToolExecutor';
import { otherExtensionTools } from './languageModelTools';
import { ToolApprovals } from './toolApprovals';
import { type LiveToolStates, toolCardsOf } from './toolCards';
import type { ToolExecutor } from './toolExecutor';
import { TurnProposals } from './turnProposals';

export interface ChatToolRunnerDeps {
  host: ProviderEngineHost;
  settings: SettingsService;
  reviews: ChangeReviews;
  /** This workspace's state, where "always allow read-only tools" is kept. */
  state: vscode.Memento;
  log: vscode.LogOutputChannel;
  /** The `@` picker's problems and changes, for get_problems and get_diff. */
  contextSources: ToolContextSources;
}

/** One answer's tools: what the turn runner takes, and what to do when the answer has ended. */
export interface ChatToolTurn {
  tools: TurnTools;
  /** Opens the review of the changes the answer proposed, if any (titled with the model's name). */
  end(model: string | undefined): Promise<void>;
}

export class ChatToolRunner implements LiveToolStates {
  readonly approvals: ToolApprovals;
  private readonly live = new Map<string, 'pending' | 'running'>();
  private readonly unasked = new Set<string>();
  private readonly readOnlyTools = new Set<string>();

  constructor(private readonly deps: ChatToolRunnerDeps) {
    this.approvals = new ToolApprovals(deps.state);
    for (const tool of deps.host.module().builtinTools) if (tool.readOnly) this.readOnlyTools.add(tool.definition.name);
  }

  /**
   * The tools of one answer. `onChange` is called when a card's state changes outside the turn's own updates (it
   * waits for the user, it runs), so the chat redraws the answer.
   */
  forTurn(onChange: () => void): ChatToolTurn {
    const engine = this.deps.host.module();
    const proposals = new TurnProposals({ reviews: this.deps.reviews, engine, settings: this.deps.settings });
    const builtin = createBuiltinToolExecutor({
      engine,
      settings: this.deps.settings,
      proposals,
      log: this.deps.log,
      contextSources: this.deps.contextSources,
    });
    const builtinNames = new Set(engine.builtinTools.map((tool) => tool.definition.name));
    const others = otherExtensionTools(engine, this.deps.log);
    const specs: ToolSpec[] = [...engine.builtinTools, ...others.specs];
    for (const spec of specs) if (spec.readOnly) this.readOnlyTools.add(spec.definition.name);
    const execute: ToolExecutor = (call, signal) => (builtinNames.has(call.name) ? builtin(call, signal) : others.executor(call, signal));
    return {
      tools: {
        tools: specs,
        maxSteps: this.deps.settings.settings.toolsMaxSteps,
        run: (call, signal) => this.run(call, signal, execute, onChange),
      },
      end: async (model) => {
        await proposals.openReview(model !== undefined ? vscode.l10n.t('Changes proposed by {0}', model) : undefined);
      },
    };
  }

  /** The cards of an answer, with what only this window knows (waiting, running, run unasked). */
  cardsOf(message: AssistantMessage): ToolCardView[] {
    return toolCardsOf(message, this);
  }

  state(callId: string): 'pending' | 'running' | undefined {
    return this.live.get(callId);
  }

  autoAllowed(callId: string): boolean {
    return this.unasked.has(callId);
  }

  readOnly(name: string): boolean {
    return this.readOnlyTools.has(name);
  }

  private async run(call: CheckedToolCall, signal: AbortSignal, execute: ToolExecutor, onChange: () => void): Promise<ToolOutcome> {
    const engine = this.deps.host.module();
    try {
      if (call.readOnly && this.approvals.readOnlyAlwaysAllowed) {
        this.unasked.add(call.id);
      } else {
        this.live.set(call.id, 'pending');
        onChange();
        const answer = await this.approvals.ask(call.id, call.readOnly, signal);
        if (answer === 'deny' || signal.aborted) return engine.toolDenied(call.name);
      }
      this.live.set(call.id, 'running');
      onChange();
      return await execute(call, signal);
    } finally {
      this.live.delete(call.id);
    }
  }
}
