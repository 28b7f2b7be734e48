/**
 * Reading our card in Chromium. It lives in a closed shadow root: only the
 * DevTools protocol (like a screen reader's tree) can see into it.
 */
import type { CDPSession, Page } from 'playwright-core';

const HOST = 'iran-iraq-context-ui';

async function cardRoot(page: Page): Promise<{ cdp: CDPSession; objectId: string } | null> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  type N = { nodeName: string; nodeId: number; children?: N[]; shadowRoots?: N[] };
  const find = (n: N): N | null => {
    if (n.nodeName === HOST.toUpperCase()) return n;
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
      const hit = find(c);
      if (hit) return hit;
    }
    return null;
  };
  const host = find(root as N);
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
  return object.objectId ? { cdp, objectId: object.objectId } : null;
}

/** Runs `fn` (a function declaration's source) with `this` bound to the card's shadow root. */
export async function inCard<T>(page: Page, fn: string): Promise<T | null> {
  const c = await cardRoot(page);
  if (!c) return null;
  const { result } = await c.cdp.send('Runtime.callFunctionOn', { objectId: c.objectId, functionDeclaration: fn, returnByValue: true, awaitPromise: true });
  return result.value as T;
}

export interface CardState {
  status: string;
  name: string;
  text: string;
  mode: string;
  dir: string;
  lang: string;
}

/** The open card's state, accessible name, text, and the language and direction it is shown in; null when none is open. */
export const cardState = (page: Page) =>
  inCard<CardState | null>(
    page,
    `function () { const d = this.querySelector('[role="dialog"]'); return d ? { status: d.dataset.status, name: d.getAttribute('aria-label'), text: d.textContent, mode: this.mode, dir: d.getAttribute('dir') ?? '', lang: d.getAttribute('lang') ?? '' } : null; }`,
  );
