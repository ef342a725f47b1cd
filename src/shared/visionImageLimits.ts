// One stored copy of an image attached to the chat must be sendable to every provider that sees images (issue 16), so
// the webview downscales to the strictest of their documented limits, once, before the image leaves it:
// - Anthropic: images with a long edge over 1,568 px are scaled down by the API anyway; at most 5 MB an image.
// - OpenAI: high detail fits the image into 2,048 × 2,048, then its short side into 768; at most 50 MB a request.
// - Gemini: inline data at most 20 MB for the whole request; images larger than 3,072 px are scaled down.
// - Ollama: no documented limit (the model's own vision encoder resizes).
// 3.75 MB of bytes is 5 MB as base64, the form every protocol carries it in. (Checked on 2026-11-26 in each
// provider's public vision guide; docs/chat.md, "Images in the chat".)
export const visionImageLimits = {
  /** The long edge after downscaling, in pixels. */
  longEdge: 1568,
  /** The bytes of one image after downscaling and encoding. */
  maxBytes: 3_750_000,
  /** A file larger than this is refused before it is decoded. */
  maxSourceBytes: 50_000_000,
  /** An image of more pixels than this is refused before it is drawn (a decompression bomb). */
  maxSourcePixels: 100_000_000,
  /** The most images one message may carry. */
  maxImagesPerMessage: 8,
} as const;

/** The image types the chat accepts as input; GIF (animated or not) and SVG are refused with the reason. */
export const visionMimeTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type VisionMimeType = (typeof visionMimeTypes)[number];
