// The small parts: magic numbers, multipart encoding, sizes and ratios, and the factory.
import * as assert from 'node:assert/strict';
import { ProviderError } from '../../../src/core/errors/providerError';
import { nearestSize, ratioOf, sizeForRatio } from '../../../src/core/images/aspectRatio';
import { createImageProvider } from '../../../src/core/images/createImageProvider';
import { detectImageMimeType } from '../../../src/core/images/detectImageMimeType';
import { encodeMultipart } from '../../../src/core/images/encodeMultipart';
import { sdxlSizes } from '../../../src/core/images/stabilityCatalog';
import { testHttpClient } from '../fakes/chatTestKit';
import { multipartFields, tinyJpeg, tinyPng, tinyWebp } from '../fakes/imageFakes';

describe('Image parts', () => {
  it('detects PNG, JPEG and WebP by magic number only', () => {
    assert.equal(detectImageMimeType(tinyPng), 'image/png');
    assert.equal(detectImageMimeType(tinyJpeg), 'image/jpeg');
    assert.equal(detectImageMimeType(tinyWebp), 'image/webp');
    assert.equal(detectImageMimeType(new TextEncoder().encode('<html>')), undefined);
    assert.equal(detectImageMimeType(new TextEncoder().encode('RIFF1234WAVE')), undefined);
    assert.equal(detectImageMimeType(new Uint8Array([0x89, 0x50, 0x4e])), undefined);
    assert.equal(detectImageMimeType(new Uint8Array()), undefined);
  });

  it('encodes multipart text parts that a standard parser reads back', async () => {
    const tricky = 'line1\r\n--not-a-boundary\r\n"quoted" ünïcode';
    const { body, contentType } = encodeMultipart([
      { name: 'prompt', value: tricky },
      { name: 'params', value: '{"a":1}', contentType: 'application/json' },
    ]);
    const fields = await multipartFields(body, contentType);
    assert.equal(fields.prompt?.value, tricky);
    assert.equal(fields.params?.value, '{"a":1}');
  });

  it('works out ratios and sizes', () => {
    assert.equal(ratioOf({ width: 1024, height: 576 }), '16:9');
    assert.equal(ratioOf({ width: 1344, height: 768 }), '7:4');
    assert.deepEqual(nearestSize({ width: 9, height: 16 }, sdxlSizes), { width: 768, height: 1344 });
    assert.deepEqual(sizeForRatio({ width: 16, height: 9 }, 1024, 64), { width: 1024, height: 576 });
    assert.deepEqual(sizeForRatio({ width: 2, height: 3 }, 1024, 64), { width: 704, height: 1024 });
  });

  describe('createImageProvider', () => {
    const http = testHttpClient();
    after(() => http.close());

    it('builds a provider per kind', () => {
      assert.equal(createImageProvider({ id: 'stability' }, {}, { http }).kind, 'stability');
      assert.equal(createImageProvider({ id: 'fusionbrain' }, {}, { http }).kind, 'fusionbrain');
      assert.equal(createImageProvider({ id: 'openai' }, {}, { http }).kind, 'openai');
      assert.equal(createImageProvider({ id: 'sydney' }, {}, { http }).kind, 'sydney');
      assert.equal(
        createImageProvider({ id: 'my-images', kind: 'openai', baseUrl: 'https://images.example/v1' }, {}, { http }).kind,
        'openai',
      );
    });

    it('refuses providers that make no images', () => {
      for (const id of ['anthropic', 'gemini', 'openrouter', 'groq']) {
        assert.throws(
          () => createImageProvider({ id }, {}, { http }),
          (error: unknown) => error instanceof ProviderError && error.kind === 'bad-request' && /does not make images/.test(error.message),
          id,
        );
      }
    });
  });
});
