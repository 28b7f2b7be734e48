/**
 * Quote attribution: who said the words inside each pair of quotation marks.
 * Works on one article at a time, sentence by sentence, tracking the person
 * the text is about so that "he said" and "the spokesman added" resolve to a
 * name. When the text does not make the speaker clear the answer is null:
 * a wrong attribution is worse than none.
 */
import type { Span } from './sentences';
import type { Mention } from './types';

export interface AttributionInput {
  /** The article's body, paragraphs joined by blank lines. */
  text: string;
  /** Sentence spans in `text`, in order; none crosses a paragraph. */
  sentences: Span[];
  /** Paragraph index of each sentence. */
  paragraphOf: number[];
  /** Quotation spans in `text` (marks included), in order. */
  quotes: Span[];
  /** Mentions of people and organisations in `text` (places are ignored), in order. */
  people: Mention[];
  /** Roles the corpus gives each person, lower-cased. */
  roles: ReadonlyMap<string, string[]>;
  /**
   * Filled per sentence: whose statement the sentence is when it quotes someone else
   * ("Zarif rebutted Pompeo's claim that "…"": the sentence is Zarif's, the quoted words Pompeo's).
   */
  voices?: (string | null)[];
  /** Each entity's name, for "the ministry" and "the group"; without it only people's roles resolve descriptors. */
  names?: Readonly<Record<string, { name: string; type: string }>>;
}

const SPEECH_VERB =
  /\b(?:was quoted as saying|according to|quoted|issued a statement|released a statement|went on to say|went to say|pointed out|called on|called for|(?<!so-)called|described|said|says|told|tells|added|adds|stated|states|noted|notes|remarked|concluded|continued|explained|stressed|emphasized|emphasised|clarified|confirmed|urged|asserted|acknowledged|opines|opined|declared|announced|warned|insisted|argued|responded|replied|predicted|reiterated|maintained|hailed|claimed|wrote|tweeted|believes|underlined|underscored|expressed|affirmed|denounced|condemned|highlighted)\b/g;
/**
 * Words that may stand between a subject and its verb. Every repeated part must
 * consume a keyword, so the pattern cannot backtrack exponentially on runs of spaces.
 */
const GAP = String.raw`(?:\s*,\s*in (?:his|her|its) part,)?\s+(?:(?:also|then|later|further|elsewhere|reportedly|once|again|had|has|have|previously|earlier|on \w+day|statement|in a statement|in its statement|in an interview)\s+)*`;
/** "Hadi al-Ameri, a senior commander in the Hashed, told …": a name, a phrase in commas, then the verb. */
const AFTER_SUBJECT = new RegExp(
  `^(?:\\s*\\([^)]{1,40}\\))?(?:\\s*,[^,;"\u201c\u201d]{1,140},|\\s*,[^,;"\u201c\u201d]{1,140}?(?=\\s+on \\w+day\\s)|\\s*,)?${GAP}$`,
  'u',
);
/** ", calling on …", ", adding that …": the sentence's speaker goes on. */
const PARTICIPLE = /,\s+(?:calling on|calling for|adding|stressing|noting|saying|warning|urging|insisting)\b/g;
const PRONOUN_SUBJECT = new RegExp(`(?:^|[^\\p{L}])([Hh]e|[Ss]he|[Ii]t)${GAP}$`, 'u');
const STATEMENT_SUBJECT = new RegExp(`(?:^|[^\\p{L}])(?:[Tt]he|[Ii]ts) statement${GAP}$`, 'u');
const DESCRIPTOR_SUBJECT = new RegExp(
  `(?:^|[^\\p{L}])((?:[Tt]he\\s+)?(?:[\\p{L}.-]+\\s+){0,3}?)(spokesman|spokeswoman|spokesperson|envoy|ambassador|president|diplomat|official|minister|premier|leader|cleric|general|secretary|advisor|adviser|commander|group|ministry|government|council|command|movement|office)${GAP}$`,
  'iu',
);
const POSSESSIVE_SPEECH =
  /(?:\u2019s|'s)\s+(?:[\p{L}-]+\s+)?(?:claims?|remarks?|words|statements?|assertions?|comments?|pledges?|warnings?|promises?|arguments?|insistence)\s+(?:that\s+)?[:,]?\s*$/u;
const SUBJECT_STOP = new Set(
  'and or of in on at to for with from by the a an who whose which that as than but nor bloc administration government visit'.split(' '),
);
const ONLY_PUNCTUATION = /^[\s,.;:\u2014\u2013-]*$/;

const HEAD_ROLE_WORDS: Record<string, string[]> = {
  spokesman: ['spokesman', 'spokeswoman', 'spokesperson'],
  spokeswoman: ['spokesman', 'spokeswoman', 'spokesperson'],
  spokesperson: ['spokesman', 'spokeswoman', 'spokesperson'],
  envoy: ['ambassador', 'envoy'],
  ambassador: ['ambassador', 'envoy'],
  diplomat: ['foreign minister', 'ambassador', 'envoy', 'diplomat'],
  president: ['president'],
  premier: ['prime minister', 'premier'],
  minister: ['minister'],
  leader: ['leader'],
  cleric: ['cleric'],
  general: ['general', 'commander'],
  secretary: ['secretary'],
  advisor: ['advisor', 'adviser'],
  adviser: ['advisor', 'adviser'],
  commander: ['commander'],
  // "the senior State Department official" is somebody the text does not name, unless a role says official.
  official: ['official'],
};

/** Index of the first item whose key is >= value, in a list sorted by that key. */
function lowerBound<T>(items: T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Attribution cues sit next to the quote or verb; a longer gap is never one, and bounding it keeps the work linear. */
const NEAR = 80;

interface Frame {
  /** Where the subject starts (or the verb, for an inverted "said Rouhani"). */
  start: number;
  end: number;
  speaker: string | null;
}

interface State {
  /** The person the text is currently about: the referent of "he". */
  subject: string | null;
  lastSpeaker: string | null;
  lastSpeakerParagraph: number;
  /** Where each person was last named, for descriptors. */
  lastNamed: Map<string, number>;
  /** The organisation the text is about: the referent of "it". */
  orgSubject: string | null;
  /** Who issued the statement "the statement said" quotes. */
  statementBy: string | null;
  names: Readonly<Record<string, { name: string; type: string }>>;
  text: string;
}

/** Attributes every quote in an article; returns one speaker (entity id or null) per quote. */
export function attributeQuotes(input: AttributionInput): (string | null)[] {
  const speakers: (string | null)[] = [];
  const state: State = {
    subject: null,
    lastSpeaker: null,
    lastSpeakerParagraph: -1,
    lastNamed: new Map(),
    orgSubject: null,
    statementBy: null,
    names: input.names ?? {},
    text: input.text,
  };
  let q = 0;
  let m = 0;
  input.sentences.forEach((sentence, index) => {
    const quotes: Span[] = [];
    while (q < input.quotes.length && input.quotes[q].start < sentence.end) {
      if (input.quotes[q].start >= sentence.start) quotes.push(input.quotes[q]);
      q++;
    }
    const people: Mention[] = [];
    while (m < input.people.length && input.people[m].start < sentence.end) {
      if (input.people[m].start >= sentence.start) people.push(input.people[m]);
      m++;
    }
    const paragraph = input.paragraphOf[index];
    const masked = maskQuotes(input.text, sentence, quotes);
    const frames = readFrames(masked, sentence.start, people, quotes, input.roles, state);
    const quoted = new Set<string>();
    for (const quote of quotes) {
      const speaker = speakerOf(quote, masked, sentence, frames, people, paragraph, state);
      speakers.push(speaker);
      if (speaker) {
        quoted.add(speaker);
        remember(state, speaker, paragraph);
      }
    }
    if (input.voices) {
      const voice = voiceOf(masked, sentence.start, people, quotes);
      input.voices.push(voice && quoted.size > 0 && !quoted.has(voice) ? voice : null);
    }
    for (const f of frames) if (f.speaker) remember(state, f.speaker, paragraph);
  });
  return speakers;
}

/** Verbs by which the sentence's subject answers or reports someone: the sentence is then that subject's statement. */
const VOICE_AFTER =
  /^(?:\s+(?:also|later|then|again|on \w+day))*\s+(?:rebutted|refuted|dismissed|rejected|slammed|criticized|criticised|mocked|ridiculed|questioned|responded|replied|hit back|denied|said|told|added|stressed|noted|wrote|tweeted|recalled|cited|quoted)\b/;

/** The first name outside the quotes followed by a verb of speech or reply ("One day after Pompeo's remarks, Zarif responded"). */
function voiceOf(masked: string, offset: number, people: Mention[], quotes: Span[]): string | null {
  let looked = 0;
  for (const person of people) {
    if (quotes.some((q) => q.start < person.start && person.end <= q.end)) continue;
    if (VOICE_AFTER.test(masked.slice(person.end - offset, person.end - offset + 60))) return person.entity;
    // Only the sentence's first few names can head it.
    if (++looked === 3) break;
  }
  return null;
}

function remember(state: State, speaker: string, paragraph: number): void {
  state.lastSpeaker = speaker;
  state.lastSpeakerParagraph = paragraph;
}

/** The sentence with quoted words blanked out, so that words inside quotes never act as attribution. */
function maskQuotes(text: string, sentence: Span, quotes: Span[]): string {
  let out = '';
  let at = sentence.start;
  for (const quote of quotes) {
    out += text.slice(at, quote.start + 1) + ' '.repeat(Math.max(0, quote.end - quote.start - 2));
    at = Math.max(at, quote.end - 1);
  }
  return out + text.slice(at, sentence.end);
}

/** Finds "X said" frames and the sentence subjects, in text order, updating who "he" is. */
function readFrames(
  masked: string,
  offset: number,
  people: Mention[],
  quotes: Span[],
  roles: ReadonlyMap<string, string[]>,
  state: State,
): Frame[] {
  const frames: Frame[] = [];
  const events: { at: number; run: () => void }[] = [];
  const outsideQuotes = people.filter((p) => {
    const inside = quotes[lowerBound(quotes, (qs) => qs.end, p.end)];
    return !(inside && inside.start < p.start);
  });
  let subjectFound = false;
  for (const person of outsideQuotes) {
    events.push({
      at: person.start,
      run: () => {
        state.lastNamed.set(person.entity, person.start);
        // Only the first person who heads a predicate is the sentence's subject;
        // a name later in the sentence ("… and his counterpart Patrushev later") is an object.
        if (subjectFound) return;
        const rest = masked.slice(person.end - offset, person.end - offset + 60);
        const next = /^(?:\s+(?:also|then|further|once|again|has|had|have))*\s+([a-z]+)/.exec(rest);
        if (next && !SUBJECT_STOP.has(next[1])) {
          setSubject(state, person.entity);
          subjectFound = true;
        }
      },
    });
  }
  SPEECH_VERB.lastIndex = 0;
  for (let v = SPEECH_VERB.exec(masked); v !== null; v = SPEECH_VERB.exec(masked)) {
    const verbAt = v.index;
    const verbEnd = verbAt + v[0].length;
    events.push({
      at: offset + verbAt,
      run: () => {
        const frame = frameAt(masked, offset, verbAt, verbEnd, outsideQuotes, roles, state);
        if (!frame) return;
        frames.push(frame);
        if (frame.speaker) {
          setSubject(state, frame.speaker);
          // "issued a statement", "A KRG statement said", "said in a statement": what "the statement" will refer to.
          const around = masked.slice(frame.start - offset, frame.end - offset + 24);
          if (/statement/.test(around)) state.statementBy = frame.speaker;
        }
      },
    });
  }
  PARTICIPLE.lastIndex = 0;
  for (let p = PARTICIPLE.exec(masked); p !== null; p = PARTICIPLE.exec(masked)) {
    const at = p.index;
    const end = at + p[0].length;
    events.push({
      at: offset + at,
      run: () => {
        const previous = frames[frames.length - 1];
        if (previous?.speaker) frames.push({ start: offset + at, end: offset + end, speaker: previous.speaker });
      },
    });
  }
  events.sort((a, b) => a.at - b.at);
  for (const e of events) e.run();
  return frames;
}

/** "he" is the person the text is about, "it" the organisation. */
function setSubject(state: State, entity: string): void {
  if (state.names[entity]?.type === 'organization') state.orgSubject = entity;
  else state.subject = entity;
}

/**
 * "Tasnim quoted Zarif as saying": the words are Zarif's, not the agency's; "according to Zarif": his.
 * An agency after "according to" only relays, and a "quoted" without "as saying" attributes nothing.
 */
function relayedFrame(
  masked: string,
  offset: number,
  verbAt: number,
  verbEnd: number,
  verb: string,
  people: Mention[],
  state: State,
): Frame | null {
  const after = people[lowerBound(people, (p) => p.start - offset, verbEnd)];
  // Between the verb and the name, only "the" or a title in capitals ("quoted Iraqi Foreign Minister Fuad Hussein").
  if (!after || !/^\s{1,3}(?:the\s+)?(?:\p{Lu}[\p{L}.'\u2019-]*\s+){0,5}$/u.test(masked.slice(verbEnd, after.start - offset))) return null;
  if (verb === 'quoted' && !/^\s+as saying\b/.test(masked.slice(after.end - offset, after.end - offset + 16))) return null;
  // "according to IRNA": a relay names no speaker, and the quote is not someone's earlier words going on either.
  const speaker = verb === 'according to' && state.names[after.entity]?.type !== 'person' ? null : after.entity;
  return { start: offset + verbAt, end: after.end, speaker };
}

/**
 * The name that heads "X said": the nearest one before the verb joined to it by
 * nothing but a phrase in commas and adverbs, skipping names inside that phrase
 * ("Hadi al-Ameri, a senior commander in the Hashed, told") and after a preposition.
 */
function subjectBefore(masked: string, offset: number, verbAt: number, people: Mention[]): Mention | null {
  const last = lowerBound(people, (p) => p.end - offset, verbAt + 1) - 1;
  for (let i = last; i >= 0 && i > last - 4; i--) {
    const named = people[i];
    if (verbAt - (named.end - offset) > 3 * NEAR) return null;
    // "the U.S. ambassador to the United Nations said": a name after a preposition is no subject.
    const objectOfPreposition = /\b(?:to|of|at|for|from|in|with|by)\s+(?:the\s+)?$/i.test(masked.slice(Math.max(0, named.start - offset - 12), named.start - offset));
    if (!objectOfPreposition && AFTER_SUBJECT.test(masked.slice(named.end - offset, verbAt))) return named;
  }
  return null;
}

function frameAt(
  masked: string,
  offset: number,
  verbAt: number,
  verbEnd: number,
  people: Mention[],
  roles: ReadonlyMap<string, string[]>,
  state: State,
): Frame | null {
  const verb = masked.slice(verbAt, verbEnd);
  if (verb === 'quoted' || verb === 'according to') return relayedFrame(masked, offset, verbAt, verbEnd, verb, people, state);
  const before = masked.slice(Math.max(0, verbAt - NEAR), verbAt);
  const named = subjectBefore(masked, offset, verbAt, people);
  if (named) {
    return { start: named.start, end: offset + verbEnd, speaker: named.entity };
  }
  const pronoun = PRONOUN_SUBJECT.exec(before);
  if (pronoun) {
    const start = offset + verbAt - before.length + pronoun.index;
    return { start, end: offset + verbEnd, speaker: /^[Ii]t$/.test(pronoun[1]) ? state.orgSubject : state.subject };
  }
  const statement = STATEMENT_SUBJECT.exec(before);
  if (statement) {
    return { start: offset + verbAt - before.length + statement.index, end: offset + verbEnd, speaker: state.statementBy };
  }
  const descriptor = DESCRIPTOR_SUBJECT.exec(before);
  if (descriptor) {
    const start = offset + verbAt - before.length + descriptor.index;
    const head = descriptor[2].toLowerCase();
    // "an Iraqi official said": an anonymous source, whoever was named before.
    const anonymous = /^(?:an?|one|another)\s/i.test(descriptor[1]);
    const speaker = anonymous ? null : ORG_HEADS.has(head) ? resolveOrgDescriptor(head, state, start) : resolveDescriptor(descriptor[1], head, roles, state.lastNamed, start, state.names);
    return { start, end: offset + verbEnd, speaker };
  }
  const inverted = people[lowerBound(people, (p) => p.start - offset, verbEnd)];
  if (inverted && /^(said|says|added)$/.test(masked.slice(verbAt, verbEnd)) && /^\s{1,3}$/.test(masked.slice(verbEnd, inverted.start - offset))) {
    return { start: offset + verbAt, end: inverted.end, speaker: inverted.entity };
  }
  return null;
}

const WEAK_VERB = /(?:called on|called for|called|described|denounced|condemned|expressed)$/;
const WEAK_NEAR = 100;
const ORG_HEADS = new Set(['group', 'ministry', 'government', 'council', 'command', 'movement', 'office']);

/**
 * "Kerry said Zarif told him “…”": the frame right before the quote is reported by an earlier one
 * ("Kerry said" + "that"?), so the words are the reporter's. Walks back while frames are nested so.
 */
function reporterOf(frames: Frame[], index: number, masked: string, offset: number): Frame | undefined {
  let frame = frames[index];
  for (let i = index - 1; frame && i >= Math.max(0, index - 3); i--) {
    const outer = frames[i];
    if (!/^\s+(?:that\s+)?$/.test(masked.slice(outer.end - offset, frame.start - offset))) break;
    frame = outer;
  }
  return frame;
}

/** "the ministry", "the group": the organisation named last before it whose name has that word ("group" fits any). */
function resolveOrgDescriptor(head: string, state: State, before: number): string | null {
  let best: string | null = null;
  let bestAt = -1;
  for (const [entity, at] of state.lastNamed) {
    const info = state.names[entity];
    if (at >= before || info?.type !== 'organization') continue;
    if (head !== 'group' && !info.name.toLowerCase().includes(head)) continue;
    if (at > bestAt) {
      best = entity;
      bestAt = at;
    }
  }
  return best;
}

/** "the spokesman", "Russian top diplomat": the person named before whose corpus role fits the words best. */
function resolveDescriptor(
  modifiers: string,
  head: string,
  roles: ReadonlyMap<string, string[]>,
  lastNamed: Map<string, number>,
  before: number,
  names: State['names'],
): string | null {
  const headWords = HEAD_ROLE_WORDS[head] ?? [head];
  const words = modifiers.toLowerCase().split(/\s+/).filter((w) => w && w !== 'the');
  let best: string | null = null;
  let bestScore = 0;
  let bestAt = -1;
  for (const [entity, at] of lastNamed) {
    if (at >= before || names[entity]?.type === 'organization') continue;
    const entityRoles = roles.get(entity) ?? [];
    const fits = headWords.length === 0 || entityRoles.some((r) => headWords.some((h) => r.includes(h)));
    if (!fits) continue;
    const score = 1 + words.filter((w) => entityRoles.some((r) => r.split(/\s+/).includes(w))).length;
    if (score > bestScore || (score === bestScore && at > bestAt)) {
      best = entity;
      bestScore = score;
      bestAt = at;
    }
  }
  return best;
}

function speakerOf(
  quote: Span,
  masked: string,
  sentence: Span,
  frames: Frame[],
  people: Mention[],
  paragraph: number,
  state: State,
): string | null {
  const offset = sentence.start;
  const leadStart = Math.max(0, quote.start - offset - NEAR);
  const lead = masked.slice(leadStart, quote.start - offset);
  // Pompeo's claim that "…": the words are Pompeo's, whoever reports them.
  const possessive = POSSESSIVE_SPEECH.exec(lead);
  if (possessive) {
    const owner = people[lowerBound(people, (p) => p.end - offset, leadStart + possessive.index)];
    if (owner && owner.end - offset === leadStart + possessive.index) return owner.entity;
  }
  const next = lowerBound(frames, (f) => f.start, quote.end);
  const following = frames[next];
  if (following && following.start - quote.end <= NEAR && ONLY_PUNCTUATION.test(masked.slice(quote.end - offset, following.start - offset))) {
    return following.speaker;
  }
  const preceding = reporterOf(frames, lowerBound(frames, (f) => f.end, quote.start + 1) - 1, masked, offset);
  // "called on world powers … after missiles emblazoned with "…"": a call or a condemnation quotes only what follows it closely.
  const weak = preceding && WEAK_VERB.test(masked.slice(preceding.start - offset, preceding.end - offset));
  if (preceding && !(weak && quote.start - preceding.end > WEAK_NEAR)) return preceding.speaker;
  if (following) return following.speaker;
  // A quotation that opens a sentence with no one named goes on with the speaker just before it.
  const opensSentence = leadStart === 0 && ONLY_PUNCTUATION.test(lead);
  // A slogan in capitals ("GREAT POPULAR UPRISING") is a banner or a chant, not more of anyone's words.
  const words = state.text.slice(quote.start, quote.end);
  const slogan = !/\p{Ll}/u.test(words) && /\p{Lu}/u.test(words);
  if (opensSentence && !slogan && state.lastSpeaker && paragraph - state.lastSpeakerParagraph <= 1) {
    return state.lastSpeaker;
  }
  return null;
}
