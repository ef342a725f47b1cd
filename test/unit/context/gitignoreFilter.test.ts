// The .gitignore filter against git itself: a real repository in a temporary folder, and `git ls-files` saying which
// untracked files git ignores (gitignore(5), with nested files, negations and ignored folders).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createGitignoreFilter } from '../../../src/core/context/gitignoreFilter';
import { TempWorkspace } from './tempWorkspace';

function git(cwd: string, ...args: string[]): string[] {
  const output = execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8' });
  return output.split('\n').filter((line) => line !== '');
}

describe('createGitignoreFilter', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.remove());

  const readFrom = (relative: string): Promise<string> => fs.promises.readFile(ws.abs(relative), 'utf8');

  it('ignores exactly the files git ignores, nested .gitignore files and negations included', async () => {
    const files: Record<string, string> = {
      '.gitignore': ['node_modules/', '*.log', '/build', 'docs/**/*.tmp', '!important.log', 'cache', ''].join('\n'),
      'app/.gitignore': ['generated/', '!keep.tmp', 'local-*', '/only-here.txt', '!debug.log'].join('\n'),
      'app/src/main.ts': '',
      'app/src/build/x.ts': '',
      'app/generated/api.ts': '',
      'app/generated/.gitignore': '!api.ts\n',
      'app/local-settings.json': '',
      'app/only-here.txt': '',
      'app/sub/only-here.txt': '',
      'app/debug.log': '',
      'app/trace.log': '',
      'build/out.js': '',
      'lib/build/out.js': '',
      'node_modules/pkg/index.js': '',
      'node_modules/pkg/.gitignore': '!*\n',
      'docs/a/b/notes.tmp': '',
      'docs/keep.tmp': '',
      'important.log': '',
      'server.log': '',
      'cache/data.bin': '',
      'src/cache': '',
      'README.md': '',
      'excluded-by-info.txt': '',
    };
    for (const [file, content] of Object.entries(files)) ws.write(file, content);
    git(ws.root, 'init', '-q');
    fs.writeFileSync(ws.abs('.git/info/exclude'), 'excluded-by-info.txt\n');

    const ignoredByGit = new Set(git(ws.root, 'ls-files', '--others', '--ignored', '--exclude-standard'));
    const keptByGit = new Set(git(ws.root, 'ls-files', '--others', '--exclude-standard'));
    // The fixture has both kinds, and git has an answer for every file.
    assert.ok(ignoredByGit.size >= 8 && keptByGit.size >= 6, `${ignoredByGit.size} ignored, ${keptByGit.size} kept`);
    assert.equal(ignoredByGit.size + keptByGit.size, Object.keys(files).length);

    const reads: string[] = [];
    const filter = await createGitignoreFilter(Object.keys(files), (relative) => {
      reads.push(relative);
      return readFrom(relative);
    });
    for (const file of Object.keys(files)) {
      assert.equal(
        filter.ignores(file, false),
        ignoredByGit.has(file),
        `${file}: git says ${ignoredByGit.has(file) ? 'ignored' : 'not ignored'}`,
      );
    }
    // A .gitignore inside an ignored folder is never read: git does not look inside one.
    assert.ok(!reads.includes('node_modules/pkg/.gitignore'));
    assert.ok(!reads.includes('app/generated/.gitignore'));
    assert.ok(reads.includes('app/.gitignore'));
  });

  it('judges folders with isDirectory (a trailing-slash rule matches only folders)', async () => {
    ws.write('.gitignore', 'out/\n');
    const filter = await createGitignoreFilter(['.gitignore'], readFrom);
    assert.equal(filter.ignores('out', true), true);
    assert.equal(filter.ignores('out', false), false);
    assert.equal(filter.ignores('src/out', true), true);
    assert.equal(filter.ignores('out/a.js', false), true);
  });

  it('reads the root .gitignore even when the file list leaves it out, and takes Windows separators', async () => {
    ws.write('.gitignore', '*.tmp\n');
    const filter = await createGitignoreFilter([], readFrom);
    assert.equal(filter.ignores('a\\b.tmp', false), true);
    assert.equal(filter.ignores('a/b.ts', false), false);
  });

  it('treats a .gitignore that cannot be read as having no rules, and ignores nothing without any', async () => {
    const failing = await createGitignoreFilter(['.gitignore', 'sub/.gitignore'], () => Promise.reject(new Error('EACCES')));
    assert.equal(failing.ignores('sub/a.log', false), false);
    const none = await createGitignoreFilter(['src/a.ts'], async () => undefined);
    assert.equal(none.ignores('src/a.ts', false), false);
    assert.equal(none.ignores('', true), false);
  });
});
