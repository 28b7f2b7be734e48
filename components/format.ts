/** Numbers and lists in the interface's language, as the dates beside them are (`dates.ts`). */
import { type PluralMessage, pluralMessage } from '../lib/plural';
import { uiLang } from './ui-lang';

const counts = new Map<string, Intl.NumberFormat>();
const lists = new Map<string, Intl.ListFormat>();

/** A count in the digits the interface's language writes (Persian ۱۲). */
export function formatCount(n: number): string {
  const lang = uiLang();
  let format = counts.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    counts.set(lang, format);
  }
  return format.format(n);
}

/**
 * A counted phrase in the interface's language: "1 mention", "3 mentions";
 * in Arabic "إشارتان" for 2, "٣ إشارات" for 3, "١١ إشارةً" for 11. Every
 * string that counts something goes through here (`lib/plural.ts`).
 */
export function counted(message: PluralMessage, n: number, ...rest: string[]): string {
  return pluralMessage(uiLang(), message, n, formatCount(n), ...rest);
}

/** Items separated as the language separates them: "Kadhimi, Rouhani"; Persian and Arabic use "،". */
export function formatList(items: string[]): string {
  const lang = uiLang();
  let format = lists.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: 'unit', style: 'short' });
    lists.set(lang, format);
  }
  return format.format(items);
}
