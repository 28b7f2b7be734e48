/**
 * "Black-hole" HTTP proxy for end-to-end tests.
 *
 * Both launchers point the browser's proxy setting at one of these. Browsers
 * never proxy loopback addresses (127.0.0.1, localhost, [::1]), so the test
 * server is reached directly, while every other http:// or https:// request
 * (from pages, content scripts, the extension's background, or the browser
 * itself: telemetry, updates, safe browsing, ...) lands here. Nothing is
 * forwarded: plain HTTP gets a 502, CONNECT (https/wss) gets a 403, and the
 * target is recorded in `hits`.
 *
 * This does two jobs:
 *  - it guarantees that a test run never reaches another host, and
 *  - it is a browser-wide network recorder, including the contexts that the
 *    automation protocol cannot see (Firefox's extension background page and
 *    extension tabs are invisible to WebDriver BiDi network events).
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './network';

export interface ProxyHit {
  /** HTTP method, or CONNECT for tunnels (https, wss). */
  method: string;
  /** Absolute URL for plain HTTP; `host:port` for CONNECT. */
  target: string;
  /** Host name of the target, without port. */
  host: string;
  time: number;
}

export interface BlackholeProxy {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** Every request the proxy received, in order. */
  readonly hits: ProxyHit[];
  close(): Promise<void>;
}

export async function startBlackholeProxy(): Promise<BlackholeProxy> {
  const hits: ProxyHit[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const target = req.url ?? '';
    let host = (req.headers.host ?? '').replace(/:\d+$/, '');
    try {
      host = new URL(target).hostname;
    } catch {
      // origin-form request (someone talked to the proxy as a server)
    }
    hits.push({ method: req.method ?? '?', target, host, time: Date.now() });
    res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
    res.end('blocked by the e2e black-hole proxy');
  });
  server.on('connect', (req, socket: Socket) => {
    const target = req.url ?? '';
    hits.push({ method: 'CONNECT', target, host: target.replace(/:\d+$/, ''), time: Date.now() });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
