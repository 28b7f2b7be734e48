/**
 * Launch Debian's Chromium (headless) with an unpacked MV3 extension loaded,
 * through playwright-core's persistent context.
 *
 * Facts checked on Chromium 156 + playwright-core 1.65 (see e2e/harness.test.ts):
 *
 * - `headless: true` with an executablePath runs the "new" headless mode
 *   (the only one in Chromium >= 132), which supports extensions.
 *   `--load-extension` still works in Chromium (Google removed it only from
 *   branded Chrome). Debian's /usr/bin/chromium wrapper script adds its own
 *   `--load-extension=` flag first; ours comes later and wins.
 * - The extension id of an unpacked extension is derived from its absolute
 *   path (or from `key` in manifest.json), so it is computed up front and then
 *   checked against the service worker URL.
 * - Stopping the service worker: the CDP `ServiceWorker` domain on any page's
 *   session (`ServiceWorker.enable` then `ServiceWorker.stopWorker` /
 *   `stopAllWorkers`) really stops it: its running status goes
 *   running → stopping → stopped and its DevTools target disappears. The next
 *   `chrome.runtime.sendMessage` from an extension page (or a content script)
 *   starts it again with fresh globals. `ServiceWorker.*` is not available on
 *   the browser-level CDP session ("'ServiceWorker.enable' wasn't found").
 *   (`Target.closeTarget` on the worker's target, from
 *   `browser.newBrowserCDPSession()`, also stopped it in a quick experiment,
 *   but the ServiceWorker domain is used because it reports running status.)
 *   Playwright keeps the same `Worker` object across the restart: while the
 *   worker is stopped, `worker.evaluate()` waits; after the restart it
 *   evaluates in the new instance. (No `close` event is emitted on stop.)
 * - Because playwright is attached to the worker as a debugger, Chrome does
 *   NOT stop it after 30 s idle as it would for a user; tests that need a
 *   stopped worker must call `stopServiceWorker()`.
 * - Requests: playwright's `context.on('request')` reports page, content
 *   script and service-worker requests (`request.serviceWorker()`).
 *   The black-hole proxy additionally catches browser-internal traffic.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Request, type Worker } from 'playwright-core';
import { type BlackholeProxy, startBlackholeProxy } from './blackhole-proxy';
import { CHROMIUM_PATH } from './env';
import { isLocalOrExtensionUrl, type NetworkRecorder, type RecordedRequest } from './network';

export interface ChromiumOptions {
  colorScheme?: 'light' | 'dark';
  /**
   * BCP 47 tag, e.g. 'fr-FR'. Sets navigator.language(s) and Accept-Language
   * (playwright emulation) and passes `--lang`/LANGUAGE for the UI locale.
   * Observed with only en-US.pak installed: chrome.i18n.getUILanguage()
   * returns 'fr-FR' but chrome.i18n.getMessage() still picks _locales/en
   * (the application locale falls back to en-US without Debian's
   * `chromium-l10n` package; not tried with it).
   */
  locale?: string;
  viewport?: { width: number; height: number };
  /** Route all non-loopback traffic to a recording black-hole proxy (default true). */
  blackholeProxy?: boolean;
  /** Extra Chromium command-line switches. */
  args?: string[];
  /** Wait at most this long for the extension's service worker at launch (default 20 s). */
  serviceWorkerTimeoutMs?: number;
  /**
   * A profile folder the caller owns, kept after close: to start the browser again on the same
   * profile (what the reader's library must survive). By default a fresh folder, removed on close.
   */
  userDataDir?: string;
}

export type ServiceWorkerRunningStatus = 'stopped' | 'starting' | 'running' | 'stopping' | 'none';

export interface ChromiumExtension {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://ID/` + path */
  extensionUrl(pathname?: string): string;
  /** The extension's MV3 service worker (waits for it if it is not there yet). */
  serviceWorker(timeoutMs?: number): Promise<Worker>;
  /** New tab on `chrome-extension://ID/<pathname>`. */
  openExtensionPage(pathname: string): Promise<Page>;
  /** Stop the extension's service worker(s) and wait until stopped. */
  stopServiceWorker(): Promise<void>;
  /** Current running status of the extension's service worker ('none' if never registered). */
  serviceWorkerStatus(): Promise<ServiceWorkerRunningStatus>;
  /** Wait until the extension's service worker reports 'running'. */
  waitForServiceWorkerRunning(timeoutMs?: number): Promise<void>;
  /** Start recording every request made by any page/worker of the context. */
  recordRequests(): NetworkRecorder;
  /** The black-hole proxy (null if disabled). `proxy.hits` lists traffic that tried to leave. */
  proxy: BlackholeProxy | null;
  /** Wall time from launch call to extension ready, in ms. */
  launchMs: number;
  close(): Promise<void>;
}

export type { NetworkRecorder } from './network';

/**
 * Chromium's id for an unpacked extension: from manifest `key` if present,
 * else from the absolute path; sha256 → first 32 hex digits mapped 0-f → a-p.
 */
export function chromiumExtensionId(extensionDir: string): string {
  const abs = realpathSync(path.resolve(extensionDir));
  const manifest = JSON.parse(readFileSync(path.join(abs, 'manifest.json'), 'utf8')) as { key?: string };
  const input = manifest.key ? Buffer.from(manifest.key, 'base64') : Buffer.from(abs);
  return createHash('sha256')
    .update(input)
    .digest('hex')
    .slice(0, 32)
    .replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + Number.parseInt(c, 16)));
}

export async function launchChromium(extensionDir: string, opts: ChromiumOptions = {}): Promise<ChromiumExtension> {
  const t0 = Date.now();
  const dir = realpathSync(path.resolve(extensionDir));
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
  };
  const extensionId = chromiumExtensionId(dir);
  const origin = `chrome-extension://${extensionId}/`;
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
  const ownsProfile = opts.userDataDir === undefined;
  const proxy = opts.blackholeProxy === false ? null : await startBlackholeProxy();

  const args = [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--metrics-recording-only',
    '--no-pings',
    // Do NOT pass --disable-features/--enable-features: the last occurrence wins in
    // Chromium and playwright already passes lists that silence network-time,
    // optimization hints, ListAccounts, search preconnect, etc.
    // Safety net besides the proxy: no DNS for anything but loopback.
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
    // Browser-internal traffic that survives the switches above (seen with the
    // black-hole proxy on Chromium 156): GAIA /ListAccounts and an on-demand
    // component install via update.googleapis.com. Point both at a dead
    // loopback port.
    '--gaia-url=http://127.0.0.1:9',
    '--component-updater=url-source=http://127.0.0.1:9/',
    // A page with a form field makes Chromium ask its autofill server about it.
    '--autofill-server-url=http://127.0.0.1:9/',
    ...(proxy ? [`--proxy-server=${proxy.url}`] : []),
    ...(opts.locale ? [`--lang=${opts.locale}`] : []),
    ...(opts.args ?? []),
  ];

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args,
      ignoreDefaultArgs: ['--disable-extensions'],
      colorScheme: opts.colorScheme ?? 'light',
      locale: opts.locale,
      viewport: opts.viewport ?? { width: 1280, height: 800 },
      env: opts.locale ? { ...process.env, LANGUAGE: opts.locale } : process.env,
      timeout: 30_000,
    });
  } catch (err) {
    await proxy?.close();
    if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }

  const isOurs = (w: Worker) => w.url().startsWith(origin);

  async function serviceWorker(timeoutMs = opts.serviceWorkerTimeoutMs ?? 20_000): Promise<Worker> {
    const waiting = context.waitForEvent('serviceworker', { predicate: isOurs, timeout: timeoutMs });
    const existing = context.serviceWorkers().find(isOurs);
    if (existing) {
      waiting.catch(() => {});
      return existing;
    }
    return waiting.catch((err: Error) => {
      const seen = context.serviceWorkers().map((w) => w.url());
      throw new Error(
        `no service worker for ${origin} within ${timeoutMs} ms (workers seen: ${seen.join(', ') || 'none'}; ` +
          `is manifest.background.service_worker valid? does the extension load? ${err.message})`,
      );
    });
  }

  /** Run `fn` with a CDP session on some page of the context (temporary about:blank if none). */
  async function withPageCdp<T>(fn: (cdp: import('playwright-core').CDPSession) => Promise<T>): Promise<T> {
    let page = context.pages().find((p) => !p.isClosed());
    const temporary = !page;
    if (!page) page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    try {
      return await fn(cdp);
    } finally {
      await cdp.detach().catch(() => {});
      if (temporary) await page.close().catch(() => {});
    }
  }

  type Version = { versionId: string; scriptURL: string; runningStatus: ServiceWorkerRunningStatus };

  /**
   * Enable the ServiceWorker domain and collect the versions it reports for
   * our origin (live-updated map). enable() replays the current state as
   * events, asynchronously: wait until our version shows up (or give up after
   * `waitMs`, meaning the extension has no registered worker).
   */
  async function swVersions(cdp: import('playwright-core').CDPSession, waitMs = 3000): Promise<Map<string, Version>> {
    const versions = new Map<string, Version>();
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Version[] }) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(origin)) versions.set(v.versionId, v);
    });
    await cdp.send('ServiceWorker.enable');
    const deadline = Date.now() + waitMs;
    while (versions.size === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    return versions;
  }

  async function serviceWorkerStatus(): Promise<ServiceWorkerRunningStatus> {
    return withPageCdp(async (cdp) => {
      const versions = [...(await swVersions(cdp)).values()];
      if (versions.length === 0) return 'none';
      const order: ServiceWorkerRunningStatus[] = ['running', 'starting', 'stopping', 'stopped'];
      return order.find((s) => versions.some((v) => v.runningStatus === s)) ?? 'none';
    });
  }

  async function waitForServiceWorkerRunning(timeoutMs = 10_000): Promise<void> {
    await withPageCdp(async (cdp) => {
      const versions = await swVersions(cdp, timeoutMs);
      const deadline = Date.now() + timeoutMs;
      while (![...versions.values()].some((v) => v.runningStatus === 'running')) {
        if (Date.now() > deadline) {
          const states = [...versions.values()].map((v) => v.runningStatus).join(', ') || 'none';
          throw new Error(`service worker of ${origin} not running after ${timeoutMs} ms (status: ${states})`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      await cdp.send('ServiceWorker.disable').catch(() => {});
    });
  }

  async function stopServiceWorker(): Promise<void> {
    await withPageCdp(async (cdp) => {
      const seen: string[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Version[] }) => {
        for (const v of e.versions) if (v.scriptURL.startsWith(origin) && seen.at(-1) !== v.runningStatus) seen.push(v.runningStatus);
      });
      const versions = await swVersions(cdp);
      if (versions.size === 0) throw new Error(`no service worker registered for ${origin}`);
      const stopLive = async () => {
        for (const v of [...versions.values()].filter((x) => x.runningStatus === 'running' || x.runningStatus === 'starting')) {
          await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
        }
      };
      await stopLive();
      const deadline = Date.now() + 10_000;
      let again = Date.now() + 1000;
      while ([...versions.values()].some((v) => v.runningStatus !== 'stopped')) {
        if (Date.now() > deadline) throw new Error(`service worker of ${origin} did not stop within 10 s (${seen.join(' → ')})`);
        // A message that arrives while it stops (a page's badge count) starts it again: stop that one too.
        if (Date.now() > again) {
          again = Date.now() + 1000;
          await stopLive();
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      await cdp.send('ServiceWorker.disable').catch(() => {});
    });
  }

  function recordRequests(): NetworkRecorder {
    const requests: RecordedRequest[] = [];
    const byRequest = new Map<Request, RecordedRequest>();
    const onRequest = (req: Request) => {
      let source = 'unknown';
      const sw = req.serviceWorker();
      if (sw) source = `service-worker ${sw.url()}`;
      else {
        try {
          source = req.frame().page().url();
        } catch {
          // frame-less request (e.g. from a dedicated worker)
        }
      }
      const rec: RecordedRequest = { url: req.url(), method: req.method(), resourceType: req.resourceType(), source };
      requests.push(rec);
      byRequest.set(req, rec);
    };
    const onFailed = (req: Request) => {
      const rec = byRequest.get(req);
      if (rec) rec.failure = req.failure()?.errorText ?? 'failed';
    };
    context.on('request', onRequest);
    context.on('requestfailed', onFailed);
    return {
      requests,
      external: () => requests.filter((r) => !isLocalOrExtensionUrl(r.url)),
      stop() {
        context.off('request', onRequest);
        context.off('requestfailed', onFailed);
      },
    };
  }

  const result: ChromiumExtension = {
    context,
    extensionId,
    extensionUrl: (pathname = '') => origin + pathname.replace(/^\//, ''),
    serviceWorker,
    async openExtensionPage(pathname) {
      const page = await context.newPage();
      await page.goto(origin + pathname.replace(/^\//, ''));
      return page;
    },
    stopServiceWorker,
    serviceWorkerStatus,
    waitForServiceWorkerRunning,
    recordRequests,
    proxy,
    launchMs: 0,
    async close() {
      await context.close().catch(() => {});
      await proxy?.close();
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };

  try {
    if (manifest.background?.service_worker) {
      // Fails with the list of workers seen if the computed id were wrong.
      await serviceWorker();
      // The worker target appears while the script is still 'starting'.
      await waitForServiceWorkerRunning();
    }
  } catch (err) {
    await result.close();
    throw err;
  }
  result.launchMs = Date.now() - t0;
  return result;
}
