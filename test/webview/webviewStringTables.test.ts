// The chat view's strings beyond English ship as l10n/webview.<lang>.json, read by the extension into the webview
// document (src/core/webviewDocument.ts) and by the view over its built-in English (src/webview/webviewStrings.ts).
// Every shipped table has exactly the English keys, each a non-empty string with the English placeholders; and the
// view keeps English for whatever a table leaves out or gets wrong. (Plain Node, no browser: it sits with the webview
// tests because unit tests do not import src/webview.)
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readWebviewStringTable } from '../../src/core/webviewDocument';
import { englishStrings, placeholdersOf, readWebviewStrings } from '../../src/webview/webviewStrings';

const l10nDir = path.resolve(__dirname, '..', '..', 'l10n');
const tables = readdirSync(l10nDir).filter((file) => /^webview\.[a-z-]+\.json$/.test(file));

/** A document holding `text` as the strings block, as far as readWebviewStrings looks at it. */
function documentWith(text: string | undefined): Document {
  return { getElementById: (id: string) => (id === 'strings' && text !== undefined ? { textContent: text } : null) } as unknown as Document;
}

describe('the chat view string tables', () => {
  it('ships Russian', () => {
    assert.ok(tables.includes('webview.ru.json'), tables.join(', '));
  });

  for (const file of tables) {
    it(`${file} has exactly the English keys, each translated, with the English placeholders`, () => {
      const table = JSON.parse(readFileSync(path.join(l10nDir, file), 'utf8')) as Record<string, unknown>;
      const english = Object.keys(englishStrings).sort();
      assert.deepEqual(
        english.filter((key) => !(key in table)),
        [],
        'keys missing',
      );
      assert.deepEqual(
        Object.keys(table).filter((key) => !(key in englishStrings)),
        [],
        'keys English does not have',
      );
      for (const [key, value] of Object.entries(table)) {
        assert.equal(typeof value, 'string', key);
        assert.notEqual(value, '', key);
        assert.deepEqual(placeholdersOf(value as string), placeholdersOf(englishStrings[key as keyof typeof englishStrings]), key);
      }
    });
  }

  it('is read by the extension for the display language, its region falling back to the language', () => {
    const ru = readWebviewStringTable(l10nDir, 'ru');
    assert.equal(ru?.['send'], 'Отправить');
    assert.deepEqual(readWebviewStringTable(l10nDir, 'ru-RU'), ru);
    assert.equal(readWebviewStringTable(l10nDir, 'en'), undefined, 'English is built into the view');
    assert.equal(readWebviewStringTable(l10nDir, 'en-GB'), undefined);
    assert.equal(readWebviewStringTable(l10nDir, 'xx'), undefined, 'a language not shipped');
    assert.equal(readWebviewStringTable(l10nDir, '../l10n/webview.ru'), undefined, 'only a language tag names a file');
  });

  it('is read by the view over English: missing, non-string or misplaced-placeholder entries stay English', () => {
    const ignored: string[][] = [];
    const strings = readWebviewStrings(
      documentWith(JSON.stringify({ send: 'Отправить', stop: 42, removeContext: 'Убрать', applyTo: 'Применить к {path}' })),
      (keys) => ignored.push(keys),
    );
    assert.equal(strings.send, 'Отправить');
    assert.equal(strings.stop, englishStrings.stop);
    assert.equal(strings.removeContext, englishStrings.removeContext, 'the translation lost {0}');
    assert.equal(strings.applyTo, 'Применить к {path}');
    assert.ok(ignored[0]?.includes('stop') && ignored[0].includes('removeContext') && ignored[0].includes('emptyTitle'));
    assert.ok(!ignored[0]?.includes('send'));
  });

  it('is English in the view when the document has no table, or one that is not a JSON object', () => {
    assert.deepEqual(readWebviewStrings(documentWith(undefined)), englishStrings);
    const problems: string[][] = [];
    assert.deepEqual(
      readWebviewStrings(documentWith('{"send": '), (keys) => problems.push(keys)),
      englishStrings,
    );
    assert.deepEqual(
      readWebviewStrings(documentWith('["Отправить"]'), (keys) => problems.push(keys)),
      englishStrings,
    );
    assert.equal(problems.length, 2);
  });
});
