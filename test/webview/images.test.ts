// Pictures in the chat view (issue 16): the real chat view (src/webview/main.ts, its CSS, under the webview's CSP) in
// headless Chromium. Images are made in the page with a canvas and pasted or dropped as the browser hands them over
// (ClipboardEvent / DragEvent with a DataTransfer of Files). A pasted image is downscaled in the view to
// visionImageLimits and posted as `attachImage`; SVG, GIF, corrupt, huge and too many images are refused with a notice
// naming the file, and nothing is posted; image chips show their picture; a generated image's toolbar and an attached
// image's thumbnail post `imageAction`; a notice's model switch chooses the model and sends the draft.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { visionImageLimits } from '../../src/shared/visionImageLimits';
import type { ContextChip, ExtensionToWebviewMessage, MessageView, WebviewToExtensionMessage } from '../../src/shared/webviewProtocol';
import { darkHighContrast, darkModern, lightModern, type VsCodeTheme } from './fixtures/vscodeThemes';
import { chatViewSession, initMessage } from './harness/chatViewSession';
import type { ServedFile } from './harness/webviewDocumentServer';
import type { ChatPageApi } from './page/fakeVsCodeApi';

const screenshots = path.resolve(__dirname, '../../test-results/screenshots');

type AttachImage = Extract<WebviewToExtensionMessage, { type: 'attachImage' }>;

/** What the page makes and hands to the view: a canvas drawing, or raw bytes. */
type ImageSpec =
  | { name: string; width: number; height: number; type: 'image/png' | 'image/jpeg' | 'image/webp'; pattern: 'gradient' | 'noise' }
  | { name: string; bytes: number[] | string; type: string };

function init(contexts: ContextChip[] = [], messages: MessageView[] = []): ExtensionToWebviewMessage {
  return initMessage(messages, { contexts, currentModel: 'openai/gpt-4o' });
}

/** A 1×1 GIF89a (the smallest valid GIF). */
const gif = [
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x21, 0xf9, 4, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1,
  0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b,
];

/** A PNG signature and an IHDR declaring 20,000 × 20,000 pixels (400 megapixels), and nothing else: a bomb's header. */
function pngHeader(width: number, height: number): number[] {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
  for (const value of [width, height]) bytes.push((value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255);
  return [...bytes, 8, 6, 0, 0, 0, 0, 0, 0, 0];
}

describe('chat view: images pasted, dropped, attached and acted on', function () {
  this.timeout(120_000);
  /** Pictures the tests make, served from the view's origin (as VS Code serves a webview URI). */
  const pictures = new Map<string, ServedFile>();
  const chat = chatViewSession({ viewport: { width: 420, height: 800 }, extra: pictures });
  const { call, posted } = chat;
  let page: Page;
  before(() => {
    page = chat.page;
  });

  /** A small PNG made in the page, as a data URL: chips' and messages' pictures (the CSP allows data: images). */
  let thumbnail = '';

  const open = (options: { lang?: string; contexts?: ContextChip[]; messages?: MessageView[] } = {}): Promise<void> =>
    chat.open(options.lang ?? 'en', init(options.contexts, options.messages));

  const noticeTexts = (): Promise<string[]> => page.locator('#notices .notice-text').allInnerTexts();

  /**
   * Makes the files in the page and hands them to the view as `how`: a paste into the input (with `text` on the
   * clipboard too, when given) or a drop on the messages. Resolves whether the view took the event.
   */
  function handOver(how: 'paste' | 'drop', specs: ImageSpec[], extra: Record<string, string> = {}): Promise<boolean> {
    return page.evaluate(
      async ([kind, files, data]) => {
        const transfer = new DataTransfer();
        for (const spec of files) {
          let blob: Blob;
          if ('bytes' in spec) {
            blob = new Blob([typeof spec.bytes === 'string' ? spec.bytes : new Uint8Array(spec.bytes)], { type: spec.type });
          } else {
            const canvas = new OffscreenCanvas(spec.width, spec.height);
            const context = canvas.getContext('2d')!;
            if (spec.pattern === 'gradient') {
              const gradient = context.createLinearGradient(0, 0, spec.width, spec.height);
              gradient.addColorStop(0, '#1e3a8a');
              gradient.addColorStop(1, '#f59e0b');
              context.fillStyle = gradient;
              context.fillRect(0, 0, spec.width, spec.height);
              context.fillStyle = '#ffffff';
              context.font = `${Math.round(spec.height / 8)}px sans-serif`;
              context.fillText('Switchboard', spec.width / 10, spec.height / 2);
            } else {
              // Noise does not compress: the PNG of it is too large, so the view must fall back to JPEG. The left
              // quarter is transparent (JPEG makes it white).
              const pixels = context.createImageData(spec.width, spec.height);
              let seed = 7;
              for (let i = 0; i < pixels.data.length; i += 4) {
                for (let c = 0; c < 3; c++) {
                  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
                  pixels.data[i + c] = seed & 255;
                }
                pixels.data[i + 3] = (i / 4) % spec.width < spec.width / 4 ? 0 : 255;
              }
              context.putImageData(pixels, 0, 0);
            }
            blob = await canvas.convertToBlob({ type: spec.type });
          }
          transfer.items.add(new File([blob], spec.name, { type: spec.type }));
        }
        for (const [format, value] of Object.entries(data)) transfer.setData(format, value);
        const event =
          kind === 'paste'
            ? new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer })
            : new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer });
        document.querySelector(kind === 'paste' ? '#input' : '.messages')!.dispatchEvent(event);
        return event.defaultPrevented;
      },
      [how, specs, extra] as const,
    );
  }

  /** Decodes a posted image in the page: its size, and the colour of its pixel at (x, y). */
  function decode(image: AttachImage, x = 0, y = 0): Promise<{ width: number; height: number; pixel: number[]; bytes: number }> {
    return page.evaluate(
      async ([data, type, px, py]) => {
        const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return {
          width: bitmap.width,
          height: bitmap.height,
          pixel: Array.from(context.getImageData(px, py, 1, 1).data),
          bytes: bytes.length,
        };
      },
      [image.data, image.mimeType, x, y] as const,
    );
  }

  /** Waits until `count` images were posted, or `notices` notices are shown. */
  async function settle(count: number, notices = 0): Promise<void> {
    await page.waitForFunction(
      ([images, shown]) =>
        (window as unknown as { sbChat: ChatPageApi }).sbChat.posted().filter((m) => m.type === 'attachImage').length >= images &&
        document.querySelectorAll('#notices .notice').length >= shown,
      [count, notices] as const,
      { timeout: 30_000 },
    );
  }

  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    thumbnail = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(64, 48);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#2563eb';
      context.fillRect(0, 0, 64, 48);
      context.fillStyle = '#facc15';
      context.fillRect(16, 12, 32, 24);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      return `data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`;
    });
  });

  it('a pasted 12-megapixel PNG is posted downscaled to a long edge of 1568, still PNG, within maxBytes', async () => {
    await open();
    await page.locator('#input').fill('What is on this poster?');
    assert.equal(
      await handOver('paste', [{ name: 'poster.png', width: 4000, height: 3000, type: 'image/png', pattern: 'gradient' }]),
      true,
    );
    await settle(1);
    const [image] = await posted('attachImage');
    assert.ok(image);
    assert.equal(image.name, 'poster.png');
    assert.equal(image.mimeType, 'image/png');
    assert.deepEqual([image.width, image.height], [1568, 1176]);
    const decoded = await decode(image);
    assert.deepEqual([decoded.width, decoded.height], [1568, 1176], 'the bytes are the size the message says');
    assert.ok(decoded.bytes <= visionImageLimits.maxBytes, `${decoded.bytes} bytes`);
    assert.equal(await page.locator('#input').inputValue(), 'What is on this poster?', 'the draft is untouched');
    assert.deepEqual(await noticeTexts(), []);
  });

  it('a PNG too large as PNG after downscaling becomes JPEG that fits, transparent parts white; a portrait keeps its shape', async () => {
    await open();
    await handOver('paste', [{ name: 'noise.png', width: 1800, height: 2400, type: 'image/png', pattern: 'noise' }]);
    await settle(1);
    const [image] = await posted('attachImage');
    assert.ok(image);
    assert.equal(image.mimeType, 'image/jpeg');
    assert.deepEqual([image.width, image.height], [1176, 1568]);
    const decoded = await decode(image, 10, 700);
    assert.deepEqual([decoded.width, decoded.height], [1176, 1568]);
    assert.ok(decoded.bytes <= visionImageLimits.maxBytes, `${decoded.bytes} bytes`);
    assert.ok(
      decoded.pixel.slice(0, 3).every((channel) => channel >= 245),
      `a transparent pixel is white, not black: ${decoded.pixel.join(',')}`,
    );
  });

  it('a small JPEG keeps its size and is encoded again as JPEG', async () => {
    await open();
    await handOver('paste', [{ name: 'photo.jpg', width: 640, height: 480, type: 'image/jpeg', pattern: 'gradient' }]);
    await settle(1);
    const [image] = await posted('attachImage');
    assert.ok(image);
    assert.deepEqual([image.mimeType, image.width, image.height], ['image/jpeg', 640, 480]);
  });

  it('a photo’s EXIF rotation is applied: a landscape JPEG tagged "rotate 90°" is attached as a portrait', async () => {
    await open();
    const bytes = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(400, 200);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#b91c1c';
      context.fillRect(0, 0, 400, 200);
      return Array.from(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer()));
    });
    // An APP1 Exif segment right after SOI: a big-endian TIFF header and one IFD entry, Orientation (0x0112) = 6.
    const exif = [
      0xff, 0xe1, 0, 34, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0,
      0, 0, 0,
    ];
    await handOver('paste', [{ name: 'phone.jpg', bytes: [...bytes.slice(0, 2), ...exif, ...bytes.slice(2)], type: 'image/jpeg' }]);
    await settle(1);
    const [image] = await posted('attachImage');
    assert.deepEqual([image?.width, image?.height], [200, 400]);
  });

  it('SVG, GIF, a corrupt file, a decompression bomb and a file over the size limit are refused by name, nothing posted', async () => {
    await open();
    await page.locator('#input').fill('my draft');
    const svg =
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    await handOver('paste', [
      { name: 'logo.svg', bytes: svg, type: 'image/svg+xml' },
      // Named and typed as PNG: the bytes say what it is.
      { name: 'spinner.png', bytes: gif, type: 'image/png' },
      { name: 'broken.png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8, 9], type: 'image/png' },
      { name: 'bomb.png', bytes: pngHeader(20_000, 20_000), type: 'image/png' },
    ]);
    await settle(0, 4);
    const texts = await noticeTexts();
    assert.deepEqual(texts, [
      'logo.svg was not attached: a vector image cannot be sent to a model. Export it as a PNG and attach that.',
      'spinner.png was not attached: GIF images are not accepted, animated or not (of an animation a model sees only one frame, and not every provider reads GIF). Convert it to PNG.',
      'broken.png was not attached: it could not be read as an image (damaged, or in a format the chat cannot read).',
      'bomb.png was not attached: it is 20,000 × 20,000 pixels, more than 100 megapixels.',
    ]);
    // Over maxSourceBytes: refused before a byte of it is decoded.
    await page.evaluate((size) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(size)], 'huge.png', { type: 'image/png' }));
      document
        .querySelector('#input')!
        .dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }));
    }, 60_000_000);
    await settle(0, 5);
    assert.equal((await noticeTexts())[4], 'huge.png was not attached: it is 60 MB, and an image can be at most 50 MB.');
    assert.deepEqual(await posted('attachImage'), []);
    assert.equal(await page.locator('#input').inputValue(), 'my draft', 'the draft is untouched');
  });

  it('refusals are in the view’s language (the Russian table the extension put into the document)', async () => {
    await open({ lang: 'ru' });
    assert.equal(await page.locator('#input').getAttribute('aria-label'), 'Сообщение');
    await handOver('paste', [{ name: 'logo.svg', bytes: '<svg xmlns="http://www.w3.org/2000/svg"/>', type: 'image/svg+xml' }]);
    await settle(0, 1);
    assert.deepEqual(await noticeTexts(), [
      'Файл logo.svg не приложен: векторное изображение нельзя отправить модели. Экспортируйте его в PNG и приложите PNG.',
    ]);
  });

  it('a paste that carries text pastes the text; the picture that came with it is not attached', async () => {
    await open();
    const taken = await handOver('paste', [{ name: 'cells.png', width: 200, height: 100, type: 'image/png', pattern: 'gradient' }], {
      'text/plain': 'A1\tB1',
    });
    assert.equal(taken, false, 'the browser pastes the text');
    await page.waitForTimeout(300);
    assert.deepEqual(await posted('attachImage'), []);
  });

  it('images beyond the per-message limit are named in one notice; the chips already attached count', async () => {
    const chips: ContextChip[] = Array.from({ length: visionImageLimits.maxImagesPerMessage - 2 }, (_, index) => ({
      id: `i${index}`,
      kind: 'image',
      label: `shot${index}.png`,
      chars: 0,
      tokens: 1600,
      thumbnail,
    }));
    await open({ contexts: chips });
    const spec = (name: string): ImageSpec => ({ name, width: 64, height: 64, type: 'image/png', pattern: 'gradient' });
    await handOver('paste', [spec('a.png'), spec('b.png'), spec('c.png'), spec('d.png')]);
    await settle(2, 1);
    assert.deepEqual(
      (await posted('attachImage')).map((image) => image.name),
      ['a.png', 'b.png'],
    );
    assert.deepEqual(await noticeTexts(), ['Not attached: c.png, d.png. A message carries at most 8 images.']);
  });

  it('image files dropped from the system are attached; the URIs the drop carries for them are not posted again', async () => {
    await open();
    const taken = await handOver('drop', [{ name: 'diagram.webp', width: 3000, height: 1000, type: 'image/webp', pattern: 'gradient' }], {
      'text/uri-list': 'file:///home/someone/Pictures/diagram.webp\r\nfile:///home/someone/notes.md',
    });
    assert.equal(taken, true, 'the drop is the view’s');
    await settle(1);
    const [image] = await posted('attachImage');
    assert.deepEqual([image?.name, image?.mimeType, image?.width, image?.height], ['diagram.webp', 'image/jpeg', 1568, 523]);
    assert.deepEqual(await posted('addContextUris'), [{ type: 'addContextUris', uris: ['file:///home/someone/notes.md'] }]);
  });

  it('an image file the extension sends (Add to Chat, @, Ask about this image) is downscaled and attached like a pasted one', async () => {
    await open();
    const data = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(3000, 2000);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#0f766e';
      context.fillRect(0, 0, 3000, 2000);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
        reader.readAsDataURL(blob);
      });
    });
    await call('deliver', { type: 'downscaleImage', name: 'assets/sunset.png', mimeType: 'image/png', data });
    await call('deliver', {
      type: 'downscaleImage',
      name: 'icon.svg',
      mimeType: 'image/svg+xml',
      data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'),
    });
    await settle(1, 1);
    const [image] = await posted('attachImage');
    assert.deepEqual([image?.name, image?.mimeType, image?.width, image?.height], ['assets/sunset.png', 'image/png', 1568, 1045]);
    assert.deepEqual(await noticeTexts(), [
      'icon.svg was not attached: a vector image cannot be sent to a model. Export it as a PNG and attach that.',
    ]);
  });

  it('an image chip shows its picture named by its label, and is removed by keyboard', async () => {
    await open({
      contexts: [
        { id: 'f1', kind: 'file', label: 'app.ts', chars: 400, tokens: 100 },
        { id: 'img1', kind: 'image', label: 'screenshot.png', chars: 0, tokens: 1600, thumbnail, openable: true },
      ],
    });
    const chip = page.locator('.composer .chip[data-kind="image"]');
    assert.equal(await chip.locator('img.chip-thumbnail').getAttribute('alt'), 'screenshot.png');
    assert.equal(await chip.locator('img.chip-thumbnail').getAttribute('src'), thumbnail);
    const box = await chip.locator('img.chip-thumbnail').boundingBox();
    assert.ok(box && Math.round(box.width) === 32 && Math.round(box.height) === 32, JSON.stringify(box));
    assert.ok(await chip.locator('img.chip-thumbnail').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'loaded');
    assert.equal(await chip.locator('.chip-remove').getAttribute('aria-label'), 'Remove image screenshot.png');
    // From the input, Shift+Tab reaches the last chip's remove button; Enter removes it.
    await page.locator('#input').focus();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Remove image screenshot.png');
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted('removeContext'), [{ type: 'removeContext', contextId: 'img1' }]);
  });

  it('a generated image’s toolbar: six named buttons, one tab stop, arrows move, each posts its imageAction', async () => {
    const answer: MessageView = {
      id: 'a1',
      role: 'assistant',
      content: 'Here is the picture.',
      status: 'complete',
      model: 'stability/sd3',
      images: [{ src: thumbnail, alt: 'a lighthouse at dusk', path: 'assets/lighthouse.png' }],
    };
    await open({ messages: [{ id: 'u1', role: 'user', content: '/image a lighthouse at dusk' }, answer] });
    const toolbar = page.locator('article[data-id="a1"] .image-toolbar');
    assert.equal(await toolbar.getAttribute('role'), 'toolbar');
    assert.equal(await toolbar.getAttribute('aria-label'), 'Image actions: assets/lighthouse.png');
    assert.ok(await toolbar.isVisible(), 'shown without hovering');
    const labels = await toolbar
      .locator('button')
      .evaluateAll((buttons: HTMLButtonElement[]) => buttons.map((b) => [b.getAttribute('aria-label'), b.title, b.tabIndex]));
    assert.deepEqual(labels, [
      ['Insert reference', 'Insert reference', 0],
      ['Open', 'Open', -1],
      ['Reveal in Explorer', 'Reveal in Explorer', -1],
      ['Edit…', 'Edit…', -1],
      ['Animate…', 'Animate…', -1],
      ['Ask about this image', 'Ask about this image', -1],
    ]);
    assert.equal(await page.locator('article[data-id="a1"] figure img').getAttribute('alt'), 'a lighthouse at dusk');

    // By keyboard: Tab reaches the first button; → and End move; Enter acts.
    await page.locator('article[data-id="a1"] .message-body').click();
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Insert reference');
    }
    assert.ok(reached, 'Tab reaches the toolbar');
    assert.ok(await toolbar.locator('button').first().isVisible());
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('tabindex')), '0', 'the roving tab stop moved');
    // By mouse: the others.
    for (const label of ['Reveal in Explorer', 'Edit…', 'Animate…']) await toolbar.locator(`button[aria-label="${label}"]`).click();
    assert.deepEqual(
      (await posted('imageAction')).map((message) => [message.action, message.path, message.messageId]),
      [
        ['insertReference', 'assets/lighthouse.png', 'a1'],
        ['open', 'assets/lighthouse.png', 'a1'],
        ['ask', 'assets/lighthouse.png', 'a1'],
        ['reveal', 'assets/lighthouse.png', 'a1'],
        ['edit', 'assets/lighthouse.png', 'a1'],
        ['animate', 'assets/lighthouse.png', 'a1'],
      ],
    );
  });

  it('an image attached to a question is a thumbnail that opens on click and on Enter', async () => {
    await open({
      messages: [
        {
          id: 'u1',
          role: 'user',
          content: 'What is wrong with this layout?',
          images: [{ src: thumbnail, alt: 'layout.png', path: 'layout.png', attached: true }],
        },
      ],
    });
    const button = page.locator('article[data-id="u1"] button.message-thumbnail');
    assert.equal(await button.getAttribute('aria-label'), 'Open layout.png');
    assert.equal(await page.locator('article[data-id="u1"] .image-toolbar').count(), 0, 'no toolbar on an attached image');
    await button.click();
    await button.focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted('imageAction'), [
      { type: 'imageAction', action: 'open', path: 'layout.png', messageId: 'u1' },
      { type: 'imageAction', action: 'open', path: 'layout.png', messageId: 'u1' },
    ]);
  });

  it('a notice’s model switch chooses the model, then sends the draft with its image chips', async () => {
    await open({ contexts: [{ id: 'img1', kind: 'image', label: 'chart.png', chars: 0, tokens: 1600, thumbnail }] });
    await page.locator('#input').fill('Summarize this chart');
    await call('deliver', {
      type: 'notice',
      level: 'warning',
      text: 'ollama/llama3.2 cannot see images: the message was not sent.',
      switchModel: { model: 'openai/gpt-4o', label: 'Switch to openai/gpt-4o and send' },
    });
    const button = page.locator('#notices button', { hasText: 'Switch to openai/gpt-4o and send' });
    assert.equal(await page.locator('#input').inputValue(), 'Summarize this chart', 'the draft stays until then');
    await button.click();
    const sent = (await call('posted')).filter((message) => message.type === 'selectModel' || message.type === 'send');
    assert.deepEqual(sent, [
      { type: 'selectModel', model: 'openai/gpt-4o' },
      { type: 'send', text: 'Summarize this chart' },
    ]);
    assert.equal(await page.locator('#notices .notice').count(), 0, 'the notice is gone');
  });

  it('screenshots: an image chip in the composer and an answer’s image toolbar, in dark, light and high-contrast themes', async () => {
    const png = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(480, 300);
      const context = canvas.getContext('2d')!;
      const gradient = context.createLinearGradient(0, 0, 480, 300);
      gradient.addColorStop(0, '#0f766e');
      gradient.addColorStop(1, '#fbbf24');
      context.fillStyle = gradient;
      context.fillRect(0, 0, 480, 300);
      context.fillStyle = '#fff7ed';
      context.beginPath();
      context.arc(360, 90, 40, 0, Math.PI * 2);
      context.fill();
      return Array.from(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer()));
    });
    pictures.set('/sunset.png', { type: 'image/png', body: Uint8Array.from(png) });
    const picture = `${chat.server.origin}/sunset.png`;
    const messages: MessageView[] = [
      {
        id: 'u1',
        role: 'user',
        content: 'Why does the header overlap here?',
        images: [{ src: picture, alt: 'header.png', path: 'header.png', attached: true }],
      },
      { id: 'a1', role: 'assistant', content: 'The header is `position: fixed`…', status: 'complete', model: 'openai/gpt-4o' },
      { id: 'u2', role: 'user', content: '/image a sunset over the sea, flat colours' },
      {
        id: 'a2',
        role: 'assistant',
        content: 'Saved to `assets/sunset.png`.',
        status: 'complete',
        model: 'stability/sd3',
        images: [{ src: picture, alt: 'a sunset over the sea, flat colours', path: 'assets/sunset.png' }],
      },
    ];
    const themes: [string, VsCodeTheme][] = [
      ['dark', darkModern],
      ['light', lightModern],
      ['hc', darkHighContrast],
    ];
    for (const [name, theme] of themes) {
      await open({
        messages,
        contexts: [
          { id: 'img1', kind: 'image', label: 'mockup.png', chars: 0, tokens: 1568, thumbnail: picture, openable: true },
          { id: 'f1', kind: 'file', label: 'header.css', chars: 1200, tokens: 300, openable: true },
        ],
      });
      await call('setTheme', theme.kind, theme.variables);
      await page.locator('#input').fill('And on mobile?');
      await page.locator('article[data-id="a2"] .image-toolbar button').nth(1).focus();
      await page.screenshot({ path: path.join(screenshots, `chat-images-${name}.png`) });
      await page.locator('article[data-id="u1"]').screenshot({ path: path.join(screenshots, `chat-images-attached-${name}.png`) });
    }
  });
});
