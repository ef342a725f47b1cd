// The project's instruction files as context (docs/chat.md): AGENTS.md, .github/copilot-instructions.md and
// .switchboard/instructions.md at each workspace folder's root, attached to every turn as removable chips. Only in a
// trusted workspace, and only while `switchboard.context.projectInstructions` is on. They are plain text for the
// model: nothing in them can choose the model, the provider, a URL, a key or a setting (docs/security.md).
import * as vscode from 'vscode';
import { contextNote, unreadItem } from './contextNote';
import type { ContextSourceDeps } from './contextSourceDeps';
import { readWorkspaceFile } from './fileContextSource';
import type { PendingContext } from './pendingContext';

/** The instruction files looked for at a workspace folder's root, in the order their chips appear. */
export const projectInstructionFiles: readonly string[] = ['AGENTS.md', '.github/copilot-instructions.md', '.switchboard/instructions.md'];

export interface ProjectInstructionsDeps extends ContextSourceDeps {
  /** `switchboard.context.projectInstructions`. */
  enabled(): boolean;
}

/** A source for each instruction file that exists now; none in an untrusted workspace or with the setting off. */
export async function projectInstructionsSources(deps: ProjectInstructionsDeps): Promise<PendingContext[]> {
  if (!vscode.workspace.isTrusted || !deps.enabled()) return [];
  const folders = vscode.workspace.workspaceFolders ?? [];
  const candidates = folders.flatMap((folder) =>
    projectInstructionFiles.map((file) => ({ folder, file, uri: vscode.Uri.joinPath(folder.uri, file) })),
  );
  const found = await Promise.all(
    candidates.map(async (candidate) => {
      try {
        const stat = await vscode.workspace.fs.stat(candidate.uri);
        return (stat.type & vscode.FileType.File) !== 0 ? candidate : undefined;
      } catch {
        return undefined;
      }
    }),
  );
  return found
    .filter((candidate) => candidate !== undefined)
    .map(({ folder, file, uri }) => instructionsSource(uri, folders.length > 1 ? `${folder.name}/${file}` : file, deps));
}

function instructionsSource(uri: vscode.Uri, label: string, deps: ContextSourceDeps): PendingContext {
  return {
    key: `instructions:${uri.toString()}`,
    kind: 'instructions',
    label,
    open: async () => {
      await vscode.window.showTextDocument(uri, { preview: false });
    },
    read: async (signal) => {
      // Checked at every read, not only when the chip was made: the rule must hold for whatever holds the chip.
      if (!vscode.workspace.isTrusted) return unreadItem('instructions', label, contextNote('context.untrusted'));
      const item = await readWorkspaceFile(uri, label, deps, signal);
      return { ...item, kind: 'instructions', label };
    },
  };
}
