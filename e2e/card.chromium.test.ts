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
import { patchSettings, textBox } from './support/page-probes';
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

/**
 * How many of the card's statements stand whole between its top and its sticky
 * foot, and how many lines its keyboard hints take.
 */
const STATEMENTS_IN_VIEW = `function () {
  const card = this.querySelector('[role="dialog"]');
  const r = card.getBoundingClientRect();
  const foot = this.querySelector('.iic-card-foot');
  const floor = foot ? foot.getBoundingClientRect().top : r.bottom;
  const items = [...this.querySelectorAll('[data-statement]')];
  const whole = items.filter((el) => { const b = el.getBoundingClientRect(); return b.top >= r.top && b.bottom <= floor + 1; });
  const hints = this.querySelector('.iic-shortcuts');
  const line = hints ? parseFloat(getComputedStyle(hints).lineHeight) : 0;
  return { inView: whole.length, total: items.length, hintLines: hints ? Math.round(hints.getBoundingClientRect().height / line) : 0,
    card: { top: r.top, bottom: r.bottom, left: r.left, right: r.right } };
}`;

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

  it('shows at least three statements at 1280×900, its keyboard hints on one line that the options hide', async () => {
    const page = await openNews();
    await page.setViewportSize({ width: 1280, height: 900 });
    // Names at the top of the article and in its middle, where a card opening below or above would have half the window.
    for (const name of ['Rouhani', 'Mike Pompeo']) {
      await page.mouse.move(5, 5);
      await expect.poll(async () => (await cardState(page)) ?? null, { timeout: 3000 }).toBeNull();
      await hover(page, name);
      const seen = await inCard<{ inView: number; total: number; hintLines: number; card: Box }>(page, STATEMENTS_IN_VIEW);
      expect(seen?.total, name).toBeGreaterThanOrEqual(3);
      expect(seen?.inView, `${name}: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(3);
      expect(seen?.hintLines, name).toBe(1);
      expect(seen?.card.bottom, name).toBeLessThanOrEqual(900);
      expect(seen?.card.right, name).toBeLessThanOrEqual(1280);
      // The name stays in sight beside its card.
      const box = await page.evaluate(textBox, name);
      const covered = seen && box && box.right > seen.card.left && box.left < seen.card.right && box.bottom > seen.card.top && box.top < seen.card.bottom;
      expect(covered, name).toBeFalsy();
      if (name === 'Rouhani') await page.screenshot({ path: artifactPath('card-1280x900-chromium.png') });
    }
    // Hidden in the options: no line of hints, on any card.
    const options = await ext.openExtensionPage('options.html');
    await options.evaluate(patchSettings, { cardKeyHints: false });
    await options.close();
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await cardState(page)) ?? null, { timeout: 3000 }).toBeNull();
    await hover(page, 'Rouhani');
    expect(await inCard<number>(page, `function () { return this.querySelectorAll('.iic-shortcuts').length; }`)).toBe(0);
    const options2 = await ext.openExtensionPage('options.html');
    await options2.evaluate(patchSettings, { cardKeyHints: true });
    await options2.close();
    await page.close();
  });

  it('marks a speaker the text only points back to as inferred, and shows why on hover and on focus', async () => {
    const page = await openNews();
    await page.setViewportSize({ width: 1280, height: 900 });
    await hover(page, 'Rouhani');
    const INFERRED = `function () {
      const mark = this.querySelector('.iic-inferred');
      if (!mark) return null;
      mark.scrollIntoView({ block: 'center' });
      const r = mark.getBoundingClientRect();
      const cue = mark.querySelector('.iic-cue');
      return { text: mark.textContent, cue: cue.textContent, shown: getComputedStyle(cue).display !== 'none', x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
    }`;
    const before = await inCard<{ text: string; cue: string; shown: boolean; x: number; y: number }>(page, INFERRED);
    if (!before) throw new Error('no inferred speaker on the card');
    expect(before.text).toContain('said by Hassan Rouhani (inferred)');
    expect(before.shown).toBe(false);
    // Hovered: the text's own words that point to him.
    await page.mouse.move(before.x, before.y, { steps: 3 });
    await expect.poll(async () => (await inCard<{ shown: boolean }>(page, INFERRED))?.shown).toBe(true);
    expect(before.cue).toMatch(/^The text says: “(?:he|He|The president) \w+”$/);
    await page.screenshot({ path: artifactPath('card-inferred-chromium.png') });
    // From the keyboard: focused, it shows the same words.
    await page.mouse.move(5, 5);
    await hover(page, 'Rouhani');
    const focused = await inCard<boolean>(page, `function () { const m = this.querySelector('.iic-inferred'); m.focus(); return getComputedStyle(m.querySelector('.iic-cue')).display !== 'none' && this.activeElement === m; }`);
    expect(focused).toBe(true);
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
