// Quick inputs that read as one flow (docs/images.md): each shows "Step n of m" in its title bar and, from step 2
// on, the standard Back button, which also answers to the keyboard (`workbench.action.quickInputBack`: Alt+Left on
// Windows, Ctrl+Alt+- on Linux, Ctrl+- on macOS). They stay open when focus moves elsewhere (`ignoreFocusOut`), so
// looking something up in the editor does not throw the answers away.
//
// A flow keeps its answers itself and passes each back in as the value (or active item) shown when the user
// returns to that step, e.g.
//
//   const input = new MultiStepInput(title, 2);
//   let name = '';
//   await runSteps([
//     async () => { const v = await input.input(1, { prompt, value: name }); if (typeof v === "string") name = v; return outcomeOf(v); },
//     async () => ...,
//   ]);
import * as vscode from 'vscode';

/** What `pick` and `input` resolve to when the user pressed Back. */
export const back: unique symbol = Symbol('back');

export interface PickOptions<T extends vscode.QuickPickItem> {
  placeholder?: string | undefined;
  items: readonly T[];
  /** Shown highlighted, e.g. the answer given the last time this step was shown. Must be one of `items`. */
  activeItem?: T | undefined;
  matchOnDescription?: boolean | undefined;
  busy?: boolean | undefined;
}

export interface InputOptions {
  prompt: string;
  /** The text the box opens with (the earlier answer when the user came back to this step). */
  value?: string | undefined;
  placeholder?: string | undefined;
  /** Never a password: secrets have their own box (`switchboard.setApiKey`). */
  password?: false | undefined;
  /** A message that keeps Enter from accepting, or undefined when the text is fine. */
  validate?: ((text: string) => string | undefined) | undefined;
}

export class MultiStepInput {
  /** Mutable: a flow may grow (e.g. "More options…") or shrink while it runs. */
  totalSteps: number;

  constructor(
    private readonly title: string,
    totalSteps: number,
  ) {
    this.totalSteps = totalSteps;
  }

  /** One choice; `undefined` when the user pressed Escape (or the picker closed otherwise). */
  pick<T extends vscode.QuickPickItem>(step: number, options: PickOptions<T>): Promise<T | typeof back | undefined> {
    const quickPick = vscode.window.createQuickPick<T>();
    this.frame(quickPick, step);
    quickPick.placeholder = options.placeholder;
    quickPick.matchOnDescription = options.matchOnDescription ?? false;
    quickPick.busy = options.busy ?? false;
    quickPick.items = options.items;
    if (options.activeItem && options.items.includes(options.activeItem)) quickPick.activeItems = [options.activeItem];
    return this.run<T>(quickPick, (finish) => [
      quickPick.onDidAccept(() => {
        const chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        if (chosen) finish(chosen); // Enter on an empty list (nothing matches the filter) does nothing
      }),
    ]);
  }

  /** One line of text; `undefined` when the user pressed Escape. Enter is refused while `validate` objects. */
  input(step: number, options: InputOptions): Promise<string | typeof back | undefined> {
    const box = vscode.window.createInputBox();
    this.frame(box, step);
    box.prompt = options.prompt;
    box.value = options.value ?? '';
    // An answer shown again is there to be edited: the cursor at its end, not the whole text selected to be replaced.
    box.valueSelection = [box.value.length, box.value.length];
    box.placeholder = options.placeholder;
    box.password = false;
    const check = (text: string) => {
      box.validationMessage = options.validate?.(text);
      return box.validationMessage === undefined;
    };
    if (box.value !== '') check(box.value);
    return this.run<string>(box, (finish) => [
      box.onDidChangeValue((text) => void check(text)),
      box.onDidAccept(() => {
        if (check(box.value)) finish(box.value);
      }),
    ]);
  }

  private frame(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, step: number): void {
    input.title = this.title;
    // A flow of one step shows no "(1/1)".
    const total = Math.max(step, this.totalSteps);
    input.step = total > 1 ? step : undefined;
    input.totalSteps = total > 1 ? total : undefined;
    input.ignoreFocusOut = true;
    input.buttons = step > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  /** Shows `input` and settles once: with the answer, with `back`, or with undefined when it is hidden. */
  private run<T>(
    input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> },
    listen: (finish: (value: T | typeof back | undefined) => void) => vscode.Disposable[],
  ): Promise<T | typeof back | undefined> {
    return new Promise((resolve) => {
      let settled = false;
      const disposables: vscode.Disposable[] = [];
      const finish = (value: T | typeof back | undefined) => {
        if (settled) return;
        settled = true;
        resolve(value);
        for (const disposable of disposables) disposable.dispose();
        input.dispose(); // hides it too; the onDidHide below no longer fires into a settled promise
      };
      disposables.push(
        ...listen(finish),
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) finish(back);
        }),
        input.onDidHide(() => finish(undefined)),
      );
      input.show();
    });
  }
}

/** The outcome a step returns for what `pick`/`input` resolved to: Back → 'back', Escape → 'cancel', else 'next'. */
export function outcomeOf(answer: unknown): 'next' | 'back' | 'cancel' {
  if (answer === back) return 'back';
  return answer === undefined ? 'cancel' : 'next';
}

/**
 * Runs `steps` in order; a step returns 'next', 'back' (go to the previous step) or 'cancel'. Resolves true when
 * the last step said 'next'. 'back' on the first step shows it again. A step with nothing to ask returns 'next' at
 * once; keep such steps after the ones that ask (Back into one would walk forward again).
 */
export async function runSteps(steps: ReadonlyArray<() => Promise<'next' | 'back' | 'cancel'>>): Promise<boolean> {
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (!step) break;
    const outcome = await step();
    if (outcome === 'cancel') return false;
    index = outcome === 'back' ? Math.max(0, index - 1) : index + 1;
  }
  return true;
}
