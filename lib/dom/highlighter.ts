import type { EntityType } from '../engine/types';
import {
  buildHighlightCss,
  DEFAULT_HIGHLIGHT_NAMES,
  DEFAULT_MARK_TAG,
  ENTITY_TYPES,
  type HighlightStyleOptions,
  installStyles,
} from './highlight-styles';
import type { MentionRange } from './types';
import { createWrapSurface } from './wrap-fallback';

export type HighlightMode = 'highlight-api' | 'wrap';

export interface HighlighterOptions extends HighlightStyleOptions {
  /** Use the DOM-wrapping fallback even where the Highlight API exists (tests, debugging). */
  forceWrap?: boolean;
}

export interface Highlighter {
  add(items: readonly MentionRange[]): void;
  remove(items: readonly MentionRange[]): void;
  /** Removes every highlight and our stylesheet from every document touched. */
  clear(): void;
  /** How mentions in `doc` are (or would be) shown. */
  modeFor(doc?: Document): HighlightMode;
}

interface Surface {
  add(items: readonly MentionRange[]): void;
  remove(items: readonly MentionRange[]): void;
  dispose(): void;
}

type HighlightWindow = Window & {
  Highlight?: typeof Highlight;
  CSS?: { highlights?: HighlightRegistry };
};

export function supportsHighlightApi(doc: Document): boolean {
  const win = doc.defaultView as HighlightWindow | null;
  return typeof win?.Highlight === 'function' && typeof win.CSS?.highlights?.set === 'function';
}

/**
 * Per-document surfaces are created lazily from each range's owner document,
 * because a same-origin iframe has its own highlight registry and stylesheets.
 */
export function createHighlighter(doc: Document, options: HighlighterOptions = {}): Highlighter {
  const surfaces = new Map<Document, Surface>();
  /** Shadow roots get our stylesheet too: document rules do not reach their text. */
  const shadowStyles = new Map<Node, () => void>();
  const css = buildHighlightCss(options);

  const styleShadowRoots = (items: readonly MentionRange[]): void => {
    for (const item of items) {
      const scope = item.range.startContainer.getRootNode();
      if (scope.nodeType === 11 && 'host' in scope && !shadowStyles.has(scope)) {
        shadowStyles.set(scope, installStyles(scope as ShadowRoot, css));
      }
    }
  };

  const modeFor = (target: Document = doc): HighlightMode =>
    !options.forceWrap && supportsHighlightApi(target) ? 'highlight-api' : 'wrap';

  const surfaceFor = (target: Document): Surface => {
    let surface = surfaces.get(target);
    if (!surface) {
      surface = createSurface(target, modeFor(target), css, options);
      surfaces.set(target, surface);
    }
    return surface;
  };

  const byDocument = (items: readonly MentionRange[]): Map<Document, MentionRange[]> => {
    const groups = new Map<Document, MentionRange[]>();
    for (const item of items) {
      const owner = item.range.startContainer.ownerDocument ?? doc;
      const group = groups.get(owner);
      if (group) group.push(item);
      else groups.set(owner, [item]);
    }
    return groups;
  };

  return {
    add(items) {
      styleShadowRoots(items);
      for (const [target, group] of byDocument(items)) surfaceFor(target).add(group);
    },
    remove(items) {
      for (const [target, group] of byDocument(items)) surfaces.get(target)?.remove(group);
    },
    clear() {
      for (const surface of surfaces.values()) surface.dispose();
      surfaces.clear();
      for (const remove of shadowStyles.values()) remove();
      shadowStyles.clear();
    },
    modeFor,
  };
}

function createSurface(doc: Document, mode: HighlightMode, css: string, options: HighlighterOptions): Surface {
  const removeStyles = installStyles(doc, css);
  const inner =
    mode === 'highlight-api'
      ? createHighlightApiSurface(doc, { ...DEFAULT_HIGHLIGHT_NAMES, ...options.names })
      : createWrapSurface(doc, options.markTag ?? DEFAULT_MARK_TAG);
  return {
    add: inner.add,
    remove: inner.remove,
    dispose() {
      inner.dispose();
      removeStyles();
    },
  };
}

/** One Highlight per entity type; the page's DOM is never modified. */
function createHighlightApiSurface(doc: Document, names: Record<EntityType, string>): Surface {
  const win = doc.defaultView as HighlightWindow;
  const registry = win.CSS?.highlights as HighlightRegistry;
  const HighlightCtor = win.Highlight as typeof Highlight;
  const highlights = {} as Record<EntityType, Highlight>;
  for (const type of ENTITY_TYPES) {
    highlights[type] = new HighlightCtor();
    registry.set(names[type], highlights[type]);
  }
  return {
    add(items) {
      for (const item of items) highlights[item.mention.type]?.add(item.range);
    },
    remove(items) {
      for (const item of items) highlights[item.mention.type]?.delete(item.range);
    },
    dispose() {
      for (const type of ENTITY_TYPES) {
        // Another script may have re-registered the name since; only drop ours.
        if (registry.get(names[type]) === highlights[type]) registry.delete(names[type]);
        highlights[type].clear();
      }
    },
  };
}
