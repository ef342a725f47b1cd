// In the engine bundle, undici's HTTP/2 client (lib/dispatcher/client-h2.js, ~10 KB) is replaced by this file.
// undici speaks HTTP/2 only when a connector is built with `allowH2`, which the engine never sets
// (src/core/http/createDispatcher.ts): TLS then offers only http/1.1, so this is never called. If it ever were, it
// says so instead of failing somewhere deeper. esbuild.js swaps it in; the tests use undici itself.
'use strict';
module.exports = function connectH2() {
  throw new Error('HTTP/2 is not shipped with Switchboard: the engine connects with HTTP/1.1 only');
};
