// Switchboard's seven tools, run in VS Code (docs/chat.md "Tools") once the user allowed a call: read_file, list_files
// and search_text through the engine's runners (search_text through the editor's ripgrep when there is one,
// runRipgrepSearch.ts), get_problems and get_diff through the context sources the `@` chips use, propose_edit and
// create_file as proposals of the answer (turnProposals.ts). Nothing here reaches outside the workspace folders
// (every path goes through the engine's resolveToolPath), starts a process other than ripgrep, or uses the network.
import * as vscode from 'vscode';
import type { ContextItem } from '../../core/conversations/messagePart';
import type { GetProblemsInput } from '../../core/tools/getProblemsTool';
import type { ListFilesInput } from '../../core/tools/listFilesTool';
import type { ReadFileInput } from '../../core/tools/readFileTool';
import type { SearchTextInput } from '../../core/tools/searchTextTool';
import type { ToolLimits } from '../../core/tools/toolLimits';
import type { CheckedToolCall, ToolOutcome } from '../../core/tools/toolTypes';
import type { ToolWorkspace } from '../../core/tools/toolWorkspace';
import { contextBudget } from '../chat/editorContext';
import type { ContextSourceDeps } from '../context/contextSourceDeps';
import type { gitChangesContextSource } from '../context/gitChangesContextSource';
import type { problemsContextSource } from '../context/problemsContextSource';
import type { EngineModule } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import { editorRipgrepPath } from './ripgrepPath';
import { runRipgrepSearch } from './runRipgrepSearch';
import type { ToolExecutor } from './toolExecutor';
import { toolWorkspaceOf } from './toolWorkspaceOf';
import type { TurnProposals } from './turnProposals';

export interface BuiltinToolDeps {
  engine: EngineModule;
  /** `switchboard.context.exclude` is read from it at each call. */
  settings: Pick<SettingsService, 'settings'>;
  /** The proposals of the answer the calls belong to. */
  proposals: Pick<TurnProposals, 'propose'>;
  log: Pick<vscode.LogOutputChannel, 'info' | 'warn'>;
  /** The ripgrep search_text runs: the editor's own by default (ripgrepPath.ts); undefined for the plain search. */
  findRipgrep?: () => string | undefined;
  /** Over the defaults (read_file's budget is `switchboard.context.maxChars`); the in-editor tests pass small ones. */
  limits?: Partial<ToolLimits>;
  /**
   * The `@` picker's sources of problems and changes, handed in by activation code (ChatToolAccess) so this bundle
   * does not carry a second copy of them.
   */
  contextSources: ToolContextSources;
}

export interface ToolContextSources {
  problems: typeof problemsContextSource;
  changes: typeof gitChangesContextSource;
}

export function createBuiltinToolExecutor(deps: BuiltinToolDeps): ToolExecutor {
  const { engine, log } = deps;
  return async (call, signal) => {
    try {
      return await run(deps, call, signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      // A bug, or a failure nobody foresaw: the model reads it as the call's error, the log keeps it.
      const detail = error instanceof Error ? error.message : String(error);
      log.warn(`${call.name} failed: ${detail}`);
      return engine.toolError('tool.failed', { name: call.name, detail });
    }
  };
}

async function run(deps: BuiltinToolDeps, call: CheckedToolCall, signal: AbortSignal): Promise<ToolOutcome> {
  const { engine } = deps;
  const settings = deps.settings.settings;
  const workspace = toolWorkspaceOf(engine, settings);
  const limits: Partial<ToolLimits> = { maxReadChars: contextBudget(), ...deps.limits };
  switch (call.name) {
    case 'read_file':
      return engine.runReadFile(call.input as ReadFileInput, workspace, { limits, signal });
    case 'list_files':
      return engine.runListFiles(call.input as ListFilesInput, workspace, { limits, signal });
    case 'search_text': {
      const search = await runRipgrepSearch(call.input as SearchTextInput, {
        engine,
        workspace,
        excludePatterns: settings.contextExclude,
        ripgrep: (deps.findRipgrep ?? (() => editorRipgrepPath(engine)))(),
        limits,
        signal,
        log: deps.log,
      });
      return search.outcome;
    }
    case 'get_problems':
      return getProblems(deps, workspace, call.input as GetProblemsInput, signal);
    case 'get_diff':
      return getDiff(deps, signal);
    case 'propose_edit':
    case 'create_file':
      return deps.proposals.propose(call.name, call.input, signal);
    default:
      return engine.toolError('tool.unknown', {
        name: call.name,
        tools: engine.builtinTools.map((tool) => tool.definition.name).join(', '),
      });
  }
}

function contextDeps(deps: BuiltinToolDeps): ContextSourceDeps {
  return { engine: () => deps.engine, exclude: () => deps.settings.settings.contextExclude };
}

/** The editor's diagnostics (errors, warnings, infos), of one file or of every file, as the Problems chip reads them. */
async function getProblems(deps: BuiltinToolDeps, workspace: ToolWorkspace, input: GetProblemsInput, signal: AbortSignal) {
  let scope: 'all' | vscode.Uri = 'all';
  let where = 'the workspace';
  if (input.path !== undefined) {
    const resolved = await deps.engine.resolveToolPath(workspace, input.path);
    if (!resolved.ok) return resolved.refusal;
    if (!resolved.path.exists) return deps.engine.toolError('tool.path.missing', { path: resolved.path.displayPath });
    scope = vscode.Uri.file(resolved.path.absolutePath);
    where = resolved.path.displayPath;
  }
  const item = await deps.contextSources.problems(scope, contextDeps(deps)).read(signal);
  if (item.text === '') return { content: `No errors, warnings or infos are reported for ${where}.`, isError: false };
  return {
    content: `Problems the editor reports for ${where}, errors first (path:line:column severity: message [source code]):\n${item.text}`,
    isError: false,
  };
}

/** The uncommitted changes through the built-in Git extension, as the Changes chip reads them. */
async function getDiff(deps: BuiltinToolDeps, signal: AbortSignal): Promise<ToolOutcome> {
  const item: ContextItem = await deps.contextSources.changes(contextDeps(deps)).read(signal);
  if (item.note?.id === 'context.noGit') return deps.engine.toolError('tool.git.unavailable');
  if (item.text === '')
    return { content: 'There are no uncommitted changes: nothing staged or unstaged, and no untracked files.', isError: false };
  const cutNote = item.truncated === true ? `\n[cut at ${item.text.length} characters: switchboard.context.maxChars]` : '';
  return { content: `${item.text}${cutNote}`, isError: false };
}
