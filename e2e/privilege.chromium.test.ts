/**
 * Least privilege in Chromium: our content script runs in every page, so code
 * that got into its world must reach nothing beyond the page-side requests.
 * Every other request, sent from the content script's isolated world with
 * real arguments, is refused, and the library it aimed at is untouched; the
 * page-side ones are still answered, and the options page still gets all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../lib/library/library';
import type { BackgroundRequest } from '../lib/messages';
import { type ChromiumExtension, launchChromium } from './support/chromium';
import { sendFromContentScriptChromium } from './support/content-world';
import { hasChromium, missingBrowserReason } from './support/env';
import { expectedOutcomes, LIBRARY_ARTICLE, outcomesByType, requestsToSend } from './support/privilege';
import { type StaticServer, serveStatic } from './support/server';

/** The options page's own `chrome`, which the page-side types do not describe. */
type ExtensionGlobals = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };

const BUILD = join(import.meta.dirname, '..', '.output', 'chrome-mv3');
if (!hasChromium) console.warn(missingBrowserReason('chromium'));

describe.skipIf(!hasChromium)('least privilege in Chromium', () => {
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

  it('refuses the content script every request but the page side’s, and the library stays as it was', async () => {
    const options = await ext.openExtensionPage('options.html');
    const ask = (request: BackgroundRequest) => options.evaluate((r) => (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage(r), request);
    expect(await ask({ type: 'library-import', files: [LIBRARY_ARTICLE] })).toMatchObject({ imported: true, added: 1 });
    const before = (await ask({ type: 'library-list' })) as LibraryEntry[];
    expect(before).toHaveLength(1);

    const page = await ext.context.newPage();
    await page.goto(`${server.url}/news.html`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, null, { timeout: 10_000 });
    const outcomes = await sendFromContentScriptChromium(page, ext.extensionId, requestsToSend(before[0].id));

    expect(outcomesByType(outcomes)).toEqual(expectedOutcomes(before[0].id));
    expect(outcomes.find((o) => o.type === 'lookup-entity')).toMatchObject({ answered: expect.stringContaining('Mike Pompeo') });

    // Nothing the refused requests aimed at happened: the same one article, and the options page is still answered everything.
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
