// In the engine bundle, undici's fetch body module (lib/web/fetch/body.js, with the FormData parser, WebIDL and
// fetch helpers it pulls in: ~40 KB) is replaced by this file. undici's HTTP/1.1 client needs it only to send a
// WHATWG FormData object as a body (lib/dispatcher/client-h1.js); the engine never does: multipart bodies are
// encoded by src/core/images/encodeFormData.ts into bytes. If one ever were sent, this says so clearly.
// esbuild.js swaps it in; the tests use undici itself.
'use strict';
module.exports = {
  extractBody() {
    throw new Error('FormData bodies are not shipped with Switchboard: encode multipart with src/core/images/encodeFormData.ts');
  },
};
