// Committed blocks go into wrapper elements of a fixed number of top-level nodes, so that appending a block
// re-lays out one small wrapper and the list of wrappers, not every block of a long answer: without this the
// browser's layout work per chunk grows with the answer (measured: the p95 doubled over 200,000 characters).
// The wrappers are plain blocks without margins, so margins collapse through them as if they were not there.
// Static renders group the same way, so a finished stream and a static render have the same DOM.

export const groupClass = 'sb-group';

/** Top-level nodes per wrapper (markdown-it writes a line break text node after each block). */
export const nodesPerGroup = 64;

function createGroup(): HTMLElement {
  const group = document.createElement('div');
  group.className = groupClass;
  return group;
}

/** Appends nodes into `root`'s wrappers, filling the last wrapper before starting a new one. */
export class GroupedAppender {
  private current: HTMLElement | undefined;
  private count = 0;

  constructor(private readonly root: HTMLElement) {}

  append(nodes: readonly Node[]): void {
    for (const node of nodes) {
      if (!this.current || this.count >= nodesPerGroup) {
        this.current = createGroup();
        this.count = 0;
        this.root.append(this.current);
      }
      this.current.append(node);
      this.count++;
    }
  }

  reset(): void {
    this.current = undefined;
    this.count = 0;
  }
}

/** The wrappers for a whole message's nodes (static rendering). */
export function groupNodes(nodes: readonly Node[]): HTMLElement[] {
  const groups: HTMLElement[] = [];
  for (let i = 0; i < nodes.length; i += nodesPerGroup) {
    const group = createGroup();
    group.append(...nodes.slice(i, i + nodesPerGroup));
    groups.push(group);
  }
  return groups;
}
