// The streamed answer of the streaming benchmark, and its exact bytes in the OpenAI and Anthropic SSE formats.
// A long Markdown answer (prose, lists, tables, code blocks, some non-ASCII) cut into token-sized pieces (a word
// with its leading space, a run of punctuation, a newline run), framed the way each API frames them today.
import { createHash } from 'node:crypto';
import { generateLongAnswer } from '../../test/webview/fixtures/longAnswer';

export type StreamFormat = 'openai' | 'anthropic';
export const streamFormats: readonly StreamFormat[] = ['openai', 'anthropic'];

export const models: Record<StreamFormat, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-sonnet-4-20250514',
};

/** Token-like pieces: ` word`, ` 123`, ` **`, `\n\n`, long words cut at 8 characters. */
export function answerPieces(count: number, seed = 7): string[] {
  let text = generateLongAnswer(count * 6, seed);
  // Some multi-byte UTF-8 (2, 3 and 4 bytes), so decoders meet characters split across network reads.
  let n = 0;
  text = text.replace(/ (the|value|model|cache) /g, (match, word: string) => {
    n++;
    if (n % 9 === 0) return ` ${word} — `;
    if (n % 13 === 0) return ` naïve ${word} `;
    if (n % 17 === 0) return ` ${word} 🙂 `;
    if (n % 23 === 0) return ` ${word} (модель) `;
    return match;
  });
  const pieces: string[] = [];
  for (const match of text.matchAll(/ ?[A-Za-z]+| ?\d{1,3}| ?[^\sA-Za-z\d]{1,3}|\s+/gu)) {
    let token = match[0];
    while (token.length > 8 && /^ ?[A-Za-z]+$/.test(token)) {
      pieces.push(token.slice(0, 8));
      token = token.slice(8);
    }
    pieces.push(token);
    if (pieces.length >= count) break;
  }
  if (pieces.length < count) throw new Error(`the answer gave only ${pieces.length} pieces`);
  return pieces.slice(0, count);
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The SSE frames (each one complete, `\n\n`-terminated) of an OpenAI chat completion stream with usage. */
export function openAiFrames(pieces: readonly string[], model = 'gpt-4o-mini-2024-07-18'): string[] {
  const head = {
    id: 'chatcmpl-BdXtG4bEnchSwitchboard0000001',
    object: 'chat.completion.chunk',
    created: 1748600000,
    model,
    service_tier: 'default',
    system_fingerprint: 'fp_34a54ae93c',
  };
  const frame = (choices: unknown[], usage: unknown = null): string => `data: ${JSON.stringify({ ...head, choices, usage })}\n\n`;
  const frames = [frame([{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }])];
  for (const piece of pieces) frames.push(frame([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]));
  frames.push(frame([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]));
  frames.push(
    frame([], {
      prompt_tokens: 38,
      completion_tokens: pieces.length,
      total_tokens: pieces.length + 38,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    }),
  );
  frames.push('data: [DONE]\n\n');
  return frames;
}

/** The SSE frames of an Anthropic Messages stream: named events, as the API sends them. */
export function anthropicFrames(pieces: readonly string[], model = 'claude-sonnet-4-20250514'): string[] {
  const event = (name: string, data: unknown): string => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  const frames = [
    event('message_start', {
      type: 'message_start',
      message: {
        id: 'msg_01BenchSwitchboard00000001',
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 38, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1, service_tier: 'standard' },
      },
    }),
    event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    event('ping', { type: 'ping' }),
  ];
  for (const piece of pieces)
    frames.push(event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }));
  frames.push(event('content_block_stop', { type: 'content_block_stop', index: 0 }));
  frames.push(
    event('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: pieces.length },
    }),
  );
  frames.push(event('message_stop', { type: 'message_stop' }));
  return frames;
}

export interface StreamFixture {
  format: StreamFormat;
  frames: Buffer[];
  bytes: number;
  text: { chars: number; hash: string };
}

export function streamFixture(format: StreamFormat, pieces: readonly string[]): StreamFixture {
  const frames = (format === 'openai' ? openAiFrames(pieces) : anthropicFrames(pieces)).map((f) => Buffer.from(f, 'utf8'));
  const text = pieces.join('');
  return { format, frames, bytes: frames.reduce((sum, f) => sum + f.length, 0), text: { chars: text.length, hash: textHash(text) } };
}
