// The workspace as the chat's tools see it (src/core/tools/toolWorkspace.ts; docs/chat.md "Tools"): the workspace
// folders on disk, in VS Code's order, and `switchboard.context.exclude`. A folder of another scheme (a remote or
// virtual file system) is left out: the tools read files with Node, which reaches only the local disk.
import * as vscode from 'vscode';
import type { SwitchboardSettings } from '../../core/config/switchboardSettings';
import type { ToolWorkspace } from '../../core/tools/toolWorkspace';
import { exclusionOf } from '../context/contextSourceDeps';
import type { EngineModule } from '../engine/providerEngineHost';

export function toolWorkspaceOf(engine: EngineModule, settings: Pick<SwitchboardSettings, 'contextExclude'>): ToolWorkspace {
  const folders = (vscode.workspace.workspaceFolders ?? [])
    .filter((folder) => folder.uri.scheme === 'file')
    .map((folder) => ({ name: folder.name, path: folder.uri.fsPath }));
  // The same exclusion as the context chips, compiled once per value of the setting.
  const exclusion = exclusionOf({ engine: () => engine, exclude: () => settings.contextExclude });
  return { folders, exclusion };
}
