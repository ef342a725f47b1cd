// The setup most protocol tests share: a fresh FakeHttpServer for each test, and the HttpClients the test made
// closed after it (so no pooled connection outlives the server). Call it inside a `describe`.
import type { HttpClient, HttpClientOptions } from '../../../src/core/http/httpClient';
import { testHttpClient } from './chatTestKit';
import { FakeHttpServer } from './fakeHttpServer';

export interface FakeServerPerTest {
  /** This test's server (started in `beforeEach`). */
  readonly server: FakeHttpServer;
  /** A test HttpClient (short timeouts, instant backoff, no proxy), closed after the test. */
  client(options?: HttpClientOptions): HttpClient;
}

export function fakeServerPerTest(): FakeServerPerTest {
  let current: FakeHttpServer | undefined;
  const clients: HttpClient[] = [];
  beforeEach(async () => {
    current = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await current?.close();
    current = undefined;
  });
  return {
    get server(): FakeHttpServer {
      if (current === undefined) throw new Error('the fake server runs only inside a test');
      return current;
    },
    client(options: HttpClientOptions = {}): HttpClient {
      const http = testHttpClient(options);
      clients.push(http);
      return http;
    },
  };
}
