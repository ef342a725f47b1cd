// A tiny HTTP proxy on 127.0.0.1: CONNECT tunnels (what undici's ProxyAgent uses) and plain forward requests.
// It records what it was asked to reach, so tests can tell whether a request went through it. Like a real proxy it
// resolves the target's host name itself; `hosts` stands in for its DNS (e.g. `provider.test` → 127.0.0.1), so a
// test can reach a local server under a name that is not loopback (loopback never goes through a proxy).
// Follows RFC 9110 (CONNECT, section 9.3.6; absolute-form targets of forwarded requests) as squid and the like do.
import { once } from 'node:events';
import * as http from 'node:http';
import * as net from 'node:net';

export class FakeProxy {
  /** `host:port` targets of CONNECT requests, and absolute URLs of forwarded requests. */
  readonly seen: string[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: http.Server,
    private readonly hosts: Readonly<Record<string, string>>,
  ) {}

  static async start(options: { hosts?: Record<string, string> } = {}): Promise<FakeProxy> {
    const server = http.createServer();
    const proxy = new FakeProxy(server, options.hosts ?? {});
    server.on('connection', (socket: net.Socket) => {
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      proxy.seen.push(req.url ?? '');
      const [host = '', port = '80'] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), proxy.hosts[host] ?? host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      proxy.sockets.add(upstream);
      upstream.on('close', () => proxy.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      proxy.seen.push(req.url ?? '');
      const target = new URL(req.url ?? '');
      target.hostname = proxy.hosts[target.hostname] ?? target.hostname;
      const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return proxy;
  }

  get url(): string {
    const { port } = this.server.address() as net.AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
