/**
 * Tiny static file server for end-to-end tests.
 *
 * - Listens on 127.0.0.1 with a random free port (never on other interfaces).
 * - Serves files below `dir` (directory requests map to `index.html`).
 * - Extra in-memory routes can be registered with `route()`; they win over files.
 * - Everything else is a 404. Paths escaping `dir` (`..`) are rejected.
 * - Every request path is recorded in `requests` so tests can assert what the
 *   browser actually fetched.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { listenOnLoopback } from './network';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface RouteResponse {
  body: string | Buffer;
  /** Defaults to the type derived from the route's extension (html if none). */
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
}

export type RouteHandler =
  | string
  | Buffer
  | RouteResponse
  | ((req: http.IncomingMessage) => RouteResponse | Promise<RouteResponse>);

export interface StaticServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** Paths (with query string) of every request received, in order. */
  readonly requests: string[];
  /** Register (or replace) an in-memory route. `pathname` must start with `/`. Returns the full URL. */
  route(pathname: string, handler: RouteHandler): string;
  /** Remove an in-memory route. */
  unroute(pathname: string): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Headers added to every response (files and routes). E.g. to serve saved
   * real pages without letting their own remote assets load (which would
   * muddy a privacy test), pass
   * `{ 'Content-Security-Policy': "default-src 'self' 'unsafe-inline' data:" }`:
   * the page's CSP does not apply to the extension's content-script fetches
   * or to its background.
   */
  headers?: Record<string, string>;
}

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const extraHeaders = options.headers ?? {};
  const root = path.resolve(dir);
  const routes = new Map<string, RouteHandler>();
  const requests: string[] = [];

  const server = http.createServer(async (req, res) => {
    const rawUrl = req.url ?? '/';
    requests.push(rawUrl);
    try {
      const { pathname } = new URL(rawUrl, 'http://127.0.0.1');
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        return send(res, 400, 'text/plain; charset=utf-8', 'Bad Request');
      }

      const handler = routes.get(decoded);
      if (handler !== undefined) {
        const r = await resolveRoute(handler, req);
        res.writeHead(r.status ?? 200, {
          'Content-Type': r.contentType ?? routeContentType(decoded),
          'Cache-Control': 'no-store',
          ...extraHeaders,
          ...r.headers,
        });
        return res.end(req.method === 'HEAD' ? undefined : r.body);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
      }

      let filePath = path.resolve(root, `.${decoded}`);
      if (filePath !== root && !filePath.startsWith(root + path.sep)) {
        return send(res, 404, 'text/plain; charset=utf-8', 'Not Found');
      }
      let st = await stat(filePath).catch(() => null);
      if (st?.isDirectory()) {
        filePath = path.join(filePath, 'index.html');
        st = await stat(filePath).catch(() => null);
      }
      if (!st?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not Found');

      res.writeHead(200, {
        'Content-Type': contentTypeFor(filePath),
        'Content-Length': st.size,
        'Cache-Control': 'no-store',
        ...extraHeaders,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(filePath)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (err) {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(err));
      else res.destroy();
    }
  });

  // Keep-alive sockets would make close() hang until they time out.
  server.keepAliveTimeout = 1000;

  const port = await listenOnLoopback(server);
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    requests,
    route(pathname, handler) {
      if (!pathname.startsWith('/')) throw new Error(`route path must start with "/": ${pathname}`);
      routes.set(pathname, handler);
      return url + pathname;
    },
    unroute(pathname) {
      routes.delete(pathname);
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function routeContentType(pathname: string): string {
  return path.extname(pathname) ? contentTypeFor(pathname) : CONTENT_TYPES['.html'];
}

async function resolveRoute(handler: RouteHandler, req: http.IncomingMessage): Promise<RouteResponse> {
  if (typeof handler === 'function') return handler(req);
  if (typeof handler === 'string' || Buffer.isBuffer(handler)) return { body: handler };
  return handler;
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
