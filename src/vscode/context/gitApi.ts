// The part of the built-in Git extension's API (`vscode.git`, API version 1) that Switchboard uses, declared here as
// the Git extension's README asks (it publishes its typings as extensions/git/src/api/git.d.ts in the VS Code
// repository; this is a subset of them).
import type * as vscode from 'vscode';

/** `Status.UNTRACKED` of the Git extension's API. */
export const gitStatusUntracked = 7;

export interface GitChange {
  readonly uri: vscode.Uri;
  readonly status: number;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly workingTreeChanges: readonly GitChange[];
    /** Present in newer versions, when `git.untrackedChanges` is `separate`. */
    readonly untrackedChanges?: readonly GitChange[];
  };
  /** `git diff` (`cached`: `git diff --cached`, the index against HEAD). */
  diff(cached?: boolean): Promise<string>;
  /** Runs `git status` and updates `state`. */
  status(): Promise<void>;
}

export interface GitApi {
  /** Present since VS Code 1.53: repositories are found only once it is `initialized`. */
  readonly state?: 'uninitialized' | 'initialized';
  readonly onDidChangeState?: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

export interface GitExtension {
  readonly enabled: boolean;
  /** Throws when the Git extension is disabled. */
  getAPI(version: 1): GitApi;
}
