// The model of the tool-step benchmark (toolStepBench.ts): a local server shaped like OpenAI's Chat Completions with
// tools, run in its own process so that its CPU time is not the extension's. It follows OpenAI's API reference
// ("Chat Completions": the chunk object, `delta.tool_calls`, `stream_options.include_usage`, the error object) and its
// "Function calling" guide (streaming): a streamed call's first piece is `{index, id, type: 'function', function:
// {name, arguments: ''}}` with `role: 'assistant'` and `content: null`, its arguments follow in pieces
// `{index, function: {arguments}}` cut anywhere, and an empty delta with `finish_reason: 'tool_calls'` ends it.
//
// What it answers `POST /v1/chat/completions` with (stream: true only):
//   - with `tools`: while the request carries fewer than BENCH_TOOLS_STEPS `tool` messages, a `read_file` call for the
//     next file of BENCH_TOOLS_FILES (each result so far must be that file's text, or the request is refused);
//     then the final answer;
//   - without `tools`: the text of one step (`stepText`, as many chunks and about as many bytes as a call), or the
//     final answer when the question says `final`.
// Each chunk is its own write, one per turn of the event loop, so the client reads them about as a model sends them.
// Prints `BENCH_SERVER <origin>` once listening; ends when its parent closes stdin or kills it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { finalAnswer, readFileArguments, splitPieces, stepText } from './toolStreams';

interface RequestMessage {
  role?: string;
  content?: unknown;
  tool_calls?: Array<{ id?: unknown; function?: { name?: unknown; arguments?: unknown } }>;
  tool_call_id?: unknown;
}

interface CompletionRequest {
  model?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown };
  messages?: RequestMessage[];
  tools?: unknown[];
}

const files = JSON.parse(process.env['BENCH_TOOLS_FILES'] ?? '[]') as string[];
const steps = Number(process.env['BENCH_TOOLS_STEPS'] ?? files.length);
/** The smallest result that can be a whole ~20 KB file as read_file returns it. */
const minResultChars = Number(process.env['BENCH_TOOLS_MIN_RESULT'] ?? 1);
const created = 1_767_225_600;

const served = { toolCalls: 0, finalAnswers: 0, stepTexts: 0, refused: 0 };

function frame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function chunk(model: string, delta: Record<string, unknown>, finish: string | null, usage: boolean): string {
  return frame({
    id: 'chatcmpl-bench-tools',
    object: 'chat.completion.chunk',
    created,
    model,
    system_fingerprint: 'fp_bench',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(usage ? { usage: null } : {}),
  });
}

function closing(model: string, finish: string, usage: boolean, tokens: { prompt: number; completion: number }): string[] {
  const frames = [chunk(model, {}, finish, usage)];
  if (usage) {
    frames.push(
      frame({
        id: 'chatcmpl-bench-tools',
        object: 'chat.completion.chunk',
        created,
        model,
        system_fingerprint: 'fp_bench',
        choices: [],
        usage: { prompt_tokens: tokens.prompt, completion_tokens: tokens.completion, total_tokens: tokens.prompt + tokens.completion },
      }),
    );
  }
  frames.push('data: [DONE]\n\n');
  return frames;
}

function toolCallFrames(model: string, usage: boolean, index: number, promptTokens: number): string[] {
  const pieces = splitPieces(readFileArguments(files[index]!));
  const frames = [
    chunk(
      model,
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ index: 0, id: callId(index), type: 'function', function: { name: 'read_file', arguments: '' } }],
        refusal: null,
      },
      null,
      usage,
    ),
  ];
  for (const piece of pieces) frames.push(chunk(model, { tool_calls: [{ index: 0, function: { arguments: piece } }] }, null, usage));
  return [...frames, ...closing(model, 'tool_calls', usage, { prompt: promptTokens, completion: pieces.length + 1 })];
}

function textFrames(model: string, usage: boolean, text: string, promptTokens: number): string[] {
  const pieces = splitPieces(text);
  const frames = [chunk(model, { role: 'assistant', content: '', refusal: null }, null, usage)];
  for (const piece of pieces) frames.push(chunk(model, { content: piece }, null, usage));
  return [...frames, ...closing(model, 'stop', usage, { prompt: promptTokens, completion: pieces.length })];
}

const callId = (index: number): string => `call_bench${String(index + 1).padStart(2, '0')}Xq7Lm2Rt9Vw4`;

/** What a step with tools is answered with, or why the request is refused (the results so far must be the files). */
function toolStep(messages: readonly RequestMessage[]): { next: number } | { refuse: string } {
  const results = messages.filter((m) => m.role === 'tool');
  for (const [i, result] of results.entries()) {
    const content = typeof result.content === 'string' ? result.content : '';
    if (result.tool_call_id !== callId(i)) return { refuse: `tool message ${i} answers ${String(result.tool_call_id)}, not ${callId(i)}` };
    if (!content.startsWith(`${files[i]} (`) || content.length < minResultChars) {
      return { refuse: `tool message ${i} is not the text of ${files[i]}: ${content.slice(0, 200)}` };
    }
  }
  return { next: results.length };
}

function lastUserText(messages: readonly RequestMessage[]): string {
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (typeof last?.content === 'string') return last.content;
  if (Array.isArray(last?.content)) {
    return (last.content as Array<{ text?: unknown }>).map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

function refuse(response: ServerResponse, status: number, message: string): void {
  served.refused++;
  process.stderr.write(`tool model server: ${message}\n`);
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_bench_tools_refused' });
  response.end(JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: null } }));
}

function send(response: ServerResponse, frames: readonly string[]): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'openai-processing-ms': '87',
    'openai-version': '2020-10-01',
    'x-request-id': 'req_bench_tools_0000000000000001',
  });
  response.flushHeaders();
  let next = 0;
  const write = (): void => {
    if (response.destroyed) return;
    if (next < frames.length) {
      response.write(frames[next++]);
      setImmediate(write);
    } else response.end();
  };
  setImmediate(write);
}

function answer(request: IncomingMessage, response: ServerResponse, body: string): void {
  if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
    refuse(response, 404, `not a request the bench serves: ${request.method} ${request.url}`);
    return;
  }
  let parsed: CompletionRequest;
  try {
    parsed = JSON.parse(body) as CompletionRequest;
  } catch (error) {
    refuse(response, 400, `the body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (parsed.stream !== true) {
    refuse(response, 400, 'the bench answers streaming requests only');
    return;
  }
  const model = typeof parsed.model === 'string' ? parsed.model : 'gpt-bench';
  const usage = parsed.stream_options?.include_usage === true;
  const messages = parsed.messages ?? [];
  // A rough prompt size for the usage chunk (four bytes a token), as a real server would report one.
  const promptTokens = Math.ceil(body.length / 4);
  if (Array.isArray(parsed.tools) && parsed.tools.length > 0) {
    const step = toolStep(messages);
    if ('refuse' in step) {
      refuse(response, 400, step.refuse);
      return;
    }
    if (step.next < steps) {
      served.toolCalls++;
      send(response, toolCallFrames(model, usage, step.next, promptTokens));
    } else {
      served.finalAnswers++;
      send(response, textFrames(model, usage, finalAnswer, promptTokens));
    }
    return;
  }
  const question = lastUserText(messages);
  if (/\bfinal\b/.test(question)) {
    served.finalAnswers++;
    send(response, textFrames(model, usage, finalAnswer, promptTokens));
  } else {
    served.stepTexts++;
    send(response, textFrames(model, usage, stepText(files[Number(/\d+/.exec(question)?.[0] ?? 0) % files.length]!), promptTokens));
  }
}

const server = createServer((request, response) => {
  const body: Buffer[] = [];
  request.on('data', (piece: Buffer) => body.push(piece));
  request.on('end', () => answer(request, response, Buffer.concat(body).toString('utf8')));
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`BENCH_SERVER http://127.0.0.1:${port}\n`);
});

// The parent closes stdin when it is done: print what was served, then stop.
process.stdin.resume();
process.stdin.on('end', () => {
  process.stdout.write(`BENCH_SERVED ${JSON.stringify(served)}\n`);
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
