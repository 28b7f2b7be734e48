/**
 * What a page can see of our underlines, and how many it holds, in Chromium
 * (issue 17). The highlight registry is shared with the page: its names are
 * drawn per page, never a fixed string a site could test for; a page that
 * clears it gets the underlines back; the reader can keep the library's names
 * off pages, and underline each name once. A long page holds only the
 * underlines on and near the screen, while the popup still counts them all.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumExtension, launchChromium } from './support/chromium';
import { artifactPath, hasChromium, missingBrowserReason } from './support/env';
import { patchSettings, readHighlightNames, readHighlights } from './support/page-probes';
import { type StaticServer, serveStatic } from './support/server';
import { documentMarks, LIBRARY_PERSON_PAGE, LONG_PAGE, LONG_PAGE_PARAGRAPHS, libraryNamesWithKerry, REPEATED_PAGE, registeredParagraphs, storeItems } from './support/underline-pages';

const BUILD = join(import.meta.dirname, '..', '.output', 'chrome-mv3');
const NEWS_PEOPLE = ['Hassan Rouhani', 'Kadhimi', 'Mike Pompeo', 'Mohammad Javad Zarif', 'Mustafa al-Kadhimi'];
if (!hasChromium) console.warn(missingBrowserReason('chromium'));

describe.skipIf(!hasChromium)('underlines and the page, in Chromium', () => {
  let ext: ChromiumExtension;
  let server: StaticServer;
  let options: Page;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    server.route('/repeated.html', REPEATED_PAGE);
    server.route('/long.html', LONG_PAGE);
    server.route('/kerry.html', LIBRARY_PERSON_PAGE);
    ext = await launchChromium(BUILD);
    options = await ext.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.size > 0, null, { timeout: 10_000 });
    return page;
  }

  it('registers its highlights under names drawn for each page, and leaves no mark of its own in the page', async () => {
    const first = await open('/news.html');
    const second = await open('/news.html');
    const names = [...(await first.evaluate(readHighlightNames)), ...(await second.evaluate(readHighlightNames))];
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]{14}$/);
    expect((await first.evaluate(documentMarks)).filter((mark) => /iic|iran-iraq/i.test(mark))).toEqual([]);
    // The underlines themselves are as before, told apart by their colour as a reader tells them.
    expect((await first.evaluate(readHighlights)).person).toEqual(NEWS_PEOPLE);
    await first.close();
    await second.close();
  });

  it('puts the underlines back after the page cleared the registry: at the next name found, and when the reader moves', async () => {
    const page = await open('/news.html');
    await page.evaluate(() => CSS.highlights.clear());
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Kanaani answered later.';
      document.querySelector('article')?.append(p);
    });
    await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person)).toEqual([...NEWS_PEOPLE, 'Kanaani'].sort());
    await page.evaluate(() => CSS.highlights.clear());
    await page.mouse.move(200, 200);
    await page.mouse.move(220, 240);
    await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person)).toEqual([...NEWS_PEOPLE, 'Kanaani'].sort());
    await page.close();
  });

  it('keeps the library’s names off pages when the reader says so; the bundled ones stay', async () => {
    await options.evaluate(storeItems, libraryNamesWithKerry());
    const page = await open('/kerry.html');
    await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person)).toEqual(['John Kerry', 'Mohammad Javad Zarif']);
    await options.evaluate(patchSettings, { libraryNamesOnPages: false });
    await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person)).toEqual(['Mohammad Javad Zarif']);
    // A page opened now never sees the name at all.
    const fresh = await open('/kerry.html');
    await fresh.waitForTimeout(500);
    expect((await fresh.evaluate(readHighlights)).person).toEqual(['Mohammad Javad Zarif']);
    await options.evaluate(patchSettings, { libraryNamesOnPages: true });
    await expect.poll(() => fresh.evaluate(readHighlights).then((h) => h.person)).toEqual(['John Kerry', 'Mohammad Javad Zarif']);
    await page.close();
    await fresh.close();
  });

  it('underlines the first mention of each name only, when asked, and the popup still counts every mention', async () => {
    await options.evaluate(patchSettings, { firstMentionOnly: true });
    try {
      const page = await open('/repeated.html');
      await expect.poll(() => page.evaluate(readHighlights).then((h) => h.person)).toEqual(['Mike Pompeo', 'Mohammad Javad Zarif']);
      // The first one stands in the first paragraph.
      expect(await page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h].map((r) => r.startContainer.parentElement?.textContent?.slice(0, 16))))).toEqual([
        'Foreign Minister',
        'Foreign Minister',
      ]);
      const counts = await popupCounts();
      expect(counts).toMatchObject({ 'mohammad-javad-zarif': 4, 'mike-pompeo': 2 });
      await page.close();
    } finally {
      await options.evaluate(patchSettings, { firstMentionOnly: false });
    }
  });

  it('holds only the underlines on and near the screen of a long page, follows the scrolling, and counts them all', async () => {
    const page = await open('/long.html');
    await page.waitForTimeout(1000);
    const top = await page.evaluate(registeredParagraphs);
    // 800 px a screen, 24 px a paragraph: the screen and one below it, give or take a group of neighbours.
    expect(top.paragraphs[0]).toBe(0);
    expect(top.paragraphs.at(-1)).toBeGreaterThan(60);
    expect(top.total).toBeLessThan(400);
    await page.evaluate(() => document.getElementById('p1400')?.scrollIntoView());
    await expect.poll(() => page.evaluate(registeredParagraphs).then((r) => r.paragraphs.includes(1400) && !r.paragraphs.includes(0))).toBe(true);
    expect((await page.evaluate(registeredParagraphs)).total).toBeLessThan(400);
    await page.screenshot({ path: artifactPath('long-page-chromium.png') });
    expect(await popupCounts()).toMatchObject({ 'mohammad-javad-zarif': LONG_PAGE_PARAGRAPHS, 'popular-mobilization-forces': LONG_PAGE_PARAGRAPHS });
    await page.close();
  });

  /** The popup's "on this page" counts, by entity, for the tab the reader was on. */
  async function popupCounts(): Promise<Record<string, number>> {
    const popup = await ext.openExtensionPage('popup.html');
    await popup.waitForSelector('#page-names[data-state="ready"]');
    const counts = await popup.$$eval('#page-names li[data-entity]', (items) =>
      Object.fromEntries(items.map((li) => [li.getAttribute('data-entity'), Number((li.querySelector('.name-count [aria-hidden]')?.textContent ?? '').replace(/\D/g, ''))])),
    );
    await popup.close();
    return counts;
  }
});
