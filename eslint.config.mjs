// Lint rules, including the layer boundaries of SPEC §1: imports point one way only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeImport = { name: 'vscode', message: 'src/core and src/shared run without VS Code (SPEC §1): put editor code in src/vscode.' };
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.vscode-test/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [vscodeImport],
        patterns: [
          pattern(['**/vscode/**', '**/webview/**', '**/shared/**'], 'src/core imports only node built-ins, undici, zod and its own files (SPEC §1).'),
        ],
      }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [vscodeImport],
        patterns: [pattern(['**/core/**', '**/vscode/**', '**/webview/**'], 'src/shared imports only zod and its own files (SPEC §1).')],
      }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The webview runs in a browser: talk to the extension through src/shared messages.' }],
        patterns: [pattern(['**/core/**', '**/vscode/**'], 'src/webview imports only src/shared and browser libraries (SPEC §1).'), pattern(['node:*'], 'The webview runs in a browser.')],
      }],
    },
  },
  {
    files: ['test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Unit tests run on plain Node; real-editor tests live in test/e2e.' }],
        patterns: [pattern(['**/src/vscode/**', '**/src/webview/**'], 'Unit tests cover src/core and src/shared (SPEC §1).')],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
