// What a selection command works on (docs/editor-commands.md): the selection; with nothing selected, the innermost function-like
// symbol around the cursor (from the language's document symbol provider), else the current line. The text is cut
// to the context budget, and the cut is reported, never silent.
import * as vscode from 'vscode';
import type { ContextItem } from '../../core/conversations/conversation';
import { contextBudget, rangeContext } from '../chat/editorContext';
import type { EngineModule } from '../engine/providerEngineHost';

export interface SelectionTarget {
  editor: vscode.TextEditor;
  document: vscode.TextDocument;
  /** The whole lines (or the exact selection) the command works on. */
  range: vscode.Range;
  /** The text of `range` as it is now (the original of a proposal). */
  text: string;
  /** The text sent to the model: `text`, cut to the budget when needed. */
  sentText: string;
  truncated: boolean;
  /** Shown to the user when the text was cut. */
  truncationNotice?: string;
  /** How the range was chosen. */
  origin: 'selection' | 'symbol' | 'line' | 'argument';
  /** The same range as a chat context chip. */
  contextItem: ContextItem;
}

/** A range given by a caller (code actions, keybindings, tests): lines are 0-based like VS Code's. */
export interface RangeArgument {
  startLine: number;
  startCharacter?: number;
  endLine: number;
  endCharacter?: number;
}

const functionLike = new Set([
  vscode.SymbolKind.Function,
  vscode.SymbolKind.Method,
  vscode.SymbolKind.Constructor,
  vscode.SymbolKind.Class,
  vscode.SymbolKind.Interface,
  vscode.SymbolKind.Enum,
  vscode.SymbolKind.Struct,
  vscode.SymbolKind.Module,
  vscode.SymbolKind.Namespace,
]);

/** `engine` is the engine bundle (ProviderEngineHost.module()), which does the cutting to the budget. */
export async function resolveSelectionTarget(
  engine: Pick<EngineModule, 'truncateToBudget'>,
  editor: vscode.TextEditor,
  rangeArgument?: RangeArgument,
): Promise<SelectionTarget> {
  const document = editor.document;
  let range: vscode.Range;
  let origin: SelectionTarget['origin'];
  if (rangeArgument) {
    range = document.validateRange(
      new vscode.Range(
        rangeArgument.startLine,
        rangeArgument.startCharacter ?? 0,
        rangeArgument.endLine,
        rangeArgument.endCharacter ?? Number.MAX_SAFE_INTEGER,
      ),
    );
    origin = 'argument';
  } else if (!editor.selection.isEmpty) {
    range = editor.selection;
    origin = 'selection';
  } else {
    const symbol = await enclosingSymbol(document, editor.selection.active);
    if (symbol) {
      range = new vscode.Range(symbol.start.line, 0, symbol.end.line, document.lineAt(symbol.end.line).text.length);
      origin = 'symbol';
    } else {
      range = document.lineAt(editor.selection.active.line).range;
      origin = 'line';
    }
  }
  const text = document.getText(range);
  const budget = contextBudget();
  const cut = engine.truncateToBudget(text, budget);
  const item = rangeContext(document, range, 'selection', Number.MAX_SAFE_INTEGER);
  return {
    editor,
    document,
    range,
    text,
    sentText: cut.text,
    truncated: cut.truncated,
    ...(cut.truncated
      ? {
          truncationNotice: vscode.l10n.t(
            'The code was cut to {0} characters for the model ({1} of {2} lines left out). Raise switchboard.context.maxChars to send more.',
            budget.toLocaleString(),
            cut.droppedLines,
            cut.totalLines,
          ),
        }
      : {}),
    origin,
    contextItem: { ...item, text: cut.text, ...(cut.truncated ? { truncated: true } : {}) },
  };
}

async function enclosingSymbol(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Range | undefined> {
  let symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined;
  try {
    symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
  } catch {
    return undefined; // No symbol provider for this language: the current line it is.
  }
  let best: vscode.Range | undefined;
  const visit = (list: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): void => {
    for (const symbol of list) {
      const range = 'range' in symbol ? symbol.range : symbol.location.range;
      if (!range.contains(position)) continue;
      // The innermost function-like symbol wins (a method over its class).
      if (functionLike.has(symbol.kind) && (!best || best.contains(range))) best = range;
      if ('children' in symbol) visit(symbol.children);
    }
  };
  visit(symbols ?? []);
  return best;
}
