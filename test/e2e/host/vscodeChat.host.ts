// Runs inside the real extension host (through the runner extension), driven by test/e2e/vscodeChat.e2e.ts, which sets
// the fake OpenAI server's reply to an echo of the model and the last user message, and checks Switchboard's model
// picker while the suite's own model (vendor `switchboard-e2e`, declared in the runner extension's package.json) is
// registered. The user settings point `local-fake` and `local-images` at that fake (test/e2e/harness/rootHooks.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const switchboardId = 'switchboard.switchboard';
const e2eVendor = 'switchboard-e2e';
/** Answered while the suite's model waits to be seen in Switchboard's picker; then the driver calls pickerSeen. */
const readyCommand = 'switchboardE2e.ready';
const pickerSeenCommand = 'switchboardE2e.pickerSeen';

interface RecordedStream {
  stream: vscode.ChatResponseStream;
  markdown: string[];
  references: (vscode.Uri | vscode.Location)[];
  buttons: vscode.Command[];
  progress: string[];
}

/** A ChatResponseStream that keeps what the participant pushed, as the Chat view would show it. */
function recordStream(): RecordedStream {
  const recorded: Omit<RecordedStream, 'stream'> = { markdown: [], references: [], buttons: [], progress: [] };
  const stream: vscode.ChatResponseStream = {
    markdown: (value) => void recorded.markdown.push(typeof value === 'string' ? value : value.value),
    anchor: () => undefined,
    button: (command) => void recorded.buttons.push(command),
    filetree: () => undefined,
    progress: (value) => void recorded.progress.push(value),
    reference: (value) => {
      if (value instanceof vscode.Uri || value instanceof vscode.Location) recorded.references.push(value);
    },
    push: () => undefined,
  };
  return { ...recorded, stream };
}

function chatRequest(fields: Partial<vscode.ChatRequest> & { prompt: string }): vscode.ChatRequest {
  return {
    command: undefined,
    references: [],
    toolReferences: [],
    toolInvocationToken: undefined as never,
    model: undefined as never,
    ...fields,
  };
}

function handler(): vscode.ChatRequestHandler {
  const api = vscode.extensions.getExtension<{ chatRequestHandler?: vscode.ChatRequestHandler }>(switchboardId)?.exports;
  assert.ok(api?.chatRequestHandler, 'Switchboard exports no chat request handler in an editor that has chat participants');
  return api.chatRequestHandler;
}

async function ask(
  request: vscode.ChatRequest,
  token = new vscode.CancellationTokenSource().token,
): Promise<RecordedStream & { result: vscode.ChatResult }> {
  const recorded = recordStream();
  const result = (await handler()(request, { history: [] }, recorded.stream, token)) ?? {};
  return { ...recorded, result };
}

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** A model of another extension (this suite's), as VS Code's language-model API documents a provider. */
class EchoModels implements vscode.LanguageModelChatProvider {
  readonly seen: string[] = [];

  provideLanguageModelChatInformation(): vscode.LanguageModelChatInformation[] {
    return [
      {
        id: 'e2e-echo',
        name: 'E2E Echo',
        family: 'e2e',
        version: '1',
        maxInputTokens: 4000,
        maxOutputTokens: 1000,
        capabilities: {},
      },
    ];
  }

  async provideLanguageModelChatResponse(
    _model: vscode.LanguageModelChatInformation,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    _options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
  ): Promise<void> {
    const last = messages.at(-1);
    const text = (last?.content ?? []).map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
    this.seen.push(text);
    progress.report(new vscode.LanguageModelTextPart('echo from e2e: '));
    if (text.includes('withdraw')) {
      // The answer has begun reaching the caller when the model goes away (its extension stopped, say).
      await new Promise((resolve) => setTimeout(resolve, 200));
      throw new Error('the e2e model went away');
    }
    progress.report(new vscode.LanguageModelTextPart(text.slice(-80)));
  }

  provideTokenCount(_model: vscode.LanguageModelChatInformation, text: string | vscode.LanguageModelChatRequestMessage): Promise<number> {
    return Promise.resolve(typeof text === 'string' ? text.length : 1);
  }
}

describe('Switchboard inside VS Code’s Chat and language-model API', function () {
  this.timeout(60_000);
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('switchboard');
  let chatModel: string | undefined;

  before(async () => {
    await vscode.extensions.getExtension(switchboardId)?.activate();
    chatModel = config().inspect<string>('chat.model')?.globalValue;
  });

  after(async () => {
    await config().update('chat.model', chatModel, vscode.ConfigurationTarget.Global);
  });

  it('offers Switchboard’s models as vendor switchboard and streams an answer from the fake provider', async () => {
    // This editor (code-server 4.139.1, VS Code 1.139) has the API: its absence is a failure here.
    assert.equal(typeof vscode.lm.registerLanguageModelChatProvider, 'function');
    const models = await vscode.lm.selectChatModels({ vendor: 'switchboard' });
    const ids = models.map((model) => model.id);
    assert.ok(ids.includes('local-fake/fake-model-a'), `models: ${ids.join(', ')}`);
    assert.ok(!ids.some((id) => id.startsWith('vscode/')), 'VS Code’s own models were offered back to it');
    const model = models.find((candidate) => candidate.id === 'local-fake/fake-model-b');
    assert.ok(model);
    assert.equal(model.vendor, 'switchboard');
    const source = new vscode.CancellationTokenSource();
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('Hello through the API')], {}, source.token);
    let text = '';
    for await (const piece of response.text) text += piece;
    assert.equal(text, '[fake-model-b] Hello through the API');
    assert.ok((await model.countTokens('four words of text')) > 0);
  });

  it('stops an answer when the caller cancels, without hanging', async () => {
    const [model] = await vscode.lm.selectChatModels({ vendor: 'switchboard', id: 'local-fake/fake-model-a' });
    assert.ok(model);
    const source = new vscode.CancellationTokenSource();
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('slow please')], {}, source.token);
    let pieces = 0;
    for await (const piece of response.text) {
      assert.ok(piece.length > 0);
      pieces += 1;
      if (pieces === 2) source.cancel();
    }
    assert.ok(pieces < 20, `the answer went on after the cancellation (${pieces} pieces)`);
  });

  it('answers @switchboard with a file reference as context', async () => {
    const { markdown, result } = await ask(
      chatRequest({ prompt: 'What does this do?', references: [{ id: 'file', value: workspaceFile('README.md') }] }),
    );
    assert.equal(result.errorDetails, undefined, JSON.stringify(result));
    const text = markdown.join('');
    assert.match(text, /^\[fake-model-a\] /);
    assert.match(text, /What does this do\?/);
    assert.equal((result.metadata as { model?: string }).model, 'local-fake/fake-model-a');
  });

  it('runs /explain on a referenced range with the selection prompt, and shows the range as a reference', async () => {
    const uri = workspaceFile('src/cart.ts');
    const location = new vscode.Location(uri, new vscode.Range(0, 0, 3, 0));
    const { markdown, references, result } = await ask(
      chatRequest({ prompt: '', command: 'explain', references: [{ id: 'sel', value: location }] }),
    );
    assert.equal(result.errorDetails, undefined, JSON.stringify(result));
    assert.match(markdown.join(''), /cart\.ts/);
    assert.ok(
      references.some((reference) => reference instanceof vscode.Location && reference.uri.toString() === uri.toString()),
      'no reference to the explained range',
    );
  });

  it('answers with the model of the Chat view’s picker when it is one of Switchboard’s', async () => {
    const [picked] = await vscode.lm.selectChatModels({ vendor: 'switchboard', id: 'local-fake/fake-model-b' });
    assert.ok(picked);
    const { markdown } = await ask(chatRequest({ prompt: 'Which model?', model: picked }));
    assert.match(markdown.join(''), /^\[fake-model-b\] /);
  });

  it('says how to choose a model, with a button, when none is configured', async () => {
    await config().update('chat.model', '', vscode.ConfigurationTarget.Global);
    try {
      const { markdown, buttons, result } = await ask(chatRequest({ prompt: 'Hello?' }));
      assert.match(markdown.join(''), /No chat model is chosen for Switchboard yet/);
      assert.deepEqual(
        buttons.map((button) => button.command),
        ['switchboard.selectModel'],
      );
      assert.equal((result.metadata as { noModel?: boolean }).noModel, true);
    } finally {
      await config().update('chat.model', chatModel, vscode.ConfigurationTarget.Global);
    }
  });

  it('ends quietly when VS Code cancels the request', async () => {
    const source = new vscode.CancellationTokenSource();
    const asking = ask(chatRequest({ prompt: 'slow please' }), source.token);
    setTimeout(() => source.cancel(), 300);
    const { result, markdown } = await asking;
    assert.equal(result.errorDetails, undefined);
    // The fake streams 40 pieces, 150 ms apart: a stop after 300 ms leaves most of them unsent.
    assert.ok(!markdown.join('').includes('piece 39'), 'the answer went on after the cancellation');
  });

  it('generates an image with /image, saved into the project and shown as a reference', async function () {
    this.timeout(100_000);
    const { references, result, markdown } = await ask(chatRequest({ prompt: 'a blue circle', command: 'image' }));
    assert.equal(result.errorDetails, undefined, JSON.stringify(result));
    const [saved] = references;
    assert.ok(saved instanceof vscode.Uri, `no saved file among the references: ${markdown.join('')}`);
    assert.match(saved.path, /assets\/generated\/.*a-blue-circle.*\.png$/);
    const bytes = await vscode.workspace.fs.readFile(saved);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'not a PNG');
  });

  describe('budgets (docs/spend.md): answers made here count like the chat view’s', () => {
    let providers: unknown[] | undefined;
    let daily: unknown;

    before(async () => {
      providers = config().inspect<unknown[]>('providers')?.globalValue;
      daily = config().inspect('budget.daily')?.globalValue;
      const fake = (providers ?? []).find((entry) => (entry as { id?: string }).id === 'local-fake') as { baseUrl: string } | undefined;
      assert.ok(fake, 'the user settings have no local-fake entry');
      // The fake again, priced by its entry (a loopback server is otherwise free), with a daily budget nothing fits in.
      const priced = {
        id: 'priced-fake',
        kind: 'openai',
        requiresKey: false,
        baseUrl: fake.baseUrl,
        prices: { '*': { input: 2.5, output: 10 } },
      };
      await config().update('providers', [...(providers ?? []), priced], vscode.ConfigurationTarget.Global);
      await config().update('budget.daily', 0.000001, vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      await config().update('providers', providers, vscode.ConfigurationTarget.Global);
      await config().update('budget.daily', daily, vscode.ConfigurationTarget.Global);
      await config().update('chat.model', chatModel, vscode.ConfigurationTarget.Global);
    });

    it('holds back a request of another extension through vendor switchboard that the daily budget cannot pay for', async () => {
      const [model] = await vscode.lm.selectChatModels({ vendor: 'switchboard', id: 'priced-fake/fake-model-a' });
      assert.ok(model, 'the priced entry’s model is not offered');
      const source = new vscode.CancellationTokenSource();
      await assert.rejects(async () => {
        const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('Too dear')], {}, source.token);
        for await (const piece of response.text) assert.fail(`a held request streamed ${piece}`);
      }, /daily budget/);
    });

    it('holds back an @switchboard answer the daily budget cannot pay for, and says why', async () => {
      await config().update('chat.model', 'priced-fake/fake-model-a', vscode.ConfigurationTarget.Global);
      const { markdown, result } = await ask(chatRequest({ prompt: 'Too dear as well' }));
      assert.equal(markdown.join(''), '', 'a held answer streamed text');
      assert.match(result.errorDetails?.message ?? '', /daily budget/);
    });
  });

  describe('a model another extension contributes (vendor switchboard-e2e)', () => {
    const echo = new EchoModels();
    let registration: vscode.Disposable | undefined;

    before(() => {
      registration = vscode.lm.registerLanguageModelChatProvider(e2eVendor, echo);
    });

    after(() => registration?.dispose());

    it('is listed in Switchboard’s picker as a `vscode` model (the driver checks the picker meanwhile)', async () => {
      const [contributed] = await vscode.lm.selectChatModels({ vendor: e2eVendor });
      assert.equal(contributed?.id, 'e2e-echo');
      const ready = vscode.commands.registerCommand(readyCommand, () => true);
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('the driver did not check the picker')), 50_000);
          const command = vscode.commands.registerCommand(pickerSeenCommand, () => {
            clearTimeout(timer);
            command.dispose();
            resolve();
          });
        });
      } finally {
        ready.dispose();
      }
    });

    it('answers @switchboard through it when it is the chat model', async () => {
      await config().update('chat.model', 'vscode/e2e-echo', vscode.ConfigurationTarget.Global);
      const { markdown, result } = await ask(chatRequest({ prompt: 'Through VS Code’s model' }));
      assert.equal(result.errorDetails, undefined, JSON.stringify(result));
      assert.match(markdown.join(''), /^echo from e2e: .*Through VS Code’s model$/s);
      assert.equal((result.metadata as { model?: string }).model, 'vscode/e2e-echo');
    });

    it('says so when the model goes away mid-answer, and keeps the text', async () => {
      await config().update('chat.model', 'vscode/e2e-echo', vscode.ConfigurationTarget.Global);
      const { markdown, result } = await ask(chatRequest({ prompt: 'withdraw now' }));
      assert.equal(markdown.join(''), 'echo from e2e: ');
      assert.match(result.errorDetails?.message ?? '', /stopped answering mid-way: VS Code withdrew it/);
    });
  });
});
