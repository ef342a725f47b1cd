import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { applyChatEvent } from '../../../src/core/conversations/applyChatEvent';
import type { ContextItem } from '../../../src/core/conversations/conversation';
import { appendUserMessage, createConversation, startAssistantMessage, userParts } from '../../../src/core/conversations/conversationOps';
import { englishMarkdownStrings, exportMarkdown, type MarkdownExportStrings } from '../../../src/core/conversations/exportMarkdown';
import { closeOpenFence, fencedBlock } from '../../../src/core/conversations/markdownFence';
import { T0, providerError } from './conversationFixtures';

const markdown = new MarkdownIt({ html: false });

function tokens(text: string) {
  return markdown.parse(text, {});
}

function headings(source: string): string[] {
  const all = tokens(source);
  // The text a reader sees: escapes resolved, code spans unwrapped.
  const text = (i: number) => (all[i + 1]?.children ?? []).map((child) => child.content).join('');
  return all.flatMap((token, i) => (token.type === 'heading_open' ? [`${token.tag} ${text(i)}`] : []));
}

function codeBlocks(text: string): Array<{ info: string; content: string }> {
  return tokens(text)
    .filter((token) => token.type === 'fence')
    .map((token) => ({ info: token.info, content: token.content }));
}

describe('exportMarkdown', () => {
  const tricky = 'Here is a fence:\n```js\nalert(1)\n```\nand ```` four too';
  const contexts: ContextItem[] = [
    { kind: 'selection', label: 'notes.md:1-5', path: 'docs/notes.md', language: 'markdown', text: tricky, startLine: 1, endLine: 5 },
  ];

  function conversation() {
    let c = createConversation({ now: T0 });
    c = appendUserMessage(c, userParts('What does this do?', contexts), { now: T0 }).conversation;
    let started = startAssistantMessage(c, { now: T0 });
    c = started.conversation;
    for (const event of [
      { type: 'model', provider: 'openai', model: 'gpt-4o' },
      { type: 'text-delta', text: 'It shows an alert:\n\n```js\nalert(1)\n```' },
      { type: 'usage', usage: { inputTokens: 120, outputTokens: 30 } },
      { type: 'done', finishReason: 'stop' },
    ] as const) {
      c = applyChatEvent(c, started.message.id, event);
    }
    c = appendUserMessage(c, userParts('And now?')).conversation;
    started = startAssistantMessage(c);
    c = applyChatEvent(started.conversation, started.message.id, { type: 'model', provider: 'anthropic', model: 'claude_3' });
    // Stopped in the middle of a code block: the export must close it.
    c = applyChatEvent(c, started.message.id, { type: 'text-delta', text: 'Partial:\n```python\nprint(' });
    c = applyChatEvent(c, started.message.id, { type: 'error', error: providerError('rate-limit', 'Too many requests; wait 20 s.') });
    c = appendUserMessage(c, userParts('Last one')).conversation;
    started = startAssistantMessage(c);
    c = applyChatEvent(started.conversation, started.message.id, { type: 'done', finishReason: 'cancelled' });
    return c;
  }

  it('writes the title, one heading per turn, contexts as unbreakable fences, usage and errors', () => {
    const text = exportMarkdown(conversation());
    assert.deepEqual(headings(text), [
      'h1 What does this do?',
      'h2 You',
      'h2 Model: openai/gpt-4o',
      'h2 You',
      'h2 Model: anthropic/claude_3',
      'h2 You',
      'h2 Model',
    ]);
    const blocks = codeBlocks(text);
    assert.deepEqual(blocks[0], { info: 'markdown', content: `${tricky}\n` }, 'the context comes through whole');
    assert.deepEqual(blocks[1], { info: 'js', content: 'alert(1)\n' });
    assert.deepEqual(blocks[2], { info: 'python', content: 'print(\n' }, 'an unclosed block is closed');
    assert.equal(blocks.length, 3);
    assert.match(text, /\n> Tokens: 120 in, 30 out\n/);
    assert.match(text, /\n> Error \(rate-limit\): Too many requests; wait 20 s\.\n/);
    assert.match(text, /\n> Stopped before the answer was complete\.\n$/);
    assert.match(text, /Selection: notes\.md:1-5 \(docs\/notes\.md\), lines 1-5, markdown\n````+markdown\n/);
  });

  it('takes every word from the strings it is given', () => {
    const russian: MarkdownExportStrings = {
      you: 'Вы',
      model: 'Модель',
      usage: (usage) => `Токены: ${usage.inputTokens ?? '?'} → ${usage.outputTokens ?? '?'}`,
      stopped: 'Остановлено.',
      error: (error) => `Ошибка: ${error.message}`,
      fallback: (from) => `Вместо ${from.model}`,
      cached: 'Из кэша.',
      contextHeader: (item) => `Фрагмент ${item.label}`,
    };
    const text = exportMarkdown(conversation(), russian);
    assert.deepEqual(headings(text).slice(1, 3), ['h2 Вы', 'h2 Модель: openai/gpt-4o']);
    assert.match(text, /> Токены: 120 → 30/);
    assert.match(text, /> Ошибка: Too many requests/);
    assert.match(text, /Фрагмент notes\.md:1-5\n/);
    assert.doesNotMatch(text, /\bYou\b|Tokens/);
  });

  it('keeps a title with Markdown syntax as plain text in one heading', () => {
    const c = { ...createConversation(), title: '# Fix *this* <b>bug</b>\nsecond line' };
    const text = exportMarkdown(c, englishMarkdownStrings);
    assert.deepEqual(headings(text), ['h1 # Fix *this* <b>bug</b> second line']);
  });

  it('fencedBlock: no content can end the block early (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('`', '~', 'a', ' ', '\n', '\\') }),
        fc.constantFrom('', 'ts', 'c++', 'evil`info x'),
        (text, info) => {
          const blocks = codeBlocks(fencedBlock(text, info));
          assert.equal(blocks.length, 1);
          assert.equal(blocks[0]?.content, text.endsWith('\n') ? text : `${text}\n`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('closeOpenFence: whatever an answer leaves open, text after it is outside any block (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', '~', 'a', ' ', '\n') }), (text) => {
        const closed = closeOpenFence(text);
        assert.ok(closed.startsWith(text));
        const after = tokens(`${closed}\n\nAFTER`);
        const last = after.filter((token) => token.type === 'inline').at(-1);
        assert.equal(last?.content, 'AFTER');
      }),
      { numRuns: 300 },
    );
  });
});
