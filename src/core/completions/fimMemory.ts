// What Switchboard has learned this session about servers that will not take the text after the cursor as a
// `suffix` field: vLLM refuses it ('suffix is not currently supported'), Ollama refuses it for a model whose template
// has no insert branch. Once a model of a provider entry has refused it, the next completion goes at once with the
// family's template (fimTemplates.ts) instead of failing first again. The engine keeps it (clients are built per
// request), like ModelQuirks for chat.
export class FimMemory {
  private readonly templated = new Set<string>();

  /** Whether completions of `model` of the provider entry `provider` are sent with the FIM template. */
  usesTemplate(provider: string, model: string): boolean {
    return this.templated.size > 0 && this.templated.has(key(provider, model));
  }

  /** Remembers, for the rest of the session, that `model` of `provider` needs the template. */
  noteUsesTemplate(provider: string, model: string): void {
    this.templated.add(key(provider, model));
  }
}

function key(provider: string, model: string): string {
  return `${provider}\u0000${model}`;
}
