import type { UnderlineType as EntityType } from '../engine/types';
import { buildHighlightCss, ENTITY_TYPES, type HighlightStyleOptions, type InstalledStyles, installStyles } from './highlight-styles';
import type { MentionRange } from './types';

export type HighlighterOptions = HighlightStyleOptions;

export interface Highlighter {
  add(items: readonly MentionRange[]): void;
  remove(items: readonly MentionRange[]): void;
  /**
   * Puts our highlights and stylesheets back where the page took them away
   * (`CSS.highlights.clear()`, `adoptedStyleSheets = []`): the registry and
   * the sheets are the page's too, and it may reset them for its own reasons.
   */
  reclaim(): void;
  /** Removes every highlight and our stylesheet from every document touched. */
  clear(): void;
}

interface Surface {
  add(items: readonly MentionRange[]): void;
  remove(items: readonly MentionRange[]): void;
  reclaim(): void;
  dispose(): void;
}

/** Every browser the manifest admits (Chrome's MV3 minimum, Firefox 142) has the Custom Highlight API. */
type HighlightWindow = Window & {
  Highlight: typeof Highlight;
  CSS: { highlights: HighlightRegistry };
};

/**
 * Underlines are highlights: the page's DOM is never modified. Per-document surfaces are created lazily from each range's owner document,
 * because a same-origin iframe has its own highlight registry and stylesheets.
 */
export function createHighlighter(doc: Document, options: HighlighterOptions): Highlighter {
  const surfaces = new Map<Document, Surface>();
  /** Shadow roots get our stylesheet too: document rules do not reach their text. */
  const shadowStyles = new Map<Node, InstalledStyles>();
  const css = buildHighlightCss(options);

  const styleShadowRoots = (items: readonly MentionRange[]): void => {
    for (const item of items) {
      const scope = (item.nodes[0] as Text).getRootNode();
      if (scope.nodeType === 11 && 'host' in scope && !shadowStyles.has(scope)) {
        shadowStyles.set(scope, installStyles(scope as ShadowRoot, css));
      }
    }
  };

  const surfaceFor = (target: Document): Surface => {
    let surface = surfaces.get(target);
    if (!surface) {
      surface = createSurface(target, css, options);
      surfaces.set(target, surface);
    }
    return surface;
  };

  const byDocument = (items: readonly MentionRange[]): Map<Document, MentionRange[]> => {
    const groups = new Map<Document, MentionRange[]>();
    for (const item of items) {
      const owner = (item.nodes[0] as Text).ownerDocument ?? doc;
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
    reclaim() {
      for (const surface of surfaces.values()) surface.reclaim();
      for (const [scope, styles] of shadowStyles) {
        if (scope.isConnected) styles.restore();
      }
    },
    clear() {
      for (const surface of surfaces.values()) surface.dispose();
      surfaces.clear();
      for (const styles of shadowStyles.values()) styles.remove();
      shadowStyles.clear();
    },
  };
}

function createSurface(doc: Document, css: string, options: HighlighterOptions): Surface {
  const styles = installStyles(doc, css);
  const inner = createHighlightApiSurface(doc, options.names);
  return {
    add: inner.add,
    remove: inner.remove,
    reclaim() {
      inner.reclaim();
      styles.restore();
    },
    dispose() {
      inner.dispose();
      styles.remove();
    },
  };
}

/** One Highlight per entity type. */
function createHighlightApiSurface(doc: Document, names: Readonly<Record<EntityType, string>>): Surface {
  const win = doc.defaultView as HighlightWindow;
  const registry = win.CSS.highlights;
  const HighlightCtor = win.Highlight;
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
    reclaim() {
      for (const type of ENTITY_TYPES) {
        if (registry.get(names[type]) !== highlights[type]) registry.set(names[type], highlights[type]);
      }
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
