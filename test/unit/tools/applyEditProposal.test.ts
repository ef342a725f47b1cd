// The text a propose_edit call proposes for the review: a whole new content, or one exact occurrence replaced;
// anything else is the model's error to fix, worded so it can.
import * as assert from 'node:assert/strict';
import { applyEditProposal, proposalTargetRefusal } from '../../../src/core/tools/applyEditProposal';

const file = 'export function add(a, b) {\n  return a - b;\n}\n\nexport function sub(a, b) {\n  return a - b;\n}\n';

describe('applyEditProposal', () => {
  it('replaces the one occurrence of the search text, or takes the whole content', () => {
    assert.deepEqual(
      applyEditProposal(file, { path: 'm.js', search: 'add(a, b) {\n  return a - b;', replace: 'add(a, b) {\n  return a + b;' }, 'm.js'),
      {
        ok: true,
        text: file.replace('add(a, b) {\n  return a - b;', 'add(a, b) {\n  return a + b;'),
      },
    );
    assert.deepEqual(applyEditProposal(file, { path: 'm.js', content: 'new\n' }, 'm.js'), { ok: true, text: 'new\n' });
    assert.deepEqual(
      applyEditProposal(file, { path: 'm.js', search: '\nexport function sub(a, b) {\n  return a - b;\n}\n', replace: '' }, 'm.js'),
      {
        ok: true,
        text: 'export function add(a, b) {\n  return a - b;\n}\n',
      },
    );
  });

  it('refuses a search text that is missing or not unique, saying what to do', () => {
    assert.deepEqual(applyEditProposal(file, { path: 'm.js', search: 'return a * b;', replace: 'x' }, 'src/m.js'), {
      ok: false,
      refusal: {
        content: 'The search text was not found in src/m.js. Read the file again and copy the lines to replace exactly, spaces included.',
        isError: true,
        note: { id: 'tool.edit.notFound', params: { path: 'src/m.js' } },
      },
    });
    const twice = applyEditProposal(file, { path: 'm.js', search: '  return a - b;', replace: 'x' }, 'src/m.js');
    assert.ok(!twice.ok);
    assert.equal(
      twice.refusal.content,
      'The search text occurs 2 times in src/m.js. Include more of the lines around it so that it occurs once.',
    );
  });

  it('matches a search written with \\n in a file with Windows line breaks, and keeps them', () => {
    const crlf = file.replace(/\n/g, '\r\n');
    const edited = applyEditProposal(
      crlf,
      { path: 'm.js', search: 'add(a, b) {\n  return a - b;', replace: 'add(a, b) {\n  // sum\n  return a + b;' },
      'm.js',
    );
    assert.ok(edited.ok);
    assert.equal(edited.text, crlf.replace('add(a, b) {\r\n  return a - b;', 'add(a, b) {\r\n  // sum\r\n  return a + b;'));
    assert.doesNotMatch(edited.text, /[^\r]\n/);
  });

  it('checks the target: an edit needs the file, a new file must not exist', () => {
    assert.equal(proposalTargetRefusal('propose_edit', { exists: true, displayPath: 'a.ts' }), undefined);
    assert.equal(proposalTargetRefusal('propose_edit', { exists: false, displayPath: 'a.ts' })?.note?.id, 'tool.edit.missingFile');
    assert.equal(proposalTargetRefusal('create_file', { exists: false, displayPath: 'a.ts' }), undefined);
    assert.deepEqual(proposalTargetRefusal('create_file', { exists: true, displayPath: 'a.ts' }), {
      content: 'a.ts already exists: a change to it is proposed with propose_edit.',
      isError: true,
      note: { id: 'tool.create.exists', params: { path: 'a.ts' } },
    });
  });
});
