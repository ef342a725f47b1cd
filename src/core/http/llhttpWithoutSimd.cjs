// In the engine bundle, undici's SIMD build of its HTTP parser (llhttp_simd-wasm.js, ~70 KB of base64) is replaced by
// this file, which throws: undici then loads its plain WebAssembly build, the one it falls back to anyway wherever SIMD
// is missing (lib/dispatcher/client-h1.js, lazyllhttp). Both builds parse the same; keeping one of the two keeps all
// shipped JavaScript within its 1.2 MB budget (docs/performance.md). esbuild.js swaps it in; tests use undici itself.
'use strict';
throw new Error('the SIMD build of llhttp is not shipped with Switchboard; undici uses its plain WebAssembly build');
