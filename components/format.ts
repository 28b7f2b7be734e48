/** Numbers and lists in the interface's language, as the dates beside them are (`dates.ts`). */
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
