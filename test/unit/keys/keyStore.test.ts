import * as assert from 'node:assert/strict';
import { KeyStore, type ProviderKeyInfo, type SecretStore } from '../../../src/core/keys/keyStore';

class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  failStore: Error | undefined;
  async get(key: string) {
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    if (this.failStore) throw this.failStore;
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
}

const openai: ProviderKeyInfo = { id: 'openai', requiresKey: true, keyEnvVars: ['OPENAI_API_KEY'] };
const gemini: ProviderKeyInfo = { id: 'gemini', requiresKey: true, keyEnvVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] };
const ollama: ProviderKeyInfo = { id: 'ollama', requiresKey: false, keyEnvVars: [] };
const fusionbrain: ProviderKeyInfo = {
  id: 'fusionbrain',
  requiresKey: true,
  requiresSecret: true,
  keyEnvVars: ['FUSIONBRAIN_API_KEY'],
  secretEnvVars: ['FUSIONBRAIN_SECRET_KEY'],
};

describe('key store', () => {
  it('stores keys under switchboard.apiKey.<id> and prefers them over the environment', async () => {
    const secrets = new MemorySecrets();
    const store = new KeyStore(secrets, { OPENAI_API_KEY: 'sk-env-111' });
    assert.deepEqual(await store.status(openai), { source: 'environment', envVar: 'OPENAI_API_KEY' });
    assert.deepEqual(await store.credentials(openai), { apiKey: 'sk-env-111' });
    assert.deepEqual(await store.save('openai', { apiKey: 'sk-stored-222' }), { saved: 'secret-storage' });
    assert.equal(secrets.values.get('switchboard.apiKey.openai'), 'sk-stored-222');
    assert.deepEqual(await store.status(openai), { source: 'stored' });
    assert.deepEqual(await store.credentials(openai), { apiKey: 'sk-stored-222' });
    await store.remove('openai');
    assert.equal(secrets.values.size, 0);
    assert.deepEqual(await store.status(openai), { source: 'environment', envVar: 'OPENAI_API_KEY' });
  });

  it('tries each environment variable of a provider in order', async () => {
    const store = new KeyStore(new MemorySecrets(), { GOOGLE_API_KEY: 'g-key' });
    assert.deepEqual(await store.status(gemini), { source: 'environment', envVar: 'GOOGLE_API_KEY' });
  });

  it('says missing or not-needed when there is no key', async () => {
    const store = new KeyStore(new MemorySecrets(), {});
    assert.deepEqual(await store.status(openai), { source: 'missing' });
    assert.deepEqual(await store.status(ollama), { source: 'not-needed' });
    assert.deepEqual(await store.credentials(openai), {});
  });

  it('keeps Fusion Brain key and secret apart', async () => {
    const secrets = new MemorySecrets();
    const store = new KeyStore(secrets, {});
    await store.save('fusionbrain', { apiKey: 'fb-key', apiSecret: 'fb-secret' });
    assert.equal(secrets.values.get('switchboard.apiKey.fusionbrain'), 'fb-key');
    assert.equal(secrets.values.get('switchboard.apiSecret.fusionbrain'), 'fb-secret');
    assert.deepEqual(await store.credentials(fusionbrain), { apiKey: 'fb-key', apiSecret: 'fb-secret' });
    assert.deepEqual(await store.status(fusionbrain), { source: 'stored', hasSecret: true });
  });

  it('does not lose a key when the secret storage cannot save it, and says why without the key', async () => {
    const secrets = new MemorySecrets();
    secrets.failStore = new Error('Cannot create an item in a locked collection (key sk-typed-333)');
    const store = new KeyStore(secrets, {});
    const result = await store.save('openai', { apiKey: 'sk-typed-333' });
    assert.equal(result.saved, 'session-only');
    assert.ok(result.saved === 'session-only' && /locked collection/.test(result.reason));
    assert.ok(result.saved === 'session-only' && !result.reason.includes('sk-typed-333'));
    assert.deepEqual(await store.status(openai), { source: 'session' });
    assert.deepEqual(await store.credentials(openai), { apiKey: 'sk-typed-333' });
    // Once the keyring works again, saving moves the key into it.
    secrets.failStore = undefined;
    assert.deepEqual(await store.save('openai', { apiKey: 'sk-typed-333' }), { saved: 'secret-storage' });
    assert.deepEqual(await store.status(openai), { source: 'stored' });
  });
});
