// Registers `switchboard_generateImage` (docs/images.md, "As a tool for any chat in VS Code") at activation, where
// VS Code has language-model tools. What the tool does lives in the image-commands bundle
// (src/vscode/images/generateImageTool.ts), built on the first call: the stand-in registered here only forwards.
import * as vscode from 'vscode';
import type { GenerateImageTool, GenerateImageToolDeps } from '../images/generateImageTool';
import { loadImageCommands } from '../images/loadImageCommands';
import { generateImageToolName } from './generateImageToolName';

/**
 * Registers the tool where this VS Code has language-model tools (`vscode.lm.registerTool`, 1.95 on); on an editor
 * without them it logs one line and returns undefined.
 */
export function registerGenerateImageTool(deps: GenerateImageToolDeps): vscode.Disposable | undefined {
  // Typed as possibly missing: `engines` may admit an editor whose API lacks it, whatever @types/vscode says.
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  if (typeof lm?.registerTool !== 'function') {
    deps.log.info(`This editor has no language-model tools (vscode.lm.registerTool): ${generateImageToolName} is not registered`);
    return undefined;
  }
  let tool: GenerateImageTool | undefined;
  const load = (): GenerateImageTool => (tool ??= new (loadImageCommands().GenerateImageTool)(deps));
  return lm.registerTool<unknown>(generateImageToolName, {
    prepareInvocation: (options) => load().prepareInvocation(options),
    invoke: (options, token) => load().invoke(options, token),
  });
}
