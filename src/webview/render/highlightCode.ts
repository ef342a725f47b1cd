// Syntax highlighting with highlight.js core and a chosen set of languages (the full build is ~1 MB; this set
// keeps the renderer's share of the webview bundle near 200 KB, docs/performance.md). Unknown languages are shown as plain
// text: no auto-detection, which is slow and often wrong on short snippets.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { sanitizeHighlightedHtml } from './sanitizeHtml';

const languages = { bash, cpp, csharp, css, diff, go, java, json, python, rust, shell, sql, typescript, xml, yaml };
for (const [name, definition] of Object.entries(languages)) hljs.registerLanguage(name, definition);
// JavaScript is highlighted with the TypeScript grammar (a superset; each grammar file carries its own copy of the
// JavaScript rules, so this saves 6 KB) and C with the C++ one (saves 4.5 KB); the rest are common spellings in
// fences that the grammars themselves do not list. Not included, to keep the renderer within ~220 KB of the
// webview's 300 KB: PHP, Ruby, Kotlin, Swift, Markdown (6, 4, 3, 8 and 2 KB) — they show as plain text.
hljs.registerAliases(['javascript', 'js', 'jsx', 'mjs', 'cjs', 'node'], { languageName: 'typescript' });
hljs.registerAliases(['c', 'h'], { languageName: 'cpp' });
hljs.registerAliases(['html', 'svg', 'vue'], { languageName: 'xml' });
hljs.registerAliases(['jsonc', 'json5'], { languageName: 'json' });
hljs.registerAliases(['sh', 'zsh'], { languageName: 'bash' });
hljs.registerAliases(['golang'], { languageName: 'go' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['patch'], { languageName: 'diff' });

/** The registered grammar's name for a fence's language (`ts` → `typescript`), or undefined when none fits. */
export function resolveLanguage(language: string): string | undefined {
  if (language === '') return undefined;
  const name = language.toLowerCase();
  const definition = hljs.getLanguage(name);
  if (!definition) return undefined;
  // getLanguage resolves aliases; find the canonical name so the class is stable (`language-typescript`).
  return canonicalNames.get(definition) ?? name;
}

const canonicalNames = new Map<unknown, string>(Object.keys(languages).map((name) => [hljs.getLanguage(name), name] as const));

/**
 * Highlights `code` with a registered grammar (a name from `resolveLanguage`). Returns a fragment of
 * `<span class="hljs-…">` and text, sanitized (highlight.js escapes its input; the sanitizer is defense in depth).
 */
export function highlightCode(code: string, grammar: string): DocumentFragment {
  const html = hljs.highlight(code, { language: grammar, ignoreIllegals: true }).value;
  return sanitizeHighlightedHtml(html);
}
