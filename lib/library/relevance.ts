/**
 * Whether a page is about Iran–Iraq affairs at all, before it joins the
 * library: it names a person or organisation of the bundled corpus, or one of
 * a short list of Iran and Iraq words (the two countries, their peoples, main
 * cities, the Gulf, in Latin, Arabic and Persian script). A page that does
 * neither (a whale stranding in New Zealand) is not saved without the reader
 * saying so, and its names then stay on its own card instead of being
 * underlined on every page (`LibraryEntity.offPages`).
 */
import { findMentions, type NameTable } from '../engine/matcher';

const WORDS = [
  'Iran', 'Iranian', 'Iranians', 'Iraq', 'Iraqi', 'Iraqis', 'Persian Gulf', 'Strait of Hormuz', 'Tehran', 'Teheran', 'Baghdad', 'Basra', 'Mosul', 'Erbil', 'Najaf',
  'Karbala', 'Kirkuk', 'Kurdistan Region', 'Isfahan', 'Mashhad', 'Tabriz', 'Qom', 'Shiraz', 'IRGC', 'Khamenei',
];
/** Arabic and Persian take prefixes and suffixes on the word itself (العراق، بالعراق، ایرانی): these are looked for inside words. */
const STEMS = ['ایران', 'إيران', 'ايران', 'عراق', 'تهران', 'طهران', 'بغداد'];
/** Latin words whole ("Iranian", not "Miranda"; "Iraq", not "Iraqw"). */
const TERMS = new RegExp(`(?<![\\p{L}\\p{M}])(?:${WORDS.join('|')})(?![\\p{L}\\p{M}])|${STEMS.join('|')}`, 'u');

export function aboutIranIraq(text: string, bundled: NameTable): boolean {
  return TERMS.test(text) || findMentions(text, bundled).length > 0;
}
