// The `/` menu: the chat's commands, found without reading the placeholder. `/image` is typed into the input (its
// prompt follows); the others run the selection command of that name (`slashCommand`).
import type { SlashCommand, WebviewToExtensionMessage } from '../shared/webviewProtocol';
import type { CodiconName } from './codiconNames';
import type { InputListbox, ListboxRow } from './inputListbox';
import type { WebviewStrings } from './webviewStrings';

interface MenuCommand {
  name: 'image' | SlashCommand;
  icon: CodiconName;
  description: (strings: WebviewStrings) => string;
}

const commands: readonly MenuCommand[] = [
  { name: 'image', icon: 'file-media', description: (s) => s.slashImage },
  { name: 'explain', icon: 'question', description: (s) => s.slashExplain },
  { name: 'refactor', icon: 'wrench', description: (s) => s.slashRefactor },
  { name: 'fix', icon: 'lightbulb', description: (s) => s.slashFix },
  { name: 'document', icon: 'book', description: (s) => s.slashDocument },
  { name: 'tests', icon: 'beaker', description: (s) => s.slashTests },
];

export class SlashMenu {
  constructor(
    private readonly strings: WebviewStrings,
    private readonly post: (message: WebviewToExtensionMessage) => void,
    private readonly listbox: InputListbox,
    /** Replaces the `/query` text in the input with `text` (empty: takes it out). */
    private readonly replaceQuery: (text: string) => void,
  ) {}

  get isOpen(): boolean {
    return this.listbox.isOpenFor(this);
  }

  /** Opens the menu, or filters it, for `query` (the text after `/`); closes it when no command starts so. */
  show(query: string): void {
    const wanted = query.toLowerCase();
    const rows: ListboxRow[] = commands
      .filter((command) => command.name.startsWith(wanted))
      .map((command) => ({
        key: command.name,
        icon: command.icon,
        label: `/${command.name}`,
        matches: wanted === '' ? [] : Array.from({ length: wanted.length + 1 }, (_, index) => index),
        description: command.description(this.strings),
        pick: () => this.pick(command.name),
      }));
    if (rows.length === 0) this.close();
    else this.listbox.show(this, this.strings.slashLabel, rows);
  }

  close(): void {
    if (this.isOpen) this.listbox.close();
  }

  private pick(name: MenuCommand['name']): void {
    if (name === 'image') {
      this.replaceQuery('/image ');
      return;
    }
    this.replaceQuery('');
    this.post({ type: 'slashCommand', command: name });
  }
}
