// The chat view's own strings, in every language the extension ships (SPEC §5: English and Russian at least).
// The extension puts VS Code's display language into <html lang>, and the webview picks its table from it.

const en = {
  emptyTitle: 'Ask Switchboard',
  emptyBody: 'Chat with the model of your choice — cloud or local. Select code and use the Switchboard commands to explain, refactor, fix, document or test it.',
  emptyHint: 'Keys stay in VS Code’s secret storage.',
} as const;

export type WebviewStrings = { readonly [K in keyof typeof en]: string };

const ru: WebviewStrings = {
  emptyTitle: 'Спросите Switchboard',
  emptyBody: 'Общайтесь с выбранной моделью — облачной или локальной. Выделите код и используйте команды Switchboard, чтобы объяснить, переработать, исправить, задокументировать или покрыть его тестами.',
  emptyHint: 'Ключи хранятся в защищённом хранилище VS Code.',
};

const tables: Record<string, WebviewStrings> = { en, ru };

/** The strings for a BCP 47 tag such as `ru` or `en-GB`; English when the language is not shipped. */
export function webviewStringsFor(lang: string): WebviewStrings {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en';
  return tables[primary] ?? en;
}
