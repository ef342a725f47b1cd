// Where `switchboard.generateTests` puts the tests of a source file (docs/editor-commands.md): a file that follows the convention
// the project visibly uses, falling back to each language's usual one.
//
// Naming (the first is the default; the other is used when the project's test files mostly use it):
//   TypeScript / JavaScript  foo.test.ts | foo.spec.ts (same extension as the source)
//   Python                   test_foo.py | foo_test.py
//   Go                       foo_test.go (always next to the source: it must be in the same package)
//   Rust                     none: unit tests go in the same file, in a `#[cfg(test)] mod tests`
//   Java, Kotlin             FooTest.java | FooTests.java (under src/test/… when the source is under src/main/…)
//   C#                       FooTests.cs | FooTest.cs
//   Ruby                     foo_spec.rb | foo_test.rb
//   PHP FooTest.php, Swift FooTests.swift, C/C++ foo_test.c(pp), Dart foo_test.dart, Elixir foo_test.exs,
//   anything else foo.test.<ext>.
// Evidence: the sibling file names count first (the folder's own habit), then the sample of project files.
//
// Folder: next to the source, unless the project visibly keeps tests elsewhere:
//   - a `__tests__` folder next to the source, or most of the project's test files in `__tests__` folders:
//     <folder>/__tests__/<name>;
//   - most of the project's test files under a `test`, `tests` or `spec` folder (or a test project such as
//     `App.Tests`): the same place relative to it as the project's existing pairs show (src/core/x/a.ts ↔
//     test/unit/x/a.test.ts teaches src/core → test/unit; sources are learned from the project files and the
//     siblings, so a sample of test files only is enough once a sibling has tests); or else that folder,
//     mirroring the source's folders below `src`/`lib`/`app`. A flat test folder (all its tests directly in it)
//     stays flat.
// An existing test file for the same source is proposed as it is (exists: true): adding to it is usually better
// than a second file; pickFreeTestFilePath gives a fresh name when a new file is wanted.
import * as path from 'node:path';

export type TestFilePlan =
  | {
      kind: 'new-file';
      /** Workspace-relative (like sourcePath), with `/` separators. */
      path: string;
      /** The file is among the siblings or project files given (so it exists, as far as they tell). */
      exists: boolean;
      /** How the name and folder were chosen, e.g. "foo.spec.ts next to the source, like the tests beside it". */
      convention: string;
    }
  | { kind: 'same-file'; reason: string };

interface NamingStyle {
  /** The test file name for a source stem. */
  name(stem: string, extension: string): string;
  /** The stem a test file name is for, or undefined when it is not a test file of this style. */
  stemOf(fileName: string): string | undefined;
}

interface Family {
  extensions: readonly string[];
  styles: readonly NamingStyle[];
  /** The test file's extension when it differs from the source's (Elixir tests are scripts). */
  testExtension?: (sourceExtension: string) => string;
  /** Tests must sit next to the source (Go). */
  sameFolder?: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const extensionPattern = (extensions: readonly string[]) => `(?:${extensions.map(escape).join('|')})`;
const capitalize = (stem: string) => stem.charAt(0).toUpperCase() + stem.slice(1);

function style(
  make: (stem: string, extension: string) => string,
  pattern: (extensions: string) => RegExp,
  extensions: readonly string[],
): NamingStyle {
  const regex = pattern(extensionPattern(extensions));
  return { name: make, stemOf: (fileName) => regex.exec(fileName)?.[1] };
}

const jsExtensions = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const cExtensions = ['.c', '.cc', '.cpp', '.cxx', '.h', '.hh', '.hpp'];

const families: readonly Family[] = [
  {
    extensions: jsExtensions,
    styles: [
      style(
        (stem, ext) => `${stem}.test${ext}`,
        (ext) => new RegExp(`^(.+)\\.test${ext}$`),
        jsExtensions,
      ),
      style(
        (stem, ext) => `${stem}.spec${ext}`,
        (ext) => new RegExp(`^(.+)\\.spec${ext}$`),
        jsExtensions,
      ),
    ],
  },
  {
    extensions: ['.py'],
    styles: [
      style(
        (stem) => `test_${stem}.py`,
        () => /^test_(.+)\.py$/,
        ['.py'],
      ),
      style(
        (stem) => `${stem}_test.py`,
        () => /^(.+)_test\.py$/,
        ['.py'],
      ),
    ],
  },
  {
    extensions: ['.go'],
    sameFolder: true,
    styles: [
      style(
        (stem) => `${stem}_test.go`,
        () => /^(.+)_test\.go$/,
        ['.go'],
      ),
    ],
  },
  ...(['.java', '.kt'] as const).map((extension): Family => ({
    extensions: [extension],
    styles: [
      style(
        (stem) => `${capitalize(stem)}Test${extension}`,
        () => new RegExp(`^(.+)Test${escape(extension)}$`),
        [extension],
      ),
      style(
        (stem) => `${capitalize(stem)}Tests${extension}`,
        () => new RegExp(`^(.+)Tests${escape(extension)}$`),
        [extension],
      ),
    ],
  })),
  {
    extensions: ['.cs'],
    styles: [
      style(
        (stem) => `${capitalize(stem)}Tests.cs`,
        () => /^(.+)Tests\.cs$/,
        ['.cs'],
      ),
      style(
        (stem) => `${capitalize(stem)}Test.cs`,
        () => /^(.+)Test\.cs$/,
        ['.cs'],
      ),
    ],
  },
  {
    extensions: ['.rb'],
    styles: [
      style(
        (stem) => `${stem}_spec.rb`,
        () => /^(.+)_spec\.rb$/,
        ['.rb'],
      ),
      style(
        (stem) => `${stem}_test.rb`,
        () => /^(.+)_test\.rb$/,
        ['.rb'],
      ),
    ],
  },
  {
    extensions: ['.php'],
    styles: [
      style(
        (stem) => `${capitalize(stem)}Test.php`,
        () => /^(.+)Test\.php$/,
        ['.php'],
      ),
    ],
  },
  {
    extensions: ['.swift'],
    styles: [
      style(
        (stem) => `${capitalize(stem)}Tests.swift`,
        () => /^(.+)Tests\.swift$/,
        ['.swift'],
      ),
    ],
  },
  {
    extensions: cExtensions,
    // A header's tests are compiled code: foo.h → foo_test.c, foo.hpp → foo_test.cpp.
    testExtension: (ext) => (ext === '.h' ? '.c' : ext === '.hh' || ext === '.hpp' ? '.cpp' : ext),
    styles: [
      style(
        (stem, ext) => `${stem}_test${ext}`,
        (ext) => new RegExp(`^(.+)_test${ext}$`),
        cExtensions,
      ),
      style(
        (stem, ext) => `test_${stem}${ext}`,
        (ext) => new RegExp(`^test_(.+)${ext}$`),
        cExtensions,
      ),
    ],
  },
  {
    extensions: ['.dart'],
    styles: [
      style(
        (stem) => `${stem}_test.dart`,
        () => /^(.+)_test\.dart$/,
        ['.dart'],
      ),
    ],
  },
  {
    extensions: ['.ex', '.exs'],
    testExtension: () => '.exs',
    styles: [
      style(
        (stem) => `${stem}_test.exs`,
        () => /^(.+)_test\.exs$/,
        ['.exs'],
      ),
    ],
  },
];

const testTreeNames = new Set(['test', 'tests', 'spec', 'specs']);

/** `test`, `tests`, `spec`, `specs`, or a test project such as `MyApp.Tests` or `unit_tests`. */
function isTestTree(segment: string): boolean {
  return testTreeNames.has(segment.toLowerCase()) || /[._-](?:tests?|specs?)$/i.test(segment);
}
const sourceRootNames = new Set(['src', 'lib', 'app', 'source', 'sources']);

export function proposeTestFilePath(sourcePath: string, siblings: readonly string[], projectFiles: readonly string[] = []): TestFilePlan {
  const source = normalize(sourcePath);
  const directory = dirOf(source);
  const extension = path.posix.extname(source);
  const stem = path.posix.basename(source, extension);

  if (extension === '.rs') {
    return {
      kind: 'same-file',
      reason:
        "Rust unit tests go in the same file, in a `#[cfg(test)] mod tests` module (integration tests go in the crate's tests/ folder).",
    };
  }

  const family = families.find((candidate) => candidate.extensions.includes(extension)) ?? genericFamily(extension);
  const testExtension = family.testExtension?.(extension) ?? extension;
  const files = projectFiles.map(normalize);
  const siblingNames = siblings.map((name) => path.posix.basename(normalize(name)));
  const chosenStyle = pickStyle(family, siblingNames, files);
  const nameFor = (naming: NamingStyle) => naming.name(stem, testExtension);
  const known = new Set(files);

  // An existing test file for this very source, in `folder`, in any of the family's styles.
  const existingIn = (folder: string, names: ReadonlySet<string>): NamingStyle | undefined =>
    [chosenStyle.style, ...family.styles].find((naming) => names.has(nameFor(naming)) || known.has(join(folder, nameFor(naming))));

  const proposal = (folder: string, where: string, names: ReadonlySet<string>, plainName = false): TestFilePlan => {
    if (plainName) {
      const name = `${stem}${testExtension}`;
      return {
        kind: 'new-file',
        path: join(folder, name),
        exists: names.has(name) || known.has(join(folder, name)),
        convention: `${name} ${where}`,
      };
    }
    const existing = existingIn(folder, names);
    const naming = existing ?? chosenStyle.style;
    const name = nameFor(naming);
    const why = existing !== undefined ? ' (it exists already)' : chosenStyle.evidence;
    return { kind: 'new-file', path: join(folder, name), exists: existing !== undefined, convention: `${name} ${where}${why}` };
  };

  const siblingSet = new Set(siblingNames);
  if (family.sameFolder === true) return proposal(directory, 'next to the source', siblingSet);

  // Maven and Gradle keep tests in src/test/<language>/ mirroring src/main/<language>/: the path itself shows it.
  const maven = /(^|\/)src\/main\/(java|kotlin)(\/|$)/.exec(directory);
  if (maven !== null && (extension === '.java' || extension === '.kt')) {
    const folder = directory.replace(/(^|\/)src\/main\//, '$1src/test/');
    return proposal(folder, 'in src/test (the Maven/Gradle layout)', filesIn(files, folder));
  }

  const testFiles = files.filter((file) => family.styles.some((naming) => naming.stemOf(path.posix.basename(file)) !== undefined));
  const inJestFolders = files.filter(
    (file) => family.extensions.includes(path.posix.extname(file)) && dirOf(file).split('/').includes('__tests__'),
  );
  const besideSources = testFiles.filter(
    (file) =>
      !dirOf(file)
        .split('/')
        .some((segment) => segment === '__tests__' || isTestTree(segment)),
  );
  const inTestTrees = testFiles.filter((file) => !dirOf(file).split('/').includes('__tests__') && dirOf(file).split('/').some(isTestTree));

  if (
    siblingSet.has('__tests__') ||
    (inJestFolders.length > besideSources.length && inJestFolders.length >= inTestTrees.length && inJestFolders.length > 0)
  ) {
    const folder = join(directory, '__tests__');
    // Jest runs every file in __tests__: many projects name them like the source, without .test.
    const plain = inJestFolders.filter(
      (file) => !family.styles.some((naming) => naming.stemOf(path.posix.basename(file)) !== undefined),
    ).length;
    return proposal(
      folder,
      "in a __tests__ folder next to the source, like the project's tests",
      filesIn(files, folder),
      plain * 2 > inJestFolders.length,
    );
  }

  if (inTestTrees.length > besideSources.length) {
    // The siblings are sources too: a sibling's test in the tree shows where this folder's tests go.
    const sources = [...files, ...siblingNames.map((name) => join(directory, name))];
    const folder = testTreeFolder(directory, inTestTrees, sources, family);
    return proposal(folder, `in ${folder || 'the workspace root'}, where the project keeps its tests`, filesIn(files, folder));
  }

  return proposal(directory, 'next to the source', siblingSet);
}

/**
 * A free variant of a test file path, for when `testPath` is taken: a number goes before the test marker so the
 * name still matches the test runner's pattern — foo.test.ts → foo.2.test.ts, test_foo.py → test_foo_2.py,
 * foo_test.go → foo_2_test.go, FooTest.java → Foo2Test.java; anything else foo.ts → foo.2.ts.
 */
export function pickFreeTestFilePath(testPath: string, isTaken: (candidate: string) => boolean, maxAttempts = 1000): string | undefined {
  const normalized = normalize(testPath);
  if (!isTaken(normalized)) return normalized;
  const folder = dirOf(normalized);
  const name = path.posix.basename(normalized);
  for (let n = 2; n < maxAttempts + 2; n += 1) {
    const candidate = join(folder, numbered(name, n));
    if (!isTaken(candidate)) return candidate;
  }
  return undefined;
}

function numbered(name: string, n: number): string {
  const patterns: ReadonlyArray<[RegExp, string]> = [
    [/^(.+)(\.(?:test|spec)\.[^.]+)$/, `$1.${n}$2`],
    [/^(test_.+)(\.[^.]+)$/, `$1_${n}$2`],
    [/^(.+)(_(?:test|spec)\.[^.]+)$/, `$1_${n}$2`],
    [/^(.+)((?:Tests?|Spec)\.[^.]+)$/, `$1${n}$2`],
    [/^(.+)(\.[^.]+)$/, `$1.${n}$2`],
  ];
  for (const [pattern, replacement] of patterns) if (pattern.test(name)) return name.replace(pattern, replacement);
  return `${name}.${n}`;
}

function genericFamily(extension: string): Family {
  const ext = extension === '' ? [''] : [extension];
  return {
    extensions: ext,
    styles: [
      style(
        (stem, e) => `${stem}.test${e}`,
        (e) => new RegExp(`^(.+)\\.test${e}$`),
        ext,
      ),
    ],
  };
}

/** The family's style the evidence favours: siblings first, then the project sample, else the default. */
function pickStyle(family: Family, siblings: readonly string[], files: readonly string[]): { style: NamingStyle; evidence: string } {
  const defaultStyle = family.styles[0] as NamingStyle;
  for (const [names, evidence] of [
    [siblings, ', named like the tests beside it'],
    [files.map((file) => path.posix.basename(file)), ", named like the project's tests"],
  ] as const) {
    let best: { style: NamingStyle; count: number } | undefined;
    for (const naming of family.styles) {
      const count = names.filter((name) => naming.stemOf(name) !== undefined).length;
      if (count > 0 && (best === undefined || count > best.count)) best = { style: naming, count };
    }
    if (best !== undefined) return { style: best.style, evidence };
  }
  return { style: defaultStyle, evidence: family.styles.length > 1 ? ' (the usual convention; the project shows none)' : '' };
}

/** Where in the project's test tree the tests of a source in `directory` go (see the header comment). */
function testTreeFolder(directory: string, testFiles: readonly string[], files: readonly string[], family: Family): string {
  // Learn "source prefix → test prefix" from test files whose source is known too (in the sample or a sibling).
  const votes = new Map<string, { from: string; to: string; count: number }>();
  const sources = [...new Set(files)].filter((file) => family.extensions.includes(path.posix.extname(file)) && !testFiles.includes(file));
  for (const testFile of testFiles) {
    const name = path.posix.basename(testFile);
    const stem = family.styles.map((naming) => naming.stemOf(name)).find((found) => found !== undefined);
    if (stem === undefined) continue;
    for (const sourceFile of sources) {
      if (path.posix.basename(sourceFile, path.posix.extname(sourceFile)) !== stem) continue;
      const mapping = stripCommonTail(segments(dirOf(sourceFile)), segments(dirOf(testFile)));
      const key = `${mapping.from}\u0000${mapping.to}`;
      const vote = votes.get(key) ?? { ...mapping, count: 0 };
      vote.count += 1;
      votes.set(key, vote);
    }
  }
  const applicable = [...votes.values()]
    .filter((vote) => isUnder(directory, vote.from))
    .sort((a, b) => b.from.length - a.from.length || b.count - a.count);
  const mapping = applicable[0];
  if (mapping !== undefined) {
    // A flat test folder stays flat: its tests do not mirror the source folders.
    const under = testFiles.filter((file) => isUnder(dirOf(file), mapping.to));
    if (under.length > 1 && under.every((file) => dirOf(file) === mapping.to)) return mapping.to;
    return join(mapping.to, relativeTo(directory, mapping.from));
  }

  // No pair to learn from: the test folder closest to the source, mirroring below src/lib/app unless it is flat.
  const roots = new Map<string, { root: string; count: number; flat: boolean }>();
  for (const testFile of testFiles) {
    const parts = segments(dirOf(testFile));
    const at = parts.findIndex(isTestTree);
    const root = parts.slice(0, at + 1).join('/');
    const entry = roots.get(root) ?? { root, count: 0, flat: true };
    entry.count += 1;
    if (parts.length > at + 1) entry.flat = false;
    roots.set(root, entry);
  }
  const best = [...roots.values()].sort(
    (a, b) => sharedPrefixLength(directory, b.root) - sharedPrefixLength(directory, a.root) || b.count - a.count,
  )[0];
  if (best === undefined) return directory;
  if (best.flat) return best.root;
  const parent = dirOf(best.root);
  const below = segments(isUnder(directory, parent) ? relativeTo(directory, parent) : directory);
  if (below.length > 0 && sourceRootNames.has(below[0] ?? '')) below.shift();
  return join(best.root, below.join('/'));
}

/** Removes the folders both paths end with: src/core/x ↔ test/unit/x → src/core ↔ test/unit. */
function stripCommonTail(from: string[], to: string[]): { from: string; to: string } {
  const a = [...from];
  const b = [...to];
  while (a.length > 0 && b.length > 0 && a[a.length - 1] === b[b.length - 1]) {
    a.pop();
    b.pop();
  }
  return { from: a.join('/'), to: b.join('/') };
}

function sharedPrefixLength(a: string, b: string): number {
  const x = segments(a);
  const y = segments(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n += 1;
  return n;
}

function filesIn(files: readonly string[], folder: string): Set<string> {
  return new Set(files.filter((file) => dirOf(file) === folder).map((file) => path.posix.basename(file)));
}

function isUnder(directory: string, prefix: string): boolean {
  return prefix === '' || directory === prefix || directory.startsWith(`${prefix}/`);
}

function relativeTo(directory: string, prefix: string): string {
  if (prefix === '') return directory;
  return directory === prefix ? '' : directory.slice(prefix.length + 1);
}

function segments(directory: string): string[] {
  return directory === '' ? [] : directory.split('/');
}

function dirOf(file: string): string {
  const directory = path.posix.dirname(file);
  return directory === '.' ? '' : directory;
}

function join(folder: string, name: string): string {
  if (folder === '') return name;
  if (name === '') return folder;
  return `${folder}/${name}`;
}

function normalize(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/\/{2,}/g, '/');
}
