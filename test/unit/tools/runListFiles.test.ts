// list_files on a real folder: what git would track (nested .gitignore, .git/info/exclude), never .git, links not
// followed, excluded files named as such, globs by name and by path, and the caps with their notes.
import * as assert from 'node:assert/strict';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';
import { runListFiles } from '../../../src/core/tools/runListFiles';
import type { ToolWorkspace } from '../../../src/core/tools/toolWorkspace';
import { TempWorkspace } from '../context/tempWorkspace';

describe('list_files', () => {
  let root: TempWorkspace;
  let workspace: ToolWorkspace;

  beforeEach(() => {
    root = new TempWorkspace();
    root.write('.gitignore', 'dist/\n*.log\n');
    root.write('.git/info/exclude', 'local-only.txt\n');
    root.write('.git/config', '[core]\n');
    root.write('README.md', '# hi\n');
    root.write('local-only.txt', 'mine\n');
    root.write('debug.log', 'noise\n');
    root.write('dist/bundle.js', 'built\n');
    root.write('src/app.ts', 'export const app = 1;\n');
    root.write('src/util/strings.ts', 'export {};\n');
    root.write('src/generated/.gitignore', '*.gen.ts\n!keep.gen.ts\n');
    root.write('src/generated/a.gen.ts', 'x\n');
    root.write('src/generated/keep.gen.ts', 'x\n');
    root.write('.env', 'SECRET=1\n');
    root.write('docs/guide.md', '# guide\n');
    if (process.platform !== 'win32') root.link('src/link-to-readme.md', '../README.md');
    workspace = { folders: [{ name: 'w', path: root.root }], exclusion: createContextExclusion(defaultContextExclude) };
  });
  afterEach(() => root.remove());

  it('lists what git tracks, with sizes, the excluded named as such, links not followed', async () => {
    const outcome = await runListFiles({}, workspace);
    assert.equal(outcome.isError, false);
    const expected = [
      'README.md (5 bytes)',
      'docs/guide.md (8 bytes)',
      '.env (excluded: switchboard.context.exclude)',
      '.gitignore (12 bytes)',
      'src/app.ts (22 bytes)',
      'src/generated/.gitignore (22 bytes)',
      'src/generated/keep.gen.ts (2 bytes)',
      'src/util/strings.ts (11 bytes)',
      ...(process.platform !== 'win32' ? ['src/link-to-readme.md (link, not followed)'] : []),
    ].sort((a, b) => (a < b ? -1 : 1));
    assert.deepEqual(outcome.content.split('\n'), [`${expected.length} files in the workspace:`, ...expected]);
    assert.doesNotMatch(outcome.content, /\.git\/|dist|debug\.log|local-only|a\.gen\.ts/);
  });

  it('filters by a glob on the name at any depth, or on the path, and lists one folder', async () => {
    const links = process.platform !== 'win32' ? ['src/link-to-readme.md (link, not followed)'] : [];
    assert.deepEqual((await runListFiles({ glob: '*.MD' }, workspace)).content.split('\n'), [
      `${2 + links.length} files in the workspace matching *.MD:`,
      'README.md (5 bytes)',
      'docs/guide.md (8 bytes)',
      ...links,
    ]);
    assert.deepEqual((await runListFiles({ glob: 'src/**/*.ts' }, workspace)).content.split('\n'), [
      '3 files in the workspace matching src/**/*.ts:',
      'src/app.ts (22 bytes)',
      'src/generated/keep.gen.ts (2 bytes)',
      'src/util/strings.ts (11 bytes)',
    ]);
    assert.deepEqual((await runListFiles({ folder: 'src', glob: 'util/*.ts' }, workspace)).content.split('\n'), [
      '1 file in src matching util/*.ts:',
      'src/util/strings.ts (11 bytes)',
    ]);
    assert.equal((await runListFiles({ glob: '*.rs' }, workspace)).content, 'No files in the workspace matching *.rs.');
  });

  it('lists a folder .gitignore ignores when asked for it by name, and refuses one outside, in .git or not a folder', async () => {
    assert.deepEqual((await runListFiles({ folder: 'dist' }, workspace)).content.split('\n'), [
      '1 file in dist:',
      'dist/bundle.js (6 bytes)',
    ]);
    assert.equal((await runListFiles({ folder: '../..' }, workspace)).note?.id, 'tool.path.escapes');
    assert.equal((await runListFiles({ folder: '.git' }, workspace)).note?.id, 'tool.path.git');
    assert.equal((await runListFiles({ folder: 'README.md' }, workspace)).note?.id, 'tool.path.notFolder');
    assert.equal((await runListFiles({ folder: 'nowhere' }, workspace)).note?.id, 'tool.path.missing');
  });

  it('names at most maxListed files and stops walking at maxWalkEntries, saying so', async () => {
    for (let index = 0; index < 30; index++) root.write(`many/file-${String(index).padStart(2, '0')}.txt`, 'x');
    const listed = await runListFiles({ folder: 'many' }, workspace, { limits: { maxListed: 5 } });
    const lines = listed.content.split('\n');
    assert.equal(lines[0], '30 files in many; the first 5 by path:');
    assert.equal(lines.length, 1 + 5 + 1);
    assert.equal(lines.at(-1), '[only 5 files are listed: narrow it with folder or glob]');
    assert.deepEqual(listed.note, { id: 'tool.list.capped', params: { count: 5, total: 30 } });

    const walked = await runListFiles({ folder: 'many' }, workspace, { limits: { maxWalkEntries: 10 } });
    assert.match(walked.content, /^at least 10 files in many:/);
    assert.match(walked.content, /\[the walk stopped after looking at 10 entries: narrow it with folder or glob\]$/);
    assert.deepEqual(walked.note, { id: 'tool.list.walkCapped', params: { count: 10 } });
  });
});
