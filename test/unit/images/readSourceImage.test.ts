import * as assert from 'node:assert/strict';
import { ProviderError } from '../../../src/core/errors/providerError';
import { readSourceImage } from '../../../src/core/images/readSourceImage';
import { tinyPng, tinyWebp } from '../fakes/imageFakes';
import {
  animatedGif,
  jpegOfSize,
  pngOfSize,
  svgImage,
  webpExtendedOfSize,
  webpLosslessOfSize,
  webpLossyOfSize,
} from '../fakes/sourceImageFakes';

function refusal(bytes: Uint8Array, name = 'picture.bin'): ProviderError {
  try {
    readSourceImage(bytes, name);
  } catch (error) {
    assert.ok(error instanceof ProviderError, String(error));
    assert.equal(error.kind, 'bad-request');
    return error;
  }
  assert.fail('expected the image to be refused');
}

describe('readSourceImage', () => {
  it('reads a PNG size from IHDR, and its alpha from the color type or a tRNS chunk', () => {
    const rgb = readSourceImage(pngOfSize(1024, 576), 'dusk.png');
    assert.deepEqual(
      { mimeType: rgb.mimeType, width: rgb.width, height: rgb.height, hasAlpha: rgb.hasAlpha, name: rgb.name },
      { mimeType: 'image/png', width: 1024, height: 576, hasAlpha: false, name: 'dusk.png' },
    );
    assert.equal(readSourceImage(pngOfSize(300, 200, { alpha: true }), 'a.png').hasAlpha, true);
    assert.equal(readSourceImage(pngOfSize(300, 200, { trns: true }), 'a.png').hasAlpha, true);
    const one = readSourceImage(tinyPng, 'tiny.png');
    assert.deepEqual([one.width, one.height, one.hasAlpha], [1, 1, true]);
  });

  it('reads a JPEG size from its first frame header, skipping other segments and fill bytes', () => {
    const baseline = readSourceImage(jpegOfSize(1920, 1080), 'photo.jpg');
    assert.deepEqual([baseline.mimeType, baseline.width, baseline.height], ['image/jpeg', 1920, 1080]);
    // Progressive (SOF2) frames carry their size the same way.
    const progressive = readSourceImage(jpegOfSize(640, 4000, 0xc2), 'tall.jpg');
    assert.deepEqual([progressive.width, progressive.height], [640, 4000]);
  });

  it('reads WebP sizes from VP8, VP8L and VP8X headers', () => {
    const lossy = readSourceImage(webpLossyOfSize(800, 600), 'a.webp');
    assert.deepEqual([lossy.mimeType, lossy.width, lossy.height, lossy.hasAlpha], ['image/webp', 800, 600, false]);
    const lossless = readSourceImage(webpLosslessOfSize(16_383, 5, true), 'b.webp');
    assert.deepEqual([lossless.width, lossless.height, lossless.hasAlpha], [16_383, 5, true]);
    const extended = readSourceImage(webpExtendedOfSize(5000, 3000), 'c.webp');
    assert.deepEqual([extended.width, extended.height, extended.hasAlpha], [5000, 3000, true]);
    assert.deepEqual([readSourceImage(tinyWebp, 'd.webp').width, readSourceImage(tinyWebp, 'd.webp').height], [1, 1]);
  });

  it('refuses a GIF, animated or not, and says to convert it to PNG', () => {
    const error = refusal(animatedGif, 'spinner.gif');
    assert.equal(error.messageId, 'sourceImage.gif');
    assert.match(error.message, /^spinner\.gif is a GIF\. GIFs, animated or not, are not accepted .*convert it to PNG/);
  });

  it('refuses an SVG (with a BOM, an XML declaration and a comment before it) as a vector image', () => {
    const error = refusal(svgImage, 'logo.svg');
    assert.equal(error.messageId, 'sourceImage.svg');
    assert.match(error.message, /logo\.svg is an SVG: a vector image cannot be sent .* Export it as a PNG/);
  });

  it('names other raster formats, and describes unknown bytes', () => {
    assert.match(refusal(new Uint8Array([0x42, 0x4d, 0, 0, 0, 0, 0, 0]), 'old.bmp').message, /old\.bmp is a BMP image; only PNG, JPEG/);
    const heic = new Uint8Array([0, 0, 0, 24, ...Buffer.from('ftypheic'), 0, 0, 0, 0]);
    assert.match(refusal(heic, 'phone.heic').message, /is a HEIC image/);
    const text = refusal(new Uint8Array(Buffer.from('hello, world')), 'notes.png');
    assert.equal(text.messageId, 'sourceImage.unknown');
    assert.match(text.message, /notes\.png is not a PNG, JPEG or WebP image \(they start with 'hello, world'\)/);
  });

  it('refuses a damaged or cut-off file whose header has no size', () => {
    const png = pngOfSize(100, 100);
    for (const [bytes, format] of [
      [png.subarray(0, 20), 'PNG'],
      [jpegOfSize(100, 100).subarray(0, 25), 'JPEG'],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), 'JPEG'],
      [pngOfSize(0, 10), 'PNG'],
      [webpLossyOfSize(10, 10).subarray(0, 24), 'WebP'],
    ] as const) {
      const error = refusal(bytes, 'broken');
      assert.equal(error.messageId, 'sourceImage.corrupt', format);
      assert.equal(
        error.message,
        `broken starts like a ${format} image, but its size cannot be read from its header: the file is damaged or cut off.`,
      );
    }
    assert.equal(refusal(new Uint8Array(0), 'empty.png').message, 'empty.png is empty: there is no image in it.');
  });
});
