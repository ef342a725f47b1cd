// The script the open benchmark's page runs before the webview bundle (by nonce, as VS Code injects its own
// `acquireVsCodeApi` before the extension's scripts): a stub of the VS Code API that records what the webview
// posts, and the timing of one incoming message, from posting it to the first frame that shows its result.
//
// Plain JavaScript in a string: it goes into the page as it is.
export const stubScript = String.raw`(() => {
  'use strict';
  const bench = { posted: [], lastDispatch: 0 };
  let state;
  let acquired = false;
  window.acquireVsCodeApi = function acquireVsCodeApi() {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage(message) { bench.posted.push(message); },
      getState() { return state; },
      setState(value) { state = value; return value; },
    });
  };
  // Added before the bundle's own listener, so it runs first: where the bundle's handler starts.
  window.addEventListener('message', () => { bench.lastDispatch = performance.now(); });

  // Posts one message the way the extension's arrive (a window message event) and resolves after the first
  // animation frame that follows the bundle's handler, with style and layout forced in that frame.
  bench.deliver = (message, lastId) => new Promise((resolve) => {
    const marks = {};
    const after = () => {
      window.removeEventListener('message', after);
      marks.handlerStart = bench.lastDispatch;
      marks.handlerEnd = performance.now();
      requestAnimationFrame(() => {
        marks.rafStart = performance.now();
        const height = document.body.offsetHeight;
        marks.frame = performance.now();
        const list = document.getElementById('messages');
        const rendered = list ? list.querySelectorAll('article.message').length : -1;
        const last = lastId ? document.querySelector('article.message[data-id="' + lastId + '"] .message-body, article.message[data-id="' + lastId + '"] .message-text') : null;
        const lastRendered = !!last && last.textContent.length > 0;
        // The first task after the frame's rendering: the frame has been painted (or given up).
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          marks.afterPaint = performance.now();
          resolve({ marks, height, rendered, lastRendered, errors: bench.posted.filter((m) => m.type === 'reportError').map((m) => m.message) });
        };
        channel.port2.postMessage(0);
      });
    };
    window.addEventListener('message', after);
    marks.posted = performance.now();
    window.postMessage(message, '*');
  });
  window.__bench = bench;
})();`;
