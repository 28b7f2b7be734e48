/**
 * "Never break a page, never trust a page" in Firefox ESR (over BiDi), a
 * smaller pass than Chromium's: text and layout unchanged while underlined,
 * the document restored node for node when switched off, at most one style
 * element of ours (the fallback when adopted sheets are refused), and the
 * closed card out of the page's reach.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { artifactPath, hasFirefox, missingBrowserReason } from './support/env';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { EXPECTED } from './support/safety-expected';
import { compareWithClones, type FrameHighlights, readAllHighlights, rectChanges, settleHighlights, snapshotPage, storeSettings } from './support/safety-probes';
import { textBox } from './support/page-probes';
import { type StaticServer, serveStatic } from './support/server';

// SAFETY_FIREFOX_BUILD_DIR: run against another build (e.g. one with a proposed fix) without touching .output.
const BUILD = process.env.SAFETY_FIREFOX_BUILD_DIR ?? join(import.meta.dirname, '..', '.output', 'firefox-mv2');
const FIXTURES = join(import.meta.dirname, 'fixtures', 'safety');
const HOST_TAG = 'iran-iraq-context-ui';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (!hasFirefox) console.warn(missingBrowserReason('firefox'));

describe.skipIf(!hasFirefox)('safety in Firefox', () => {
  let ext: FirefoxExtension;
  let server: StaticServer;
  let options: Page;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(FIXTURES);
    ext = await launchFirefox(BUILD);
    options = await ext.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Switches 127.0.0.1 on or off through storage, as the popup does. */
  const site = (on: boolean) => options.evaluate(storeSettings, { ...DEFAULT_SETTINGS, disabledSites: on ? [] : ['127.0.0.1'] });
  const ours = (frames: FrameHighlights[]) => frames.map((f) => ({ frame: f.frame, styleElements: f.styleElements, adoptedSheets: f.adoptedSheets }));

  for (const file of ['rtl.html', 'iframes.html', 'react-like.html', 'editor.html']) {
    it(`${file}: same text and layout underlined; switched off, every node as before`, async () => {
      await site(false);
      const page = await ext.browser.newPage();
      await page.goto(`${server.url}/${file}`);
      await sleep(300);
      const initial = await page.evaluate(readAllHighlights);
      const before = await page.evaluate(snapshotPage, true);
      await site(true);
      if (file === 'react-like.html') {
        // The page re-renders itself (fresh, equal DOM) while underlined.
        await page.evaluate(() => (window as unknown as { app: { render(): void } }).app.render());
      }
      const on = await settleHighlights(() => page.evaluate(readAllHighlights), true);
      if (file === 'rtl.html') await page.screenshot({ path: artifactPath('rtl-firefox.png') });
      const during = await page.evaluate(snapshotPage, false);
      expect(during.text).toEqual(before.text);
      expect(rectChanges(before.rects, during.rects)).toEqual([]);
      expect(Object.fromEntries(on.map((f) => [f.frame, Object.values(f.highlights).flat().sort()]))).toEqual(EXPECTED[file]);
      expect(on.flatMap((f) => f.forbidden)).toEqual([]);
      // Adopted sheets when Firefox takes them from a content script, else one <style> per document.
      for (const f of on) expect(f.styleElements, `style elements in frame "${f.frame}"`).toBeLessThanOrEqual(1);
      await site(false);
      const off = await settleHighlights(() => page.evaluate(readAllHighlights), false);
      expect(ours(off)).toEqual(ours(initial));
      expect(off.every((f) => Object.keys(f.highlights).length === 0)).toBe(true);
      const clones = await page.evaluate(compareWithClones);
      expect(clones).toEqual(clones.map(() => ({ equal: true, difference: null })));
      await page.close();
    });
  }

  for (const variant of ['', '?late']) {
    it(`the closed card stays unreadable, even to a page that claims our host tag${variant ? ' once the host exists' : ''}`, async () => {
      await site(true);
      const page = await ext.browser.newPage();
      await page.goto(`${server.url}/spy.html${variant}`);
      await settleHighlights(() => page.evaluate(readAllHighlights), true);
      const p = await page.evaluate(textBox, 'Mike Pompeo');
      if (!p) throw new Error('no name on the spy page');
      await page.mouse.move(p.x - 30, p.y - 30);
      await page.mouse.move(p.x, p.y, { steps: 4 });
      await sleep(2000);
      const seen = await page.evaluate((tag) => {
        const w = window as unknown as { stolenCardText(): string[]; __internals: unknown[] };
        return { shadowRoot: document.querySelector(tag)?.shadowRoot ?? null, stolen: w.stolenCardText(), attempts: w.__internals.length };
      }, HOST_TAG);
      // attempts: the page's constructor did run on our host, so the attack was really tried.
      expect({ ...seen, attempts: seen.attempts > 0 }).toEqual({ shadowRoot: null, stolen: [], attempts: true });
      await page.close();
    });
  }

  it('synthetic pointer moves and shortcut keys from the page open no card', async () => {
    await site(true);
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/attacks.html`);
    await settleHighlights(() => page.evaluate(readAllHighlights), true);
    for (const kind of ['pointer', 'keys']) {
      await page.evaluate((k) => (window as unknown as { attack(kind: string): unknown }).attack(k), kind);
      await sleep(1500);
      expect(await page.evaluate((tag) => document.querySelectorAll(tag).length, HOST_TAG), kind).toBe(0);
    }
    await page.close();
  });

  it('sends nothing anywhere', () => {
    expect(ext.proxy?.hits ?? []).toEqual([]);
  });
});
