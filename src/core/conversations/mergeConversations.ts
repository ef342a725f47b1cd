// The three-way merge behind "two windows never overwrite each other" (ConversationStore.save): another window
// saved the conversation since this window last read or wrote it, and this window saves its own state. What both
// did is kept when it can be: the other window's new messages, then ours, each message keeping its id and times.
//
// Each side is compared with its own ancestor: the file with the version this store last read or wrote
// (`diskBase`), our state with the last version the caller had (`oursBase`) — after a merge the caller may not
// have taken the merged messages in yet, and a message it never had is not one it removed.
//
// Per message (by id): changed or removed on one side only → that side's version; the same on both → kept; changed
// on both, or changed on one side and removed on the other → a conflict. A side that removed messages (edit and
// resend truncates) or edited a user message, while the other added or changed any, also conflicts: the other
// side's new turn answered the old text. A conflict is not resolved here: the store forks (keeps ours as a copy).
import type { Conversation } from './conversation';

export interface MergeInput {
  /** The file as this store last read or wrote it; undefined when it never did. */
  diskBase: Conversation | undefined;
  /** The file now. */
  disk: Conversation;
  /** The state the caller last had (loaded or saved); undefined when unknown. */
  oursBase: Conversation | undefined;
  /** The state being saved. */
  ours: Conversation;
}

export type MergeResult = { kind: 'merged'; conversation: Conversation } | { kind: 'conflict'; reason: string };

type Message = Conversation['messages'][number];
type Change = 'none' | 'same' | 'added' | 'changed' | 'removed';

export function mergeConversations(input: MergeInput): MergeResult {
  const { disk, ours } = input;
  // Without any ancestor, what both share from the start is taken as it: the rest is new on each side.
  const shared = input.diskBase ?? input.oursBase ?? { ...disk, messages: commonPrefix(disk.messages, ours.messages) };
  const diskBase = input.diskBase ?? shared;
  // The caller took in messages only the file had (it adopted an earlier merge): the file is its ancestor too.
  const oursBase = adoptedFile(input.oursBase, input.diskBase, ours) ? diskBase : (input.oursBase ?? shared);

  const diskBaseById = byId(diskBase.messages);
  const oursBaseById = byId(oursBase.messages);
  const diskById = byId(disk.messages);
  const oursById = byId(ours.messages);
  const ids = new Set([...diskById.keys(), ...oursById.keys(), ...diskBaseById.keys(), ...oursBaseById.keys()]);
  const chosen = new Map<string, Message>();
  const diskSide = { removed: false, rewrote: false, added: false };
  const oursSide = { removed: false, rewrote: false, added: false };
  for (const id of ids) {
    const mine = oursById.get(id);
    const theirs = diskById.get(id);
    if (mine !== undefined && theirs !== undefined && sameJson(mine, theirs)) {
      chosen.set(id, mine);
      continue;
    }
    const theirChange = changeOf(id, theirs, diskBaseById, oursBaseById);
    const myChange = changeOf(id, mine, oursBaseById, diskBaseById);
    note(diskSide, theirChange, theirs ?? diskBaseById.get(id));
    note(oursSide, myChange, mine ?? oursBaseById.get(id));
    if (myChange === 'none' || myChange === 'same') {
      if (theirs !== undefined) chosen.set(id, theirs);
    } else if (theirChange === 'none' || theirChange === 'same') {
      if (mine !== undefined) chosen.set(id, mine);
    } else if (!(theirChange === 'removed' && myChange === 'removed')) {
      return { kind: 'conflict', reason: `message ${id} was ${theirChange} in the other window and ${myChange} in this one` };
    }
  }
  const diskRewrote = diskSide.removed || diskSide.rewrote;
  const oursRewrote = oursSide.removed || oursSide.rewrote;
  if (
    (diskRewrote && (oursSide.added || oursSide.removed || oursSide.rewrote)) ||
    (oursRewrote && (diskSide.added || diskSide.removed || diskSide.rewrote))
  ) {
    return { kind: 'conflict', reason: 'one window edited or removed messages the other one went on from' };
  }

  // The file's order first (its new messages stay where the other window put them), then ours that it lacks.
  const messages: Message[] = [];
  for (const message of disk.messages) {
    const kept = chosen.get(message.id);
    if (kept !== undefined) messages.push(kept);
  }
  for (const message of ours.messages) if (!diskById.has(message.id) && chosen.has(message.id)) messages.push(message);

  const titleFromOurs = ours.title !== oursBase.title || ours.renamed !== oursBase.renamed;
  const titled = titleFromOurs ? ours : disk;
  const conversation: Conversation = {
    ...ours,
    title: titled.title,
    createdAt: Math.min(ours.createdAt, disk.createdAt),
    updatedAt: Math.max(ours.updatedAt, disk.updatedAt),
    messages,
  };
  if (titled.renamed === undefined) delete conversation.renamed;
  else conversation.renamed = titled.renamed;
  return { kind: 'merged', conversation };
}

/** True when `ours` holds a message that the file had and the caller's own ancestor did not. */
function adoptedFile(oursBase: Conversation | undefined, diskBase: Conversation | undefined, ours: Conversation): boolean {
  if (oursBase === undefined || diskBase === undefined || oursBase === diskBase) return false;
  const known = new Set(oursBase.messages.map((message) => message.id));
  const onlyInFile = new Set(diskBase.messages.filter((message) => !known.has(message.id)).map((message) => message.id));
  return ours.messages.some((message) => onlyInFile.has(message.id));
}

/** What one side did to a message, against its own ancestor (or, for a message that one never had, the other's). */
function changeOf(id: string, now: Message | undefined, ancestor: Map<string, Message>, otherAncestor: Map<string, Message>): Change {
  const base = ancestor.get(id);
  if (base === undefined) {
    if (now === undefined) return 'none';
    const known = otherAncestor.get(id);
    return known !== undefined && sameJson(known, now) ? 'same' : 'added';
  }
  if (now === undefined) return 'removed';
  return sameJson(base, now) ? 'same' : 'changed';
}

function note(side: { removed: boolean; rewrote: boolean; added: boolean }, change: Change, message: Message | undefined): void {
  if (change === 'removed') side.removed = true;
  else if (change === 'added') side.added = true;
  // An answer that went on streaming is not a rewrite; an edited question is.
  else if (change === 'changed') {
    if (message?.role === 'user') side.rewrote = true;
    else side.added = true;
  }
}

function byId(messages: readonly Message[]): Map<string, Message> {
  return new Map(messages.map((message) => [message.id, message]));
}

function commonPrefix(a: readonly Message[], b: readonly Message[]): Message[] {
  const prefix: Message[] = [];
  for (let i = 0; i < a.length && i < b.length; i++) {
    const left = a[i];
    const right = b[i];
    if (left === undefined || right === undefined || !sameJson(left, right)) break;
    prefix.push(left);
  }
  return prefix;
}

/**
 * Equal as JSON would store them: key order and properties set to `undefined` do not count (a state built by the
 * conversation operations and the same state read back from its file compare equal).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = new Map(Object.entries(b).filter(([, value]) => value !== undefined));
  return left.length === right.size && left.every(([key, value]) => right.has(key) && sameJson(value, right.get(key)));
}
