// Keys must never reach a message a person or a log sees (docs/security.md). Providers sometimes echo the key back
// ("Incorrect API key provided: sk-abc***wxyz"), so every quoted provider text goes through a redactor that knows
// the configured secrets and also scrubs anything shaped like a well-known key format.

/** Returns the text with every secret (and anything that looks like an API key) replaced by `***`. */
export type Redactor = (text: string) => string;

const placeholder = '***';

/** Key formats worth scrubbing even when we do not know the key: OpenAI/OpenRouter/Anthropic, Google, Groq, Sydney. */
const keyLikePatterns: readonly RegExp[] = [
  /\bsk-[A-Za-z0-9_*.-]{4,}/g,
  /\bAIza[0-9A-Za-z_-]{20,}/g,
  /\bgsk_[A-Za-z0-9]{10,}/g,
  /\bddosxd-api-[A-Za-z0-9]+/gi,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=*-]{8,}/gi,
];

/** Parts of a secret this long or longer count as the secret (a provider may echo a prefix of the key). */
const minimumFragment = 8;

/** Builds a redactor for the given secrets (empty and very short values are ignored: they would mangle text). */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.trim().length >= 4).map((s) => s.trim());
  return (text: string): string => redactSecrets(text, known);
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    out = out.split(secret).join(placeholder);
  }
  for (const pattern of keyLikePatterns) {
    out = out.replace(pattern, (match, scheme?: string) =>
      typeof scheme === 'string' && /^(Bearer|Basic)$/i.test(scheme) ? `${scheme} ${placeholder}` : placeholder,
    );
  }
  if (secrets.length > 0) {
    // Tokens sharing a long enough run with a secret go whole, masks (`****`) and all: a masked echo keeps the
    // key's prefix and suffix.
    out = out.replace(/[A-Za-z0-9_\-.~+/=*]{8,}/g, (token) =>
      secrets.some((secret) => sharesFragment(token, secret)) ? placeholder : token,
    );
  }
  return out;
}

function sharesFragment(token: string, secret: string): boolean {
  for (let i = 0; i + minimumFragment <= token.length; i++) {
    if (secret.includes(token.slice(i, i + minimumFragment))) return true;
  }
  return false;
}
