// The whole chat view (src/webview/main.ts) under a stand-in VS Code API (fakeVsCodeApi.ts, imported first).
import './fakeVsCodeApi';
import '../../../src/webview/main';
