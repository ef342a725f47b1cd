// The chat view's own strings, in every language the extension ships (docs/chat.md: English and Russian at least).
// The extension puts VS Code's display language into <html lang>, and the webview picks its table from it.
// `{0}`, `{1}` are placeholders filled by `format`.

const en = {
  emptyTitle: 'Ask Switchboard',
  emptyBody:
    'Chat with the model of your choice — cloud or local. Select code and use the Switchboard commands to explain, refactor, fix, document or test it.',
  emptyHint: 'Keys stay in VS Code’s secret storage.',
  inputLabel: 'Message',
  inputPlaceholderEnter: 'Ask Switchboard… (/image to draw)',
  inputPlaceholderCtrlEnter: 'Ask Switchboard… (Ctrl+Enter: send, /image: draw)',
  send: 'Send',
  stop: 'Stop',
  newChat: 'New chat',
  history: 'Conversations',
  exportChat: 'Export as Markdown',
  addSelection: 'Add the selection as context',
  addFile: 'Add the current file as context',
  removeContext: 'Remove {0}',
  contextSize: '{0} characters',
  messageTooLong:
    'This message is {0} characters long; the most one message can carry is {1}. Nothing was sent and your text is still here: shorten it, or attach the file as context instead.',
  contextTruncated: 'cut to the context budget',
  model: 'Model',
  modelLoading: 'Loading models…',
  modelNone: 'Choose a model…',
  refreshModels: 'Refresh the model lists',
  you: 'You',
  assistant: 'Answer',
  statusStopped: 'Stopped',
  statusError: 'Failed',
  streaming: 'Answering…',
  usage: '{0} tokens in, {1} out',
  cached: 'from the response cache',
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
  showEarlier: 'Show {0} earlier messages',
  noConversations: 'No saved conversations yet.',
  rename: 'Rename',
  delete: 'Delete',
  deleteConfirm: 'Delete “{0}”? This cannot be undone.',
  renamePrompt: 'New title',
  messages: '{0} messages',
  answerReady: 'Answer from {0}: {1}',
  close: 'Close',
  copy: 'Copy',
  insertAtCursor: 'Insert at cursor',
  applyAsDiff: 'Apply as diff',
  saveAsNewFile: 'Save as new file',
  codeBlock: 'Code block: {language}',
  codeActions: 'Code actions',
  plainText: 'text',
  image: 'Image: {alt}',
} as const;

export type WebviewStrings = { readonly [K in keyof typeof en]: string };

const ru: WebviewStrings = {
  emptyTitle: 'Спросите Switchboard',
  emptyBody:
    'Общайтесь с выбранной моделью — облачной или локальной. Выделите код и используйте команды Switchboard, чтобы объяснить, переработать, исправить, задокументировать или покрыть его тестами.',
  emptyHint: 'Ключи хранятся в защищённом хранилище VS Code.',
  inputLabel: 'Сообщение',
  inputPlaceholderEnter: 'Спросите Switchboard… (/image — картинка)',
  inputPlaceholderCtrlEnter: 'Спросите Switchboard… (Ctrl+Enter — отправить, /image — картинка)',
  send: 'Отправить',
  stop: 'Остановить',
  newChat: 'Новый чат',
  history: 'Разговоры',
  exportChat: 'Экспорт в Markdown',
  addSelection: 'Добавить выделение как контекст',
  addFile: 'Добавить текущий файл как контекст',
  removeContext: 'Убрать {0}',
  contextSize: 'символов: {0}',
  messageTooLong:
    'В сообщении {0} символов, а одно сообщение вмещает не больше {1}. Ничего не отправлено, текст остался на месте: сократите его или приложите файл как контекст.',
  contextTruncated: 'обрезано до лимита контекста',
  model: 'Модель',
  modelLoading: 'Загрузка моделей…',
  modelNone: 'Выберите модель…',
  refreshModels: 'Обновить списки моделей',
  you: 'Вы',
  assistant: 'Ответ',
  statusStopped: 'Остановлено',
  statusError: 'Ошибка',
  streaming: 'Отвечает…',
  usage: 'токенов: {0} на входе, {1} на выходе',
  cached: 'из кэша ответов',
  fallbackFrom: 'ответ вместо {0}',
  regenerate: 'Сгенерировать заново',
  edit: 'Изменить и отправить',
  saveAndResend: 'Отправить',
  cancel: 'Отмена',
  editingNoteNone: 'Вы изменяете отправленное сообщение: при отправке оно будет заменено.',
  editingNoteOne: 'Вы изменяете отправленное сообщение: при отправке оно будет заменено, а следующее за ним сообщение удалено.',
  editingNoteOther: 'Вы изменяете отправленное сообщение: при отправке оно будет заменено, а сообщения после него удалены (их {0}).',
  cancelEdit: 'Отмена изменения (Escape): вернётся ваш черновик',
  editedNoteNone: 'Сообщение изменено и отправлено заново.',
  editedNoteOne: 'Сообщение изменено и отправлено заново; следующее за ним сообщение удалено.',
  editedNoteOther: 'Сообщение изменено и отправлено заново; сообщения после него удалены (их {0}).',
  undo: 'Вернуть',
  undoEdit: 'Отменить изменение: вернуть разговор, каким он был',
  notSentAsHistory: 'не передаётся модели как история',
  failedTurnTitle: 'Этот обмен не удался до первого слова, поэтому модель его не получает. «Повторить» заменит его.',
  actionSetKey: 'Задать API-ключ',
  actionOpenSettings: 'Открыть настройки',
  actionRetry: 'Повторить',
  actionSwitchModel: 'Сменить модель',
  actionOpenLog: 'Показать журнал',
  showEarlier: 'Показать ещё {0} сообщений',
  noConversations: 'Сохранённых разговоров пока нет.',
  rename: 'Переименовать',
  delete: 'Удалить',
  deleteConfirm: 'Удалить «{0}»? Это нельзя отменить.',
  renamePrompt: 'Новое название',
  messages: 'сообщений: {0}',
  answerReady: 'Ответ от {0}: {1}',
  close: 'Закрыть',
  copy: 'Копировать',
  insertAtCursor: 'Вставить в позицию курсора',
  applyAsDiff: 'Применить через diff',
  saveAsNewFile: 'Сохранить как новый файл',
  codeBlock: 'Блок кода: {language}',
  codeActions: 'Действия с кодом',
  plainText: 'текст',
  image: 'Изображение: {alt}',
};

const tables: Record<string, WebviewStrings> = { en, ru };

/** The strings for a BCP 47 tag such as `ru` or `en-GB`; English when the language is not shipped. */
export function webviewStringsFor(lang: string): WebviewStrings {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en';
  return tables[primary] ?? en;
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
