// The tools other extensions (and the MCP servers VS Code runs) give every chat in VS Code (`vscode.lm.tools`), offered
// to Switchboard's models beside its own (docs/chat.md "Tools"). What such a tool does is unknown, so it counts as
// changing something (no "always allow"), and its arguments are any JSON object: the tool checks them itself. It runs
// through `vscode.lm.invokeTool` (outside a chat request, so a tool that asks for confirmation shows VS Code's own
// dialog). Feature-detected: an editor without `vscode.lm.tools` (older than `engines.vscode` may admit) offers none.
import * as vscode from 'vscode';
import type { ToolSpec } from '../../core/tools/toolTypes';
import type { EngineModule } from '../engine/providerEngineHost';
import type { ToolExecutor } from './toolExecutor';
import { generateImageToolName } from './generateImageToolName';

/** Switchboard's own image tool (generateImageToolName.ts): the chat has image generation of its own. */
const ownToolName = generateImageToolName;
/** What every protocol accepts as a tool's name (OpenAI's rule, the strictest). */
const portableName = /^[a-zA-Z0-9_-]{1,64}$/;
/** The text that stands for a part of a result that is not text (an image, data, a prompt element). */
const omittedPart = '[non-text part omitted]';

type ToolsEngine = Pick<EngineModule, 'builtinTools' | 'portableJsonSchema' | 'toolError'>;

/** Names already logged as left out, so a turn does not log them again. */
const loggedSkips = new Set<string>();

/** The other extensions' tools as the chat offers them now, and the executor that runs them. */
export function otherExtensionTools(
  engine: ToolsEngine,
  log: Pick<vscode.LogOutputChannel, 'info'>,
): { specs: ToolSpec[]; executor: ToolExecutor } {
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  const available = Array.isArray(lm?.tools) ? lm.tools : [];
  const taken = new Set<string>([ownToolName, ...engine.builtinTools.map((tool) => tool.definition.name)]);
  const specs: ToolSpec[] = [];
  for (const tool of available) {
    if (tool.name === ownToolName) continue;
    const skip = !portableName.test(tool.name)
      ? 'its name is not 1 to 64 letters, digits, _ or -'
      : taken.has(tool.name)
        ? 'a tool of that name is offered already'
        : undefined;
    if (skip !== undefined) {
      if (!loggedSkips.has(tool.name)) log.info(`The tool ${JSON.stringify(tool.name)} is not offered to Switchboard's models: ${skip}`);
      loggedSkips.add(tool.name);
      continue;
    }
    taken.add(tool.name);
    specs.push({
      definition: {
        name: tool.name,
        description: tool.description.trim() || tool.name,
        parameters: parametersOf(engine, tool.inputSchema),
      },
      readOnly: false,
      parse: (args) => (isRecord(args) ? { ok: true, input: args } : { ok: false, error: 'expected a JSON object' }),
    });
  }
  const offered = new Set(specs.map((spec) => spec.definition.name));

  const executor: ToolExecutor = async (call, signal) => {
    const invoke = lm?.invokeTool;
    if (!offered.has(call.name) || typeof invoke !== 'function') {
      return engine.toolError('tool.unknown', { name: call.name, tools: [...offered].join(', ') });
    }
    signal.throwIfAborted();
    const cancellation = new vscode.CancellationTokenSource();
    const onAbort = (): void => cancellation.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await invoke(
        call.name,
        { input: isRecord(call.input) ? call.input : {}, toolInvocationToken: undefined },
        cancellation.token,
      );
      signal.throwIfAborted();
      return { content: textOf(result), isError: false };
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      return engine.toolError('tool.failed', { name: call.name, detail: error instanceof Error ? error.message : String(error) });
    } finally {
      signal.removeEventListener('abort', onAbort);
      cancellation.dispose();
    }
  };
  return { specs, executor };
}

/** The tool's input schema in the form every protocol accepts; any object when it has none (or not an object's). */
function parametersOf(engine: ToolsEngine, schema: object | undefined): Record<string, unknown> {
  if (!isRecord(schema)) return { type: 'object' };
  const portable = engine.portableJsonSchema(schema);
  return portable['type'] === 'object' ? portable : { type: 'object' };
}

/** The result's text parts joined; any other part is named as left out, so the model knows something was there. */
function textOf(result: vscode.LanguageModelToolResult): string {
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : omittedPart)).join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
