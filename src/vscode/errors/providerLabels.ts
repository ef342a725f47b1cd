// Where describeError finds a provider's label by its id, so errors say "OpenAI" rather than "openai"
// (core/errors/withProviderLabels.ts). Set once at activation from the configured provider entries; until then, and
// for an id no entry has, errors keep the id. Every lazily loaded bundle (dist/*.js) carries its own copy of this
// module, so the lookup is kept on globalThis under one registered symbol, where an error worded in any of them
// finds it.
type LabelOf = (id: string) => string | undefined;

const slot = Symbol.for('switchboard.providerLabels');
const holder = globalThis as { [slot]?: LabelOf };

export function setProviderLabels(labelOf: LabelOf): void {
  holder[slot] = labelOf;
}

export function providerLabel(id: string): string | undefined {
  try {
    return holder[slot]?.(id);
  } catch {
    // Wording an error must never fail: the id is a fine name too.
    return undefined;
  }
}
