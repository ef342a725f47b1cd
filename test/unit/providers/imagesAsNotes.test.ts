// A conversation that had pictures, sent on to a text-only model (src/core/chat/imagesAsNotes.ts): each image becomes
// a short note with its alt, the rest stays as it was, and the result goes through a protocol that refuses images.
import * as assert from 'node:assert/strict';
import type { ChatMessage } from '../../../src/core/chat/chatTypes';
import { imageNote, imagesAsNotes } from '../../../src/core/chat/imagesAsNotes';
import { messagesAsText } from '../../../src/core/providers/partsAsText';
import { chipAndQuestion, pictureQuestion } from '../fakes/imageMessages';

describe('imagesAsNotes', () => {
  it('replaces each image by a note naming its alt, and counts them', () => {
    const history: ChatMessage[] = [
      pictureQuestion(),
      { role: 'assistant', parts: [{ type: 'text', text: 'The new one has a log scale.' }] },
      { role: 'user', parts: [{ type: 'text', text: 'Make the old one match.' }] },
    ];
    const { messages, replaced } = imagesAsNotes(history);
    assert.equal(replaced, 2);
    assert.deepEqual(messages[0]?.parts.slice(2), [
      {
        type: 'text',
        text: '[An image was attached here (“the old chart”), but it was not sent: the model answering now cannot see images.]',
      },
      {
        type: 'text',
        text: '[An image was attached here (“the new chart”), but it was not sent: the model answering now cannot see images.]',
      },
    ]);
    assert.deepEqual(messages[0]?.parts.slice(0, 2), history[0]?.parts.slice(0, 2));
    assert.equal(messages[1], history[1], 'a message without images is passed on as it is');
    assert.equal(messages[2], history[2]);
    // Sendable by a protocol that refuses images: the question, then one note per image.
    assert.deepEqual(messagesAsText({ model: 'm', messages }, 'sydney')[0], {
      role: 'user',
      content: `${chipAndQuestion}\n\n${imageNote({ alt: 'the old chart' })}\n\n${imageNote({ alt: 'the new chart' })}`,
    });
  });

  it('never changes its input, and says nothing of an alt that is blank; squeezes one that spans lines', () => {
    const history: ChatMessage[] = [
      {
        role: 'user',
        parts: [
          { type: 'image', path: 'a.png', mimeType: 'image/png', alt: '' },
          { type: 'image', path: 'b.png', mimeType: 'image/png', alt: 'a cat\n  on a mat' },
        ],
      },
    ];
    const before = structuredClone(history);
    const { messages, replaced } = imagesAsNotes(history);
    assert.deepEqual(history, before);
    assert.equal(replaced, 2);
    assert.deepEqual(messages[0]?.parts, [
      { type: 'text', text: '[An image was attached here, but it was not sent: the model answering now cannot see images.]' },
      {
        type: 'text',
        text: '[An image was attached here (“a cat on a mat”), but it was not sent: the model answering now cannot see images.]',
      },
    ]);
    assert.deepEqual(imagesAsNotes([]), { messages: [], replaced: 0 });
  });
});
