/**
 * Launch Debian's firefox-esr (headless) over WebDriver BiDi with puppeteer-core
 * and install an unpacked extension as a temporary add-on.
 *
 * What works and what does not (checked on Firefox ESR 153 + puppeteer-core 24.9,
 * see e2e/harness.test.ts):
 *
 * - `browser.installExtension(dir)` installs an unpacked directory as a
 *   temporary add-on and returns the add-on id (the gecko id, e.g.
 *   `x@y.test`), NOT the moz-extension:// host. The host is a per-profile
 *   UUID; we preset it with the `extensions.webextensions.uuids` pref when the
 *   manifest declares `browser_specific_settings.gecko.id`, and otherwise read
 *   it through privileged script (see below).
 * - Content scripts run, and `runtime.sendMessage` between a content script and
 *   the background works. MV3 `<all_urls>` host permissions are granted to a
 *   temporary add-on at install.
 * - Firefox's BiDi deliberately ignores extension browsing contexts
 *   (BrowsingContextUtils.isBrowsingContextCompatible, bug 1755014): for a
 *   moz-extension:// tab it sends `contextCreated`, `navigationStarted` and
 *   `navigationCommitted`, but no `domContentLoaded`/`load`/`realmCreated`.
 *   Consequences with puppeteer:
 *     * `page.url()` of an extension tab stays `about:blank` → find extension
 *       tabs by evaluating `location.href` (see `findExtensionPage`);
 *     * `page.goto()` and `page.reload()` on extension tabs time out (they
 *       wait for load events) → use `openExtensionPage`, or close the tab and
 *       open it again;
 *     * `page.evaluate`, `waitForFunction`, `page.$`, real input
 *       (`page.click`, `page.type`, locators) and `page.screenshot()` DO work
 *       on extension tabs;
 *     * page.on('request') and page.on('console') see nothing from extension
 *       contexts (use the black-hole proxy's `hits` for network).
 * - Navigating to moz-extension:// over BiDi is refused ("Navigation to
 *   moz-extension://… is not allowed in this context") UNLESS Firefox is
 *   started with `--remote-allow-system-access` (option `systemAccess`,
 *   default true). With it, `browsingContext.navigate` with `wait: 'none'`
 *   works; `openExtensionPage()` does that and then polls readiness.
 * - `systemAccess` also allows evaluating privileged script in the browser
 *   window (`moz:scope: 'chrome'`), used here for `terminateBackground()` (the
 *   "Terminate background script" button of about:debugging) and
 *   `backgroundState()`. A message sent after termination restarts the
 *   background (fresh globals): the Firefox analogue of a killed MV3 worker.
 *   Without system access, a short `backgroundIdleTimeoutMs` (e.g. 1000) lets
 *   Firefox suspend an idle background by itself (checked: 'stopped' ~1 s
 *   after the last message).
 * - Extension tabs opened by the extension itself (tabs.create) show up in
 *   `browser.pages()` (with url about:blank) and can be scripted and
 *   screenshotted: `findExtensionPage('page.html')`.
 * - The toolbar button / popup cannot be clicked through BiDi; open the popup
 *   document as a tab with `openExtensionPage('popup.html')` instead.
 * - chrome.i18n uses the app locale, which stays en-US unless a language pack
 *   is installed (Debian: firefox-esr-l10n-<lang>); `locale` here sets
 *   navigator.language(s)/Accept-Language.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { type BlackholeProxy, startBlackholeProxy } from './blackhole-proxy';
import { FIREFOX_PATH } from './env';
import { isLocalOrExtensionUrl, type NetworkRecorder, type RecordedRequest } from './network';

export interface FirefoxOptions {
  colorScheme?: 'light' | 'dark';
  /** BCP 47 tag, e.g. 'fr' (navigator.language(s), Accept-Language, requested UI locale). */
  locale?: string;
  viewport?: { width: number; height: number };
  /** Route all non-loopback traffic to a recording black-hole proxy (default true). */
  blackholeProxy?: boolean;
  /** Start Firefox with --remote-allow-system-access (default true). Needed for openExtensionPage, terminateBackground. */
  systemAccess?: boolean;
  /** Sets extensions.background.idle.timeout (Firefox default 30 000 ms). */
  backgroundIdleTimeoutMs?: number;
  /** Extra prefs (override the defaults below). */
  prefs?: Record<string, unknown>;
}

export interface FirefoxExtension {
  browser: Browser;
  /** Gecko add-on id returned by installExtension. */
  addonId: string;
  /** `moz-extension://UUID/`, or null if unknown (no gecko id and no system access). */
  extensionBaseUrl: string | null;
  extensionUrl(pathname?: string): string;
  /** Open `moz-extension://UUID/<pathname>` in a new tab (needs systemAccess). */
  openExtensionPage(pathname: string): Promise<Page>;
  /** Find a tab (e.g. opened by the extension) whose real location matches. */
  findExtensionPage(match: string | RegExp | ((href: string) => boolean), timeoutMs?: number): Promise<Page>;
  /** Real location.href of a page (page.url() is stale for extension tabs). */
  pageHref(page: Page): Promise<string>;
  /** Stop the extension's background page/event page (needs systemAccess). */
  terminateBackground(): Promise<void>;
  /** 'running' | 'stopped' | 'suspending' | 'starting' … (needs systemAccess). */
  backgroundState(): Promise<string>;
  /** Evaluate privileged JS in the browser window (needs systemAccess). `expression` may be async. */
  evaluateChrome<T = unknown>(expression: string): Promise<T>;
  /**
   * Press a key combination such as 'Alt+Shift+N' as the browser window receives
   * it (a trusted key event from nsITextInputProcessor; needs systemAccess). Unlike
   * BiDi's input actions, which reach only the page, it also reaches Firefox's own
   * shortcuts and extension commands, as a person's key press does.
   */
  pressBrowserKeys(combination: string): Promise<void>;
  /**
   * Record requests of web pages, in current and future tabs (BiDi network
   * events; extension contexts are NOT reported: use `proxy.hits` for those).
   */
  recordRequests(): Promise<NetworkRecorder>;
  proxy: BlackholeProxy | null;
  launchMs: number;
  close(): Promise<void>;
}

export type { NetworkRecorder } from './network';

/** Prefs that keep Firefox quiet and off the network, on top of puppeteer's and the Remote Agent's own. */
export const QUIET_PREFS: Readonly<Record<string, unknown>> = {
  // updates
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.update.service.enabled': false,
  'app.update.staging.enabled': false,
  'app.update.disabledForTesting': true,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'browser.search.update': false,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-manager.url': 'data:text/plain,',
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-widevinecdm.enabled': false,
  // studies, normandy, nimbus, remote settings
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  // telemetry / reporting
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': 'data:,',
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.usage.uploadEnabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.tabs.crashReporting.sendReport': false,
  'breakpad.reportURL': '',
  // connectivity probes, DNS, speculative connections
  'network.captive-portal-service.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'network.http.http3.enable': false,
  'browser.places.speculativeConnect.enabled': false,
  'browser.urlbar.speculativeConnect.enabled': false,
  'security.OCSP.enabled': 0,
  'security.certerrors.mitm.priming.enabled': false,
  // safe browsing
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  // new tab, suggestions, region, geo, push, accounts, translations, ML
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.default.sites': '',
  'browser.topsites.contile.enabled': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'browser.urlbar.suggest.searches': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.provider.network.url': '',
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'identity.fxaccounts.enabled': false,
  'browser.translations.enable': false,
  'browser.ml.enable': false,
  'browser.discovery.enabled': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'extensions.getAddons.discovery.api_url': 'data:, ',
  // misc UI noise
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.page': 0,
  'browser.startup.homepage': 'about:blank',
  'browser.aboutwelcome.enabled': false,
  'browser.uitour.enabled': false,
};

/** The bits of puppeteer's (untyped, internal) BiDi connection we use. */
interface BidiConnectionLike {
  send(method: 'browsingContext.getTree', params: object): Promise<{ result: { contexts: { context: string; url: string }[] } }>;
  send(
    method: 'script.evaluate',
    params: object,
  ): Promise<{ result: { type: 'success' | 'exception'; result?: RemoteValue; exceptionDetails?: { text?: string } } }>;
  send(method: 'browsingContext.navigate', params: object): Promise<unknown>;
}

/** WebDriver BiDi script.RemoteValue (subset). */
interface RemoteValue {
  type: string;
  value?: unknown;
}

function readManifest(dir: string): { geckoId?: string } {
  const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return { geckoId: m.browser_specific_settings?.gecko?.id ?? m.applications?.gecko?.id };
}

export async function launchFirefox(extensionDir: string, opts: FirefoxOptions = {}): Promise<FirefoxExtension> {
  const t0 = Date.now();
  const dir = realpathSync(path.resolve(extensionDir));
  const { geckoId } = readManifest(dir);
  const systemAccess = opts.systemAccess ?? true;
  const uuid = randomUUID();
  const proxy = opts.blackholeProxy === false ? null : await startBlackholeProxy();

  const prefs: Record<string, unknown> = {
    ...QUIET_PREFS,
    ...(proxy
      ? {
          // Manual proxy for everything; loopback is never proxied
          // (network.proxy.allow_hijacking_localhost stays false).
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': proxy.port,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': proxy.port,
          'network.proxy.share_proxy_settings': true,
          'network.proxy.no_proxies_on': '',
        }
      : {}),
    ...(geckoId ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) } : {}),
    // 1 = dark, 0 = light; content-override: 0 dark, 1 light, 2 follow browser theme.
    'ui.systemUsesDarkTheme': opts.colorScheme === 'dark' ? 1 : 0,
    'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
    ...(opts.locale
      ? {
          'intl.accept_languages': opts.locale,
          'intl.locale.requested': opts.locale,
        }
      : {}),
    ...(opts.backgroundIdleTimeoutMs !== undefined
      ? { 'extensions.background.idle.timeout': opts.backgroundIdleTimeoutMs }
      : {}),
    ...opts.prefs,
  };

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      args: systemAccess ? ['--remote-allow-system-access'] : [],
      extraPrefsFirefox: prefs,
      defaultViewport: opts.viewport ?? { width: 1280, height: 800 },
      timeout: 60_000,
      protocolTimeout: 60_000,
      env: {
        ...process.env,
        // Firefox's own test-harness switch: refuse sockets to non-loopback
        // addresses, and (as a side effect) honour the services.settings.server
        // override, which release builds otherwise ignore.
        MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
      },
    });
  } catch (err) {
    await proxy?.close();
    throw err;
  }

  const viewport = opts.viewport ?? { width: 1280, height: 800 };
  const connection = (browser as unknown as { connection: BidiConnectionLike }).connection;

  async function evaluateChrome<T>(expression: string): Promise<T> {
    if (!systemAccess) throw new Error('evaluateChrome needs launchFirefox(..., { systemAccess: true })');
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const ctx = tree.result.contexts.find((c: { url: string }) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!ctx) throw new Error('no chrome://browser window found');
    const res = await connection.send('script.evaluate', {
      expression: `(async () => (${expression}))()`,
      target: { context: ctx.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const r = res.result;
    if (r.type === 'exception') throw new Error(`chrome-scope evaluation failed: ${r.exceptionDetails?.text}`);
    return deserialize(r.result) as T;
  }

  let addonId: string;
  let extensionBaseUrl: string | null = null;
  const result = {} as FirefoxExtension;

  async function close() {
    await browser.close().catch(() => {});
    await proxy?.close();
  }

  try {
    addonId = await browser.installExtension(dir);
    if (geckoId && addonId === geckoId) extensionBaseUrl = `moz-extension://${uuid}/`;
    else if (systemAccess) {
      const host = await evaluateChrome<string>(`WebExtensionPolicy.getByID(${JSON.stringify(addonId)}).mozExtensionHostname`);
      extensionBaseUrl = `moz-extension://${host}/`;
    }
  } catch (err) {
    await close();
    throw err;
  }

  const policyExpr = `WebExtensionPolicy.getByID(${JSON.stringify(addonId)})`;

  function extensionUrl(pathname = ''): string {
    if (!extensionBaseUrl) throw new Error('moz-extension:// base URL unknown (no gecko id in manifest and no systemAccess)');
    return extensionBaseUrl + pathname.replace(/^\//, '');
  }

  async function pageHref(page: Page): Promise<string> {
    return withTimeout(
      page.evaluate(() => location.href),
      2000,
      'about:unknown',
    ).catch(() => 'about:unknown');
  }

  async function waitReady(page: Page, timeoutMs: number) {
    await page.waitForFunction(() => document.readyState === 'complete', { timeout: timeoutMs, polling: 50 });
  }

  async function openExtensionPage(pathname: string): Promise<Page> {
    if (!systemAccess) {
      throw new Error(
        'BiDi refuses to navigate to moz-extension:// without systemAccess; have the extension open the tab and use findExtensionPage()',
      );
    }
    const url = extensionUrl(pathname);
    const page = await browser.newPage();
    const contextId = (page.mainFrame() as unknown as { _id?: string })._id;
    if (!contextId) throw new Error('cannot get BiDi browsing context id of the page (puppeteer internals changed?)');
    await connection.send('browsingContext.navigate', { context: contextId, url, wait: 'none' });
    const deadline = Date.now() + 15_000;
    while (!(await pageHref(page)).startsWith(url)) {
      if (Date.now() > deadline) throw new Error(`extension page ${url} did not load`);
      await sleep(50);
    }
    await waitReady(page, Math.max(1000, deadline - Date.now()));
    return page;
  }

  async function findExtensionPage(
    match: string | RegExp | ((href: string) => boolean),
    timeoutMs = 15_000,
  ): Promise<Page> {
    const test =
      typeof match === 'function'
        ? match
        : match instanceof RegExp
          ? (h: string) => match.test(h)
          : (h: string) => h.startsWith(extensionBaseUrl ? extensionUrl(match) : 'moz-extension://') && h.includes(match);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const page of await browser.pages()) {
        const href = await pageHref(page);
        if (test(href)) {
          await waitReady(page, Math.max(1000, deadline - Date.now()));
          // Tabs the extension opened did not get puppeteer's default viewport.
          await page.setViewport(viewport).catch(() => {});
          return page;
        }
      }
      if (Date.now() > deadline) throw new Error(`no tab matching ${String(match)} within ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  async function recordRequests(): Promise<NetworkRecorder> {
    const requests: RecordedRequest[] = [];
    const byRequest = new Map<HTTPRequest, RecordedRequest>();
    const attached = new Set<Page>();
    const onRequest = (req: HTTPRequest) => {
      let source = 'unknown';
      try {
        source = req.frame()?.page().url() ?? 'unknown';
      } catch {}
      let resourceType = 'unknown';
      try {
        resourceType = req.resourceType(); // not implemented over BiDi in puppeteer 24.9
      } catch {}
      const rec: RecordedRequest = { url: req.url(), method: req.method(), resourceType, source };
      requests.push(rec);
      byRequest.set(req, rec);
    };
    const onFailed = (req: HTTPRequest) => {
      const rec = byRequest.get(req);
      if (rec) rec.failure = req.failure()?.errorText ?? 'failed';
    };
    const attach = (page: Page | null) => {
      if (!page || attached.has(page)) return;
      attached.add(page);
      page.on('request', onRequest);
      page.on('requestfailed', onFailed);
    };
    const onTarget = async (t: import('puppeteer-core').Target) => attach(await t.page().catch(() => null));
    browser.on('targetcreated', onTarget);
    for (const p of await browser.pages()) attach(p);
    return {
      requests,
      external: () => requests.filter((r) => !isLocalOrExtensionUrl(r.url)),
      stop() {
        browser.off('targetcreated', onTarget);
        for (const p of attached) {
          p.off('request', onRequest);
          p.off('requestfailed', onFailed);
        }
      },
    };
  }

  Object.assign(result, {
    browser,
    addonId,
    extensionBaseUrl,
    extensionUrl,
    openExtensionPage,
    findExtensionPage,
    pageHref,
    async terminateBackground() {
      await evaluateChrome(`(async () => { const ext = ${policyExpr}.extension; await ext.terminateBackground({ disableResetIdleForTest: true }); return ext.backgroundState; })()`);
    },
    backgroundState: () => evaluateChrome<string>(`${policyExpr}.extension.backgroundState`),
    evaluateChrome,
    async pressBrowserKeys(combination: string) {
      const parts = combination.split('+');
      const letter = parts.pop() ?? '';
      if (!/^[A-Z]$/.test(letter)) throw new Error(`pressBrowserKeys: one capital letter after the modifiers, not ${letter}`);
      const modifiers = parts.map((m) => {
        const known = ({ Alt: ['Alt', 'AltLeft', 18], Shift: ['Shift', 'ShiftLeft', 16], Ctrl: ['Control', 'ControlLeft', 17] } as const)[m];
        if (!known) throw new Error(`pressBrowserKeys: unknown modifier ${m}`);
        return { key: known[0], code: known[1], keyCode: known[2] };
      });
      const keys = [...modifiers, { key: letter, code: `Key${letter}`, keyCode: letter.charCodeAt(0) }];
      await evaluateChrome(`(() => {
        const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
        if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
        const keys = ${JSON.stringify(keys)};
        for (const k of keys) tip.keydown(new KeyboardEvent('', k));
        for (const k of [...keys].reverse()) tip.keyup(new KeyboardEvent('', k));
        return true;
      })()`);
    },
    recordRequests,
    proxy,
    launchMs: Date.now() - t0,
    close,
  } satisfies FirefoxExtension);
  return result;
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback), ms);
    }),
  ]);
}

/** Minimal WebDriver BiDi RemoteValue → JS value. */
function deserialize(v: RemoteValue | undefined): unknown {
  if (!v) return undefined;
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'number':
      return typeof v.value === 'string' ? Number(v.value) : v.value;
    case 'array':
      return ((v.value as RemoteValue[] | undefined) ?? []).map(deserialize);
    case 'object':
      return Object.fromEntries(
        ((v.value as [string | RemoteValue, RemoteValue][] | undefined) ?? []).map(([k, val]) => [
          typeof k === 'string' ? k : String(deserialize(k)),
          deserialize(val),
        ]),
      );
    default:
      return v.value;
  }
}
