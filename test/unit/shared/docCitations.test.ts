// Comments cite only documents that live in this repository (docs/architecture.md): the README and docs/, or public
// documents by name. A reader who has only this repository must be able to follow every reference, so a comment
// may not point at the old product contract outside it, at a path on one machine, or at a relative path that
// climbs out of the repository; and every `docs/<name>.md` the code names must exist.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const repoRoot = path.resolve(__dirname, '../../..');
const scannedFolders = ['src', 'test', 'bench', 'scripts'];
const scannedRootFiles = ['esbuild.js', 'eslint.config.mjs'];
/** Generated output, not code: `npm run bench` rewrites it. */
const skippedFolders = new Set(['node_modules', 'results', 'dist', 'out']);
const scriptExtensions = ['.ts', '.tsx', '.js', '.mjs', '.cjs'];

/** The contract document that lived outside the repository, by its name (built so this file does not match itself). */
const outsideContract = new RegExp(`\\b${'SP'}EC\\b`);
/** References that only make sense next to this repository on one machine. */
const outsideReferences: readonly RegExp[] = [
  outsideContract,
  /\.\.\/shared\/SPEC/i,
  /\bseed 00\d\b/i, // the seed documents the project started from, which are not in the repository
  /(?:^|[\s`'"(])\/(?:work|home|root|Users)\/[\w.-]/,
];
const docCitation = /\bdocs\/([\w.-]+\.md)\b/g;
const relativePath = /(?:^|[\s`'"(])((?:\.\.\/)+[\w.@-][\w./@-]*)/g;

interface Comment {
  line: number;
  text: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return skippedFolders.has(name) ? [] : filesUnder(full);
    return [full];
  });
}

function scannedFiles(): string[] {
  return [
    ...scannedFolders.flatMap((folder) => filesUnder(path.join(repoRoot, folder))),
    ...scannedRootFiles.map((name) => path.join(repoRoot, name)),
  ].filter((file) => scriptExtensions.includes(path.extname(file)) || file.endsWith('.sh') || file.endsWith('.css'));
}

/** The comments of a TypeScript or JavaScript file, found by TypeScript's parser (so `//` inside strings, templates and regular expressions is not taken for one). */
export function scriptComments(text: string, fileName = 'file.ts'): Comment[] {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    false,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const seen = new Map<number, Comment>();
  const take = (ranges: ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.set(range.pos, { line: source.getLineAndCharacterOfPosition(range.pos).line + 1, text: text.slice(range.pos, range.end) });
    }
  };
  // Every run of trivia starts where a node starts or ends (before the first statement of a block, after the last
  // one before its `}`), and the comment ranges read from there take in every comment of the run.
  const visit = (node: ts.Node): void => {
    take(ts.getLeadingCommentRanges(text, node.pos));
    take(ts.getLeadingCommentRanges(text, node.end));
    take(ts.getTrailingCommentRanges(text, node.end));
    // An empty block (`catch { // gone already }`) has no child to start or end a run: read after its `{`.
    const start = node.kind === ts.SyntaxKind.SourceFile ? 0 : node.getStart(source);
    if (text[start] === '{') take(ts.getLeadingCommentRanges(text, start + 1));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...seen.values()].sort((a, b) => a.line - b.line);
}

function shellComments(text: string): Comment[] {
  return text.split('\n').flatMap((line, index) => {
    const hash = line.search(/(?:^|\s)#(?!!)/);
    return hash < 0 || line.startsWith('#!') ? [] : [{ line: index + 1, text: line.slice(hash) }];
  });
}

function cssComments(text: string): Comment[] {
  return [...text.matchAll(/\/\*[\s\S]*?\*\//g)].map((match) => ({ line: text.slice(0, match.index).split('\n').length, text: match[0] }));
}

const commentCache = new Map<string, Comment[]>();

function commentsOf(file: string): Comment[] {
  const cached = commentCache.get(file);
  if (cached !== undefined) return cached;
  const text = readFileSync(file, 'utf8');
  const comments = file.endsWith('.sh') ? shellComments(text) : file.endsWith('.css') ? cssComments(text) : scriptComments(text, file);
  commentCache.set(file, comments);
  return comments;
}

/** What is wrong with the references in one comment of `file` (empty when nothing is). */
export function badReferences(file: string, comment: string): string[] {
  const problems = outsideReferences
    .filter((pattern) => pattern.test(comment))
    .map((pattern) => `cites something outside the repository (${pattern.source})`);
  for (const match of comment.matchAll(relativePath)) {
    const target = path.resolve(path.dirname(file), match[1] ?? '');
    if (path.relative(repoRoot, target).startsWith('..')) problems.push(`names ${match[1]}, outside the repository`);
  }
  return problems;
}

function relative(file: string): string {
  return path.relative(repoRoot, file).split(path.sep).join('/');
}

describe('documents cited by the code', function () {
  // Parsing every file of the repository takes a few seconds on a busy machine.
  this.timeout(60_000);
  const files = scannedFiles();

  it('finds the files and their comments', () => {
    assert.ok(files.length > 100, `only ${files.length} files found under ${scannedFolders.join(', ')}`);
    assert.ok(files.some((file) => file.endsWith('.sh')));
    // The detector itself: a bad citation in a comment is found, the same text in a string or a template is not.
    const sample = `const a = 'see ../../../../elsewhere/X.md';\nconst b = \`http://x\${1}// not a comment\`;\n// the ${'SP'}EC section 4 rule\nconst c = /\\/\\//;\nfunction f() {\n  c.test(a);\n  // last in the block\n}\ntry { f(); } catch {\n  // gone already\n}\n`;
    const found = scriptComments(sample);
    assert.deepEqual(
      found.map((comment) => comment.line),
      [3, 7, 10],
    );
    assert.equal(badReferences(path.join(repoRoot, 'src/core/x.ts'), found[0]?.text ?? '').length, 1);
    assert.equal(badReferences(path.join(repoRoot, 'src/core/x.ts'), '// see ../../../outside/notes.md').length, 1);
    assert.deepEqual(badReferences(path.join(repoRoot, 'src/webview/x.ts'), '// see ../shared/webviewProtocol.ts and docs/chat.md'), []);
  });

  it('no comment cites a document or a path outside the repository', () => {
    const problems = files.flatMap((file) =>
      commentsOf(file).flatMap((comment) =>
        badReferences(file, comment.text).map(
          (problem) => `${relative(file)}:${comment.line} ${problem}: ${comment.text.split('\n')[0]?.slice(0, 120) ?? ''}`,
        ),
      ),
    );
    assert.deepEqual(problems, []);
  });

  it('no string, test name or message names the outside contract either', () => {
    const self = path.resolve(__filename);
    const problems = files
      .filter((file) => path.resolve(file) !== self)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) => (outsideContract.test(line) ? [`${relative(file)}:${index + 1}: ${line.trim().slice(0, 120)}`] : [])),
      );
    assert.deepEqual(problems, []);
  });

  it('every docs/*.md a comment cites exists', () => {
    const missing = files.flatMap((file) =>
      commentsOf(file)
        .flatMap((comment) => [...comment.text.matchAll(docCitation)].map((match) => match[1] ?? ''))
        .filter((name) => !existsSync(path.join(repoRoot, 'docs', name)))
        .map((name) => `${relative(file)} cites docs/${name}, which does not exist`),
    );
    assert.deepEqual([...new Set(missing)], []);
  });

  it('the README and docs/ point only at documents inside the repository', () => {
    const documents = [
      path.join(repoRoot, 'README.md'),
      ...readdirSync(path.join(repoRoot, 'docs')).map((name) => path.join(repoRoot, 'docs', name)),
    ];
    const problems = documents.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const outside = outsideReferences
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${relative(file)} cites something outside the repository (${pattern.source})`);
      const links = [...text.matchAll(/\]\(([^)#\s]+\.md)\)/g)]
        .map((match) => match[1] ?? '')
        .filter((link) => !/^https?:/.test(link) && !existsSync(path.resolve(path.dirname(file), link)))
        .map((link) => `${relative(file)} links to ${link}, which does not exist`);
      return [...outside, ...links];
    });
    assert.deepEqual(problems, []);
  });

  it('the README links relatively only to images in media/ that exist (they ship in the VSIX; other paths are code spans)', () => {
    // The package keeps relative links as they are (vsce --no-rewrite-relative-links): the editor's extension page
    // resolves them inside the installed extension, where only media/ ships (.vscodeignore), never docs/.
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const problems = [...readme.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)]
      .map((match) => ({ image: match[1] === '!', link: match[2] ?? '' }))
      .filter(({ link }) => !/^(https?:|mailto:|#)/.test(link))
      .filter(({ image, link }) => !image || !link.startsWith('media/') || !existsSync(path.join(repoRoot, link)))
      .map(({ link }) => link);
    assert.deepEqual(problems, []);
  });
});
