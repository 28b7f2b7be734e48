import type { UnderlineType as EntityType } from '../engine/types';

export type UnderlineStyle = 'solid' | 'dotted' | 'dashed' | 'wavy';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

export const DEFAULT_HIGHLIGHT_NAMES: Readonly<Record<EntityType, string>> = {
  person: 'iic-person',
  organization: 'iic-organization',
  place: 'iic-place',
};

/** Space-separated sRGB channels, so an alpha can be appended. */
export const DEFAULT_UNDERLINE_RGB: Readonly<Record<EntityType, string>> = {
  person: '37 99 235',
  organization: '192 38 211',
  place: '5 150 105',
};

export interface HighlightStyleOptions {
  names?: Partial<Record<EntityType, string>>;
  underline?: UnderlineStyle;
  /** Space-separated sRGB channels per type, e.g. `37 99 235`. */
  rgb?: Partial<Record<EntityType, string>>;
  /** Further rules that belong in the same stylesheet (one sheet per page). */
  extraCss?: string;
}

/** One `::highlight()` rule per entity type, in the chosen underline style. */
export function buildHighlightCss(options: HighlightStyleOptions = {}): string {
  const names = { ...DEFAULT_HIGHLIGHT_NAMES, ...options.names };
  const rgb = { ...DEFAULT_UNDERLINE_RGB, ...options.rgb };
  const style = options.underline ?? 'dotted';
  const rules: string[] = [];
  for (const type of ENTITY_TYPES) {
    const decoration = underlineDeclarations(rgb[type], style);
    rules.push(`::highlight(${names[type]}) { ${decoration} }`);
  }
  if (options.extraCss) rules.push(options.extraCss);
  return rules.join('\n');
}

/**
 * Mixing the hue with `currentColor` keeps the line legible on dark and light
 * themes alike (it follows the text colour); the alpha keeps it light. The plain
 * rgba declaration comes first for browsers without `color-mix()`.
 */
function underlineDeclarations(channels: string, style: UnderlineStyle): string {
  const mixed = `color-mix(in srgb, color-mix(in srgb, rgb(${channels}) 80%, currentColor) 75%, transparent)`;
  return [
    'text-decoration-line: underline;',
    `text-decoration-style: ${style};`,
    `text-decoration-color: rgb(${channels} / 0.6);`,
    `text-decoration-color: ${mixed};`,
    'text-decoration-thickness: from-font;',
  ].join(' ');
}

/**
 * Adds `css` to a document or a shadow root (whose own rules are the only
 * ones that style its text) and returns its remover. A constructable sheet in
 * `adoptedStyleSheets` leaves the DOM untouched; Firefox content scripts throw
 * on that assignment (Xray wrappers), so a `<style>` element is the fallback.
 */
export function installStyles(scope: Document | ShadowRoot, css: string): () => void {
  const doc = scope.nodeType === 9 ? (scope as Document) : (scope.ownerDocument as Document);
  const win = doc.defaultView;
  try {
    if (win && Array.isArray(scope.adoptedStyleSheets) && typeof win.CSSStyleSheet === 'function') {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
      if (scope.adoptedStyleSheets.includes(sheet)) {
        return () => {
          try {
            scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
          } catch {
            sheet.replaceSync('');
          }
        };
      }
    }
  } catch {
    // Fall through to the element.
  }
  const style = doc.createElement('style');
  style.setAttribute('data-iic-highlights', '');
  style.textContent = css;
  (scope === doc ? (doc.head ?? doc.documentElement) : scope).appendChild(style);
  return () => style.remove();
}

/** Builds and installs the underline stylesheet; returns its remover. */
export function injectHighlightStyles(doc: Document, options: HighlightStyleOptions = {}): () => void {
  return installStyles(doc, buildHighlightCss(options));
}
