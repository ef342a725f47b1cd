import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FuzzyFileIndex, type FileIndexEntry } from '../../../src/core/context/fuzzyFileIndex';

const root = 'file:///home/user/project';
const entries = (paths: readonly string[], base = root, folderName?: string): FileIndexEntry[] =>
  paths.map((relativePath) => ({ uri: `${base}/${relativePath}`, relativePath, ...(folderName !== undefined ? { folderName } : {}) }));

describe('FuzzyFileIndex', () => {
  const index = new FuzzyFileIndex(
    entries([
      'src/a/p/p/t/s.ts',
      'src/app/tests/x.ts',
      'lib/application.ts',
      'src/app.ts',
      'test/app.test.ts',
      'src/core/context/readFolderContext.ts',
      'README.md',
      'package.json',
    ]),
  );

  it('ranks an exact file name above scattered and longer matches', () => {
    const results = index.query('app.ts', 10);
    assert.equal(results[0]?.uri, `${root}/src/app.ts`);
    assert.equal(results[0]?.kind, 'file');
    assert.equal(results[0]?.label, 'app.ts');
    assert.equal(results[0]?.description, 'src');
    assert.deepEqual(results[0]?.matches, [0, 1, 2, 3, 4, 5]);
    const scattered = results.findIndex((result) => result.uri === `${root}/src/a/p/p/t/s.ts`);
    assert.ok(scattered === -1 || scattered > 0);
  });

  it('derives the folders from the files, each once, with the URI of the file cut at that folder', () => {
    const folders = index.query('', 100).filter((result) => result.kind === 'folder');
    assert.deepEqual(folders.map((folder) => folder.uri).sort(), [
      `${root}/lib`,
      `${root}/src`,
      `${root}/src/a`,
      `${root}/src/a/p`,
      `${root}/src/a/p/p`,
      `${root}/src/a/p/p/t`,
      `${root}/src/app`,
      `${root}/src/app/tests`,
      `${root}/src/core`,
      `${root}/src/core/context`,
      `${root}/test`,
    ]);
    assert.equal(index.size, 8 + 11);
    const context = index.query('context', 1)[0];
    assert.deepEqual(context, {
      uri: `${root}/src/core/context`,
      kind: 'folder',
      label: 'context',
      description: 'src/core',
      matches: [0, 1, 2, 3, 4, 5, 6],
    });
  });

  it('keeps percent-encoded URIs intact when cutting a folder out of them', () => {
    const encoded = new FuzzyFileIndex([{ uri: 'file:///c%3A/My%20Project/docs%20old/read%20me.md', relativePath: 'docs old/read me.md' }]);
    const folder = encoded.query('docs', 5).find((result) => result.kind === 'folder');
    assert.equal(folder?.uri, 'file:///c%3A/My%20Project/docs%20old');
    assert.equal(folder?.label, 'docs old');
  });

  it('lists the shortest paths first for an empty query: the top level', () => {
    const top = index.query('', 5);
    assert.deepEqual(
      top.map((result) => `${result.kind}:${result.description === '' ? '' : `${result.description}/`}${result.label}`),
      ['folder:lib', 'folder:src', 'folder:test', 'file:README.md', 'file:package.json'],
    );
    assert.ok(top.every((result) => result.matches === undefined));
  });

  it('matches across the path, and gives the matched characters that fall in the name', () => {
    const [first] = index.query('core/readfolder', 3);
    assert.equal(first?.label, 'readFolderContext.ts');
    assert.deepEqual(first?.matches, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const none = index.query('zzzz', 5);
    assert.deepEqual(none, []);
  });

  it('names the workspace folder in the description in a multi-root workspace, and finds by it', () => {
    const multi = new FuzzyFileIndex([
      ...entries(['src/index.ts'], 'file:///projects/web', 'web'),
      ...entries(['src/index.ts', 'main.go'], 'file:///projects/api', 'api'),
    ]);
    const results = multi.query('index', 10).filter((result) => result.kind === 'file');
    assert.deepEqual(results.map((result) => result.description).sort(), ['api/src', 'web/src']);
    const [api] = multi.query('api index', 1);
    assert.equal(api?.uri, 'file:///projects/api/src/index.ts');
    const top = multi.query('main', 1)[0];
    assert.equal(top?.description, 'api');
  });

  it('returns at most `limit` suggestions and none for a limit of 0, and lists a URI given twice once', () => {
    assert.equal(index.query('s', 3).length, 3);
    assert.deepEqual(index.query('app', 0), []);
    const twice = new FuzzyFileIndex([...entries(['a.ts']), ...entries(['a.ts'])]);
    assert.equal(twice.size, 1);
  });

  it('ranks one character by names that start with it, then names that hold it, then paths, shortest first', () => {
    const results = index.query('r', 20);
    const names = results.map((result) => `${result.description === '' ? '' : `${result.description}/`}${result.label}`);
    assert.deepEqual(names.slice(0, 2), ['README.md', 'src/core/context/readFolderContext.ts']);
    assert.deepEqual(results[0]?.matches, [0]);
    // `src/core` holds an r in its name; a file under src/ whose name has no r comes after every name with one.
    const core = names.indexOf('src/core');
    const deepFile = names.indexOf('src/a/p/p/t/s.ts');
    assert.ok(core > 1 && (deepFile === -1 || deepFile > core), names.join(', '));
  });

  it('matches names first and fills up with path matches only when the names give too few', () => {
    const small = new FuzzyFileIndex(entries(['docs/guide.md', 'src/alpha/beta.ts', 'gamma.ts', 'src/betamax.ts']));
    // No name holds a-l-p-b-e in order; the path src/alpha/beta.ts does, and the part in the name is marked.
    const [byPath] = small.query('alpbe', 5);
    assert.equal(byPath?.uri, `${root}/src/alpha/beta.ts`);
    assert.deepEqual(byPath?.matches, [0, 1]);
    // A name match ranks above every path match.
    const byName = small.query('beta', 5);
    assert.deepEqual(
      byName.map((result) => result.label),
      ['beta.ts', 'betamax.ts'],
    );
  });

  it('answers a query the same whatever was typed before it (typing narrows from the last query only when it extends it)', () => {
    const paths = [
      'src/app.ts',
      'src/apps/main.ts',
      'src/api/index.ts',
      'docs/api.md',
      'test/app.test.ts',
      'lib/a/b/c.ts',
      'README.md',
      'src/Ärger.ts',
    ];
    const word = fc.string({ unit: fc.constantFrom('a', 'p', 's', 'i', 't', '/', ' ', '.', 'ä', 'R'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (queries) => {
        const typed = new FuzzyFileIndex(entries(paths));
        for (const query of queries) {
          const fresh = new FuzzyFileIndex(entries(paths));
          assert.deepEqual(typed.query(query, 5), fresh.query(query, 5), `after ${JSON.stringify(queries)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
