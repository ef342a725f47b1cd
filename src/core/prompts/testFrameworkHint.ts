// What to tell the model about the test framework when the project's is not known: the usual choices for the
// language, so that it picks a plausible one instead of inventing a harness.

const hints: Readonly<Record<string, string>> = {
  typescript: 'the test runner the project most likely uses (Vitest, Jest or Mocha with node:assert; Vitest if there is no sign of one)',
  javascript: 'the test runner the project most likely uses (Vitest, Jest or Mocha with node:assert; Vitest if there is no sign of one)',
  python: 'pytest (plain `assert`, fixtures and `pytest.mark.parametrize`)',
  go: 'the standard `testing` package with table-driven tests',
  rust: "Rust's built-in tests: a `#[cfg(test)] mod tests` module with `#[test]` functions, for the same file",
  java: 'JUnit 5 (`org.junit.jupiter.api`)',
  kotlin: 'JUnit 5 or kotlin.test',
  scala: 'ScalaTest',
  csharp: 'xUnit',
  fsharp: 'xUnit',
  ruby: 'RSpec',
  php: 'PHPUnit',
  swift: 'XCTest',
  dart: 'package:test',
  c: 'a minimal assert-based test program, or Unity if the project uses it',
  cpp: 'GoogleTest',
  elixir: 'ExUnit',
  haskell: 'Hspec',
  lua: 'busted',
  r: 'testthat',
  shellscript: 'bats',
  powershell: 'Pester',
};

const sameAs: Readonly<Record<string, string>> = { typescriptreact: 'typescript', javascriptreact: 'javascript' };

/** e.g. `pytest (plain assert, …)`; a generic phrase for languages not listed. */
export function testFrameworkHint(languageId: string): string {
  const id = languageId.toLowerCase();
  return hints[sameAs[id] ?? id] ?? `the test framework most commonly used with ${languageId || 'this language'}`;
}
