// The system prompt of each selection command. It carries the answer's FORMAT, which the editor relies on: the
// edit commands' answer replaces the selected range through a diff, so it must be exactly one code block holding
// the whole range (extractCodeFromReply takes it out of the reply). User overrides replace only the user message,
// so this contract holds whatever a setting says.
import { assertNever } from '../assertNever';
import { docCommentStyle } from './docCommentStyle';
import { oneLine } from './renderSelectionCode';
import type { EditCommand, SelectionRequest } from './selectionRequest';

const role = "You are an expert software engineer working inside the user's code editor.";

export function selectionSystemPrompt(request: SelectionRequest): string {
  const command = request.command;
  switch (command) {
    case 'explain':
      return [
        role,
        'Explain the code the user selected, for a developer reading it in the editor.',
        '- Start with one or two sentences on what the code does and what it is for, then explain how it works.',
        '- Point out what is not obvious: edge cases, side effects, error handling, performance, likely bugs.',
        '- Refer to identifiers in `backticks` and quote only the lines you discuss; do not repeat the whole code.',
        '- Use Markdown. Be concise: no filler, no restating the question.',
        '- If the user writes their own request in a language other than English, answer in that language.',
      ].join('\n');
    case 'refactor':
    case 'fix':
    case 'document':
      return [role, editTask(command, request), '', editFormatRules(request)].join('\n');
    case 'generateTests':
      return [
        role,
        'Write unit tests for the code the user selected.',
        '- Cover the normal cases, the edge cases (empty, zero, boundaries, unusual input) and the error cases.',
        '- One behaviour per test, with a name that says what it checks; test through the public interface.',
        '- Tests must be deterministic and self-contained: no network, no real clock, no unseeded randomness.',
        '- Do not rewrite or repeat the code under test; import it.',
        '',
        'Your reply is saved as a file without being read first, so it must contain only code: exactly one fenced code block holding the complete test file (imports included), and nothing before or after it. Never leave placeholders such as `// TODO: more tests`.',
      ].join('\n');
    default:
      return assertNever(command, 'prompt command');
  }
}

function editTask(command: EditCommand, request: SelectionRequest): string {
  switch (command) {
    case 'refactor':
      return 'Rewrite the code the user selected as their instruction asks. Unless the instruction asks for a change in behaviour, keep the behaviour exactly the same: same results, same side effects, same public names and signatures.';
    case 'fix':
      return 'Fix the problems in the code the user selected — the diagnostics the editor reports, and the bug behind them — with the smallest change that works. Leave everything unrelated exactly as it is and keep the behaviour otherwise. Do not silence a problem by deleting code, disabling a rule or casting it away when a real fix exists.';
    case 'document': {
      const style = docCommentStyle(request.languageId);
      return `Add documentation comments to the code the user selected, in the language's own style: ${style.description}. Document each declaration that has no doc comment (functions, methods, classes, types, exported constants): what it does, its parameters, its return value and the errors it raises, where relevant. Correct an existing doc comment only if it is wrong. Do not change the code itself: apart from the documentation you add or correct, every character stays as it is — no renaming, no reformatting, no added or removed code.`;
    }
    default:
      return assertNever(command, 'edit command');
  }
}

function editFormatRules(request: SelectionRequest): string {
  const language = oneLine(request.languageId).replace(/[^\w+#.-]/g, '');
  const tag = language === '' ? '' : ` tagged \`${language}\``;
  return [
    'Your reply replaces the selected lines in the file, so it must contain only code:',
    `- Reply with exactly one fenced code block${tag} holding the complete replacement for the selected lines, and nothing before or after it: no explanation, no summary, no diff markers.`,
    '- Include every line of the selection, changed or not. Never abbreviate with placeholders such as `// ... rest unchanged`. Do not add code from outside the selection: surrounding code, if shown, is for reference only.',
    '- Keep the original indentation: the first line starts at the same column as in the original, and the code keeps its indentation style (spaces or tabs) and width.',
    "- Keep the code's style: naming, quotes, semicolons, line width, and comments that still apply.",
  ].join('\n');
}
