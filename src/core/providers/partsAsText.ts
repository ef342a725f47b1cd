// A message's parts as each protocol sends them: text and context items (rendered as fenced blocks,
// renderContextItem) become one text, exactly as a text-only message has always been sent; images (issue 16) are
// handed to the protocol's own encoder with their bytes (openAiMessages, anthropicContent, geminiParts), and so are
// tool calls and tool results (issue 17; `encodableParts`). A protocol with no image input or no tool calling (the
// Sydney gateway) takes `partsAsText`, which refuses such parts by name. Every refusal happens before anything is
// sent, so a request never goes out silently without a part the user attached.
import type { ChatMessage, ChatRequest } from '../chat/chatTypes';
import { cutText, type ImagePart, type ToolCallPart, type ToolResultPart } from '../conversations/messagePart';
import { renderContextItem } from '../conversations/renderContextItem';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';

/** Who is asked, for the error message: the provider entry's id and the request's model. */
export interface PartsTarget {
  provider: string;
  model: string;
}

/** An image on its way out: its bytes (base64) are there, checked. */
export interface SendableImage {
  mimeType: string;
  /** The bytes, base64 (no `data:` prefix). */
  data: string;
  alt: string;
}

/** What a protocol encodes for one message: its text (possibly empty) and its images, in order. */
export interface TextAndImages {
  text: string;
  images: SendableImage[];
}

/** What a protocol with tool calling encodes for one message: its text and images, and its tool parts, in order. */
export interface EncodableParts extends TextAndImages {
  /** The tool calls of an assistant message. */
  calls: ToolCallPart[];
  /** The tool results of a `tool` message. */
  results: ToolResultPart[];
}

/**
 * A message's text — contexts as fenced blocks, texts as they are, blank texts left out, joined by a blank line; a
 * message whose only text-like part is one text part sends that text exactly as typed — and its images. Throws a
 * `bad-request` ProviderError for a tool part, and for an image whose bytes were not read (a bug of the caller).
 */
export function textAndImages(message: ChatMessage, target: PartsTarget): TextAndImages {
  const images: SendableImage[] = [];
  const text = render(message, target, (image) => images.push(sendable(image, target)), refuseTools(target));
  return { text, images };
}

/**
 * Like `textAndImages`, with the message's tool parts handed back beside them for a protocol with tool calling: tool
 * calls on an assistant message, tool results on a `tool` message. A tool part anywhere else is refused by name
 * (`chat.unsupportedPart`): no protocol has a place for it there.
 */
export function encodableParts(message: ChatMessage, target: PartsTarget): EncodableParts {
  const images: SendableImage[] = [];
  const calls: ToolCallPart[] = [];
  const results: ToolResultPart[] = [];
  const text = render(
    message,
    target,
    (image) => images.push(sendable(image, target)),
    (part) => {
      if (part.type === 'tool-call' && message.role === 'assistant') calls.push(part);
      else if (part.type === 'tool-result' && message.role === 'tool') results.push(part);
      else throw unsupportedPart(part.type, target);
    },
  );
  return { text, images, calls, results };
}

/**
 * A message's parts as one text, for a protocol without image input: like `textAndImages`, but an image part is
 * refused by name (`chat.unsupportedPart`).
 */
export function partsAsText(message: ChatMessage, target: PartsTarget): string {
  return render(
    message,
    target,
    () => {
      throw unsupportedPart('image', target);
    },
    refuseTools(target),
  );
}

/** Every message of the request as text (images refused), checked before the first byte is sent. */
export function messagesAsText(
  request: Pick<ChatRequest, 'messages' | 'model'>,
  provider: string,
): Array<{ role: ChatMessage['role']; content: string }> {
  const target = { provider, model: request.model };
  return request.messages.map((message) => ({ role: message.role, content: partsAsText(message, target) }));
}

/** The `chat.unsupportedPart` error: this protocol (or this role of its messages) cannot carry such a part. */
export function unsupportedPart(type: 'image' | 'tool-call' | 'tool-result', target: PartsTarget): ProviderError {
  const names = { image: 'chat.part.image', 'tool-call': 'chat.part.toolCall', 'tool-result': 'chat.part.toolResult' } as const;
  return new ProviderError({
    kind: 'bad-request',
    provider: target.provider,
    model: target.model,
    retryable: false,
    text: errorText('chat.unsupportedPart', { provider: target.provider, model: target.model, part: errorText(names[type]) }),
  });
}

/**
 * The `chat.unsupportedFeature` error: this protocol has no tool calling, or no way to ask for a JSON answer. Like a
 * refused part, it comes before anything is sent.
 */
export function unsupportedFeature(feature: 'tools' | 'responseFormat', target: PartsTarget): ProviderError {
  const names = { tools: 'chat.feature.tools', responseFormat: 'chat.feature.responseFormat' } as const;
  return new ProviderError({
    kind: 'bad-request',
    provider: target.provider,
    model: target.model,
    retryable: false,
    text: errorText('chat.unsupportedFeature', { provider: target.provider, model: target.model, feature: errorText(names[feature]) }),
  });
}

function refuseTools(target: PartsTarget): (part: ToolCallPart | ToolResultPart) => never {
  return (part) => {
    throw unsupportedPart(part.type, target);
  };
}

function render(
  message: ChatMessage,
  target: PartsTarget,
  onImage: (image: ImagePart) => void,
  onTool: (part: ToolCallPart | ToolResultPart) => void,
): string {
  const blocks: string[] = [];
  let textLike = 0;
  let lone: string | undefined;
  for (const part of message.parts) {
    switch (part.type) {
      case 'text':
        textLike++;
        lone = part.text;
        if (part.text.trim() !== '') blocks.push(part.text);
        break;
      case 'context':
        textLike++;
        blocks.push(renderContextItem(part.context));
        break;
      case 'image':
        onImage(part);
        break;
      case 'tool-call':
      case 'tool-result':
        onTool(part);
        break;
    }
  }
  // One text part goes as it is, whitespace included (what the user typed is what the model reads); images beside
  // it do not change that.
  if (textLike === 1 && lone !== undefined) return lone;
  return blocks.join('\n\n');
}

/** The longest alt quoted in an error message (an alt may be a 1,000-character prompt). */
const maxQuotedAlt = 80;

function sendable(image: ImagePart, target: PartsTarget): SendableImage {
  if (image.data === undefined || image.data === '') {
    // The extension reads every image's bytes into the request just before sending (messagePart.ts); a request
    // without them is a bug, said as one rather than sent without the picture.
    const name = image.alt.trim() !== '' ? image.alt.replace(/\s+/g, ' ').trim() : (image.path ?? image.hash ?? image.mimeType);
    throw new ProviderError({
      kind: 'bad-request',
      provider: target.provider,
      model: target.model,
      retryable: false,
      text: errorText('chat.imageNotLoaded', { provider: target.provider, model: target.model, image: cutText(name, maxQuotedAlt) }),
    });
  }
  return { mimeType: image.mimeType, data: image.data, alt: image.alt };
}
