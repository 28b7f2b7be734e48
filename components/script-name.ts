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

const words = (alias: string) => alias.trim().split(/\s+/).length;

/**
 * The alias a reader of `lang` writes the name with: for Persian one without
 * Arabic-only letters (preferring one with Persian letters), for Arabic one
 * without Persian letters (preferring Arabic ones); the fullest such form, the
 * corpus's first on a tie. null for other languages or when there is none.
 */
export function nameInScript(aliases: readonly string[], lang: string): string | null {
  const [own, foreign] = lang === 'fa' ? [PERSIAN_LETTERS, ARABIC_LETTERS] : lang === 'ar' ? [ARABIC_LETTERS, PERSIAN_LETTERS] : [null, null];
  if (!own || !foreign) return null;
  const candidates = aliases.filter((a) => ARABIC_SCRIPT.test(a) && !foreign.test(a));
  const score = (a: string) => (own.test(a) ? 100 : 0) + words(a);
  let best: string | null = null;
  for (const alias of candidates) if (best === null || score(alias) > score(best)) best = alias;
  return best;
}
