// How much one tool call may read and return (issue 17, docs/chat.md "Tools"): every result is text for the model,
// and none may grow without bound, whatever the workspace holds ("a search that would return 100 MB" ends at its cap
// with a note). The extension passes these (the read budget from `switchboard.context.maxChars`); tests pass small ones.

export interface ToolLimits {
  /** The most characters of a file read_file returns; the rest is cut at a line, with where to read on. */
  maxReadChars: number;
  /** A file larger than this is not read or searched (its size is known from `stat` before it is opened). */
  maxFileBytes: number;
  /** The most files list_files names. */
  maxListed: number;
  /** Entries a walk (list_files, the plain search) looks at before it stops. */
  maxWalkEntries: number;
  /** The most characters a search result may have (matching lines included). */
  maxSearchChars: number;
  /** A matching line longer than this is shown cut around its first match (minified code has 1 MB lines). */
  maxLineChars: number;
  /** Bytes the plain search reads (over all files) before it stops; ripgrep's output is capped alike. */
  maxSearchBytes: number;
}

export const defaultToolLimits: ToolLimits = {
  maxReadChars: 24_000,
  maxFileBytes: 1024 * 1024,
  maxListed: 500,
  maxWalkEntries: 20_000,
  maxSearchChars: 24_000,
  maxLineChars: 300,
  maxSearchBytes: 64 * 1024 * 1024,
};

/** What every core tool runner takes besides its input and the workspace. */
export interface ToolRunOptions {
  /** Over the defaults. */
  limits?: Partial<ToolLimits>;
  /** Stop: the runner throws the abort reason soon after. */
  signal?: AbortSignal;
}
