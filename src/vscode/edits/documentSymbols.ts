// The symbols of a file as its language's symbol provider reports them, in the engine's shape (SymbolOutline), so
// that a fragment redefining a function, class or method is placed over that symbol (docs/chat.md, "Applying code").
import * as vscode from 'vscode';
import type { SymbolOutline } from './applyEngine';

/**
 * The outline of `uri`, or undefined when no provider answers within `timeoutMs` (a language server still starting
 * must not hold the diff back: placement then goes by the text alone).
 */
export async function documentSymbols(uri: vscode.Uri, timeoutMs = 3000): Promise<SymbolOutline[] | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  try {
    const symbols = await Promise.race([
      Promise.resolve(
        vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
          'vscode.executeDocumentSymbolProvider',
          uri,
        ),
      ).catch(() => undefined),
      timeout,
    ]);
    if (!symbols || symbols.length === 0) return undefined;
    return toSymbolOutlines(symbols);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * DocumentSymbols keep their tree; SymbolInformation (older providers) is a flat list, nested here by which range
 * contains which.
 */
export function toSymbolOutlines(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): SymbolOutline[] {
  const first = symbols[0];
  if (first && 'children' in first) return (symbols as vscode.DocumentSymbol[]).map(fromDocumentSymbol);
  const flat = (symbols as vscode.SymbolInformation[])
    .map((symbol) => outline(symbol.name, symbol.kind, symbol.location.range))
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const roots: MutableOutline[] = [];
  const open: MutableOutline[] = [];
  for (const symbol of flat) {
    while (open.length > 0 && !contains(open[open.length - 1], symbol)) open.pop();
    const parent = open[open.length - 1];
    if (parent) parent.children.push(symbol);
    else roots.push(symbol);
    open.push(symbol);
  }
  return roots;
}

interface MutableOutline extends SymbolOutline {
  children: MutableOutline[];
}

function fromDocumentSymbol(symbol: vscode.DocumentSymbol): SymbolOutline {
  return { ...outline(symbol.name, symbol.kind, symbol.range), children: symbol.children.map(fromDocumentSymbol) };
}

function outline(name: string, kind: vscode.SymbolKind, range: vscode.Range): MutableOutline {
  // A range ending at the start of a line ends on the line before it (endLine is inclusive).
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return { name, kind: (vscode.SymbolKind[kind] ?? 'unknown').toLowerCase(), startLine: range.start.line, endLine, children: [] };
}

function contains(outer: SymbolOutline | undefined, inner: SymbolOutline): boolean {
  return outer !== undefined && outer.startLine <= inner.startLine && inner.endLine <= outer.endLine;
}
