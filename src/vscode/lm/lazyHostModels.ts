// VS Code's language models for the engine's `vscode-lm` provider kind (docs/vscode-chat.md), where this editor has the
// language-model API (`vscode.lm.selectChatModels`, 1.90 on): a stand-in that loads the vscodeLm bundle on the first
// listing or request. Undefined on an editor without it, so the engine does not offer the `vscode` provider there.
import * as vscode from 'vscode';
import type { HostLanguageModels } from '../../core/lm/hostLanguageModels';
import { loadVscodeLm } from './loadVscodeLm';

export function lazyHostModels(): HostLanguageModels | undefined {
  // Typed as possibly missing: `engines` may admit an editor whose API lacks it, whatever @types/vscode says.
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  if (typeof lm?.selectChatModels !== 'function') return undefined;
  let models: HostLanguageModels | undefined;
  const load = (): HostLanguageModels => (models ??= new (loadVscodeLm().VscodeHostModels)());
  return { list: (signal) => load().list(signal), send: (request) => load().send(request) };
}
