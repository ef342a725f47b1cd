// The documentation-comment convention of each language, for the `document` command (docs/editor-commands.md: "add doc comments
// in the language's own style"). The description is written for the model: it names the convention and the
// shape of a comment so that even a small model produces the right syntax.

export interface DocCommentStyle {
  /** The convention's name, e.g. `TSDoc`, `docstrings (PEP 257)`. */
  name: string;
  /** How such a comment looks and what it contains, as one sentence for the prompt. */
  description: string;
}

const doxygen: DocCommentStyle = {
  name: 'Doxygen',
  description:
    'Doxygen comments: `/** … */` (or `///` if the file already uses that) directly above each declaration, with `@brief`, `@param name`, `@return` and `@throws` where relevant',
};

const xmlDoc = (language: string): DocCommentStyle => ({
  name: `${language} XML documentation comments`,
  description:
    '`///` XML documentation comments directly above each declaration, with `<summary>`, `<param name="…">`, `<returns>` and `<exception cref="…">` where relevant',
});

/** Keyed by VS Code language id. */
const styles: Readonly<Record<string, DocCommentStyle>> = {
  typescript: {
    name: 'TSDoc',
    description:
      'TSDoc comments: `/** … */` directly above each declaration, a one-line summary, then `@param name - description`, `@returns` and `@throws` where relevant (no types in the tags: the signature has them)',
  },
  javascript: {
    name: 'JSDoc',
    description:
      'JSDoc comments: `/** … */` directly above each declaration, a one-line summary, then `@param {Type} name description`, `@returns {Type}` and `@throws` where relevant',
  },
  python: {
    name: 'docstrings (PEP 257)',
    description:
      'PEP 257 docstrings: a triple-quoted string as the first statement inside each module, class and function, indented like the body, with a one-line summary, then `Args:`, `Returns:` and `Raises:` sections (Google style, unless the file already uses another docstring style)',
  },
  rust: {
    name: 'Rust doc comments (`///`)',
    description:
      '`///` doc comments in Markdown directly above each item (`//!` only for the enclosing module), with `# Errors`, `# Panics` and `# Examples` sections where relevant',
  },
  csharp: xmlDoc('C#'),
  fsharp: xmlDoc('F#'),
  vb: {
    name: 'Visual Basic XML documentation comments',
    description: "`'''` XML documentation comments directly above each declaration, with `<summary>`, `<param name=\"…\">` and `<returns>`",
  },
  java: {
    name: 'Javadoc',
    description:
      'Javadoc comments: `/** … */` directly above each class, method and field, a summary sentence, then `@param`, `@return` and `@throws` where relevant',
  },
  kotlin: {
    name: 'KDoc (Javadoc style)',
    description:
      'KDoc comments: `/** … */` directly above each declaration, in Markdown, with `@param`, `@return`, `@throws` and `@property` where relevant',
  },
  scala: {
    name: 'Scaladoc',
    description: 'Scaladoc comments: `/** … */` directly above each declaration, with `@param`, `@return` and `@throws` where relevant',
  },
  groovy: {
    name: 'Groovydoc',
    description: 'Groovydoc comments: `/** … */` directly above each declaration, with `@param`, `@return` and `@throws` where relevant',
  },
  go: {
    name: 'GoDoc comments',
    description:
      'GoDoc comments: `//` line comments directly above each declaration, full sentences that begin with the declared name (`// Parse reads …`), no tags',
  },
  c: doxygen,
  cpp: doxygen,
  'cuda-cpp': doxygen,
  'objective-c': doxygen,
  'objective-cpp': doxygen,
  php: {
    name: 'PHPDoc',
    description:
      'PHPDoc comments: `/** … */` directly above each declaration, with `@param Type $name`, `@return Type` and `@throws` where relevant',
  },
  ruby: {
    name: 'YARD',
    description:
      'YARD comments: `#` lines directly above each class and method, with `@param name [Type]`, `@return [Type]` and `@raise [Error]` where relevant',
  },
  swift: {
    name: 'Swift Markup',
    description: '`///` comments directly above each declaration, with `- Parameters:`, `- Returns:` and `- Throws:` where relevant',
  },
  dart: {
    name: 'Dart doc comments',
    description: '`///` doc comments in Markdown directly above each declaration, naming parameters in [square brackets]',
  },
  elixir: {
    name: '@doc / @moduledoc',
    description: '`@moduledoc` and `@doc` attributes holding Markdown heredocs (`"""`), placed before each module and public function',
  },
  haskell: {
    name: 'Haddock',
    description: 'Haddock comments: `-- |` directly above each declaration, `-- ^` after arguments and fields',
  },
  lua: {
    name: 'LuaDoc (`---`)',
    description: '`---` comments directly above each function, with `@param name type description` and `@return type`',
  },
  r: {
    name: 'roxygen2',
    description: "roxygen2 comments: `#'` lines directly above each function, with `@param`, `@return` and `@export` where relevant",
  },
  shellscript: {
    name: 'shell comment blocks',
    description: '`#` comment blocks directly above each function, describing its arguments, its output and its exit status',
  },
  powershell: {
    name: 'PowerShell comment-based help',
    description: 'comment-based help inside each function: `<# .SYNOPSIS … .PARAMETER name … .OUTPUTS … #>`',
  },
  perl: {
    name: 'POD',
    description: 'POD blocks (`=head2 name … =cut`) before each subroutine',
  },
};

// Languages that share another's convention.
const sameAs: Readonly<Record<string, string>> = {
  typescriptreact: 'typescript',
  javascriptreact: 'javascript',
  'objective-c++': 'objective-cpp',
};

export function docCommentStyle(languageId: string): DocCommentStyle {
  const id = languageId.toLowerCase();
  const style = styles[sameAs[id] ?? id];
  if (style !== undefined) return style;
  const name = languageId.trim() === '' ? 'this language' : languageId;
  return {
    name: `the usual documentation comments of ${name}`,
    description: `the documentation-comment convention usual for ${name} (plain comments directly above each declaration if it has none)`,
  };
}
