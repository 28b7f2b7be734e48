/**
 * Role references: "the top diplomat said", "the Iranian official told",
 * "the ministry added". A role points to a person or organisation only when
 * it agrees with what the article and the corpus say of exactly one of those
 * the text has named: the office fits their role, and a country in the
 * reference is theirs ("the top U.S. diplomat" is never Jordan's foreign
 * minister). Two that fit equally are no answer, unless one of them is the
 * person the text is about.
 */
import { GROUP_HEADS } from './patterns';

/** What a person's role must say for a head noun to fit them. */
const HEAD_ROLE_WORDS: Record<string, string[]> = {
  spokesman: ['spokesman', 'spokeswoman', 'spokesperson'],
  spokeswoman: ['spokesman', 'spokeswoman', 'spokesperson'],
  spokesperson: ['spokesman', 'spokeswoman', 'spokesperson'],
  envoy: ['ambassador', 'envoy'],
  ambassador: ['ambassador', 'envoy'],
  diplomat: ['foreign minister', 'minister of foreign affairs', 'secretary of state', 'ambassador', 'envoy', 'diplomat'],
  president: ['president'],
  premier: ['prime minister', 'premier'],
  minister: ['minister'],
  leader: ['leader', 'head of', 'secretary general', 'secretary-general', 'chief of'],
  head: ['head', 'leader', 'chief', 'secretary general', 'secretary-general', 'chairman'],
  chief: ['chief', 'head'],
  chairman: ['chairman', 'head of'],
  cleric: ['cleric', 'ayatollah', 'sheikh', 'imam', 'hojatoleslam', 'hujjat al-islam', 'hojjat al-islam', 'scholar'],
  scholar: ['scholar', 'cleric', 'ayatollah', 'imam', 'hojatoleslam', 'hujjat al-islam', 'hojjat al-islam'],
  general: ['general', 'commander'],
  commander: ['commander', 'general'],
  secretary: ['secretary'],
  advisor: ['advisor', 'adviser'],
  adviser: ['advisor', 'adviser'],
  member: ['member', 'lawmaker', 'mp', 'deputy'],
  lawmaker: ['member of parliament', 'lawmaker', 'mp', 'member of the', 'parliamentarian'],
  mp: ['member of parliament', 'lawmaker', 'mp', 'parliamentarian'],
  speaker: ['speaker'],
  governor: ['governor'],
  mayor: ['mayor'],
  // "the senior State Department official": only someone whose role is "official", or one person of the country named.
  official: ['official'],
};

/** Heads so general that only a country in the reference can single a person out ("the Iranian official"). */
const GENERIC_HEADS = new Set(['official']);

/** Modifiers that change the office, so a role must say them too ("the *foreign* minister", "the *former* president"). */
const OFFICE_MODIFIERS = new Set([
  'prime',
  'foreign',
  'deputy',
  'vice',
  'former',
  'interior',
  'defense',
  'defence',
  'finance',
  'oil',
  'acting',
  'military',
  'supreme',
  'security',
  'parliamentary',
  'parliament',
]);

/** Words of a reference that say nothing of whom it means. */
const EMPTY_MODIFIERS = new Set(['the', 'a', 'an', 'top', 'senior', 'veteran', 'high-ranking', 'country’s', "country's", 'also', 'its', 'his', 'her']);

/** Countries and the words that name them, folded to one key. */
const COUNTRY_WORDS = new Map<string, string>(Object.entries({
  iran: 'iran',
  iranian: 'iran',
  "iran's": 'iran',
  'iran’s': 'iran',
  tehran: 'iran',
  persian: 'iran',
  iraq: 'iraq',
  iraqi: 'iraq',
  "iraq's": 'iraq',
  'iraq’s': 'iraq',
  baghdad: 'iraq',
  'u.s.': 'us',
  us: 'us',
  american: 'us',
  america: 'us',
  washington: 'us',
  'united states': 'us',
  kurdish: 'kurdistan',
  kurdistan: 'kurdistan',
  erbil: 'kurdistan',
  israel: 'israel',
  israeli: 'israel',
  syria: 'syria',
  syrian: 'syria',
  russia: 'russia',
  russian: 'russia',
  moscow: 'russia',
  turkey: 'turkey',
  turkish: 'turkey',
  ankara: 'turkey',
  jordan: 'jordan',
  jordanian: 'jordan',
  saudi: 'saudi',
  riyadh: 'saudi',
  lebanon: 'lebanon',
  lebanese: 'lebanon',
  britain: 'uk',
  british: 'uk',
  'u.k.': 'uk',
  uk: 'uk',
  france: 'france',
  french: 'france',
  germany: 'germany',
  german: 'germany',
  china: 'china',
  chinese: 'china',
  qatar: 'qatar',
  qatari: 'qatar',
  egypt: 'egypt',
  egyptian: 'egypt',
  kuwait: 'kuwait',
  kuwaiti: 'kuwait',
  'u.n.': 'un',
  un: 'un',
  'united nations': 'un',
}));

/** The countries a text names, folded ("Iranian Foreign Ministry spokesman" → iran). */
export function countriesIn(text: string): Set<string> {
  const found = new Set<string>();
  const lower = text.toLowerCase();
  for (const raw of lower.split(/[\s,;()]+/)) {
    const word = raw.replace(/['’]s$/, '');
    const key = COUNTRY_WORDS.get(word) ?? COUNTRY_WORDS.get(word.replace(/\.$/, ''));
    if (key) found.add(key);
  }
  if (lower.includes('united states')) found.add('us');
  if (lower.includes('united nations')) found.add('un');
  return found;
}

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

export interface PersonCandidate {
  entity: string;
  /** Every role the article and the corpus give them, lower-cased. */
  roles: string[];
}

/**
 * The one person a role reference fits, or null. Office words must be in
 * one of their roles; a country in the reference must be theirs and no other
 * country may be; with several that fit, the best-agreeing wins, and a tie is no answer.
 */
/** The words a role must hold for a reference with this head to fit it ("diplomat": foreign minister, ambassador…). */
function roleWordsOf(headKey: string): string[] {
  return Object.hasOwn(HEAD_ROLE_WORDS, headKey) ? HEAD_ROLE_WORDS[headKey] : [headKey];
}

/**
 * Whether a description may be of one whose roles are these: its head fits one of them, and the countries it
 * names are theirs, or their roles name none ("the Iraqi scholar" and one the text called "Hujjat al-Islam").
 */
export function describes(modifiers: string, head: string, roles: string[]): boolean {
  const headKey = head.toLowerCase();
  const headWords = roleWordsOf(headKey);
  if (!roles.some((r) => headWords.some((h) => r.includes(h)))) return false;
  const wanted = countriesIn(modifiers);
  const theirs = countriesIn(roles.join(' ; '));
  return theirs.size === 0 || [...wanted].every((k) => theirs.has(k));
}

export function resolvePersonRole(modifiers: string, head: string, candidates: PersonCandidate[], complement = '', topic: string | null = null): string | null {
  const headKey = head.toLowerCase();
  const headWords = roleWordsOf(headKey);
  const mods = words(modifiers).filter((w) => !EMPTY_MODIFIERS.has(w));
  const wanted = countriesIn(mods.join(' '));
  const office = mods.filter((w) => OFFICE_MODIFIERS.has(w));
  const generic = GENERIC_HEADS.has(headKey);
  let best: string | null = null;
  let bestScore = 0;
  let tie = false;
  let topicScore = -1;
  for (const c of candidates) {
    const roleText = c.roles.join(' ; ');
    const theirs = countriesIn(roleText);
    if (wanted.size > 0 && ![...wanted].every((k) => theirs.has(k))) continue;
    const fitsHead = c.roles.some((r) => headWords.some((h) => r.includes(h)));
    // "the Iranian official": every Iranian with a role is an official, and only a country can say which.
    if (!fitsHead && !(generic && wanted.size > 0 && c.roles.length > 0)) continue;
    if (office.some((w) => !c.roles.some((r) => words(r).includes(w)))) continue;
    // "the minister" is not the prime minister, unless the reference says prime.
    if (headKey === 'minister' && !office.includes('prime') && c.roles.every((r) => /prime minister/.test(r) || !r.includes('minister'))) continue;
    // "the spokesman for the Foreign Ministry": the complement's words count for whom they describe.
    const detail = [...mods, ...words(complement).filter((w) => w.length > 3 && !EMPTY_MODIFIERS.has(w))];
    const score = 1 + (wanted.size > 0 ? 2 : 0) + detail.filter((w) => c.roles.some((r) => words(r).includes(w))).length;
    if (c.entity === topic) topicScore = score;
    if (score > bestScore) {
      best = c.entity;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  // Two that fit equally: the one the text is about is the one meant ("Larijani was welcomed … The Iranian official told").
  if (tie && topicScore === bestScore) return topic;
  return tie ? null : best;
}

export interface OrganizationCandidate {
  entity: string;
  name: string;
}

/**
 * "the ministry", "the alliance": the organisation named last before it whose
 * name has that word; a group-like word ("the group", "the alliance") may also
 * mean the organisation the text is about, whatever its name.
 */
export function resolveOrganizationRole(head: string, named: OrganizationCandidate[], about: string | null): string | null {
  const key = head.toLowerCase();
  for (let i = named.length - 1; i >= 0; i--) {
    if (named[i].name.toLowerCase().includes(key)) return named[i].entity;
  }
  return GROUP_HEADS.has(key) ? about : null;
}
