/**
 * Talking to the built extension's background as its own pages do: a request
 * sent with `chrome.runtime.sendMessage` from an extension page and timed in
 * that page; the tab a page is in, found through its content script; the
 * service worker's JS heap, read over CDP; the extension's storage use. Every
 * wait is bounded, so a background that never answers fails the section with
 * a message saying what it waited for, instead of hanging the bench.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumExtension } from '../e2e/support/chromium';
import type { BackgroundRequest, BackgroundResponses } from '../lib/messages';
import { sleep } from './browser';

export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Timed<T> {
  value: T;
  /** From the page's sendMessage to its answer, in the page's clock. */
  ms: number;
}

interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tab: number, message: unknown): Promise<unknown> };
  storage: { local: { getBytesInUse(keys: null): Promise<number> } };
}

/** One request from `page` (an extension page), as the popup, the options page or a content script sends it. */
export async function askTimed<R extends BackgroundRequest>(page: Page, request: R, timeoutMs: number): Promise<Timed<BackgroundResponses[R['type']]>> {
  const answer = page.evaluate(async (message) => {
    const { runtime } = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const started = performance.now();
    const value = await runtime.sendMessage(message);
    return { value, ms: performance.now() - started };
  }, request as BackgroundRequest);
  const { value, ms } = await withTimeout(answer, timeoutMs, `the '${request.type}' request`);
  // undefined: no listener answered (the background rejected the shape, or has no handler for it).
  if (value === undefined) throw new Error(`the '${request.type}' request got no answer from the background`);
  return { value: value as BackgroundResponses[R['type']], ms };
}

/** The id of the tab whose page shows `text`, asked of each tab's content script (the extension holds no `tabs` permission to read addresses). */
export async function tabShowing(page: Page, text: string, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await page.evaluate(async (needle) => {
      const { tabs } = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      for (const tab of await tabs.query({})) {
        if (tab.id === undefined) continue;
        const state = (await tabs.sendMessage(tab.id, { type: 'page-state' }).catch(() => null)) as { text?: string } | null;
        if (state?.text?.includes(needle)) return tab.id;
      }
      return null;
    }, text);
    if (found !== null) return found;
    await sleep(100);
  }
  throw new Error(`no tab's content script reports a page showing "${text}" within ${timeoutMs / 1000} s (did the content script start?)`);
}

export interface StorageUse {
  /** navigator.storage.estimate().usage of the extension's origin, bytes. */
  usage: number;
  /** Its IndexedDB part, where Chromium itemises it. */
  indexedDB: number | null;
  /** chrome.storage.local (where the library's names are published for content scripts), bytes. */
  storageLocal: number;
}

export async function storageUse(page: Page): Promise<StorageUse> {
  const read = page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    const local = await (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.getBytesInUse(null);
    return { usage: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? null, storageLocal: local };
  });
  return withTimeout(read, 30_000, 'navigator.storage.estimate()');
}

export interface WorkerHeap {
  /** V8 heap in use after a full collection, bytes. */
  used: number;
  total: number;
  /** ArrayBuffer backing stores, outside the V8 heap. */
  backingStorage: number;
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
}

/**
 * The running service worker's heap after a forced collection. Playwright's CDP
 * sessions attach to pages only, so the worker's target is reached from the
 * browser session through `Target.sendMessageToTarget` (a non-flat session),
 * which Chromium 156 still relays.
 */
export async function workerHeap(ext: ChromiumExtension, timeoutMs = 60_000): Promise<WorkerHeap> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser-level CDP session: the service worker heap cannot be read');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ext.extensionUrl()));
    if (!target) throw new Error('the service worker is not running: no heap to read');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const send = relay(cdp, sessionId);
    await withTimeout(send('HeapProfiler.collectGarbage'), timeoutMs, 'HeapProfiler.collectGarbage on the service worker');
    await withTimeout(send('HeapProfiler.collectGarbage'), timeoutMs, 'HeapProfiler.collectGarbage on the service worker');
    const usage = (await withTimeout(send('Runtime.getHeapUsage'), timeoutMs, 'Runtime.getHeapUsage on the service worker')) as HeapUsage;
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    if (!(usage.usedSize > 0)) throw new Error(`the service worker reported a heap of ${usage.usedSize} bytes`);
    return { used: usage.usedSize, total: usage.totalSize, backingStorage: usage.backingStorageSize ?? 0 };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Commands to an attached target, answered through `Target.receivedMessageFromTarget`. */
function relay(cdp: CDPSession, sessionId: string): (method: string, params?: object) => Promise<unknown> {
  let next = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = reply.id === undefined ? undefined : waiting.get(reply.id);
    if (!w || reply.id === undefined) return;
    waiting.delete(reply.id);
    if (reply.error) w.reject(new Error(reply.error.message));
    else w.resolve(reply.result);
  });
  return (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
}
