// The chat view's own strings. English is built into the bundle: the defaults, and the table's type. Every other
// language the extension ships (docs/chat.md: Russian at least) is a JSON file, l10n/webview.<lang>.json, which the
// extension host reads for VS Code's display language and puts into the webview document as a JSON block that is
// never run (src/core/webviewDocument.ts); readWebviewStrings takes it from there. So the bundle carries one language
// whatever the number shipped (its budget is 300 KB, docs/performance.md), and a unit test holds every JSON table to
// the English keys and placeholders (test/webview/webviewStringTables.test.ts).
// `{0}`, `{1}` are placeholders filled by `format`.

/** The English table: the view's defaults. */
export const englishStrings = {
  emptyTitle: 'Ask Switchboard',
  emptyBody:
    'Chat with the model of your choice — cloud or local. Select code and use the Switchboard commands to explain, refactor, fix, document or test it.',
  emptyHint: 'Keys stay in VS Code’s secret storage.',
  emptyNoModel: 'No model is chosen yet: pick a local server’s model, or a cloud provider and set its key.',
  emptyChooseModel: 'Choose a model…',
  inputLabel: 'Message',
  inputPlaceholderEnter: 'Ask Switchboard… (/image to draw)',
  inputPlaceholderCtrlEnter: 'Ask Switchboard… (Ctrl+Enter: send, /image: draw)',
  send: 'Send',
  stop: 'Stop',
  stopTitle: 'Stop (Escape)',
  messageList: 'Messages of this conversation',
  addContext: 'Add context… (@)',
  removeContext: 'Remove {0}',
  contextSize: '{0} characters',
  contextTokens: '~{0} tokens',
  contextOpen: 'Open {0}',
  contextSuggested: 'Suggested: {0} — press to attach',
  kindSelection: 'Selection',
  kindFile: 'File',
  kindFolder: 'Folder',
  kindProblems: 'Problems',
  kindTerminal: 'Terminal output',
  kindDiff: 'Changes',
  kindInstructions: 'Project instructions',
  kindImage: 'Image',
  removeImage: 'Remove image {0}',
  pickerLabel: 'Add context',
  pickSelection: 'Selection',
  pickFile: 'Current file',
  pickProblems: 'Problems: all',
  pickProblemsFile: 'Problems in the current file',
  pickTerminal: 'Terminal: last command’s output',
  pickDiff: 'Changes: working tree vs HEAD',
  pickIndexing: 'Indexing the workspace…',
  pickNoMatches: 'No matching files',
  slashLabel: 'Commands',
  slashImage: 'Draw a picture from a prompt',
  slashExplain: 'Explain the selected code',
  slashRefactor: 'Refactor the selected code',
  slashFix: 'Fix the selected code',
  slashDocument: 'Document the selected code',
  slashTests: 'Write tests for the selected code',
  meterLabel: 'Context window use',
  meterOf: '~{0} / {1} tokens',
  meterParts: 'Conversation ~{0}, attachments ~{1}, message ~{2} tokens',
  meterSourceProvider: '{0}: a {1}-token context window, as its provider lists it',
  meterSourceTable: '{0}: a {1}-token context window, from Switchboard’s table of known models',
  meterOver:
    'About {0} tokens more than {1}’s {2}-token context window: sending leaves out the oldest messages first, then cuts the largest attachments.',
  dropHint: 'Drop to add as context',
  messageTooLong:
    'This message is {0} characters long; the most one message can carry is {1}. Nothing was sent and your text is still here: shorten it, or attach the file as context instead.',
  contextTruncated: 'cut to the context budget',
  modelLoading: 'Loading models…',
  modelNone: 'Choose a model…',
  modelButton: 'Model: {0}',
  modelPickerLabel: 'Choose a chat model',
  modelListLabel: 'Chat models',
  modelFilter: 'Filter models',
  modelFilterPlaceholder: 'Type to filter models',
  modelNoMatches: 'No matching models',
  modelNoneListed: 'No models listed: set a provider’s key, or start a local server, then Refresh.',
  refreshModels: 'Refresh the model lists',
  you: 'You',
  assistant: 'Answer',
  statusStopped: 'Stopped',
  statusError: 'Failed',
  streaming: 'Answering…',
  usage: '{0} tokens in, {1} out',
  usageCached: '{0} tokens in ({2} cached), {1} out',
  costUnknown: 'cost unknown',
  costEstimated: '≈ {0} (estimated)',
  costPartlyUnknown: '{0} + unknown',
  costTitle: 'What this answer cost: every request it made, at each model’s prices',
  conversationCost: 'What this conversation cost',
  cached: 'from the response cache',
  semanticCached: 'from cache',
  semanticCachedNote: 'Answered from the cache, for an earlier similar question: “{0}”',
  askFresh: 'Ask fresh',
  askFreshTitle: 'Send this question to the model instead of using the cached answer',
  fallbackFrom: 'answered instead of {0}',
  regenerate: 'Regenerate',
  edit: 'Edit and resend',
  saveAndResend: 'Send',
  cancel: 'Cancel',
  editingNoteNone: 'Editing a sent message: sending replaces it.',
  editingNoteOne: 'Editing a sent message: sending replaces it and removes the message after it.',
  editingNoteOther: 'Editing a sent message: sending replaces it and removes the {0} messages after it.',
  cancelEdit: 'Cancel editing (Escape): your draft comes back',
  editedNoteNone: 'Your message was edited and sent again.',
  editedNoteOne: 'Your message was edited and sent again; the message after it was removed.',
  editedNoteOther: 'Your message was edited and sent again; the {0} messages after it were removed.',
  undo: 'Undo',
  undoEdit: 'Undo the edit: bring back the conversation as it was',
  notSentAsHistory: 'not sent as history',
  failedTurnTitle: 'This turn failed before its first word, so it is left out of what the model is sent. Retry replaces it.',
  actionSetKey: 'Set the API key',
  actionOpenSettings: 'Open settings',
  actionRetry: 'Retry',
  actionSwitchModel: 'Switch model',
  actionOpenLog: 'Show the log',
  actionRaiseBudget: 'Raise budget',
  actionSendAnyway: 'Send once anyway',
  showEarlier: 'Show {0} earlier messages',
  answerReady: 'Answer from {0}: {1}',
  close: 'Close',
  copy: 'Copy',
  insertAtCursor: 'Insert at cursor',
  applyAsDiff: 'Apply as diff',
  applyTo: 'Apply to {path}',
  applyAll: 'Apply all ({0} files)',
  applyAllLabel: 'Apply all changes: {0} files',
  saveAsNewFile: 'Save as new file',
  codeBlock: 'Code block: {language}',
  codeBlockFile: 'Code block: {language}, {path}',
  codeActions: 'Code actions',
  plainText: 'text',
  image: 'Image: {alt}',
  imageActions: 'Image actions: {0}',
  imageInsertReference: 'Insert reference',
  imageOpen: 'Open',
  imageReveal: 'Reveal in Explorer',
  imageEdit: 'Edit…',
  imageAnimate: 'Animate…',
  imageAsk: 'Ask about this image',
  imageSvg: '{0} was not attached: a vector image cannot be sent to a model. Export it as a PNG and attach that.',
  imageGif:
    '{0} was not attached: GIF images are not accepted, animated or not (of an animation a model sees only one frame, and not every provider reads GIF). Convert it to PNG.',
  imageTooLarge: '{0} was not attached: it is {1} MB, and an image can be at most {2} MB.',
  imageTooManyPixels: '{0} was not attached: it is {1} × {2} pixels, more than {3} megapixels.',
  imageUnreadable: '{0} was not attached: it could not be read as an image (damaged, or in a format the chat cannot read).',
  imageStillTooLarge: '{0} was not attached: even made smaller it is over {1} MB.',
  imageTooMany: 'Not attached: {0}. A message carries at most {1} images.',
  toolCard: 'Tool call: {0}',
  toolPending: 'Waiting for your answer',
  toolRunning: 'Running…',
  toolDone: 'Done',
  toolFailed: 'Failed',
  toolDenied: 'Denied',
  toolStopped: 'Stopped',
  toolArguments: 'Arguments',
  toolAllow: 'Allow',
  toolAllowAlways: 'Always allow read-only tools here',
  toolDeny: 'Deny',
  toolWantsToRun: 'Switchboard wants to run {0}: {1}. Allow or Deny.',
  toolAutoAllowed: 'Allowed automatically: read-only tools are always allowed in this workspace',
  toolAskAgain: 'Ask again',
  sizeBytes: '{0} B',
  sizeKilobytes: '{0} KB',
  sizeMegabytes: '{0} MB',
} as const;

export type WebviewStrings = { readonly [K in keyof typeof englishStrings]: string };
export type WebviewStringKey = keyof WebviewStrings;

const en: WebviewStrings = englishStrings;

/** The placeholders of a string (`{0}`, `{path}`), sorted: a translation must keep exactly the English ones. */
export function placeholdersOf(text: string): string[] {
  return (text.match(/\{\w+\}/g) ?? []).sort();
}

/**
 * The table the extension put into the document (`<script type="application/json" id="strings">`), over English:
 * a string that is missing, not a string, or has other placeholders than the English one stays English, and its key
 * goes to `onIgnored` (the view reports it to the extension's log). No table (English, or a language not shipped):
 * the English strings.
 */
export function readWebviewStrings(doc: Document, onIgnored?: (keys: string[]) => void): WebviewStrings {
  const text = doc.getElementById('strings')?.textContent;
  if (!text) return en;
  let table: unknown;
  try {
    table = JSON.parse(text);
  } catch {
    onIgnored?.(['(not JSON)']);
    return en;
  }
  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    onIgnored?.(['(not an object)']);
    return en;
  }
  const given = table as Record<string, unknown>;
  const strings: Record<string, string> = { ...en };
  const ignored: string[] = [];
  for (const key of Object.keys(en) as WebviewStringKey[]) {
    const value = given[key];
    if (typeof value === 'string' && value !== '' && placeholdersOf(value).join() === placeholdersOf(en[key]).join()) strings[key] = value;
    else ignored.push(key);
  }
  if (ignored.length > 0) onIgnored?.(ignored);
  return strings as WebviewStrings;
}

/** Fills `{0}`, `{1}`… in a string of the table. */
export function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}

/** The form of a counted sentence: `{key}None`, `{key}One` or `{key}Other`, with the count filled in. */
export function counted(strings: WebviewStrings, key: 'editingNote' | 'editedNote', count: number): string {
  const form = count === 0 ? strings[`${key}None`] : count === 1 ? strings[`${key}One`] : strings[`${key}Other`];
  return format(form, count.toLocaleString(document.documentElement.lang || undefined));
}
