/**
 * The built extension in Debian's Chromium, against pages served from
 * 127.0.0.1: what a reader sees (underlines, the card, the reader page) and
 * what must never happen (changed DOM, network traffic).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardState, inCard } from './support/card-probe';
import { type ChromiumExtension, type NetworkRecorder, launchChromium } from './support/chromium';
import { seriousViolations } from './support/axe';
import { artifactPath, hasChromium, missingBrowserReason } from './support/env';
import { bodyMatchesSource, patchSettings, readHighlights, textBox, underlineStrip } from './support/page-probes';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'chrome-mv3');
const HOST = 'iran-iraq-context-ui';
const NEWS_PEOPLE = ['Hassan Rouhani', 'Kadhimi', 'Mike Pompeo', 'Mohammad Javad Zarif', 'Mustafa al-Kadhimi'];

if (!hasChromium) console.warn(missingBrowserReason('chromium'));

describe.skipIf(!hasChromium)('extension in Chromium', () => {
  let ext: ChromiumExtension;
  let server: StaticServer;
  let network: NetworkRecorder;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    ext = await launchChromium(BUILD);
    network = ext.recordRequests();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function openNews(path = '/news.html'): Promise<Page> {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    (page as Page & { errors?: string[] }).errors = errors;
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, null, { timeout: 10_000 });
    return page;
  }

  async function hover(page: Page, text: string) {
    const point = await page.evaluate(textBox, text);
    if (!point) throw new Error(`no text ${text}`);
    await page.mouse.move(point.x - 40, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
  }

  it('underlines a bare Persian or Arabic surname after the full name, and no everyday word that is also a surname', async () => {
    const page = await openNews('/fa-ar-names.html');
    await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person ?? [])).toEqual(['الصدر', 'ظریف', 'محمد جواد ظریف', 'مقتدى الصدر']);
    // ظریف "delicate", روحانی "a cleric", الصدر "the chest", المهندس "the engineer", on a page naming no one in full.
    const words = await ext.context.newPage();
    await words.goto(`${server.url}/fa-ar-everyday-words.html`);
    // The popup says the page has no names once the content script has read it (asked again if it had not started yet).
    let state: string | null = null;
    for (let attempt = 0; attempt < 5 && state !== 'empty'; attempt++) {
      const popup = await ext.openExtensionPage('popup.html');
      await popup.waitForSelector('#page-names:not([data-state="loading"])');
      state = await popup.getAttribute('#page-names', 'data-state');
      await popup.close();
    }
    expect(state).toBe('empty');
    expect(await words.evaluate(readHighlights)).toEqual({});
    await words.close();
    await page.close();
  });

  it('underlines exactly the names, and changes none of the page’s nodes', async () => {
    const page = await openNews();
    const highlights = await page.evaluate(readHighlights);
    expect(highlights.person).toEqual(NEWS_PEOPLE);
    expect(highlights.organization).toEqual(['Popular Mobilization Forces']);
    expect(highlights.place ?? []).toEqual([]);
    const dom = await page.evaluate(bodyMatchesSource, HOST);
    expect(dom).toEqual({ equal: true, extraStyles: 0, hosts: 0 });
    await page.close();
  });

  it('opens a card on hover with the corpus’s statements, and Escape closes it', async () => {
    const page = await openNews();
    await hover(page, 'Rouhani');
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
    const state = await cardState(page);
    expect(state?.mode).toBe('closed');
    expect(state?.name).toContain('Hassan Rouhani');
    expect(state?.text).toContain('President');
    expect(state?.text).toContain('We hope to boost our cooperation with the neighbors');
    // The page itself cannot see into the card.
    expect(await page.evaluate((tag) => document.querySelector(tag)?.shadowRoot ?? null, HOST)).toBeNull();
    await page.screenshot({ path: artifactPath('card-chromium.png') });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await cardState(page)) ?? null).toBeNull();
    await page.close();
  });

  it('the open card passes axe in light and dark', async () => {
    const page = await openNews();
    await hover(page, 'Pompeo');
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
    // axe cannot enter a closed root, so the card's exact markup and stylesheet are
    // mounted in an open one on a blank page of the same size, where axe can check them.
    const copy = await inCard<{ markup: string; css: string }>(
      page,
      `function () { return { markup: [...this.children].map((c) => c.outerHTML).join(''), css: [...this.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\\n') }; }`,
    );
    expect(copy?.markup).toContain('role="dialog"');
    const replica = await ext.context.newPage();
    await replica.setContent('<!doctype html><html lang="en"><head><title>card</title></head><body><main><div id="host"></div></main></body></html>');
    await replica.evaluate(({ markup, css }) => {
      const root = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      root.setHTMLUnsafe(markup);
    }, copy as { markup: string; css: string });
    for (const scheme of ['light', 'dark'] as const) {
      await replica.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(replica), scheme).toEqual([]);
    }
    await replica.close();
    await page.close();
  });

  it('shows on the toolbar badge how many distinct names the page has', async () => {
    const page = await openNews();
    const worker = await ext.serviceWorker();
    // Without the tabs permission the worker cannot see tab addresses, so it reads every tab's badge;
    // the news page is the only open page that names anyone.
    const badges = () =>
      worker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; action: { getBadgeText(d: object): Promise<string> } } }).chrome;
        const tabs = await api.tabs.query({});
        return (await Promise.all(tabs.map((t) => api.action.getBadgeText({ tabId: t.id })))).filter(Boolean);
      });
    // Kadhimi, Rouhani, Zarif, Pompeo and the PMF.
    await expect.poll(badges, { timeout: 5000 }).toEqual(['5']);
    await page.close();
  });

  it('reaches names from the keyboard and opens the reader at the cited statement', async () => {
    const page = await openNews();
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
    expect((await cardState(page))?.name).toContain('Mustafa al-Kadhimi');
    const readerOpened = ext.context.waitForEvent('page');
    // Tab from the card to its first role ("Iraqi Prime Minister") and follow it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const reader = await readerOpened;
    await reader.waitForSelector('[aria-current="true"][data-statement]');
    const marked = await reader.$eval('[aria-current="true"][data-statement]', (el) => ({ id: el.getAttribute('data-statement'), text: el.textContent }));
    expect(marked.id).toBe('002_4150bcee245c5d5c#6');
    expect(marked.text).toContain('Iraqi Prime Minister Mustafa al-Kadhimi arrived in Tehran');
    await reader.screenshot({ path: artifactPath('reader-chromium.png') });
    await reader.close();
    await page.close();
  });

  it('underlines text that arrives after load', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/dynamic.html`);
    await page.waitForTimeout(300);
    await page.evaluate(() => (window as unknown as { addPost(t: string): void }).addPost('Kanaani said Iraq must decide.'));
    await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person ?? [])).toEqual(['Kanaani']);
    await page.evaluate(() => (window as unknown as { addPost(t: string): void }).addPost('Later, Qassem Soleimani was named.'));
    await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person ?? [])).toEqual(['Kanaani', 'Qassem Soleimani']);
    await page.close();
  });

  it('switching the site off removes every underline and our UI; on again brings them back', async () => {
    const page = await openNews();
    await hover(page, 'Zarif');
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
    const options = await ext.openExtensionPage('options.html');
    const host = new URL(server.url).hostname;
    await options.evaluate(patchSettings, { disabledSites: [host] });
    await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
    const dom = await page.evaluate(bodyMatchesSource, HOST);
    expect(dom).toEqual({ equal: true, extraStyles: 0, hosts: 0 });
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await options.evaluate(patchSettings, { disabledSites: [] });
    await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person ?? [])).toEqual(NEWS_PEOPLE);
    await options.close();
    await page.close();
  });

  it('underlines names inside a web component’s open shadow root, with cards on hover and from the keyboard', async () => {
    const page = await openNews('/safety/shadow.html');
    await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person ?? [])).toEqual(['Hassan Rouhani', 'Mike Pompeo', 'Mohammad Javad Zarif']);
    // What the strip where "Zarif" is drawn inside the component looks like underlined.
    const box = await page.evaluate(textBox, 'Zarif');
    if (!box) throw new Error('no Zarif in the component');
    const strip = underlineStrip(box);
    const underlined = await page.screenshot({ clip: strip });
    await page.screenshot({ path: artifactPath('shadow-dom-chromium.png') });

    await hover(page, 'Zarif');
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
    expect((await cardState(page))?.name).toContain('Mohammad Javad Zarif');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await cardState(page)) ?? null).toBeNull();

    // Alt+Shift+N walks the names in reading order: light DOM, then the component's text, then its slotted text.
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Alt+Shift+N');
      await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
      order.push((await cardState(page))?.name ?? '');
    }
    expect(order.map((name) => ['Mike Pompeo', 'Mohammad Javad Zarif', 'Hassan Rouhani'].find((n) => name.includes(n)))).toEqual([
      'Mike Pompeo',
      'Mohammad Javad Zarif',
      'Hassan Rouhani',
    ]);
    await page.keyboard.press('Escape');

    // Off: no underline drawn there any more, and the component's styles are its own again.
    const options = await ext.openExtensionPage('options.html');
    await options.evaluate(patchSettings, { disabledSites: [new URL(server.url).hostname] });
    await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
    expect(Buffer.compare(await page.screenshot({ clip: strip }), underlined)).not.toBe(0);
    expect(await page.evaluate(() => document.querySelector('news-quote')?.shadowRoot?.adoptedStyleSheets.length)).toBe(0);
    await options.evaluate(patchSettings, { disabledSites: [] });
    await options.close();
    await page.close();
  });

  it('still answers after Chrome stops the service worker', async () => {
    const page = await openNews();
    await ext.stopServiceWorker();
    expect(await ext.serviceWorkerStatus()).toBe('stopped');
    await hover(page, 'Pompeo');
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 8000 }).toBe('ready');
    expect((await cardState(page))?.text).toContain('All strategic issues between our two countries');
    await page.close();
  });

  it('sends nothing anywhere: every request stays on this machine', async () => {
    expect(network.requests.length).toBeGreaterThan(0);
    expect(network.external()).toEqual([]);
    expect(ext.proxy?.hits ?? []).toEqual([]);
  });
});
