// The context functions of the engine bundle (src/core/context/*, exported from src/core/engine.ts) that the
// sources here call. They are reached only through ProviderEngineHost.module(), so reading files, matching globs and
// fuzzy search stay out of the code loaded at activation (docs/performance.md); this file holds only their types.
import type { ContextExclusion, createContextExclusion } from '../../core/context/contextExclusion';
import type { ContextReadLimits, defaultContextReadLimits } from '../../core/context/contextLimits';
import type { FileIndexEntry, FileSuggestion } from '../../core/context/fuzzyFileIndex';
import type { createGitignoreFilter, GitignoreFilter } from '../../core/context/gitignoreFilter';
import type { readFileContext } from '../../core/context/readFileContext';
import type { readFolderContext } from '../../core/context/readFolderContext';

export type { ContextExclusion, ContextReadLimits, FileIndexEntry, FileSuggestion, GitignoreFilter };

/** The engine's FuzzyFileIndex, as the file index uses it. */
export interface FuzzyFileIndexLike {
  readonly size: number;
  query(text: string, limit: number): FileSuggestion[];
}

/** What the sources need of the engine bundle; `ProviderEngineHost.module()` is one. */
export interface ContextEngine {
  readonly defaultContextReadLimits: typeof defaultContextReadLimits;
  readonly createContextExclusion: typeof createContextExclusion;
  readonly createGitignoreFilter: typeof createGitignoreFilter;
  readonly readFileContext: typeof readFileContext;
  readonly readFolderContext: typeof readFolderContext;
  readonly FuzzyFileIndex: new (entries: readonly FileIndexEntry[]) => FuzzyFileIndexLike;
}
