/**
 * A stand-in for `browser.i18n` in unit and component tests, answering from a
 * catalogue in `public/_locales/` as the browser would (named placeholders,
 * `$1`…`$9`, `$$`). The shipped code reads only `browser.i18n`, so no
 * catalogue is bundled into pages for the tests' sake.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalogue = Record<string, Entry>;

export interface FakeI18n {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

export const catalogue = (locale: string): Catalogue =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'public', '_locales', locale, 'messages.json'), 'utf8')) as Catalogue;

export function fakeI18n(messages: Catalogue, uiLanguage: string): FakeI18n {
  return {
    getMessage(key, substitutions) {
      const entry = messages[key];
      // As the browser does for an unknown key.
      if (!entry) return '';
      const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
      const named = entry.message.replace(/\$([A-Za-z_@][\w@]*)\$/g, (whole, name: string) => {
        const found = Object.entries(entry.placeholders ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase());
        return found ? found[1].content : whole;
      });
      return named.replace(/\$(\$|\d)/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
    },
    getUILanguage: () => uiLanguage,
  };
}
