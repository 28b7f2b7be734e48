/**
 * The hover card as a reader uses it, in Chromium: it fits the window it opens
 * in and survives a small scroll, and its "All statements (N)" link opens the
 * reader's entity page. Screenshots for docs/screenshots come from here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { cardState, inCard } from './support/card-probe';
import { type ChromiumExtension, launchChromium } from './support/chromium';
import { artifactPath, hasChromium, missingBrowserReason } from './support/env';
import { textBox } from './support/page-probes';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'chrome-mv3');

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The open card's box in the viewport, and the button that opens every statement (where it is). */
const cardBox = (page: Page) =>
  inCard<{ card: Box; all: Box | null } | null>(
    page,
    `function () {
      const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
      const card = this.querySelector('[role="dialog"]');
      return card ? { card: box(card), all: box(this.querySelector('.iic-all-statements button')) } : null;
    }`,
  );

if (!hasChromium) console.warn(missingBrowserReason('chromium'));

describe.skipIf(!hasChromium)('the card in Chromium', () => {
  let ext: ChromiumExtension;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    ext = await launchChromium(BUILD);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function openNews(): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/news.html`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, null, { timeout: 10_000 });
    return page;
  }

  async function hover(page: Page, text: string) {
    const point = await page.evaluate(textBox, text);
    if (!point) throw new Error(`no text ${text}`);
    await page.mouse.move(point.x - 40, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
  }

  it('fits a 420×700 window wherever the name is, and a small scroll keeps it open beside its name', async () => {
    const page = await openNews();
    await page.setViewportSize({ width: 420, height: 700 });
    // Room to scroll, and the name halfway down: the card fits neither below nor above it whole.
    await page.evaluate(() => {
      document.body.style.paddingBlock = '800px';
    });
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const at = walker.currentNode.textContent?.indexOf('Rouhani') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(walker.currentNode, at);
        window.scrollBy(0, range.getBoundingClientRect().top - 330);
        return;
      }
    });
    await hover(page, 'Rouhani');
    const opened = await cardBox(page);
    expect(opened, JSON.stringify(opened)).not.toBeNull();
    const { card } = opened as { card: Box };
    expect(card.top).toBeGreaterThanOrEqual(0);
    expect(card.left).toBeGreaterThanOrEqual(0);
    expect(card.bottom).toBeLessThanOrEqual(700);
    expect(card.right).toBeLessThanOrEqual(420);
    await page.screenshot({ path: artifactPath('card-420x700-chromium.png') });
    // The reader moves into the card to read it, then nudges the page.
    await page.mouse.move((card.left + card.right) / 2, (card.top + card.bottom) / 2, { steps: 4 });
    await page.evaluate(() => window.scrollBy(0, 20));
    await page.waitForTimeout(600);
    expect((await cardState(page))?.status).toBe('ready');
    const moved = (await cardBox(page))?.card as Box;
    expect(moved.bottom).toBeLessThanOrEqual(700);
    expect(moved.top).toBeGreaterThanOrEqual(0);
    // A long scroll takes the name away: the card goes with it.
    await page.evaluate(() => window.scrollBy(0, 600));
    await expect.poll(async () => (await cardState(page)) ?? null, { timeout: 3000 }).toBeNull();
    await page.close();
  });

  it('cites its sources and opens every statement on the reader’s entity page', async () => {
    const page = await openNews();
    await hover(page, 'Rouhani');
    const state = await cardState(page);
    expect(state?.text).toMatch(/From 1 of 5 articles in the corpus, 2020/);
    expect(state?.text).toContain('Copy with citation');
    expect(state?.text).toContain('All statements (9)');
    // Copy with citation, from the page's closed card into the real clipboard: plain text and HTML.
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const copy = await inCard<Box>(page, `function () { const b = this.querySelector('[data-copy-citation]'); b.scrollIntoView({ block: 'center' }); const r = b.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; }`);
    if (!copy) throw new Error('no copy button');
    await page.mouse.click((copy.left + copy.right) / 2, (copy.top + copy.bottom) / 2);
    await expect.poll(() => inCard<string>(page, `function () { return this.querySelector('.iic-copy-status').textContent; }`)).toBe('Copied');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 3000 }).toContain('— Hassan Rouhani, article beginning “President Hassan Rouhani says Iran');
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item.types.includes('text/html') ? (await item.getType('text/html')).text() : null;
    });
    expect(html).toContain('<blockquote>');
    // What the corpus does not know (the outlet, the headline) is left out, not written as if it were known.
    expect(html).toContain('…”, July 22, 2020</p>');
    expect(html).not.toMatch(/unknown|undated/i);
    // The card scrolled to its first statement's sources and actions, "Copied" beside them.
    await page.screenshot({ path: artifactPath('card-sources-chromium.png') });
    const all = (await cardBox(page))?.all;
    if (!all) throw new Error('no "All statements" link on the card');
    const opened = ext.context.waitForEvent('page');
    await page.mouse.click((all.left + all.right) / 2, (all.top + all.bottom) / 2);
    const reader = await opened;
    await reader.waitForSelector('.entity-page[data-entity="hassan-rouhani"] [data-statement]');
    expect(await reader.$$eval('[data-statement]', (els) => els.length)).toBe(9);
    await reader.click('label:has(input[value="said"])');
    const quotes = await reader.$$eval('[data-statement]', (els) => els.map((el) => el.getAttribute('data-relation')));
    expect(quotes.length).toBeGreaterThan(0);
    // His own words, in full and in fragments ("milestone"): no mention slips into the quotes.
    expect(quotes.every((r) => r === 'said' || r === 'quoted' || r === 'partial')).toBe(true);
    expect(quotes).toContain('partial');
    await reader.click('label:has(input[value="all"])');
    expect(await reader.$$eval('[data-statement]', (els) => els.length)).toBe(9);
    for (const scheme of ['light', 'dark'] as const) {
      await reader.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(reader), scheme).toEqual([]);
    }
    await reader.emulateMedia({ colorScheme: 'light' });
    await reader.screenshot({ path: artifactPath('entity-page-chromium.png') });
    await reader.close();
    await page.close();
  });
});
