// Whether a line declares a named definition, and which (docs/chat.md, "Applying code"): a code block that
// redefines `function total`, `def area`, `func (s *Server) Stop`, `impl Display for Money`, the CSS rule `.btn` or
// the JSON key `"scripts"` is placed over the definition of that name. One small set of patterns per family of
// syntax; they look at one trimmed line, so a declaration split over lines is recognised by its first line.

import type { SyntaxFamily } from './syntaxFamily';

export type DeclarationKind = 'function' | 'method' | 'type' | 'impl' | 'module' | 'variable' | 'rule' | 'key';

export interface Declaration {
  name: string;
  kind: DeclarationKind;
  /** The type the definition belongs to when the line says it: Go's receiver, C++'s `Type::`, Kotlin's `fun Type.x`. */
  context?: string;
  /** Written like a call (`render(props) {`): a definition only when a braced body follows. */
  needsBody?: boolean;
}

interface Pattern {
  re: RegExp;
  kind: DeclarationKind | ((match: RegExpExecArray) => DeclarationKind);
  name: number;
  context?: number;
  /** Starts with a keyword (`function`, `def`, `fn`): safe to try when the language is unknown. */
  keywordLed?: boolean;
  needsBody?: boolean;
  accept?: (match: RegExpExecArray, text: string) => boolean;
}

const jsKeywords = new Set(
  'if for while switch catch with return function new typeof await yield else do try super this throw delete void case import export require default instanceof in of let const var'.split(
    ' ',
  ),
);
const jvmNotTypes = new Set('return new else throw await yield case goto in is as using var val'.split(' '));
const jvmNotNames = new Set('if for while switch catch using lock foreach fixed sizeof typeof nameof return synchronized when'.split(' '));
const cNotTypes = new Set('return else new delete case goto throw co_return sizeof typedef'.split(' '));
const cNotNames = new Set('if for while switch sizeof catch return'.split(' '));

const jvmModifiers =
  '(?:(?:public|private|protected|internal|static|final|abstract|sealed|partial|open|data|inner|override|readonly|virtual|async|unsafe|extern|new|suspend|inline|operator|infix|tailrec|synchronized|native|default|strictfp|fileprivate|mutating|lateinit|const|enum|value|annotation|companion|required|convenience)\\s+)*';
const rustVisibility = '(?:pub(?:\\s*\\([^)]*\\))?\\s+)?';

const patterns: Readonly<Record<Exclude<SyntaxFamily, 'unknown'>, readonly Pattern[]>> = {
  js: [
    {
      re: /^(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/,
      kind: 'function',
      name: 1,
      keywordLed: true,
    },
    {
      re: /^(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/,
      kind: 'type',
      name: 1,
      keywordLed: true,
    },
    { re: /^(?:export\s+)?(?:declare\s+)?interface\s+([A-Za-z_$][\w$]*)/, kind: 'type', name: 1, keywordLed: true },
    { re: /^(?:export\s+)?(?:declare\s+)?type\s+([A-Za-z_$][\w$]*)\s*(?:<.*>)?\s*=/, kind: 'type', name: 1 },
    { re: /^(?:export\s+)?(?:declare\s+)?(?:const\s+)?enum\s+([A-Za-z_$][\w$]*)/, kind: 'type', name: 1, keywordLed: true },
    { re: /^(?:export\s+)?(?:declare\s+)?(?:namespace|module)\s+([A-Za-z_$][\w$.]*)\s*\{/, kind: 'module', name: 1 },
    {
      // const total = (a, b) => …, const load = async function …, const f = (   (parameters on the next lines)
      re: /^(?:export\s+)?(?:declare\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]+?)?\s*=>|\(\s*$|<[^>]*>\s*\()/,
      kind: 'variable',
      name: 1,
    },
    {
      // A class field holding an arrow function: handleClick = (event) => {
      re: /^(?:(?:public|private|protected|static|readonly|override)\s+)*(#?[A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]+?)?\s*=>/,
      kind: 'method',
      name: 1,
      accept: (match) => !jsKeywords.has(match[1] ?? ''),
    },
    {
      // A method: render(props) {, async load(id: string): Promise<void> {, constructor(   (parameters below)
      re: /^(?:(?:public|private|protected|static|async|override|readonly|abstract|get|set)\s+)*\*?\s*(#?[A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\((.*)$/,
      kind: 'method',
      name: 1,
      needsBody: true,
      accept: (match) => {
        const rest = match[2] ?? '';
        if (jsKeywords.has(match[1] ?? '')) return false;
        if (rest.trim() === '') return true;
        return (
          /\)\s*(?::\s*[^{]+)?\{(?:\s*\})?\s*$/.test(rest) &&
          !/=>\s*\{\s*$/.test(rest) &&
          !/^\s*['"`\d]/.test(rest) &&
          !/\bfunction\b/.test(rest)
        );
      },
    },
  ],
  python: [
    {
      re: /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*\(\s*(?:(self|cls)\b)?/,
      kind: (match) => (match[2] === undefined ? 'function' : 'method'),
      name: 1,
      keywordLed: true,
    },
    { re: /^class\s+([A-Za-z_]\w*)/, kind: 'type', name: 1, keywordLed: true },
  ],
  go: [
    {
      re: /^func\s*\(\s*(?:[A-Za-z_]\w*\s+)?\*?\s*([A-Za-z_]\w*)(?:\[[^\]]*\])?\s*\)\s*([A-Za-z_]\w*)/,
      kind: 'method',
      name: 2,
      context: 1,
      keywordLed: true,
    },
    { re: /^func\s+([A-Za-z_]\w*)/, kind: 'function', name: 1, keywordLed: true },
    { re: /^type\s+([A-Za-z_]\w*)\b/, kind: 'type', name: 1, keywordLed: true },
  ],
  rust: [
    {
      re: new RegExp(
        `^${rustVisibility}(?:default\\s+)?(?:const\\s+)?(?:async\\s+)?(?:unsafe\\s+)?(?:extern\\s+(?:"[^"]*"\\s+)?)?fn\\s+([A-Za-z_]\\w*)`,
      ),
      kind: 'function',
      name: 1,
      keywordLed: true,
    },
    {
      re: new RegExp(`^${rustVisibility}(?:unsafe\\s+)?(?:struct|enum|trait|union|type)\\s+([A-Za-z_]\\w*)`),
      kind: 'type',
      name: 1,
      keywordLed: true,
    },
    { re: new RegExp(`^${rustVisibility}mod\\s+([A-Za-z_]\\w*)\\s*\\{`), kind: 'module', name: 1, keywordLed: true },
    { re: /^(?:unsafe\s+)?impl\b\s*(?:<(?:[^<>]|<[^<>]*>)*>)?\s*(.+?)\s*(?:\bwhere\b.*)?\{?\s*$/, kind: 'impl', name: 1, keywordLed: true },
    { re: /^macro_rules!\s*([A-Za-z_]\w*)/, kind: 'function', name: 1, keywordLed: true },
  ],
  jvm: [
    {
      re: new RegExp(`^${jvmModifiers}(?:class|interface|enum|record|struct|object|trait|protocol|extension)\\s+([A-Za-z_]\\w*)`),
      kind: 'type',
      name: 1,
      keywordLed: true,
    },
    {
      // Kotlin's fun (with an extension receiver: fun String.slug()), Swift's func, Scala's def
      re: new RegExp(`^${jvmModifiers}(?:fun|func|def)\\s+(?:<[^>]*>\\s*)?(?:([A-Za-z_][\\w.]*)\\.)?([A-Za-z_]\\w*)\\s*[(<]`),
      kind: 'function',
      name: 2,
      context: 1,
      keywordLed: true,
    },
    {
      // Java and C# methods: public static int parse(String s) {, async Task<User> LoadAsync(int id)
      re: new RegExp(
        `^${jvmModifiers}(?:<[^>]*>\\s+)?([A-Za-z_][\\w.]*(?:<[^()]*>)?(?:\\[\\])*\\??)\\s+([A-Za-z_]\\w*)\\s*(?:<[^>]*>)?\\s*\\(`,
      ),
      kind: 'method',
      name: 2,
      accept: (match, text) => !jvmNotTypes.has(match[1] ?? '') && !jvmNotNames.has(match[2] ?? '') && !text.endsWith(';'),
    },
    { re: /^(?:(?:public|private|protected|internal)\s+)+([A-Za-z_]\w*)\s*\(/, kind: 'method', name: 1 },
    {
      // C# properties: public string Name { get; set; }, public int Count => items.Count;
      re: new RegExp(`^${jvmModifiers}([A-Za-z_][\\w.]*(?:<[^()]*>)?(?:\\[\\])*\\??)\\s+([A-Za-z_]\\w*)\\s*(?:\\{|=>)`),
      kind: 'variable',
      name: 2,
      accept: (match) => !jvmNotTypes.has(match[1] ?? '') && !jvmNotNames.has(match[2] ?? ''),
    },
  ],
  c: [
    {
      re: /^(?:typedef\s+)?(?:template\s*<.*>\s*)?(struct|class|union|enum(?:\s+class)?|namespace)\s+([A-Za-z_]\w*)/,
      kind: (match) => (match[1] === 'namespace' ? 'module' : 'type'),
      name: 2,
      keywordLed: true,
      accept: (_match, text) => !text.endsWith(';') || text.includes('{'),
    },
    { re: /^((?:[A-Za-z_]\w*::)+~?[A-Za-z_]\w*)\s*\(/, kind: 'method', name: 1, accept: (_match, text) => !text.endsWith(';') },
    {
      re: /^(?:template\s*<.*>\s*)?(?:(?:static|inline|extern|virtual|constexpr|consteval|explicit|friend|unsigned|signed|const|volatile|struct|enum|typename)\s+)*([A-Za-z_][\w:<>,]*(?:\s*[*&]+\s*|\s+))((?:[A-Za-z_]\w*::)*~?[A-Za-z_]\w*)\s*\(/,
      kind: 'function',
      name: 2,
      accept: (match, text) =>
        !cNotTypes.has((match[1] ?? '').replace(/[\s*&]/g, '')) && !cNotNames.has(match[2] ?? '') && !text.endsWith(';'),
    },
  ],
  ruby: [
    { re: /^def\s+(?:self\.)?([A-Za-z_]\w*[?!=]?)/, kind: 'method', name: 1, keywordLed: true },
    { re: /^(class|module)\s+([A-Z][\w:]*)/, kind: (match) => (match[1] === 'module' ? 'module' : 'type'), name: 2, keywordLed: true },
  ],
  php: [
    {
      re: /^(?:(?:public|private|protected|static|final|abstract)\s+)*function\s+&?([A-Za-z_]\w*)/,
      kind: 'function',
      name: 1,
      keywordLed: true,
    },
    { re: /^(?:(?:final|abstract|readonly)\s+)*(?:class|interface|trait|enum)\s+([A-Za-z_]\w*)/, kind: 'type', name: 1, keywordLed: true },
  ],
  css: [{ re: /^([^\s{};@][^{};]*?|@[^{};]+?)\s*\{/, kind: 'rule', name: 1 }],
  json: [{ re: /^"((?:[^"\\]|\\.)*)"\s*:/, kind: 'key', name: 1 }],
};

const unknownOrder = ['js', 'python', 'go', 'rust', 'jvm', 'c', 'ruby', 'php'] as const;
const unknownPatterns: readonly Pattern[] = unknownOrder.flatMap((family) =>
  patterns[family].filter((pattern) => pattern.keywordLed === true),
);

export function declarationOf(line: string, family: SyntaxFamily): Declaration | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  for (const pattern of family === 'unknown' ? unknownPatterns : patterns[family]) {
    const match = pattern.re.exec(text);
    if (match === null || (pattern.accept !== undefined && !pattern.accept(match, text))) continue;
    const written = match[pattern.name];
    if (written === undefined || written === '') continue;
    const kind = typeof pattern.kind === 'function' ? pattern.kind(match) : pattern.kind;
    const declaration: Declaration = { ...splitName(written, kind, family), kind };
    const context = pattern.context === undefined ? undefined : match[pattern.context];
    if (context !== undefined && context !== '') declaration.context = context;
    if (pattern.needsBody === true) declaration.needsBody = true;
    return declaration;
  }
  return undefined;
}

/** The name as symbols are compared: `Type::name` and `Type.name` give the name and the type as context. */
function splitName(written: string, kind: DeclarationKind, family: SyntaxFamily): { name: string; context?: string } {
  if (kind === 'impl') return { name: `impl ${withoutGenerics(written)}` };
  if (family === 'css') return { name: normalizeSelector(written) };
  if (family === 'json') return { name: written };
  const parts = written.split(/::|\./).filter((part) => part !== '');
  const name = parts.at(-1) ?? written;
  const context = parts.at(-2);
  return context === undefined ? { name } : { name, context };
}

export function withoutGenerics(text: string): string {
  let result = text;
  for (let previous = ''; previous !== result;) {
    previous = result;
    result = result.replace(/<[^<>]*>/g, '');
  }
  return result.replace(/\s+/g, ' ').trim();
}

export function normalizeSelector(selector: string): string {
  return selector
    .replace(/\s+/g, ' ')
    .replace(/\s*([,>+~])\s*/g, '$1')
    .trim();
}
