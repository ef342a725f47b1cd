// Switching the editor's colour theme and waiting until it has really taken, in the workbench and in a webview,
// before anything looks at the colours or takes a picture (a screenshot named after a theme must show that theme).
import type { Frame } from 'playwright-core';
import type { EditorSession } from './editorSession';

export interface ColorTheme {
  /** The theme's label, the value of `workbench.colorTheme`. */
  name: string;
  /** The class VS Code puts on `.monaco-workbench` for the theme's kind. */
  workbenchClass: 'vs' | 'vs-dark' | 'hc-black' | 'hc-light';
  /** The class VS Code puts on a webview's `<body>` for the theme's kind (VS Code's "Webview API" guide, theming). */
  webviewClass: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast';
  /** The name a webview's `<body data-vscode-theme-name>` carries: the theme file's own name, not the label. */
  webviewName: string;
}

export const lightTheme: ColorTheme = {
  name: 'Default Light Modern',
  workbenchClass: 'vs',
  webviewClass: 'vscode-light',
  webviewName: 'Light Modern',
};
export const darkTheme: ColorTheme = {
  name: 'Default Dark Modern',
  workbenchClass: 'vs-dark',
  webviewClass: 'vscode-dark',
  webviewName: 'Dark Modern',
};
export const highContrastTheme: ColorTheme = {
  name: 'Default High Contrast',
  workbenchClass: 'hc-black',
  webviewClass: 'vscode-high-contrast',
  webviewName: 'Dark High Contrast',
};

interface ThemeState {
  workbenchClasses: string;
  sideBarBackground: string;
  webviewClasses: string;
  webviewThemeName: string | null;
  webviewBackground: string;
}

/**
 * Sets `workbench.colorTheme` and waits until the workbench carries the theme's class, the webview in `frame` carries
 * its own class and theme name, and the webview paints the same background as the side bar it sits in: only then do
 * colours measured or pictures taken belong to that theme.
 */
export async function switchColorTheme(session: EditorSession, frame: Frame, theme: ColorTheme, timeoutMs = 20_000): Promise<void> {
  await session.bridge.setUserSetting('workbench.colorTheme', theme.name);
  const deadline = Date.now() + timeoutMs;
  let state: ThemeState | undefined;
  for (;;) {
    state = await themeState(session, frame);
    const taken =
      state.workbenchClasses.split(/\s+/).includes(theme.workbenchClass) &&
      state.webviewClasses.split(/\s+/).includes(theme.webviewClass) &&
      (state.webviewThemeName === null || state.webviewThemeName === theme.webviewName) &&
      state.webviewBackground === state.sideBarBackground;
    if (taken) break;
    if (Date.now() > deadline) throw new Error(`the editor did not switch to ${theme.name}: ${JSON.stringify(state)}`);
    await session.page.waitForTimeout(200);
  }
  // Two frames, so what the styles say is also what is painted when a screenshot follows.
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function themeState(session: EditorSession, frame: Frame): Promise<ThemeState> {
  const workbench = await session.page.evaluate(() => {
    const sideBar = document.querySelector('.part.sidebar');
    return {
      workbenchClasses: document.querySelector('.monaco-workbench')?.className ?? '',
      sideBarBackground: sideBar ? getComputedStyle(sideBar).backgroundColor : '',
    };
  });
  const webview = await frame.evaluate(() => ({
    webviewClasses: document.body.className,
    webviewThemeName: document.body.getAttribute('data-vscode-theme-name'),
    webviewBackground: getComputedStyle(document.body).backgroundColor,
  }));
  return { ...workbench, ...webview };
}
