// Stands in for src/core/errors/errorTemplates.ts inside dist/extension.js (esbuild.js swaps the module when it
// builds that bundle; tests and the engine bundle use the real one). The English templates are the largest table in
// the extension and grow with every error a feature adds; activation needs none of them (docs/performance.md), so
// here they are read from the engine bundle, which carries the same table, the first time an error is worded.
// An error is worded after something failed, and by then the engine is usually loaded anyway.
import type * as Templates from '../../core/errors/errorTemplates';

export type { ErrorMessageId } from '../../core/errors/errorTemplates';

type TemplateModule = typeof Templates;

let loaded: TemplateModule | undefined;

function templates(): TemplateModule {
  // The same module ProviderEngineHost loads (Node caches it): `./engine.js` is external in esbuild.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('./engine.js') as { errorTemplateModule: TemplateModule }).errorTemplateModule;
  return loaded;
}

/** The table, read on first use. Only looking up a template by id is needed of it. */
export const errorTemplates = new Proxy({} as TemplateModule['errorTemplates'], {
  get: (_target, key) => (typeof key === 'string' ? (templates().errorTemplates as Record<string, string>)[key] : undefined),
  has: (_target, key) => key in templates().errorTemplates,
  ownKeys: () => Reflect.ownKeys(templates().errorTemplates),
  getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(templates().errorTemplates, key),
});

export function isErrorMessageId(id: string): id is Templates.ErrorMessageId {
  return templates().isErrorMessageId(id);
}
