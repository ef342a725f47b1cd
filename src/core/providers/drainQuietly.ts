/**
 * Reads what is left of a stream after its end marker (`[DONE]`, `message_stop`) so the connection goes back to
 * the pool instead of being torn down; errors no longer matter, the answer is complete.
 */
export async function drainQuietly(rest: AsyncIterable<unknown>): Promise<void> {
  try {
    for await (const _ of rest) {
      // Nothing after the end marker is used.
    }
  } catch {
    // The answer is already complete.
  }
}
