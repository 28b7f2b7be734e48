/**
 * The reader's library end to end in Chromium, with the real build: save an
 * article (made from a real one in ../shared/corpus) from the popup opened as a
 * tab, see its new person underlined on another page with the saved statement in
 * the card, marked "Your library" with the original link; restart the browser on
 * the same profile; export, clear, import; a corrupt file refused; delete; a
 * few articles saved and listed in the options; no traffic leaves the machine.
 * Screenshots for the README: the popup after saving, the card's library
 * statement, the options' list in light and dark.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { cardState, inCard } from './support/card-probe';
import { type ChromiumExtension, launchChromium, type NetworkRecorder } from './support/chromium';
import { artifactPath, hasChromium, missingBrowserReason } from './support/env';
import { importPack } from '../bench/library-material';
import {
  articlePage,
  haveArticle,
  haveMoreArticles,
  KERRY_ZARIF,
  MORE_ARTICLES,
  NOT_AN_ARTICLE,
  OFF_TOPIC_MENTION,
  OFF_TOPIC_PAGE,
  OTHER_PAGE,
  skipReason,
  tooLongPage,
} from './support/library-pages';
import { textBox } from './support/page-probes';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'chrome-mv3');
if (!hasChromium) console.warn(missingBrowserReason('chromium'));
if (!haveArticle) console.warn(skipReason);

/** Whether the text is one of the page's underlined names (a range in a CSS highlight). */
const underlined = (page: Page, text: string) =>
  page.evaluate((needle) => {
    for (const highlight of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()) for (const r of highlight) if (r.toString() === needle) return true;
    return false;
  }, text);

describe.skipIf(!hasChromium || !haveArticle)('the reader’s library in Chromium', () => {
  let ext: ChromiumExtension;
  let server: StaticServer;
  let network: NetworkRecorder;
  const profile = mkdtempSync(join(os.tmpdir(), 'e2e-library-'));
  let articleUrl = '';
  let otherUrl = '';
  let openOther: Page;
  let exported = '';

  const launch = async () => {
    ext = await launchChromium(BUILD, { userDataDir: profile });
    network = ext.recordRequests();
  };

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    server.route('/library/kerry-zarif.html', () => ({ body: articlePage(), contentType: 'text/html; charset=utf-8' }));
    server.route('/library/vienna.html', () => ({ body: OTHER_PAGE, contentType: 'text/html; charset=utf-8' }));
    server.route('/library/links.html', () => ({ body: NOT_AN_ARTICLE, contentType: 'text/html; charset=utf-8' }));
    for (const [i, article] of MORE_ARTICLES.entries()) server.route(`/library/more-${i}.html`, () => ({ body: articlePage(article), contentType: 'text/html; charset=utf-8' }));
    server.route('/library/whales.html', () => ({ body: OFF_TOPIC_PAGE, contentType: 'text/html; charset=utf-8' }));
    server.route('/library/whales-again.html', () => ({ body: OFF_TOPIC_MENTION, contentType: 'text/html; charset=utf-8' }));
    server.route('/library/long.html', () => ({ body: tooLongPage(), contentType: 'text/html; charset=utf-8' }));
    articleUrl = `${server.url}/library/kerry-zarif.html`;
    otherUrl = `${server.url}/library/vienna.html`;
    await launch();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  /**
   * Opens `url`, then the popup as a tab beside it (it describes the tab the
   * reader was on), and presses Save; with `screenshot`, in the toolbar popup's
   * size, photographed once the outcome is shown.
   */
  async function saveFromPopup(url: string, screenshot?: `${string}.png`, anyway?: (popup: Page) => Promise<void>): Promise<string> {
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(300);
    const popup = await ext.openExtensionPage('popup.html');
    if (screenshot) await popup.setViewportSize({ width: 400, height: 600 });
    await popup.click('#save-article-button');
    const status = await popup.waitForSelector('#save-article-status[data-outcome]', { timeout: 30_000 });
    const outcome = (await status.getAttribute('data-outcome')) ?? '';
    if (anyway) await anyway(popup);
    if (screenshot) {
      expect(await status.textContent()).toBe('Saved to your library. Its names are now underlined on every page.');
      expect(await popup.isEnabled('#save-article-button')).toBe(true);
      // The saved article's new person is now a name of this very page: the popup's list follows.
      await expect.poll(() => popup.$$eval('#page-names li.name', (items) => items.map((li) => li.textContent ?? '')), { timeout: 10_000 }).toContainEqual(expect.stringContaining('John Kerry'));
      await popup.screenshot({ path: artifactPath(screenshot) });
    }
    await popup.close();
    await page.close();
    return outcome;
  }

  async function optionsPage(): Promise<Page> {
    const page = await ext.openExtensionPage('options.html');
    await page.waitForSelector('#library-heading');
    return page;
  }
  const listed = (page: Page) => page.$$eval('#library .library-item', (items) => items.map((li) => li.getAttribute('data-article')));

  it('saves an article from the popup opened as a tab; its new person is underlined on a page already open', async () => {
    openOther = await ext.context.newPage();
    await openOther.goto(otherUrl);
    await openOther.waitForTimeout(500);
    expect(await underlined(openOther, 'John Kerry')).toBe(false);
    expect(await saveFromPopup(articleUrl, 'popup-saved-chromium.png')).toBe('saved');
    await expect.poll(() => underlined(openOther, 'John Kerry'), { timeout: 10_000 }).toBe(true);
  });

  it('shows the saved statement in the card, as "Your library", with the original link', async () => {
    const page = await ext.context.newPage();
    await page.goto(otherUrl);
    await expect.poll(() => underlined(page, 'John Kerry'), { timeout: 10_000 }).toBe(true);
    const point = await page.evaluate(textBox, 'John Kerry');
    if (!point) throw new Error('no John Kerry on the page');
    await page.mouse.move(point.x - 40, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 8000 }).toBe('ready');
    const statement = await inCard<{ text: string; links: string[] } | null>(
      page,
      `function () { const li = this.querySelector('li[data-origin="library"]'); return li ? { text: li.textContent, links: [...li.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')) } : null; }`,
    );
    expect(statement?.text).toMatch(/Your library/);
    expect(statement?.text).toMatch(/Reuters/);
    expect(statement?.links).toContain(articleUrl);
    // Scrolled to that statement whole, its "Original" link just above the card's foot, and photographed with the page line it explains.
    const shown = await inCard<{ card: { right: number; bottom: number }; linkInView: boolean }>(
      page,
      `function () {
        const card = this.querySelector('.iic-card'), foot = card.querySelector('.iic-card-foot');
        const li = card.querySelector('li[data-origin="library"]'), link = li.querySelector('a[href]');
        card.scrollTop += li.getBoundingClientRect().bottom - foot.getBoundingClientRect().top + 4;
        const c = card.getBoundingClientRect(), l = link.getBoundingClientRect(), f = foot.getBoundingClientRect();
        return { card: { right: c.right, bottom: c.bottom }, linkInView: l.top >= c.top && l.bottom <= f.top };
      }`,
    );
    expect(shown?.linkInView).toBe(true);
    const lineEnd = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('main p') as Element);
      return range.getBoundingClientRect().right;
    });
    const width = Math.ceil(Math.max(lineEnd, shown?.card.right ?? 0) + 24);
    await page.screenshot({ path: artifactPath('card-library-chromium.png'), clip: { x: 0, y: 0, width, height: Math.ceil((shown?.card.bottom ?? 0) + 24) } });
    await page.close();
  });

  it('refuses a page that is not an article, saving nothing', async () => {
    expect(await saveFromPopup(`${server.url}/library/links.html`)).toBe('not-an-article');
    const options = await optionsPage();
    await options.waitForSelector('#library .library-item');
    expect(await listed(options)).toHaveLength(1);
    await options.close();
  });

  it('opens the saved article from the options page in the reader, marked and linked to the original', async () => {
    const options = await optionsPage();
    await options.waitForSelector('#library .library-item');
    const opened = ext.context.waitForEvent('page');
    await options.click('#library .library-title');
    const reader = await opened;
    await reader.waitForSelector('#article-title');
    expect(await reader.textContent('#article-title')).toBe("Kerry and Iran's Zarif discuss ways to renew Syrian truce");
    expect(await reader.$('.byline [data-origin="library"]')).not.toBeNull();
    expect(await reader.getAttribute('#original-link', 'href')).toBe(articleUrl);
    await reader.close();
    await options.close();
  });

  it('survives a browser restart on the same profile', async () => {
    await ext.close();
    await launch();
    const page = await ext.context.newPage();
    await page.goto(otherUrl);
    await expect.poll(() => underlined(page, 'John Kerry'), { timeout: 10_000 }).toBe(true);
    openOther = page;
  });

  it('exports, clears (the names leave open pages) and imports back the same library; a corrupt file changes nothing', async () => {
    const options = await optionsPage();
    await options.waitForSelector('#library .library-item');
    const before = await listed(options);
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(options), scheme).toEqual([]);
    }
    const download = options.waitForEvent('download');
    await options.click('#library-export');
    exported = readFileSync((await (await download).path()) as string, 'utf8');
    const file = JSON.parse(exported) as { format: string; articles: { text: string; meta: { url?: string; outlet?: string; date?: string } }[] };
    expect(file.format).toBe('iran-iraq-context-library');
    expect(file.articles[0].meta).toMatchObject({ url: articleUrl, outlet: 'Reuters', date: '2016-06-15' });
    expect(file.articles[0].text).toMatch(/^FINSTADJORDET, Norway U\.S\. Secretary of State John Kerry said/);

    await options.click('#library-delete-all');
    await options.click('#library-confirm-yes');
    await options.waitForSelector('#library-empty');
    await expect.poll(() => underlined(openOther, 'John Kerry'), { timeout: 10_000 }).toBe(false);

    await options.setInputFiles('#library-import', { name: 'corrupt.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "iran-iraq-context-library", "version": 1, "articles": [{"text": 3}]}') });
    await expect.poll(() => options.textContent('#library-status')).toMatch(/Not imported — corrupt\.json, article 1/);
    expect(await options.$('#library .library-item')).toBeNull();

    await options.setInputFiles('#library-import', { name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await options.waitForSelector('#library .library-item');
    expect(await listed(options)).toEqual(before);
    await expect.poll(() => underlined(openOther, 'John Kerry'), { timeout: 10_000 }).toBe(true);
    const again = options.waitForEvent('download');
    await options.click('#library-export');
    const second = JSON.parse(readFileSync((await (await again).path()) as string, 'utf8')) as { articles: unknown[] };
    expect(second.articles).toEqual(file.articles);

    await options.setInputFiles('#library-import', { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from([0x41, 0xc3, 0x28, 0x0a]) });
    await expect.poll(() => options.textContent('#library-status')).toMatch(/Not imported — broken\.txt: not UTF-8 text/);
    expect(await listed(options)).toEqual(before);
    await options.close();
  });

  it('deleting the article takes its underline off open pages', async () => {
    const options = await optionsPage();
    await options.waitForSelector('#library .library-item');
    await options.click('#library .library-delete');
    await options.waitForSelector('#library-empty');
    await expect.poll(() => underlined(openOther, 'John Kerry'), { timeout: 10_000 }).toBe(false);
    await options.close();
  });

  it.skipIf(!haveMoreArticles)('lists each saved article with its outlet, the date it states (or none) and the day it was saved, in light and dark', async () => {
    for (let i = 0; i < MORE_ARTICLES.length; i++) expect(await saveFromPopup(`${server.url}/library/more-${i}.html`)).toBe('saved');
    expect(await saveFromPopup(articleUrl)).toBe('saved');
    const options = await optionsPage();
    await expect.poll(async () => (await listed(options)).length).toBe(MORE_ARTICLES.length + 1);
    const items = await options.$$eval('#library .library-item', (lis) =>
      lis.map((li) => ({
        title: li.querySelector('.library-title')?.textContent,
        meta: li.querySelector('.library-meta')?.textContent,
        date: li.querySelector('.library-meta time')?.getAttribute('datetime') ?? null,
      })),
    );
    for (const article of [...MORE_ARTICLES, KERRY_ZARIF]) {
      const item = items.find((entry) => entry.title === article.title);
      expect(item, article.title).toBeDefined();
      // The outlet, the article's own date (never the day it was saved, which comes after), then that day.
      expect(item?.meta, article.title).toMatch(new RegExp(`^${article.outlet} · ${article.date ? '[^·]+' : 'undated'} · saved \\S`));
      expect(item?.date ?? null, article.title).toBe(article.date ?? null);
    }
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.locator('#library').screenshot({ path: artifactPath(`library-options-${scheme}-chromium.png`) });
    }
    await options.close();
  });

  it('refuses a page with more than 2,000,000 characters of text, saying so', async () => {
    const options = await optionsPage();
    const before = await listed(options);
    expect(await saveFromPopup(`${server.url}/library/long.html`)).toBe('too-big');
    expect(await listed(options)).toEqual(before);
    await options.close();
  });

  it('does not save a page naming nobody from Iran–Iraq affairs silently; saved anyway, its names are not underlined on other pages', async () => {
    const options = await optionsPage();
    const before = await listed(options);
    let anywayText = '';
    const outcome = await saveFromPopup(`${server.url}/library/whales.html`, undefined, async (popup) => {
      expect(await popup.textContent('#save-article-status')).toBe('This page names nobody from Iran–Iraq affairs, so it was not saved.');
      expect(await listed(options)).toEqual(before);
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.screenshot({ path: artifactPath('popup-off-topic-chromium.png') });
      await popup.click('#save-anyway-button');
      await popup.waitForSelector('#save-article-status[data-outcome="saved"]', { timeout: 15_000 });
      anywayText = (await popup.textContent('#save-article-status')) ?? '';
      await popup.setViewportSize({ width: 400, height: 420 });
    });
    expect(outcome).toBe('off-topic');
    expect(anywayText).toBe('Saved to your library. Its names stay on its own card, not underlined on other pages.');
    await expect.poll(async () => (await listed(options)).length).toBe(before.length + 1);
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/library/whales-again.html`);
    await page.waitForTimeout(1500);
    expect(await underlined(page, 'Hori Parata')).toBe(false);
    await page.close();
    await options.close();
  });

  it('imports in a worker with a progress bar and a cancel: a card answers meanwhile, and a cancelled import leaves the library as it was', async () => {
    const pack = importPack(150, 150).batches[0].files;
    const options = await optionsPage();
    await options.setViewportSize({ width: 900, height: 900 });
    const before = await listed(options);
    const driver = await ext.openExtensionPage('popup.html');
    await options.setInputFiles('#library-import', pack.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })));
    // Past the first batch: something was written that the cancel must take out.
    await options.waitForFunction(() => Number((document.querySelector('#library-import-progress') as HTMLProgressElement | null)?.value ?? 0) > 0, null, { timeout: 60_000 });
    expect(await options.textContent('#library-import-running label')).toMatch(/^Importing: \d+ of 150 articles…$/);
    expect(await options.isDisabled('#library-import')).toBe(true);
    const card = await driver.evaluate(async () => {
      const started = performance.now();
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime;
      const view = (await runtime.sendMessage({ type: 'lookup-entity', id: 'mohammad-javad-zarif', limit: 4 })) as { name: string } | null;
      return { name: view?.name, ms: performance.now() - started };
    });
    expect(card.name).toBe('Mohammad Javad Zarif');
    // Answered while the import runs, not after it: the worker holds no message of the background.
    expect(await options.$('#library-import-running')).not.toBeNull();
    console.log(`  card during the import: ${card.ms.toFixed(0)} ms`);
    await options.locator('#library').screenshot({ path: artifactPath('library-import-chromium.png') });
    await options.click('#library-import-cancel');
    await expect.poll(() => options.textContent('#library-status'), { timeout: 60_000 }).toBe('Import cancelled. Your library is unchanged.');
    expect(await options.$('#library-import-running')).toBeNull();
    expect(await listed(options)).toEqual(before);
    await driver.close();
    await options.close();
  });

  it('sends nothing anywhere: saving, export and import stay on this machine', () => {
    expect(network.requests.length).toBeGreaterThan(0);
    expect(network.external()).toEqual([]);
    expect(ext.proxy?.hits ?? []).toEqual([]);
  });
});
