/**
 * Self-test of the e2e harness (e2e/support/*), independent of the real
 * extension: builds a throwaway MV3 extension in a temp dir and drives it in
 * headless Chromium (playwright-core) and Firefox ESR (puppeteer-core, BiDi).
 *
 * Run: npx vitest run --config vitest.e2e.config.ts e2e/harness.test.ts
 * Screenshots land in e2e/artifacts/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumExtension, chromiumExtensionId, launchChromium } from './support/chromium';
import { artifactPath, hasChromium, hasFirefox, missingBrowserReason } from './support/env';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { isLocalOrExtensionUrl } from './support/network';
import { type StaticServer, serveStatic } from './support/server';

// 8×8 opaque teal PNG, to check image/png serving and rendering.
const PNG_8x8 = makePng(8, 8, [0, 150, 136]);

function makePng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Globals that page.js defines on the extension page (type-only; erased before evaluate). */
interface H {
  ping(): Promise<{ type: string; startedAt: number; from: string; tabId: number | null }>;
  send(msg: object): Promise<Record<string, unknown>>;
  startedAt: number;
}

const LEAK_URL = 'http://leak.e2e-probe.invalid/beacon?x=1';

// ---------------------------------------------------------------- fixtures

const BACKGROUND_JS = `
const api = globalThis.browser ?? globalThis.chrome;
globalThis.startedAt = Date.now() + Math.random();
api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  switch (msg && msg.type) {
    case 'ping':
      sendResponse({ type: 'pong', startedAt: globalThis.startedAt, from: sender.url, tabId: sender.tab ? sender.tab.id : null });
      return false;
    case 'open-page':
      api.tabs.create({ url: api.runtime.getURL('page.html?opened-by=background') }).then((t) => sendResponse({ tabId: t.id }));
      return true;
    case 'fetch':
      fetch(msg.url).then((r) => r.text().then((body) => sendResponse({ ok: true, status: r.status, body })),
        (e) => sendResponse({ ok: false, error: String(e) }));
      return true;
    case 'ui-language':
      sendResponse(api.i18n.getUILanguage() + ' / ' + api.i18n.getMessage('greeting'));
      return false;
  }
  return false;
});
`;

const CONTENT_JS = `
const api = globalThis.browser ?? globalThis.chrome;
document.documentElement.dataset.harness = 'ok';
api.runtime.sendMessage({ type: 'ping' }).then(
  (r) => { document.documentElement.dataset.harnessReply = JSON.stringify(r); },
  (e) => { document.documentElement.dataset.harnessReply = JSON.stringify({ error: String(e) }); });
// The page's main world cannot call extension APIs: it asks through postMessage.
window.addEventListener('message', (e) => {
  if (!e.data || typeof e.data.harness !== 'string') return;
  const d = e.data;
  const msg = d.harness === 'open' ? { type: 'open-page' } : d.harness === 'fetch' ? { type: 'fetch', url: String(d.url) } : null;
  if (!msg) return;
  api.runtime.sendMessage(msg).then((r) => window.postMessage({ harnessReply: d.harness, r: JSON.parse(JSON.stringify(r)) }, '*'));
});
`;

const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harness extension page</title>
<style>
  :root { color-scheme: light dark; font: 20px/1.4 sans-serif; }
  body { margin: 24px; background: #fff; color: #111; }
  @media (prefers-color-scheme: dark) { body { background: #1e1e24; color: #eee; } }
  .scheme::after { content: 'light'; } @media (prefers-color-scheme: dark) { .scheme::after { content: 'dark'; } }
</style></head>
<body><h1>Harness extension page</h1><p>prefers-color-scheme: <b class="scheme"></b></p><p id="lang"></p>
<script src="page.js"></script></body></html>`;

const PAGE_JS = `
const api = globalThis.browser ?? globalThis.chrome;
globalThis.ping = () => api.runtime.sendMessage({ type: 'ping' });
globalThis.send = (msg) => api.runtime.sendMessage(msg);
document.getElementById('lang').textContent = 'navigator.language: ' + navigator.language + ', UI: ' + api.i18n.getUILanguage() + ', i18n: ' + api.i18n.getMessage('greeting');
`;

function buildTestExtension(root: string, target: 'chrome' | 'firefox'): string {
  const dir = path.join(root, `${target}-mv3`);
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'E2E harness test extension',
    version: '1.0.0',
    description: 'Throwaway extension used by e2e/harness.test.ts',
    default_locale: 'en',
    permissions: ['tabs'],
    host_permissions: ['<all_urls>'],
    background: target === 'chrome' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
    ...(target === 'firefox' ? { browser_specific_settings: { gecko: { id: 'e2e-harness@example.test' } } } : {}),
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'background.js'), BACKGROUND_JS);
  writeFileSync(path.join(dir, 'content.js'), CONTENT_JS);
  writeFileSync(path.join(dir, 'page.html'), PAGE_HTML);
  writeFileSync(path.join(dir, 'page.js'), PAGE_JS);
  for (const [lang, greeting] of [['en', 'Hello'], ['fr', 'Bonjour']]) {
    mkdirSync(path.join(dir, '_locales', lang), { recursive: true });
    writeFileSync(path.join(dir, '_locales', lang, 'messages.json'), JSON.stringify({ greeting: { message: greeting } }));
  }
  return dir;
}

function buildSite(root: string): string {
  const dir = path.join(root, 'site');
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page de test — é</title>
<link rel="stylesheet" href="style.css"></head>
<body><h1>Page de test — é ü — بغداد، تهران</h1><p>Le ministre a parlé à Bagdad.</p>
<img src="img.png" width="64" height="64" alt="">
<p class="scheme">prefers-color-scheme: <b></b></p><script src="app.js"></script></body></html>`,
  );
  writeFileSync(
    path.join(dir, 'style.css'),
    `body{font:18px sans-serif;margin:24px;background:#fff;color:#111}img{image-rendering:pixelated}
.scheme b::after{content:'light'}
@media (prefers-color-scheme: dark){body{background:#222;color:#eee}.scheme b::after{content:'dark'}}`,
  );
  writeFileSync(path.join(dir, 'app.js'), `document.body.dataset.app = 'loaded';`);
  writeFileSync(path.join(dir, 'data.json'), JSON.stringify({ hello: 'wörld' }));
  writeFileSync(path.join(dir, 'img.png'), PNG_8x8);
  writeFileSync(path.join(dir, 'sub', 'index.html'), '<!doctype html><title>sub</title>sub index');
  return dir;
}

function get(url: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

// ---------------------------------------------------------------- shared setup

let tmp: string;
let server: StaticServer;
let chromeExtDir: string;
let firefoxExtDir: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'e2e-harness-'));
  chromeExtDir = buildTestExtension(tmp, 'chrome');
  firefoxExtDir = buildTestExtension(tmp, 'firefox');
  server = await serveStatic(buildSite(tmp));
  server.route(
    '/generated.html',
    '<!doctype html><meta charset="utf-8"><title>generated</title><h1>Généré en mémoire</h1>',
  );
});

afterAll(async () => {
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('static server', () => {
  it('serves files with content types, routes, and 404s', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const html = await get(`${server.url}/index.html`);
    expect(html.status).toBe(200);
    expect(html.type).toBe('text/html; charset=utf-8');
    expect(html.body.toString('utf8')).toContain('é ü — بغداد، تهران');
    expect((await get(`${server.url}/`)).type).toBe('text/html; charset=utf-8');
    expect((await get(`${server.url}/sub/`)).body.toString()).toContain('sub index');
    expect((await get(`${server.url}/app.js`)).type).toBe('text/javascript; charset=utf-8');
    expect((await get(`${server.url}/style.css`)).type).toBe('text/css; charset=utf-8');
    const json = await get(`${server.url}/data.json`);
    expect(json.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.body.toString('utf8'))).toEqual({ hello: 'wörld' });
    const png = await get(`${server.url}/img.png`);
    expect(png.type).toBe('image/png');
    expect(png.body.equals(PNG_8x8)).toBe(true);
    expect((await get(`${server.url}/missing.html`)).status).toBe(404);
    expect((await get(`${server.url}/../../etc/passwd`)).status).toBe(404);
    expect((await get(`${server.url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    const gen = await get(`${server.url}/generated.html`);
    expect(gen.type).toBe('text/html; charset=utf-8');
    expect(gen.body.toString('utf8')).toContain('Généré');
    server.route('/api.json', { body: '{"a":1}', status: 201 });
    const api = await get(`${server.url}/api.json`);
    expect([api.status, api.type]).toEqual([201, 'application/json; charset=utf-8']);
    server.unroute('/api.json');
    expect((await get(`${server.url}/api.json`)).status).toBe(404);
    expect(server.requests).toContain('/index.html');
  });

  it('adds configured headers to every response', async () => {
    const csp = "default-src 'self' 'unsafe-inline' data:";
    const s2 = await serveStatic(path.join(tmp, 'site'), { headers: { 'Content-Security-Policy': csp } });
    try {
      s2.route('/r.html', '<p>r</p>');
      for (const p of ['/index.html', '/r.html']) {
        const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
          http.get(s2.url + p, (r) => resolve(r.resume())).on('error', reject),
        );
        expect(res.headers['content-security-policy']).toBe(csp);
      }
    } finally {
      await s2.close();
    }
  });
});

// ---------------------------------------------------------------- Chromium

const chromiumSkip = missingBrowserReason('chromium');
if (chromiumSkip) console.warn(`[e2e] skipping Chromium harness tests: ${chromiumSkip}`);

describe.skipIf(!hasChromium)(`Chromium harness${chromiumSkip ? ` (SKIPPED: ${chromiumSkip})` : ''}`, () => {
  let ext: ChromiumExtension;

  beforeAll(async () => {
    ext = await launchChromium(chromeExtDir, { colorScheme: 'dark', locale: 'fr-FR' });
    console.log(`[e2e] Chromium launch + service worker ready: ${ext.launchMs} ms`);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('computes the extension id and finds the service worker', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.extensionId).toBe(chromiumExtensionId(chromeExtDir));
    const sw = await ext.serviceWorker();
    expect(sw.url()).toBe(ext.extensionUrl('background.js'));
    expect(await ext.serviceWorkerStatus()).toBe('running');
  });

  it('runs the content script, which round-trips a message with the background', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.harnessReply);
    const state = await page.evaluate(() => ({
      harness: document.documentElement.dataset.harness,
      reply: JSON.parse(document.documentElement.dataset.harnessReply ?? '{}'),
      app: document.body.dataset.app,
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      lang: navigator.language,
      img: (document.querySelector('img') as HTMLImageElement).naturalWidth,
    }));
    expect(state).toMatchObject({ harness: 'ok', app: 'loaded', dark: true, lang: 'fr-FR', img: 8 });
    expect(state.reply).toMatchObject({ type: 'pong', from: `${server.url}/index.html` });
    expect(typeof state.reply.tabId).toBe('number');
    await page.screenshot({ path: artifactPath('chromium-content-page.png') });

    await page.goto(`${server.url}/generated.html`);
    await page.waitForFunction(() => document.documentElement.dataset.harness === 'ok');
    expect(await page.textContent('h1')).toBe('Généré en mémoire');
    await page.close();
  });

  it('opens an extension page; a stopped service worker is woken by a message', async () => {
    const page = await ext.openExtensionPage('page.html');
    expect(page.url()).toBe(ext.extensionUrl('page.html'));
    const first = await page.evaluate(() => (globalThis as unknown as H).ping());
    expect(first).toMatchObject({ type: 'pong', from: ext.extensionUrl('page.html') });
    const sw = await ext.serviceWorker();
    expect(await sw.evaluate(() => (globalThis as unknown as H).startedAt)).toBe(first.startedAt);

    await ext.stopServiceWorker();
    expect(await ext.serviceWorkerStatus()).toBe('stopped');
    // The worker's DevTools target is gone too.
    const browser = ext.context.browser();
    if (!browser) throw new Error('no browser');
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    expect(targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(ext.extensionUrl()))).toEqual([]);
    await cdp.detach();

    const t0 = Date.now();
    const second = await page.evaluate(() => (globalThis as unknown as H).ping());
    console.log(`[e2e] Chromium service worker restart on message: ${Date.now() - t0} ms`);
    expect(second.type).toBe('pong');
    expect(second.startedAt).not.toBe(first.startedAt); // fresh globals = a new worker instance
    expect(await ext.serviceWorkerStatus()).toBe('running');
    // The playwright Worker handle survives the restart and sees the new instance.
    expect(await sw.evaluate(() => (globalThis as unknown as H).startedAt)).toBe(second.startedAt);

    const ui = await page.evaluate(() => (globalThis as unknown as H).send({ type: 'ui-language' }));
    console.log(`[e2e] Chromium chrome.i18n.getUILanguage() with locale fr-FR: ${ui}`);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await page.screenshot({ path: artifactPath('chromium-extension-page.png') });
    await page.close();
  });

  it('records requests from pages and the service worker; the black-hole proxy catches leaks', async () => {
    const rec = ext.recordRequests();
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.harnessReply);
    const ep = await ext.openExtensionPage('page.html');
    const local = await ep.evaluate((url) => (globalThis as unknown as H).send({ type: 'fetch', url }), `${server.url}/data.json`);
    expect(local).toMatchObject({ ok: true, status: 200 });
    const leak = await ep.evaluate((url) => (globalThis as unknown as H).send({ type: 'fetch', url }), LEAK_URL);
    // The proxy answers plain http with 502 (fetch resolves), https CONNECT with 403 (fetch rejects).
    expect(leak.ok === false || leak.status === 502).toBe(true);
    rec.stop();

    const urls = rec.requests.map((r) => r.url);
    expect(urls).toContain(`${server.url}/index.html`);
    expect(urls).toContain(`${server.url}/img.png`);
    expect(urls).toContain(ext.extensionUrl('page.js'));
    const swFetch = rec.requests.find((r) => r.url === `${server.url}/data.json`);
    expect(swFetch?.source).toBe(`service-worker ${ext.extensionUrl('background.js')}`);
    // A privacy test asserts external() is empty; here exactly the planted leak shows up.
    expect(rec.external().map((r) => [r.url, r.source])).toEqual([
      [LEAK_URL, `service-worker ${ext.extensionUrl('background.js')}`],
    ]);
    expect(ext.proxy?.hits.map((h) => h.host)).toEqual(['leak.e2e-probe.invalid']);
    expect(rec.requests.filter((r) => r.url !== LEAK_URL).every((r) => isLocalOrExtensionUrl(r.url))).toBe(true);
    await ep.close();
    await page.close();
  });
});

// ---------------------------------------------------------------- Firefox

const firefoxSkip = missingBrowserReason('firefox');
if (firefoxSkip) console.warn(`[e2e] skipping Firefox harness tests: ${firefoxSkip}`);

describe.skipIf(!hasFirefox)(`Firefox harness${firefoxSkip ? ` (SKIPPED: ${firefoxSkip})` : ''}`, () => {
  let ext: FirefoxExtension;

  beforeAll(async () => {
    ext = await launchFirefox(firefoxExtDir, { colorScheme: 'dark', locale: 'fr-FR' });
    console.log(`[e2e] Firefox launch + extension installed: ${ext.launchMs} ms`);
  });
  afterAll(async () => {
    if (ext?.proxy?.hits.length) console.log('[e2e] Firefox black-hole proxy hits:', ext.proxy.hits);
    await ext?.close();
  });

  it('installs the extension as a temporary add-on with a known moz-extension:// base', () => {
    expect(ext.addonId).toBe('e2e-harness@example.test');
    expect(ext.extensionBaseUrl).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/$/);
  });

  it('runs the content script, which round-trips a message with the background', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.harnessReply);
    const state = await page.evaluate(() => ({
      harness: document.documentElement.dataset.harness,
      reply: JSON.parse(document.documentElement.dataset.harnessReply ?? '{}'),
      app: document.body.dataset.app,
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      lang: navigator.language,
      img: (document.querySelector('img') as HTMLImageElement).naturalWidth,
    }));
    expect(state).toMatchObject({ harness: 'ok', app: 'loaded', dark: true, lang: 'fr-FR', img: 8 });
    expect(state.reply).toMatchObject({ type: 'pong', from: `${server.url}/index.html` });
    await page.screenshot({ path: artifactPath('firefox-content-page.png') });
    await page.close();
  });

  it('finds, evaluates in and screenshots a tab the background opened', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/generated.html`);
    await page.waitForFunction(() => document.documentElement.dataset.harness === 'ok');
    // Ask the background (through the content script) to tabs.create(page.html).
    await page.evaluate(() => window.postMessage({ harness: 'open' }, '*'));
    const tab = await ext.findExtensionPage('page.html?opened-by=background');
    expect(await ext.pageHref(tab)).toBe(ext.extensionUrl('page.html?opened-by=background'));
    expect(tab.url()).toBe('about:blank'); // puppeteer never learns the URL (no BiDi load events)
    const pong = await tab.evaluate(() => (globalThis as unknown as H).ping());
    expect(pong).toMatchObject({ type: 'pong', from: ext.extensionUrl('page.html?opened-by=background') });
    expect(await tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    expect(await tab.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Harness extension page');
    await tab.screenshot({ path: artifactPath('firefox-extension-tab.png') });
    await tab.close();
    await page.close();
  });

  it('opens an extension page directly; a terminated background is woken by a message', async () => {
    const page = await ext.openExtensionPage('page.html');
    const first = await page.evaluate(() => (globalThis as unknown as H).ping());
    expect(first).toMatchObject({ type: 'pong', from: ext.extensionUrl('page.html') });
    expect(await ext.backgroundState()).toBe('running');

    await ext.terminateBackground();
    expect(await ext.backgroundState()).toBe('stopped');
    const t0 = Date.now();
    const second = await page.evaluate(() => (globalThis as unknown as H).ping());
    console.log(`[e2e] Firefox background restart on message: ${Date.now() - t0} ms`);
    expect(second.type).toBe('pong');
    expect(second.startedAt).not.toBe(first.startedAt);
    expect(await ext.backgroundState()).toBe('running');
    const ui = await page.evaluate(() => (globalThis as unknown as H).send({ type: 'ui-language' }));
    console.log(`[e2e] Firefox browser.i18n.getUILanguage() with locale fr-FR: ${ui}`);
    await page.close();
  });

  it('records page requests; the black-hole proxy catches leaks from the background', async () => {
    const rec = await ext.recordRequests();
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.harnessReply);
    const reply = await page.evaluate(
      (url) =>
        new Promise((resolve) => {
          window.addEventListener('message', function onReply(e) {
            if (e.data?.harnessReply !== 'fetch') return;
            window.removeEventListener('message', onReply);
            resolve(e.data.r);
          });
          window.postMessage({ harness: 'fetch', url }, '*');
        }),
      LEAK_URL,
    );
    expect(reply).toMatchObject({ ok: false });
    rec.stop();
    const urls = rec.requests.map((r) => r.url);
    expect(urls).toContain(`${server.url}/index.html`);
    expect(urls).toContain(`${server.url}/img.png`);
    // The background's fetch is invisible to BiDi; only the proxy sees it.
    expect(rec.external()).toEqual([]);
    expect(ext.proxy?.hits.map((h) => h.host)).toEqual(['leak.e2e-probe.invalid']);
    await page.close();
  });
});
