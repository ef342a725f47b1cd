// The message every protocol's image test sends: a context chip, a question and two images (a PNG and a JPEG), the
// images with their bytes read in as the extension does just before sending (ImagePart.data).
import type { ChatMessage } from '../../../src/core/chat/chatTypes';
import type { ContextItem } from '../../../src/core/conversations/messagePart';
import { base64, tinyJpeg, tinyPng } from './imageFakes';

export const pngData = base64(tinyPng);
export const jpegData = base64(tinyJpeg);

export const chipContext: ContextItem = {
  kind: 'selection',
  label: 'chart.ts:1-2',
  path: 'src/chart.ts',
  language: 'typescript',
  text: 'draw(points);\nsave();',
  startLine: 1,
  endLine: 2,
};

/** How the chip is written into the message's text (renderContextItem), then the question. */
export const chipAndQuestion =
  'Selection: chart.ts:1-2 (src/chart.ts), lines 1-2, typescript\n```typescript\ndraw(points);\nsave();\n```\n\nWhy do these two charts differ?';

export function pictureQuestion(): ChatMessage {
  return {
    role: 'user',
    parts: [
      { type: 'context', context: chipContext },
      { type: 'text', text: 'Why do these two charts differ?' },
      { type: 'image', hash: 'a'.repeat(64), mimeType: 'image/png', alt: 'the old chart', data: pngData },
      { type: 'image', path: 'docs/new-chart.jpg', mimeType: 'image/jpeg', alt: 'the new chart', data: jpegData },
    ],
  };
}
