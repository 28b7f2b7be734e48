/**
 * The built extension in Debian's Firefox ESR over WebDriver BiDi. BiDi cannot
 * see into extension tabs' events, so extension pages are reached as the
 * extension opens them (the reader from the card) or through the harness's
 * privileged navigation (options page).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, hasFirefox, missingBrowserReason } from './support/env';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { bodyMatchesSource, patchSettings, readHighlights, textBox, underlineStrip } from './support/page-probes';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'firefox-mv2');
const HOST = 'iran-iraq-context-ui';
const NEWS_PEOPLE = ['Hassan Rouhani', 'Kadhimi', 'Mike Pompeo', 'Mohammad Javad Zarif', 'Mustafa al-Kadhimi'];

if (!hasFirefox) console.warn(missingBrowserReason('firefox'));

const poll = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 8000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.skipIf(!hasFirefox)('extension in Firefox', () => {
  let ext: FirefoxExtension;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    ext = await launchFirefox(BUILD);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function openNews(path = '/news.html'): Promise<Page> {
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, { timeout: 10_000 });
    return page;
  }
  /** Whether our card is what the pointer finds just beside a word (below, above, or at its side when neither has room), where the card opens. */
  const cardShownBeside = async (page: Page, word: string) => {
    const box = await page.evaluate(textBox, word);
    if (!box) return false;
    const around = [
      [box.left + 30, box.bottom + 40],
      [box.left + 30, box.top - 40],
      [box.right + 40, box.y],
      [box.left - 40, box.y],
    ];
    return page.evaluate((points, tag) => points.some(([x, y]) => document.elementFromPoint(x, y)?.tagName.toLowerCase() === tag), around, HOST);
  };
  async function pointAt(page: Page, word: string) {
    const p = await page.evaluate(textBox, word);
    if (!p) throw new Error(`no ${word}`);
    await page.mouse.move(p.x - 30, p.y - 30);
    await page.mouse.move(p.x, p.y, { steps: 4 });
  }
  /** The next/previous-name key as the reader presses it: Firefox holds it as the extension's command. */
  async function shortcut(page: Page, key: 'KeyN' | 'KeyP') {
    await page.bringToFront();
    await ext.pressBrowserKeys(`Alt+Shift+${key.slice(3)}`);
  }

  it('underlines exactly the names without changing the page’s nodes', async () => {
    const page = await openNews();
    const highlights = await page.evaluate(readHighlights);
    expect(highlights.person).toEqual(NEWS_PEOPLE);
    expect(highlights.organization).toEqual(['Popular Mobilization Forces']);
    const dom = await page.evaluate(bodyMatchesSource, HOST);
    expect(dom.equal).toBe(true);
    expect(dom.hosts).toBe(0);
    // Firefox refuses adopted stylesheets from content scripts: one style element at most.
    expect(dom.extraStyles).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('shows a card on hover, where the page cannot read it, and Escape closes it', async () => {
    const page = await openNews();
    await pointAt(page, 'Rouhani');
    expect(await poll(() => cardShownBeside(page, 'Rouhani'), Boolean)).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    await page.screenshot({ path: artifactPath('card-firefox.png') });
    expect(await page.evaluate((tag) => document.querySelector(tag)?.shadowRoot ?? null, HOST)).toBeNull();
    await page.keyboard.press('Escape');
    expect(await poll(() => cardShownBeside(page, 'Rouhani'), (v) => !v)).toBe(false);
    await page.close();
  });

  it('from the keyboard, the card’s role link opens the reader at the cited statement, whose names open the card on hover', async () => {
    const page = await openNews();
    await page.focus('body');
    await shortcut(page, 'KeyN');
    expect(await poll(() => cardShownBeside(page, 'Kadhimi'), Boolean)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const reader = await ext.findExtensionPage('reader.html', 10_000);
    await reader.waitForFunction(() => document.querySelector('[aria-current="true"][data-statement]') !== null, { timeout: 10_000 });
    const marked = await reader.evaluate(() => {
      const el = document.querySelector('[aria-current="true"][data-statement]');
      return { id: el?.getAttribute('data-statement'), text: el?.textContent };
    });
    expect(marked.id).toBe('002_4150bcee245c5d5c#6');
    expect(marked.text).toContain('Iraqi Prime Minister Mustafa al-Kadhimi arrived in Tehran');
    await reader.screenshot({ path: artifactPath('reader-firefox.png') });
    // The reader's names open the same card on hover (e2e/reader.chromium.test.ts checks the rest: BiDi cannot
    // navigate to moz-extension:// pages, so here the reader is only reached from a card's link).
    // The reader scrolls smoothly to the statement: measure the name once it stands still.
    const where = () =>
      reader.evaluate(() => {
        const r = document.querySelector('[aria-current="true"] .mention[data-entity]')?.getBoundingClientRect();
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, top: r.top, bottom: r.bottom } : null;
      });
    let name = await where();
    for (let still = 0; still < 3; ) {
      await new Promise((r) => setTimeout(r, 100));
      const now = await where();
      still = JSON.stringify(now) === JSON.stringify(name) ? still + 1 : 0;
      name = now;
    }
    if (!name) throw new Error('no name in the marked statement');
    await reader.bringToFront();
    await reader.mouse.move(name.x - 30, name.y - 30);
    await reader.mouse.move(name.x, name.y, { steps: 4 });
    // The card opens below the name, above it where the viewport has no room below, or at its side where neither has room.
    const at = name;
    const cardBesideName = () =>
      reader.evaluate(
        (n, tag) =>
          [
            [n.left + 30, n.bottom + 40],
            [n.left + 30, n.top - 40],
            [n.left + (n.x - n.left) * 2 + 40, n.y],
            [n.left - 40, n.y],
          ].some(([x, y]) => document.elementFromPoint(x, y)?.tagName.toLowerCase() === tag),
        at,
        HOST,
      );
    expect(await poll(cardBesideName, Boolean)).toBe(true);
    await reader.close();
    await page.close();
  });

  it('underlines a bare Persian or Arabic surname after the full name, and no everyday word that is also a surname', async () => {
    const page = await openNews('/fa-ar-names.html');
    await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person ?? [])).toEqual(['الصدر', 'ظریف', 'محمد جواد ظریف', 'مقتدى الصدر']);
    const words = await ext.browser.newPage();
    await words.goto(`${server.url}/fa-ar-everyday-words.html`);
    // The popup says the page has no names once the content script has read it (asked again if it had not started yet).
    let state: string | null | undefined = null;
    for (let attempt = 0; attempt < 5 && state !== 'empty'; attempt++) {
      const popup = await ext.openExtensionPage('popup.html');
      await popup.waitForFunction(() => !['loading', null].includes(document.querySelector('#page-names')?.getAttribute('data-state') ?? null), { timeout: 10_000 });
      state = await popup.evaluate(() => document.querySelector('#page-names')?.getAttribute('data-state'));
      await popup.close();
    }
    expect(state).toBe('empty');
    expect(await words.evaluate(readHighlights)).toEqual({});
    await words.close();
    await page.close();
  });

  it('switching the site off removes every underline and our UI, leaving the page as served', async () => {
    const page = await openNews();
    await pointAt(page, 'Zarif');
    await poll(() => cardShownBeside(page, 'Zarif'), Boolean);
    const options = await ext.openExtensionPage('options.html');
    const host = new URL(server.url).hostname;
    await options.evaluate(patchSettings, { disabledSites: [host] });
    const size = await poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size), (n) => n === 0);
    expect(size).toBe(0);
    expect(await page.evaluate(bodyMatchesSource, HOST)).toEqual({ equal: true, extraStyles: 0, hosts: 0 });
    await options.evaluate(patchSettings, { disabledSites: [] });
    const again = await poll(() => page.evaluate(readHighlights).then((h) => h.person ?? []), (v) => v.length === NEWS_PEOPLE.length);
    expect(again).toEqual(NEWS_PEOPLE);
    await options.close();
    await page.close();
  });

  it('underlines names inside a web component’s open shadow root, and opens their card on hover', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/safety/shadow.html`);
    const people = await poll(() => page.evaluate(readHighlights).then((h) => h.person ?? []), (v) => v.length === 3);
    expect(people).toEqual(['Hassan Rouhani', 'Mike Pompeo', 'Mohammad Javad Zarif']);
    const box = await page.evaluate(textBox, 'Zarif');
    if (!box) throw new Error('no Zarif in the component');
    // Firefox draws ::highlight() inside a shadow tree only from that tree's own styles: the strip shows whether they are there.
    const strip = underlineStrip(box);
    const underlined = await page.screenshot({ clip: strip, encoding: 'base64' });
    await page.screenshot({ path: artifactPath('shadow-dom-firefox.png') });
    await pointAt(page, 'Zarif');
    expect(await poll(() => cardShownBeside(page, 'Zarif'), Boolean)).toBe(true);
    await page.keyboard.press('Escape');

    const options = await ext.openExtensionPage('options.html');
    await options.evaluate(patchSettings, { disabledSites: [new URL(server.url).hostname] });
    await poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size), (n) => n === 0);
    expect(await page.screenshot({ clip: strip, encoding: 'base64' })).not.toBe(underlined);
    expect(await page.evaluate(() => document.querySelector('news-quote')?.shadowRoot?.querySelectorAll('style').length)).toBe(0);
    await options.evaluate(patchSettings, { disabledSites: [] });
    await options.close();
    await page.close();
  });

  it('still answers after Firefox stops the background', async () => {
    const page = await openNews();
    await ext.terminateBackground();
    expect(await ext.backgroundState()).not.toBe('running');
    await page.focus('body');
    // The key wakes the stopped background, which relays the command to the page.
    await shortcut(page, 'KeyN');
    expect(await poll(() => cardShownBeside(page, 'Kadhimi'), Boolean)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const reader = await ext.findExtensionPage('reader.html', 10_000);
    await reader.waitForFunction(() => document.querySelector('[data-statement="002_4150bcee245c5d5c#6"][aria-current="true"]') !== null, { timeout: 10_000 });
    await reader.close();
    await page.close();
  });

  it('sends nothing anywhere', () => {
    expect(ext.proxy?.hits ?? []).toEqual([]);
  });
});
