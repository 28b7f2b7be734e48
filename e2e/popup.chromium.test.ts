/**
 * The popup of the built extension in Chromium, opened beside a served news
 * page: the page's names, related articles, search as you type, the reader
 * link, themes and accessibility. (The toolbar popup cannot be scripted by the
 * driver, so popup.html is opened as a tab; it then describes the tab the
 * reader was on just before, as it does from the toolbar.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { type ChromiumExtension, launchChromium } from './support/chromium';
import { artifactPath, hasChromium, missingBrowserReason } from './support/env';
import { patchSettings } from './support/page-probes';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'chrome-mv3');
if (!hasChromium) console.warn(missingBrowserReason('chromium'));

describe.skipIf(!hasChromium)('popup in Chromium', () => {
  let ext: ChromiumExtension;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    ext = await launchChromium(BUILD, { viewport: { width: 400, height: 600 } });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function popupBeside(url: string, hasNames = true): Promise<{ page: Page; popup: Page }> {
    const page = await ext.context.newPage();
    await page.goto(url);
    if (hasNames) await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0);
    const popup = await ext.openExtensionPage('popup.html');
    return { page, popup };
  }

  it('lists the page’s names, most mentioned first, and related corpus articles with why', async () => {
    const { page, popup } = await popupBeside(`${server.url}/news.html`);
    await popup.waitForSelector('#page-names[data-state="ready"]');
    const names = await popup.$$eval('#page-names li[data-entity]', (items) => items.map((li) => li.getAttribute('data-entity')));
    expect(names[0]).toBe('mustafa-al-kadhimi');
    expect(names).toEqual(expect.arrayContaining(['hassan-rouhani', 'mohammad-javad-zarif', 'mike-pompeo', 'popular-mobilization-forces']));
    await popup.waitForSelector('#related[data-state="ready"] #related-articles li[data-article]');
    const related = await popup.$$eval('#related-articles li[data-article]', (items) => items.map((li) => ({ id: li.getAttribute('data-article'), text: li.textContent })));
    expect(related[0].id).toBe('002_4150bcee245c5d5c');
    expect(related[0].text).toMatch(/Kadhimi/);
    await popup.screenshot({ path: artifactPath('popup-light.png') });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: artifactPath('popup-dark.png') });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(popup), scheme).toEqual([]);
    }
    await popup.close();
    await page.close();
  });

  it('searches as you type, typo-tolerant, with the matched words marked', async () => {
    const { page, popup } = await popupBeside(`${server.url}/news.html`);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('search');
    await popup.keyboard.type('zari');
    await popup.waitForSelector('#search-results [role=option][data-kind="name"][data-id="mohammad-javad-zarif"]');
    await popup.fill('#search', '');
    await popup.keyboard.type('kadhem');
    const first = await popup.waitForSelector('#search-results[data-query="kadhem"]:not([aria-busy="true"]) [data-group="names"] [role=option]');
    expect(await first.getAttribute('data-id')).toBe('mustafa-al-kadhimi');
    await popup.fill('#search', '');
    await popup.keyboard.type('US troops');
    // The results of "US" or "US tro" may be on screen first: wait for the answer to the whole query.
    const statement = await popup.waitForSelector('#search-results[data-query="US troops"]:not([aria-busy="true"]) [role=option][data-kind="statement"]');
    expect(await statement.textContent()).toContain('2500 US troops');
    expect(await statement.$$eval('mark', (marks) => marks.map((m) => m.textContent?.toLowerCase()))).toEqual(expect.arrayContaining(['us', 'troops']));
    await popup.screenshot({ path: artifactPath('popup-search.png') });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(popup), `search results, ${scheme}`).toEqual([]);
    }
    // While the next query is in flight the old results stay on screen; they must stay readable (AA contrast) too.
    await popup.$eval('#search-results', (list) => list.classList.add('is-stale'));
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(popup), `results while a query is in flight, ${scheme}`).toEqual([]);
    }
    await popup.close();
    await page.close();
  });

  it('opens a related article in the reader page', async () => {
    const { page, popup } = await popupBeside(`${server.url}/news.html`);
    const item = await popup.waitForSelector('#related-articles li[data-article="002_4150bcee245c5d5c"] button, #related-articles li[data-article="002_4150bcee245c5d5c"] a');
    const opened = ext.context.waitForEvent('page');
    await item.click();
    const reader = await opened;
    await reader.waitForSelector('main#article[data-status="ready"]');
    expect(await reader.textContent('#article-title')).toMatch(/Rouhani/);
    expect(await seriousViolations(reader)).toEqual([]);
    // The names are underlined in the style chosen in the options, and follow a change at once.
    const underline = () => reader.$eval('.mention', (m) => getComputedStyle(m).textDecorationStyle);
    expect(await underline()).toBe('dotted');
    await reader.evaluate(patchSettings, { underline: 'wavy' });
    await expect.poll(underline).toBe('wavy');
    await reader.evaluate(patchSettings, { underline: 'dotted' });
    await reader.close();
    await page.close();
  });

  it('says when a page has no names, or cannot be read, and still searches', async () => {
    server.route('/empty.html', { body: '<!doctype html><title>Weather</title><p>Sunny spells and a light breeze.</p>', contentType: 'text/html' });
    const { page, popup } = await popupBeside(`${server.url}/empty.html`, false);
    await popup.waitForSelector('#page-names[data-state="empty"]');
    await popup.close();
    await page.close();
    const blank = await popupBeside('about:blank', false);
    await blank.popup.waitForSelector('#page-names[data-state="unreadable"]');
    await blank.popup.keyboard.type('Pompeo');
    await blank.popup.waitForSelector('#search-results [role=option][data-id="mike-pompeo"]');
    await blank.popup.close();
    await blank.page.close();
  });

  it('with underlining off everywhere, says so and turns it back on', async () => {
    const { page, popup } = await popupBeside(`${server.url}/news.html`);
    await popup.evaluate(patchSettings, { enabled: false, disabledSites: [] });
    // The page drops its underlines; the popup, opened afresh, says why and offers the way back.
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size === 0);
    await popup.reload();
    await popup.waitForSelector('#page-names[data-state="off-everywhere"]');
    expect(await popup.$('#site-switch')).toBeNull();
    await popup.screenshot({ path: artifactPath('popup-off-everywhere.png') });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(popup), scheme).toEqual([]);
    }
    await popup.click('#turn-on-everywhere');
    await popup.waitForSelector('#page-names[data-state="ready"] li[data-entity="mustafa-al-kadhimi"]');
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0);
    await popup.close();
    await page.close();
  });

  it('the options page is accessible in both themes', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.waitForSelector('#opt-enabled');
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(options), scheme).toEqual([]);
    }
    await options.close();
  });
});
