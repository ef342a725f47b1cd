// Gemini's thought signatures (its "Thought signatures" guide): a Gemini 3 model that calls a function signs the call
// (`thoughtSignature` beside `functionCall` in the part), and the next request must carry the signature back on that
// call, or it is refused with a 400 ("Function call is missing a thought_signature"). A signature is opaque and can be
// long, and the conversation's message parts have no place for it, so it is kept here for the session, by call id
// (the ids Switchboard gives Gemini's calls are unique: geminiStreamDecoder.ts). A call whose signature is not known
// (after a restart, or made by another model) is sent with the placeholder the guide documents for calls that did not
// come from the model, which tells the API not to check it.

/** The value the guide gives for a function call that has no signature of its own. */
export const unsignedCall = 'skip_thought_signature_validator';

/** Signatures kept: far more than the calls one conversation needs again. */
const maxKept = 2000;

export class ThoughtSignatures {
  private readonly byCall = new Map<string, string>();

  remember(callId: string, signature: string): void {
    this.byCall.delete(callId);
    this.byCall.set(callId, signature);
    // A Map keeps insertion order: the first key is the oldest.
    for (const oldest of this.byCall.keys()) {
      if (this.byCall.size <= maxKept) break;
      this.byCall.delete(oldest);
    }
  }

  get(callId: string): string | undefined {
    return this.byCall.get(callId);
  }
}
