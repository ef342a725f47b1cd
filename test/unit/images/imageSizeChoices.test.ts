import * as assert from 'node:assert/strict';
import { imageShapeOf } from '../../../src/core/images/imageShape';
import { imageSizeChoices } from '../../../src/core/images/imageSizeChoices';

const shapes = (choices: ReturnType<typeof imageSizeChoices>) => choices.map((choice) => [choice.label, choice.shape]);

describe('imageSizeChoices', () => {
  it('says which OpenAI size is square, landscape or portrait', () => {
    assert.deepEqual(shapes(imageSizeChoices('openai', 'gpt-image-1')), [
      ['1024x1024', 'square'],
      ['1536x1024', 'landscape'],
      ['1024x1536', 'portrait'],
    ]);
    assert.deepEqual(
      imageSizeChoices('openai', 'gpt-image-1').map(({ width, height }) => [width, height]),
      [
        [1024, 1024],
        [1536, 1024],
        [1024, 1536],
      ],
    );
  });

  it('gives aspect ratios their shape too, 1:1 first', () => {
    assert.deepEqual(shapes(imageSizeChoices('sydney', 'any')), [
      ['1:1', 'square'],
      ['16:9', 'landscape'],
      ['3:2', 'landscape'],
      ['2:3', 'portrait'],
      ['9:16', 'portrait'],
    ]);
    const stability = imageSizeChoices('stability', 'core');
    assert.equal(stability[0]?.label, '1:1');
    assert.deepEqual(
      stability.filter((choice) => choice.shape === 'portrait').map((choice) => choice.label),
      ['2:3', '4:5', '9:16', '9:21'],
    );
    assert.ok(stability.every((choice) => choice.aspectRatio === choice.label && choice.shape !== undefined));
  });

  it('gives Kandinsky and SDXL pixel sizes their shape', () => {
    const kandinsky = imageSizeChoices('fusionbrain', 'kandinsky');
    assert.deepEqual(kandinsky[0], { label: '1024x1024', shape: 'square', width: 1024, height: 1024 });
    assert.deepEqual(kandinsky[1], { label: '1024x576', shape: 'landscape', width: 1024, height: 576 });
    assert.deepEqual(kandinsky[2], { label: '576x1024', shape: 'portrait', width: 576, height: 1024 });
    assert.ok(imageSizeChoices('stability', 'v1/stable-diffusion-xl-1024-v1-0').every((choice) => choice.shape !== undefined));
  });
});

describe('imageShapeOf', () => {
  it('compares width and height', () => {
    assert.equal(imageShapeOf({ width: 7, height: 7 }), 'square');
    assert.equal(imageShapeOf({ width: 5, height: 4 }), 'landscape');
    assert.equal(imageShapeOf({ width: 4, height: 5 }), 'portrait');
  });
});
