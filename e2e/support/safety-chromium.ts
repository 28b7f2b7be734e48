/**
 * Node-side helpers for the Chromium safety tests: switching the site through
 * storage (as the popup does), waiting until underlines settle, and reading
 * the closed card through the DevTools protocol (the page itself cannot).
 */
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { ChromiumExtension } from './chromium';
import { textBox } from './page-probes';
import { type FrameHighlights, readAllHighlights, settleHighlights, storeSettings } from './safety-probes';

export const HOST_TAG = 'iran-iraq-context-ui';

export interface SiteSwitch {
  /** Stores settings with 127.0.0.1 on or off (and places on or off), as the popup would. */
  set(on: boolean, options?: { places?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** Settings are written from an extension page: web pages have no access to extension storage. */
export async function siteSwitch(ext: ChromiumExtension, host = '127.0.0.1'): Promise<SiteSwitch> {
  const page = await ext.openExtensionPage('options.html');
  return {
    async set(on, options = {}) {
      const settings = {
        ...DEFAULT_SETTINGS,
        disabledSites: on ? [] : [host],
        types: { ...DEFAULT_SETTINGS.types, place: options.places ?? false },
      };
      await page.evaluate(storeSettings, settings);
    },
    close: () => page.close(),
  };
}

/** Chromium's reading of `settleHighlights` (see there). */
export function stableHighlights(page: Page, expectSome: boolean): Promise<FrameHighlights[]> {
  return settleHighlights(() => page.evaluate(readAllHighlights), expectSome);
}

/** What the closed card holds, read through CDP; null when there is no card. */
export interface CardContents {
  status: string | null;
  text: string;
  /** Lower-case tag names of every element in the shadow root. */
  tags: string[];
  /** `name=value` of attributes that could run script: handlers, srcdoc, script URLs. */
  risky: string[];
  mode: string;
}

/** Hosts with a closed shadow root are ours; a page may make look-alike elements without one. */
export async function readClosedCard(page: Page): Promise<CardContents | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type N = { nodeName: string; nodeId: number; children?: N[]; shadowRoots?: (N & { shadowRootType?: string })[] };
    const find = (n: N): N | null => {
      if (n.nodeName === HOST_TAG.toUpperCase() && n.shadowRoots?.some((s) => s.shadowRootType === 'closed')) return n;
      for (const c of n.children ?? []) {
        const hit = find(c);
        if (hit) return hit;
      }
      return null;
    };
    const shadow = find(root as N)?.shadowRoots?.find((s) => s.shadowRootType === 'closed');
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
    if (!object.objectId) return null;
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const all = [...this.querySelectorAll('*')];
        const risky = all.flatMap((el) => [...el.attributes]
          .filter((a) => /^on/i.test(a.name) || a.name === 'srcdoc' || /^\\s*(javascript|data|vbscript):/i.test(a.value))
          .map((a) => a.name + '=' + a.value));
        const dialog = this.querySelector('[role="dialog"]');
        return { status: dialog ? dialog.dataset.status : null, text: this.textContent, tags: all.map((el) => el.localName), risky, mode: this.mode };
      }`,
    });
    return result.value as CardContents;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Moves the real (trusted) pointer onto the first occurrence of `text`. */
export async function hoverText(page: Page, text: string): Promise<void> {
  const point = await page.evaluate(textBox, text);
  if (!point) throw new Error(`no text "${text}" on the page`);
  await page.mouse.move(point.x - 40, point.y - 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}
