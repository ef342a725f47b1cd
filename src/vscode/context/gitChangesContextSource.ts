// The working tree's changes against HEAD as context, through the built-in Git extension's API: staged
// (`git diff --cached`) and unstaged (`git diff`) for each repository of the workspace, then the untracked files by
// name. Files matching `switchboard.context.exclude` are left out of the diff (only their names are said), so a
// changed `.env` is never sent.
import * as vscode from 'vscode';
import type { ContextItem } from '../../core/conversations/messagePart';
import { contextBudget } from '../chat/editorContext';
import { headWithin } from './budgetText';
import { contextNote, unreadItem } from './contextNote';
import type { ContextExclusion } from './contextEngine';
import { type ContextSourceDeps, exclusionOf } from './contextSourceDeps';
import { type GitApi, type GitExtension, type GitRepository, gitStatusUntracked } from './gitApi';
import { baseName, locateInWorkspace } from './locateInWorkspace';
import type { PendingContext } from './pendingContext';

/** How long to wait for the Git extension to find the repositories when it has only just started. */
const gitStartupWaitMs = 5_000;

export function gitChangesContextSource(deps: ContextSourceDeps): PendingContext {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const label = folders.length === 1 && folders[0] ? folders[0].name : vscode.l10n.t('changes');
  return {
    key: 'diff',
    kind: 'diff',
    label,
    open: async () => {
      await vscode.commands.executeCommand('workbench.view.scm');
    },
    read: async (signal) => {
      signal?.throwIfAborted();
      const api = await gitApi(signal);
      const repositories = api ? workspaceRepositories(api) : [];
      if (repositories.length === 0) return unreadItem('diff', label, contextNote('context.noGit'));
      return changesItem(repositories, label, exclusionOf(deps), signal);
    },
  };
}

async function gitApi(signal?: AbortSignal): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports?.enabled) return undefined;
    const api = exports.getAPI(1);
    if (api.state === 'uninitialized' && api.onDidChangeState) await initialized(api, signal);
    return api;
  } catch {
    return undefined; // Disabled between the check and the call, or failed to start.
  }
}

function initialized(api: GitApi, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      subscription?.dispose();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, gitStartupWaitMs);
    const subscription = api.onDidChangeState?.((state) => {
      if (state === 'initialized') done();
    });
    signal?.addEventListener('abort', done);
  });
}

/** The repositories holding a workspace folder, and those inside one (nested repositories). */
function workspaceRepositories(api: GitApi): GitRepository[] {
  const found = new Map<string, GitRepository>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const repository = api.getRepository(folder.uri);
    if (repository) found.set(repository.rootUri.toString(), repository);
  }
  for (const repository of api.repositories)
    if (locateInWorkspace(repository.rootUri)) found.set(repository.rootUri.toString(), repository);
  return [...found.values()].sort((a, b) => a.rootUri.path.localeCompare(b.rootUri.path));
}

async function changesItem(
  repositories: GitRepository[],
  label: string,
  exclusion: ContextExclusion,
  signal?: AbortSignal,
): Promise<ContextItem> {
  const sections: string[] = [];
  for (const repository of repositories) {
    let staged: string;
    let unstaged: string;
    try {
      // `state` is as fresh as the Git extension's last status run; the untracked files are listed from it.
      [staged, unstaged] = await Promise.all([repository.diff(true), repository.diff(false), repository.status()]);
    } catch {
      continue; // The repository went away, or git failed on it: the others still count.
    }
    signal?.throwIfAborted();
    const isExcluded = (repoPath: string): boolean => exclusion.isExcluded(workspacePath(repository, repoPath));
    const untracked = [...repository.state.workingTreeChanges, ...(repository.state.untrackedChanges ?? [])]
      .filter((change) => change.status === gitStatusUntracked)
      .map((change) => locateInWorkspace(change.uri)?.relativePath ?? change.uri.fsPath);
    const parts: string[] = [];
    if (staged.trim() !== '') parts.push(`Staged changes (git diff --cached):\n${withoutExcluded(staged, isExcluded).trimEnd()}`);
    if (unstaged.trim() !== '') parts.push(`Unstaged changes (git diff):\n${withoutExcluded(unstaged, isExcluded).trimEnd()}`);
    if (untracked.length > 0) parts.push(`Untracked files (not in the diff):\n${[...new Set(untracked)].sort().join('\n')}`);
    if (parts.length === 0) continue;
    sections.push(repositories.length > 1 ? `Repository ${baseName(repository.rootUri)}:\n${parts.join('\n\n')}` : parts.join('\n\n'));
  }
  if (sections.length === 0) return unreadItem('diff', label, contextNote('context.noChanges'));
  const text = sections.join('\n\n');
  const budget = contextBudget();
  return {
    kind: 'diff',
    label,
    language: 'diff',
    text: headWithin(text, budget),
    ...(text.length > budget ? { truncated: true } : {}),
  };
}

/** A path of the repository as a workspace-folder-relative path (what the exclusion matches). */
function workspacePath(repository: GitRepository, repoPath: string): string {
  return locateInWorkspace(vscode.Uri.joinPath(repository.rootUri, repoPath))?.relativePath ?? repoPath;
}

/** The diff with the sections of excluded files replaced by one line naming them. */
export function withoutExcluded(diff: string, isExcluded: (path: string) => boolean): string {
  const sections = diff.split(/^(?=diff --git )/m);
  return sections
    .map((section) => {
      const paths = diffPaths(section);
      if (!paths.some(isExcluded)) return section;
      const header = section.slice(0, section.indexOf('\n') === -1 ? undefined : section.indexOf('\n'));
      return `${header}\n(changes not included: the file matches switchboard.context.exclude)\n`;
    })
    .join('');
}

/** The repository paths a `diff --git` section is about (both sides of a rename). */
function diffPaths(section: string): string[] {
  if (!section.startsWith('diff --git ')) return [];
  const paths = new Set<string>();
  for (const line of section.split('\n', 12)) {
    const side = /^(?:---|\+\+\+) "?[ab]\/(.*?)"?$/.exec(line) ?? /^rename (?:from|to) (.*)$/.exec(line);
    if (side?.[1]) paths.add(side[1]);
  }
  // `diff --git a/X b/X`: the header alone names the file when there are no ---/+++ lines (a mode change, a binary).
  const rest = (section.split('\n', 1)[0] ?? '').slice('diff --git '.length);
  const length = (rest.length - 5) / 2;
  if (Number.isInteger(length) && rest.startsWith('a/') && rest.slice(2, 2 + length) === rest.slice(5 + length))
    paths.add(rest.slice(2, 2 + length));
  return [...paths];
}
