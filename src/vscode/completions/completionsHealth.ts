/** What the last inline completion request came to, for the status item (docs/completions.md). */
export type CompletionsHealth = { kind: 'ok' } | { kind: 'error'; message: string } | { kind: 'paused'; message: string };
