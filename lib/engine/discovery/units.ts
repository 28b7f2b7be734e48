/**
 * Splits a chain of capitalised words into the names it holds and reads each:
 * an organisation ("Ministry of Foreign Affairs", "Quds Force"), a title and
 * the person after it ("Iraqi Deputy Foreign Minister" + "Nazar Khairallah"),
 * or a bare name whose kind the context must decide.
 */
import { isKnownOrganisation, isKnownOutlet } from '../known';
import type { Chain, Word } from './chains';
import { isCapitalised, isParticle } from './chains';
import {
  DEMONYMS,
  GIVEN_NAMES,
  NON_NAME_WORDS,
  ORG_HEADS,
  PLACE_PHRASES,
  PLACE_WORDS,
  THING_WORDS,
  TITLE_HEADS,
} from './lexicon';

export type UnitKind = 'organization' | 'person' | 'title' | 'name';

export interface Unit {
  kind: UnitKind;
  /** The name's words ("person", "organization", "name"), or the title's. */
  words: Word[];
  /** For a person: the title words before the name in the same chain. */
  title: Word[];
}

const key = (w: Word) => w.text.replace(/\.$/, '').toLowerCase();
export const isTitleHead = (w: Word) => TITLE_HEADS.has(key(w));
export const isOrgHead = (w: Word) => ORG_HEADS.has(key(w)) && (isCapitalised(w.text) || w.text === 'bloc');
export const isPlace = (w: Word) => PLACE_WORDS.has(w.text);
const isConnector = (w: Word) => !isCapitalised(w.text) && !isParticle(w.text);
/** "P.J.", "J.": a given name written as initials. */
const isInitials = (w: Word) => /^(?:\p{Lu}\.){1,3}$/u.test(w.text);
const isAcronym = (w: Word) => /^\p{Lu}[\p{Lu}\p{N}.]+$/u.test(w.text) && w.text.length <= 8;

/** The words as a name, one space apart; a possessive inside keeps its ending ("People's Protection Units"). */
export function phrase(words: Word[]): string {
  return words.map((w, i) => (w.possessive && i < words.length - 1 ? `${w.text}'s` : w.text)).join(' ');
}

/** A word that can stand in a person's name: capitalised or a particle, and not a place, a title or an organisation's head. */
export function personWord(w: Word): boolean {
  if (!isCapitalised(w.text) && !isParticle(w.text)) return false;
  if (isInitials(w)) return true;
  if (isAcronym(w) || /\p{N}/u.test(w.text)) return false;
  return !(isPlace(w) || NON_NAME_WORDS.has(w.text) || isTitleHead(w) || isOrgHead(w) || THING_WORDS.has(key(w)));
}

/** Breaks a chain at its connectors, joining back "X of Y" after an organisation's or a title's head and "A and B Commission". */
function segments(chain: Chain): Word[][] {
  // Chains never start or end with a connector, so every part has words.
  const parts: Word[][] = [];
  const joins: Word[][] = [];
  let current: Word[] = [];
  let pending: Word[] = [];
  for (const w of chain.words) {
    if (isConnector(w)) {
      pending.push(w);
      continue;
    }
    if (pending.length > 0) {
      parts.push(current);
      joins.push(pending);
      current = [];
      pending = [];
    }
    current.push(w);
  }
  parts.push(current);
  const out: Word[][] = [parts[0]];
  const extended = [false];
  for (let i = 1; i < parts.length; i++) {
    const left = out[out.length - 1];
    const right = parts[i];
    const join = joins[i - 1].map((w) => w.text).join(' ');
    const lastLeft = left[left.length - 1];
    const ofLike = /^(?:of|for)(?: the)?$/.test(join);
    const free = !extended[extended.length - 1];
    let joined = false;
    if (free && isOrgHead(lastLeft) && ofLike) joined = !GIVEN_NAMES.has(right[0].text) && right.length <= 4 && !isOrgHead(right[right.length - 1]);
    // "Supreme Council for Islamic Revolution in Iraq": a place may close a name already joined once.
    else if (join === 'in' && right.every(isPlace) && (isOrgHead(lastLeft) || !free)) joined = true;
    // "State of Law Coalition", "Axis of Resistance": a short name of one or two words, then "of" and the rest of an organisation's name.
    else if (free && join === 'of' && left.length <= 2 && isOrgHead(right[right.length - 1]) && right.length <= 3 && left.every((w) => !isPlace(w) && !isTitleHead(w) && !GIVEN_NAMES.has(w.text) && !NON_NAME_WORDS.has(w.text))) joined = true;
    else if (free && isTitleHead(lastLeft) && ofLike) joined = true;
    else if (join === 'and') joined = isOrgHead(right[right.length - 1]) && !left.some((w) => isPlace(w) || isOrgHead(w) || GIVEN_NAMES.has(w.text));
    if (joined) {
      out[out.length - 1] = [...left, ...joins[i - 1], ...right];
      extended[extended.length - 1] = true;
    } else {
      out.push(right);
      extended.push(false);
    }
  }
  return out.filter((s) => s.length > 0);
}

/** Reads one chain into units. */
export function readChain(chain: Chain): Unit[] {
  const units: Unit[] = [];
  for (const whole of segments(chain)) {
    // Trimmed by index, not by repeated slicing: a chain can be as long as a paragraph.
    let from = 0;
    let to = whole.length;
    while (from < to && NON_NAME_WORDS.has(whole[from].text) && !isTitleHead(whole[from])) from++;
    while (to > from && NON_NAME_WORDS.has(whole[to - 1].text)) to--;
    // "FINSTADJORDET, Norway U.S. Secretary of State": of a run of places before a title, only the last describes it.
    while (to - from > 2 && isPlace(whole[from]) && isPlace(whole[from + 1])) from++;
    const seg = whole.slice(from, to);
    if (seg.length === 0) continue;
    units.push(...readSegment(seg));
  }
  return units;
}

function readSegment(seg: Word[]): Unit[] {
  // "the Lebanese Hezbollah": a nationality before a name every desk knows describes it.
  if (seg.length >= 2 && isPlace(seg[0]) && !isPlace(seg[seg.length - 1])) {
    const rest = seg.slice(seg.findIndex((w) => !isPlace(w)));
    const name = phrase(rest);
    if (isKnownOrganisation(name) || isKnownOutlet(name)) return [{ kind: 'name', words: rest, title: [] }];
  }
  const text = phrase(seg);
  if (PLACE_PHRASES.has(text) || seg.every((w) => isPlace(w) || isConnector(w))) return [];
  const firstConnector = seg.findIndex(isConnector);
  let t = -1;
  for (let i = seg.length - 1; i >= 0; i--) {
    if (isTitleHead(seg[i]) && (firstConnector < 0 || i < firstConnector)) {
      t = i;
      break;
    }
  }
  // "Hujjat al-Islam Sadruddin al-Qubanchi": the cleric's rank is two words.
  if (t >= 0 && t + 1 < seg.length - 1 && /^(?:al|ul)-Islam$/i.test(seg[t + 1].text)) t++;
  // "United Nations General Assembly" is an organisation though "General" heads titles; "Head of the … Department" is a title.
  const titleRunsOn = t >= 0 && firstConnector > t;
  const orgHeaded = isOrgHead(seg[seg.length - 1]) || (t < 0 && firstConnector > 0 && isOrgHead(seg[firstConnector - 1]));
  if (orgHeaded && !titleRunsOn) {
    return organization(seg) ? [{ kind: 'organization', words: seg, title: [] }] : [];
  }
  if (t >= 0) {
    // "Secretary of State John Kerry": after "of", the title runs on up to a given name.
    let nameStart = t + 1;
    if (firstConnector > t) {
      const given = seg.findIndex((w, i) => i > firstConnector && GIVEN_NAMES.has(w.text));
      // "Minister of Economy Ehsan Khandoozi": with no given name the lists know, a title of one word after "of"
      // and two name words after it are a title and a name.
      const lastTwo = seg.slice(-2);
      const plain = seg.length - firstConnector - 1 >= 3 && lastTwo.every((w) => personWord(w) && !isPlace(w) && !isOrgHead(w));
      nameStart = given >= 0 ? given : plain ? seg.length - 2 : seg.length;
    }
    const title = seg.slice(0, nameStart);
    const name = seg.slice(nameStart);
    if (name.length > 0 && name.length <= 5 && name.every(personWord)) return [{ kind: 'person', words: name, title }];
    return [{ kind: 'title', words: title, title: [] }];
  }
  if (seg.length <= 5 && seg.every(personWord)) {
    const kind: UnitKind = seg.length >= 2 && (GIVEN_NAMES.has(seg[0].text) || isInitials(seg[0])) ? 'person' : 'name';
    return [{ kind, words: seg, title: [] }];
  }
  if (seg.length === 1 && isAcronym(seg[0]) && !isPlace(seg[0])) return [{ kind: 'name', words: seg, title: [] }];
  return [];
}

/** "Kurdistan", "Iraq": a country's own name (not its adjective), which an organisation's name may begin with. */
const isCountryNoun = (w: Word) => Object.hasOwn(DEMONYMS, w.text) && /^\p{Lu}\p{Ll}+$/u.test(w.text);

/** Bodies every country has that news copy names by the country alone: "Iraqi Parliament", "US Treasury", "U.S. Consulate", "Iraqi Army". */
const COUNTRY_INSTITUTIONS = new Set(['parliament', 'treasury', 'embassy', 'consulate', 'presidency', 'senate', 'congress', 'judiciary', 'army', 'navy']);

/** An organisation's name says more than a country and a head word ("Iraqi Government" is a phrase, not a name), unless the head is a country's institution. */
function organization(seg: Word[]): boolean {
  if (seg.length < 2) return false;
  const head = seg[seg.length - 1];
  if (seg.length === 2 && isPlace(seg[0]) && COUNTRY_INSTITUTIONS.has(key(head))) return true;
  return seg.some((w) => w !== head && !isPlace(w) && !isConnector(w) && !NON_NAME_WORDS.has(w.text));
}

/** The organisation named inside a title: "Supreme National Security Council" in "… Council Secretary". */
export function organizationInTitle(title: Word[]): Word[] | null {
  for (let k = title.length - 1; k > 0; k--) {
    if (!isOrgHead(title[k])) continue;
    let start = k;
    while (start > 0 && isCapitalised(title[start - 1].text) && !isTitleHead(title[start - 1])) start--;
    // "Iranian Supreme National Security Council" is the council; "Kurdistan Democratic Party" keeps its country.
    while (start < k && ((isPlace(title[start]) && !isCountryNoun(title[start])) || NON_NAME_WORDS.has(title[start].text))) start++;
    const org = title.slice(start, k + 1);
    return organization(org) ? org : null;
  }
  return null;
}
