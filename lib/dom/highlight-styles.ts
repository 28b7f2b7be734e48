import type { UnderlineType as EntityType } from '../engine/types';

export type UnderlineStyle = 'solid' | 'dotted' | 'dashed' | 'wavy';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

export type HighlightNames = Readonly<Record<EntityType, string>>;

/**
 * A fresh name for a highlight: letters only (a CSS identifier), 14 of them.
 * The page shares the highlight registry with us, so a fixed name would tell
 * every site that the extension is installed; a name drawn per page does not.
 */
export function randomHighlightName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  return Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
}

/** One fresh name per entity type, drawn for one page. */
export function randomHighlightNames(): HighlightNames {
  return { person: randomHighlightName(), organization: randomHighlightName(), place: randomHighlightName() };
}

/** Space-separated sRGB channels, so an alpha can be appended. */
export const DEFAULT_UNDERLINE_RGB: Readonly<Record<EntityType, string>> = {
  person: '37 99 235',
  organization: '192 38 211',
  place: '5 150 105',
};

export interface HighlightStyleOptions {
  /** The registry names the rules apply to (randomHighlightNames). */
  names: HighlightNames;
  underline?: UnderlineStyle;
  /** Space-separated sRGB channels per type, e.g. `37 99 235`. */
  rgb?: Partial<Record<EntityType, string>>;
  /** Further rules that belong in the same stylesheet (one sheet per page). */
  extraCss?: string;
}

/** One `::highlight()` rule per entity type, in the chosen underline style. */
export function buildHighlightCss(options: HighlightStyleOptions): string {
  const names = options.names;
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

/** Our stylesheet in one document or shadow root. */
export interface InstalledStyles {
  /** Takes it out again, leaving the scope as it was. */
  remove(): void;
  /** Puts it back if the page took it out (reset `adoptedStyleSheets`, removed our `<style>`). */
  restore(): void;
}

/**
 * Adds `css` to a document or a shadow root (whose own rules are the only
 * ones that style its text). A constructable sheet in `adoptedStyleSheets`
 * leaves the DOM untouched; Firefox content scripts throw on that assignment
 * (Xray wrappers), so a `<style>` element is the fallback. It carries no mark
 * of ours: a fixed attribute would tell every site the extension is there.
 */
export function installStyles(scope: Document | ShadowRoot, css: string): InstalledStyles {
  const doc = scope.nodeType === 9 ? (scope as Document) : (scope.ownerDocument as Document);
  const win = doc.defaultView;
  try {
    if (win && Array.isArray(scope.adoptedStyleSheets) && typeof win.CSSStyleSheet === 'function') {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
      if (scope.adoptedStyleSheets.includes(sheet)) {
        return {
          remove() {
            try {
              scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
            } catch {
              sheet.replaceSync('');
            }
          },
          restore() {
            if (!scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
          },
        };
      }
    }
  } catch {
    // Fall through to the element.
  }
  const style = doc.createElement('style');
  style.textContent = css;
  const parent = () => (scope === doc ? (doc.head ?? doc.documentElement) : scope);
  parent().appendChild(style);
  return {
    remove: () => style.remove(),
    restore() {
      if (!style.isConnected) parent().appendChild(style);
    },
  };
}

/** Builds and installs the underline stylesheet; returns its remover. */
export function injectHighlightStyles(doc: Document, options: HighlightStyleOptions): () => void {
  return installStyles(doc, buildHighlightCss(options)).remove;
}
