import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { imageFileName, slugify } from '../../../src/core/images/imageFileName';

const date = new Date(2026, 10, 21, 18, 30);
const safeName = /^[a-z0-9-]+\.(png|jpe?g|webp)$/;
const windowsReserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

describe('imageFileName', () => {
  it('is the date, a slug of the prompt and the seed', () => {
    assert.equal(
      imageFileName({ date, prompt: 'A lighthouse at dusk', seed: 42, extension: 'png' }),
      '2026-11-21-a-lighthouse-at-dusk-42.png',
    );
  });

  it('uses the index when there is no seed', () => {
    assert.equal(imageFileName({ date, prompt: 'Sun in sky', index: 2, extension: 'webp' }), '2026-11-21-sun-in-sky-2.webp');
    assert.equal(imageFileName({ date, prompt: 'Sun in sky', extension: 'jpg' }), '2026-11-21-sun-in-sky.jpg');
  });

  it('transliterates Russian (and Ukrainian) prompts', () => {
    assert.equal(imageFileName({ date, prompt: 'Пушистый кот в очках', extension: 'png' }), '2026-11-21-pushistyy-kot-v-ochkakh.png');
    assert.equal(slugify('Щука, ёж и съезд'), 'shchuka-yozh-i-sezd');
    assert.equal(slugify('Їжак і ґанок'), 'yizhak-i-ganok');
    assert.equal(slugify('Crème brûlée — Straße'), 'creme-brulee-strasse');
  });

  it('never leaves an empty slug', () => {
    assert.equal(imageFileName({ date, prompt: '🌅🌊', extension: 'png' }), '2026-11-21-image.png');
    assert.equal(imageFileName({ date, prompt: '漢字', seed: 'abc', extension: 'png' }), '2026-11-21-image-abc.png');
  });

  it('cuts long prompts at a word, to at most 50 characters', () => {
    const slug = slugify('a very long prompt about a lighthouse standing on a rocky shore at dusk with waves');
    assert.ok(slug.length <= 50, slug);
    assert.equal(slug, 'a-very-long-prompt-about-a-lighthouse-standing-on');
  });

  it('has nothing that could climb out of the folder', () => {
    assert.equal(imageFileName({ date, prompt: '../../etc/passwd', seed: '../1', extension: 'png' }), '2026-11-21-etc-passwd-1.png');
    assert.equal(imageFileName({ date, prompt: 'C:\\Windows\\con.', extension: 'png' }), '2026-11-21-c-windows-con.png');
  });

  it('refuses an extension that is not an image', () => {
    assert.throws(() => imageFileName({ date, prompt: 'x', extension: 'exe' as 'png' }));
  });

  it('is always a safe name, whatever the prompt and seed (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.constantFrom('CON', 'nul', 'lpt1', '.', '..', ' ', ''),
        ),
        fc.option(fc.oneof(fc.integer({ min: 0, max: 4294967295 }), fc.string({ unit: 'binary', maxLength: 40 })), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
        fc.constantFrom('png', 'jpg', 'jpeg', 'webp') as fc.Arbitrary<'png' | 'jpg' | 'jpeg' | 'webp'>,
        fc.date({ min: new Date(1970, 0, 1), max: new Date(9999, 11, 31), noInvalidDate: true }),
        (prompt, seed, index, extension, when) => {
          const name = imageFileName({
            date: when,
            prompt,
            extension,
            ...(seed !== undefined ? { seed } : {}),
            ...(index !== undefined ? { index } : {}),
          });
          assert.match(name, safeName);
          const stem = name.replace(/\.[a-z]+$/, '');
          assert.ok(!windowsReserved.test(stem), name);
          assert.ok(!/--/.test(name), name);
          assert.ok(name.length <= 100, name);
        },
      ),
      { numRuns: 500 },
    );
  });
});
