/**
 * A build of a 1,000-article synthetic corpus in Firefox ESR (issue 11), made
 * here with the command a maintainer runs: the background reads the packaged
 * corpus files as requests need them, for a card, a search and the reader.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticFiles } from '../bench/search-scale';
import type { CorpusMeta } from '../lib/engine/store/layout';
import { hasFirefox, missingBrowserReason } from './support/env';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { textBox } from './support/page-probes';
import { buildFromSeeds } from './support/seeds-build';
import { type StaticServer, serveStatic } from './support/server';

const HOST = 'iran-iraq-context-ui';
if (!hasFirefox) console.warn(missingBrowserReason('firefox'));

describe.skipIf(!hasFirefox)('a 1,000-article corpus in Firefox', () => {
  let ext: FirefoxExtension;
  let server: StaticServer;
  let meta: CorpusMeta;
  const work = mkdtempSync(join(tmpdir(), 'iic-corpus-firefox-'));

  beforeAll(async () => {
    const dir = buildFromSeeds(syntheticFiles(1000), 'firefox', work);
    meta = JSON.parse(readFileSync(join(dir, 'corpus', 'meta.json'), 'utf8')) as CorpusMeta;
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    ext = await launchFirefox(dir, { viewport: { width: 900, height: 700 } });
  }, 360_000);
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('packs every article and opens a card on hover', async () => {
    expect(meta.articles.length).toBe(1000);
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/news.html`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, { timeout: 10_000 });
    const box = await page.evaluate(textBox, 'Rouhani');
    if (!box) throw new Error('no Rouhani on the page');
    await page.mouse.move(box.x - 30, box.y - 30);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    // The card opens below, above or beside the name, wherever it has room.
    const around = [
      [box.left + 30, box.bottom + 40],
      [box.left + 30, box.top - 40],
      [box.right + 40, box.y],
      [box.left - 40, box.y],
    ];
    await page.waitForFunction(
      (points: number[][], tag: string) => points.some(([x, y]) => document.elementFromPoint(x, y)?.tagName.toLowerCase() === tag),
      { timeout: 8000 },
      around,
      HOST,
    );
    await page.close();
  });
  it('searches the 1,000 articles from the popup and opens a statement in the reader', async () => {
    const popup = await ext.openExtensionPage('popup.html');
    await popup.focus('#search');
    await popup.keyboard.type('US troops');
    await popup.waitForSelector('#search-results[data-query="US troops"]:not([aria-busy="true"]) [role=option][data-kind="statement"]', { timeout: 15_000 });
    const text = await popup.evaluate(() => document.querySelector('#search-results [role=option][data-kind="statement"]')?.textContent ?? '');
    expect(text.toLowerCase()).toContain('troops');
    await popup.click('#search-results [role=option][data-kind="statement"]');
    const reader = await ext.findExtensionPage('reader.html', 10_000);
    await reader.waitForFunction(() => document.querySelector('[aria-current="true"][data-statement]') !== null, { timeout: 10_000 });
    expect((await reader.evaluate(() => document.querySelector('[aria-current="true"][data-statement]')?.textContent ?? '')).toLowerCase()).toContain('troops');
    await reader.close();
    await popup.close();
  });
});
