/**
 * The next/previous-name keys in Firefox, pressed as the browser window
 * receives them: Firefox holds them as the extension's commands (so they are
 * listed under "Manage Extension Shortcuts"), and the background relays them
 * to the page. While the reader types, they must do nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFirefox, missingBrowserReason } from './support/env';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'firefox-mv2');
const HOST = 'iran-iraq-context-ui';
if (!hasFirefox) console.warn(missingBrowserReason('firefox'));

describe.skipIf(!hasFirefox)('keyboard commands in Firefox', () => {
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

  async function openNews(): Promise<Page> {
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/news.html`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, { timeout: 10_000 });
    await page.bringToFront();
    return page;
  }

  it('Firefox holds Alt+Shift+N and Alt+Shift+P (and Alt+Shift+L, save to the library) as the extension’s commands', async () => {
    // The keyset Firefox builds from the manifest's commands: what its shortcut settings list and let the reader change.
    const keys = await ext.evaluateChrome<string[]>(
      `[...document.querySelectorAll('keyset[id^="ext-keyset-id-iran-iraq-context"] key')].map((k) => k.getAttribute('modifiers') + '+' + k.getAttribute('key'))`,
    );
    expect(keys.sort()).toEqual(['alt,shift+L', 'alt,shift+N', 'alt,shift+P']);
  });

  it('the key moves focus to the next name’s card', async () => {
    const page = await openNews();
    await page.focus('body');
    await ext.pressBrowserKeys('Alt+Shift+N');
    await page.waitForFunction((tag) => document.activeElement?.localName === tag, { timeout: 8000 }, HOST);
    await page.close();
  });

  it('typing Alt+Shift+N in a textarea or an editor moves nothing: focus and text stay', async () => {
    const page = await openNews();
    for (const field of ['textarea', '[contenteditable]']) {
      await page.focus(field);
      await page.keyboard.press('End');
      await page.keyboard.type(' ab');
      await ext.pressBrowserKeys('Alt+Shift+N');
      await ext.pressBrowserKeys('Alt+Shift+P');
      await page.keyboard.type('c');
      await new Promise((r) => setTimeout(r, 600));
      expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), field), field).toBe(true);
      expect(await page.$eval(field, (el) => (el instanceof HTMLTextAreaElement ? el.value : el.textContent)), field).toMatch(/ abc$/);
      expect(await page.evaluate((tag) => document.querySelector(tag) !== null, HOST), field).toBe(false);
    }
    await page.close();
  });
});
