/** Shared helpers for network/privacy assertions. */

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
