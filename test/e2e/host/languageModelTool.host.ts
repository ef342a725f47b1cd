// Runs inside the real extension host (through the runner extension), driven by test/e2e/languageModelTool.e2e.ts,
// which answers the confirmation dialog of the generating call in the browser. The user settings point
// `local-images` at the fake OpenAI images endpoint (test/e2e/harness/rootHooks.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const toolName = 'switchboard_generateImage';

/** The text parts of a tool result, joined. */
function textOf(result: vscode.LanguageModelToolResult): string {
  return result.content
    .filter((part): part is vscode.LanguageModelTextPart => part instanceof vscode.LanguageModelTextPart)
    .map((part) => part.value)
    .join('\n');
}

/** The error a rejected call gives, or fails when the call succeeds. */
async function rejection(input: object): Promise<Error> {
  const source = new vscode.CancellationTokenSource();
  try {
    const result = await vscode.lm.invokeTool(toolName, { input, toolInvocationToken: undefined }, source.token);
    assert.fail(`the tool accepted ${JSON.stringify(input)} and answered: ${textOf(result)}`);
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
    assert.ok(error instanceof Error, `rejected with a non-Error: ${String(error)}`);
    return error;
  } finally {
    source.dispose();
  }
}

describe('switchboard_generateImage as a language-model tool', () => {
  before(async () => {
    await vscode.extensions.getExtension('switchboard.switchboard')?.activate();
  });

  it('is listed in vscode.lm.tools with its input schema', () => {
    // This editor (code-server 4.139, VS Code 1.106) has language-model tools: their absence is a failure here.
    assert.ok(Array.isArray(vscode.lm.tools), 'vscode.lm.tools is missing in this editor');
    const tool = vscode.lm.tools.find((candidate) => candidate.name === toolName);
    assert.ok(tool, `${toolName} is not in vscode.lm.tools: ${vscode.lm.tools.map((item) => item.name).join(', ')}`);
    assert.match(tool.description, /workspace/);
    assert.ok(tool.tags.includes('images'), `tags: ${tool.tags.join(', ')}`);
    const schema = tool.inputSchema as { type: string; required: string[]; properties: Record<string, { type: string }> };
    assert.equal(schema.type, 'object');
    assert.deepEqual(schema.required, ['prompt']);
    assert.deepEqual(Object.keys(schema.properties).sort(), [
      'aspectRatio',
      'count',
      'folder',
      'height',
      'model',
      'negativePrompt',
      'prompt',
      'width',
    ]);
    assert.equal(schema.properties['count']?.type, 'integer');
  });

  it('refuses an empty prompt with an error that names the field', async () => {
    const error = await rejection({ prompt: '   ', model: 'local-images/gpt-image-1' });
    assert.match(error.message, /“prompt” must describe the image/);
  });

  it('refuses a count out of range and a model that is not providerId/modelId', async () => {
    assert.match((await rejection({ prompt: 'a red square', count: 9 })).message, /“count” must be a whole number from 1 to 4/);
    assert.match((await rejection({ prompt: 'a red square', model: 'gpt-image-1' })).message, /“model” must be providerId\/modelId/);
  });

  it('generates through the fake OpenAI images endpoint and returns the saved path', async function () {
    this.timeout(100_000);
    const source = new vscode.CancellationTokenSource();
    const result = await vscode.lm.invokeTool(
      toolName,
      { input: { prompt: 'a red square', model: 'local-images/gpt-image-1' }, toolInvocationToken: undefined },
      source.token,
    );
    source.dispose();
    const text = textOf(result);
    assert.match(text, /local-images\/gpt-image-1/);
    const saved = /assets\/generated\/[^\s]+\.png/.exec(text)?.[0];
    assert.ok(saved, `no saved PNG named in the result:\n${text}`);
    assert.match(saved, /a-red-square/);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, saved));
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'not a PNG');
  });
});
