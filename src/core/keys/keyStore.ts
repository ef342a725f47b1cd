// Where a provider's key comes from (docs/security.md): VS Code's SecretStorage first, then the provider's usual
// environment variable. The VS Code layer hands in the storage; this file never logs or returns a key anywhere
// but to the caller that asked for it.
//
// When the storage cannot save (on Linux without a running keyring, SecretStorage throws), the key is not lost:
// it is kept in memory for this session and the caller is told why it could not be saved, so it can say so in
// words a person understands.
import { errorDetail } from '../errors/errorFactories';

/** The part of VS Code's SecretStorage this needs. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export type KeySource = 'stored' | 'session' | 'environment' | 'missing' | 'not-needed';

export interface KeyStatus {
  source: KeySource;
  /** The environment variable the key came from, when it did. */
  envVar?: string;
  /** For Fusion Brain: whether the second secret is there too. */
  hasSecret?: boolean;
}

export interface ProviderKeyInfo {
  id: string;
  requiresKey: boolean;
  requiresSecret?: boolean;
  keyEnvVars: readonly string[];
  secretEnvVars?: readonly string[];
}

export interface ProviderCredentials {
  apiKey?: string;
  apiSecret?: string;
}

export type SaveResult = { saved: 'secret-storage' } | { saved: 'session-only'; reason: string };

export function apiKeySecretName(providerId: string): string {
  return `switchboard.apiKey.${providerId}`;
}

export function apiSecretSecretName(providerId: string): string {
  return `switchboard.apiSecret.${providerId}`;
}

export class KeyStore {
  /** Keys that could not be saved to SecretStorage, kept for this session only. */
  private readonly sessionKeys = new Map<string, string>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  async credentials(provider: ProviderKeyInfo): Promise<ProviderCredentials> {
    const apiKey = await this.read(apiKeySecretName(provider.id), provider.keyEnvVars);
    const apiSecret = provider.requiresSecret ? await this.read(apiSecretSecretName(provider.id), provider.secretEnvVars ?? []) : undefined;
    return {
      ...(apiKey !== undefined ? { apiKey: apiKey.value } : {}),
      ...(apiSecret !== undefined ? { apiSecret: apiSecret.value } : {}),
    };
  }

  async status(provider: ProviderKeyInfo): Promise<KeyStatus> {
    const key = await this.read(apiKeySecretName(provider.id), provider.keyEnvVars);
    if (key === undefined) return { source: provider.requiresKey ? 'missing' : 'not-needed' };
    const status: KeyStatus = { source: key.source, ...(key.envVar !== undefined ? { envVar: key.envVar } : {}) };
    if (provider.requiresSecret) {
      status.hasSecret = (await this.read(apiSecretSecretName(provider.id), provider.secretEnvVars ?? [])) !== undefined;
    }
    return status;
  }

  /** Saves a key (and Fusion Brain's secret). Never throws for a storage failure: it reports it. */
  async save(providerId: string, credentials: { apiKey: string; apiSecret?: string }): Promise<SaveResult> {
    const entries: [string, string][] = [[apiKeySecretName(providerId), credentials.apiKey]];
    if (credentials.apiSecret !== undefined) entries.push([apiSecretSecretName(providerId), credentials.apiSecret]);
    try {
      for (const [name, value] of entries) {
        await this.secrets.store(name, value);
        this.sessionKeys.delete(name);
      }
      return { saved: 'secret-storage' };
    } catch (error) {
      for (const [name, value] of entries) this.sessionKeys.set(name, value);
      return {
        saved: 'session-only',
        reason: describeStorageError(
          error,
          entries.map(([, value]) => value),
        ),
      };
    }
  }

  /** Removes the stored key and secret; the environment fallback, if any, stays (it is not ours to remove). */
  async remove(providerId: string): Promise<void> {
    for (const name of [apiKeySecretName(providerId), apiSecretSecretName(providerId)]) {
      this.sessionKeys.delete(name);
      await this.secrets.delete(name);
    }
  }

  private async read(name: string, envVars: readonly string[]): Promise<{ value: string; source: KeySource; envVar?: string } | undefined> {
    let stored: string | undefined;
    try {
      stored = await this.secrets.get(name);
    } catch {
      stored = undefined; // An unusable keyring reads as "nothing stored"; the session copy and env still work.
    }
    if (stored) return { value: stored, source: 'stored' };
    const session = this.sessionKeys.get(name);
    if (session) return { value: session, source: 'session' };
    for (const envVar of envVars) {
      const value = this.env[envVar]?.trim();
      if (value) return { value, source: 'environment', envVar };
    }
    return undefined;
  }
}

/** The storage's own words, without the key in case it echoed it. */
function describeStorageError(error: unknown, secrets: readonly string[]): string {
  let text = errorDetail(error);
  for (const secret of secrets) if (secret) text = text.split(secret).join('[redacted]');
  return text.slice(0, 300);
}
