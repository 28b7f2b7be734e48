/** Shared helpers for network/privacy assertions. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  url: string;
  method: string;
  /** e.g. document, script, fetch, xhr, image (browser-specific names). */
  resourceType: string;
  /** Who made it: the page URL, or `service-worker <url>`. */
  source: string;
  /** Set when the request failed (e.g. blocked by the black-hole proxy). */
  failure?: string;
}

/** What a launcher's `recordRequests()` returns, in either browser. */
export interface NetworkRecorder {
  readonly requests: RecordedRequest[];
  /** Requests whose URL is not loopback / extension / data: / blob: / about:. */
  external(): RecordedRequest[];
  stop(): void;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const LOCAL_PROTOCOLS = new Set(['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:']);

/**
 * True for URLs that never leave the machine: the extension's own origin,
 * data:/blob:/about:, and loopback hosts (the test server).
 */
export function isLocalOrExtensionUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_PROTOCOLS.has(u.protocol)) return true;
  if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') {
    return LOOPBACK_HOSTS.has(u.hostname) || u.hostname.startsWith('127.');
  }
  return false;
}

/** Starts a server on a random loopback port and returns that port. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
