/**
 * Frames: the places in a sentence that name a speaker ("Zarif said",
 * "according to Fuad Hussein", "Tasnim quoted X as saying", "he added", "the
 * top diplomat emphasized"). Each frame says who, by which cue.
 */
import { ROLE_NOUNS, TITLE_MODIFIERS } from '../discovery/lexicon';
import type { Mention } from '../types';
import {
  AFTER_PERSON,
  AFTER_SUBJECT,
  DESCRIPTOR_SUBJECT,
  NEAR,
  ORG_HEADS,
  PERSON_HEAD,
  PERSON_HEADS,
  PRONOUN_SUBJECT,
  STATEMENT_SUBJECT,
  WEAK_VERB,
} from './patterns';
import { describes, type PersonCandidate, resolveOrganizationRole, resolvePersonRole } from './roles';
import type { Frame } from './types';

/** Index of the first item whose key is >= value, in a list sorted by that key. */
export function lowerBound<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the text has said so far that a frame may point back to. */
export interface Context {
  /** The person the text is about: the referent of "he". */
  subject: string | null;
  subjectParagraph: number;
  /** The organisation the text is about: the referent of "it". */
  orgSubject: string | null;
  /** Who issued the statement "the statement said" quotes. */
  statementBy: string | null;
  /** Where each entity was last named, in text offsets. */
  lastNamed: Map<string, number>;
  /** Heads of the unnamed people the text brought in ("a spokesman"): "the spokesman" may be one of them. */
  anonymousHeads: Set<string>;
  roles: ReadonlyMap<string, string[]>;
  names: Readonly<Record<string, { name: string; type: string }>>;
  paragraph: number;
}

/** Title words between a relay and its name: "according to Defense Department spokesman Jonathan Hoffman". */
const TITLE_RUN = new RegExp(
  String.raw`^\s{1,3}(?:the\s+)?(?:(?:\p{Lu}[\p{L}.'\u2019-]*|of|for|the|and|${[...ROLE_NOUNS, ...TITLE_MODIFIERS].filter((w) => /^[a-z-]+$/.test(w)).join('|')})\s+){0,8}$`,
  'u',
);
const PRONOUN_OBJECT = /^\s+(him|her)\s+as\s+saying\b/;
const AS_SAYING = /^\s+as\s+saying\b/;
/** "A statement on Telegram by X, …, dismissed": the statement's author is its speaker. */
const STATEMENT_BY = /\b(?:statement|message|post|tweet|letter|communiqu[e\u00e9])\b[^,;.!?]{0,60}\bby\s+(?:the\s+)?$/i;
const PREPOSITIONS = new Set('to of at for from in with by on about against toward towards between among addressing asked'.split(' '));
const DETERMINERS = new Set('the his her its their a an'.split(' '));

/**
 * Whether a name is the object of a preposition, past its titles: "with Iranian Foreign Minister Abbas Araghchi",
 * "commander of Hashd al-Shaabi"; but "Secretary of State John Kerry" is a title with "of" inside it.
 */
export function objectOfPreposition(before: string): boolean {
  const words = before.trimEnd().split(/\s+/).slice(-10);
  let i = words.length - 1;
  while (i >= 0) {
    const w = words[i];
    if (/^[\p{Lu}\p{N}]/u.test(w) && !/[,;:.!?"\u201c\u201d]$/.test(w.replace(/^(?:\p{L}\.)+$/u, 'U'))) i--;
    else if (/^(?:of|for|the|and)$/.test(w) && i > 0 && /^\p{Lu}/u.test(words[i - 1])) i--;
    // "President of the Kurdistan Democratic Party Masoud Barzani": "of the" inside a title.
    else if (w === 'the' && i > 1 && /^(?:of|for)$/.test(words[i - 1]) && /^\p{Lu}/u.test(words[i - 2])) i -= 2;
    else break;
  }
  if (i >= 0 && DETERMINERS.has(words[i].toLowerCase())) i--;
  return i >= 0 && PREPOSITIONS.has(words[i].toLowerCase());
}

/**
 * "Speaking at a press conference with X, Y said", "Asked about X, the ambassador said":
 * an opening phrase up to its comma holds no subject of the sentence.
 */
export function openingPhraseEnd(masked: string): number {
  const m = /^\s*(?:\p{Lu}\p{Ll}+ing|Asked|In|During|After|Before|Following|On|At|Upon|Since|While|When|Despite|Amid|Unlike|Like|Along with|Together with)\b[^,;"\u201c\u201d]{0,200},/u.exec(masked);
  return m ? m[0].length : 0;
}
/** "Kerry and Lavrov said", "President Biden and Prime Minister al-Kadhimi announced": two speakers, no one's words alone. */
const JOINED_NAME_BEFORE = /\p{Lu}[\p{L}.'\u2019-]*\s+(?:and|&)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'\u2019-]*\s+){0,5}$/u;
/** "The Iraqi prime minister identified …": a definite role that opens a sentence and heads its predicate. */
const HEAD_REFERENCE = new RegExp(
  String.raw`^\s*[Tt]he\s+((?:(?!(?:and|or|of|to|in|for|with)\s)[\p{L}.'\u2019-]+\s+){0,3}?)(${PERSON_HEAD(PERSON_HEADS)})((?:\s+(?:for|of|to|at|in)\s+[^,;:"\u201c\u201d]{1,60}?)?)(?:\s+(?:also|then|further|later|previously|again))*\s+\p{Ll}+(?:ed|s)\b`,
  'u',
);
/** "noted the Iraqi foreign minister.": a definite role right after the verb, ending the clause. */
const INVERTED_ROLE = new RegExp(String.raw`^\s+the\s+((?:[\p{L}.'\u2019-]+\s+){0,3}?)(${PERSON_HEADS.join('|')})(?=\s*(?:[,.;]|$|\s+(?:on|in|at|during)\b))`, 'iu');
/** Words right after a verb that make the sentence a bare "said X": "said Iraqi Foreign Minister Fuad Hussein". */
const INVERTED_VERB = /^(?:said|says|added|continued|explained|noted|concluded|wrote|stated)$/;

export function isOrganization(ctx: Context, entity: string): boolean {
  return ctx.names[entity]?.type === 'organization' || ctx.names[entity]?.type === 'media';
}

/** A reference at the head of a sentence ("The President also addressed …, referring to …"): whom it means, if one person fits. */
export function headReference(ctx: Context, masked: string, offset: number, from: number): { speaker: string; start: number; end: number } | null {
  const m = HEAD_REFERENCE.exec(masked.slice(from, from + 160));
  if (!m) return null;
  const start = offset + from + m[0].indexOf(m[1] || m[2]);
  const speaker = resolveReference(ctx, `the ${m[1]}`, m[2], start, m[3] ?? '');
  return speaker ? { speaker, start, end: offset + from + m[0].length } : null;
}

/** People named before a position, with every role the corpus gives them: whom a role reference may mean. */
function candidatesBefore(ctx: Context, position: number): PersonCandidate[] {
  const out: PersonCandidate[] = [];
  for (const [entity, at] of ctx.lastNamed) {
    if (at >= position || isOrganization(ctx, entity)) continue;
    out.push({ entity, roles: ctx.roles.get(entity) ?? [] });
  }
  return out;
}

/** Organisations named before a position, oldest first. */
function organizationsBefore(ctx: Context, position: number): { entity: string; name: string }[] {
  return [...ctx.lastNamed]
    .filter(([entity, at]) => at < position && ctx.names[entity]?.type === 'organization')
    .sort((a, b) => a[1] - b[1])
    .map(([entity]) => ({ entity, name: ctx.names[entity].name }));
}

/** "the top diplomat", "the Iranian official", "the ministry": who a role reference means here, or null. */
export function resolveReference(ctx: Context, modifiers: string, head: string, position: number, complement = ''): string | null {
  const key = head.toLowerCase();
  // "an Iraqi official said": an anonymous source, whoever was named before.
  if (/^(?:an?|one|another)\s/i.test(modifiers)) return null;
  if (ORG_HEADS.has(key)) return resolveOrganizationRole(key, organizationsBefore(ctx, position), ctx.orgSubject);
  // "the military spokesperson for Prime Minister Mohammed al-Sudani": someone of that person's, whom no role named before can tell.
  if (namesPerson(ctx, complement)) return null;
  const candidates = candidatesBefore(ctx, position);
  return resolvePersonRole(modifiers, key, candidates, complement, pronounSubject(ctx)) ?? onlyOneNamed(ctx, candidates, modifiers, key);
}

/** Whether a reference's complement ("for Prime Minister X") names a person the text knows. */
function namesPerson(ctx: Context, complement: string): boolean {
  if (!complement) return false;
  return Object.values(ctx.names).some((e) => e.type === 'person' && e.name.includes(' ') && complement.includes(e.name));
}

/** Heads that name a source the text may never name ("the official", "the source"): never read as the one person named. */
const ANONYMOUS_HEADS = new Set(['official', 'source', 'diplomat']);

/**
 * "… al-Kaabi called it worthless. … the cleric announced": when one person has been named so far (quotes
 * aside) and the text never said what they are, or said something the description fits, a definite description can only
 * be them, unless the text brought in an unnamed one with the same word ("a spokesman said … the spokesman
 * added"). One whose role the text gave is not described by another ("Prime Minister Jaber … the ambassador said").
 */
function onlyOneNamed(ctx: Context, candidates: PersonCandidate[], modifiers: string, head: string): string | null {
  if (candidates.length !== 1 || ANONYMOUS_HEADS.has(head) || ctx.anonymousHeads.has(head)) return null;
  const [only] = candidates;
  return only.roles.length === 0 || describes(modifiers, head, only.roles) ? only.entity : null;
}

/** A role frame: its speaker if it fits someone named before; otherwise the reference, kept for someone named just after. */
function roleFrame(ctx: Context, start: number, end: number, modifiers: string, head: string, complement: string, weak: boolean): Frame {
  const speaker = resolveReference(ctx, modifiers, head, start, complement);
  const frame: Frame = { start, end, speaker, kind: 'role', confidence: 'inferred', weak };
  const indefinite = /^(?:an?|one)\s/i.test(modifiers);
  // Someone who speaks unnamed ("a spokesman for the militia said"): "the spokesman" may be them.
  if (indefinite) ctx.anonymousHeads.add(head.toLowerCase());
  // "an Iraqi official", "a source": anonymous; "a spokesman for the militia" may be named in the next paragraph.
  if (!speaker && !ORG_HEADS.has(head.toLowerCase()) && !(indefinite && (head.toLowerCase() === 'official' || !complement))) {
    frame.reference = { modifiers, head, complement, at: start, indefinite };
  }
  return frame;
}

interface Located {
  mention: Mention;
  kind: Frame['kind'];
}

/**
 * The name that heads "X said": the nearest one before the verb joined to it by
 * nothing but a phrase in commas, dashes, asides and adverbs. A name inside
 * another's apposition ("Fadi al-Shammari, advisor to Prime Minister al-Sudani,
 * told") is not the subject; the name before it is. A name after a preposition
 * is no subject, except the author of "a statement by X".
 */
function subjectBefore(masked: string, offset: number, verbAt: number, people: Mention[], opening: number): Located | null | 'joint' {
  const last = lowerBound(people, (p) => p.end - offset, verbAt + 1) - 1;
  for (let i = last; i >= 0 && i > last - 4; i--) {
    const named = people[i];
    if (verbAt - (named.end - offset) > 3 * NEAR || named.start - offset < opening) return null;
    const between = masked.slice(named.end - offset, verbAt);
    // An unclosed role apposition (", a member of the Legal Committee told") describes a person, never an organisation.
    if (!AFTER_SUBJECT.test(between) && !(named.type === 'person' && AFTER_PERSON.test(between))) continue;
    const before = masked.slice(Math.max(0, named.start - offset - 80), named.start - offset);
    if (STATEMENT_BY.test(before)) return { mention: named, kind: 'statement' };
    if (objectOfPreposition(before)) continue;
    // "The Secretary General of the Badr Organization pointed out": the organisation names whose title speaks.
    if (named.type !== 'person' && /\b(?:of|for)\s+(?:the\s+)?$/i.test(before)) continue;
    // "Hamid Hosseini, the spokesperson of the Oil, Gas, and Petrochemical … Union, said": the organisation ends the person's apposition.
    const holder = named.type !== 'person' ? roleHolderBefore(masked, offset, people, i, opening) : null;
    if (holder) return { mention: holder, kind: 'verb' };
    if (JOINED_NAME_BEFORE.test(before)) return 'joint';
    const head = appositionHead(masked, offset, people, i, opening);
    return { mention: head ?? named, kind: 'verb' };
  }
  return null;
}

/** ", the spokesperson of", ", a senior commander in": an apposition that says what the person before it is. */
const ROLE_APPOSITION_OPENING = new RegExp(String.raw`^\s*,\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}?(?:${PERSON_HEADS.join('|')})\s+(?:of|for|at|in|to)\b[^;"\u201c\u201d]{0,140}$`, 'u');

/** The person whose role apposition an organisation ends ("X, the spokesperson of … Union, said"), if any. */
function roleHolderBefore(masked: string, offset: number, people: Mention[], i: number, opening: number): Mention | null {
  // The apposition may name a few things of its own before the organisation ends it; bounded, so the cost stays linear.
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const holder = people[k];
    if (holder.start - offset < opening) return null;
    if (holder.type !== 'person' || !ROLE_APPOSITION_OPENING.test(masked.slice(holder.end - offset, people[i].start - offset))) continue;
    return objectOfPreposition(masked.slice(Math.max(0, holder.start - offset - 80), holder.start - offset)) ? null : holder;
  }
  return null;
}

/**
 * "X, political advisor to Prime Minister Y, told": Y sits in X's apposition.
 * The apposition opens with a comma right after X and has a lower-case word;
 * X itself must be able to head the sentence (not after a preposition).
 */
function appositionHead(masked: string, offset: number, people: Mention[], i: number, opening: number): Mention | null {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const head = people[k];
    const gap = masked.slice(head.end - offset, people[i].start - offset);
    if (gap.length > 140 || head.start - offset < opening) return null;
    if (!/^\s*,\s+[^,;"\u201c\u201d]*$/.test(gap) || !/(?:^|\s)\p{Ll}/u.test(gap.replace(/^\s*,\s*/, ' '))) continue;
    if (/^\s*,\s+(?:and|or|but|while|who|which|as|when|after|before)\b/.test(gap)) return null;
    const before = masked.slice(Math.max(0, head.start - offset - 80), head.start - offset);
    return objectOfPreposition(before) || (head.type !== people[i].type && head.type !== 'person') ? null : head;
  }
  return null;
}

/** "said PMF media representative Mohannad Hussein": of names joined by titles, the last is the one meant. */
function lastOfRun(masked: string, offset: number, people: Mention[], first: number): Mention | undefined {
  let i = first;
  // A title names one person after at most a few others: bounded, so a chain of names costs no more than a few steps.
  while (i + 1 < people.length && i - first < 4 && people[i + 1].start - people[i].end <= NEAR && TITLE_RUN.test(` ${masked.slice(people[i].end - offset, people[i + 1].start - offset).trimStart()}`)) i++;
  return people[i];
}

/**
 * "Tasnim quoted Zarif as saying", "quoting Sadr as saying", "according to X":
 * the words are X's, not the relay's. An organisation after "according to"
 * only relays (it names no speaker), and "quoted" without "as saying" attributes nothing.
 */
function relayedFrame(masked: string, offset: number, verbAt: number, verbEnd: number, verb: string, people: Mention[], ctx: Context): Frame | null {
  const rest = masked.slice(verbEnd, verbEnd + 24);
  if (verb !== 'according to') {
    const pronoun = PRONOUN_OBJECT.exec(rest);
    if (pronoun) {
      // "Khamenei's official website quoted him as saying": him is the owner; otherwise whom the text is about.
      const owner = people[lowerBound(people, (p) => p.end - offset, verbAt) - 1];
      const between = owner ? masked.slice(owner.end - offset, verbAt) : '';
      const owned = owner && /^['\u2019]s\s+[^,;.]{0,60}$/.test(between) && !isOrganization(ctx, owner.entity);
      const speaker = owned ? owner.entity : pronounSubject(ctx);
      return { start: offset + verbAt, end: offset + verbEnd + pronoun[0].length, speaker, kind: owned ? 'relayed' : 'pronoun', confidence: owned ? 'stated' : 'inferred', weak: false };
    }
  }
  const after = lastOfRun(masked, offset, people, lowerBound(people, (p) => p.start - offset, verbEnd));
  if (!after || after.start - offset - verbEnd > NEAR || !TITLE_RUN.test(masked.slice(verbEnd, after.start - offset))) {
    if (verb === 'according to' && /^\s+(?:the|a|its|his|her)\s+(?:\w+\s+)?statement\b/.test(rest)) {
      return { start: offset + verbAt, end: offset + verbEnd, speaker: ctx.statementBy, kind: 'statement', confidence: 'inferred', weak: false };
    }
    return null;
  }
  if ((verb === 'quoted' || verb === 'quoting') && !AS_SAYING.test(masked.slice(after.end - offset, after.end - offset + 16))) return null;
  const speaker = verb === 'according to' && isOrganization(ctx, after.entity) ? null : after.entity;
  return { start: offset + verbAt, end: after.end, speaker, kind: verb === 'according to' ? 'according-to' : 'relayed', confidence: 'stated', weak: false };
}

/** "said Iraqi Foreign Minister Fuad Hussein", "said the ministry": a subject after its verb. */
function invertedFrame(masked: string, offset: number, verbAt: number, verbEnd: number, people: Mention[], ctx: Context): Frame | null {
  if (!INVERTED_VERB.test(masked.slice(verbAt, verbEnd))) return null;
  const after = lastOfRun(masked, offset, people, lowerBound(people, (p) => p.start - offset, verbEnd));
  if (after && after.start - offset - verbEnd <= NEAR && TITLE_RUN.test(masked.slice(verbEnd, after.start - offset)) && !/^\s+(?:the\s+)?[\p{Ll}]/u.test(masked.slice(verbEnd, after.start - offset).replace(/^\s+the\s+/, ' '))) {
    return { start: offset + verbAt, end: after.end, speaker: after.entity, kind: 'verb', confidence: 'stated', weak: false };
  }
  // "noted the Iraqi foreign minister": a role after its verb, before any name.
  const role = INVERTED_ROLE.exec(masked.slice(verbEnd, verbEnd + NEAR));
  if (role && (!after || after.start - offset > verbEnd + role[0].length)) {
    return roleFrame(ctx, offset + verbAt, offset + verbEnd + role[0].length, role[1], role[2], '', false);
  }
  // "said a statement from PM Haider al-Abadi's office", "read the statement".
  const statement = /^\s+(?:a|the)\s+statement\b/.exec(masked.slice(verbEnd, verbEnd + 20));
  if (statement) {
    const by = after && after.start - offset - verbEnd <= 60 && /^\s+a\s+statement\s+(?:from|by)\s+/.test(masked.slice(verbEnd, after.start - offset).replace(/\s+(?:the|[\p{Lu}][\p{L}.]*)\s+/gu, ' ')) ? after.entity : null;
    return { start: offset + verbAt, end: by ? (after as Mention).end : offset + verbEnd + statement[0].length, speaker: by ?? ctx.statementBy, kind: 'statement', confidence: by ? 'stated' : 'inferred', weak: false };
  }
  return null;
}

/** "he": the person the text is about, if it was about them in this paragraph or the two before. */
function pronounSubject(ctx: Context): string | null {
  return ctx.paragraph - ctx.subjectParagraph <= 2 ? ctx.subject : null;
}

/** The frame a verb of speech opens, or null when nothing before or after it names a speaker. */
export function frameAt(masked: string, offset: number, verbAt: number, verbEnd: number, people: Mention[], ctx: Context): Frame | null {
  const verb = masked.slice(verbAt, verbEnd);
  if (verb === 'quoted' || verb === 'quoting' || verb === 'according to') return relayedFrame(masked, offset, verbAt, verbEnd, verb, people, ctx);
  const weak = WEAK_VERB.test(verb);
  const kindOf = (k: Frame['kind']): Frame['kind'] => (/quoted as saying/.test(verb) ? 'relayed' : k);
  const named = subjectBefore(masked, offset, verbAt, people, openingPhraseEnd(masked));
  if (named === 'joint') return { start: offset + verbAt, end: offset + verbEnd, speaker: null, kind: 'verb', confidence: 'stated', weak };
  if (named) return { start: named.mention.start, end: offset + verbEnd, speaker: named.mention.entity, kind: kindOf(named.kind), confidence: 'stated', weak };
  const before = masked.slice(Math.max(0, verbAt - NEAR), verbAt);
  // The patterns open with the character before the cue (start of text or a non-letter): the cue starts after it.
  const at = (match: RegExpExecArray) => offset + verbAt - before.length + match.index + (/^[^\p{L}]/u.test(match[0]) ? 1 : 0);
  const pronoun = PRONOUN_SUBJECT.exec(before);
  if (pronoun) {
    const it = /^[Ii]t$/.test(pronoun[1]);
    return { start: at(pronoun), end: offset + verbEnd, speaker: it ? ctx.orgSubject : pronounSubject(ctx), kind: 'pronoun', confidence: 'inferred', weak };
  }
  const statement = STATEMENT_SUBJECT.exec(before);
  if (statement) return { start: at(statement), end: offset + verbEnd, speaker: ctx.statementBy, kind: 'statement', confidence: 'inferred', weak };
  const descriptor = DESCRIPTOR_SUBJECT.exec(before);
  // "the Spokesman for the Iran Foreign Ministry said": the ministry is no subject.
  if (descriptor && !objectOfPreposition(before.slice(0, descriptor.index + descriptor[0].length - descriptor[0].trimStart().length))) {
    const start = at(descriptor);
    return roleFrame(ctx, start, offset + verbEnd, descriptor[1], descriptor[2], descriptor[3] ?? '', weak);
  }
  return invertedFrame(masked, offset, verbAt, verbEnd, people, ctx);
}
