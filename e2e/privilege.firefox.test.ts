/**
 * Least privilege in Firefox ESR: as in Chromium (privilege.chromium.test.ts),
 * every request but the page side's, sent from our content script's sandbox,
 * is refused and the library stays as it was.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../lib/library/library';
import type { BackgroundRequest } from '../lib/messages';
import { sendFromContentScriptFirefox } from './support/content-world';
import { hasFirefox, missingBrowserReason } from './support/env';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { expectedOutcomes, LIBRARY_ARTICLE, outcomesByType, requestsToSend } from './support/privilege';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'firefox-mv2');
if (!hasFirefox) console.warn(missingBrowserReason('firefox'));

describe.skipIf(!hasFirefox)('least privilege in Firefox', () => {
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

  it('refuses the content script every request but the page side’s, and the library stays as it was', async () => {
    const options = await ext.openExtensionPage('options.html');
    const ask = (request: BackgroundRequest) => options.evaluate((r) => browser.runtime.sendMessage(r), request);
    expect(await ask({ type: 'library-import', files: [LIBRARY_ARTICLE] })).toMatchObject({ imported: true, added: 1 });
    const before = (await ask({ type: 'library-list' })) as LibraryEntry[];
    expect(before).toHaveLength(1);

    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/news.html`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, { timeout: 10_000 });
    const outcomes = await sendFromContentScriptFirefox(ext, page, requestsToSend(before[0].id));

    expect(outcomesByType(outcomes)).toEqual(expectedOutcomes(before[0].id));
    expect(outcomes.find((o) => o.type === 'lookup-entity')).toMatchObject({ answered: expect.stringContaining('Mike Pompeo') });

    expect(await ask({ type: 'library-list' })).toEqual(before);
    expect(await ask({ type: 'library-export' })).toMatchObject({ articles: [{ id: before[0].id }] });
    await page.close();
    await options.close();
  });

  it('runs its content script on web pages only (http and https), with no host permission', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[] }[]; permissions: string[]; host_permissions?: string[] };
    expect(manifest.content_scripts.map((c) => c.matches)).toEqual([['http://*/*', 'https://*/*']]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.permissions.filter((p) => p.includes(':') || p === '<all_urls>')).toEqual([]);
  });
});
