/**
 * The reader page of the built extension in Chromium: its underlined names
 * open the same card as names on pages, on hover and from the keyboard, and
 * places stay plain while the Places option is off.
 * (Firefox: BiDi cannot navigate to moz-extension:// pages, so there the reader
 * is reached from a card's link in e2e/extension.firefox.test.ts.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardState } from './support/card-probe';
import { type ChromiumExtension, launchChromium } from './support/chromium';
import { hasChromium, missingBrowserReason } from './support/env';
import { patchSettings } from './support/page-probes';

const BUILD = join(import.meta.dirname, '..', '.output', 'chrome-mv3');
const HOST = 'iran-iraq-context-ui';
const ARTICLE = '002_4150bcee245c5d5c';

if (!hasChromium) console.warn(missingBrowserReason('chromium'));

describe.skipIf(!hasChromium)('reader page in Chromium', () => {
  let ext: ChromiumExtension;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    ext = await launchChromium(BUILD);
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function openReader(): Promise<Page> {
    const reader = await ext.openExtensionPage(`reader.html#article=${ARTICLE}`);
    await reader.waitForSelector('main#article[data-status="ready"] .mention');
    return reader;
  }
  const cardStatus = async (page: Page) => (await cardState(page))?.status ?? null;

  it('opens the name’s card on hover, and it closes when the pointer leaves', async () => {
    const reader = await openReader();
    const name = reader.locator('.mention[data-entity="hassan-rouhani"]').first();
    await name.scrollIntoViewIfNeeded();
    const box = await name.boundingBox();
    if (!box) throw new Error('no Rouhani on screen');
    await reader.mouse.move(box.x - 30, box.y - 30);
    await reader.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await expect.poll(() => cardStatus(reader), { timeout: 5000 }).toBe('ready');
    const state = await cardState(reader);
    expect(state?.name).toContain('Hassan Rouhani');
    expect(state?.text).toContain('President');
    await reader.mouse.move(5, 5, { steps: 4 });
    await expect.poll(() => cardStatus(reader), { timeout: 5000 }).toBeNull();
    await reader.close();
  });

  it('opens it on keyboard focus; Enter moves focus into it and Escape gives it back', async () => {
    const reader = await openReader();
    // Tab from the top of the page to the first name, as a keyboard reader would.
    let focused: string | null = null;
    for (let i = 0; i < 40 && !focused; i++) {
      await reader.keyboard.press('Tab');
      focused = await reader.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.mention')?.dataset.entity ?? null);
    }
    expect(focused).toBeTruthy();
    await expect.poll(() => cardStatus(reader), { timeout: 5000 }).toBe('ready');
    await reader.keyboard.press('Enter');
    await expect.poll(() => reader.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe(HOST);
    await reader.keyboard.press('Escape');
    await expect.poll(() => cardStatus(reader), { timeout: 5000 }).toBeNull();
    expect(await reader.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entity ?? null)).toBe(focused);
    await reader.close();
  });

  it('underlines places only while the Places option is on', async () => {
    const reader = await openReader();
    const places = () => reader.locator('.mention[data-type="place"]').count();
    expect(await places()).toBe(0);
    await reader.evaluate(patchSettings, { types: { person: true, organization: true, place: true } });
    await expect.poll(places).toBeGreaterThan(0);
    await reader.evaluate(patchSettings, { types: { person: true, organization: true, place: false } });
    await expect.poll(places).toBe(0);
    await reader.close();
  });
});
