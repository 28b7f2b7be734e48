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
  /** Mentions of people in `text` (other types are ignored), in order. */
  people: Mention[];
  /** Roles the corpus gives each person, lower-cased. */
  roles: ReadonlyMap<string, string[]>;
}

const SPEECH_VERB =
  /\b(?:went on to say|pointed out|said|says|told|tells|added|adds|stated|states|noted|notes|remarked|concluded|continued|explained|stressed|emphasized|emphasised|clarified|confirmed|urged|asserted|acknowledged|opines|opined|declared|announced|warned|insisted|argued|responded|replied|predicted|reiterated|maintained|hailed|claimed|wrote|tweeted|believes)\b/g;
/**
 * Words that may stand between a subject and its verb. Every repeated part must
 * consume a keyword, so the pattern cannot backtrack exponentially on runs of spaces.
 */
const GAP = String.raw`(?:\s*,\s*in (?:his|her) part,)?\s+(?:(?:also|then|later|further|once|again|had|has|have|previously|earlier|on \w+day|in a statement|in an interview)\s+)*`;
const AFTER_SUBJECT = new RegExp(`^${GAP}$`);
const PRONOUN_SUBJECT = new RegExp(`(?:^|[^\\p{L}])([Hh]e|[Ss]he)${GAP}$`, 'u');
const DESCRIPTOR_SUBJECT = new RegExp(
  `(?:^|[^\\p{L}])((?:[Tt]he\\s+)?(?:[\\p{L}.-]+\\s+){0,3}?)(spokesman|spokeswoman|spokesperson|envoy|ambassador|president|diplomat|official|minister|premier|leader|cleric|general|secretary|advisor|adviser|commander)${GAP}$`,
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
  official: [],
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
}

/** Attributes every quote in an article; returns one speaker (entity id or null) per quote. */
export function attributeQuotes(input: AttributionInput): (string | null)[] {
  const speakers: (string | null)[] = [];
  const state: State = { subject: null, lastSpeaker: null, lastSpeakerParagraph: -1, lastNamed: new Map() };
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
    for (const quote of quotes) {
      const speaker = speakerOf(quote, masked, sentence, frames, people, paragraph, state);
      speakers.push(speaker);
      if (speaker) remember(state, speaker, paragraph);
    }
    for (const f of frames) if (f.speaker) remember(state, f.speaker, paragraph);
  });
  return speakers;
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
          state.subject = person.entity;
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
        if (frame.speaker) state.subject = frame.speaker;
      },
    });
  }
  events.sort((a, b) => a.at - b.at);
  for (const e of events) e.run();
  return frames;
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
  const before = masked.slice(Math.max(0, verbAt - NEAR), verbAt);
  const named = people[lowerBound(people, (p) => p.end - offset, verbAt + 1) - 1];
  if (named && verbAt - (named.end - offset) <= NEAR && AFTER_SUBJECT.test(masked.slice(named.end - offset, verbAt))) {
    return { start: named.start, end: offset + verbEnd, speaker: named.entity };
  }
  const pronoun = PRONOUN_SUBJECT.exec(before);
  if (pronoun) {
    const start = offset + verbAt - before.length + pronoun.index;
    return { start, end: offset + verbEnd, speaker: state.subject };
  }
  const descriptor = DESCRIPTOR_SUBJECT.exec(before);
  if (descriptor) {
    const start = offset + verbAt - before.length + descriptor.index;
    const speaker = resolveDescriptor(descriptor[1], descriptor[2].toLowerCase(), roles, state.lastNamed, start);
    return { start, end: offset + verbEnd, speaker };
  }
  const inverted = people[lowerBound(people, (p) => p.start - offset, verbEnd)];
  if (inverted && /^(said|says|added)$/.test(masked.slice(verbAt, verbEnd)) && /^\s{1,3}$/.test(masked.slice(verbEnd, inverted.start - offset))) {
    return { start: offset + verbAt, end: inverted.end, speaker: inverted.entity };
  }
  return null;
}

/** "the spokesman", "Russian top diplomat": the person named before whose corpus role fits the words best. */
function resolveDescriptor(
  modifiers: string,
  head: string,
  roles: ReadonlyMap<string, string[]>,
  lastNamed: Map<string, number>,
  before: number,
): string | null {
  const headWords = HEAD_ROLE_WORDS[head] ?? [head];
  const words = modifiers.toLowerCase().split(/\s+/).filter((w) => w && w !== 'the');
  let best: string | null = null;
  let bestScore = 0;
  let bestAt = -1;
  for (const [entity, at] of lastNamed) {
    if (at >= before) continue;
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
  const preceding = frames[lowerBound(frames, (f) => f.end, quote.start + 1) - 1];
  if (preceding) return preceding.speaker;
  if (following) return following.speaker;
  // A quotation that opens a sentence with no one named goes on with the speaker just before it.
  const opensSentence = leadStart === 0 && ONLY_PUNCTUATION.test(lead);
  if (opensSentence && state.lastSpeaker && paragraph - state.lastSpeakerParagraph <= 1) {
    return state.lastSpeaker;
  }
  return null;
}
