/**
 * The corpus as files in the package (issue 11), in Chromium with the real
 * build: a damaged or missing file fails only what needs it, with a message
 * and never a blank card or a hang; and a build of a 1,000-article synthetic
 * corpus, made here with the same command a maintainer runs, answers a card,
 * a search and the reader.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticFiles } from '../bench/search-scale';
import type { CorpusMeta } from '../lib/engine/store/layout';
import { cardState } from './support/card-probe';
import { type ChromiumExtension, launchChromium } from './support/chromium';
import { hasChromium, missingBrowserReason } from './support/env';
import { textBox } from './support/page-probes';
import { buildFromSeeds } from './support/seeds-build';
import { type StaticServer, serveStatic } from './support/server';

const ROOT = join(import.meta.dirname, '..');
const BUILD = join(ROOT, '.output', 'chrome-mv3');
if (!hasChromium) console.warn(missingBrowserReason('chromium'));

async function hover(page: Page, text: string) {
  const point = await page.evaluate(textBox, text);
  if (!point) throw new Error(`no text ${text}`);
  await page.mouse.move(point.x - 40, point.y - 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

async function newsPage(ext: ChromiumExtension, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, null, { timeout: 10_000 });
  return page;
}

describe.skipIf(!hasChromium)('the packaged corpus in Chromium', () => {
  let server: StaticServer;
  const work = mkdtempSync(join(tmpdir(), 'iic-corpus-files-'));
  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  describe('with a damaged corpus file and a missing search index', () => {
    let ext: ChromiumExtension;
    beforeAll(async () => {
      const dir = join(work, 'damaged');
      cpSync(BUILD, dir, { recursive: true });
      writeFileSync(join(dir, 'corpus', 'entities', 'mohammad-javad-zarif.json'), '{"view": {"id": "mohammad-jav');
      rmSync(join(dir, 'corpus', 'search.json'));
      ext = await launchChromium(dir);
    });
    afterAll(async () => {
      await ext?.close();
    });

    it('says so in that name’s card, and every other card still opens', async () => {
      const page = await newsPage(ext, `${server.url}/news.html`);
      await hover(page, 'Zarif');
      await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('error');
      expect((await cardState(page))?.text).toContain('could not be loaded');
      await page.keyboard.press('Escape');
      await hover(page, 'Rouhani');
      await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
      expect((await cardState(page))?.text).toContain('We hope to boost our cooperation');
      await page.close();
    });
    it('says search is not available, and the reader still opens articles', async () => {
      const popup = await ext.openExtensionPage('popup.html');
      await popup.fill('#search', 'Rouhani');
      await expect.poll(() => popup.textContent('body'), { timeout: 5000 }).toContain('Search is not available right now.');
      await popup.close();
      const reader = await ext.openExtensionPage('reader.html#article=002_4150bcee245c5d5c');
      await reader.waitForSelector('article[data-article="002_4150bcee245c5d5c"]');
      expect(await reader.textContent('article')).toContain('Rouhani');
      await reader.close();
    });
  });

  describe('with a damaged meta.json and an article file of the wrong shape', () => {
    let ext: ChromiumExtension;
    beforeAll(async () => {
      const dir = join(work, 'misshapen');
      cpSync(BUILD, dir, { recursive: true });
      const meta = join(dir, 'corpus', 'meta.json');
      writeFileSync(meta, `\u0000${readFileSync(meta, 'utf8')}`);
      const article = join(dir, 'corpus', 'articles', '0.json');
      writeFileSync(article, JSON.stringify({ ...(JSON.parse(readFileSync(article, 'utf8')) as object), statements: 5 }));
      ext = await launchChromium(dir);
    });
    afterAll(async () => {
      await ext?.close();
    });

    it('still imports into the library (it does not need meta.json), and search says it is not available instead of failing oddly', async () => {
      const options = await ext.openExtensionPage('options.html');
      await options.waitForSelector('#library-heading');
      const text = 'BAGHDAD — Iraqi Planning Minister Mohammed Tamim said on Tuesday that the federal budget would be sent to parliament within days.\n\n"The budget protects salaries," Tamim told reporters, as Zarif called his Iraqi counterpart.\n';
      await options.setInputFiles('#library-import', { name: 'tamim.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
      await expect.poll(() => options.textContent('#library-status'), { timeout: 30_000 }).toBe('Imported 1 article: 1 added, 0 updated, 0 duplicates merged.');
      await options.waitForSelector('#library .library-item');
      await options.close();
      const popup = await ext.openExtensionPage('popup.html');
      await popup.fill('#search', 'Rouhani');
      await expect.poll(() => popup.textContent('body'), { timeout: 5000 }).toContain('Search is not available right now.');
      await popup.close();
    });
  });

  describe('built from 1,000 synthetic articles', () => {
    let ext: ChromiumExtension;
    let meta: CorpusMeta;
    beforeAll(async () => {
      const dir = buildFromSeeds(syntheticFiles(1000), 'chrome', join(work, '1000'));
      meta = JSON.parse(readFileSync(join(dir, 'corpus', 'meta.json'), 'utf8')) as CorpusMeta;
      ext = await launchChromium(dir);
    }, 360_000);
    afterAll(async () => {
      await ext?.close();
    });

    it('packs every article and answers a card from a stopped service worker', async () => {
      expect(meta.articles.length).toBe(1000);
      expect(meta.statements).toBeGreaterThan(20_000);
      const page = await newsPage(ext, `${server.url}/news.html`);
      await ext.stopServiceWorker();
      await hover(page, 'Rouhani');
      await expect.poll(async () => (await cardState(page))?.status, { timeout: 10_000 }).toBe('ready');
      expect((await cardState(page))?.name).toContain('Hassan Rouhani');
      await page.close();
    });
    it('searches the 1,000 articles and opens a result in the reader', async () => {
      const popup = await ext.openExtensionPage('popup.html');
      await popup.fill('#search', 'US troops');
      const statement = await popup.waitForSelector('#search-results[data-query="US troops"]:not([aria-busy="true"]) [role=option][data-kind="statement"]', { timeout: 15_000 });
      expect((await statement.textContent())?.toLowerCase()).toContain('troops');
      const [reader] = await Promise.all([ext.context.waitForEvent('page', { timeout: 10_000 }), statement.click()]);
      await reader.waitForSelector('article[data-article]', { timeout: 10_000 });
      expect(await reader.$eval('[data-statement][aria-current="true"]', (el) => el.textContent?.toLowerCase())).toContain('troops');
      await popup.close();
      await reader.close();
    });
  });
});
