/**
 * Keys under which spellings of one name meet: transliterations of Arabic and
 * Persian names differ mostly in vowels and in how a letter is written
 * (Fuad/Fouad, Hussein/Hossein, Raisi/Raeisi, Kadhimi/Kazemi, Shamkhani/Shamkani),
 * so a name's key is its consonant skeleton.
 */

const MARKS = /\p{M}/gu;

/** The consonant skeleton of one word: "Abdollahian" and "Abdullahian" → "Vbdlhn". */
export function skeleton(word: string): string {
  const w = word
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/['\u2019\u2018\u02bc\u02bb\u02bf`]/g, '')
    .replace(/^(?:al|el)-/, '')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/sh/g, 's')
    .replace(/ph/g, 'f')
    .replace(/[qc]/g, 'k')
    .replace(/z/g, 'd')
    // A first vowel counts, whichever it is (Ebrahim/Ibrahim), so Assadi and Saad stay apart.
    .replace(/^[aeiou]/, 'V')
    .replace(/[aeiouyw-]/g, '')
    .replace(/(.)\1+/g, '$1');
  return w || word.toLowerCase();
}

/** The surname: the last word, without "al-", and the last part of a hyphenated compound ("Amir-Abdollahian" → "Abdollahian"). */
export function surname(name: string): string {
  const last = name.split(' ').pop() ?? name;
  const bare = last.replace(/^(?:al|Al|AL|el|El)-/, '');
  const parts = bare.split('-');
  return parts.length > 1 && parts[parts.length - 1].length >= 4 ? parts[parts.length - 1] : bare;
}

/** One person's key: first name and surname ("Mohammed Shia’ Sabbar al-Sudani" and "Mohammed al-Sudani" meet). */
export function personKey(name: string): string | null {
  // "Abu Mahdi al-Muhandis" is written "Mahdi al-Muhandis" too: a kunya ("father of") before a full name is left out.
  const whole = name.split(' ');
  const parts = whole.length >= 3 && /^(?:Abu|Abou|Abo|Umm|Um)$/.test(whole[0]) ? whole.slice(1) : whole;
  if (parts.length < 2) return null;
  return `${skeleton(parts[0])}|${skeleton(surname(name))}`;
}

const ORG_FILLER = new Set(['the', 'of', 'for', 'in', 'and']);

/** One organisation's key: "Kata'ib Hezbollah" and "Kataib Hezbollah", "Guards Corps" and "Guard Corps" meet. */
export function orgKey(name: string): string {
  // "Ministry of Foreign Affairs" and "Foreign Ministry" are one name written two ways.
  let parts = name
    .replace(/\bMinistry of (?:the )?(\p{Lu}\p{L}+)(?: Affairs)?\b/u, '$1 Ministry')
    .split(' ')
    .filter((w) => !ORG_FILLER.has(w.toLowerCase()))
    .map((w) => w.replace(/^(?:al|Al|el|El)-/, '').replace(/['\u2019]s$/, ''))
    .filter((w) => !/^(?:al|Al|el|El)$/.test(w));
  while (parts.length > 2 && /^(?:news|agency)$/i.test(parts[parts.length - 1])) parts = parts.slice(0, -1);
  return parts.map((w) => skeleton(w.length > 3 && /[^s]s$/i.test(w) ? w.slice(0, -1) : w)).join(' ');
}
