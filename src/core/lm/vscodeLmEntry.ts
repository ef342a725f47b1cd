// The provider entry of VS Code's own language models (docs/vscode-chat.md): offered by the engine when the editor has
// the language-model API (ProviderEngineOptions.hostModels), as `vscode/<model id>` in every model picker. A
// `switchboard.providers` entry with the id `vscode` replaces it, like any preset.
import type { ProviderEntry } from '../providers/providerEntry';

export const vscodeLmEntry: ProviderEntry = { id: 'vscode', kind: 'vscode-lm', label: 'VS Code', requiresKey: false };
