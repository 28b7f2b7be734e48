/**
 * Counted words in the interface's language. `browser.i18n` has no plurals, so
 * a counted message is one catalogue entry per plural category of its language
 * (`countMentions_one`, `countMentions_other`; Arabic also `_zero`, `_two`,
 * `_few`, `_many`), and `Intl.PluralRules` picks the entry for the number.
 * English declares `_one` and `_other` of every counted message, so the keys
 * are typed from it; a language adds the categories its rules have
 * (tests/locales.test.ts checks each catalogue against `Intl.PluralRules`).
 */
import { type MessageKey, optionalMessage } from './i18n';

/** The plural categories of CLDR, in the order a translator fills them in. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** A counted message: the part of its keys before `_other`. */
export type PluralMessage = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

const rules = new Map<string, Intl.PluralRules>();

/** The plural category of `n` in `lang` ("few" for 3 in Arabic, "one" for 0 in Persian). */
export function pluralCategory(lang: string, n: number): PluralCategory {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r.select(n) as PluralCategory;
}

/**
 * The variant of `message` for `n` in `lang`, with `$1` the number as already
 * formatted and `$2`… the rest; the `_other` variant where the catalogue has no
 * entry for the category (never the bare key for a variant that exists).
 */
export function pluralMessage(lang: string, message: PluralMessage, n: number, formatted: string, ...rest: string[]): string {
  const category = pluralCategory(lang, n);
  const other = `${message}_other`;
  return optionalMessage(`${message}_${category}`, formatted, ...rest) ?? optionalMessage(other, formatted, ...rest) ?? other;
}
