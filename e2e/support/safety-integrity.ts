/**
 * The "never break a page" procedure in Chromium: measure a page with the
 * site switched off, switch it on, measure again once the underlines have
 * settled, switch it off, and compare the document with the clone taken before.
 * It only collects; the test decides what must hold.
 */
import type { Page } from 'playwright-core';
import type { ChromiumExtension } from './chromium';
import { stableHighlights, type SiteSwitch } from './safety-chromium';
import { compareWithClones, type FrameHighlights, type PageSnapshot, readAllHighlights, snapshotPage } from './safety-probes';

export interface IntegrityOptions {
  /** Names are expected: wait for some underline; otherwise wait a fixed short time. */
  expectNames: boolean;
  places?: boolean;
  /** Wait after load before measuring (saved pages run timers that throw). */
  settleMs?: number;
  /** Runs right after switching on (e.g. the page's own re-rendering). */
  whileOn?(page: Page): Promise<void>;
  /** Runs once the underlines settled (e.g. a screenshot). */
  onStable?(page: Page): Promise<void>;
}

export interface IntegrityResult {
  page: Page;
  before: PageSnapshot;
  during: PageSnapshot;
  /** Registries before switching on: the page's own sheets and highlights, if any. */
  initial: FrameHighlights[];
  highlights: FrameHighlights[];
  afterOff: FrameHighlights[];
  clones: { equal: boolean; difference: string | null }[];
  /** Uncaught exceptions in the page before we switched on: the page's own (saved pages have broken scripts). */
  errorsBefore: string[];
  /** Uncaught exceptions in the page from the moment we switched on. */
  errors: string[];
}

/** What must be true of the registries once off: as they were before we came. */
const restored = (initial: FrameHighlights[], now: FrameHighlights[]) =>
  JSON.stringify(now.map((f) => [f.frame, f.highlights, f.adoptedSheets, f.styleElements])) ===
  JSON.stringify(initial.map((f) => [f.frame, f.highlights, f.adoptedSheets, f.styleElements]));

export async function runIntegrity(ext: ChromiumExtension, site: SiteSwitch, url: string, options: IntegrityOptions): Promise<IntegrityResult> {
  await site.set(false, { places: options.places });
  const page = await ext.context.newPage();
  const errorsBefore: string[] = [];
  const errors: string[] = [];
  let on = false;
  page.on('pageerror', (e) => (on ? errors : errorsBefore).push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  // Late layout (fonts, failed images) and the page's own timers settle before the "before" picture.
  await page.waitForTimeout(options.settleMs ?? 300);
  const initial = await page.evaluate(readAllHighlights);
  const before = await page.evaluate(snapshotPage, true);
  on = true;
  await site.set(true, { places: options.places });
  await options.whileOn?.(page);
  const highlights = await stableHighlights(page, options.expectNames);
  await options.onStable?.(page);
  const during = await page.evaluate(snapshotPage, false);
  await site.set(false, { places: options.places });
  let afterOff = await page.evaluate(readAllHighlights);
  for (const until = Date.now() + 5000; !restored(initial, afterOff) && Date.now() < until; ) {
    await page.waitForTimeout(100);
    afterOff = await page.evaluate(readAllHighlights);
  }
  const clones = await page.evaluate(compareWithClones);
  return { page, before, during, initial, highlights, afterOff, clones, errorsBefore, errors };
}

/** Sorted range texts per frame ('' = top document). */
export function namesByFrame(frames: FrameHighlights[]): Record<string, string[]> {
  return Object.fromEntries(frames.map((f) => [f.frame, Object.values(f.highlights).flat().sort()]));
}

/** The registries as they must be after switching off: exactly as before. */
export function registryState(frames: FrameHighlights[]): unknown[] {
  return frames.map((f) => ({ frame: f.frame, highlights: f.highlights, adoptedSheets: f.adoptedSheets, styleElements: f.styleElements }));
}
