// What every context source needs from the rest of the extension: the engine bundle's readers (loaded on the first
// read, never at activation) and the user's `switchboard.context.exclude`. The extension wires them as
// `{ engine: () => engineHost.module(), exclude: () => settings.settings.contextExclude }`.
import { contextBudget } from '../chat/editorContext';
import type { ContextEngine, ContextExclusion, ContextReadLimits } from './contextEngine';

export interface ContextSourceDeps {
  engine(): ContextEngine;
  /** The validated `switchboard.context.exclude` (its default when unset). */
  exclude(): readonly string[];
}

const exclusions = new WeakMap<readonly string[], ContextExclusion>();

/** The exclusion for the current setting; compiled once per value of the setting (settings hand out the same array until it changes). */
export function exclusionOf(deps: ContextSourceDeps): ContextExclusion {
  const patterns = deps.exclude();
  let exclusion = exclusions.get(patterns);
  if (!exclusion) {
    exclusion = deps.engine().createContextExclusion(patterns);
    exclusions.set(patterns, exclusion);
  }
  return exclusion;
}

/** The engine's read limits, with the character budget of `switchboard.context.maxChars`. */
export function readLimitsOf(engine: ContextEngine): ContextReadLimits {
  return { ...engine.defaultContextReadLimits, maxChars: contextBudget() };
}
