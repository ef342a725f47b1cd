// The part of undici the engine uses — Agent, ProxyAgent, buildConnector and request() — without the rest of the
// package (fetch, WebSocket, EventSource, caches, mocks), which its index.js loads and a bundler cannot leave out.
// esbuild.js puts this file in place of `undici` when it builds dist/engine.js (docs/performance.md: all shipped
// JavaScript ≤ 1.2 MB); the sources and the tests import `undici` itself, so both must keep behaving the same:
// request() below follows undici's own `makeDispatcher(api.request)` in its index.js for the calls the engine makes
// (a URL string and options with an explicit dispatcher).
'use strict';
const { URL } = require('node:url');
const Agent = require('undici/lib/dispatcher/agent');
const ProxyAgent = require('undici/lib/dispatcher/proxy-agent');
const Dispatcher = require('undici/lib/dispatcher/dispatcher');
const buildConnector = require('undici/lib/core/connect');
const api = require('undici/lib/api');

// undici's index.js gives every dispatcher the request/stream/pipeline methods this way.
Object.assign(Dispatcher.prototype, api);

function request(url, opts) {
  const parsed = new URL(url);
  return api.request.call(opts.dispatcher, {
    ...opts,
    origin: parsed.origin,
    path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname,
    method: opts.method || (opts.body ? 'PUT' : 'GET'),
  });
}

module.exports = { Agent, ProxyAgent, buildConnector, request };
