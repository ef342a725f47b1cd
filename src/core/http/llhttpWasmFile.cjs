// In the engine bundle, undici's HTTP parser (llhttp) is not carried as ~70 KB of base64 inside the JavaScript
// (undici's lib/llhttp/llhttp-wasm.js) but as the WebAssembly binary itself, dist/llhttp.wasm, which esbuild.js
// writes beside dist/engine.js from the same undici. undici requires this module lazily, the first time it parses a
// response (lib/dispatcher/client-h1.js, lazyllhttp), so the file is read once, on the first request.
// Why: all shipped JavaScript must stay within 1.2 MB (docs/performance.md), and a binary needs no decoding.
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');

module.exports = readFileSync(path.join(__dirname, 'llhttp.wasm'));
