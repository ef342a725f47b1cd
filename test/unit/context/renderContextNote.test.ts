// What the model is told about a context item that was read only in part or not at all (renderContextItem), and that a
// folder's text, which holds fenced blocks of its own, stays inside the one block it is sent in.
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';
import { defaultContextReadLimits } from '../../../src/core/context/contextLimits';
import { readFolderContext } from '../../../src/core/context/readFolderContext';
import type { ContextItem } from '../../../src/core/conversations/messagePart';
import { englishContextNote, renderContextItem } from '../../../src/core/conversations/renderContextItem';
import { TempWorkspace } from './tempWorkspace';

const markdown = new MarkdownIt({ html: false });

describe('renderContextItem with notes', () => {
  it('says in English why an item has no text, instead of an empty block', () => {
    const item: ContextItem = {
      kind: 'file',
      label: '.env',
      path: 'config/.env',
      text: '',
      note: { id: 'context.excluded', params: { name: '.env' } },
    };
    assert.equal(
      renderContextItem(item),
      'File: .env (config/.env)\n(not read: .env matches switchboard.context.exclude, so it was not read.)',
    );
  });

  it('puts the note of a partly read item between the header and the block', () => {
    const item: ContextItem = {
      kind: 'folder',
      label: 'src',
      text: 'listing',
      truncated: true,
      note: { id: 'context.folderPartial', params: { name: 'src', read: 2, total: 5 } },
    };
    assert.equal(
      renderContextItem(item),
      'Folder: src (truncated)\n(note: 2 of the 5 files in src are included; the rest are listed by name only.)\n```\nlisting\n```',
    );
  });

  it('names a note this version does not know by its id, and takes a translated note text when given one', () => {
    const future: ContextItem = { kind: 'terminal', label: 'bash', text: '', note: { id: 'context.fromTheFuture', params: {} } };
    assert.equal(renderContextItem(future), 'Terminal output: bash\n(not read: context.fromTheFuture)');
    assert.equal(englishContextNote({ id: 'context.binary', params: { name: 'a.png' } }), 'a.png is a binary file, so it was not read.');
    const item: ContextItem = { kind: 'file', label: 'a.png', text: '', note: { id: 'context.binary', params: { name: 'a.png' } } };
    assert.equal(
      renderContextItem(
        item,
        (i) => `Файл ${i.label}`,
        () => 'двоичный\nфайл',
      ),
      'Файл a.png\n(not read: двоичный файл)',
    );
  });

  describe('a folder whose files hold fences of their own', () => {
    let ws: TempWorkspace;
    beforeEach(() => (ws = new TempWorkspace()));
    afterEach(() => ws.remove());

    it('is one fenced block whose content is exactly the folder text, with each file a block inside it', async () => {
      ws.write('docs/guide.md', '# Guide\n\n```ts\nconst a = 1;\n```\n\n````\nfour\n````\n');
      ws.write('docs/tick.txt', 'a `code` span and ``` an unclosed fence\n');
      ws.write('docs/after.txt', 'x');
      const item = await readFolderContext(
        { absolutePath: ws.abs('docs'), relativePath: 'docs' },
        { exclusion: createContextExclusion(defaultContextExclude), limits: defaultContextReadLimits },
      );
      assert.equal(item.note, undefined);
      const rendered = `${renderContextItem(item)}\n\nWhat do these docs say?`;
      const tokens = markdown.parse(rendered, {});
      const fences = tokens.filter((token) => token.type === 'fence');
      assert.equal(fences.length, 1, 'the folder is one block at the top level');
      assert.equal(fences[0]?.content, `${item.text}\n`);
      // The question after it is a paragraph of its own, not swallowed into the block.
      const paragraphs = tokens.filter((token) => token.type === 'inline').map((token) => token.content);
      assert.deepEqual(paragraphs, ['Folder: docs', 'What do these docs say?']);
      // Inside, the listing and each file are blocks of their own, and each file's text comes back whole.
      const inner = markdown.parse(item.text, {}).filter((token) => token.type === 'fence');
      assert.deepEqual(
        inner.map((token) => token.content),
        [
          'docs/\n  after.txt\n  guide.md\n  tick.txt\n',
          'x\n',
          'a `code` span and ``` an unclosed fence\n',
          '# Guide\n\n```ts\nconst a = 1;\n```\n\n````\nfour\n````\n',
        ],
      );
    });
  });
});
