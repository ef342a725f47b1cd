// A tiny extension installed beside Switchboard in the test profile only. It opens a loopback HTTP "bridge"
// through which the Playwright driver (test/e2e/*.e2e.ts) runs mocha suites inside the extension host and
// executes commands, so a test can mix what a person does in the browser with what only the extension host sees.
//
// The port is written to $SWITCHBOARD_E2E_BRIDGE_DIR/bridge-<pid>.json, so a reload (a new extension host)
// announces itself with a new file.
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface MochaTestLike {
  fullTitle(): string;
  title: string;
  duration?: number;
}

interface HostTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number | undefined;
  error?: string;
}

let server: http.Server | undefined;
/** Diagnostics the tests set, as a linter would. */
let diagnostics: vscode.DiagnosticCollection | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const bridgeDir = process.env['SWITCHBOARD_E2E_BRIDGE_DIR'];
  if (!bridgeDir) return;
  diagnostics = vscode.languages.createDiagnosticCollection('e2e-lint');
  context.subscriptions.push(diagnostics);
  server = http.createServer((request, response) => {
    void handle(request, response, context).catch((error: unknown) => {
      respond(response, 500, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server?.address();
    if (!address || typeof address !== 'object') return;
    fs.mkdirSync(bridgeDir, { recursive: true });
    const file = path.join(bridgeDir, `bridge-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify({ port: address.port, pid: process.pid, at: Date.now() }));
  });
  context.subscriptions.push({ dispose: () => server?.close() });
}

export function deactivate(): void {
  server?.close();
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse, context: vscode.ExtensionContext): Promise<void> {
  const body = await readJson(request);
  switch (request.url) {
    case '/mocha':
      respond(response, 200, { results: await runMocha(String(body['suite']), context) });
      return;
    case '/command': {
      const args = Array.isArray(body['args']) ? (body['args'] as unknown[]) : [];
      const result: unknown = await vscode.commands.executeCommand(String(body['command']), ...args);
      respond(response, 200, { result: toJson(result) });
      return;
    }
    case '/document': {
      // The text of a workspace file as the editor has it (open documents include unsaved edits).
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) throw new Error('no workspace folder');
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, String(body['path'])));
      respond(response, 200, { text: document.getText(), isDirty: document.isDirty, version: document.version });
      return;
    }
    case '/select': {
      // Opens a workspace file and selects whole lines (0-based, inclusive), as a person dragging over them would.
      const editor = await vscode.window.showTextDocument(workspaceUri(String(body['path'])), { preview: false });
      const start = Number(body['startLine']);
      const end = Number(body['endLine']);
      editor.selection = new vscode.Selection(start, 0, end, editor.document.lineAt(end).text.length);
      respond(response, 200, {});
      return;
    }
    case '/cursor': {
      // Opens a workspace file and puts the cursor at the end of the document, on a new empty last line.
      const editor = await vscode.window.showTextDocument(workspaceUri(String(body['path'])), { preview: false });
      const last = editor.document.lineAt(editor.document.lineCount - 1);
      if (!last.isEmptyOrWhitespace) await editor.edit((builder) => builder.insert(last.range.end, '\n'));
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      respond(response, 200, {});
      return;
    }
    case '/edit': {
      // Types into a file while something else is going on (a person editing during a stream).
      const document = await vscode.workspace.openTextDocument(workspaceUri(String(body['path'])));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(Number(body['line']), 0), String(body['text']));
      respond(response, 200, { applied: await vscode.workspace.applyEdit(edit) });
      return;
    }
    case '/undo': {
      await vscode.window.showTextDocument(workspaceUri(String(body['path'])), { preview: false });
      await vscode.commands.executeCommand('undo');
      respond(response, 200, {});
      return;
    }
    case '/diagnostics': {
      const items = (body['items'] as { line: number; message: string }[]).map((item) => {
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(item.line, 0, item.line, 200),
          item.message,
          vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'e2e-lint';
        return diagnostic;
      });
      diagnostics?.set(workspaceUri(String(body['path'])), items);
      respond(response, 200, {});
      return;
    }
    case '/setting': {
      await vscode.workspace.getConfiguration().update(String(body['key']), body['value'], vscode.ConfigurationTarget.Global);
      respond(response, 200, {});
      return;
    }
    default:
      respond(response, 404, { error: `unknown endpoint ${request.url ?? ''}` });
  }
}

/** Runs one compiled suite (`suites/<name>.host.js` inside this extension) with a fresh mocha instance. */
async function runMocha(suite: string, context: vscode.ExtensionContext): Promise<HostTestResult[]> {
  const mochaPath = process.env['SWITCHBOARD_E2E_MOCHA'];
  if (!mochaPath) throw new Error('SWITCHBOARD_E2E_MOCHA is not set');
  if (!/^[\w.-]+$/.test(suite)) throw new Error(`bad suite name ${suite}`);
  const file = path.join(context.extensionPath, 'suites', `${suite}.host.js`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require(mochaPath) as typeof import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: function silent() {} as never });
  delete require.cache[require.resolve(file)];
  mocha.addFile(file);
  const results: HostTestResult[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test: MochaTestLike) => results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test: MochaTestLike, error: Error) =>
      results.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: error.stack ?? error.message }),
    );
    runner.on('pending', (test: MochaTestLike) => results.push({ title: test.fullTitle(), state: 'pending' }));
  });
  mocha.dispose();
  return results;
}

function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Makes a command's result JSON-safe; URIs become strings (JSON.stringify would turn them into components). */
function toJson(value: unknown): unknown {
  if (value instanceof vscode.Uri) return value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJson(inner)]));
  }
  return value ?? null;
}

function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    request.on('error', reject);
  });
}

function respond(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
