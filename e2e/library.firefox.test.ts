/**
 * The reader's library in Firefox ESR, with the real build. BiDi cannot open the
 * toolbar popup or read our closed-shadow card, so: the popup is opened as a tab
 * (and saves the tab the reader was on), the saved statement is checked in the
 * popup's search, marked "Your library". A temporary add-on is removed when
 * Firefox quits, so the restart is checked in Chromium only
 * (`library.chromium.test.ts`); so are the export download and the card's link.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { hasFirefox, missingBrowserReason } from './support/env';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { importPack } from '../bench/library-material';
import { articlePage, haveArticle, NOT_AN_ARTICLE, OFF_TOPIC_MENTION, OFF_TOPIC_PAGE, OTHER_PAGE, skipReason, tooLongPage } from './support/library-pages';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'firefox-mv2');
if (!hasFirefox) console.warn(missingBrowserReason('firefox'));
if (!haveArticle) console.warn(skipReason);

const underlined = (page: Page, text: string) =>
  page.evaluate((needle) => {
    for (const highlight of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()) for (const r of highlight) if (r.toString() === needle) return true;
    return false;
  }, text);

async function poll<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

describe.skipIf(!hasFirefox || !haveArticle)('the reader’s library in Firefox', () => {
  let ext: FirefoxExtension;
  let server: StaticServer;
  const files = mkdtempSync(join(os.tmpdir(), 'e2e-library-files-'));
  let articleUrl = '';
  let otherUrl = '';
  let open: Page;

  beforeAll(async () => {
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    server.route('/library/kerry-zarif.html', () => ({ body: articlePage(), contentType: 'text/html; charset=utf-8' }));
    server.route('/library/vienna.html', () => ({ body: OTHER_PAGE, contentType: 'text/html; charset=utf-8' }));
    server.route('/library/links.html', () => ({ body: NOT_AN_ARTICLE, contentType: 'text/html; charset=utf-8' }));
    server.route('/library/whales.html', () => ({ body: OFF_TOPIC_PAGE, contentType: 'text/html; charset=utf-8' }));
    server.route('/library/whales-again.html', () => ({ body: OFF_TOPIC_MENTION, contentType: 'text/html; charset=utf-8' }));
    server.route('/library/long.html', () => ({ body: tooLongPage(), contentType: 'text/html; charset=utf-8' }));
    articleUrl = `${server.url}/library/kerry-zarif.html`;
    otherUrl = `${server.url}/library/vienna.html`;
    ext = await launchFirefox(BUILD);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(files, { recursive: true, force: true });
  });

  async function saveFromPopup(url: string, anyway?: (popup: Page) => Promise<void>): Promise<string | null> {
    const page = await ext.browser.newPage();
    await page.goto(url);
    await new Promise((r) => setTimeout(r, 300));
    const popup = await ext.openExtensionPage('popup.html');
    await popup.waitForSelector('#save-article-button', { timeout: 10_000 });
    await popup.click('#save-article-button');
    await popup.waitForFunction(() => document.querySelector('#save-article-status')?.getAttribute('data-outcome'), { timeout: 30_000 });
    const outcome = await popup.evaluate(() => document.querySelector('#save-article-status')?.getAttribute('data-outcome') ?? null);
    if (anyway) await anyway(popup);
    await popup.close();
    await page.close();
    return outcome;
  }
  const listed = (options: Page) => options.evaluate(() => [...document.querySelectorAll('#library .library-item')].map((li) => li.getAttribute('data-article')));

  it('saves an article from the popup opened as a tab; its new person is underlined on a page already open', async () => {
    open = await ext.browser.newPage();
    await open.goto(otherUrl);
    await new Promise((r) => setTimeout(r, 500));
    expect(await underlined(open, 'John Kerry')).toBe(false);
    expect(await saveFromPopup(articleUrl)).toBe('saved');
    expect(await poll(() => underlined(open, 'John Kerry'), Boolean)).toBe(true);
    expect(await saveFromPopup(`${server.url}/library/links.html`)).toBe('not-an-article');
  });

  it('finds the saved statement in the popup’s search, marked "Your library"', async () => {
    await open.bringToFront();
    const popup = await ext.openExtensionPage('popup.html');
    await popup.waitForSelector('#search');
    await popup.focus('#search');
    await popup.keyboard.type('genuine ceasefire');
    await popup.waitForSelector('#search-results [data-group="statements"] [data-origin="library"]', { timeout: 10_000 });
    await popup.close();
  });

  it('lists it in the options (axe), refuses a corrupt import unchanged, and deleting it takes the underline away', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.waitForSelector('#library .library-item', { timeout: 10_000 });
    const before = await listed(options);
    expect(before).toHaveLength(1);
    // Light only: BiDi cannot emulate the colour scheme; dark is checked in Chromium.
    expect(await seriousViolations(options)).toEqual([]);
    const corrupt = join(files, 'corrupt.json');
    writeFileSync(corrupt, '{"format": "iran-iraq-context-library", "version": 1, "articles": [{"text": 3}]}');
    const input = (await options.$('#library-import')) as ElementHandle<HTMLInputElement> | null;
    await input?.uploadFile(corrupt);
    const status = await poll(
      () => options.evaluate(() => document.querySelector('#library-status')?.textContent ?? ''),
      (text) => text.startsWith('Not imported'),
    );
    expect(status).toMatch(/^Not imported — corrupt\.json, article 1/);
    expect(await listed(options)).toEqual(before);
    await options.click('#library .library-delete');
    await options.waitForSelector('#library-empty', { timeout: 10_000 });
    expect(await poll(() => underlined(open, 'John Kerry'), (v) => !v)).toBe(false);
    await options.close();
  });

  it('refuses a page with more than 2,000,000 characters of text', async () => {
    expect(await saveFromPopup(`${server.url}/library/long.html`)).toBe('too-big');
  });

  it('asks before saving a page naming nobody from Iran–Iraq affairs; saved anyway, its names are not underlined on other pages', async () => {
    let after: string | null = null;
    const outcome = await saveFromPopup(`${server.url}/library/whales.html`, async (popup) => {
      await popup.click('#save-anyway-button');
      await popup.waitForFunction(() => document.querySelector('#save-article-status')?.getAttribute('data-outcome') === 'saved', { timeout: 15_000 });
      after = await popup.evaluate(() => document.querySelector('#save-article-status')?.textContent ?? null);
    });
    expect(outcome).toBe('off-topic');
    expect(after).toBe('Saved to your library. Its names stay on its own card, not underlined on other pages.');
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/library/whales-again.html`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await underlined(page, 'Hori Parata')).toBe(false);
    await page.close();
    const options = await ext.openExtensionPage('options.html');
    expect(await poll(() => listed(options), (ids) => ids.length === 1)).toHaveLength(1);
    await options.click('#library .library-delete');
    await options.waitForSelector('#library-empty', { timeout: 10_000 });
    await options.close();
  });

  it('imports in a worker with a progress bar and a cancel: a card answers meanwhile, and the library is left as it was', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.waitForSelector('#library-empty', { timeout: 10_000 });
    for (const f of importPack(150, 150).batches[0].files) writeFileSync(join(files, f.name), f.text);
    const input = (await options.$('#library-import')) as ElementHandle<HTMLInputElement> | null;
    await input?.uploadFile(...importPack(150, 150).batches[0].files.map((f) => join(files, f.name)));
    await options.waitForFunction(() => Number((document.querySelector('#library-import-progress') as HTMLProgressElement | null)?.value ?? 0) > 0, { timeout: 60_000 });
    const label = await options.evaluate(() => document.querySelector('#library-import-running label')?.textContent ?? '');
    expect(label).toMatch(/^Importing: \d+ of 150 articles…$/);
    const card = await options.evaluate(async () => {
      const b = (globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<unknown> } } }).browser;
      const view = (await b.runtime.sendMessage({ type: 'lookup-entity', id: 'mohammad-javad-zarif', limit: 4 })) as { name: string } | null;
      return { name: view?.name, running: document.querySelector('#library-import-running') !== null };
    });
    expect(card).toEqual({ name: 'Mohammad Javad Zarif', running: true });
    await options.click('#library-import-cancel');
    const status = await poll(
      () => options.evaluate(() => document.querySelector('#library-status')?.textContent ?? ''),
      (text) => text.startsWith('Import cancelled'),
      60_000,
    );
    expect(status).toBe('Import cancelled. Your library is unchanged.');
    expect(await listed(options)).toEqual([]);
    await options.close();
  });

  it('saves with the keyboard command too (Alt+Shift+L), as the browser delivers it', async () => {
    const page = await ext.browser.newPage();
    await page.goto(articleUrl);
    await new Promise((r) => setTimeout(r, 300));
    await page.bringToFront();
    await ext.pressBrowserKeys('Alt+Shift+L');
    expect(await poll(() => underlined(open, 'John Kerry'), Boolean)).toBe(true);
    const options = await ext.openExtensionPage('options.html');
    await options.waitForSelector('#library .library-item', { timeout: 10_000 });
    // Cleared again, so the private-window check below starts from an empty library.
    await options.click('#library-delete-all');
    await options.click('#library-confirm-yes');
    await options.waitForSelector('#library-empty', { timeout: 10_000 });
    await options.close();
    await page.close();
  });

  it('saves nothing from a private window', async () => {
    // Allow the add-on in private windows, as a reader can in about:addons: otherwise it never sees the
    // private tab at all, and the refusal below would not be tested.
    await ext.evaluateChrome(`(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      await ExtensionPermissions.add(${JSON.stringify(ext.addonId)}, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      await (await AddonManager.getAddonByID(${JSON.stringify(ext.addonId)})).reload();
      return true;
    })()`);
    await new Promise((r) => setTimeout(r, 1500));
    // Opened first: a page opened after the private window would open in it.
    const options = await ext.openExtensionPage('options.html');
    await options.waitForSelector('#library-heading');
    await ext.evaluateChrome(`(() => { const w = OpenBrowserWindow({ private: true }); return new Promise((resolve) => w.addEventListener('load', () => { w.gBrowser.selectedTab = w.gBrowser.addTab(${JSON.stringify(articleUrl)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); setTimeout(resolve, 1500); }, { once: true })); })()`);
    const answer = await options.evaluate(async () => {
      const b = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; incognito: boolean }[]> }; runtime: { sendMessage(m: object): Promise<unknown> } } }).browser;
      const tabs = (await b.tabs.query({})).filter((t) => t.incognito);
      return { privateTabs: tabs.length, answers: await Promise.all(tabs.map((t) => b.runtime.sendMessage({ type: 'save-article', tab: t.id }).catch((e: Error) => ({ error: e.message })))) };
    });
    // Where Firefox shows the extension a private tab, the background refuses it by name; where it does not, there is nothing to save.
    expect(answer.privateTabs).toBeGreaterThan(0);
    for (const a of answer.answers) expect(a).toEqual({ saved: false, reason: 'private-window' });
    expect(await listed(options)).toEqual([]);
    await options.close();
  });

  it('sends nothing anywhere', () => {
    expect(ext.proxy?.hits ?? []).toEqual([]);
  });
});

describe.skipIf(!hasFirefox || !haveArticle)('a long import in Firefox, whose event page is suspended when idle', () => {
  let ext: FirefoxExtension;
  const files = mkdtempSync(join(os.tmpdir(), 'e2e-library-idle-'));
  beforeAll(async () => {
    // Firefox suspends an idle event page after 30 s, and the import worker it started with it; 2 s here (the page asks
    // every second), so an import of about 15 s outlasts it many times (without the asking it failed after 3 s).
    ext = await launchFirefox(BUILD, { backgroundIdleTimeoutMs: 2000 });
  });
  afterAll(async () => {
    await ext?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('runs to the end: the options page keeps asking how it goes while it runs', async () => {
    const pack = importPack(150, 150).batches[0].files;
    for (const f of pack) writeFileSync(join(files, f.name), f.text);
    const options = await ext.openExtensionPage('options.html');
    await options.waitForSelector('#library-heading');
    const input = (await options.$('#library-import')) as ElementHandle<HTMLInputElement> | null;
    await input?.uploadFile(...pack.map((f) => join(files, f.name)));
    const status = await poll(
      () => options.evaluate(() => document.querySelector('#library-status')?.textContent ?? ''),
      (text) => text !== '',
      120_000,
    );
    expect(status).toBe('Imported 150 articles: 150 added, 0 updated, 0 duplicates merged.');
    await options.close();
  }, 150_000);
});
