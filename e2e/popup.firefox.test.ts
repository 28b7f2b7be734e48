/**
 * The popup in Firefox ESR. BiDi cannot open the toolbar popup, so popup.html
 * is opened as a tab through the harness's privileged navigation; it then
 * describes the tab the reader was on before, as from the toolbar.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { artifactPath, hasFirefox, missingBrowserReason } from './support/env';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'firefox-mv2');
if (!hasFirefox) console.warn(missingBrowserReason('firefox'));

describe.skipIf(!hasFirefox)('popup in Firefox', () => {
  let ext: FirefoxExtension;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    ext = await launchFirefox(BUILD, { viewport: { width: 400, height: 600 } });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('lists the page’s names and related articles, searches with typos, and passes axe', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/news.html`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0);
    const popup = await ext.openExtensionPage('popup.html');
    await popup.waitForFunction(() => document.querySelector('#page-names')?.getAttribute('data-state') === 'ready', { timeout: 10_000 });
    const names = await popup.evaluate(() => [...document.querySelectorAll('#page-names li[data-entity]')].map((li) => li.getAttribute('data-entity')));
    expect(names[0]).toBe('mustafa-al-kadhimi');
    await popup.waitForFunction(() => document.querySelector('#related-articles li[data-article]') !== null, { timeout: 10_000 });
    expect(await popup.evaluate(() => document.querySelector('#related-articles li[data-article]')?.getAttribute('data-article'))).toBe('002_4150bcee245c5d5c');
    await popup.focus('#search');
    await popup.keyboard.type('kadhem');
    // Axe, too, looks at the settled answer to the whole query, not at a frame where the next query is in flight.
    await popup.waitForSelector('#search-results[data-query="kadhem"]:not([aria-busy="true"])', { timeout: 10_000 });
    expect(await popup.evaluate(() => document.querySelector('#search-results [data-group="names"] [role=option]')?.getAttribute('data-id'))).toBe('mustafa-al-kadhimi');
    await popup.screenshot({ path: artifactPath('popup-firefox.png') });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });
});
