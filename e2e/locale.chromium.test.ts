/**
 * The interface in Persian and Arabic, in a real browser: Chromium started in
 * that language (Debian's `chromium-l10n` package supplies its locales; without
 * it Chromium falls back to English whatever `--lang` says, so the test skips).
 * The popup and the card must turn right to left and speak the language, while
 * corpus text keeps its own direction.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { cardState } from './support/card-probe';
import { type ChromiumExtension, launchChromium } from './support/chromium';
import { artifactPath, hasChromium, missingBrowserReason } from './support/env';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'chrome-mv3');
const LOCALES_DIR = '/usr/lib/chromium/locales';
const hasLocales = existsSync(join(LOCALES_DIR, 'fa.pak')) && existsSync(join(LOCALES_DIR, 'ar.pak'));

/**
 * The timeline's first date label as drawn: whether its first character (the
 * day) sits right of its last (the year's last digit), as a date reads in a
 * right-to-left language, and whether it lies inside the chart.
 */
function firstTimelineLabel() {
  const label = document.querySelector<SVGTextElement>('.iic-timeline-chart text');
  const chart = document.querySelector('.iic-timeline-chart');
  if (!label || !chart) return null;
  const n = label.getNumberOfChars();
  const box = label.getBoundingClientRect();
  const frame = chart.getBoundingClientRect();
  return {
    text: label.textContent,
    readsRightToLeft: label.getStartPositionOfChar(0).x > label.getStartPositionOfChar(n - 1).x,
    inside: box.left >= frame.left - 1 && box.right <= frame.right + 1,
  };
}

/**
 * The names of the popup's lists as drawn: each form of each name (an isolated
 * run) on one line, and on a right-to-left line the runs in reading order from
 * right to left.
 */
function nameRuns() {
  const runs = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];
  const page = runs('#page-names .name-reveal .iic-name-part');
  const why = runs('#related-articles li:first-child .related-why bdi.iic-name-part[dir="rtl"]');
  const first = document.querySelector('#page-names li[data-entity] .name-reveal');
  const parts = first ? [...first.querySelectorAll<HTMLElement>('.iic-name-part')] : [];
  return {
    first: parts.map((p) => ({ text: p.textContent, direction: getComputedStyle(p).direction })),
    split: [...page, ...runs('#related-articles .iic-name-part')].filter((p) => p.getClientRects().length > 1).map((p) => p.textContent),
    // Right edges of the listed names on the related article's line, in the order they are listed.
    whyRights: why.map((p) => Math.round(p.getBoundingClientRect().right)),
    whyTops: why.map((p) => Math.round(p.getBoundingClientRect().top)),
  };
}

if (!hasChromium) console.warn(missingBrowserReason('chromium'));
else if (!hasLocales) console.warn(`skipping the Persian and Arabic interface tests: no ${LOCALES_DIR}/fa.pak (apt-get install chromium-l10n)`);

const catalogue = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'public', '_locales', locale, 'messages.json'), 'utf8'));

describe.skipIf(!hasChromium || !hasLocales).each(['fa', 'ar'])('the interface in %s, in Chromium', (locale) => {
  const messages = catalogue(locale);
  const say = (key: string) => messages[key]?.message ?? '';
  let ext: ChromiumExtension;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    ext = await launchChromium(BUILD, { locale, viewport: { width: 400, height: 600 } });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('the popup is right to left in the language, and the corpus keeps its own direction', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/news.html`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0);
    const popup = await ext.openExtensionPage('popup.html');
    await popup.waitForSelector('#page-names[data-state="ready"]');
    expect(await popup.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }))).toEqual({ dir: 'rtl', lang: locale });
    expect(await popup.textContent('body')).toContain(say('onThisPage'));
    expect(await popup.getAttribute('#search', 'placeholder')).toBe(say('searchPlaceholder'));
    // The page's names in the language's script where entities.json spells them so, the Latin form beside it, each run in its own direction.
    await popup.waitForSelector('#related[data-state="ready"]');
    const runs = await popup.evaluate(nameRuns);
    expect(runs.first).toEqual([
      { text: locale === 'fa' ? 'مصطفی کاظمی' : 'مصطفى الكاظمي', direction: 'rtl' },
      { text: 'Mustafa al-Kadhimi', direction: 'ltr' },
    ]);
    // No name breaks across lines ("Hassan / Rouhani"), and listed names read right to left in the line's order.
    expect(runs.split).toEqual([]);
    expect(runs.whyRights.length, JSON.stringify(runs)).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < runs.whyRights.length; i++) if (runs.whyTops[i] === runs.whyTops[i - 1]) expect(runs.whyRights[i], JSON.stringify(runs)).toBeLessThan(runs.whyRights[i - 1]);
    if (locale === 'fa') expect(await popup.textContent('#page-names')).toMatch(/[۰-۹]/);
    await popup.screenshot({ path: artifactPath(`popup-${locale}-names-chromium.png`) });
    // The timeline's dates are Persian or Arabic words and digits inside a left-to-right chart: each must still read in its own order.
    await popup.click('#page-names li[data-entity="mike-pompeo"] .name-expand');
    await popup.waitForSelector('.iic-timeline-chart text');
    const label = await popup.evaluate(firstTimelineLabel);
    expect(label, JSON.stringify(label)).toMatchObject({ readsRightToLeft: true, inside: true });
    await popup.focus('#search');
    await popup.keyboard.type('Pompeo');
    await popup.waitForSelector('#search-results[data-query="Pompeo"]:not([aria-busy="true"]) [role=option][data-id="mike-pompeo"]');
    await popup.screenshot({ path: artifactPath(`popup-${locale}-chromium.png`) });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the card is right to left in the language', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/news.html`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0);
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(async () => (await cardState(page))?.status, { timeout: 5000 }).toBe('ready');
    const card = await cardState(page);
    expect({ dir: card?.dir, lang: card?.lang }).toEqual({ dir: 'rtl', lang: locale });
    expect(card?.text).toContain(say('typePerson'));
    expect(card?.text).toContain('Iraqi Prime Minister');
    // The name as entities.json spells it in the interface's script, the Latin form beside it.
    expect(card?.name).toContain(locale === 'fa' ? 'مصطفی کاظمی (Mustafa al-Kadhimi)' : 'مصطفى الكاظمي (Mustafa al-Kadhimi)');
    await page.screenshot({ path: artifactPath(`card-${locale}-chromium.png`) });
    await page.close();
  });
});
