/**
 * The people and organisations one article names, with the roles it gives
 * them in its own words. Evidence decides the kind: a title before a name, a
 * given name, a role in apposition ("X, a senior commander in …"), a speech
 * verb, an organisation's head word, an acronym the article defines, a news
 * medium's noun ("X news agency"). A name with no evidence is left out.
 */
import { type Chain, chains, type Word, words } from './chains';
import { BYLINE_LEAD, DEMONYMS, GIVEN_NAMES, HONORIFICS, MEDIA_NOUNS, ORG_NOUNS_AFTER, PLATFORMS, RELIGIOUS_TITLES, ROLE_NOUNS, ROLE_QUALIFIERS, SPEECH_VERBS, TITLE_HEADS } from './lexicon';
import { isKnownOrganisation, isKnownOutlet, outletFullName } from '../known';
import { skeleton } from './keys';
import { isPlace, organizationInTitle, personWord, phrase, readChain, type Unit } from './units';

export type FoundKind = 'person' | 'organization';

export interface Found {
  kind: FoundKind;
  /** The name as written, words joined by single spaces ("Fuad Hussein", "Fatah Alliance"). */
  name: string;
  /** The shorter form the text uses, when `name` is completed from context ("Foreign Ministry" of "Iranian Foreign Ministry"). */
  alsoNamed?: string;
  /** An acronym the article defines for it: "Kurdistan Regional Government (KRG)". */
  acronym?: string;
  /** Roles in the article's words, each a substring of the paragraph. */
  roles: string[];
  /** Whether a title or a role came with it (a lone name with neither may be a false find). */
  titled: boolean;
  /** An organisation that is a news outlet: a name every desk knows, a masthead word, "X news agency". */
  media?: boolean;
  paragraph: number;
  start: number;
}

/** Spans of the text already named by the curated file: discovery leaves them to it. */
export interface Claimed {
  start: number;
  end: number;
  type: 'person' | 'organization' | 'place';
  /** The name of the entity the curated file claims it for ("Masoud Barzani" for "Barzani"). */
  name?: string;
}

/** Words that describe a group ("Shia militias") rather than name one. */
const ADJECTIVES = new Set(['Shia', 'Shiite', 'Sunni', 'Islamist', 'Jihadist', 'Kurdish', 'Arab', 'Muslim', 'Christian', 'Western', 'Armed', 'Rebel', 'Opposition']);
const CREDIT_MARKER = /\b(?:additional\s+)?(?:reporting|editing|writing|compiled|translated)\s+by\b/i;
const GENERIC_BODY_WORDS = new Set(['foreign', 'interior', 'defense', 'defence', 'finance', 'oil', 'health', 'justice', 'revolutionary', 'armed', 'security', 'intelligence', 'national', 'supreme', 'central', 'state']);
const ACRONYM_AFTER = /^ \(([\p{Lu}][\p{L}]{1,7})\)/u;
const ORG_NOUN_AFTER = /^ ((?:news|[a-z]+)(?: agency| channel| network)?)\b/;
const MEDIA_BEFORE = /\b(?:news agency|news channel|news network|news website|channel|newspaper|daily|broadcaster|television|TV station|agency)\s+$/;
const MEDIA_CONTEXT_BEFORE = /\b(?:according to|quoted by|interview with|told|reported by|cited by)\s+(?:the\s+)?$/i;
const MEDIA_CONTEXT_AFTER = /^\s+(?:reported|is reporting|reports|quoted)\b/;
const APPOSITION = /^,\s+((?:[^,;.!?()\u201c\u201d"]|\([^)]{1,40}\)|\.(?=\w))+?)(?=,|;|\.(?:\s|$)|:|\s+(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)\b|\s+(?:has|have|had|was|is|will|would)\b|$)/u;
const WHO_ROLE = /^,?\s+who\s+(?:(?:is|was|serves as|served as)\s+)?((?:(?:leads|led|heads|headed|chairs|commands)\s+)?(?:[^,;.!?()]|\([^)]{1,40}\))+)/u;
const SPEECH_AFTER = /^(?:,[^,.;]{1,120},)?\s+(?:also\s+|later\s+|then\s+|reportedly\s+|elsewhere\s+|further\s+|on \w+day\s+)*(\p{Ll}+)/u;
/** "…,” said X", "according to X": X speaks. Not "Hoffman said Kataeb Hezbollah …", where X opens what was said. */
const SPEECH_BEFORE = /(?:(?:^|[,"\u201d\u2019]\s*)(?:said|says|added)|\b(?:told|according to|quoted))\s+$/;
const AMONG_OFFICIALS = /^\s+and\s+other\s+(?:[\p{L}-]+\s+){0,2}(?:officials|leaders|lawmakers|ministers|dignitaries|figures|politicians|commanders|clerics|diplomats)\b/u;
const RELAYED_BY_THE = /\b(?:quoted by|reported by|according to|cited by)\s+the\s+$/i;
const CLAUSE_BEFORE = /(?:^|[,;:]\s*|[.!?]\s+)(?:and\s+|while\s+|whereas\s+)?((?:[^,;:.!?()]|\([^)]{1,40}\)){2,140}?),\s*$/u;

/** The credit tail of a paragraph ("– Ammar Karim with Layal Abou Rahal in Beirut, AFP"): names there are journalists. */
function creditStart(paragraph: string): number {
  // "(Additional reporting by A, B and C; Editing by D)": every name after the marker is a journalist.
  const marker = CREDIT_MARKER.exec(paragraph);
  if (marker) return marker.index;
  const dash = Math.max(paragraph.lastIndexOf(' \u2013 '), paragraph.lastIndexOf(' \u2014 '), paragraph.lastIndexOf(' - '));
  if (dash < 0) return paragraph.length;
  const tokens = paragraph.slice(dash + 3).split(/[\s,/]+/).filter((w) => w && !w.includes('.'));
  const lower = tokens.filter((w) => /^\p{Ll}/u.test(w));
  if (tokens.length <= 20 && lower.every((w) => w === 'with' || w === 'and' || w === 'in' || w === 'by' || w === 'from')) return dash;
  return paragraph.length;
}

function firstWords(text: string, n: number): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, n).map((w) => w.replace(/['\u2019]s$/, '').replace(/[^\p{L}-]/gu, ''));
}

const WEB_ADDRESS_AFTER = /^\.(?:com|org|net|info|news|tv|io|co|ir|iq)\b/i;

/** A phrase that gives a role: a role noun among its first words, no verb of speech, not a name list. */
function roleLike(text: string, wordsToHead = 8): boolean {
  const list = text.split(/\s+/);
  if (list.length > 16 || list.length === 0) return false;
  const first = firstWords(text, wordsToHead);
  if (!first.some((w) => ROLE_NOUNS.has(w) || TITLE_HEADS.has(w))) return false;
  if (first.some((w) => SPEECH_VERBS.has(w))) return false;
  return !GIVEN_NAMES.has(list[0]);
}

function cleanRole(text: string): string {
  return text.replace(/^(?:and\s+)?(?:the|a|an)\s+/i, '').replace(/^and\s+/, '').trim();
}

/**
 * A role says what someone is: not a relation to someone else ("his Iranian counterpart"), not a
 * sentence cut at an abbreviation ("seated next to Mr"), not a title of respect alone ("Sheikh"),
 * and not a phrase that runs into another name ("Sayyed Ammar Hakim").
 */
export function isRole(text: string): boolean {
  const list = text.split(/\s+/);
  const last = list[list.length - 1] ?? '';
  if (/^(?:counterpart|counterparts|host|guest|visitor|friend|ally|rival|son|daughter|brother|sister|father|mother|wife|husband|nephew|cousin|uncle)$/i.test(last)) return false;
  if (HONORIFICS.has(last.replace(/\.$/, '').toLowerCase())) return false;
  if (list.length >= 2 && GIVEN_NAMES.has(list[list.length - 2]) && /^(?:(?:al|el)-)?\p{Lu}/u.test(last)) return false;
  return list.some((w) => !HONORIFICS.has(w.replace(/\.$/, '').toLowerCase()));
}

/** "the Shiite cleric Moktada al-Sadr", "his Iraqi counterpart Mohamed Ali al-Hakim": a role right before the name. */
function roleBefore(before: string): string | null {
  const list = before.replace(/\s+$/, '').split(/\s+/);
  const head = list[list.length - 1]?.toLowerCase();
  if (!head || !ROLE_NOUNS.has(head) || before.length === before.trimEnd().length) return null;
  let i = list.length - 1;
  while (i > 0 && list.length - i < 6) {
    const w = list[i - 1];
    if (/[,;:.!?"\u201c\u201d()]$/.test(w) || /^(?:the|a|an|his|her|its|their|with|and|by|to|from|for|of|in|on|at|as|that|who|said|met)$/i.test(w)) break;
    if (/^\p{Ll}+(?:ed)$/u.test(w) && w !== 'armed') break;
    // "told VOA Pentagon correspondent Carla Babb": the verb is the sentence's, not the role's.
    if (SPEECH_VERBS.has(w)) break;
    i--;
  }
  return list.slice(i).join(' ');
}

function possessivePlaceBefore(paragraph: string, at: number): string | null {
  const m = /(\p{Lu}[\p{L}.]*)['\u2019]s\s+$/u.exec(paragraph.slice(Math.max(0, at - 40), at));
  return m && Object.hasOwn(DEMONYMS, m[1]) ? m[1] : null;
}

/** A family member: the claim covers only the unit's last word, a known person's surname, after a given name that is not theirs. */
function relativeOf(claim: Claimed, unit: Unit): boolean {
  if (claim.type !== 'person' || !claim.name || unit.words.length < 2) return false;
  const last = unit.words[unit.words.length - 1];
  if (claim.start !== last.start) return false;
  const given = unit.words[0].text;
  return personWord(unit.words[0]) && GIVEN_NAMES.has(given) && skeleton(given) !== skeleton(claim.name.split(' ')[0]);
}

function overlapsClaimed(claimed: Claimed[], start: number, end: number): Claimed | null {
  for (const c of claimed) if (c.start < end && c.end > start) return c;
  return null;
}

/** Splits "Hashd al-Shaabi Abu Mahdi al-Muhandis" where a given name follows an "al-" surname: two names in a row. */
function splitRuns(unit: Unit): Unit[] {
  if (unit.kind !== 'person' && unit.kind !== 'name') return [unit];
  const out: Unit[] = [];
  let from = 0;
  for (let i = 1; i < unit.words.length; i++) {
    if (/^(?:al|Al|el)-/.test(unit.words[i - 1].text) && GIVEN_NAMES.has(unit.words[i].text)) {
      out.push({ ...unit, words: unit.words.slice(from, i), title: from === 0 ? unit.title : [] });
      from = i;
    }
  }
  out.push({ ...unit, words: unit.words.slice(from), title: from === 0 ? unit.title : [] });
  if (out.length === 1) return out;
  return out.map((u) => ({ ...u, kind: u.title.length > 0 || (u.words.length >= 2 && GIVEN_NAMES.has(u.words[0].text)) ? 'person' : 'name' }));
}

/** Everything one paragraph names. */
function paragraphNames(paragraph: string, index: number, claimed: Claimed[]): Found[] {
  const found: Found[] = [];
  const credit = creditStart(paragraph);
  const list = words(paragraph);
  for (const chain of chains(paragraph, list)) {
    if (chain.start >= credit || BYLINE_LEAD.test(paragraph.slice(Math.max(0, chain.start - 40), chain.start))) continue;
    for (const raw of readChain(chain)) {
      for (const unit of splitRuns(raw)) {
        const f = readUnit(paragraph, index, chain, unit, claimed);
        if (f) found.push(...f);
      }
    }
  }
  return [...found, ...institutions(paragraph, index, claimed)].sort((a, b) => a.start - b.start);
}

const NATIONALITY = `(?:${[...new Set(Object.values(DEMONYMS))].map((d) => d.replace(/\./g, '\\.')).join('|')}|Saudi|Emirati)`;
/**
 * "the Iraqi foreign ministry said", "the US embassy in Baghdad": a country's institution written in lower case.
 * An embassy or a consulate is one only with its city; "Iraqi armed forces" are a country's troops, not a body with a name.
 */
const LOWERCASE_INSTITUTION = new RegExp(
  String.raw`(?<![\p{L}.])${NATIONALITY}\s+(?:(?:foreign|defen[cs]e|interior|oil|finance|intelligence)\s+ministry|(?:embassy|consulate)\s+in\s+\p{Lu}[\p{L}-]+)(?![\p{L}])`,
  'gu',
);

/** "Iraq's foreign ministry said": the same institution, named by its country's possessive; it is the Iraqi foreign ministry. */
const POSSESSIVE_INSTITUTION = new RegExp(
  String.raw`(?<![\p{L}.])(${Object.keys(DEMONYMS).filter((c) => /^\p{Lu}\p{Ll}+$/u.test(c)).join('|')})['\u2019]s\s+((?:foreign|defen[cs]e|interior|oil|finance|intelligence)\s+ministry)(?![\p{L}])`,
  'gu',
);

function institutions(paragraph: string, index: number, claimed: Claimed[]): Found[] {
  const out: Found[] = [];
  LOWERCASE_INSTITUTION.lastIndex = 0;
  // The country in the name is a place the curated file knows; that is no claim on the institution.
  const named = claimed.filter((c) => c.type !== 'place');
  for (let m = LOWERCASE_INSTITUTION.exec(paragraph); m !== null; m = LOWERCASE_INSTITUTION.exec(paragraph)) {
    if (overlapsClaimed(named, m.index, m.index + m[0].length)) continue;
    out.push({ kind: 'organization', name: m[0].replace(/\s+/g, ' '), roles: [], titled: false, paragraph: index, start: m.index });
  }
  POSSESSIVE_INSTITUTION.lastIndex = 0;
  for (let m = POSSESSIVE_INSTITUTION.exec(paragraph); m !== null; m = POSSESSIVE_INSTITUTION.exec(paragraph)) {
    if (overlapsClaimed(named, m.index, m.index + m[0].length)) continue;
    const name = `${DEMONYMS[m[1]]} ${m[2].replace(/\s+/g, ' ')}`;
    out.push({ kind: 'organization', name, alsoNamed: m[0].replace(/\s+/g, ' '), roles: [], titled: false, paragraph: index, start: m.index });
  }
  return out;
}

function readUnit(paragraph: string, index: number, chain: Chain, unit: Unit, claimed: Claimed[]): Found[] | null {
  const first = unit.words[0];
  const last = unit.words[unit.words.length - 1];
  const start = first.start;
  const end = last.possessive ? last.end - 2 : last.end;
  const chainEnd = chain.words[chain.words.length - 1];
  const isLastInChain = last === chainEnd;
  const after = isLastInChain && !last.possessive ? paragraph.slice(end, end + 200) : '';
  const titleStart = unit.title.length > 0 ? unit.title[0].start : start;
  const before = paragraph.slice(Math.max(0, titleStart - 160), titleStart);
  const out: Found[] = [];
  if (unit.kind === 'title') {
    const org = organizationInTitle(unit.words);
    if (org && !overlapsClaimed(claimed, org[0].start, org[org.length - 1].end)) out.push(orgFound(org, index));
    return out;
  }
  const claim = overlapsClaimed(claimed, start, end);
  if (unit.title.length > 0) {
    const org = organizationInTitle(unit.title);
    if (org && !overlapsClaimed(claimed, org[0].start, org[org.length - 1].end)) out.push(orgFound(org, index));
  }
  // The curated file names it already; a place inside an organisation's name ("Islamic Resistance in Iraq") is no claim on it,
  // nor is a known surname after another given name: "Nechirvan Barzani" is not Masoud Barzani, "Zeinab Soleimani" not Qassem.
  if (claim && (claim.type !== 'place' || unit.kind !== 'organization') && !relativeOf(claim, unit)) return out;
  const name = phrase(unit.words);
  const acronym = ACRONYM_AFTER.exec(after)?.[1];
  const nounAfter = ORG_NOUN_AFTER.exec(after)?.[1];
  const mediaBefore = MEDIA_BEFORE.test(before);
  const single = unit.words.length === 1;
  // "Local television showed …": a capital that opens a sentence says nothing about a name.
  const opensSentence = (start === 0 || /(?:[.!?:]["\u201d\u2019]?\s+|["\u201c]\s*)$/.test(paragraph.slice(Math.max(0, start - 6), start))) && !/\p{Lu}.*\p{Lu}/u.test(name);

  // "Kurdistan Workers' Party (PKK)": the acronym in brackets is the name before it, read with it (ACRONYM_AFTER).
  if (single && /^\p{Lu}[\p{Lu}\d]+$/u.test(name) && /\(\s*$/.test(before)) return out;
  // "IRGC Quds Force": an acronym before a name is an organisation of its own, the name another; but the
  // "UN Security Council" is one, a generic body being no name without its owner.
  if (unit.kind === 'organization' && unit.words.length >= 3 && /^\p{Lu}[\p{Lu}\d]{1,6}$/u.test(unit.words[0].text) && !isPlace(unit.words[0]) && !genericBody(unit.words.slice(1))) {
    return [...out, orgFound(unit.words.slice(0, 1), index), orgFound(unit.words.slice(1), index)];
  }
  // "Rudaw", "The National", "the Pentagon", "Hamas": names every desk knows are never a person's.
  const known = knownKind(name, before);
  if (known) {
    const f = orgFound(unit.words, index);
    f.name = known.name;
    if (known.written !== known.name) f.alsoNamed = known.written;
    if (known.media) f.media = true;
    out.push(f);
    return out;
  }

  if (unit.kind === 'organization') {
    const f = orgFound(unit.words, index);
    if (MEDIA_HEAD.test(name) || mediaBefore) f.media = true;
    if (acronym && /\p{Lu}.*\p{Lu}/u.test(acronym)) f.acronym = acronym;
    const place = possessivePlaceBefore(paragraph, start);
    // "Iran's Foreign Ministry" is the Iranian Foreign Ministry, and also what the article calls it.
    out.push(place && genericBody(unit.words) ? { ...f, name: `${DEMONYMS[place]} ${name}`, alsoNamed: name } : f);
    return out;
  }

  // Person evidence: a title, a given name, a role beside the name, a verb of speech.
  const roles: string[] = [];
  // "Sheikh Akram al-Kaabi", "Mr Hussein": a title of respect is no office, so the role may stand before it.
  const honorific = unit.title.length > 0 && unit.title.every((w) => HONORIFICS.has(w.text.replace(/\.$/, '').toLowerCase()));
  if (unit.title.length > 0 && !honorific) {
    // "Iraq's former Prime Minister": the qualifier and the country belong to the role.
    const qualifier = ROLE_QUALIFIERS.exec(before)?.[1] ?? '';
    const from = titleStart - qualifier.length;
    const place = possessivePlaceBefore(paragraph, from);
    const titleText = paragraph.slice(titleStart, unit.title[unit.title.length - 1].end);
    const lead = place ? paragraph.slice(paragraph.lastIndexOf(place, from), from) : '';
    roles.push(cleanRole(`${lead}${qualifier}${titleText}`));
  }
  const clause = CLAUSE_BEFORE.exec(before);
  if (clause && (unit.title.length === 0 || honorific)) {
    // The whole clause ("The Secretary General of Iraq's Nujaba Movement, Sheikh …"), or its last noun phrase
    // ("… summoned the Turkish ambassador to Baghdad, Fatih Yildiz").
    const tail = /(?:^|\s)((?:the|a|an)\s.*)$/i.exec(clause[1])?.[1];
    const phrase = roleLike(clause[1], 6) ? clause[1] : tail && roleLike(tail, 6) ? tail : null;
    if (phrase && !/\b(?:said|told)\b/.test(phrase)) roles.push(cleanRole(phrase));
  }
  const apposition = APPOSITION.exec(after);
  // "A, Adviser of Iraq, B": the phrase between two names is the second one's title.
  const nextIsName = apposition && /^,\s+(?:and\s+)?\p{Lu}/u.test(after.slice(apposition[0].length)) && GIVEN_NAMES.has(after.slice(apposition[0].length).replace(/^,\s+(?:and\s+)?/, '').split(/\s/)[0]);
  if (apposition && !nextIsName && roleLike(apposition[1])) roles.push(cleanRole(apposition[1]));
  const who = WHO_ROLE.exec(after);
  if (who && (roleLike(who[1]) || /^(?:leads|led|heads|headed|chairs|commands)\s/.test(who[1]))) roles.push(cleanRole(who[1]));
  if (unit.title.length === 0) {
    const lower = roleBefore(before);
    if (lower) roles.push(cleanRole(lower));
  }
  const verb = SPEECH_AFTER.exec(after)?.[1];
  // "Mashhadani and other Iraqi officials attended": one of a group of officials is a person.
  const speaks = (verb !== undefined && SPEECH_VERBS.has(verb)) || SPEECH_BEFORE.test(before) || AMONG_OFFICIALS.test(after);
  // "Imam Hussein", "Prophet Muhammad": one given name after a religious title is a person.
  const religious = single && unit.title.some((w) => RELIGIOUS_TITLES.has(w.text.toLowerCase()));
  const personEvidence = unit.kind === 'person' || roles.length > 0 || religious;

  // "told Polygraph.info": a name written as a web address is a site, whoever it is told to.
  const site = WEB_ADDRESS_AFTER.test(after);
  const medium = site || (nounAfter !== undefined && /^news\b/.test(nounAfter) && /^\p{Lu}/u.test(name));
  const orgEvidence =
    medium ||
    (acronym !== undefined && !personEvidence) ||
    (nounAfter !== undefined &&
      (ORG_NOUNS_AFTER.has(nounAfter) || MEDIA_NOUNS.has(nounAfter.split(' ')[0])) &&
      !personEvidence &&
      !(single && (ADJECTIVES.has(name.replace(/['\u2019]/g, '')) || opensSentence))) ||
    (mediaBefore && !personEvidence) ||
    (single && PLATFORMS.has(name)) ||
    (/^\p{Lu}{2,6}$/u.test(name) && (MEDIA_CONTEXT_BEFORE.test(before) || MEDIA_CONTEXT_AFTER.test(after))) ||
    // "quoted by the Citadel": a name that takes "the" and relays words is an outlet, not a person.
    (single && RELAYED_BY_THE.test(before));
  if (orgEvidence) {
    const f = orgFound(unit.words, index);
    if (acronym && /\p{Lu}.*\p{Lu}/u.test(acronym)) f.acronym = acronym;
    if (medium || mediaBefore || (nounAfter !== undefined && MEDIA_NOUNS.has(nounAfter.split(' ')[0])) || MEDIA_CONTEXT_BEFORE.test(before) || MEDIA_CONTEXT_AFTER.test(after) || RELAYED_BY_THE.test(before)) f.media = true;
    if (single && RELAYED_BY_THE.test(before)) f.name = `The ${name}`;
    // "Victory bloc": one word is too common a name on its own.
    if (single && nounAfter && ORG_NOUNS_AFTER.has(nounAfter) && !/^\p{Lu}+$/u.test(name) && !/news/.test(nounAfter)) f.name = `${name} ${nounAfter}`;
    out.push(f);
    return out;
  }
  if (personEvidence || (speaks && !single)) {
    if (unit.words.some(isPlace)) return out;
    // "Imam Hussein" is the name a religious figure goes by; "Hussein" alone would be anyone's.
    if (religious) {
      out.push({ kind: 'person', name: phrase([...unit.title.slice(-1), ...unit.words]), roles: [], titled: true, paragraph: index, start: unit.title[unit.title.length - 1].start });
      return out;
    }
    out.push({ kind: 'person', name, roles: [...new Set(roles.filter((r) => r.length > 1 && isRole(r)))], titled: roles.length > 0 || unit.title.length > 0, paragraph: index, start });
    return out;
  }
  if (single && speaks && !/^\p{Lu}+$/u.test(name)) {
    // A surname on its own: kept as a lead for the article's full names to claim.
    out.push({ kind: 'person', name, roles: [], titled: false, paragraph: index, start });
  }
  return out;
}

/** A masthead's last word: "Wall Street Journal", "Tehran Times", "Shafaq News", "Press TV". */
const MEDIA_HEAD = /\s(?:News|News Agency|Times|Post|Journal|Herald|Gazette|Tribune|Telegraph|Chronicle|TV|Television|Radio|Broadcasting|Channel|Daily)$/;

/** A name every desk knows, as the text writes it or with the "The" before it ("The National"). */
function knownKind(name: string, before: string): { name: string; written: string; media: boolean } | null {
  const withThe = /(?:^|\s)The\s+$/.test(before) ? `The ${name}` : null;
  for (const n of [withThe, name]) {
    // "Fars", "PressTV": by the outlet's full name, with the form the text wrote.
    if (n && isKnownOutlet(n)) return { name: outletFullName(n), written: n, media: true };
  }
  return isKnownOrganisation(name) ? { name, written: name, media: false } : null;
}

/** "Foreign Ministry", "Revolutionary Guard": a body every country has, named by its country. */
function genericBody(list: Word[]): boolean {
  return list.length <= 3 && list.slice(0, -1).every((w) => GENERIC_BODY_WORDS.has(w.text.toLowerCase()));
}

function orgFound(list: Word[], paragraph: number): Found {
  return { kind: 'organization', name: phrase(list), roles: [], titled: false, paragraph, start: list[0].start };
}

/** Every person and organisation an article names, in text order, before merging forms. */
export function articleNames(paragraphs: string[], claimedByParagraph: Claimed[][]): Found[] {
  return paragraphs.flatMap((p, i) => paragraphNames(p, i, claimedByParagraph[i] ?? []));
}
