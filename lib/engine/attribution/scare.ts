/**
 * Quotation marks that hold nobody's words: scare quotes around a single
 * word ("the relentless “Israeli” aggression"), titles and names of things
 * ("the book “The Twilight War”", "Operation “True Promise”"), "so-called"
 * phrases and slogans in capitals. They get no speaker.
 */

/** Words before a quotation that make it a name of something, not words someone said. */
const NAMING_BEFORE =
  /\b(?:so-called|book|books|film|movie|documentary|series|song|poem|novel|op-ed|headline|headlined|titled|entitled|named|hashtag|slogan|slogans|banner|banners|chant|chants|chanting|chanted|operation|campaign|codenamed|code-named|known as)\s*[:,]?\s*$/i;

/** ", or", "nicknamed", "alias", "aka": what follows is another name of the one named before. */
const ALSO_NAMED_BEFORE = /(?:,\s*or|\b(?:nicknamed|dubbed|alias|aka|a\.k\.a\.|also called))\s*$/i;

const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * Whether the words inside a quotation are a scare quote, a title or a slogan.
 * `before` is the sentence's text right before the opening mark.
 */
export function isNobodysWords(inner: string, before: string): boolean {
  const words = wordsOf(inner);
  if (words.length === 0) return true;
  // "GREAT POPULAR UPRISING": a banner or a chant.
  if (!/\p{Ll}/u.test(inner) && /\p{Lu}/u.test(inner)) return true;
  if (NAMING_BEFORE.test(before)) return true;
  // "Mushtaq al-Saidi, or “Abu Taqwa,”": a name the person also goes by.
  if (ALSO_NAMED_BEFORE.test(before) && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w))) return true;
  // One capitalised word in running text: "Israeli", "Zionist", "Islamic State" as the writer's distance, not a quote.
  const midSentence = /[\p{L}\p{N},]\s*$/u.test(before) && !/\b(?:said|says|told|added|replied|answered|responded|wrote|tweeted|posted)\s*,?\s*$/.test(before);
  if (words.length === 1 && /^\p{Lu}/u.test(words[0]) && midSentence) return true;
  return false;
}
