// Which ids of an OpenAI-compatible `GET /models` list can chat. The list has no field saying what a model does,
// and OpenAI's holds everything on the account: embeddings, speech, transcription, images, video, moderation and
// realtime models, which all fail on `/chat/completions`. So the decision is made from the id, in two tiers:
//
// - names of kinds of model that no server runs as a chat model (any server: Groq lists Whisper and PlayAI TTS,
//   Ollama and LM Studio list the embedding models pulled beside the chat ones);
// - on OpenAI's own API only, the families its model pages mark as not served by Chat Completions (audio models
//   that need an audio modality, computer use, deep research, the Responses-only "pro" and Codex models, and the
//   legacy Completions models). Elsewhere (OpenRouter, say) the same names are translated to chat and do work.
//
// A name that is not recognised stays: a wrong guess only adds a row to the picker, and any id can still be typed
// by hand in "Switchboard: Select Chat Model".

/** Tokens (split at `/`, `:`, `.`, `-`, `_`) that name a model no server can chat with. */
const neverChatTokens = new Set(['tts', 'whisper', 'transcribe', 'moderation', 'realtime', 'sora', 'dall', 'rerank', 'reranker']); // dall: dall-e-3

/** Ids that contain the name of such a model. */
const neverChatPatterns: readonly RegExp[] = [
  /(^|[/:._-])embed/, // text-embedding-3-small, nomic-embed-text, mxbai-embed-large, embeddinggemma
  /gpt-image/, // gpt-image-1, chatgpt-image-latest
];

/** Families OpenAI's API lists but does not serve on `/chat/completions`. */
const notOnOpenAiChat: readonly RegExp[] = [
  /(^|-)audio(-|$)/, // gpt-4o-audio-preview, gpt-audio, gpt-audio-mini
  /computer-use/, // computer-use-preview
  /deep-research/, // o3-deep-research, o4-mini-deep-research
  /(^|-)codex(-|$)/, // codex-mini-latest, gpt-5-codex
  /^(o\d+|gpt-[\d.]+)-pro(-|$)/, // o1-pro, o3-pro, gpt-5-pro
  /^(babbage|davinci)-\d/, // babbage-002, davinci-002
  /-instruct(-|$)/, // gpt-3.5-turbo-instruct
];

export interface ChatModelFilterOptions {
  /** The list comes from OpenAI's own API (api.openai.com, or the `openai` entry). */
  openAi: boolean;
}

/** Whether a model id from an OpenAI-compatible model list can be used for chat (see the rules above). */
export function isChatModelId(id: string, options: ChatModelFilterOptions): boolean {
  const lower = id.toLowerCase();
  if (lower.split(/[/:._-]/).some((token) => neverChatTokens.has(token))) return false;
  if (neverChatPatterns.some((pattern) => pattern.test(lower))) return false;
  if (options.openAi && notOnOpenAiChat.some((pattern) => pattern.test(lower))) return false;
  return true;
}

/** Whether an OpenAI-compatible entry talks to OpenAI itself. */
export function isOpenAiApi(id: string, baseUrl: string): boolean {
  if (id === 'openai') return true;
  try {
    return new URL(baseUrl).hostname.toLowerCase() === 'api.openai.com';
  } catch {
    return false;
  }
}
