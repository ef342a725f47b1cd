// The active terminal's last command and its output as context (through shell integration). The terminal is the
// one active when the chip is added; at send its latest finished command is read again. Without shell integration
// nothing can be read, and the chip says how to turn it on (`terminal.integrated.shellIntegration.enabled`).
import * as vscode from 'vscode';
import type { ContextItem } from '../../core/conversations/messagePart';
import { contextBudget } from '../chat/editorContext';
import { tailWithin } from './budgetText';
import { contextNote, unreadItem } from './contextNote';
import type { PendingContext } from './pendingContext';
import type { TerminalOutputTracker } from './terminalOutputTracker';

export function terminalContextSource(tracker: TerminalOutputTracker, terminal = vscode.window.activeTerminal): PendingContext {
  const label = terminal?.name ?? vscode.l10n.t('terminal');
  return {
    key: 'terminal',
    kind: 'terminal',
    label,
    ...(terminal
      ? {
          open: async () => {
            terminal.show(false);
          },
        }
      : {}),
    read: async (signal) => {
      signal?.throwIfAborted();
      return terminalItem(tracker, terminal, label);
    },
  };
}

function terminalItem(tracker: TerminalOutputTracker, terminal: vscode.Terminal | undefined, label: string): ContextItem {
  if (!terminal || terminal.exitStatus !== undefined || !vscode.window.terminals.includes(terminal)) {
    return unreadItem('terminal', label, contextNote('context.noTerminal'));
  }
  const last = tracker.lastCommand(terminal);
  if (!last) {
    return terminal.shellIntegration
      ? unreadItem('terminal', label, contextNote('context.noTerminalCommand', { terminal: terminal.name }))
      : unreadItem('terminal', label, contextNote('context.shellIntegrationOff', { terminal: terminal.name }));
  }
  const head = `$ ${last.commandLine}\n`;
  const foot = last.exitCode !== undefined ? `\n[exit code ${last.exitCode}]` : '';
  const room = Math.max(0, contextBudget() - head.length - foot.length);
  const output = tailWithin(last.output, room);
  const cut = last.cut || output.length < last.output.length;
  return {
    kind: 'terminal',
    label,
    text: `${head}${cut ? '…\n' : ''}${output}${foot}`,
    ...(cut ? { truncated: true } : {}),
  };
}
