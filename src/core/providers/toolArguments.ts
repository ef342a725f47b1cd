// A tool call's arguments are kept as the text the model produced (messagePart.ts: a model may produce invalid JSON).
// Anthropic (`tool_use.input`) and Gemini (`functionCall.args`) take them back as a JSON object, and some
// OpenAI-compatible servers parse the `arguments` string of a history message and answer 400 when it is not JSON
// (Ollama: "invalid tool call arguments"). So arguments that are not a JSON object are sent as `{}` in every
// protocol: the request goes through, and the model reads why its call failed in the call's result (the tool loop
// answers invalid arguments with a validation error).

/** The arguments as a JSON object: the parsed text, or `{}` when it is not a JSON object. */
export function toolArgumentsObject(text: string): Record<string, unknown> {
  return parsedObject(text) ?? {};
}

/** The arguments as JSON text: the text itself when it is a JSON object, else `{}`. */
export function toolArgumentsText(text: string): string {
  return parsedObject(text) !== undefined ? text : '{}';
}

function parsedObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Not JSON.
  }
  return undefined;
}
