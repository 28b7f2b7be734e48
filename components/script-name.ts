/**
 * The entity's name in the interface's script, picked from the corpus's own
 * aliases (entities.json lists Arabic and Persian spellings): nothing is
 * transliterated here, so a name without such an alias stays Latin only.
 */

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
/** Letters (and the zero-width non-joiner) Persian writes and Arabic does not: ی ک پ چ ژ گ. */
const PERSIAN_LETTERS = /[\u06CC\u06A9\u067E\u0686\u0698\u06AF\u200C]/;
/** Arabic forms Persian spells otherwise: ي ك ى ة. */
const ARABIC_LETTERS = /[\u064A\u0643\u0649\u0629]/;
/** A word with Arabic's definite article, which Persian rarely keeps ("العراق" is Persian "عراق"). */
const ARABIC_ARTICLE = /(^|\s)ال/;

const words = (alias: string) => alias.trim().split(/\s+/).length;

/**
 * The alias a reader of `lang` writes the name with, never one with the other
 * language's letters: first the fullest form with the language's own letters
 * (Persian ی ک پ…, Arabic ي ك ة…), the corpus's first on a tie. A name whose
 * forms differ only in letters both languages share (طهران, تهران) is told
 * apart by the order entities.json keeps, the Arabic spelling before the
 * Persian one: Persian takes the later such form, and one without Arabic's
 * article; Arabic the earlier. null for other languages or when there is none.
 */
export function nameInScript(aliases: readonly string[], lang: string): string | null {
  const [own, foreign] = lang === 'fa' ? [PERSIAN_LETTERS, ARABIC_LETTERS] : lang === 'ar' ? [ARABIC_LETTERS, PERSIAN_LETTERS] : [null, null];
  if (!own || !foreign) return null;
  const candidates = aliases.filter((a) => ARABIC_SCRIPT.test(a) && !foreign.test(a));
  const marked = candidates.filter((a) => own.test(a));
  if (marked.length > 0) return marked.reduce((best, a) => (words(a) > words(best) ? a : best));
  if (candidates.length === 0) return null;
  if (lang === 'ar') return candidates.reduce((best, a) => (words(a) > words(best) ? a : best));
  const score = (a: string) => words(a) - (ARABIC_ARTICLE.test(a) ? 10 : 0);
  return candidates.reduce((best, a) => (score(a) >= score(best) ? a : best));
}
