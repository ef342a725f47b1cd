// One turn of Gemini's `contents` (its "Image understanding" and "Function calling" guides and API reference,
// "Content", "Blob", "FunctionCall", "FunctionResponse"): a text-only turn is one `{text}` part as it has always been;
// otherwise
//   - a user turn carries first its tool results, each `{functionResponse: {name, response}}` (the name of the call it
//     answers, found in the history; `response` `{output}`, or `{error}` for a failed call, the keys the reference
//     suggests), then each image as `{inlineData: {mimeType, data}}` (base64) before the text, as the guide advises
//     for a prompt about images, then the text as one part when there is any;
//   - a model turn carries its text, then each tool call as `{functionCall: {name, args}}` with its thought signature
//     (thoughtSignatures.ts).
// A call's id goes back to Gemini (on the call and on its response) only when Gemini gave it; the ids Switchboard made
// up (geminiStreamDecoder.ts) mean nothing to Gemini.
import type { ToolCallPart } from '../conversations/messagePart';
import type { AlternatingTurn } from './alternateTurns';
import { isMadeUpCallId } from './geminiStreamDecoder';
import { unsignedCall } from './thoughtSignatures';
import { toolArgumentsObject } from './toolArguments';

export type GeminiPart =
  | { text: string }
  | { inlineData: { mimeType: string; data: string } }
  | { functionCall: { name: string; args: Record<string, unknown>; id?: string }; thoughtSignature?: string }
  | { functionResponse: { name: string; response: { output: string } | { error: string }; id?: string } };

export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

/** What encoding a turn needs from the rest of the conversation. */
export interface GeminiHistory {
  /** The name of the tool a call id belongs to. */
  callName(callId: string): string | undefined;
  /** The thought signature Gemini gave the call, when this session kept it. */
  signature(callId: string): string | undefined;
}

/** The history of `turns`: their calls' names, and the signatures `signatures` knows. */
export function geminiHistory(turns: readonly AlternatingTurn[], signatures?: (callId: string) => string | undefined): GeminiHistory {
  const names = new Map<string, string>();
  for (const turn of turns) for (const call of turn.calls ?? []) names.set(call.id, call.name);
  return { callName: (id) => names.get(id), signature: (id) => signatures?.(id) };
}

export function geminiParts(turn: AlternatingTurn, history: GeminiHistory): GeminiContent {
  const role = turn.role === 'assistant' ? 'model' : 'user';
  const images = turn.images ?? [];
  const calls = turn.calls ?? [];
  const results = turn.results ?? [];
  if (images.length === 0 && calls.length === 0 && results.length === 0) return { role, parts: [{ text: turn.content }] };
  const parts: GeminiPart[] = results.map((result) => ({
    functionResponse: {
      // pairToolResults leaves no result without its call; the id stands in should one ever be missing.
      name: history.callName(result.callId) ?? result.callId,
      response: result.isError ? { error: result.content } : { output: result.content },
      ...(isMadeUpCallId(result.callId) ? {} : { id: result.callId }),
    },
  }));
  for (const image of images) parts.push({ inlineData: { mimeType: image.mimeType, data: image.data } });
  if (turn.content.trim() !== '') parts.push({ text: turn.content });
  parts.push(...functionCalls(calls, history));
  return { role, parts };
}

/**
 * The turn's calls with their signatures. Gemini signs only the first call of a turn that makes several at once, so
 * the signatures go back exactly where they came; a turn none of whose signatures is known gets the placeholder on
 * its first call (the only one Gemini checks).
 */
function functionCalls(calls: readonly ToolCallPart[], history: GeminiHistory): GeminiPart[] {
  const signatures = calls.map((call) => history.signature(call.id));
  const signed = signatures.some((signature) => signature !== undefined);
  return calls.map((call, i) => {
    const signature = signed ? signatures[i] : i === 0 ? unsignedCall : undefined;
    return {
      functionCall: { name: call.name, args: toolArgumentsObject(call.arguments), ...(isMadeUpCallId(call.id) ? {} : { id: call.id }) },
      ...(signature !== undefined ? { thoughtSignature: signature } : {}),
    };
  });
}
