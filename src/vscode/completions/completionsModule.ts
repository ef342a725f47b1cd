// What dist/completions.js exports (loadCompletions.ts): inline completions' work on the extension's side (issue 18,
// docs/completions.md) — building the prompt from the editor, asking the model, cleaning and caching the answer, and
// the completion model picker and snooze menu.
export { InlineCompleter } from './inlineCompleter';
export { selectCompletionModel } from './selectCompletionModel';
export { snoozeMenu } from './snoozeMenu';
