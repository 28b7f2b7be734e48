/**
 * What a page can see of our underlines, and how many it holds, in Firefox ESR
 * (issue 17), as underlines.chromium.test.ts checks in Chromium: names drawn
 * per page, underlines back after the page cleared the registry, the library's
 * names kept off pages on request, each name once on request, and a long page
 * holding only the underlines near the screen while the popup counts them all.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, hasFirefox, missingBrowserReason } from './support/env';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { patchSettings, readHighlightNames, readHighlights } from './support/page-probes';
import { type StaticServer, serveStatic } from './support/server';
import { documentMarks, LIBRARY_PERSON_PAGE, LONG_PAGE, LONG_PAGE_PARAGRAPHS, libraryNamesWithKerry, REPEATED_PAGE, registeredParagraphs, storeItems } from './support/underline-pages';

const BUILD = join(import.meta.dirname, '..', '.output', 'firefox-mv2');
const NEWS_PEOPLE = ['Hassan Rouhani', 'Kadhimi', 'Mike Pompeo', 'Mohammad Javad Zarif', 'Mustafa al-Kadhimi'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
if (!hasFirefox) console.warn(missingBrowserReason('firefox'));

/** Reads until `ok` holds or the time is up; returns the last value read. */
async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await sleep(100);
  }
}
const same = (a: unknown) => (b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe.skipIf(!hasFirefox)('underlines and the page, in Firefox', () => {
  let ext: FirefoxExtension;
  let server: StaticServer;
  let options: Page;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    server.route('/repeated.html', REPEATED_PAGE);
    server.route('/long.html', LONG_PAGE);
    server.route('/kerry.html', LIBRARY_PERSON_PAGE);
    ext = await launchFirefox(BUILD);
    options = await ext.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, { timeout: 10_000 });
    return page;
  }
  const people = (page: Page) => page.evaluate(readHighlights).then((h) => h.person);

  it('registers its highlights under names drawn for each page, and leaves no mark of its own in the page', async () => {
    const first = await open('/news.html');
    const second = await open('/news.html');
    const names = [...(await first.evaluate(readHighlightNames)), ...(await second.evaluate(readHighlightNames))];
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]{14}$/);
    // Firefox takes our stylesheet as a <style> element: it carries no attribute, no name of ours.
    expect((await first.evaluate(documentMarks)).filter((mark) => /iic|iran-iraq/i.test(mark))).toEqual([]);
    expect(await poll(() => people(first), same(NEWS_PEOPLE))).toEqual(NEWS_PEOPLE);
    await first.close();
    await second.close();
  });

  it('puts the underlines back after the page cleared the registry: at the next name found, and when the reader moves', async () => {
    const page = await open('/news.html');
    const all = [...NEWS_PEOPLE, 'Kanaani'].sort();
    await page.evaluate(() => CSS.highlights.clear());
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Kanaani answered later.';
      document.querySelector('article')?.append(p);
    });
    expect(await poll(() => people(page), same(all))).toEqual(all);
    await page.evaluate(() => CSS.highlights.clear());
    await page.mouse.move(200, 200);
    await page.mouse.move(220, 240);
    expect(await poll(() => people(page), same(all))).toEqual(all);
    await page.close();
  });

  it('keeps the library’s names off pages when the reader says so; the bundled ones stay', async () => {
    await options.evaluate(storeItems, libraryNamesWithKerry());
    const page = await open('/kerry.html');
    expect(await poll(() => people(page), same(['John Kerry', 'Mohammad Javad Zarif']))).toEqual(['John Kerry', 'Mohammad Javad Zarif']);
    await options.evaluate(patchSettings, { libraryNamesOnPages: false });
    expect(await poll(() => people(page), same(['Mohammad Javad Zarif']))).toEqual(['Mohammad Javad Zarif']);
    const fresh = await open('/kerry.html');
    await sleep(500);
    expect(await people(fresh)).toEqual(['Mohammad Javad Zarif']);
    await options.evaluate(patchSettings, { libraryNamesOnPages: true });
    expect(await poll(() => people(fresh), same(['John Kerry', 'Mohammad Javad Zarif']))).toEqual(['John Kerry', 'Mohammad Javad Zarif']);
    await page.close();
    await fresh.close();
  });

  it('underlines the first mention of each name only, when asked, and the popup still counts every mention', async () => {
    await options.evaluate(patchSettings, { firstMentionOnly: true });
    try {
      const page = await open('/repeated.html');
      expect(await poll(() => people(page), same(['Mike Pompeo', 'Mohammad Javad Zarif']))).toEqual(['Mike Pompeo', 'Mohammad Javad Zarif']);
      expect(await popupCounts()).toMatchObject({ 'mohammad-javad-zarif': 4, 'mike-pompeo': 2 });
      await page.close();
    } finally {
      await options.evaluate(patchSettings, { firstMentionOnly: false });
    }
  });

  it('holds only the underlines on and near the screen of a long page, follows the scrolling, and counts them all', async () => {
    const page = await open('/long.html');
    await sleep(1000);
    const top = await page.evaluate(registeredParagraphs);
    expect(top.paragraphs[0]).toBe(0);
    expect(top.paragraphs.at(-1)).toBeGreaterThan(60);
    expect(top.total).toBeLessThan(400);
    await page.evaluate(() => document.getElementById('p1400')?.scrollIntoView());
    const after = await poll(
      () => page.evaluate(registeredParagraphs),
      (r) => r.paragraphs.includes(1400) && !r.paragraphs.includes(0),
    );
    expect([after.paragraphs.includes(1400), after.paragraphs.includes(0)]).toEqual([true, false]);
    expect(after.total).toBeLessThan(400);
    await page.screenshot({ path: artifactPath('long-page-firefox.png') });
    expect(await popupCounts()).toMatchObject({ 'mohammad-javad-zarif': LONG_PAGE_PARAGRAPHS, 'popular-mobilization-forces': LONG_PAGE_PARAGRAPHS });
    await page.close();
  });

  /** The popup's "on this page" counts, by entity, for the tab the reader was on. */
  async function popupCounts(): Promise<Record<string, number>> {
    const popup = await ext.openExtensionPage('popup.html');
    await popup.waitForFunction(() => document.querySelector('#page-names')?.getAttribute('data-state') === 'ready', { timeout: 10_000 });
    const counts = await popup.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('#page-names li[data-entity]')].map((li) => [li.getAttribute('data-entity'), Number((li.querySelector('.name-count [aria-hidden]')?.textContent ?? '').replace(/\D/g, ''))]),
      ),
    );
    await popup.close();
    return counts;
  }
});
