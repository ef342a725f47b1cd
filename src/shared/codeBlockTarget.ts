// Which file a code block of an answer is for, when the answer says so (docs/chat.md, "Applying code"). Models name
// the file in the forms people write: after the language in the fence's info string (```ts src/util/date.ts,
// ```ts:src/util/date.ts, ```ts title="src/util/date.ts", ```ts filename=src/util/date.ts, or the path alone),
// or in a first-line comment (// src/util/date.ts, # file: app.py, <!-- path: index.html -->, a C block comment).
// Shared by the webview (the block's toolbar shows the file, "Apply all" counts them) and the extension (which
// resolves it inside the workspace, refusing anything outside).

export interface CodeBlockTarget {
  /** The path as the answer wrote it (relative, `/`-separated), or undefined when the block names none. */
  path: string | undefined;
  /** The code to apply: without a first-line comment that only named the file. */
  code: string;
}

/** A path-looking token: a file name with an extension (or a known extensionless name), optionally in folders. */
const pathToken =
  /^(?:\.{0,2}\/)?(?:[\w@.+-]+\/)*(?:[\w@+-][\w@.+-]*\.[A-Za-z][A-Za-z0-9]{0,9}|Dockerfile|Makefile|Containerfile|Procfile|Gemfile|Rakefile)$/;

/** A first line that is only a comment naming a file: `// path`, `# file: path`, `-- path`, `<!-- path -->`, a C block comment. */
const commentLine = /^\s*(?:\/\/|#|--|;|<!--|\/\*)\s*(?:(?:file(?:name|path)?|path)\s*:\s*)?(\S+?)\s*(?:-->|\*\/)?\s*$/i;

/** `info` is the fence's info string (after the backticks); `code` the block's text. */
export function codeBlockTarget(info: string, code: string): CodeBlockTarget {
  const fromInfo = pathFromInfo(info);
  if (fromInfo !== undefined) return { path: fromInfo, code };
  const newline = code.indexOf('\n');
  const firstLine = newline < 0 ? code : code.slice(0, newline);
  const match = commentLine.exec(firstLine.replace(/\r$/, ''));
  const candidate = match?.[1];
  if (candidate !== undefined && isPathLike(candidate)) {
    return { path: normalize(candidate), code: newline < 0 ? '' : code.slice(newline + 1) };
  }
  return { path: undefined, code };
}

function pathFromInfo(info: string): string | undefined {
  const text = info.trim();
  if (text === '') return undefined;
  // title="…", filename=…, file=…, path=…
  const attribute = /\b(?:title|filename|file|path)\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s}]+))/i.exec(text);
  const attributed = attribute?.[1] ?? attribute?.[2] ?? attribute?.[3];
  if (attributed !== undefined && isPathLike(attributed)) return normalize(attributed);
  // ts:src/a.ts, or words: "ts src/a.ts", or the path alone "src/a.ts"
  for (const word of text.split(/\s+/).flatMap((part) => part.split(/(?<=^[\w+#-]+):/))) {
    const cleaned = word.replace(/^[{(]+|[})]+$/g, '');
    if (isPathLike(cleaned)) return normalize(cleaned);
  }
  return undefined;
}

function isPathLike(text: string): boolean {
  return text.length <= 300 && pathToken.test(text.replace(/\\/g, '/'));
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}
