// One turn of Gemini's `contents` (its "Image understanding" guide and API reference, "Content" and "Blob"): a
// text-only turn is one `{text}` part as it has always been; a turn with images carries each as
// `{inlineData: {mimeType, data}}` (base64) before the text, as the guide advises for a prompt about images, then
// the text as one part when there is any.
import type { AlternatingTurn } from './alternateTurns';

export type GeminiPart = { text: string } | { inlineData: { mimeType: string; data: string } };

export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

export function geminiParts(turn: AlternatingTurn): GeminiContent {
  const role = turn.role === 'assistant' ? 'model' : 'user';
  const images = turn.images ?? [];
  if (images.length === 0) return { role, parts: [{ text: turn.content }] };
  const parts: GeminiPart[] = images.map((image) => ({ inlineData: { mimeType: image.mimeType, data: image.data } }));
  if (turn.content.trim() !== '') parts.push({ text: turn.content });
  return { role, parts };
}
