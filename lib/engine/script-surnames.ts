/**
 * Surnames in Persian and Arabic script, by the rules the Latin ones follow.
 * entities.json gives a person's full name in those scripts ("محمد جواد ظریف",
 * "مقتدى الصدر") but seldom the surname alone, which is how an article names
 * them after the first mention ("ظریف گفت…", "وقال الصدر…"). The surname is
 * taken from each full name in Arabic script and counts as the Latin surname
 * does: on its own where the Latin one does ("Zarif"), only beside a full
 * mention in the same document where the Latin one is weak ("Sadr") or where
 * the word is also an everyday word (ظریف, "delicate"; روحانی, "cleric"), and
 * a surname two people share decides nothing alone (the nearest full mention
 * wins, as for "Hakim"). What entities.json lists itself is never changed.
 */
import type { EntityNames } from './matcher';
import { foldToken, tokenize } from './normalize';

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const ARTICLE = /^(al|Al|AL|el|El)$/;

/**
 * Surnames that are also everyday words in Persian or Arabic, so a page that
 * does not name the person in full is not taken to name them: ظریف
 * (delicate), روحانی (spiritual; a cleric), صدر/الصدر (chest, head; "was
 * issued"), حکیم/الحکیم (wise; a physician), مهندس/المهندس (engineer),
 * سودانی/السودانی (Sudanese), کریم (generous), صالح (righteous), عادل (just).
 */
const EVERYDAY_WORDS = new Set(
  ['ظریف', 'روحانی', 'صدر', 'الصدر', 'حکیم', 'الحکیم', 'مهندس', 'المهندس', 'سودانی', 'السودانی', 'کریم', 'صالح', 'عادل'].map(foldToken),
);

export function isEverydayWord(word: string): boolean {
  return EVERYDAY_WORDS.has(foldToken(word));
}

/** The folded words of a name, without Arabic's article as a word of its own ("al-Sadr" is "Sadr"). */
const latinWords = (name: string) => tokenize(name).map((t) => t.folded).filter((w) => !ARTICLE.test(w));

/** Whether the Latin surname alone names the person on its own ('strong'), only beside a full mention ('weak'), or not at all. */
function latinSurnameStrength(entity: EntityNames): 'strong' | 'weak' | null {
  const words = latinWords(entity.name);
  const surname = words.length >= 2 ? words[words.length - 1] : null;
  if (!surname || ARABIC_SCRIPT.test(surname)) return null;
  const alone = (aliases: readonly string[]) => aliases.some((a) => {
    const w = latinWords(a);
    return w.length === 1 && w[0] === surname;
  });
  if (alone(entity.aliases)) return 'strong';
  return alone(entity.weakAliases) ? 'weak' : null;
}

export interface ScriptSurnames {
  /** Surnames that name the person on their own. */
  strong: string[];
  /** Surnames that count only where the document also names the person in full. */
  weak: string[];
}

/** The surnames in Arabic script a person's full names there give, with how much each may decide; none for organisations and places. */
export function scriptSurnames(entity: EntityNames): ScriptSurnames {
  const found: ScriptSurnames = { strong: [], weak: [] };
  if (entity.type !== 'person') return found;
  const strength = latinSurnameStrength(entity);
  if (!strength) return found;
  // Whatever entities.json already lists alone stays as it says. A form it lists only after titles (ظریف) is
  // still found bare beside a full mention, as a weak alias would be: the title only makes it decide alone.
  const listed = new Set(
    [...entity.aliases, ...entity.weakAliases].flatMap((a) => {
      const w = tokenize(a);
      return w.length === 1 ? [w[0].folded] : [];
    }),
  );
  const seen = new Set<string>();
  for (const alias of entity.aliases) {
    if (!ARABIC_SCRIPT.test(alias)) continue;
    const tokens = tokenize(alias);
    if (tokens.length < 2) continue;
    const last = tokens[tokens.length - 1];
    if (listed.has(last.folded) || seen.has(last.folded)) continue;
    seen.add(last.folded);
    const surname = alias.slice(last.start, last.end);
    (strength === 'strong' && !isEverydayWord(surname) ? found.strong : found.weak).push(surname);
  }
  return found;
}
