/**
 * The interface catalogues (`public/_locales/<locale>/messages.json`) stay in
 * step with English: same keys (a counted message has exactly the plural forms
 * its language's rules have), same substitutions, nothing left empty or
 * untranslated, and the store's length limits kept in every language.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../lib/i18n';
import { PLURAL_CATEGORIES } from '../lib/plural';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalogue = Record<string, Entry>;

const root = join(import.meta.dirname, '..');
const localesDir = join(root, 'public', '_locales');
const read = (locale: string): Catalogue => JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')) as Catalogue;
const locales = readdirSync(localesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const en = read('en');
const others = locales.filter((l) => l !== 'en');

/** Counted messages: each `X_other` of English names one, whose forms are `X_<category>` (lib/plural.ts). */
const pluralBases = Object.keys(en).flatMap((k) => (k.endsWith('_other') ? [k.slice(0, -'_other'.length)] : []));
const PLURAL_KEY = new RegExp(`^(${pluralBases.join('|')})_(${PLURAL_CATEGORIES.join('|')})$`);
/** The categories `Intl.PluralRules` uses for the language: one and other in English and Persian, all six in Arabic. */
const categoriesOf = (locale: string) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
/** The keys a catalogue in `locale` must have: English's plain messages, and each counted one in the language's own forms. */
const expectedKeys = (locale: string) =>
  [...Object.keys(en).filter((k) => !PLURAL_KEY.test(k)), ...pluralBases.flatMap((b) => categoriesOf(locale).map((c) => `${b}_${c}`))].sort();
/** The English entry a key corresponds to: itself, or for a plural form English lacks, English's `_other`. */
const englishOf = (key: string) => en[key] ?? en[key.replace(PLURAL_KEY, '$1_other')];

/** `$1`…`$9` used by a message, directly or through its placeholders' content. */
function substitutions(entry: Entry): string[] {
  const texts = [entry.message, ...Object.values(entry.placeholders ?? {}).map((p) => p.content)];
  return [...new Set(texts.flatMap((text) => [...text.replaceAll('$$', '').matchAll(/\$(\d)/g)].map((m) => `$${m[1]}`)))].sort();
}

/** Placeholder names, defined and referenced as `$name$` (Chrome matches them case-insensitively). */
function placeholderNames(entry: Entry): { defined: string[]; used: string[] } {
  const defined = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
  const used = [...entry.message.replaceAll('$$', '').matchAll(/\$([A-Za-z_@][\w@]*)\$/g)].map((m) => m[1].toLowerCase());
  return { defined: [...new Set(defined)].sort(), used: [...new Set(used)].sort() };
}

/** Messages that may read the same in every language: pure substitutions, symbols and the catalogue's own tag. */
const sameEverywhere = (message: string) => message.replace(/\$\d|\$[A-Za-z_@][\w@]*\$/g, '').replace(/[\s\p{P}\p{S}]/gu, '') === '';

describe('locale catalogues', () => {
  it('has the default locale the manifest names, and the translations this brief ships', () => {
    expect(readFileSync(join(root, 'wxt.config.ts'), 'utf8')).toMatch(/default_locale:\s*'en'/);
    expect(existsSync(join(localesDir, 'en', 'messages.json'))).toBe(true);
    expect(locales).toEqual(expect.arrayContaining(['ar', 'en', 'fa']));
    expect(Object.keys(en).length).toBeGreaterThan(50);
  });

  it('gives English exactly its own plural forms (one, other) of every counted message', () => {
    expect(pluralBases.length).toBeGreaterThan(5);
    expect(Object.keys(en).sort()).toEqual(expectedKeys('en'));
  });

  it('gives every message a message and a description in English', () => {
    for (const [key, entry] of Object.entries(en)) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description?.trim(), key).toBeTruthy();
    }
  });

  describe.each(others)('%s', (locale) => {
    const catalogue = read(locale);

    it('has exactly the keys of English, each counted message in the plural forms of its own language', () => {
      expect(Object.keys(catalogue).sort()).toEqual(expectedKeys(locale));
    });

    it('leaves no message empty', () => {
      const empty = Object.entries(catalogue).filter(([, e]) => typeof e?.message !== 'string' || e.message.trim() === '');
      expect(empty.map(([k]) => k)).toEqual([]);
    });

    it('keeps the substitutions and placeholders of English', () => {
      for (const [key, entry] of Object.entries(catalogue)) {
        const source = englishOf(key);
        if (!source) continue; // reported by the key test
        // A plural form may spell its number out ("إشارتان", two mentions), and so leave $1 out.
        if (PLURAL_KEY.test(key)) expect(substitutions(source), `${locale}/${key}: $n`).toEqual(expect.arrayContaining(substitutions(entry)));
        else expect(substitutions(entry), `${locale}/${key}: $n`).toEqual(substitutions(source));
        expect(placeholderNames(entry), `${locale}/${key}: placeholders`).toEqual(placeholderNames(source));
        // Every $name$ the message uses is defined, or Chrome prints it raw.
        const { defined, used } = placeholderNames(entry);
        expect(used.filter((n) => !defined.includes(n)), `${locale}/${key}: undefined placeholders`).toEqual([]);
      }
    });

    it('keeps placeholder contents exactly as English', () => {
      for (const [key, source] of Object.entries(en)) {
        if (!source.placeholders) continue;
        const contents = (e?: Entry) =>
          Object.fromEntries(Object.entries(e?.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
        expect(contents(catalogue[key]), `${locale}/${key}`).toEqual(contents(source));
      }
    });

    it('sets uiLang to its own tag', () => {
      expect(catalogue.uiLang?.message.toLowerCase().replace('-', '_')).toBe(locale.toLowerCase());
    });

    it('keeps the store limits: name ≤ 75 characters, description ≤ 132', () => {
      expect([...catalogue.extName.message].length).toBeLessThanOrEqual(75);
      expect([...catalogue.extDescription.message].length).toBeLessThanOrEqual(132);
    });

    it('is a translation, not a copy of English', () => {
      const keys = Object.keys(en).filter((k) => k !== 'uiLang' && catalogue[k] && !sameEverywhere(en[k].message));
      const copied = keys.filter((k) => catalogue[k].message.trim() === en[k].message.trim());
      expect(copied.length / keys.length, `identical to English: ${copied.join(', ')}`).toBeLessThan(0.1);
    });
  });

  it('keeps the English limits too', () => {
    expect([...en.extName.message].length).toBeLessThanOrEqual(75);
    expect([...en.extDescription.message].length, 'en/extDescription is over the Chrome Web Store limit').toBeLessThanOrEqual(132);
    expect(en.uiLang.message).toBe('en');
  });
});

describe('Persian and Arabic spelling', () => {
  const ARABIC_YEH_KAF = /[\u064A\u0643]/; // ي ك
  const PERSIAN_YEH_KEHEH = /[\u06CC\u06A9]/; // ی ک

  it('writes Persian with Persian yeh and keheh', () => {
    const fa = read('fa');
    const wrong = Object.entries(fa).filter(([, e]) => ARABIC_YEH_KAF.test(e.message));
    expect(wrong.map(([k]) => k)).toEqual([]);
    expect(Object.values(fa).some((e) => PERSIAN_YEH_KEHEH.test(e.message))).toBe(true);
  });

  it('writes Arabic with Arabic yeh and kaf', () => {
    const ar = read('ar');
    const wrong = Object.entries(ar).filter(([, e]) => PERSIAN_YEH_KEHEH.test(e.message));
    expect(wrong.map(([k]) => k)).toEqual([]);
    expect(Object.values(ar).some((e) => ARABIC_YEH_KAF.test(e.message))).toBe(true);
  });

  it('keeps the descriptions in English for translators', () => {
    for (const locale of ['fa', 'ar']) {
      const catalogue = read(locale);
      const notEnglish = Object.entries(catalogue).filter(([, e]) => !e.description?.trim() || /[\u0600-\u06FF]/.test(e.description));
      expect(notEnglish.map(([k]) => `${locale}/${k}`)).toEqual([]);
    }
  });
});

describe('message keys', () => {
  it('are typed from the English catalogue, so a misspelt key fails tsc', () => {
    // @ts-expect-error no such message: `npm run check` fails if t() accepts it.
    expect(t('cardReadyy')).toBe('cardReadyy');
    expect(t('close')).toBe('Close');
  });
});
