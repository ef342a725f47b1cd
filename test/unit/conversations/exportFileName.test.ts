import * as assert from 'node:assert/strict';
import { exportFileName } from '../../../src/core/conversations/exportFileName';

describe('exportFileName', () => {
  it('turns runs of punctuation and spaces into single hyphens, trimmed at both ends', () => {
    assert.equal(exportFileName('  Why does  `fetch()` hang?? '), 'Why-does-fetch-hang.md');
  });

  it('keeps letters of any script', () => {
    assert.equal(exportFileName('Почему тест падает: 2 причины'), 'Почему-тест-падает-2-причины.md');
    assert.equal(exportFileName('테스트 실패 원인'), '테스트-실패-원인.md');
  });

  it('never offers a path: slashes, dots and drive letters become hyphens', () => {
    assert.equal(exportFileName('../../etc/passwd'), 'etc-passwd.md');
    assert.equal(exportFileName('C:\\Windows\\system32'), 'C-Windows-system32.md');
  });

  it('cuts long titles to 60 characters without leaving a hyphen at the end', () => {
    const name = exportFileName(`${'a'.repeat(59)} tail`);
    assert.equal(name, `${'a'.repeat(59)}.md`);
    assert.ok(exportFileName('word '.repeat(40)).length <= 63);
  });

  it('falls back to chat when nothing usable is left', () => {
    assert.equal(exportFileName('?!… ***'), 'chat.md');
    assert.equal(exportFileName(''), 'chat.md');
  });
});
