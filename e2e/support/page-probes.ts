/**
 * Functions evaluated inside test pages: what a reader would check, read back
 * from the browser (highlight registry, DOM equality), never from our internals.
 */

/**
 * The text of every range in every registered highlight, by entity type as the
 * page can tell it: our highlights have names drawn per page, so the type is
 * read from the colour of each name's `::highlight()` rule in the page's
 * stylesheets (what a reader sees: people blue, organisations purple, places
 * green). A highlight no rule of ours colours keeps its own name.
 */
export function readHighlights(): Record<string, string[]> {
  const COLOURS: Record<string, RegExp> = { person: /\b37\D+99\D+235\b/, organization: /\b192\D+38\D+211\b/, place: /\b5\D+150\D+105\b/ };
  const typeOf = new Map<string, string>();
  const sheets = [...document.adoptedStyleSheets, ...[...document.querySelectorAll('style')].flatMap((s) => (s.sheet ? [s.sheet] : []))];
  for (const sheet of sheets) {
    for (const rule of sheet.cssRules) {
      const name = /::highlight\(([^)]+)\)/.exec((rule as CSSStyleRule).selectorText ?? '')?.[1];
      const colour = (rule as CSSStyleRule).style?.getPropertyValue('text-decoration-color') ?? '';
      const type = Object.keys(COLOURS).find((t) => COLOURS[t]?.test(colour));
      if (name && type) typeOf.set(name, type);
    }
  }
  const out: Record<string, string[]> = {};
  const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
  for (const [name, highlight] of registry) {
    const key = typeOf.get(name) ?? name;
    out[key] = [...(out[key] ?? []), ...[...highlight].map((r) => r.toString())].sort();
  }
  return out;
}

/** The names the page's highlight registry holds. */
export function readHighlightNames(): string[] {
  return [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].sort();
}

/**
 * Whether the live body equals a fresh parse of the same page, our UI host
 * aside: proof that underlining changed none of the page's nodes.
 */
export async function bodyMatchesSource(hostTag: string): Promise<{ equal: boolean; extraStyles: number; hosts: number }> {
  const html = await (await fetch(location.href)).text();
  const fresh = new DOMParser().parseFromString(html, 'text/html');
  const live = document.body.cloneNode(true) as HTMLElement;
  const hosts = document.querySelectorAll(hostTag).length;
  const extraStyles = [...document.querySelectorAll('style')].filter((s) => s.textContent?.includes('::highlight(')).length;
  // Form fields carry live state the parser does not have; the page's own scripts may have run, so compare structure as served.
  return { equal: live.isEqualNode(fresh.body), extraStyles, hosts };
}

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Changes the stored settings as the popup and options page do (such as
 * `{ disabledSites: [host] }`): run inside one of the extension's own pages,
 * where `browser.storage` exists.
 */
export async function patchSettings(patch: Record<string, unknown>): Promise<void> {
  const g = globalThis as unknown as { browser?: { storage: { local: StorageArea } }; chrome?: { storage: { local: StorageArea } } };
  const local = (g.browser ?? g.chrome)?.storage.local;
  if (!local) throw new Error('not an extension page');
  const stored = (await local.get('settings')).settings as Record<string, unknown> | undefined;
  const defaults = { version: 2, enabled: true, types: { person: true, organization: true, place: false }, underline: 'dotted', hoverDelayMs: 350 };
  await local.set({ settings: { ...defaults, ...stored, ...patch } });
}

export interface TextBox {
  x: number;
  y: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where the first occurrence of a text stands on screen (its centre and edges), or null; open shadow roots included. */
export function textBox(needle: string): TextBox | null {
  const search = (root: Node): TextBox | null => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.ELEMENT_NODE) {
        const inner = (n as Element).shadowRoot;
        const hit = inner ? search(inner) : null;
        if (hit) return hit;
        continue;
      }
      const i = n.textContent?.indexOf(needle) ?? -1;
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + needle.length);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, left: b.left, right: b.right, top: b.top, bottom: b.bottom };
    }
    return null;
  };
  return search(document.body);
}

/** The strip a word and its underline occupy, for comparing screenshots. */
export function underlineStrip(box: TextBox): { x: number; y: number; width: number; height: number } {
  return { x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top + 4 };
}
