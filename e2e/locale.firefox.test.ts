/**
 * The interface in Persian and Arabic, in Firefox ESR: Firefox started with
 * `intl.locale.requested` set to the language, whose interface comes from
 * Debian's language packs (`firefox-esr-l10n-fa`, `firefox-esr-l10n-ar`);
 * without them Firefox stays in English whatever the pref says, so the test
 * skips. The popup must turn right to left and speak the language, while
 * corpus text keeps its own direction. (The card sits in a closed shadow root
 * that WebDriver BiDi cannot read; its direction is checked in Chromium.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { artifactPath, FIREFOX_PATH, hasFirefox, missingBrowserReason } from './support/env';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { type StaticServer, serveStatic } from './support/server';

const BUILD = join(import.meta.dirname, '..', '.output', 'firefox-mv2');
/** Where Debian's firefox-esr-l10n-* packages put their language packs. */
const LANGPACKS = '/usr/lib/firefox-esr/browser/extensions';
const langpack = (locale: string) => join(LANGPACKS, `langpack-${locale}@firefox-esr.mozilla.org.xpi`);
const hasLangpacks = FIREFOX_PATH === '/usr/bin/firefox-esr' && existsSync(langpack('fa')) && existsSync(langpack('ar'));

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

if (!hasFirefox) console.warn(missingBrowserReason('firefox'));
else if (!hasLangpacks) console.warn(`skipping the Persian and Arabic interface tests in Firefox: no ${langpack('fa')} (apt-get install firefox-esr-l10n-fa firefox-esr-l10n-ar)`);

const catalogue = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'public', '_locales', locale, 'messages.json'), 'utf8'));

describe.skipIf(!hasFirefox || !hasLangpacks).each(['fa', 'ar'])('the interface in %s, in Firefox', (locale) => {
  const messages = catalogue(locale);
  const say = (key: string) => messages[key]?.message ?? '';
  let ext: FirefoxExtension;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run npm run build first`);
    server = await serveStatic(join(import.meta.dirname, 'fixtures'));
    ext = await launchFirefox(BUILD, { locale, viewport: { width: 400, height: 600 } });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('the popup is right to left in the language, and the corpus keeps its own direction', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/news.html`);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, { timeout: 10_000 });
    const popup = await ext.openExtensionPage('popup.html');
    await popup.waitForFunction(() => document.querySelector('#page-names')?.getAttribute('data-state') === 'ready', { timeout: 10_000 });
    const root = await popup.evaluate(() => {
      const shell = document.querySelector('.popup');
      return { dir: shell?.getAttribute('dir'), lang: shell?.getAttribute('lang'), computed: shell ? getComputedStyle(shell).direction : null };
    });
    expect(root).toEqual({ dir: 'rtl', lang: locale, computed: 'rtl' });
    expect(await popup.evaluate(() => document.body.textContent)).toContain(say('onThisPage'));
    expect(await popup.evaluate(() => document.querySelector('#search')?.getAttribute('placeholder'))).toBe(say('searchPlaceholder'));
    // The page's names in the language's script where entities.json spells them so, the Latin form beside it, each run in its own direction.
    await popup.waitForFunction(() => document.querySelector('#related')?.getAttribute('data-state') === 'ready', { timeout: 10_000 });
    const runs = await popup.evaluate(nameRuns);
    expect(runs.first).toEqual([
      { text: locale === 'fa' ? 'مصطفی کاظمی' : 'مصطفى الكاظمي', direction: 'rtl' },
      { text: 'Mustafa al-Kadhimi', direction: 'ltr' },
    ]);
    // No name breaks across lines ("Hassan / Rouhani"), and listed names read right to left in the line's order.
    expect(runs.split).toEqual([]);
    expect(runs.whyRights.length, JSON.stringify(runs)).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < runs.whyRights.length; i++) if (runs.whyTops[i] === runs.whyTops[i - 1]) expect(runs.whyRights[i], JSON.stringify(runs)).toBeLessThan(runs.whyRights[i - 1]);
    await popup.screenshot({ path: artifactPath(`popup-${locale}-names-firefox.png`) });
    if (locale === 'fa') expect(await popup.evaluate(() => document.querySelector('#page-names')?.textContent)).toMatch(/[۰-۹]/);
    // The timeline's dates are Persian or Arabic words and digits inside a left-to-right chart: each must still read in its own order.
    await popup.click('#page-names li[data-entity="mike-pompeo"] .name-expand');
    await popup.waitForSelector('.iic-timeline-chart text', { timeout: 10_000 });
    const label = await popup.evaluate(firstTimelineLabel);
    expect(label, JSON.stringify(label)).toMatchObject({ readsRightToLeft: true, inside: true });
    await popup.focus('#search');
    await popup.keyboard.type('Pompeo');
    await popup.waitForSelector('#search-results[data-query="Pompeo"]:not([aria-busy="true"]) [role=option][data-id="mike-pompeo"]', { timeout: 10_000 });
    await popup.screenshot({ path: artifactPath(`popup-${locale}-firefox.png`) });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });
});
