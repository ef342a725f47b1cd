// The turns of the soak benchmark: for each, the extension → webview messages of one chat turn in the order the
// extension posts them (chatController's send() and startTurn(): the chips and title, the user message, the
// assistant's streaming message, `busy`, the message again when the model is known, the text in deltas, the
// final message with usage, `busy` off). Answers are realistic Markdown of a few KB with at least one code block.
// Deterministic for a given seed.
import type { ExtensionToWebviewMessage, MessageView } from '../../src/shared/webviewProtocol';
import { generateLongAnswer, seededRandom } from '../../test/webview/fixtures/longAnswer';

export interface SoakTurnOptions {
  /** Characters per delta (the last one of an answer may be shorter). */
  chunkChars: number;
  /** Answer length range, in characters (cut at a block boundary near the top of the range). */
  minChars: number;
  maxChars: number;
}

export interface SoakTurn {
  messages: ExtensionToWebviewMessage[];
  answerChars: number;
  deltas: number;
}

/** A UUID-shaped id, as the extension's randomUUID() ids look, from the seeded generator. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function cutAtBlock(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n\n', max);
  return cut > max / 2 ? text.slice(0, cut) : text.slice(0, max);
}

const questions = [
  'Why does the stream stop after the first chunk when the proxy is on?',
  'Can you rewrite this handler so it retries on 429 and respects Retry-After?',
  'Explain what this function does and where it could leak memory.',
  'How do I configure a local model through the OpenAI-compatible provider?',
  'Write a test for the rate limiter that does not depend on the wall clock.',
  'What is the difference between these two ways of cancelling a request?',
];

/** The `index`-th turn (0-based) of the soak conversation. */
export function soakTurn(index: number, options: SoakTurnOptions, seed = 1_000): SoakTurn {
  const random = seededRandom(seed + index * 7_919);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const userId = uuidFrom(random);
  const assistantId = uuidFrom(random);
  const provider = 'openai';
  const model = 'gpt-4o-mini';

  let answer = cutAtBlock(generateLongAnswer(int(options.minChars, options.maxChars), seed * 31 + index), options.maxChars);
  if (!answer.includes('```'))
    answer += `\n\n\`\`\`ts\nconst answer${index} = await engine.chat(models, { messages, signal });\nfor await (const event of answer${index}) render(event);\n\`\`\`\n`;
  const question = `${questions[index % questions.length]!} (${index + 1})`;

  const user: MessageView = {
    id: userId,
    role: 'user',
    content: question,
    ...(index % 5 === 0
      ? {
          contexts: [
            {
              id: `${userId}-0`,
              kind: 'selection' as const,
              label: `src/module${index % 17}.ts:${int(1, 400)}-${int(401, 800)}`,
              language: 'typescript',
              chars: int(200, 4_000),
              tokens: int(50, 1_000),
            },
          ],
        }
      : {}),
  };
  const streaming: MessageView = { id: assistantId, role: 'assistant', content: '', status: 'streaming', provider, model };
  const deltas: ExtensionToWebviewMessage[] = [];
  for (let at = 0; at < answer.length; at += options.chunkChars)
    deltas.push({ type: 'delta', messageId: assistantId, text: answer.slice(at, at + options.chunkChars) });
  const final: MessageView = {
    ...streaming,
    content: answer,
    status: 'complete',
    usage: { inputTokens: 300 + index * 900, outputTokens: Math.ceil(answer.length / 4) },
  };
  const messages: ExtensionToWebviewMessage[] = [
    { type: 'contexts', contexts: [] },
    { type: 'title', title: questions[0]! },
    { type: 'message', message: user },
    { type: 'message', message: streaming },
    { type: 'busy', busy: true },
    // The engine's `model` event: the message again, now with the model that answers.
    { type: 'message', message: streaming },
    ...deltas,
    { type: 'message', message: final },
    { type: 'busy', busy: false },
  ];
  return { messages, answerChars: answer.length, deltas: deltas.length };
}
