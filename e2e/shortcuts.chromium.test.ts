/**
 * The next/previous-name keyboard commands in Chromium: declared in the
 * manifest so the browser lists them, relayed by the background to the page,
 * never acting while the reader types, and shown in the card and the options.
 *
 * A key pressed through the driver never reaches Chromium's extension
 * commands (the DevTools protocol types into the page only), so the command
 * is fired where the browser fires it: on `chrome.commands.onCommand` in the
 * service worker, with the active tab, as Chromium does for a key press.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardState } from './support/card-probe';
import { type ChromiumExtension, launchChromium } from './support/chromium';
import { hasChromium, missingBrowserReason } from './support/env';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'chrome-mv3');
const HOST = 'iran-iraq-context-ui';

if (!hasChromium) console.warn(missingBrowserReason('chromium'));

interface BrowserCommand {
  name?: string;
  description?: string;
  shortcut?: string;
}

describe.skipIf(!hasChromium)('keyboard commands in Chromium', () => {
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

  const browserCommands = async (): Promise<BrowserCommand[]> =>
    (await ext.serviceWorker()).evaluate(() => (globalThis as unknown as { chrome: { commands: { getAll(): Promise<BrowserCommand[]> } } }).chrome.commands.getAll());

  /** What Chromium does on a command's key: onCommand in the worker, with the focused window's active tab. */
  async function fireCommand(page: Page, command: 'next-name' | 'previous-name') {
    await page.bringToFront();
    const worker = await ext.serviceWorker();
    await worker.evaluate(async (name) => {
      type Tab = { id?: number };
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> }; commands: { onCommand: { dispatch(name: string, tab?: Tab): void } } } }).chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      api.commands.onCommand.dispatch(name, tab);
    }, command);
  }

  const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.localName ?? null);

  it('lists both commands with their descriptions, for chrome://extensions/shortcuts', async () => {
    const commands = await browserCommands();
    const byName = Object.fromEntries(commands.map((c) => [c.name, c.description]));
    expect(byName['next-name']).toBe('Go to the next name on the page and open its card');
    expect(byName['previous-name']).toBe('Go to the previous name on the page and open its card');
  });

  it('a command reaches the page: the next name’s card opens with focus in it, and previous goes back', async () => {
    const page = await openNews();
    await page.focus('body');
    await fireCommand(page, 'next-name');
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
    expect((await cardState(page))?.name).toContain('Mustafa al-Kadhimi');
    expect(await focusedTag(page)).toBe(HOST);
    // The headline's "Kadhimi", then the lead's "Mustafa al-Kadhimi", then Rouhani.
    await fireCommand(page, 'next-name');
    await fireCommand(page, 'next-name');
    await expect.poll(async () => (await cardState(page))?.name, { timeout: 5000 }).toContain('Hassan Rouhani');
    await fireCommand(page, 'previous-name');
    await expect.poll(async () => (await cardState(page))?.name, { timeout: 5000 }).toContain('Mustafa al-Kadhimi');
    await page.close();
  });

  it('shows the keys in the card’s footer', async () => {
    const page = await openNews();
    await page.focus('body');
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
    const text = (await cardState(page))?.text ?? '';
    // One line: "Alt+Shift+N next name, Alt+Shift+P previous".
    expect(text).toContain('Alt+Shift+N next name, Alt+Shift+P previous');
    await page.close();
  });

  it('typing Alt+Shift+N in a textarea or an editor moves nothing: focus and text stay', async () => {
    const page = await openNews();
    for (const field of ['textarea', '[contenteditable]']) {
      await page.focus(field);
      await page.keyboard.press('End');
      await page.keyboard.type(' ab');
      await page.keyboard.press('Alt+Shift+N');
      await page.keyboard.press('Alt+Shift+P');
      // The command the browser would fire on the reader's key is refused too.
      await fireCommand(page, 'next-name');
      await page.keyboard.type('c');
      await new Promise((r) => setTimeout(r, 400));
      expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), field), field).toBe(true);
      expect(await page.$eval(field, (el) => (el instanceof HTMLTextAreaElement ? el.value : el.textContent)), field).toMatch(/ abc$/);
      expect(await cardState(page), field).toBeNull();
    }
    await page.close();
  });

  it('shows the keys on the options page, as the browser holds them', async () => {
    const assigned = Object.fromEntries((await browserCommands()).map((c) => [c.name, c.shortcut ?? '']));
    const options = await ext.openExtensionPage('options.html');
    const next = await options.waitForSelector('#shortcuts li[data-direction="next"]');
    const previous = await options.waitForSelector('#shortcuts li[data-direction="previous"]');
    // Chromium keeps Alt+Shift+N and P for itself and gives them to no extension: then the page answers them, and says so.
    expect(await next.textContent()).toContain(`${assigned['next-name'] || 'Alt+Shift+N'} next name`);
    expect(await previous.textContent()).toContain(`${assigned['previous-name'] || 'Alt+Shift+P'} previous name`);
    if (!assigned['next-name']) expect(await next.textContent()).toContain('not set in the browser');
    await options.close();
  });
});
