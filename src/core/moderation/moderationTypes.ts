// What a moderation check answers (docs/moderation-and-caching.md), whichever service gave it.
export interface ModerationVerdict {
  /** The provider entry that checked the text. */
  moderator: string;
  flagged: boolean;
  /** The flagged categories, as the service names them (`violence`, `hate/threatening`, `nsfw`), highest score first. */
  categories: string[];
  /** The score of each flagged category (0…1), when the service gives scores. */
  scores: Record<string, number>;
}

/** `none`: moderation is on but no provider that moderates has a key (the extension holds the send and says so). */
export type ModerationOutcome = { kind: 'checked'; verdict: ModerationVerdict } | { kind: 'none' };
