// Updates the open tail's DOM in place: nodes that did not change are kept (so the browser does not lay out a
// long open list again on every chunk, and focus inside it survives), changed text nodes get their new text,
// elements of the same tag are patched recursively, anything else is replaced.

/**
 * Makes `parent`'s nodes `current` (which are its last children, in order) look like `next` (detached nodes).
 * Returns the nodes now in the DOM, in order.
 */
export function patchNodes(parent: Node, current: readonly Node[], next: readonly Node[]): Node[] {
  const result: Node[] = [];
  const common = Math.min(current.length, next.length);
  for (let i = 0; i < common; i++) result.push(patchNode(current[i]!, next[i]!));
  for (let i = common; i < current.length; i++) current[i]!.parentNode?.removeChild(current[i]!);
  for (let i = common; i < next.length; i++) {
    parent.appendChild(next[i]!);
    result.push(next[i]!);
  }
  return result;
}

function patchNode(current: Node, next: Node): Node {
  if (current.isEqualNode(next)) return current;
  if (current.nodeType === Node.TEXT_NODE && next.nodeType === Node.TEXT_NODE) {
    (current as Text).data = (next as Text).data;
    return current;
  }
  if (current instanceof Element && next instanceof Element && current.tagName === next.tagName) {
    syncAttributes(current, next);
    patchNodes(current, Array.from(current.childNodes), Array.from(next.childNodes));
    return current;
  }
  current.parentNode?.replaceChild(next, current);
  return next;
}

function syncAttributes(current: Element, next: Element): void {
  for (const name of current.getAttributeNames()) if (!next.hasAttribute(name)) current.removeAttribute(name);
  for (const name of next.getAttributeNames()) {
    const value = next.getAttribute(name)!;
    if (current.getAttribute(name) !== value) current.setAttribute(name, value);
  }
}
