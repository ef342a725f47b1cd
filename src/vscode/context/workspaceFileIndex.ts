// The `@` picker's list of workspace files and folders (docs/chat.md). Built in the background on the first query,
// from the workspace file search over every workspace folder, hiding what `files.exclude`, `search.exclude` and
// `.gitignore` hide, and capped at `maxIndexedFiles` files. Queries answer at once from what is known (never
// waiting for the search), with `indexing` set while it runs; `onDidUpdate` fires when more is known, so the view
// asks again. A file created or deleted marks the list stale; it is rebuilt on the next query.
import * as vscode from 'vscode';
import type { ContextEngine, FileIndexEntry, FileSuggestion, FuzzyFileIndexLike } from './contextEngine';
import { loadGitignoreFilter } from './loadGitignoreFilter';
import { searchExcludeGlob } from './searchExcludeGlob';

/** Most files listed: far beyond what a picker shows, small enough to index in well under a second. */
export const maxIndexedFiles = 50_000;

export interface FileQueryResult {
  items: FileSuggestion[];
  /** The list is being built (or rebuilt): more or other results may follow, announced by `onDidUpdate`. */
  indexing: boolean;
}

export class WorkspaceFileIndex implements vscode.Disposable {
  private index: FuzzyFileIndexLike | undefined;
  private building: vscode.CancellationTokenSource | undefined;
  private stale = true;
  private watching: vscode.Disposable[] = [];
  private readonly updateEmitter = new vscode.EventEmitter<void>();

  /** Fires when the list grew or was rebuilt: query again. */
  readonly onDidUpdate = this.updateEmitter.event;

  constructor(
    private readonly engine: () => ContextEngine,
    private readonly log?: vscode.LogOutputChannel,
    private readonly maxFiles = maxIndexedFiles,
  ) {}

  /** The best `limit` matches of `text` among what is known now; starts (re)building the list when needed. */
  query(text: string, limit: number): FileQueryResult {
    if (this.stale && !this.building) this.rebuild();
    return { items: this.index ? this.index.query(text, limit) : [], indexing: this.building !== undefined };
  }

  /** Files known now (for tests and the log). */
  get size(): number {
    return this.index?.size ?? 0;
  }

  dispose(): void {
    this.building?.cancel();
    this.building?.dispose();
    for (const disposable of this.watching) disposable.dispose();
    this.updateEmitter.dispose();
  }

  private rebuild(): void {
    this.stale = false;
    if (this.watching.length === 0) this.watch();
    const source = new vscode.CancellationTokenSource();
    this.building = source;
    const started = performance.now();
    this.build(source.token)
      .then(
        (count) => {
          if (!source.token.isCancellationRequested)
            this.log?.info(
              `Indexed ${count} workspace files for the @ picker in ${(performance.now() - started).toFixed(0)} ms${
                count >= this.maxFiles ? ` (the most it lists; files beyond them are not offered)` : ''
              }`,
            );
        },
        (error: unknown) => this.log?.warn(`Listing the workspace files failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        if (this.building === source) this.building = undefined;
        source.dispose();
        this.updateEmitter.fire();
      });
  }

  /** Lists each workspace folder in turn, publishing what is known after each. */
  private async build(token: vscode.CancellationToken): Promise<number> {
    const engine = this.engine();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const entries: FileIndexEntry[] = [];
    for (const folder of folders) {
      const room = this.maxFiles - entries.length;
      if (room <= 0 || token.isCancellationRequested) break;
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), searchExcludeGlob(folder), room, token);
      if (token.isCancellationRequested) break;
      const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
      const files = uris.filter((uri) => uri.path.startsWith(root)).map((uri) => ({ uri, relativePath: uri.path.slice(root.length) }));
      const gitignores = files.filter((file) => file.relativePath === '.gitignore' || file.relativePath.endsWith('/.gitignore'));
      const ignore =
        gitignores.length > 0
          ? await loadGitignoreFilter(
              folder,
              engine,
              gitignores.map((file) => file.relativePath),
              token,
            )
          : undefined;
      for (const file of files) {
        // The filter also ignores what lies under an ignored folder (gitignore(5)).
        if (ignore?.ignores(file.relativePath, false)) continue;
        entries.push({
          uri: file.uri.toString(),
          relativePath: file.relativePath,
          ...(folders.length > 1 ? { folderName: folder.name } : {}),
        });
      }
      if (token.isCancellationRequested) break;
      this.index = new engine.FuzzyFileIndex(entries);
      if (folders.length > 1) this.updateEmitter.fire();
    }
    if (folders.length === 0) this.index = new engine.FuzzyFileIndex([]);
    return entries.length;
  }

  private watch(): void {
    const markStale = (uri?: vscode.Uri): void => {
      // Git's own files change on every commit, fetch and status; they are never listed.
      if (!uri?.path.includes('/.git/')) this.stale = true;
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.watching = [
      watcher,
      watcher.onDidCreate(markStale),
      watcher.onDidDelete(markStale),
      watcher.onDidChange((uri) => {
        if (uri.path.endsWith('/.gitignore')) markStale();
      }),
      // What the explorer and edits create, delete or rename is reported at once; the watcher, which starts a moment
      // after it is created and can miss what happens meanwhile, covers changes made outside the editor.
      vscode.workspace.onDidCreateFiles(() => markStale()),
      vscode.workspace.onDidDeleteFiles(() => markStale()),
      vscode.workspace.onDidRenameFiles(() => markStale()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => markStale()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('files.exclude') || event.affectsConfiguration('search.exclude')) markStale();
      }),
    ];
  }
}
